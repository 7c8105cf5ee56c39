"""Cells read as Wikipedia renders them: lists, headings, parties, figures and citations, each
shown firing and not firing at its line and column."""

from __future__ import annotations

import pytest

from linter.api import lint_text, load_text
from tests.conftest import only

HEAD = """{{Infobox military conflict
| conflict = Action at the weir
| date = 3 May 1916
| result = Draw
| combatant1 = France
| combatant2 = Spain
"""


def box(*lines: str, head: str = HEAD) -> str:
    return head + "".join(line + "\n" for line in lines) + "}}\n"


def side(text: str, number: int = 1) -> dict:
    return load_text(text, "x.wiki").data["sides"][number - 1]


def test_hr_separates_two_figures():
    casualties = side(box("| casualties1 = 5,000–8,000 killed<hr>4,000–6,000 wounded<ref>A.</ref>"))["casualties"]
    assert casualties["killed"]["min"] == 5000 and casualties["wounded"]["max"] == 6000


def test_lists_inside_wrappers_are_lists():
    text = box("| casualties2 = {{centre|{{ubl|12 killed|30 wounded}}}}<ref>A.</ref>")
    casualties = side(text, 2)["casualties"]
    assert casualties["killed"] == {"count": 12, "text": "12 killed"}
    assert casualties["wounded"]["sources"] == ["ref-1"]  # the ref after the list ends its last line
    small = box("| casualties2 = <small>{{plainlist|\n* 3 killed\n* 9 captured\n}}</small><ref>A.</ref>")
    assert set(side(small, 2)["casualties"]) == {"killed", "captured"}


def test_file_link_options_are_never_text():
    text = box("| combatant1 = [[File:Flag of France.svg|25px|border|alt=Blue white red]] France",
               head=HEAD.replace("| combatant1 = France\n", ""))
    assert side(text)["combatants"] == ["France"]


def test_country_data_shortcuts_name_their_country():
    text = box("| combatant1 = {{GER}}", head=HEAD.replace("| combatant1 = France\n", ""))
    assert side(text)["combatants"] == ["Germany"]


def test_bold_headings_group_figures_and_are_neither_figures_nor_parties():
    text = box(
        "| strength1 = '''Personnel'''<br>3,000 infantry<ref>A.</ref>",
        "| casualties1 = * '''Pre-war'''\n* 200 killed<ref>A.</ref>\n* '''1942–1943'''\n* 300 wounded<ref>A.</ref>",
    )
    first = side(text)
    assert first["strength"] == [{"count": 3000, "text": "Personnel: 3,000 infantry", "sources": ["ref-1"]}]
    assert [f["text"] for f in first["casualties"]["other"]] == ["Pre-war: 200 killed", "1942–1943: 300 wounded"]
    assert only(lint_text(text, "x.wiki"), "figure-malformed") == []


def test_nested_headings_are_not_repeated():
    text = box("| strength2 = ;Axis\n'''Germany:'''\n{{flagicon|Germany}} Germany: 500 tanks<ref>A.</ref>")
    assert [f["text"] for f in side(text, 2)["strength"]] == ["Axis: Germany: 500 tanks"]


def test_a_lone_bold_figure_is_a_figure():
    assert side(box("| strength1 = '''3,000'''<ref>A.</ref>"))["strength"][0]["count"] == 3000


def test_headings_in_a_combatant_cell_are_no_parties():
    text = box("| combatant2 = '''Naval support:'''<br>{{flag|Spain}}", head=HEAD.replace("| combatant2 = Spain\n", ""))
    assert side(text, 2)["combatants"] == ["Spain"]


@pytest.mark.parametrize(
    "written, value",
    [
        ("30–32,000 men", {"min": 30000, "max": 32000}),
        ("8–9,000", {"min": 8000, "max": 9000}),
        ("up to 20,000", {"min": 0, "max": 20000}),
        ("over 1,000", {"at_least": 1000}),
        ("30 M10 tank destroyers", {"count": 30}),
        ("{{GRT|12,345}} sunk", {"count": 12345}),
        ("{{convert|40|km}} of front", {"count": 40}),
    ],
)
def test_figures_read_as_written(written, value):
    figure = side(box(f"| strength1 = {written}<ref>A.</ref>"))["strength"][0]
    assert {k: v for k, v in figure.items() if k not in ("text", "sources")} == value


def test_templates_that_show_text_as_written():
    strength = side(box("| strength1 = {{frac|5|1|2}} divisions<ref>A.</ref>"))["strength"][0]
    assert strength["text"] == "5 1/2 divisions"
    assert side(box("| strength1 = {{GRT|1,234}}<ref>A.</ref>"))["strength"][0]["text"] == "1,234 GRT"


def test_combined_categories_stay_combined():
    casualties = side(box("| casualties1 = 100 killed and wounded<ref>A.</ref>"))["casualties"]
    assert "killed" not in casualties and casualties["other"][0]["count"] == 100


@pytest.mark.parametrize("written", ["2.860 killed", "1,0000 killed", "5OO killed"])
def test_malformed_numbers_are_reported_not_read(written):
    text = box(f"| casualties1 = {written}<ref>A.</ref>")
    assert only(lint_text(text, "x.wiki"), "figure-malformed") == [("figure-malformed", 7, 17)]
    assert only(lint_text(box("| casualties1 = 2,860 killed<ref>A.</ref>"), "x.wiki"), "figure-malformed") == []


def test_rp_is_a_page_not_a_source_and_a_named_ref_can_be_defined_later():
    text = box(
        '| casualties1 = 9 killed<ref name="war" />{{rp|85}}',
        "| casualties2 = 4 killed<ref name=\"war\">Smith, ''The war'', 1990.</ref>",
    )
    record = load_text(text, "x.wiki").data
    assert record["sources"] == {"war": {"title": "Smith, The war, 1990."}}
    assert record["sides"][0]["casualties"]["killed"]["sources"] == ["war"]


def test_an_empty_ref_is_no_source():
    text = box("| casualties1 = 9 killed<ref></ref>")
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [("figure-unsourced", 7, 17)]


@pytest.mark.parametrize(
    "citation",
    [
        "{{efn|Counted by the prefect.<ref>Prefect's report.</ref>}}",
        "{{refn|Prefect's report, p. 4.}}",
        "{{#tag:ref|Prefect's report.|name=prefect}}",
        "{{sfn|Smith|1990|p=4}}",
        "{{r|prefect}}<ref name=prefect>Prefect's report.</ref>",
    ],
)
def test_citations_in_notes_and_footnote_templates_count(citation):
    text = box(f"| casualties1 = 9 killed{citation}")
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == []


@pytest.mark.parametrize("note", ["{{efn|Counted by the prefect.}}", "{{citation needed|date=May 2020}}"])
def test_a_note_without_citation_is_no_source(note):
    text = box(f"| casualties1 = 9 killed{note}")
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [("figure-unsourced", 7, 17)]


def test_a_ref_sources_the_line_it_ends_only():
    text = box("| casualties1 = 9 killed<ref>A.</ref><br>12 wounded<br>3 captured<ref>B.</ref>")
    casualties = side(text)["casualties"]
    assert casualties["killed"]["sources"] == ["ref-1"] and casualties["captured"]["sources"] == ["ref-2"]
    assert "sources" not in casualties["wounded"]
    middle = box("| casualties1 = 9 killed<br>12 wounded<ref>B.</ref><br>3 captured")
    assert only(lint_text(middle, "x.wiki"), "figure-unsourced") == [
        ("figure-unsourced", 7, 17),
        ("figure-unsourced", 7, 56),
    ]


def test_lang_gives_its_text_without_the_language_code():
    text = HEAD.replace("| conflict = Action at the weir", "| conflict = {{lang|de|Kanalkampf}}")
    assert load_text(box(head=text), "x.wiki").data["conflict"] == "Kanalkampf"


@pytest.mark.parametrize("cell", ["9<ref>A.</ref>9 killed", "9{{efn|Note.<ref>A.</ref>}}9 killed",
                                  "9<ref name=a/><!-- x -->9 killed", "{{nowrap|9<ref>A.</ref>9 killed}}"],
                         ids=["ref", "note", "named-ref-and-comment", "inside-a-wrapper"])
def test_a_citation_ends_the_figure_before_it(cell):
    killed = side(box(f"| casualties1 = {cell}"))["casualties"]["killed"]
    assert killed["text"] == "9 9 killed" and killed["count"] == 9


def test_a_citation_between_a_figure_and_its_words_changes_nothing():
    killed = side(box("| casualties1 = 1,200<ref>A.</ref> killed"))["casualties"]["killed"]
    assert killed == {"count": 1200, "text": "1,200 killed", "sources": ["ref-1"]}


def _combatants(cell: str, number: int = 1) -> list:
    text = box(f"| combatant{number} = {cell}", head=HEAD.replace(f"| combatant{number} = "
                                                               f"{'France' if number == 1 else 'Spain'}\n", ""))
    return side(text, number)["combatants"]


def test_a_bracketed_note_beside_a_party_is_no_part_of_its_name():
    assert _combatants("{{flag|Australia}} <small>(naval)</small><br>{{flag|Poland}} (naval only)") == [
        "Australia", "Poland"]
    assert _combatants("{{flag|Romania}}<br><small>(23–29 August)</small>") == ["Romania"]
    # brackets that are part of the name, in a link's target or a flag's country, stay
    assert _combatants("[[Patriot (American Revolution)|Patriots]]<br>{{flag|Kingdom of Hungary (1920–46)}}") == [
        "Patriot (American Revolution)", "Kingdom of Hungary (1920–46)"]


def test_a_coalition_heading_is_no_party_but_a_country_heading_is():
    assert _combatants("'''Coalition:'''<br>{{flag|France}}<br>{{flag|Chad}}") == ["France", "Chad"]
    assert _combatants("'''Kingdom of Greece:'''<br>[[Hellenic Army]]") == ["Kingdom of Greece", "Hellenic Army"]


def test_parties_listed_between_commas_are_each_a_party():
    assert _combatants("[[British Empire]], allies", 2) == ["British Empire", "allies"]
    assert _combatants("[[Washington, D.C.|Washington]] militia", 2) == ["Washington, D.C. militia"]
    assert _combatants("France, Spain and allies", 2) == ["France, Spain and allies"]  # no link: one entry


def test_country_data_codes_in_flag_templates_name_their_country():
    assert _combatants("{{flagcountry|UK}}<br>{{flagcountry|US|1912}}<br>{{flag|USSR}}<br>{{flagcountry|GER}}") == [
        "United Kingdom", "United States", "Soviet Union", "Germany"]


def test_commander_headings_and_notes_are_no_commanders():
    text = box("| commander1 = [[Hans Roth]]<br/>'''Division:'''<br/>[[Karl Berg]]"
               "<br/><small>(Until 31 January)</small>"
               "<br/>'''Corps:''' (February–March)<br/>[[Otto Lind]]<br/>([[2nd Army (Wehrmacht)|2nd Army]])",
               "| commander2 = '''[[Juan Ruiz]]''' (POW)<br>[[Luis Vega]]{{KIA}}")
    assert side(text)["commanders"] == ["Hans Roth", "Karl Berg", "Otto Lind"]  # a bold name in chief stays
    assert side(text, 2)["commanders"] == ["Juan Ruiz (POW)", "Luis Vega †"]


@pytest.mark.parametrize("partof, parents", [
    ("Second World War, [[Battle of the Atlantic]]", ["Second World War", "Battle of the Atlantic"]),
    ("[[Operation Overlord]], Battle of Normandy", ["Operation Overlord", "Battle of Normandy"]),
    ("the [[Eastern Front (World War II)|Eastern Front]] of World War II",
     ["Eastern Front (World War II)", "World War II"]),
    ("the [[Battle of the Mediterranean]] of the [[Second World War]]",
     ["Battle of the Mediterranean", "Second World War"]),
    ("the [[Pacific War]] (1941–1945)", ["Pacific War"]),
    # words written against a link belong to its phrase, not a title of their own
    ("the [[Gothic Line]] Offensive during the [[Italian Campaign (World War II)]]",
     ["Gothic Line", "Italian Campaign (World War II)"]),
    ("Operations [[Operation Atlantic|Atlantic]] and [[Operation Spring|Spring]]",
     ["Operation Atlantic", "Operation Spring"]),
    ("World War I", ["World War I"]),
])
def test_part_of_names_linked_and_unlinked_parents(partof, parents):
    assert load_text(box(f"| partof = {partof}"), "x.wiki").data["part_of"] == parents


def test_lines_of_a_name_or_place_read_on_with_spaces():
    text = box("| place = [[Volgograd|Stalingrad]], [[Soviet Union]]<br>(now [[Volgograd]], [[Russia]])",
               head=HEAD.replace("| conflict = Action at the weir", "| conflict = Weir offensive<br/>Weir operation"))
    data = load_text(text, "x.wiki").data
    assert data["conflict"] == "Weir offensive Weir operation"
    assert data["place"]["name"] == "Stalingrad, Soviet Union (now Volgograd, Russia)"


def test_a_line_with_commas_that_are_not_a_list_of_parties_stays_one_entry():
    assert _combatants("[[Julius Caesar|Forces of Julius Caesar]], including representatives of the [[Populares]]",
                       2) == ["Julius Caesar, including representatives of the Populares"]
    assert _combatants("[[Republic of China (1912–49)|China]]<br><small>(led a front of the [[Kuomintang]], the "
                       "[[Communist Party of China]], and others)</small>", 2) == ["Republic of China (1912–49)"]


def test_the_notes_left_out_of_party_names_are_kept_beside_them():
    text = box("| combatant2 = {{flag|Spain}} <small>(naval)</small><br>{{flag|Italy}}<br>(from 1916)",
               head=HEAD.replace("| combatant2 = Spain\n", ""))
    assert load_text(text, "x.wiki").notes == {"/sides/1/combatants/0": "naval", "/sides/1/combatants/1": "from 1916"}
