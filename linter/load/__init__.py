"""Turn files into position-aware documents, whatever their format."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from linter.errors import InternalError
from linter.findings import Span
from linter.limits import MAX_FILE_BYTES
from linter.model.document import Document, Hit
from linter.rules.file_unreadable import SLUG as FILE_UNREADABLE
from linter.rules.syntax_error import SLUG as SYNTAX_ERROR

Loader = Callable[[Document], None]

def load_yaml(doc: Document) -> None:
    from linter.load.yaml_loader import load_yaml as load  # PyYAML: not for a run whose files are all cached

    load(doc)


def load_json(doc: Document) -> None:
    from linter.load.json_loader import load_json as load  # its position scanner: only for JSON files

    load(doc)


def load_wikitext(doc: Document) -> None:
    from linter.infobox.wikitext import (
        load_wikitext as load,  # only when a wikitext file is read
    )

    load(doc)


def load_article_text(doc: Document) -> None:
    from linter.infobox.article_text import load_article_text as load

    load(doc)


LOADERS: dict[str, tuple[str, Loader]] = {
    ".yaml": ("yaml", load_yaml),
    ".yml": ("yaml", load_yaml),
    ".json": ("json", load_json),
    ".wiki": ("wikitext", load_wikitext),
    ".wikitext": ("wikitext", load_wikitext),
    ".mediawiki": ("wikitext", load_wikitext),
    ".txt": ("article-text", load_article_text),
}


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def is_lintable(path: Path) -> bool:
    return path.suffix.lower() in LOADERS


def decode(raw: bytes) -> tuple[str | None, str]:
    """The text of a file, or None and the reason it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), ""
            except UnicodeDecodeError as error:
                return (
                    None,
                    f"the file starts with a {encoding} byte-order mark but is not valid {encoding}: {error.reason}",
                )
    if b"\0" in raw:
        return None, "the file holds NUL bytes: it looks binary, not a text record"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x} on line {line}): save it as UTF-8"


def load_bytes(raw: bytes, display_path: str, suffix: str, max_bytes: int = MAX_FILE_BYTES) -> Document:
    format_name, loader = LOADERS[suffix.lower()]
    doc = Document(path=display_path, format=format_name)
    if len(raw) > max_bytes:
        doc.problems.append(
            Hit(
                f"the file is over the {max_bytes:,}-byte limit for a record (--max-file-size); it is not parsed",
                span=Span(1, 1, 1, 1),
                rule=SYNTAX_ERROR,
            )
        )
        return doc
    text, reason = decode(raw)
    if text is None:
        doc.problems.append(Hit(reason, span=Span(1, 1, 1, 1), rule=SYNTAX_ERROR))
        return doc
    doc.text = text
    try:
        loader(doc)
    except Exception as error:  # a loader bug must name the file it met
        raise InternalError(display_path, f"the {format_name} loader", error) from error
    return doc


def with_extra(doc: Document) -> list[Document]:
    """A file's records: the document itself and any further infobox of the same file."""
    return [doc, *doc.extra]


def load_file(path: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Load one file; a file that cannot be read becomes a document with a finding."""
    from linter.safe_io import read_regular

    try:
        raw = read_regular(path, max_bytes)  # never more than the limit, whatever the file is
    except OSError as error:
        doc = Document(path=display_path, format=LOADERS[path.suffix.lower()][0])
        reason = error.strerror or str(error)
        doc.problems.append(Hit(f"cannot read the file: {reason}", span=Span(1, 1, 1, 1), rule=FILE_UNREADABLE))
        return doc
    return load_bytes(raw, display_path, path.suffix, max_bytes)
