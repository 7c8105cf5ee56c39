"""Properties of the fix stage over generated records (YAML, JSON, wikitext) and over the real
corpus: a fixed file still parses, a second fix changes nothing, a safe fix leaves the data as
it was, and a safe fix touches no byte outside its finding's span but what joins the span to
its neighbours."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import load_text
from linter.edits import SAFE, Positions
from linter.engine import Selection
from linter.fix.apply import apply_fixes
from linter.fix.text import fix_text, lint_once
from tests.conftest import SHARED

TODAY = datetime.date(2026, 1, 1)
SELECTION = Selection().per_file()

# Values a YAML 1.1 reader reads differently, values read the same, placeholders.
TRAPS = ["NO", "yes", "off", "1:30", "2020-03-12", "0o17", "1_000"]
PLAIN = ["Oslo", "Norway", "Danish victory", "3 tanks", "France"]
PLACEHOLDERS = ["None", "N/A", "?"]
RULES = ["figure-negative", "implicit-type", "date-order", "no-such-rule"]


@st.composite
def records(draw) -> str:
    """A YAML record with a mix of what the fixes repair and what they must leave alone."""
    lines = ["id: kessel-ford"]
    comment = draw(st.sampled_from(["", f"  # conflict-lint: disable={draw(st.sampled_from(RULES))}"]))
    lines.append(f"conflict: Skirmish at Kessel Ford{comment}")
    country = draw(st.sampled_from(TRAPS + PLAIN))
    lines.append(f"place: {{name: {draw(st.sampled_from(PLAIN))}, country: {country}}}")
    if draw(st.booleans()):
        lines.append(f"date: {{start: {draw(st.sampled_from(['2020-03-12', '1866', '1940-04']))}}}")
    text = draw(st.sampled_from(PLAIN))
    lines += ["result:", f"  text: {text}"]
    if draw(st.booleans()):
        lines.append(f"  text: {text if draw(st.booleans()) else 'Prussian victory'}")
    lines.append("sides:")
    for _ in range(draw(st.integers(1, 3))):
        items = draw(st.lists(st.sampled_from(PLAIN + PLACEHOLDERS + TRAPS), min_size=1, max_size=3))
        lines.append(f"  - combatants: [{', '.join(items)}]")
        if draw(st.booleans()):
            low, high = draw(st.integers(0, 50)), draw(st.integers(0, 50))
            lines += ["    casualties:", f"      killed: {{min: {low}, max: {high}}}"]
            if draw(st.booleans()):  # a range in a text, with a hyphen, an em dash or an en dash
                dash = draw(st.sampled_from(["-", " - ", "\u2014", "\u2013"]))
                lines.append(f"      wounded: {{text: '{low}{dash}{high} wounded'}}")
            if draw(st.booleans()):
                lines += ["      other:", f"        - text: {draw(st.sampled_from(PLACEHOLDERS))}"]
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


def _fix(text: str, suffix: str, unsafe: bool):
    return fix_text(text, f"record{suffix}", suffix, selection=SELECTION, today=TODAY, unsafe=unsafe)


def _check_fixed(text: str, suffix: str, unsafe: bool) -> None:
    first = _fix(text, suffix, unsafe)
    after = load_text(first.after, f"record{suffix}")
    before = load_text(text, f"record{suffix}")
    assert (after.data is None) == (before.data is None)  # still parses as it did
    assert _fix(first.after, suffix, unsafe).after == first.after  # a second fix changes nothing
    if not unsafe:  # safe: the record means the same, written with the en dash MOS:DASH asks for
        assert _dashes_alike(after.data) == _dashes_alike(before.data)


def _dashes_alike(value):
    """The data with the dashes of its texts made one, as every reader of ranges takes them."""
    if isinstance(value, str):
        return value.replace("\u2013", "-").replace("\u2014", "-")
    if isinstance(value, dict):
        return {key: _dashes_alike(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dashes_alike(item) for item in value]
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.booleans())
def test_generated_records(text, unsafe):
    _check_fixed(text, ".yaml", unsafe)


@st.composite
def json_records(draw) -> str:
    """A JSON record whose members may repeat, with the value before or another one."""
    members = [("id", "kessel-ford"), ("conflict", draw(st.sampled_from(PLAIN)))]
    for name in draw(st.lists(st.sampled_from(["conflict", "id", "note"]), max_size=3)):
        value = draw(st.sampled_from([dict(members).get(name, "x"), "Prussian victory", 3, None]))
        members.append((name, value))
    place = [("name", draw(st.sampled_from(PLAIN)))]
    if draw(st.booleans()):
        place.append(("name", place[0][1] if draw(st.booleans()) else "Lower Vale"))
    members.insert(draw(st.integers(0, len(members))), ("place", place))

    def written(value) -> str:
        if isinstance(value, list):
            return "{" + ", ".join(f"{json.dumps(k)}: {written(v)}" for k, v in value) + "}"
        return json.dumps(value)

    separator = draw(st.sampled_from([", ", ",\n  ", ",\r\n  "]))
    return "{" + separator.join(f"{json.dumps(k)}: {written(v)}" for k, v in members) + "}\n"


@st.composite
def infoboxes(draw) -> str:
    """An infobox whose parameters may repeat, with the value before or another one, one to a
    line or several on a line."""
    params = [("conflict", "Skirmish at Kessel Ford"), ("date", draw(st.sampled_from(["3 June 1866", "1866"])))]
    for name in draw(st.lists(st.sampled_from(["date", "place", "result", "conflict"]), max_size=4)):
        earlier = [value for key, value in params if key == name]
        params.append((name, earlier[-1] if earlier and draw(st.booleans()) else draw(st.sampled_from(PLAIN))))
    if draw(st.booleans()):
        low, high = draw(st.integers(0, 50)), draw(st.integers(0, 50))
        dash = draw(st.sampled_from(["-", " - ", "\u2014"]))
        params.append(("casualties1", f"{low}{dash}{high} killed"))
    layout = draw(st.sampled_from(["\n| ", " | ", "\n  | "]))
    body = "".join(f"{layout}{name} = {value}" for name, value in params)
    return "{{Infobox military conflict" + body + draw(st.sampled_from(["\n}}\n", "}}\n", " }}"]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_records(), st.booleans())
def test_generated_json_records(text, unsafe):
    _check_fixed(text, ".json", unsafe)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(infoboxes(), st.booleans())
def test_generated_infoboxes(text, unsafe):
    _check_fixed(text, ".wiki", unsafe)


# What a removal may take beside its finding's span: blanks, line ends, the separators between
# entries (',' ';' ':' '=' '|') and a comment; anything else it takes must still stand in the
# file after the fix (the value of a repeated key, equal to the one kept).
_COMMENT = re.compile(r"(?:^|(?<=\s))#[^\r\n]*")
_JOINERY = " \t\r\n,;:=|"


def _check_safe_fixes_stay_in_their_span(text: str, suffix: str) -> int:
    """Check each safe fix of the text on its own; return how many there were."""
    positions = Positions(text)
    _, findings = lint_once(text, f"record{suffix}", suffix, SELECTION, TODAY)
    checked = 0
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.applicability != SAFE:
            continue
        checked += 1
        span_start, span_end = positions.offsets(finding.span)
        edits = sorted((positions.offsets(edit.span), edit.content) for edit in fix.edits)
        after = apply_fixes(text, [(finding.rule, fix)]).text
        # byte for byte: the file after the fix is the file before outside the edits' spans
        expected, at = [], 0
        for (start, end), content in edits:
            assert at <= start <= end, (finding, fix)
            expected += [text[at:start], content]
            at = end
        assert after == "".join(expected) + text[at:], (finding, fix)
        for (start, end), content in edits:
            if content:  # a rewrite (quoting, a new spelling) stays within the finding's span
                assert span_start <= start <= end <= span_end, (finding, fix)
                continue
            outside = [text[start:min(end, span_start)], text[max(start, span_end):end]]
            for part in outside:
                rest = _COMMENT.sub("", part).strip(_JOINERY)
                assert not rest or rest in after, (finding, fix, part)
    return checked


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_a_safe_fix_touches_no_byte_outside_its_finding_yaml(text):
    _check_safe_fixes_stay_in_their_span(text, ".yaml")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_records())
def test_a_safe_fix_touches_no_byte_outside_its_finding_json(text):
    _check_safe_fixes_stay_in_their_span(text, ".json")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(infoboxes())
def test_a_safe_fix_touches_no_byte_outside_its_finding_wikitext(text):
    _check_safe_fixes_stay_in_their_span(text, ".wiki")


def test_the_span_check_meets_safe_fixes_of_every_kind():
    """The property above is not vacuous: each kind of safe fix comes under it."""
    yaml_text = ("id: kessel-ford  # conflict-lint: disable=figure-negative\n"
                 "place: {name: Oslo, country: NO, name: Oslo}\nresult:\n  text: A\n  text: A  # twice\n")
    assert _check_safe_fixes_stay_in_their_span(yaml_text, ".yaml") == 4
    assert _check_safe_fixes_stay_in_their_span('{"id": "a",\n "id": "a", "x": 1, "x": 1}', ".json") == 2
    assert _check_safe_fixes_stay_in_their_span("{{Infobox military conflict\n| place = A\n| place = A\n"
                                                "| casualties1 = 9-12 killed\n}}", ".wiki") == 2


def _corpus() -> list:
    folder = SHARED / "corpus"
    return sorted(folder.glob("wikitext*/*.wiki")) if folder.is_dir() else []


CORPUS = _corpus()


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not beside the checkout")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CORPUS or [None]), st.booleans())
def test_real_infoboxes(path, unsafe):
    text = path.read_text(encoding="utf-8")
    _check_fixed(text, ".wiki", unsafe)
    _check_safe_fixes_stay_in_their_span(text, ".wiki")
