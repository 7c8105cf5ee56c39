"""Parse the record schema's date strings and compare partial dates.

A record date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by `` BC``.
Partial dates stand for every day they could mean, so comparisons use the earliest and the
latest possible day. Days are kept as ``(year, month, day)`` tuples on the astronomical
year scale (1 BC is year 0, 2 BC is year -1), because ``datetime.date`` cannot hold years
before the common era and BC years count backwards.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import NamedTuple

# English month names, as English Wikipedia's infoboxes write them (and whatever the locale),
# with the abbreviations they use; every reader of month names builds on these.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
# A month name or abbreviation as written ("March", "Mar.", "Sept"): capitalised, so that a
# pattern compiled without IGNORECASE takes "may" in running text for the verb it is.
MONTH_PATTERN = "(?:" + "|".join(sorted((name.title() for name in MONTHS), key=len, reverse=True)) + r")\b\.?"

DATE_FORM = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<bc> BC)?\Z")

Day = tuple[int, int, int]


class DateError(ValueError):
    """A date string that is not of the schema's form, or names a day that does not exist."""


class PartialDate(NamedTuple):  # a named tuple: made once per date of every record
    """A year, month or day; ``year`` is astronomical (1 BC is 0)."""

    text: str
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> Day:
        return (self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> Day:
        month = self.month or 12
        return (self.year, month, self.day or _month_length(self.year, month))


# Days of each month in a common year (calendar.mdays, which typeshed does not declare).
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    # The proleptic Gregorian calendar: astronomical year 0 (1 BC) is a leap year. isleap's
    # modulo arithmetic keeps the rule right for negative years; monthrange cannot take them.
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return _DAYS_IN_MONTH[month]


def parse_date(text: str) -> PartialDate:
    """The partial date a schema date string names; DateError says why when it names none."""
    match = DATE_FORM.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise DateError(f"'{text}' is not of the form YYYY, YYYY-MM or YYYY-MM-DD (with ' BC' for BC years)")
    number = int(match["year"])
    if number == 0:
        raise DateError(f"'{text}': there is no year 0 (1 BC is followed by AD 1)")
    year = 1 - number if match["bc"] else number
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}': there is no month {month:02d}")
    if day is not None and month is not None and not 1 <= day <= _month_length(year, month):
        month_name = MONTH_NAMES[month - 1]
        raise DateError(f"'{text}': {month_name} {_display_year(year)} has no day {day}")
    return PartialDate(text, year, month, day)


def try_parse(text: object) -> PartialDate | None:
    """The partial date, or None for anything that is not a valid date string."""
    if not isinstance(text, str):
        return None
    return _try_parse_text(text)


# A parent conflict's dates are read again for each of its parts, and dates repeat across
# records; a partial date is immutable, so answers can be shared.
@functools.lru_cache(maxsize=4096)
def _try_parse_text(text: str) -> PartialDate | None:
    try:
        return parse_date(text)
    except DateError:
        return None


def _display_year(year: int) -> str:
    return f"{1 - year} BC" if year <= 0 else str(year)


def day_of(date: datetime.date) -> Day:
    return (date.year, date.month, date.day)


def show_day(day: Day) -> str:
    year, month, number = day
    return f"{number} {MONTH_NAMES[month - 1]} {_display_year(year)}"
