"""Read infobox date text ("17–26 September 1944", "March 12, 2020", "218–201 BC") into the
schema's date strings; the first date found is the start, the last the end."""

from __future__ import annotations

import re

from linter.dates import MONTH_NAMES, MONTHS
from linter.limits import for_matching

# The lookahead changes no match: it lets a position whose letter starts no month name fail at
# once, where IGNORECASE would have the engine try every name there (five times faster a date).
_MONTH = (r"(?=[" + "".join(sorted({name[0] for name in MONTHS})) + r"])"
          r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?")
_DASH = r"\s*(?:-|–|—|to|until)\s*"
_PATTERNS = (
    ("md-dy", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}){_DASH}(\d{{1,2}}),?\s+(\d{{1,4}})(\s*BC)?\b", re.IGNORECASE)),
    # 17–26 September 1944 / 17 September – 3 October 1944 are handled by reading each date;
    # a bare day before a dash borrows the month and year of the date after it.
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s*,?\s+(\d{{1,4}})(\s*BC)?\b", re.IGNORECASE)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{1,4}})(\s*BC)?\b", re.IGNORECASE)),
    ("my", re.compile(rf"\b{_MONTH}\s+(\d{{3,4}}|\d{{1,2}}(?=\s*BC\b))(\s*BC)?\b", re.IGNORECASE)),
    # A year alone has 3-4 digits, or fewer when BC says so, itself or after a dash ("58–50 BC").
    ("y", re.compile(rf"\b(\d{{3,4}}|\d{{1,2}}(?=\s*BC\b|{_DASH}\d{{1,4}}\s*BC\b))(\s*BC)?\b", re.IGNORECASE)),
)
_DAY_BEFORE_DASH = re.compile(rf"\b(\d{{1,2}}){_DASH}$", re.IGNORECASE)
_DAY_MONTH_BEFORE_DASH = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}{_DASH}$", re.IGNORECASE)
_MONTH_DAY_BEFORE_DASH = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}){_DASH}$", re.IGNORECASE)
_MONTH_BEFORE_DASH = re.compile(rf"(?<!\d\s)\b{_MONTH}{_DASH}$", re.IGNORECASE)
_YEAR_BEFORE_DASH_BC = re.compile(rf"\b(\d{{1,4}}){_DASH}(\d{{1,4}})\s*BC\b", re.IGNORECASE)


def _iso(year: int, month: int | None = None, day: int | None = None, bc: bool = False) -> str:
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text + (" BC" if bc else "")


def _dates(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) for each date in the text, in order, without overlaps."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            groups = match.groups()
            day: int | None
            month: int | None
            bc = bool(groups[-1])
            if kind == "md-dy":  # "July 25–27, 1944"
                month, year = MONTHS[groups[0].lower()], int(groups[3])
                taken.append((match.start(), match.end()))
                found.append((match.start(), match.start() + 1, _iso(year, month, int(groups[1]), bc)))
                found.append((match.start() + 1, match.end(), _iso(year, month, int(groups[2]), bc)))
                continue
            if kind == "dmy":
                day, month, year = int(groups[0]), MONTHS[groups[1].lower()], int(groups[2])
            elif kind == "mdy":
                month, day, year = MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
            elif kind == "my":
                day, month, year = None, MONTHS[groups[0].lower()], int(groups[1])
            else:
                day, month, year = None, None, int(groups[0])
            if year == 0:
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), match.end(), _iso(year, month, day, bc)))
            # "17–26 September 1944", "July 25–27, 1944": the start borrows what it lacks.
            # Each form before the dash is looked for only after a date it can start: a year alone
            # ("1939–1945") borrows nothing.
            if kind == "y":
                continue
            before = text[:match.start()]
            day_month = _DAY_MONTH_BEFORE_DASH.search(before) if kind in ("dmy", "my") else None
            if day_month:  # "17 September – 3 October 1944", "1 May – June 1940"
                found.append((day_month.start(), day_month.end(),
                              _iso(year, MONTHS[day_month.group(2).lower()], int(day_month.group(1)), bc)))
                taken.append((day_month.start(), day_month.end()))
                continue
            month_day = _MONTH_DAY_BEFORE_DASH.search(before) if kind in ("mdy", "dmy") else None
            lone_day = _DAY_BEFORE_DASH.search(before) if kind == "dmy" and not month_day else None
            if month_day:
                found.append((month_day.start(), month_day.end(),
                              _iso(year, MONTHS[month_day.group(1).lower()], int(month_day.group(2)), bc)))
                taken.append((month_day.start(), month_day.end()))
            elif lone_day:
                found.append((lone_day.start(), lone_day.end(), _iso(year, month, int(lone_day.group(1)), bc)))
                taken.append((lone_day.start(), lone_day.end()))
            elif kind in ("dmy", "mdy", "my"):
                # "February – September 2022", "March–May 1942": a month alone before the dash
                # borrows the year of the date after it.
                lone_month = _MONTH_BEFORE_DASH.search(before)
                if lone_month:
                    found.append((lone_month.start(), lone_month.end(),
                                  _iso(year, MONTHS[lone_month.group(1).lower()], None, bc)))
                    taken.append((lone_month.start(), lone_month.end()))
    bc_span = _YEAR_BEFORE_DASH_BC.search(text)
    if bc_span:  # "218–201 BC": the first year is BC too
        found = [(s, e, iso + " BC" if s == bc_span.start() and not iso.endswith("BC") else iso)
                 for s, e, iso in found]
    return [(start, iso) for start, _, iso in sorted(found)]


# Compiled here, not named to re.search() at each call: re's own cache holds 512 patterns, and a
# run uses more, so a pattern named at the call is compiled again and again.
_REMARK = re.compile(r"\([^()]*\)")
_ONGOING = re.compile(r"\b(present|ongoing)\b", re.IGNORECASE)
_APPROXIMATE = re.compile(r"\b(c\.|circa|approx)", re.IGNORECASE)


def read_span(text: str) -> dict:
    """The schema's date span for a date text: start, end when it differs, and the text itself."""
    text = for_matching(text)
    # "(108 days)", "(Full-scale war)": remarks in brackets hold durations, not dates.
    dates = _dates(_REMARK.sub(lambda m: " " * len(m.group()), text))
    span: dict = {}
    if dates:
        span["start"] = dates[0][1]
        if len(dates) > 1 and dates[-1][1] != dates[0][1]:
            span["end"] = dates[-1][1]
    if _ONGOING.search(text):
        span["ongoing"] = True
        span.pop("end", None) if len(dates) < 2 else None
    if _APPROXIMATE.search(text):
        span["approximate"] = True
    if text.strip():
        span["text"] = " ".join(text.split())
    return span


_MONTH_NAMES = [name.lower() for name in MONTH_NAMES]
# A word where a month stands: after a day ("8 Septmber"), before a day or year ("Marhc 1942",
# "Agust 4, 1916"), or before the dash of a range ("Marhc – May 1942").
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{4,12}(?![^\W\d_])")
_AFTER_NUMBER = re.compile(r"\d\s+$")
_BEFORE_NUMBER_OR_DASH = re.compile(r"\.?,?\s*(?:\d|[-–—]|to\b|until\b)")


def misspelt_months(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, month) of each word that stands where a month does but is none,
    while being a slip or two from one (``close_months``): "Agust", "Marhc", "Septmber".
    Words further from every month ("days", "Winter") are other words, not months. When two
    months are equally near ("Jule"), the month reads "June or July"."""
    found = []
    text = for_matching(text)
    for match in _WORD.finditer(text):
        word = match.group()
        folded = word.casefold()
        if folded in MONTHS or not (_AFTER_NUMBER.search(text[max(0, match.start() - 8):match.start()])
                                    or _BEFORE_NUMBER_OR_DASH.match(text, match.end())):
            continue
        close = close_months(word)
        if close:
            found.append((match.start(), match.end(), word, " or ".join(close)))
    return found


def close_months(word: str) -> list[str]:
    """The month names ``word`` is nearest to by edit distance (``linter.spelling``), when it
    is within the slips a word of its length may hold; several when equally near ("Jule":
    June, July), so a fix can tell one month from several."""
    from linter.spelling import allowed_slips, edit_distance

    folded = word.casefold()
    limit = allowed_slips(folded)
    if not limit:
        return []
    distances = {name: edit_distance(folded, name, limit) for name in _MONTH_NAMES}
    nearest = min(distances.values())
    return [name.title() for name, d in distances.items() if d == nearest] if nearest <= limit else []
