"""Write imported records as native YAML files: atomically, and never over an existing file
unless asked to."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Written:
    path: Path
    replaced: bool


class Exists(Exception):
    def __init__(self, path: Path):
        super().__init__(f"{path} exists; use --force to replace it")
        self.path = path


class _Dumper(yaml.SafeDumper):
    """SafeDumper with sequences indented under their key, as yamllint's default
    ``indentation`` rule (``indent-sequences: true``) wants them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


# yamllint's default line-length is 80. PyYAML breaks a line at the first space past this width,
# so a line ends at most one word later; it cannot break a long word (a URL) at all, which
# yamllint then reports unless `allow-non-breakable-inline-mappings` is on (docs/formats.md).
WIDTH = 60


def dump(record: dict) -> str:
    # The safe representer quotes every string another YAML reader would type differently
    # ("2020-03-12", "NO"), so the written record passes `implicit-type`; "---" starts the
    # document, as yamllint's default document-start rule asks.
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH,
                     default_flow_style=False, explicit_start=True)


def write_record(record: dict, directory: Path, name: str, force: bool) -> Written:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.yaml"
    existed = os.path.lexists(target)  # a link, even a dangling one, is not silently replaced
    if existed and not force:
        raise Exists(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(dump(record))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Written(target, existed)
