"""Turn files into position-aware documents, whatever their format."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Callable

from linter.findings import Span
from linter.load.document import Document, Hit
from linter.load.json_loader import load_json
from linter.load.yaml_loader import load_yaml

Loader = Callable[[Document], None]

LOADERS: dict[str, tuple[str, Loader]] = {
    ".yaml": ("yaml", load_yaml),
    ".yml": ("yaml", load_yaml),
    ".json": ("json", load_json),
}

MAX_FILE_BYTES = 5 * 1024 * 1024

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def register_loader(suffix: str, format_name: str, loader: Loader) -> None:
    LOADERS[suffix] = (format_name, loader)


def is_lintable(path: Path) -> bool:
    return path.suffix.lower() in LOADERS


def decode(raw: bytes) -> tuple[str | None, str]:
    """The text of a file, or None and the reason it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), ""
            except UnicodeDecodeError as error:
                return None, f"the file starts with a {encoding} byte-order mark but is not valid {encoding}: {error.reason}"
    if b"\0" in raw:
        return None, "the file holds NUL bytes: it looks binary, not a text record"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x} on line {line}): save it as UTF-8"


def load_bytes(raw: bytes, display_path: str, suffix: str) -> Document:
    format_name, loader = LOADERS[suffix.lower()]
    doc = Document(path=display_path, format=format_name)
    if len(raw) > MAX_FILE_BYTES:
        doc.problems.append(Hit(
            f"the file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a record; "
            "it is not parsed", span=Span(1, 1, 1, 1), rule="syntax-error"))
        return doc
    text, reason = decode(raw)
    if text is None:
        doc.problems.append(Hit(reason, span=Span(1, 1, 1, 1), rule="syntax-error"))
        return doc
    doc.text = text
    loader(doc)
    return doc


def load_file(path: Path, display_path: str) -> Document:
    """Load one file; raises OSError when it cannot be read at all."""
    return load_bytes(path.read_bytes(), display_path, path.suffix)
