"""scripts/corpus_report.py (cited in docs/formats.md) on a plain clone and with --out anywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import FIXTURES, ROOT

SCRIPT = ROOT / "scripts" / "corpus_report.py"


def report(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], check=False, cwd=cwd, capture_output=True, text=True)


def test_without_a_corpus_it_says_where_it_looked(tmp_path):
    result = report("--corpus", str(tmp_path / "none"), "--out", str(tmp_path / "out.md"), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"no infobox files (wikitext*/*.wiki) under {tmp_path / 'none'}" in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_writes_a_report_outside_the_repository(tmp_path):
    corpus = tmp_path / "corpus" / "wikitext"
    corpus.mkdir(parents=True)
    shutil.copy(FIXTURES / "wikitext" / "article-with-infobox.wiki", corpus)
    result = report("--corpus", str(tmp_path / "corpus"), "--out", str(tmp_path / "report.md"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote report.md: ")
    text = (tmp_path / "report.md").read_text("utf-8")
    assert "- Infoboxes read: 2 from 1 files" in text and "| `figure-unsourced` | CL104 | 3 |" in text
