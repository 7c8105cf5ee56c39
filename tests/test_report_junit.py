"""The JUnit report validates against the xunit JUnit 10 XSD: a suite per file, a case per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.findings import Severity
from linter.report import junit
from tests.conftest import SPECS
from tests.reporting import finding, invalid_run, summary_of


@pytest.fixture(scope="module")
def report() -> str:
    return junit.render(invalid_run())


def test_validates_against_the_junit_schema(report):
    schema = xmlschema.XMLSchema(str(SPECS / "junit-10.xsd"))
    errors = [error.reason for error in schema.iter_errors(report)]
    assert errors == []


def test_one_suite_per_file_one_case_per_finding_failing_at_the_fail_on_level(report):
    # docs/ci.md: findings at or above --fail-on (error by default) fail; the others are skipped
    # cases that carry the finding, so a run that exits 0 shows no failed test.
    run = invalid_run()
    root = ET.fromstring(report)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(run.paths)
    for suite in suites:
        path = suite.get("name")
        errors = [f for f in run.findings if f.path == path and f.severity == Severity.ERROR]
        others = [f for f in run.findings if f.path == path and f.severity != Severity.ERROR]
        cases = suite.findall("testcase")
        failures = [case.find("failure") for case in cases if case.find("failure") is not None]
        skipped = [case.find("skipped") for case in cases if case.find("skipped") is not None]
        assert len(failures) == int(suite.get("failures")) == len(errors)
        assert len(skipped) == int(suite.get("skipped")) == len(others)
        assert [f.get("message") for f in failures] == [f.message for f in errors]
        assert [s.get("message") for s in skipped] == [f"{f.severity.label}: {f.message}" for f in others]
    assert int(root.get("failures")) == sum(f.severity == Severity.ERROR for f in run.findings) > 0
    assert any(f.severity != Severity.ERROR for f in run.findings)


def test_fail_on_decides_what_fails():
    run = invalid_run()
    every = ET.fromstring(junit.render(run._replace(fail_on=Severity.INFO)))
    assert int(every.get("failures")) == len(run.findings)
    never = ET.fromstring(junit.render(run._replace(fail_on=None)))
    assert int(never.get("failures")) == 0


def test_clean_file_gets_a_passing_case(report):
    suites = {s.get("name"): s for s in ET.fromstring(report).findall("testsuite")}
    clean = suites["tests/fixtures/valid/minimal.json"]
    [case] = clean.findall("testcase")
    assert list(case) == [] and clean.get("failures") == "0" and clean.get("tests") == "1"


def test_testcase_names_are_unique_even_for_identical_findings():
    twins = [finding(), finding(), finding(line=4)]
    cases = ET.fromstring(junit.render(summary_of(twins))).iter("testcase")
    names = [(case.get("classname"), case.get("name")) for case in cases]
    assert len(set(names)) == len(names) == 3


def test_characters_xml_cannot_carry_are_replaced():
    report = junit.render(summary_of([finding(message="bad \x01 byte")]))
    assert ET.fromstring(report).find(".//failure").get("message") == "bad \ufffd byte"


@settings(max_examples=50)
@given(message=st.text(), path=st.text(min_size=1))
def test_any_text_gives_well_formed_xml(message, path):
    report = junit.render(summary_of([finding(message=message, path=path)]))
    failure = ET.fromstring(report).find(".//failure")
    # Only what XML cannot carry at all is replaced; everything else comes back as it was.
    expected = "".join(c if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c > "\uffff"
                       else "\ufffd" for c in message)
    assert failure.get("message") == expected
