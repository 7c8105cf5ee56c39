"""Reference tables the rules read; each file names its source."""

from __future__ import annotations

import functools
import json
import os

# Beside this module: the package is always installed as files, and importlib.resources costs
# a few milliseconds of start-up that a one-file run feels.
_HERE = os.path.dirname(__file__)


@functools.cache
def load(name: str) -> dict:
    with open(os.path.join(_HERE, name), encoding="utf-8") as stream:
        return json.load(stream)
