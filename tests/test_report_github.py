"""GitHub Actions workflow commands, with GitHub's documented escaping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.findings import Severity
from linter.report import github
from linter.report.escape import printable
from tests.reporting import UNSOURCED, finding, lint_record, summary_of


def test_one_annotation_per_finding_with_its_span():
    assert github.render(summary_of(lint_record(UNSOURCED))) == (
        "::error file=records/red-ford.yaml,line=8,col=9,endLine=8,endColumn=21,"
        "title=CL104 figure-unsourced::side 1 strength figure has no source: "
        "add the ids of the sources that give it to 'sources'\n")


def test_severity_chooses_the_command():
    commands = [github.command(finding(severity=s)).split(" ", 1)[0] for s in Severity]
    assert commands == ["::notice", "::warning", "::error"]


def test_message_escapes_percent_and_line_breaks_but_not_separators():
    line = github.command(finding(message="100% wrong:\r\nsee, here"))
    assert line.endswith("::100%25 wrong:%0D%0Asee, here")


def test_properties_escape_colons_and_commas_too():
    line = github.command(finding(path="records/a,b:c%.yaml"))
    assert "file=records/a%2Cb%3Ac%25.yaml,line=3," in line


def test_no_findings_no_output():
    assert github.render(summary_of([])) == ""


def _unescape(text: str) -> str:
    # GitHub's runner reverses the escapes in this order (the inverse of the toolkit's).
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


@given(message=st.text(), path=st.text(min_size=1))
def test_any_message_and_path_survive_the_round_trip(message, path):
    line = github.command(finding(message=message, path=path))
    assert "\n" not in line and "\r" not in line
    head, _, data = line.partition("::")[2].partition("::")
    assert _unescape(data) == printable(message, keep_line_breaks=True)
    properties = dict(item.split("=", 1) for item in head.split(" ", 1)[1].split(","))
    assert _unescape(properties["file"]) == printable(path, keep_line_breaks=True)


def test_a_note_says_when_github_will_not_show_every_annotation():
    run = summary_of([finding(line=n) for n in range(1, 13)] + [finding(line=20, severity=Severity.WARNING)])
    lines = github.render(run).splitlines()
    assert len(lines) == 14 and not lines[-1].startswith("::")
    assert lines[-1].startswith("conflict-lint: GitHub shows only the first 10 annotations of each type per step: "
                                "of 12 errors, 2 are not annotated.")
    assert "SARIF" in lines[-1]
    few = summary_of([finding(line=n) for n in range(1, 11)])
    assert all(line.startswith("::") for line in github.render(few).splitlines())
