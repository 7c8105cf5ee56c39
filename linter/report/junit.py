"""The JUnit XML report: one testsuite per file, one failing testcase per finding.

It targets the xunit "JUnit 10" schema most CI servers accept (Jenkins, GitLab, Azure): that
schema allows ``file`` on ``testsuite`` but not on ``testcase``, so the path lives on the suite
and in each testcase's ``classname``.

A finding at or above the run's ``--fail-on`` level is a ``failure``; one below it (a warning
or info in a default run) is a ``skipped`` testcase whose message is the finding, so a run
that exits 0 shows no failed test, and the finding is still listed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from linter.findings import Finding, Severity
from linter.report import RunSummary

CLEAN_CASE = "no findings"
# Characters XML 1.0 cannot carry at all, even escaped; a hostile record may put them in a message.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case_names(findings: list[Finding]) -> list[str]:
    """Testcase names, unique within the file even when one rule fires twice at one place."""
    base = [f"{f.code} {f.rule} at {f.line}:{f.column}" for f in findings]
    totals, seen = Counter(base), Counter[str]()
    names = []
    for name in base:
        seen[name] += 1
        names.append(f"{name} #{seen[name]}" if totals[name] > 1 else name)
    return names


def _fails(finding: Finding, fail_on: Severity | None) -> bool:
    return fail_on is not None and finding.severity >= fail_on


def _suite(path: str, findings: list[Finding], fail_on: Severity | None) -> ET.Element:
    path = _xml_text(path)
    failures = sum(1 for f in findings if _fails(f, fail_on))
    suite = ET.Element("testsuite", {
        "name": path, "file": path, "tests": str(max(len(findings), 1)),
        "failures": str(failures), "errors": "0", "skipped": str(len(findings) - failures), "time": "0",
    })
    if not findings:
        ET.SubElement(suite, "testcase", {"name": CLEAN_CASE, "classname": path, "time": "0"})
    for finding, name in zip(findings, _case_names(findings), strict=True):
        case = ET.SubElement(suite, "testcase", {"name": name, "classname": path, "time": "0"})
        failure = ET.SubElement(case, "failure" if _fails(finding, fail_on) else "skipped",
                                {"type": finding.severity.label,
                                 "message": _xml_text(finding.message if _fails(finding, fail_on)
                                                      else f"{finding.severity.label}: {finding.message}")})
        detail = f"{finding.path}:{finding.line}:{finding.column}: {finding.code} [{finding.rule}] {finding.message}"
        failure.text = _xml_text(detail + (f"\nat {finding.pointer}" if finding.pointer else ""))
    return suite


def render(run: RunSummary) -> str:
    # Every checked file gets a suite, so clean files show up as passing testcases.
    by_path: dict[str, list[Finding]] = {path: [] for path in run.paths}
    for finding in run.findings:
        by_path.setdefault(finding.path, []).append(finding)
    suites = [_suite(path, findings, run.fail_on) for path, findings in by_path.items()]
    root = ET.Element("testsuites", {
        "name": "conflict-lint",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(1 for f in run.findings if _fails(f, run.fail_on))), "errors": "0", "time": "0",
    })
    root.extend(suites)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
