"""What "valid output" means for each report format, for the tests that feed the CLI hostile input.

Each machine-readable format is checked against its published schema where there is one (SARIF
2.1.0, the JUnit XSD), GitLab's documented Code Quality fields, and the JSON report's own
contract (docs/json-output.md); the text report and GitHub annotations must hold no raw control
character and no line that is not a workflow command; every page of an HTML site must parse as
strict HTML5.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from tests.conftest import SPECS


@functools.lru_cache(maxsize=1)
def _sarif_validator() -> Any:
    import jsonschema

    schema = json.loads((SPECS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@functools.lru_cache(maxsize=1)
def _junit_schema() -> Any:
    import xmlschema

    return xmlschema.XMLSchema(str(SPECS / "junit-10.xsd"))


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c != "\n" and (ord(c) < 32 or 0x7f <= ord(c) <= 0x9f or "\ud800" <= c <= "\udfff"
                                              or c in "\u2028\u2029")]


def _json_report(report: dict) -> None:
    assert isinstance(report["findings"], list) and isinstance(report["summary"], dict)
    for finding in report["findings"]:
        assert isinstance(finding["path"], str) and finding["path"]
        assert isinstance(finding["message"], str) and finding["message"]
        assert all(isinstance(finding[k], int) and finding[k] >= 1 for k in ("line", "column", "end_line",
                                                                              "end_column"))
        assert finding["severity"] in ("error", "warning", "info")
    assert report["summary"]["findings"] == len(report["findings"])


def assert_valid(output_format: str, output: str) -> None:
    """``output`` is a valid report in ``output_format``; raises AssertionError (or the parser's
    error) when it is not."""
    if output_format == "json":
        _json_report(json.loads(output))
    elif output_format == "sarif":
        errors = [error.message for error in _sarif_validator().iter_errors(json.loads(output))]
        assert not errors, errors[:3]
    elif output_format == "gitlab":
        import jsonschema

        from tests.test_report_gitlab import CODE_QUALITY_SCHEMA

        jsonschema.validate(json.loads(output), CODE_QUALITY_SCHEMA)
    elif output_format == "junit":
        errors = [error.reason for error in _junit_schema().iter_errors(output)]
        assert not errors, errors[:3]
    elif output_format in ("text", "github"):
        raw = _raw_controls(output)
        assert not raw, f"raw control characters in {output_format}: {raw!r}"
        if output_format == "github":
            # GitHub reads one command per "\n" (other line separators were checked absent above):
            # each line is a workflow command, or the plain note on GitHub's limit of shown annotations
            assert all(line.startswith(("::", "conflict-lint: GitHub shows only"))
                       for line in output.split("\n") if line), output
    else:
        raise ValueError(f"no check for the format {output_format!r}")


def assert_valid_site(directory: Path) -> None:
    """Every page of an HTML site parses as strict HTML5 and holds no raw control character."""
    import html5lib

    pages = sorted(directory.rglob("*.html"))
    assert pages and (directory / "index.html") in pages
    for page in pages:
        raw = page.read_bytes()
        text = raw.decode("utf-8")  # strictly: a lone surrogate cannot have been written as UTF-8
        controls = [c for c in _raw_controls(text) if c not in "\t\r"]
        assert not controls, f"raw control characters in {page.name}: {controls!r}"
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(raw)
