"""The report-format schemas in tests/specs are the unmodified copies SOURCES.md names."""

from __future__ import annotations

import hashlib
import re

from tests.conftest import SPECS


def test_each_schema_matches_the_digest_its_source_names():
    rows = re.findall(
        r"^\| `([^`]+)` .*\| `([0-9a-f]{64})` \|$", (SPECS / "SOURCES.md").read_text("utf-8"), re.MULTILINE
    )
    assert sorted(name for name, _ in rows) == sorted(p.name for p in SPECS.iterdir() if p.name != "SOURCES.md")
    for name, digest in rows:
        assert hashlib.sha256((SPECS / name).read_bytes()).hexdigest() == digest, name
