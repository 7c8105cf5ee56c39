"""The distributions: an sdist that carries what its tests need, a wheel with its licences and
type marker, and no documentation inputs inside the installed package."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

# What the tests read beyond the package itself.
TEST_INPUTS = ("tests", "records", "schemas", "scripts", "bench", "docs", ".ci")
_SKIPPED_PARTS = {"__pycache__", ".hypothesis", ".pytest_cache"}


def _build(kind: str, out: Path) -> Path:
    code = f"from setuptools import build_meta; print(build_meta.build_{kind}({str(out)!r}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return out / result.stdout.strip().splitlines()[-1]


def _files_under(top: str) -> set[str]:
    found = set()
    for directory, folders, files in os.walk(ROOT / top):
        folders[:] = [f for f in folders if f not in _SKIPPED_PARTS]
        found |= {Path(directory, f).relative_to(ROOT).as_posix() for f in files if not f.endswith(".pyc")}
    return found


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    return _build("sdist", out), _build("wheel", out)


def test_the_sdist_holds_what_its_tests_read(dists):
    sdist, _ = dists
    with tarfile.open(sdist) as archive:
        prefix = archive.getnames()[0].split("/")[0]
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        metadata = archive.extractfile(f"{prefix}/PKG-INFO").read().decode()  # type: ignore[union-attr]
    needed = set().union(*map(_files_under, TEST_INPUTS)) | {"LICENSE", "NOTICE", "CHANGELOG.md", "README.md",
                                                             "pyproject.toml", ".pre-commit-hooks.yaml"}
    assert needed - names == set()
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata and "License-File: NOTICE" in metadata


def test_the_wheel_ships_licences_and_types_but_no_documentation_inputs(dists):
    _, wheel = dists
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "linter/py.typed" in names
    assert "linter/data/countries.json" in names
    assert "linter/data/party_table.json" in names
    assert not [name for name in names if name.endswith("precision.json")]
    licences = {name.rsplit("/", 1)[-1] for name in names if ".dist-info/licenses/" in name}
    assert licences == {"LICENSE", "NOTICE"}
    assert not [name for name in names if name.startswith(("tests/", "docs/", "bench/"))]
