"""Infobox wikitext: templates read as a reader sees them, positions into the original file."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import lint_text, load_text
from linter.engine import lint_documents
from linter.findings import Span
from linter.load import load_bytes, with_extra
from tests.conftest import FIXTURES, ROOT, codes_at, only

ARTICLE = (FIXTURES / "wikitext" / "article-with-infobox.wiki").read_text("utf-8")


def test_infobox_deep_in_an_article_maps_onto_a_record():
    record = load_text(ARTICLE, "page.wiki").data
    assert record["conflict"] == "Skirmish at Red Ford"
    assert record["part_of"] == ["River Campaign (1864)"]  # the link's target, not its label
    assert record["date"]["start"] == "1864-05-01" and record["date"]["end"] == "1864-05-03"
    assert record["place"] == {"name": "Red Ford, Loire Valley",  # &nbsp; and {{nowrap}}
                               "coordinates": {"lat": 47.1, "lon": 2.5}}  # {{coord}}
    # {{plainlist}}, {{flag}}; in a combatant row a link gives its target, which names the party
    assert record["sides"][1]["combatants"] == ["Prussia", "Kingdom of Bavaria"]
    assert record["sides"][0]["commanders"] == ["Jean Martin †", "Paul Durand (POW)"]  # {{ubl}}, {{KIA}}
    assert record["sides"][1]["commanders"] == ["Karl Weber", "Otto Braun"]  # {{hlist}}
    assert record["provenance"] == {"file": "page.wiki", "format": "wikitext", "index": 1}


VICHY = """{{Infobox military conflict
| conflict = Raid on the port
| result = Vichy French victory
| combatant1 = {{flag|United Kingdom}}
| combatant2 = COMBATANT
| commander2 = {{flagicon|Vichy France}} [[Jean Durand (admiral)|Jean Durand]]
}}
"""


@pytest.mark.parametrize("written", ["{{flagicon|Vichy France}} [[Vichy France|France]]",
                                     "{{flagcountry|Vichy France|name=France}}"])
def test_combatants_name_the_party_a_label_stands_for(written):
    """A reader sees "France" beside a Vichy flag; the record keeps the party the link or flag
    names, so a result crediting Vichy France finds it listed. Other rows keep their labels."""
    text = VICHY.replace("COMBATANT", written)
    record = load_text(text, "raid.wiki").data
    assert record["sides"][1]["combatants"] == ["Vichy France"]
    assert record["sides"][1]["commanders"] == ["Jean Durand"]
    assert only(lint_text(text, "raid.wiki"), "result-unlisted-party") == []
    labelled = VICHY.replace("COMBATANT", "France")
    assert only(lint_text(labelled, "raid.wiki"), "result-unlisted-party") == [("result-unlisted-party", 3, 12)]


def test_figures_are_parsed_and_sourced_by_their_own_citations():
    record = load_text(ARTICLE, "page.wiki").data
    first, second = record["sides"][0], record["sides"][1]
    assert first["strength"] == [{"about": 300, "text": "c. 300", "sources": ["ledger"]}]  # {{circa}}
    assert first["casualties"]["killed"] == {"min": 9, "max": 12, "text": "9–12 killed", "sources": ["ledger"]}
    assert "sources" not in first["casualties"]["wounded"]  # {{citation needed}} is not a source
    assert second["strength"][0]["sources"] == ["sfn-weber-1870"]  # {{sfn}}
    assert second["casualties"]["captured"] == {"count": 3, "text": "3 captured"}  # {{efn}} is a note
    assert record["other_casualties"]["civilians"]["sources"] == ["gazette"]  # the joint row, a reused ref
    assert record["sources"]["gazette"] == {"title": "News of the ford", "publisher": "The Gazette",
                                            "url": "https://example.org/gazette"}


def test_finding_on_casualties2_points_at_that_value_in_the_article():
    doc = load_text(ARTICLE, "page.wiki")
    assert doc.span_of("/sides/1/casualties/killed").line == 22
    assert doc.span_of("/sides/1/casualties/killed").column == 19
    findings = lint_text(ARTICLE, "page.wiki", select=("figure-unsourced",))
    assert ("figure-unsourced", 22, 19) not in codes_at(findings)  # it cites a source
    assert ("figure-unsourced", 23, 3) in codes_at(findings)  # "3 captured" does not


def test_coordinates_in_degrees_minutes_and_seconds():
    doc = load_text("{{Infobox military conflict\n| place = Arnhem\n"
                    "| coordinates = {{coord|51|58|49|N|5|54|01|E|type:event|display=inline}}\n}}\n", "x.wiki")
    assert doc.data["place"]["coordinates"] == {"lat": 51.98028, "lon": 5.90028}


def test_every_infobox_of_a_file_is_a_record():
    doc = load_text(ARTICLE, "page.wiki")
    records = with_extra(doc)
    assert [r.data["conflict"] for r in records] == ["Skirmish at Red Ford", "Second skirmish at Red Ford"]
    assert records[1].data["provenance"]["index"] == 2
    assert records[1].span_of("/result/text") == Span(33, 16, 33, 30)


def test_template_name_in_any_case_and_redirects():
    for name in ("Infobox military conflict", "infobox Military Conflict", "Warbox", "Infobox_military_conflict"):
        doc = load_text(f"{{{{{name}\n| conflict = X\n}}}}\n", "x.wiki")
        assert doc.data["conflict"] == "X", name


def test_unknown_and_positional_parameters():
    findings = lint_text((FIXTURES / "invalid" / "unknown-parameter.wiki").read_text(), "x.wiki",
                         select=("unknown-parameter",))
    assert codes_at(findings) == [("unknown-parameter", 7, 3)]
    findings = lint_text((FIXTURES / "invalid" / "positional-parameter.wiki").read_text(), "x.wiki",
                         select=("positional-parameter",))
    assert codes_at(findings) == [("positional-parameter", 5, 3)]


def test_crlf_positions():
    doc = load_text(ARTICLE.replace("\n", "\r\n"), "page.wiki")
    assert doc.span_of("/sides/1/casualties/killed").line == 22


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("{}|=[]<>/*#:'\n abcX19-,") + [
    "{{", "}}", "<ref>", "</ref>", "<ref name=a/>", "<br />", "{{flag|", "{{plainlist|", "| casualties2 = ",
    "{{Infobox military conflict\n", "<!--", "-->", "[[", "]]"]), max_size=80).map("".join))
def test_arbitrary_wikitext_never_crashes(text):
    doc = load_bytes(text.encode(), "fuzz.wiki", ".wiki")
    for finding in lint_documents(with_extra(doc)):
        assert finding.line >= 1 and finding.column >= 1


def test_unclosed_infobox_is_reported_where_it_opens():
    findings = lint_text("Intro.\n\n{{Infobox military conflict\n| conflict = A<ref>unclosed\n| result = X\n", "x.wiki")
    assert codes_at(findings) == [("no-infobox", 3, 1)]
    assert "never closed" in findings[0].message


def test_a_bracketed_line_qualifies_the_figure_above_it_and_headings_are_no_figures():
    text = """{{Infobox military conflict
| conflict = Winter offensive
| combatant1 = {{flag|Finland}}
| combatant2 = {{flag|Soviet Union}}
| strength2 = Soviet<br>1,500,000 men<br>(91 divisions)<br>;Reserve<br>Two tank brigades
}}
"""
    record = load_text(text, "winter.wiki").data
    assert record["sides"][1]["strength"] == [  # each figure is read with its heading
        {"count": 1500000, "text": "Soviet: 1,500,000 men (91 divisions)"},
        {"count": 2, "text": "Reserve: Two tank brigades"},
    ]
    assert only(lint_text(text, "winter.wiki"), "figure-malformed") == []
    alone = text.replace("Soviet<br>1,500,000 men<br>", "")  # with no figure above, a remark that counts nothing
    assert only(lint_text(alone, "winter.wiki"), "figure-malformed") == []  # is no malformed figure either


def test_dash_templates_join_the_ends_of_a_date():
    text = "{{Infobox military conflict\n| conflict = Long war\n| date = April 19, 1775{{snds}}September 3, 1783\n}}\n"
    assert load_text(text, "war.wiki").data["date"] == {
        "start": "1775-04-19", "end": "1783-09-03", "text": "April 19, 1775 – September 3, 1783"}


def test_combatant_headings_are_no_parties_and_a_party_under_two_is_listed_once():
    text = """{{Infobox military conflict
| conflict = Island landing
| date = 1 April 1945
| result = Allied victory
| combatant1 = '''Ground forces:'''<br>{{flag|United States}}<br>'''Naval support:'''<br>{{flag|United States}}<br>{{flag|Canada}}
| combatant2 = {{flag|Japan}}
}}
"""  # noqa: E501  a cell as an article writes it
    assert load_text(text, "island.wiki").data["sides"][0]["combatants"] == ["United States", "Canada"]
    assert only(lint_text(text, "island.wiki"), "schema-violation") == []


def test_linting_yaml_records_imports_neither_the_wikitext_reader_nor_its_parser():
    # The reader's modules import mwparserfromhell at module level, as they run only when
    # linter.load meets a wikitext file: a run over YAML records must not pay for them.
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['conflict-lint', 'lint', '--jobs', '1', '--no-cache', 'records/']\n"
        "try:\n"
        "    runpy.run_module('linter', run_name='__main__')\n"
        "except SystemExit as stop:\n"
        "    assert stop.code == 0, stop.code\n"
        "print(sorted(m for m in sys.modules if m.startswith(('mwparserfromhell', 'linter.infobox'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[]"


def test_reading_and_linting_a_page_leaves_no_reference_cycle():
    # A cycle (a nested function that calls itself, an object that holds its own bound methods)
    # keeps the page's whole parse tree alive until the cycle collector comes by: over a corpus
    # its passes cost a fifth of the run. Without one, each tree is freed as soon as it is read.
    def lint() -> None:
        lint_documents(with_extra(load_bytes(ARTICLE.encode(), "article.wiki", ".wiki")))

    lint()  # once first: what every run loads once (imports, the rules' entry points) may hold cycles
    gc.collect()
    gc.disable()
    try:
        lint()
        assert gc.collect() == 0
    finally:
        gc.enable()
