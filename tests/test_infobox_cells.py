"""Cells read as Wikipedia renders them: lists, headings, parties, figures and citations, each
shown firing and not firing at its line and column."""

from __future__ import annotations

import pytest

from linter.api import lint_text, load_text
from linter.infobox.templates import KINDS
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
    # A period heading names no group of the side: the figures under it keep their categories.
    assert first["casualties"]["killed"]["text"] == "Pre-war: 200 killed"
    assert first["casualties"]["wounded"]["text"] == "1942–1943: 300 wounded"
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
        ("{{convert|40|km}} of front", {}),  # a distance, as the page shows it: no count
        ("About {{frac|5|6}} longbowmen", {}),  # a share, not a count of 5
        ("'''1941:''' 67,000 Germans", {"count": 67000}),  # a year's label is no count
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


@pytest.mark.parametrize(
    "definition",
    [
        "<ref name=\"war\">Smith, ''The war'', 1990.</ref>",
        "<REF name=war>Smith, ''The war'', 1990.</REF>",
        "{{refn|name=war|Smith, ''The war'', 1990.}}",
        "{{Re<!-- a comment in the name -->fn|name=war|Smith, ''The war'', 1990.}}",
        "{{#tag:ref|Smith, ''The war'', 1990.|name=war}}",
        "{{efn|Counted twice.<ref name=war>Smith, ''The war'', 1990.</ref>}}",
    ],
)
def test_a_named_ref_is_found_wherever_and_however_the_page_defines_it(definition):
    text = box('| casualties1 = 9 killed<ref name="war" />') + f"The war was long.{definition}\n"
    record = load_text(text, "x.wiki").data
    assert record["sources"] == {"war": {"title": "Smith, The war, 1990."}}


def test_every_footnote_template_spells_ref_as_the_named_ref_search_assumes():
    # The search passes over the parts of a page whose wikitext never spells "ref".
    assert all("ref" in name for name in KINDS["footnote"])


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


def casualty_items(text: str, number: int = 1) -> list[tuple[str, dict]]:
    """(category, value) of each casualty figure of a side, others last."""
    block = side(text, number)["casualties"]

    def value(figure: dict) -> dict:
        return {k: v for k, v in figure.items() if k not in ("text", "sources")}

    named = [(k, value(f)) for k, f in block.items() if k != "other"]
    return named + [("other", value(f)) for f in block.get("other", [])]


def test_a_line_of_several_figures_gives_one_each_where_it_stands():
    text = box("| casualties1 = 744 aircraft; 1,666 tanks; 5,762 guns captured",
               "| casualties2 = 50 killed, 150 wounded, rest taken prisoner<ref>A.</ref>",
               "| strength1 = 4 divisions, 1 tank brigade")
    assert casualty_items(text) == [("other", {"count": 744}), ("other", {"count": 1666}), ("other", {"count": 5762})]
    assert casualty_items(text, 2) == [("killed", {"count": 50}), ("wounded", {"count": 150})]
    assert side(text, 2)["casualties"]["killed"]["sources"] == ["ref-1"]  # the line's citation cites each
    assert [f["count"] for f in side(text)["strength"]] == [4, 1]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [
        ("figure-unsourced", 7, 17), ("figure-unsourced", 7, 31), ("figure-unsourced", 7, 44),
        ("figure-unsourced", 9, 15), ("figure-unsourced", 9, 28)]


def test_each_figure_of_a_line_cites_its_own_refs_and_the_rest_those_that_end_it():
    text = box("| casualties1 = 9 killed<ref>A.</ref>, 7 wounded<ref>B.</ref>, 3 captured<ref>C.</ref>",
               "| casualties2 = 11 killed<ref>D.</ref>, 40 wounded, 2 captured<ref>E.</ref><ref>F.</ref>",
               "| strength1 = 11,000<ref>G.</ref> enlisted + 800 officers")
    first, second = side(text)["casualties"], side(text, 2)["casualties"]
    assert [first[k]["sources"] for k in ("killed", "wounded", "captured")] == [["ref-1"], ["ref-2"], ["ref-3"]]
    assert [second[k]["sources"] for k in ("killed", "wounded", "captured")] == [
        ["ref-4"], ["ref-5", "ref-6"], ["ref-5", "ref-6"]]
    assert [f.get("sources") for f in side(text)["strength"]] == [["ref-7"], None]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [("figure-unsourced", 9, 46)]


def test_a_line_whose_refs_do_not_pair_with_its_sources_cites_them_all_from_each_cited_figure():
    text = box('| casualties1 = 9 killed<ref name="a">A.</ref>, 7 wounded<ref name="a"/>, 3 captured<ref>C.</ref>')
    casualties = side(text)["casualties"]  # two refs to one source: no pairing, the line's sources for each
    assert [casualties[k]["sources"] for k in ("killed", "wounded", "captured")] == [["a", "ref-2"]] * 3


def test_a_line_of_many_cited_figures_gives_a_record_that_grows_with_it():
    for count in (8, 64):
        line = ", ".join(f"{n} killed<ref>R{n}.</ref>" for n in range(1, count + 1))
        record = load_text(box(f"| casualties1 = {line}"), "x.wiki").data
        casualties = record["sides"][0]["casualties"]  # the first figure killed, the rest other
        cited = [casualties["killed"]["sources"], *(f["sources"] for f in casualties["other"])]
        assert cited == [[f"ref-{n}"] for n in range(1, count + 1)]


def test_words_after_a_separator_that_start_no_figure_stay_with_it():
    text = box("| strength1 = 1 division and some small units", "| strength2 = between 5,000 and 6,000 men")
    assert [f["count"] for f in side(text)["strength"]] == [1]
    assert len(side(text, 2)["strength"]) == 1


def test_a_br_inside_one_figure_does_not_split_it():
    text = box("| casualties1 = 250,000–305,000 dead<br> or missing<ref>A.</ref>"
               "<br>150,000 killed,<br> wounded or captured")
    assert casualty_items(text) == [("other", {"min": 250000, "max": 305000}), ("other", {"count": 150000})]
    assert side(text)["casualties"]["other"][0]["sources"] == ["ref-1"]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [("figure-unsourced", 7, 69)]


def test_a_figure_of_all_four_categories_is_the_total_and_of_some_is_other():
    text = box("| casualties1 = 800 killed, missing, captured, or wounded",
               "| casualties2 = 46,000 wounded or sick<br>12,000 dead, missing or captured")
    assert casualty_items(text) == [("total", {"count": 800})]
    assert casualty_items(text, 2) == [("other", {"count": 46000}), ("other", {"count": 12000})]


def test_equipment_taken_is_no_prisoners():
    text = box("| casualties1 = 700 killed<br>20 AA guns captured<br>1,000 captured")
    assert casualty_items(text) == [("killed", {"count": 700}), ("captured", {"count": 1000}), ("other", {"count": 20})]


def test_a_group_of_the_side_is_among_the_other_losses_but_a_period_is_not():
    head = HEAD.replace("| combatant1 = France\n", "| combatant1 = {{flag|Kingdom of Italy}}<br>Askari\n")
    text = box("| casualties1 = Italian: 407 killed, 1,289 killed since June 1940<br>Final assault: 32 wounded",
               "| casualties2 = '''July, 2016:'''<br>58 killed<br>10,000 Spanish KIA", head=head)
    assert casualty_items(text) == [("wounded", {"count": 32}), ("other", {"count": 407}), ("other", {"count": 1289})]
    # Spain is side 2's only combatant: a figure of Spaniards is the side's own.
    assert casualty_items(text, 2) == [("killed", {"count": 58}), ("other", {"count": 10000})]


def test_a_total_heading_makes_the_figure_under_it_the_total():
    text = box("| casualties1 = '''Phase one:'''<br>300 killed<br>'''Total:'''<br>620",
               "| casualties2 = October: 62,870<br>November: 46,374<br>'''Total''': 109,244 KIA, WIA, MIA")
    assert casualty_items(text) == [("killed", {"count": 300}), ("total", {"count": 620})]
    assert casualty_items(text, 2) == [("total", {"count": 109244}), ("other", {"count": 62870}),
                                       ("other", {"count": 46374})]


def test_unknown_losses_of_people_after_equipment_are_the_total_and_need_no_source():
    text = box("| casualties1 = 121 tanks destroyed<ref>A.</ref><br>personnel: unknown")
    assert casualty_items(text) == [("total", {"unknown": True}), ("other", {"count": 121})]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == []


def test_small_print_and_remarks_under_a_figure_are_no_figures():
    text = box("| strength1 = 750,000 men<br><small>22 divisions</small><br>1,378 guns",
               "| casualties1 = 225,000 total casualties<br>Not including civilian casualties")
    assert [f["count"] for f in side(text)["strength"]] == [750000, 1378]
    assert casualty_items(text) == [("total", {"count": 225000})]


def test_a_party_name_heads_a_count_but_not_a_unit():
    text = box("| casualties1 = {{flagicon|Kingdom of Italy}} '''Italy'''<br>114,000–114,520<br>{{flagicon|Kingdom of "
               "Romania}} '''Romania'''<br>109,000",
               "| strength2 = 2 brigades<br>[[Arbegnoch|Camforce (Ethiopian Patriots)]]<br>Kenya Armoured Car Regiment")
    assert [f["text"] for f in side(text)["casualties"]["other"]] == ["Kingdom of Italy: Italy: 114,000–114,520",
                                                                       "Kingdom of Romania: Romania: 109,000"]
    assert len(side(text, 2)["strength"]) == 3


def test_an_old_footnote_link_cites_a_source():
    text = box("| strength1 = 38,000 infantry{{Ref|Number|a}}")
    assert side(text)["strength"][0]["sources"] == ["number"]


def test_a_citation_inside_a_line_cites_its_own_figure_and_one_ending_it_every_figure():
    text = box("| strength1 = [[101st Airborne Division|101st]]: 11,000<ref>A.</ref> enlisted + 800 officers",
               "| strength2 = 600 aircraft, 1,600 by September<ref>B.</ref>")
    assert [f.get("sources") for f in side(text)["strength"]] == [["ref-1"], None]
    assert [f.get("sources") for f in side(text, 2)["strength"]] == [["ref-2"], ["ref-2"]]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == [("figure-unsourced", 7, 81)]


def test_bullets_under_a_labelled_figure_are_that_groups_figures():
    head = HEAD.replace("| combatant1 = France\n",
                        "| combatant1 = {{flag|Nazi Germany}}<br>{{flag|Kingdom of Romania}}\n")
    text = box("| casualties1 = 35,866 men<br>{{flagicon|Nazi Germany}} 27,412\n*4,264 killed\n*21,626 wounded",
               head=head)
    assert casualty_items(text) == [("total", {"count": 35866}), ("other", {"count": 27412}),
                                    ("other", {"count": 4264}), ("other", {"count": 21626})]
    assert [f["text"] for f in side(text)["casualties"]["other"]][1:] == ["Nazi Germany: 4,264 killed",
                                                                         "Nazi Germany: 21,626 wounded"]


def test_a_label_with_only_a_year_is_a_heading():
    text = box("| casualties1 = ''2007 studies:''<br>3,000 killed<ref>A.</ref>")
    assert casualty_items(text) == [("killed", {"count": 3000})]
    assert only(lint_text(text, "x.wiki"), "figure-unsourced") == []


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


def test_the_reader_makes_whole_items():
    """The reader builds items positionally in C (linter/infobox/wikitext.py, ``_new_item``): a field
    added to Item and not there would shift every field after it without an error."""
    import mwparserfromhell

    from linter.infobox import wikitext
    from linter.infobox.items import Item, LineIndex
    from linter.infobox.nodetext import NodeText
    from linter.infobox.render import NamedRefs, Renderer

    text = "* {{flagicon|France}} [[French Army|France]] (naval)<ref>A.</ref><br>'''Total:''' 9 killed{{cn}}"
    code = mwparserfromhell.parse(text)
    texts = NodeText()
    renderer = Renderer({}, NamedRefs(code, texts), texts)
    renderer.name_parties = True
    items = wikitext._items(code, 0, LineIndex(text), renderer, "killed", "casualties1")
    assert [len(item) for item in items] == [len(Item._fields)] * 2
    first, second = items
    assert first == Item("French Army", first.span, ("ref-1",), "French Army", links=("French Army",),
                         parameter="casualties1", category="killed", bullet=True, remarks=("naval",),
                         labels=(("French Army", "French Army"),))
    assert second.text == "Total: 9 killed" and second.unsourced_marked and not second.term
