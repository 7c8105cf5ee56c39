"""Hostile and broken input through the CLI: a finding or a message, bounded, files untouched.

Each case runs `conflict-lint lint` in a subprocess with a memory cap and a time-out that only
guards against a hang (they are generous: this is not a timing test).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MEMORY_CAP = 1024 * 1024 * 1024  # address space for the child; a runaway expansion hits it, not the machine


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def lint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "linter", "lint", "--format", "json", "--fail-on", "never", *args],
                            cwd=cwd, capture_output=True, timeout=60, preexec_fn=_cap_memory, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")
    return result


def findings(tmp_path: Path, name: str, content: bytes, *args: str) -> list[tuple[str, int, int]]:
    path = tmp_path / name
    path.write_bytes(content)
    before = hashlib.sha256(content).hexdigest()
    result = lint(name, *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # never rewritten
    report = json.loads(result.stdout)
    return [(f["rule"], f["line"], f["column"]) for f in report["findings"]]


def rules(found) -> set[str]:
    return {rule for rule, _, _ in found}


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(9))


@pytest.mark.parametrize("name, content", [
    ("bomb.yaml", BOMB.encode()),
    ("flow.yaml", b"[" * 100_000 + b"]" * 100_000),
    ("block.yaml", b"- " * 100_000 + b"x\n"),
    ("mapping.yaml", b"{a: " * 50_000 + b"1" + b"}" * 50_000),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000),
], ids=["aliases", "flow", "block", "mapping", "json"])
def test_expansion_and_nesting_bombs_are_findings(tmp_path, name, content):
    assert rules(findings(tmp_path, name, content)) == {"syntax-error"}


def test_file_over_the_size_limit_is_not_parsed(tmp_path):
    assert findings(tmp_path, "big.yaml", b"id: x\n" * 1000, "--max-file-size", "1000") == [("syntax-error", 1, 1)]


def test_very_long_line_is_linted(tmp_path):
    found = findings(tmp_path, "long.yaml", b"conflict: " + b"x" * 2_000_000 + b"\n")
    assert "syntax-error" not in rules(found)


@pytest.mark.parametrize("content", [b"", b"# only a comment\n# and another\n", b"\n\n\n"])
def test_empty_files_get_one_finding(tmp_path, content):
    assert findings(tmp_path, "empty.yaml", content) == [("schema-violation", 1, 1)]


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"id: caf\xe9\n", b"id: x\0y\n",
                                     b"\xff\xfe\0\xd8"])
def test_binary_and_undecodable_files_are_findings(tmp_path, content):
    assert findings(tmp_path, "binary.yaml", content) == [("syntax-error", 1, 1)]


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("utf-8"),
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    lambda text: text.encode("utf-16"),  # with its byte-order mark
    lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    lambda text: text.replace("\n", "\r").encode("utf-8"),
], ids=["utf-8", "utf-8-bom", "utf-16", "crlf", "cr"])
def test_positions_hold_across_encodings_and_line_endings(tmp_path, encode):
    text = "id: x\nsides:\n  - combatants: [France]\n    casualites: {}\n"
    assert ("unknown-field", 4, 5) in findings(tmp_path, "record.yaml", encode(text))


def test_tab_indentation_is_a_syntax_error_with_position(tmp_path):
    assert findings(tmp_path, "tabs.yaml", b"id: x\nsides:\n\t- combatants: [France]\n") == [("syntax-error", 3, 1)]


@pytest.mark.parametrize("content, expected", [
    (b'{"id": NaN}', ("syntax-error", 1, 1)),
    (b'{"id": "a",\n "id": "b"}', ("duplicate-key", 2, 2)),
    (b'{"id": "a",}', ("syntax-error", 1, 12)),
])
def test_json_traps(tmp_path, content, expected):
    assert expected in findings(tmp_path, "record.json", content)


def test_one_unreadable_file_is_reported_and_the_others_linted(tmp_path):
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "dangling.yaml").symlink_to(tmp_path / "records" / "nowhere.yaml")
    (tmp_path / "records" / "loop.yaml").symlink_to(tmp_path / "records" / "loop.yaml")
    (tmp_path / "records" / "ok.yaml").write_text("id: ok\nvictor: x\n")
    report = json.loads(lint("records", cwd=tmp_path).stdout)
    assert sorted((f["path"], f["rule"]) for f in report["findings"] if f["rule"] != "schema-violation") == [
        ("records/dangling.yaml", "file-unreadable"), ("records/loop.yaml", "file-unreadable"),
        ("records/ok.yaml", "unknown-field")]


def test_odd_names_and_a_path_given_twice(tmp_path):
    name = "bataille de l'Yser é.yaml"
    (tmp_path / name).write_text("id: x\nvictor: y\n")
    report = json.loads(lint(name, name, f"./{name}", cwd=tmp_path).stdout)
    assert report["summary"]["files"] == 1
    assert {f["path"] for f in report["findings"]} == {name}


def test_missing_directory_is_a_message_and_exit_2(tmp_path):
    result = lint("no-such-dir", cwd=tmp_path)
    assert result.returncode == 2
    assert b"no such file or directory: no-such-dir" in result.stderr


def test_schema_refers_to_nothing_outside_itself():
    schema_text = (ROOT / "schemas" / "conflict.schema.json").read_text("utf-8")

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)
    assert all(ref.startswith("#") for ref in refs(json.loads(schema_text)))


@pytest.mark.parametrize("content, expected", [
    (b"{{Infobox military conflict|conflict=" + b"{{x|" * 20_000 + b"}}" * 20_000 + b"}}", "limit-exceeded"),
    (b"{{Infobox military conflict\n| conflict = A<ref>unclosed\n| result = {{flag|France\n", "no-infobox"),
    # 20,000 repeats of one parameter: each is a duplicate-key finding, more than are kept per file
    (b"{{Infobox military conflict\n| conflict = A\n" + b"| casualties1 = 9 killed<br/>\n" * 20_000 + b"}}",
     "limit-exceeded"),
], ids=["nested-templates", "unbalanced", "enormous"])
def test_hostile_wikitext_is_read_or_reported(tmp_path, content, expected):
    assert expected in rules(findings(tmp_path, "page.wiki", content))
