"""Generate a deterministic set of realistic conflict records for benchmarks.

    python bench/generate.py --count N --out DIR [--seed S] [--defect-rate R]

Each record is about 2 KB of YAML: two or three sides with several combatants, commanders and
units, figures of every form (count, at_least, about, min/max, low/best/high, unknown, none)
with sources, and ``part_of`` links to campaign records of the same set. A share of the records
(``--defect-rate``, default 0.05) carries one defect, cycling through every rule family so that
each rule has something to find. The same seed always gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

PLACES = ("Red Ford", "Ashby Hill", "Kessel Gap", "Marrow Bridge", "Oldwick", "Tarn Valley", "Sable Point",
          "Greywater", "Hollin Pass", "Fenmarch", "Corran Wood", "Dunmere", "Ilsby Marsh", "Vael Heights")
COUNTRIES = ("France", "Niger", "Nigeria")
GROUPS = ("Northern Militia", "River League", "Free Companies", "Hill Tribes Alliance", "Coastal Guard",
          "Eastern Legion", "Volunteer Corps", "Border Rangers")
GIVEN = ("Jean", "Amadou", "Marie", "Ibrahim", "Paul", "Aïcha", "Louis", "Musa", "Claire", "Yusuf")
FAMILY = ("Martin", "Diallo", "Bernard", "Issoufou", "Moreau", "Bello", "Laurent", "Sani", "Dubois")
KINDS = ("Battle", "Siege", "Skirmish", "Raid", "Attack")
PUBLISHERS = ("Agence France-Presse", "Reuters", "Anadolu Agency", "The Gazette", "Regimental ledger",
              "Ministry of Defence", "UCDP")

# One defect per defective record, cycling through these; each names the rule that should fire.
DEFECTS = (
    "schema-violation", "unknown-field", "figure-negative", "figure-unsourced", "result-unlisted-party",
    "placeholder-value", "duplicate-key", "implicit-type", "syntax-error", "multiple-documents",
    "date-malformed", "date-order", "date-future", "range-inverted", "partof-unresolved",
    "duplicate-record", "see-also-unresolved",
)
CAMPAIGN_EVERY = 20  # one record in twenty is a campaign that the battles after it are part of


def _campaign_year(campaign_index: int, seed: int) -> int:
    return random.Random(f"{seed}:{campaign_index}:year").randint(1800, 2015)


def _date(rng: random.Random, first_year: int) -> tuple[str, str]:
    # Within the five years of its campaign, so that part_of dates agree (partof-date-outside).
    year, month, day = first_year + rng.randint(0, 4), rng.randint(1, 12), rng.randint(1, 20)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day + rng.randint(0, 8):02d}"


def _figure(rng: random.Random, sources: list[str], scale: int) -> dict:
    form = rng.randrange(7)
    cited = {"sources": rng.sample(sources, rng.randint(1, 2))}
    if form == 0:
        return {"count": rng.randint(1, scale), **cited}
    if form == 1:
        return {"at_least": rng.randint(1, scale), "text": "over a hundred" if scale > 100 else "20+", **cited}
    if form == 2:
        value = rng.randint(1, scale)
        return {"about": value, "text": f"c. {value}", **cited}
    if form == 3:
        low = rng.randint(1, scale)
        return {"min": low, "max": low + rng.randint(1, scale), **cited}
    if form == 4:
        low = rng.randint(1, scale)
        return {"low": low, "best": low + 5, "high": low + rng.randint(6, scale + 6), **cited}
    if form == 5:
        return {"unknown": True, **cited}
    return {"none": True, **cited}


def _strength(rng: random.Random, sources: list[str]) -> dict:
    # Always above what the side's casualties can add up to (casualties-exceed-strength).
    cited = {"sources": rng.sample(sources, rng.randint(1, 2))}
    value = rng.randint(3000, 9000)
    return rng.choice(({"count": value}, {"about": value, "text": f"c. {value:,}"},
                       {"min": value, "max": value + rng.randint(1, 3000)})) | cited


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _side(rng: random.Random, combatants: list[str], sources: list[str]) -> dict:
    side: dict = {
        "combatants": combatants,
        "commanders": sorted({_person(rng) for _ in range(rng.randint(2, 4))}),
        "units": [f"{rng.randint(1, 40)}th {rng.choice(('Regiment', 'Brigade', 'Battalion'))}"],
        "strength": [_strength(rng, sources), {**_figure(rng, sources, 40), "label": "guns"}],
        "casualties": {
            "killed": _figure(rng, sources, 500),
            "wounded": _figure(rng, sources, 900),
            "captured": _figure(rng, sources, 200),
            "other": [{**_figure(rng, sources, 12), "label": "vehicles"}],
        },
    }
    return side


def record(index: int, seed: int) -> dict:
    """The clean record number ``index`` of the set made with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    place = rng.choice(PLACES)
    campaign = index % CAMPAIGN_EVERY == 0
    kind = "Campaign" if campaign else rng.choice(KINDS)
    name = f"{kind} of {place} {index}"
    first_year = _campaign_year(index - index % CAMPAIGN_EVERY, seed)
    if campaign:
        start, end = f"{first_year:04d}-01-01", f"{first_year + 4:04d}-12-31"
    else:
        start, end = _date(rng, first_year)
    sources = [f"src-{n}" for n in range(rng.randint(3, 4))]
    countries = rng.sample(COUNTRIES, 2)
    groups = rng.sample(GROUPS, 3)
    sides = [[countries[0], groups[0]], [countries[1], groups[1]]]
    if rng.random() < 0.3:
        sides.append([groups[2]])
    data: dict = {"id": f"{kind.lower()}-of-{place.lower().replace(' ', '-')}-{index}", "conflict": name}
    if not campaign:
        data["part_of"] = [_campaign_id(index - index % CAMPAIGN_EVERY, seed)]
    data["date"] = {"start": start, "end": end}
    data["place"] = {"name": place, "country": rng.choice(COUNTRIES),
                     "coordinates": {"lat": round(rng.uniform(-60, 60), 3), "lon": round(rng.uniform(-170, 170), 3)}}
    data["status"] = "ended"
    winner = rng.randrange(len(sides))
    data["result"] = {"text": f"{sides[winner][0]} victory", "outcome": "victory", "victors": [sides[winner][0]],
                      "sources": [sources[0]]}
    data["sides"] = [_side(rng, combatants, sources) for combatants in sides]
    data["other_casualties"] = {"civilians": _figure(rng, sources, 300)}
    data["sources"] = {source: {"publisher": rng.choice(PUBLISHERS), "date": start} for source in sources}
    return data


def _campaign_id(index: int, seed: int) -> str:
    rng = random.Random(f"{seed}:{index}")
    return f"campaign-of-{rng.choice(PLACES).lower().replace(' ', '-')}-{index}"


def _break_data(data: dict, defect: str, index: int, seed: int) -> None:
    """Introduce a defect that shows in the data itself."""
    side = data["sides"][0]
    if defect == "schema-violation":
        data["status"] = "finished"
    elif defect == "unknown-field":
        side["casualtes"] = side.pop("casualties")
    elif defect == "figure-negative":
        side["casualties"]["killed"] = {"count": -12, "sources": ["src-0"]}
    elif defect == "figure-unsourced":
        side["casualties"]["killed"] = {"count": 40}
    elif defect == "result-unlisted-party":
        listed = {c for s in data["sides"] for c in s["combatants"]}
        stranger = next(c for c in ("France", "Niger", "Nigeria") if c not in listed)
        data["result"] = {"text": f"{stranger} victory", "outcome": "victory", "victors": [stranger]}
    elif defect == "placeholder-value":
        side["units"].append("N/A")
    elif defect == "date-malformed":
        data["date"] = {"start": data["date"]["start"][:5] + "13-45"}
    elif defect == "date-order":
        data["date"] = {"start": data["date"]["end"], "end": data["date"]["start"][:8] + "01"}
    elif defect == "date-future":
        data["date"] = {"start": "2999-01-01"}
    elif defect == "range-inverted":
        side["casualties"]["killed"] = {"min": 30, "max": 10, "sources": ["src-0"]}
    elif defect == "partof-unresolved":
        data["part_of"] = [f"no-such-campaign-{index}"]
    elif defect == "duplicate-record":
        data["conflict"] = record(index - 1 if index else 1, seed)["conflict"]
    elif defect == "see-also-unresolved":
        data["see_also"] = [f"no-such-record-{index}"]


def _break_text(text: str, defect: str) -> str:
    """Introduce a defect that only exists in the text (the data model cannot hold it)."""
    if defect == "duplicate-key":
        return text + "status: ended\n"
    if defect == "implicit-type":
        return text + "notes: yes\n"
    if defect == "syntax-error":
        return text + "notes: [unclosed\n"
    if defect == "multiple-documents":
        return text + "---\nid: stray\n"
    return text


def render(index: int, seed: int, defect: str | None) -> tuple[str, str]:
    """(file name, YAML text) of record ``index``, carrying ``defect`` if given."""
    data = record(index, seed)
    if defect:
        _break_data(data, defect, index, seed)
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=None)
    if defect:
        text = _break_text(text, defect)
    return f"{data['id']}.yaml", text


def defects_for(count: int, seed: int, rate: float) -> dict[int, str]:
    """Which records carry a defect and which one: a fixed share, spread by the seed."""
    rng = random.Random(f"{seed}:defects")
    chosen = sorted(rng.sample(range(count), round(count * rate))) if rate > 0 else []
    return {index: DEFECTS[n % len(DEFECTS)] for n, index in enumerate(chosen)}


def generate(count: int, out: Path, seed: int = 1, defect_rate: float = 0.05) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    defects = defects_for(count, seed, defect_rate)
    paths = []
    for index in range(count):
        name, text = render(index, seed, defects.get(index))
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="how many records to write")
    parser.add_argument("--out", type=Path, required=True, help="the directory to write them to")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same files")
    parser.add_argument("--defect-rate", type=float, default=0.05, help="share of records with one defect (0-1)")
    args = parser.parse_args(argv)
    if args.count < 0 or not 0 <= args.defect_rate <= 1:
        parser.error("--count must be >= 0 and --defect-rate between 0 and 1")
    paths = generate(args.count, args.out, args.seed, args.defect_rate)
    print(f"wrote {len(paths)} records to {args.out}")


if __name__ == "__main__":
    main()
