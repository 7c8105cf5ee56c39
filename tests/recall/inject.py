"""Inject one known defect into copies of real infoboxes, and see whether lint finds it.

The sources are the 60 real infoboxes of the gold set (tests/gold/corpus/). For each kind of
defect below, a seeded random generator picks source files where the defect can be made, and
each injected file gets exactly one defect, so that one rule should fire. A defect is *found*
when its rule reports a finding on the injected line that the unchanged file does not have
(for rules about the whole file, anywhere in it). Everything is computed from the files in the
repository, so the same cases come out on every run and every clone.
"""

from __future__ import annotations

import collections
import datetime
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOLD_CORPUS = Path(__file__).resolve().parent.parent / "gold" / "corpus"
TODAY = datetime.date(2026, 11, 25)
SEED = 12
PER_KIND = 4

PARAM = re.compile(r"^(\s*\|\s*)([A-Za-z_ ]+?[A-Za-z0-9_]*)(\s*=\s*)(.*)$")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MISSPELT = {
    "January": "Janaury",
    "February": "Febuary",
    "March": "Marhc",
    "April": "Apirl",
    "May": "Mya",
    "June": "Juen",
    "July": "Jluy",
    "August": "Agust",
    "September": "Septmber",
    "October": "Ocotber",
    "November": "Novmber",
    "December": "Decmber",
}


@dataclass(frozen=True)
class Case:
    """One injected file: its name, the defect and the rule that should find it, the text, and
    the line of the defect (None: anywhere in the file); ``shift`` is 1 when a line was
    inserted before ``line``, so that the original's later lines move down one."""

    name: str
    kind: str
    rule: str
    text: str
    original: str
    line: int | None
    shift: int = 0
    data: bytes | None = None


def _params(text: str) -> list[tuple[int, str, re.Match]]:
    """(0-based line index, parameter name, match) of every line that opens a parameter."""
    found = []
    for index, line in enumerate(text.split("\n")):
        match = PARAM.match(line)
        if match:
            found.append((index, match.group(2).strip(), match))
    return found


def _replace_line(text: str, index: int, new: str) -> str:
    lines = text.split("\n")
    lines[index] = new
    return "\n".join(lines)


def _insert_line(text: str, index: int, new: str) -> str:
    lines = text.split("\n")
    lines.insert(index, new)
    return "\n".join(lines)


def _single_line(text: str, index: int) -> bool:
    """Whether the parameter opened on line ``index`` ends on that line, so that replacing the
    line replaces the whole value."""
    lines = text.split("\n")
    return index + 1 < len(lines) and lines[index + 1].lstrip().startswith(("|", "}}"))


def _closing(text: str) -> int:
    """The index of the line that closes the (last) infobox: a new parameter goes just before it,
    so that it never splits the value of a parameter that runs over several lines."""
    lines = text.split("\n")
    return max(i for i, line in enumerate(lines) if line.strip().startswith(("}}", "|}}")))


def _figure_lines(text: str) -> list[tuple[int, re.Match, re.Match]]:
    """Strength and casualty lines whose value opens with a count."""
    found = []
    for index, name, match in _params(text):
        if re.fullmatch(r"(strength|casualties)\d", name):
            count = re.match(r"\s*(\d{1,3}(?:,\d{3})+|\d+)(?=[\s<])", match.group(4))
            if count:
                found.append((index, match, count))
    return found


Injection = Callable[[str, random.Random], tuple[str, int | None, int] | None]


def negative(text: str, rng: random.Random):
    lines = _figure_lines(text)
    if not lines:
        return None
    index, match, count = rng.choice(lines)
    sign = rng.choice(["-", "−", "&minus;"])
    at = len(match.group(1)) + len(match.group(2)) + len(match.group(3)) + count.start(1)
    line = text.split("\n")[index]
    return _replace_line(text, index, line[:at] + sign + line[at:]), index + 1, 0


def repeated_parameter(text: str, rng: random.Random):
    candidates = [(i, m) for i, name, m in _params(text) if name in ("date", "place", "result", "conflict")]
    if not candidates:
        return None
    _index, match = rng.choice(candidates)
    at = _closing(text)
    return _insert_line(text, at, f"{match.group(1)}{match.group(2)}{match.group(3)}Unknown"), at + 1, 0


def unlisted_victor(text: str, rng: random.Random):
    for index, name, match in _params(text):
        if name == "result" and re.match(r"\s*(\[\[[^]]*\]\]\s*)?[A-Z][\w.]*( [A-Z]\w+)? victory", match.group(4)):
            absent = [a for a in ("Swedish", "Portuguese", "Brazilian", "Mexican") if a not in text]
            line = text.split("\n")[index]
            value = f"{rng.choice(absent)} victory"
            return (
                _replace_line(
                    text, index, line[: len(match.group(1)) + len(match.group(2)) + len(match.group(3))] + value
                ),
                index + 1,
                0,
            )
    return None


VICTORS = {
    "German": r"Nazi Germany|Germany|GER",
    "Soviet": r"Soviet Union|USSR",
    "Japanese": r"Empire of Japan|Japan",
    "American": r"United States|USA|US",
    "British": r"United Kingdom|UK",
    "Italian": r"Kingdom of Italy|Italy",
    "Finnish": r"Finland",
    "Polish": r"Poland|Second Polish Republic",
    "Dutch": r"Netherlands",
}


def victor_removed(text: str, rng: random.Random):
    """The combatant a plain 'X victory' credits is taken out of its side: deleted from a cell
    that lists others too, or swapped for a party the page never names."""
    result = next((m.group(4) for _, name, m in _params(text) if name == "result"), "")
    credited = re.fullmatch(r"\s*(\w+) victory\s*", result)
    if not credited or credited.group(1) not in VICTORS:
        return None
    party = re.compile(
        r"\{\{flag(?:country|u|icon)?\|(?:" + VICTORS[credited.group(1)] + r")(?:\|[^{}]*)?\}\}(?:\s*\[\[[^]]*\]\])?"
    )
    for index, name, match in _params(text):
        if not re.fullmatch(r"combatant[12]", name) or not _single_line(text, index):
            continue
        value = match.group(4)
        found = party.search(value)
        if not found:
            continue
        line = text.split("\n")[index]
        at = len(line) - len(value)
        items = re.split(r"<br\s*/?>", value)
        if len(items) > 1:
            kept = [item for item in items if not party.search(item)]
            return _replace_line(text, index, line[:at] + "<br>".join(kept)), index + 1, 0
        swap = next(p for p in ("Sweden", "Portugal", "Brazil", "Mexico") if p not in text)
        return (
            _replace_line(
                text, index, line[:at] + value[: found.start()] + f"{{{{flag|{swap}}}}}" + value[found.end() :]
            ),
            None,
            0,
        )
    return None


def month_thirteen(text: str, rng: random.Random):
    for index, name, match in _params(text):
        year = re.search(r"\b(1[0-9]{3}|20[0-2][0-9])\b", match.group(4))
        if name == "date" and year and _single_line(text, index):
            prefix = text.split("\n")[index][: len(match.group(1)) + len(match.group(2)) + len(match.group(3))]
            return (
                _replace_line(text, index, prefix + f"{{{{Start date|{year.group(1)}|13|{rng.randint(1, 28)}}}}}"),
                index + 1,
                0,
            )
    return None


def misspelt_month(text: str, rng: random.Random):
    for index, name, match in _params(text):
        months = [m for m in MONTHS if re.search(rf"\b{m}\b", match.group(4))]
        if name == "date" and months:
            month = rng.choice(months)
            line = text.split("\n")[index]
            return _replace_line(text, index, re.sub(rf"\b{month}\b", MISSPELT[month], line, count=1)), index + 1, 0
    return None


def total_below_parts(text: str, rng: random.Random):
    for index, name, match in _params(text):
        if re.fullmatch(r"casualties[12]", name) and _single_line(text, index):
            killed, wounded = rng.randint(20, 400), rng.randint(50, 900)
            total = killed + wounded - rng.randint(5, 15)
            prefix = text.split("\n")[index][: len(match.group(1)) + len(match.group(2)) + len(match.group(3))]
            value = f"{killed} killed<br>{wounded} wounded<br>{total} total"
            return _replace_line(text, index, prefix + value), index + 1, 0
    return None


def stray_none(text: str, rng: random.Random):
    lines = [(i, m, c) for i, m, c in _figure_lines(text) if "casualties" in m.group(2)]
    if not lines:
        return None
    index, _, _ = rng.choice(lines)
    line = text.split("\n")[index]
    return _replace_line(text, index, line.rstrip() + rng.choice(["<br>None", "<br />None", "<br>N/A"])), index + 1, 0


def ref_removed(text: str, rng: random.Random):
    candidates = []
    for index, name, match in _params(text):
        if re.fullmatch(r"(strength|casualties)\d", name):
            value = match.group(4)
            first = re.match(r"\s*\d[\d,]*[^<{|]*?(<ref[^>/]*/>|<ref[^>]*>.*?</ref>|\{\{sfn[^{}]*\}\})", value)
            # No citation may follow in the cell: one closing the cell would cover the figure again.
            rest = value[first.end(1) :] if first else ""
            if (
                first
                and _single_line(text, index)
                and "<br" not in value[: first.start(1)]
                and not re.search(r"<ref|\{\{(sfn|efn|refn|r\|)", rest)
            ):
                candidates.append((index, match, first))
    if not candidates:
        return None
    index, match, first = rng.choice(candidates)
    line = text.split("\n")[index]
    at = len(line) - len(match.group(4))
    return _replace_line(text, index, line[: at + first.start(1)] + line[at + first.end(1) :]), index + 1, 0


def malformed_number(text: str, rng: random.Random):
    lines = [(i, m, c) for i, m, c in _figure_lines(text) if "," in c.group(1) or len(c.group(1)) >= 3]
    if not lines:
        return None
    index, match, count = rng.choice(lines)
    number = count.group(1)
    # A thousands group of four digits, a stop for a comma, or letters O for zeros: never a valid number.
    bad = rng.choice([number + "0", number.replace(",", ".")]) if "," in number else number[:-2] + "OO"
    at = len(match.group(1)) + len(match.group(2)) + len(match.group(3)) + count.start(1)
    line = text.split("\n")[index]
    return _replace_line(text, index, line[:at] + bad + line[at + len(number) :]), index + 1, 0


def commander_without_side(text: str, rng: random.Random):
    names = {name for _, name, _ in _params(text)}
    if "combatant3" in names or "commander3" in names:
        return None
    at = _closing(text)
    return (
        _insert_line(text, at, "| commander3 = " + rng.choice(["Unknown leader", "[[Local militia]] chief"])),
        at + 1,
        0,
    )


def misspelt_parameter(text: str, rng: random.Random):
    typos = {
        "place": "plase",
        "date": "dat",
        "result": "Result",
        "partof": "part_of",
        "caption": "capton",
        "commander1": "comander1",
        "strength2": "strenght2",
    }
    candidates = [(i, name, m) for i, name, m in _params(text) if name in typos]
    if not candidates:
        return None
    index, name, _match = rng.choice(candidates)
    line = text.split("\n")[index]
    return _replace_line(text, index, line.replace(name, typos[name], 1)), index + 1, 0


def missing_equals(text: str, rng: random.Random):
    candidates = [
        (i, m)
        for i, name, m in _params(text)
        if name in ("caption", "place", "image_size", "image") and m.group(4).strip()
    ]
    if not candidates:
        return None
    index, match = rng.choice(candidates)
    return _replace_line(text, index, f"{match.group(1)}{match.group(2)} {match.group(4)}"), index + 1, 0


def _rewrite_count(text: str, rng: random.Random, rewrite: Callable[[int], str]):
    """A figure line's opening count (20 or more) replaced by ``rewrite(count)``."""
    lines = [(i, m, c) for i, m, c in _figure_lines(text) if int(c.group(1).replace(",", "")) >= 20]
    if not lines:
        return None
    index, match, count = rng.choice(lines)
    number = int(count.group(1).replace(",", ""))
    at = len(match.group(1)) + len(match.group(2)) + len(match.group(3)) + count.start(1)
    line = text.split("\n")[index]
    return _replace_line(text, index, line[:at] + rewrite(number) + line[at + len(count.group(1)) :]), index + 1, 0


def inverted_range(text: str, rng: random.Random):
    # The low end keeps the high end's digit count, so that no reader takes it for an abbreviated range.
    return _rewrite_count(text, rng, lambda number: f"{number:,}–{10 ** (len(str(number)) - 1):,}")


def casualties_over_strength(text: str, rng: random.Random):
    params = {name: (i, m) for i, name, m in _params(text)}
    for side in ("1", "2"):
        if (
            f"strength{side}" in params
            and f"casualties{side}" in params
            and _single_line(text, params[f"strength{side}"][0])
            and _single_line(text, params[f"casualties{side}"][0])
        ):
            strength = rng.randint(50, 300)
            text = _replace_line(text, params[f"strength{side}"][0], f"| strength{side} = {strength} men")
            index = params[f"casualties{side}"][0]
            return _replace_line(text, index, f"| casualties{side} = {strength * 3} killed"), index + 1, 0
    return None


def end_before_start(text: str, rng: random.Random):
    for index, name, match in _params(text):
        year = re.search(r"\b(1[0-9]{3})\b", match.group(4))
        if name == "date" and year and _single_line(text, index):
            prefix = text.split("\n")[index][: len(match.group(1)) + len(match.group(2)) + len(match.group(3))]
            y = int(year.group(1))
            return (
                _replace_line(
                    text, index, prefix + f"{{{{Start and end dates|{y}|09|20|{y}|0{rng.randint(1, 8)}|10}}}}"
                ),
                index + 1,
                0,
            )
    return None


def future_date(text: str, rng: random.Random):
    for index, name, match in _params(text):
        if name == "date" and _single_line(text, index):
            prefix = text.split("\n")[index][: len(match.group(1)) + len(match.group(2)) + len(match.group(3))]
            return (
                _replace_line(text, index, prefix + f"{rng.randint(3, 28)} May {rng.randint(2030, 2040)}"),
                index + 1,
                0,
            )
    return None


def hyphen_range(text: str, rng: random.Random):
    # A range of counts joined by a hyphen or an em dash, as MOS:DASH says not to write it; the
    # high end, twice the low one, is never read as an abbreviated or inverted range.
    dash = rng.choice(["-", "\u2014"])
    return _rewrite_count(text, rng, lambda number: f"{number:,}{dash}{number * 2:,}")


def party_on_both_sides(text: str, rng: random.Random):
    params = {name: (i, m) for i, name, m in _params(text)}
    if "combatant1" not in params or "combatant2" not in params:
        return None
    flag = re.search(r"\{\{flag(?:country|u)?\|[^{}]+\}\}", params["combatant1"][1].group(4))
    if not flag:
        return None
    index = params["combatant2"][0]
    line = text.split("\n")[index]
    return _replace_line(text, index, line.rstrip() + "<br>" + flag.group(0)), index + 1, 0


def nonstandard_result(text: str, rng: random.Random):
    for index, name, match in _params(text):
        if name == "result" and re.fullmatch(r"\s*(\[\[[^]]*\]\]|[A-Z][\w.]*)( [A-Z]\w+)? victory\s*", match.group(4)):
            prefix = text.split("\n")[index][: len(match.group(1)) + len(match.group(2)) + len(match.group(3))]
            value = rng.choice(
                ["Withdrawal of both armies", "Treaty signed after the battle", "Both sides claimed success"]
            )
            return _replace_line(text, index, prefix + value), index + 1, 0
    return None


def ongoing_with_victory(text: str, rng: random.Random):
    for _index, name, match in _params(text):
        if name == "result" and "victory" in match.group(4):
            # Which of the two rows the finding names is the rule's choice: anywhere in the file counts.
            return _insert_line(text, _closing(text), "| status = Ongoing"), None, 0
    return None


def no_template(text: str, rng: random.Random):
    if not re.search(r"\{\{\s*[Ii]nfobox military conflict", text):
        return None
    return re.sub(r"\{\{(\s*)[Ii]nfobox military conflict", r"{{\1Infobox militray conflict", text), None, 0


# A date row that opens with a span: days of one month ("3–5 June 1944"), or dates or years
# ("9 December 1940 – 9 February 1941", "1939–1945"), before any citation or template.
_DATE_SPAN = re.compile(
    r"\s*(?:\d{1,2}|\d{1,2} [A-Z][a-z]+(?: \d{4})?|[A-Z][a-z]+ \d{1,2},? \d{4}|\d{4})\s?(\u2013)\s?\d"
)


def hyphenated_range(text: str, rng: random.Random):
    # The en dash of a date span written as a hyphen, as MOS:DASH says not to write it.
    lines = [(index, match, span) for index, name, match in _params(text)
             if name == "date" and (span := _DATE_SPAN.match(match.group(4)))]
    if not lines:
        return None
    index, match, span = rng.choice(lines)
    line = text.split("\n")[index]
    at = len(match.group(1)) + len(match.group(2)) + len(match.group(3)) + span.start(1)
    return _replace_line(text, index, line[:at] + "-" + line[at + 1 :]), index + 1, 0


def duplicate_file(text: str, rng: random.Random):
    return text, None, 0  # linted together with its source: the same conflict twice


KINDS: dict[str, tuple[str, Injection]] = {
    "minus sign before a figure": ("figure-negative", negative),
    "a parameter given twice": ("duplicate-key", repeated_parameter),
    "the result credits a party no side lists": ("result-unlisted-party", unlisted_victor),
    "the combatant the result credits removed": ("result-unlisted-party", victor_removed),
    "month 13 in {{Start date}}": ("date-malformed", month_thirteen),
    "a misspelt month": ("date-malformed", misspelt_month),
    "a total below its parts": ("total-mismatch", total_below_parts),
    "a stray None beside figures": ("placeholder-value", stray_none),
    "a figure's citation removed": ("figure-unsourced", ref_removed),
    "a malformed number": ("figure-malformed", malformed_number),
    "a commander for a side with no combatant": ("side-without-combatants", commander_without_side),
    "a misspelt parameter name": ("unknown-parameter", misspelt_parameter),
    "a parameter without '='": ("positional-parameter", missing_equals),
    "a range written high to low": ("range-inverted", inverted_range),
    "casualties above the strength": ("casualties-exceed-strength", casualties_over_strength),
    "an end date before the start": ("date-order", end_before_start),
    "a date in the future": ("date-future", future_date),
    "a party on both sides": ("party-on-both-sides", party_on_both_sides),
    "a result in none of the template's terms": ("result-nonstandard", nonstandard_result),
    "status Ongoing beside a victory": ("result-status-conflict", ongoing_with_victory),
    "the template's name misspelt": ("no-infobox", no_template),
    "the same infobox in a second file": ("duplicate-record", duplicate_file),
    "a range joined by a hyphen or an em dash": ("range-dash", hyphen_range),
    # new kinds go last, so that the seeded draws of the kinds above stay as they were
    "the en dash of a date span written as a hyphen": ("range-dash", hyphenated_range),
}


def sources() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text("utf-8")) for p in sorted(GOLD_CORPUS.glob("*.wiki"))]


def cases(seed: int = SEED, per_kind: int = PER_KIND) -> list[Case]:
    """``per_kind`` cases of every kind, each in a source file drawn with the seeded generator."""
    rng = random.Random(seed)
    found: list[Case] = []
    files = sources()
    for kind, (rule, inject) in KINDS.items():
        order = files[:]
        rng.shuffle(order)
        made = 0
        for stem, text in order:
            result = inject(text, rng)
            if result is None or (result[0] == text and rule != "duplicate-record"):
                continue
            injected, line, shift = result
            name = f"{rule}--{stem}"
            while any(c.name == name for c in found):  # two kinds of one rule may pick one file
                name += "-2"
            found.append(Case(name, kind, rule, injected, text, line, shift))
            made += 1
            if made == per_kind:
                break
    # A byte that is not UTF-8: the file cannot be read as wikitext at all.
    for stem, text in rng.sample(files, 2):
        raw = text.encode("utf-8")
        at = raw.index(b"\n") + 3
        found.append(
            Case(
                f"syntax-error--{stem}",
                "a byte that is not UTF-8",
                "syntax-error",
                text,
                text,
                None,
                data=raw[:at] + b"\xff" + raw[at:],
            )
        )
    return found


def _lint(name: str, data: bytes, others: tuple[tuple[str, bytes], ...] = ()) -> list:
    from linter.engine import lint_documents
    from linter.load import load_bytes, with_extra
    from linter.records import RecordSet

    docs = with_extra(load_bytes(data, f"{name}.wiki", ".wiki"))
    context = docs + [d for other, raw in others for d in with_extra(load_bytes(raw, f"{other}.wiki", ".wiki"))]
    return lint_documents(docs, today=TODAY, record_set=RecordSet(context))


def found(case: Case) -> bool:
    """Whether lint reports the case's rule where the defect was injected, and did not before."""
    original = case.original.encode("utf-8")
    others = ((f"original-{case.name}", original),) if case.rule == "duplicate-record" else ()
    after = [f for f in _lint(case.name, case.data or case.text.encode("utf-8"), others) if f.rule == case.rule]
    if case.line is None:
        before_count = (
            0
            if case.rule == "duplicate-record"
            else len([f for f in _lint(case.name, original) if f.rule == case.rule])
        )
        return len(after) > before_count
    before = [
        f.line + (case.shift if f.line >= case.line - case.shift else 0)
        for f in _lint(case.name, original)
        if f.rule == case.rule
    ]
    return sum(f.line == case.line for f in after) > before.count(case.line)


def recall(all_cases: list[Case]) -> dict[str, tuple[int, int]]:
    """Per kind of defect: (found, injected)."""
    per_kind: dict[str, list[bool]] = collections.defaultdict(list)
    for case in all_cases:
        per_kind[f"{case.rule}: {case.kind}"].append(found(case))
    return {kind: (sum(hits), len(hits)) for kind, hits in sorted(per_kind.items())}
