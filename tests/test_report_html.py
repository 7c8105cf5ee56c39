"""The HTML report (docs/report.md): valid HTML5, the same counts as the JSON report, findings at
their lines, everything from the records escaped, byte-identical runs, pagination."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.findings import Finding, Severity, Span
from linter.report.html import page_of, site
from linter.report.html.infobox import figure
from linter.report.html.source import Line, source_lines
from tests.conftest import FIXTURES, ROOT
from tests.report_site import data_counts, pages, write_report

UNCORRECTED = "tests/fixtures/invalid/ayorou-uncorrected.yaml"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # display paths relative to the checkout, as a user runs it
        code, report = write_report(out, "records", "tests/fixtures")
    assert code == 0
    return out, report


def parse_strictly(path: Path):
    # strict=True raises on the first parse error of the HTML5 parsing algorithm.
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(path.read_bytes())


def test_every_page_parses_as_strict_html5(fixture_site):
    out, report = fixture_site
    written = pages(out)
    assert len(written) > len(report["findings"]) // 10  # record, rule and list pages
    for page in written:
        parse_strictly(page)


def test_overview_counts_equal_the_json_summary(fixture_site):
    out, report = fixture_site
    overview = (out / "index.html").read_text("utf-8")
    counts = data_counts(overview)
    summary = report["summary"]
    assert counts["files"] == summary["files"]
    assert counts["findings"] == summary["findings"] > 0
    assert {k: counts[k] for k in ("error", "warning", "info")} == summary["by_severity"]
    by_rule = dict(re.findall(r'data-rule="([a-z-]+)">([0-9,]+)<', overview))
    assert {slug: int(n) for slug, n in by_rule.items()} == summary["by_rule"]


def test_record_page_shows_each_finding_under_its_line(fixture_site):
    out, _ = fixture_site
    page = (out / page_of(UNCORRECTED)).read_text("utf-8")
    # Line 10 is '  text: Franco-Nigerien victory'; CL301 stands at column 9, on 'Franco-'.
    line = re.search(r'<tr id="L10" class="flagged">.*?</tr>', page).group(0)
    assert "<mark>Franco-</mark>Nigerien victory" in line
    note = page[page.index(line) + len(line):].split("</tr>", 1)[0]
    assert "line 10, column 9" in note and "CL301 result-unlisted-party" in note
    assert 'id="L9"' in page and 'id="L11"' in page and "flagged" not in page.split('id="L9"')[1][:40]


def test_record_page_reads_as_an_infobox_with_links(fixture_site):
    out, _ = fixture_site
    page = (out / page_of("tests/fixtures/valid/skirmish-at-red-ford.yaml")).read_text("utf-8")
    assert "<h1>Skirmish at Red Ford</h1>" in page
    # part_of: [river-campaign] resolves to the record of that id, linked to its page.
    assert f'<a href="../{page_of("tests/fixtures/valid/river-campaign.yaml")}">river-campaign</a>' in page
    assert "c. 300" in page and 'href="#source-0-ledger"' in page and 'id="source-0-ledger"' in page
    assert "9–12" in page and "10–20 (best estimate 14)" in page
    uncorrected = (out / page_of(UNCORRECTED)).read_text("utf-8")
    assert "Same id or name as" in uncorrected  # the duplicate of records/2020-ayorou-attack.yaml
    assert f'href="../{page_of("records/2020-ayorou-attack.yaml")}"' in uncorrected


def test_wikitext_and_article_text_pages(fixture_site):
    out, _ = fixture_site
    wiki = (out / page_of("tests/fixtures/wikitext/article-with-infobox.wiki")).read_text("utf-8")
    assert "Record 1: Skirmish at Red Ford" in wiki and "Record 2:" in wiki  # two infoboxes in one page
    article = (out / page_of("tests/fixtures/article/red-ford.txt")).read_text("utf-8")
    assert "Bavaria" in article and "CL404 see-also-unresolved" in article


def test_record_pages_show_which_findings_fix_and_how(fixture_site):
    out, report = fixture_site
    with_fix: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        with_fix.setdefault(finding["path"], []).extend([finding["fix"]] if finding.get("fix") else [])
    assert sum(map(len, with_fix.values())) > 0
    for path, fixes in with_fix.items():
        page = (out / page_of(path)).read_text("utf-8")
        safe = sum(fix["applicability"] == "safe" for fix in fixes)
        # each fixable finding is marked twice: in the list at the top and in its note under its line
        assert page.count('class="fix fix-safe"') == 2 * safe, path
        assert page.count('class="fix fix-unsafe"') == 2 * (len(fixes) - safe), path
        if fixes:
            assert f"{safe} fixable with <code>lint --fix</code>, {len(fixes)} with" in page, path
        else:
            assert 'class="fixable"' not in page, path
    kessel = (out / page_of("tests/fixtures/fix/skirmish-at-kessel-ford.txt")).read_text("utf-8")
    # the unsafe fixes, with the text each edit writes and the text it takes out
    assert "applied by <code>lint --fix --unsafe-fixes</code>: add United Kingdom to the combatants of side 1" in kessel
    assert '<span class="at">line 8, column 32:</span> <ins>, United Kingdom</ins>' in kessel
    assert '<span class="at">line 10, column 36:</span> <del>, None</del>' in kessel
    implicit = (out / page_of("tests/fixtures/invalid/implicit-type.yaml")).read_text("utf-8")
    assert "[*]</span> safe fix</span>, applied by <code>lint --fix</code>" in implicit
    assert re.search(r"<del>([^<]+)</del> → <ins>&#34;\1&#34;</ins>", implicit)  # quoted as written


def test_rule_pages_hold_the_explain_text_and_the_findings(fixture_site):
    out, report = fixture_site
    page = (out / "rules" / "figure-unsourced.html").read_text("utf-8")
    assert "<h2>What it does</h2>" in page and "<h2>Use instead</h2>" in page
    unsourced = [f for f in report["findings"] if f["rule"] == "figure-unsourced"]
    assert page.count('<tr><th scope="row"><a href="../files/') == len(unsourced)
    assert (out / "rules" / "syntax-error.html").exists() and (out / "rules.html").exists()


def test_an_unchanged_set_gives_a_byte_identical_site(fixture_site, tmp_path):
    out, _ = fixture_site
    again = tmp_path / "again"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        write_report(again, "records", "tests/fixtures")
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_pages_of_removed_files_go(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "valid", "set")
    write_report(tmp_path / "site", "set")
    gone = tmp_path / "site" / page_of("set/minimal.json")
    assert gone.exists()
    (tmp_path / "set" / "minimal.json").unlink()
    (tmp_path / "site" / "notes.html").write_text("the user's own file")
    write_report(tmp_path / "site", "set")
    assert not gone.exists() and (tmp_path / "site" / "notes.html").exists()


HOSTILE = """\
id: x
conflict: "<script>alert('conflict')</script>"
part_of: ["<img src=x onerror=alert(1)>"]
date: {start: "1900", text: "<b onmouseover=alert(2)>1900</b>"}
result: {text: "\\" onclick=\\"alert(3)"}
sides:
  - combatants: ["</td></tr></table><script>alert(4)</script>"]
    casualties:
      killed: {count: 3, sources: ["a\\" onfocus=\\"alert(5)", "<x>"]}
  - combatants: [B]
sources:
  "<x>": {publisher: "<iframe src=javascript:alert(6)>", url: "javascript:alert(7)"}
"""


def test_everything_from_the_records_is_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "<script>alert(0)<'x\">.yaml").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "set" / "bad.yaml").write_bytes(b"id: [<script>\n\xff\xfe")
    write_report(tmp_path / "site", "set")
    for page in pages(tmp_path / "site"):
        tree = parse_strictly(page)
        for element in tree.iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            assert tag.rsplit("}", 1)[-1] not in ("script", "img", "iframe", "b"), page
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (page, name)
                assert not value.lower().lstrip().startswith("javascript:"), (page, value)
    record = (tmp_path / "site" / page_of("set/<script>alert(0)<'x\">.yaml")).read_text("utf-8")
    assert "&lt;script&gt;alert(&#39;conflict&#39;)&lt;/script&gt;" in record
    assert "javascript:alert(7)" in record  # shown as text, never as a link


def test_long_lists_are_paginated(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(site, "FINDINGS_PER_PAGE", 4)
    monkeypatch.setattr(site, "FILES_PER_PAGE", 10)
    _, report = write_report(tmp_path, "tests/fixtures")
    unsourced = sum(1 for f in report["findings"] if f["rule"] == "figure-unsourced")
    expected = -(-unsourced // 4)
    assert expected > 1
    assert sorted(p.name for p in (tmp_path / "rules").glob("figure-unsourced*.html")) == sorted(
        ["figure-unsourced.html"] + [f"figure-unsourced-{n}.html" for n in range(2, expected + 1)])
    second = (tmp_path / "rules" / "figure-unsourced-2.html").read_text("utf-8")
    assert f"Page 2 of {expected}" in second and 'rel="prev"' in second
    files = -(-report["summary"]["files"] // 10)
    assert (tmp_path / f"records-{files}.html").exists() and not (tmp_path / f"records-{files + 1}.html").exists()
    for page in pages(tmp_path):
        parse_strictly(page)


def test_lint_writes_the_site_with_output_html(tmp_path):
    result = CliRunner().invoke(cli, ["lint", str(FIXTURES / "valid"), "--output", f"html:{tmp_path / 'site'}"],
                                env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 0 and "no findings" in result.output
    assert (tmp_path / "site" / "index.html").exists() and (tmp_path / "site" / "style.css").exists()
    assert CliRunner().invoke(cli, ["lint", str(FIXTURES / "valid"), "--format", "html"]).exit_code == 2


def test_report_exit_codes_and_errors(tmp_path):
    uncorrected = str(FIXTURES / "invalid" / "ayorou-uncorrected.yaml")
    result = CliRunner().invoke(cli, ["report", uncorrected, "--html", str(tmp_path / "a"), "--fail-on", "error"])
    assert result.exit_code == 1 and "report written to" in result.output
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(cli, ["report", uncorrected, "--html", str(blocker / "site")])
    assert result.exit_code == 2 and "cannot write the report" in result.output
    assert CliRunner().invoke(cli, ["report", uncorrected]).exit_code == 2  # --html is required


def test_baseline_shows_new_and_fixed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "invalid" / "ayorou-uncorrected.yaml", "a.yaml")
    assert CliRunner().invoke(cli, ["baseline", "a.yaml", "--output", "base.json"]).exit_code == 0
    text = Path("a.yaml").read_text().replace("  text: Franco-Nigerien victory", "  text: Nigerien victory")
    Path("a.yaml").write_text(text)
    write_report(tmp_path / "site", "a.yaml", extra=("--baseline", "base.json"))
    recorded = sum(entry["count"] for entry in json.loads(Path("base.json").read_text())["findings"])
    counts = data_counts((tmp_path / "site" / "index.html").read_text("utf-8"))
    # The result no longer credits France: that finding is fixed, the others are still there.
    assert (counts["new"], counts["fixed"], counts["kept"]) == (0, 1, recorded - 1)


def _finding(line: int, column: int, end_column: int) -> Finding:
    return Finding("f.yaml", Span(line, column, line, end_column), "CL104", "figure-unsourced", Severity.ERROR, "m")


def test_source_lines_mark_spans_and_leave_out_long_stretches():
    text = "\n".join(f"line {n} <x>" for n in range(1, 3001))
    rows, past_end = source_lines(text, [_finding(1500, 6, 10), _finding(1500, 8, 12), _finding(4000, 1, 1)])
    flagged = [row for row in rows if isinstance(row, Line)]
    assert [row.number for row in flagged] == [1500]
    # Text is cut before it is escaped (no entity is split), and overlapping spans are marked once.
    assert flagged[0].code == "line <mark>1500</mark><mark> &lt;</mark>x&gt;"
    html = "".join(str(row) for row in rows if not isinstance(row, Line))
    assert "lines 21–1496 have no findings" in html and "lines 1504–3000 have no findings" in html
    assert [note.finding.line for note in past_end] == [4000]


def test_figures_read_as_an_infobox_writes_them():
    assert figure({"at_least": 2000, "sources": ["a"]}) == ("2,000+", ("a",))
    assert figure({"min": 9, "max": 12, "label": "infantry"}).text == "infantry: 9–12"
    assert figure({"count": 3, "text": "three killed"}).text == "three killed"
    assert figure({"unknown": True}).text == "unknown" and figure("odd").text == "odd"
    assert figure({"about": True}).text == "c. yes"  # a wrong type is shown, never trusted
