"""The template forms the wikitext reader understands, and the checks native to wikitext: each
behaviour firing and not firing, at its line and column in the wikitext."""

from __future__ import annotations

from linter.api import lint_text, load_text
from tests.conftest import only

HEAD = """{{Infobox military conflict
| conflict = Raid on the mill
| date = 3 May 1916
| result = French victory
| combatant1 = France
| combatant2 = Spain
"""


# a record of a record set declared by roots, which does not hold the parents the boxes name
OTHER = 'id: other\nconflict: Other\ndate: {start: "1900"}\nresult: {text: Draw}\nsides: [{combatants: [France]}]\n'


def box(*lines: str, head: str = HEAD) -> str:
    return head + "".join(line + "\n" for line in lines) + "}}\n"


def test_a_parameter_given_twice_is_a_duplicate_key_at_the_second():
    text = box("| date = 4 May 1916")
    assert only(lint_text(text, "x.wiki"), "duplicate-key") == [("duplicate-key", 7, 3)]
    assert load_text(text, "x.wiki").data["date"]["start"] == "1916-05-04"  # MediaWiki keeps the last
    assert only(lint_text(box("| place = Mill"), "x.wiki"), "duplicate-key") == []


def test_parameter_names_are_compared_exactly():
    text = box("| Result = Draw", "| image size = 200px", "| image_size = 200px")
    assert only(lint_text(text, "x.wiki"), "unknown-parameter") == [("unknown-parameter", 7, 3),
                                                                     ("unknown-parameter", 8, 3)]


def test_the_row_headers_of_the_documentation_are_parameters():
    headers = ("combatants_header", "units_header", "strengths_header", "polstrengths_header",
               "milstrengths_header", "casualties_header")
    text = box(*(f"| {name} = Forces" for name in headers), "| Units_header = Forces")
    assert only(lint_text(text, "x.wiki"), "unknown-parameter") == [("unknown-parameter", 13, 3)]


def test_lettered_rows_add_to_their_side():
    text = box(
        "| combatant2a = {{flag|Italy}}", "| commander2a = Luigi Rossi", "| casualties2a = 4 killed<ref>R.</ref>"
    )
    side = load_text(text, "x.wiki").data["sides"][1]
    assert side["combatants"] == ["Spain", "Italy"]
    assert side["commanders"] == ["Luigi Rossi"]
    assert side["casualties"]["killed"]["count"] == 4
    assert only(lint_text(text, "x.wiki"), "unknown-parameter") == []


INVOKE = """{{#invoke:Infobox military conflict|main
| conflict = Siege of the north ridge
| date = {{Start date|2024|2|1}} – present
| status = Ongoing
| combatant1 = {{flagcountry|Mali}}
| combatant2 = Jama'at Nasr al-Islam wal Muslimin
| casualties1 = 12 killed<ref>Agency report.</ref>
}}
"""


def test_the_module_invoked_directly_is_read_and_an_ongoing_conflict_needs_no_result():
    doc = load_text(INVOKE, "x.wiki")
    assert doc.data["status"] == "ongoing" and "result" not in doc.data
    assert doc.data["date"]["start"] == "2024-02-01"
    assert lint_text(INVOKE, "x.wiki") == []
    ended = INVOKE.replace("| status = Ongoing\n", "")
    assert only(lint_text(ended, "x.wiki"), "schema-violation") == [("schema-violation", 1, 1)]


ATTACK = """{{Infobox civilian attack
| title = 2021 market bombing
| location = Gao, Mali
| date = 9 August 2021
| target = Market traders
| perpetrators = [[Islamic State in the Greater Sahara]]
| fatalities = 14<ref name="un">UN mission statement.</ref>
| injuries = 30
| motive = Unknown
}}
"""


def test_an_attack_infobox_maps_onto_the_record():
    record = load_text(ATTACK, "x.wiki").data
    assert record["kind"] == "attack" and record["conflict"] == "2021 market bombing"
    assert record["place"] == {"name": "Gao, Mali"}
    assert [s["combatants"] for s in record["sides"]] == [["Market traders"], ["Islamic State in the Greater Sahara"]]
    assert record["other_casualties"]["killed"] == {"count": 14, "text": "14", "sources": ["un"]}
    assert record["other_casualties"]["wounded"]["count"] == 30
    findings = lint_text(ATTACK, "x.wiki")
    assert [(f.rule, f.line, f.column) for f in findings] == [("figure-unsourced", 8, 14)]
    assert only(lint_text(ATTACK.replace("| motive", "| motives"), "x.wiki"), "unknown-parameter") == [
        ("unknown-parameter", 9, 3)
    ]


def test_terrorist_attack_is_the_same_template():
    record = load_text(ATTACK.replace("civilian attack", "terrorist attack"), "x.wiki").data
    assert record["kind"] == "attack"


def test_warbox_is_read():
    record = load_text(box(head=HEAD.replace("Infobox military conflict", "Warbox")), "x.wiki").data
    assert record["conflict"] == "Raid on the mill"


def test_negative_figures_fire_in_wikitext():
    text = box("| casualties1 = -40 killed<ref>A.</ref>", "| casualties2 = &minus;3,500 killed<ref>B.</ref>")
    assert only(lint_text(text, "x.wiki"), "figure-negative") == [
        ("figure-negative", 7, 17),
        ("figure-negative", 8, 17),
    ]
    fine = box("| casualties1 = 40 killed<ref>A.</ref>", "| casualties2 = 1939-45: 3,500 killed<ref>B.</ref>")
    assert only(lint_text(fine, "x.wiki"), "figure-negative") == []


def test_start_date_arguments_that_name_no_day():
    bad = HEAD.replace("| date = 3 May 1916", "| date = {{Start date|1916|13|2}}")
    assert only(lint_text(box(head=bad), "x.wiki"), "date-malformed") == [("date-malformed", 3, 10)]
    worded = HEAD.replace("| date = 3 May 1916", "| date = {{Start date|1916|May|2}}")
    assert only(lint_text(box(head=worded), "x.wiki"), "date-malformed") == [("date-malformed", 3, 10)]
    good = HEAD.replace("| date = 3 May 1916", "| date = {{Start date|1916|5|2}}")
    assert only(lint_text(box(head=good), "x.wiki"), "date-malformed") == []
    assert load_text(box(head=good), "x.wiki").data["date"]["start"] == "1916-05-02"


def test_commanders_of_a_side_with_no_combatant():
    text = box("| commander3 = Juan Ortega", "| casualties3 = 5 killed<ref>A.</ref>")
    assert only(lint_text(text, "x.wiki"), "side-without-combatants") == [("side-without-combatants", 7, 3)]
    joint = box("| casualties3 = 5 civilians killed<ref>A.</ref>")  # the joint row under both sides
    assert only(lint_text(joint, "x.wiki"), "side-without-combatants") == []
    assert load_text(joint, "x.wiki").data["other_casualties"]["civilians"]["count"] == 5


def test_a_total_against_its_parts_in_one_cell():
    text = box("| casualties1 = 40 killed, 60 wounded, 30 captured, 150 total<ref>A.</ref>")
    assert only(lint_text(text, "x.wiki"), "total-mismatch") == [("total-mismatch", 7, 53)]
    brackets = box("| casualties1 = 150 (40 killed, 60 wounded)<ref>A.</ref>")
    assert only(lint_text(brackets, "x.wiki"), "total-mismatch") == [("total-mismatch", 7, 17)]
    fine = box("| casualties1 = 40 killed, 60 wounded, 30 captured, 130 total<ref>A.</ref>")
    assert only(lint_text(fine, "x.wiki"), "total-mismatch") == []
    subset = box("| casualties1 = 150 (including 40 killed)<ref>A.</ref>")
    assert only(lint_text(subset, "x.wiki"), "total-mismatch") == []


def test_a_misspelt_month_in_article_text_and_wikitext():
    article = "= Raid =\n\nInfobox\n- Conflict: Raid\n- Date: 4 Agust 1916\n- Result: Draw\n- Combatant1: France\n"
    assert only(lint_text(article, "raid.txt"), "date-malformed") == [("date-malformed", 5, 11)]
    message = next(f.message for f in lint_text(article, "raid.txt") if f.rule == "date-malformed")
    assert message.startswith("'Agust' in 'Date' is not a month: write 'August'")
    fine = article.replace("Agust", "August")
    assert only(lint_text(fine, "raid.txt"), "date-malformed") == []
    wiki = HEAD.replace("3 May 1916", "3 Mayy 1916")
    assert only(lint_text(box(head=wiki), "x.wiki"), "date-malformed") == [("date-malformed", 3, 12)]


def test_a_placeholder_standing_alone_says_nothing():
    text = box("| casualties1 = ?", "| casualties2 = None")
    assert only(lint_text(text, "x.wiki"), "placeholder-value") == [("placeholder-value", 7, 17)]


def test_messages_speak_of_the_file_being_edited():
    findings = lint_text(box("| casualties1 = 9 killed", "| partof = [[River war]]"), "x.wiki", others=(OTHER,))
    messages = {f.rule: f.message for f in findings}
    assert messages["figure-unsourced"] == (
        "'casualties1' figure ('9 killed') has no source: add a <ref> with its source right after the figure"
    )
    assert "write the parent article's exact title in 'partof'" in messages["partof-unresolved"]
    assert "roots" not in messages["partof-unresolved"] and "'sources'" not in messages["figure-unsourced"]
    record = lint_text("""
        id: raid
        conflict: Raid
        date: {start: "1916"}
        result: {text: Draw}
        sides:
          - combatants: [France]
            casualties:
              killed: {count: 9}
          - combatants: [Spain]
        """)
    assert "add the ids of the sources" in next(f.message for f in record if f.rule == "figure-unsourced")


def test_a_misspelt_month_anywhere_in_a_range_is_reported_and_the_date_not_guessed():
    for written, column in (("16 December 1941 – Marhc 1942", 29), ("8 Septmber – 28 October 1944", 12)):
        text = box(head=HEAD.replace("3 May 1916", written))
        findings = lint_text(text, "x.wiki")
        assert only(findings, "date-malformed") == [("date-malformed", 3, column)]
        assert only(findings, "schema-violation") == []  # the missing date is the same defect
        assert "date" not in load_text(text, "x.wiki").data


def test_a_malformed_date_template_is_not_reported_again_as_a_missing_date():
    text = box(head=HEAD.replace("3 May 1916", "{{Start date|1916|13|2}}"))
    findings = lint_text(text, "x.wiki")
    assert only(findings, "date-malformed") == [("date-malformed", 3, 10)]
    assert only(findings, "schema-violation") == []


def test_a_required_parameter_written_empty_is_reported_at_its_name():
    text = box(head=HEAD.replace("| conflict = Raid on the mill", "| conflict ="))
    assert only(lint_text(text, "x.wiki"), "schema-violation") == [("schema-violation", 2, 3)]
    missing = box(head=HEAD.replace("| conflict = Raid on the mill\n", ""))
    assert only(lint_text(missing, "x.wiki"), "schema-violation") == [("schema-violation", 1, 1)]


def test_a_parent_article_is_missing_only_from_a_record_set_declared_by_roots():
    text = box("| partof = [[River war]]")
    assert only(lint_text(text, "x.wiki"), "partof-unresolved") == []
    assert only(lint_text(text, "x.wiki", others=(OTHER,)), "partof-unresolved") == [("partof-unresolved", 7, 12)]
    parent = OTHER.replace("conflict: Other", "conflict: River war")
    assert only(lint_text(text, "x.wiki", others=(parent,)), "partof-unresolved") == []
    itself = box("| partof = [[Raid on the mill]]")
    assert only(lint_text(itself, "x.wiki"), "partof-unresolved") == [("partof-unresolved", 7, 12)]


def test_an_unknown_parameter_is_quoted_exactly_as_written():
    text = box("| Territorial Changes = Mill taken", "|image size= 200px")
    messages = [f.message for f in lint_text(text, "x.wiki") if f.rule == "unknown-parameter"]
    assert [m.split("'")[1] for m in messages] == ["Territorial Changes", "image size"]
    article = "= Raid =\n\nInfobox\n- Conflict: Raid\n- Territorial Changes: none\n- Date: 1916\n- Combatant1: A\n"
    [message] = [f.message for f in lint_text(article, "raid.txt") if f.rule == "unknown-parameter"]
    assert message.startswith("'Territorial Changes' is not a parameter")
