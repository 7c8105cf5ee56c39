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


def dump(record: dict) -> str:
    # safe_dump quotes every string another YAML reader would type differently ("2020-03-12",
    # "NO"), so the written record passes `implicit-type`.
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def write_record(record: dict, directory: Path, name: str, force: bool) -> Written:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.yaml"
    existed = target.exists()
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
