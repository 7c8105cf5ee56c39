"""The HTML report in a real browser: headless Chromium (Debian's package, driven by Playwright)
opens the site from file://, with no console error, no failed request and no request that
leaves the file system; the overview's counts equal the JSON report's summary; a record page
shows a finding under its line; pages fit a phone-sized window.

Screenshots of the overview and a record page go to $CONFLICT_LINT_SCREENSHOTS when it is set
(docs/report.md: `CONFLICT_LINT_SCREENSHOTS=docs/report`), else to a temporary directory.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from linter.report.html import page_of
from tests.conftest import ROOT
from tests.report_site import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
UNCORRECTED = "tests/fixtures/invalid/ayorou-uncorrected.yaml"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: `apt-get install chromium` (Debian) as root; .ci/run installs it")
    with sync_api.sync_playwright() as playwright:
        # No sandbox: CI runs as root, where Chromium's sandbox cannot start.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class Visit:
    """A browser tab that records what a page did wrong while loading."""

    def __init__(self, browser, viewport: dict):
        self.page = browser.new_page(viewport=viewport)
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}")
        )
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        assert self.problems == [], path
        assert [url for url in self.requests if not url.startswith(("file://", "data:"))] == [], path
        return self.page

    def close(self) -> None:
        self.page.close()


def screenshot_dir(tmp_path: Path) -> Path:
    wanted = os.environ.get("CONFLICT_LINT_SCREENSHOTS")
    target = Path(wanted) if wanted else tmp_path / "screenshots"
    target = target if target.is_absolute() else ROOT / target
    target.mkdir(parents=True, exist_ok=True)
    return target


def counts_on(page) -> dict[str, int]:
    return {
        name: int(page.locator(f'[data-count="{name}"]').inner_text().replace(",", ""))
        for name in ("files", "findings", "error", "warning", "info")
    }


def assert_counts(page, report: dict) -> None:
    summary = report["summary"]
    counts = counts_on(page)
    assert counts["files"] == summary["files"]
    assert counts["findings"] == summary["findings"]
    assert {k: counts[k] for k in ("error", "warning", "info")} == summary["by_severity"]
    for slug, count in summary["by_rule"].items():
        assert page.locator(f'[data-rule="{slug}"]').inner_text().replace(",", "") == str(count)


def assert_fits(page) -> None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, "the page scrolls sideways on a phone-sized window"


NOTES_UNDER = """line => {
    const notes = [];
    for (let row = document.getElementById('L' + line).nextElementSibling;
         row && row.classList.contains('note'); row = row.nextElementSibling) notes.push(row.innerText);
    return notes;
}"""


def assert_finding_under_its_line(page, line: int, column: int, code: str) -> None:
    """The finding's comment is among the rows right under its line, shown between it and the next."""
    notes = page.evaluate(NOTES_UNDER, line)
    assert any(code in note and f"line {line}, column {column}" in note for note in notes), notes
    below = page.locator(f"#L{line + 1}")
    if below.count():
        first_note = page.locator(f"#L{line} + tr.note")
        assert (
            page.locator(f"#L{line}").bounding_box()["y"] < first_note.bounding_box()["y"] < below.bounding_box()["y"]
        )


def test_site_of_the_bundled_records_in_chromium(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    _, report = write_report(site, "records", "tests/fixtures")
    shots = screenshot_dir(tmp_path)
    desktop = Visit(browser, DESKTOP)
    overview = desktop.open(site / "index.html")
    assert_counts(overview, report)
    overview.screenshot(path=str(shots / "overview.png"), full_page=True)
    for page in sorted(site.rglob("*.html")):  # every page loads cleanly
        desktop.open(page)
    record = desktop.open(site / page_of(UNCORRECTED))
    # The README's example: CL301 at 10:9, on 'Franco-'.
    assert_finding_under_its_line(record, 10, 9, "CL301")
    assert record.locator("#L10 mark").inner_text() == "Franco-"
    record.screenshot(path=str(shots / "record.png"), full_page=True)
    desktop.close()
    phone = Visit(browser, PHONE)
    for page in ("index.html", page_of(UNCORRECTED), "records.html", "rules/figure-unsourced.html"):
        assert_fits(phone.open(site / page))
    phone.open(site / page_of(UNCORRECTED)).screenshot(path=str(shots / "record-phone.png"))
    phone.close()


def test_site_of_the_real_corpus_in_chromium(browser, shared_dir, tmp_path, monkeypatch):
    corpus = shared_dir / "corpus"
    if not corpus.is_dir():
        pytest.skip("the corpus (../shared/corpus) is not beside the checkout")
    monkeypatch.chdir(corpus.parent)
    site = tmp_path / "site"
    _, report = write_report(site, "corpus")
    visit = Visit(browser, DESKTOP)
    assert_counts(visit.open(site / "index.html"), report)
    findings = report["findings"]
    assert findings
    for page in ["records.html", "rules.html", *sorted(str(p.relative_to(site)) for p in (site / "rules").iterdir())]:
        visit.open(site / page)
    # A sample of record pages (every page of the fixtures is loaded above): the first finding's
    # file, and every twentieth file with findings.
    paths = sorted({f["path"] for f in findings})
    for path in paths[::20]:
        visit.open(site / page_of(path))
    first = findings[0]
    page = visit.open(site / page_of(first["path"]))
    assert_finding_under_its_line(page, first["line"], first["column"], first["code"])
    visit.close()
