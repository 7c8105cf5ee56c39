"""Reference tables the rules read; each file names its source."""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
