"""Article text: `- Key: Value` infobox lines, items split on ", " but not inside "1,400"."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import lint_text, load_text
from linter.engine import lint_documents
from linter.load import load_bytes
from tests.conftest import FIXTURES, codes_at

RED_FORD = (FIXTURES / "article" / "red-ford.txt").read_text("utf-8")


def test_fields_map_onto_a_record():
    record = load_text(RED_FORD, "red-ford.txt").data
    assert record["conflict"] == "Skirmish at Red Ford"
    assert record["part_of"] == ["River Campaign"]
    assert record["date"]["start"] == "1864-05-01"
    assert record["sides"][0]["strength"] == [{"about": 1400, "text": "c. 1,400"}]  # not split at 1,400
    assert record["see_also"] == ["Battle of the Loire crossing"]
    assert record["provenance"] == {"file": "red-ford.txt", "format": "article-text"}


ROOT_RECORD = (FIXTURES.parent.parent / "records" / "jihadist-insurgency-in-niger.yaml").read_text("utf-8")


def test_findings_point_at_their_items():
    # With a record set declared by roots (here: one more record), the parent and the "see
    # also" article are missing from it.
    findings = lint_text(RED_FORD, "red-ford.txt", others=(ROOT_RECORD,))
    assert codes_at(findings) == [
        ("partof-unresolved", 6, 11),
        ("result-unlisted-party", 8, 18),  # Bavaria is credited, no side lists it
        ("figure-unsourced", 11, 14),
        ("figure-unsourced", 12, 16),
        ("figure-unsourced", 12, 26),
        ("placeholder-value", 12, 38),  # N/A
        ("figure-unsourced", 13, 16),
        ("see-also-unresolved", 18, 3),
    ]


def test_links_to_articles_are_no_defect_of_a_page_linted_without_roots():
    rules = {f.rule for f in lint_text(RED_FORD, "red-ford.txt")}
    assert "partof-unresolved" not in rules and "see-also-unresolved" not in rules
    itself = RED_FORD.replace("- Partof: River Campaign", "- Partof: Skirmish at Red Ford")
    assert ("partof-unresolved", 6, 11) in codes_at(lint_text(itself, "red-ford.txt"))  # itself: always


def test_seed_document_reports_its_known_problems(shared_dir):
    text = (shared_dir / "seeds" / "2020-ayorou-attack.txt").read_text("utf-8")
    # linted with this repository's roots: the parent is a record of records/, the two
    # "see also" attacks are not
    assert codes_at(lint_text(text, "2020-ayorou-attack.txt", others=(ROOT_RECORD,))) == [
        ("result-unlisted-party", 8, 11),
        ("figure-unsourced", 11, 16),
        ("figure-unsourced", 11, 26),
        ("placeholder-value", 11, 37),
        ("figure-unsourced", 12, 16),
        ("see-also-unresolved", 27, 3),
        ("see-also-unresolved", 28, 3),
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("-: ,=\n1a") + ["Infobox\n", "- Casualties1: ", "- Date: ",
                                                    "==See Also==\n", "= T =\n", "- Combatant2: "]),
                max_size=80).map("".join))
def test_arbitrary_article_text_never_crashes(text):
    doc = load_bytes(text.encode(), "fuzz.txt", ".txt")
    for finding in lint_documents([doc]):
        assert finding.line >= 1 and finding.column >= 1
