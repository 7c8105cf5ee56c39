"""A record as a reader of its infobox sees it: plain rows of text, figures with their sources.

Records reach a reporter unchecked (a record page exists because something is wrong with it),
so every value may be of the wrong type: anything unexpected is shown as text, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

CASUALTY_ROWS = ("killed", "wounded", "captured", "missing", "civilians", "total")


class Figure(NamedTuple):
    text: str
    sources: tuple[str, ...]  # source ids as the record cites them


class SideView(NamedTuple):
    combatants: list[str]
    commanders: list[str]
    units: list[str]
    strength: list[Figure]
    casualties: list[tuple[str, Figure]]


class Reference(NamedTuple):
    text: str
    target: str | None  # the path of the record it names, when the run holds one


class SourceView(NamedTuple):
    id: str
    text: str
    url: str | None  # only http(s) addresses become links


class InfoboxView(NamedTuple):
    title: str
    rows: list[tuple[str, str]]
    part_of: list[Reference]
    see_also: list[Reference]
    sides: list[SideView]
    joint_casualties: list[tuple[str, Figure]]
    sources: list[SourceView]


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {text(v)}" for k, v in value.items())
    return str(value)


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [text(v) for v in value if v is not None]
    return [text(value)] if value not in (None, "") else []


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return text(value)
    return f"{value:,}"


def figure(value: Any) -> Figure:
    """A figure in the words an infobox uses: "c. 300", "9–12", "20+" (the source's own wording first)."""
    if not isinstance(value, dict):
        return Figure(text(value), ())
    sources = tuple(text(s) for s in value.get("sources", ()) if s is not None) \
        if isinstance(value.get("sources"), list) else ()
    if value.get("text"):
        shown = text(value["text"])
    elif "count" in value:
        shown = _number(value["count"])
    elif "at_least" in value:
        shown = f"{_number(value['at_least'])}+"
    elif "about" in value:
        shown = f"c. {_number(value['about'])}"
    elif "min" in value or "max" in value:
        shown = f"{_number(value.get('min', '?'))}–{_number(value.get('max', '?'))}"
    elif "best" in value or "low" in value or "high" in value:
        shown = f"{_number(value.get('low', '?'))}–{_number(value.get('high', '?'))}"
        if "best" in value:
            shown += f" (best estimate {_number(value['best'])})"
    elif value.get("unknown"):
        shown = "unknown"
    elif value.get("none"):
        shown = "none"
    else:
        shown = ""
    if value.get("label"):
        shown = f"{text(value['label'])}: {shown}" if shown else text(value["label"])
    return Figure(shown or "(no figure)", sources)


def _casualties(value: Any) -> list[tuple[str, Figure]]:
    if not isinstance(value, dict):
        return []
    rows = [(name, figure(value[name])) for name in CASUALTY_ROWS if name in value]
    if isinstance(value.get("other"), list):
        rows += [("other", figure(item)) for item in value["other"]]
    return rows


def _date(value: Any) -> str:
    if not isinstance(value, dict):
        return text(value)
    if value.get("text"):
        return text(value["text"])
    start, end = text(value.get("start")), text(value.get("end"))
    shown = f"{start} – {end}" if start and end else start or end
    if value.get("ongoing"):
        shown += " – present" if shown else "ongoing"
    if value.get("approximate"):
        shown = f"c. {shown}"
    return shown


def _place(value: Any) -> str:
    if not isinstance(value, dict):
        return text(value)
    parts = [text(value.get(k)) for k in ("name", "country") if value.get(k)]
    coordinates = value.get("coordinates")
    if isinstance(coordinates, dict) and "lat" in coordinates and "lon" in coordinates:
        parts.append(f"{text(coordinates['lat'])}, {text(coordinates['lon'])}")
    return ", ".join(parts)


def _result(value: Any) -> str:
    if not isinstance(value, dict):
        return text(value)
    shown = text(value.get("text")) or text(value.get("outcome"))
    if value.get("victors"):
        shown += f" (victors: {text(value['victors'])})"
    return shown


def _source(key: str, value: Any) -> SourceView:
    if not isinstance(value, dict):
        return SourceView(key, text(value), None)
    described = "; ".join(text(value[k]) for k in ("publisher", "title", "date", "note") if value.get(k))
    url = value.get("url")
    safe = url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None
    if url and not safe:
        described = f"{described}; {text(url)}" if described else text(url)
    return SourceView(key, described, safe)


def view(record: dict, resolve: Callable[[str], str | None]) -> InfoboxView:
    """The infobox of a record; ``resolve(reference)`` gives the path of the record a reference
    names, or None."""
    def references(name: str) -> list[Reference]:
        items = record.get(name)
        items = items if isinstance(items, list) else [items] if items else []
        return [Reference(text(item), resolve(item) if isinstance(item, str) else None) for item in items]

    rows = [(label, shown) for label, shown in (
        ("Date", _date(record.get("date"))),
        ("Place", _place(record.get("place"))),
        ("Status", text(record.get("status"))),
        ("Result", _result(record.get("result"))),
        ("Territorial changes", text(record.get("territory"))),
        ("Notes", text(record.get("notes"))),
    ) if shown]
    sides = []
    listed = record.get("sides")
    for side in listed if isinstance(listed, list) else []:
        side = side if isinstance(side, dict) else {}
        strength = side.get("strength")
        sides.append(SideView(
            combatants=_strings(side.get("combatants")),
            commanders=_strings(side.get("commanders")),
            units=_strings(side.get("units")),
            strength=[figure(item) for item in strength] if isinstance(strength, list)
            else [figure(strength)] if strength else [],
            casualties=_casualties(side.get("casualties")),
        ))
    registry = record.get("sources")
    sources = [_source(text(k), v) for k, v in registry.items()] if isinstance(registry, dict) else []
    title = text(record.get("conflict")) or text(record.get("id"))
    return InfoboxView(title, rows, references("part_of"), references("see_also"), sides,
                       _casualties(record.get("other_casualties")), sources)
