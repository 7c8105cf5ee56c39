"""Generate linter/data/countries.json from the world-countries dataset.

The dataset (https://github.com/mledoze/countries, npm package `world-countries`, ODbL 1.0)
gives each country's common, official and alternative names, ISO codes and English
demonyms. Run from the repository root with npm on the PATH:

    python scripts/generate_party_data.py [--version 5.1.0]

Historical states, combining forms, coalitions and organisations are hand-curated in
linter/data/party_overlay.json; this script does not touch that file.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "linter" / "data" / "countries.json"
# Two-letter codes and initialisms collide with ordinary words ("IN", "US" in prose); they are
# kept as codes, which match only a whole combatant entry, never inside a result text.
_CODE_LIKE = re.compile(r"^[A-Z]{2,3}$")


def key_of(common_name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", common_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def fetch(version: str, workdir: Path) -> list[dict]:
    subprocess.run(["npm", "pack", f"world-countries@{version}", "--silent"], cwd=workdir, check=True,
                   capture_output=True)
    with tarfile.open(workdir / f"world-countries-{version}.tgz") as archive:
        member = archive.extractfile("package/countries.json")
        return json.load(member)


def _sovereign_adjectives(countries: list[dict]) -> set[str]:
    return {d for c in countries if c.get("independent")
            for d in c.get("demonyms", {}).get("eng", {}).values() if d}


def convert(countries: list[dict], version: str) -> dict:
    # A territory sharing its demonym with a sovereign state ("French" for the French Southern
    # and Antarctic Lands) would make "French victory" ambiguous; the state keeps the word.
    taken = _sovereign_adjectives(countries)
    table = {}
    for country in sorted(countries, key=lambda c: c["name"]["common"]):
        names = [country["name"]["common"], country["name"]["official"]]
        # IOC codes too: infoboxes write {{flag|GER}} and {{flagicon|CAN}}.
        codes = [country["cca2"], country["cca3"]] + ([country["cioc"]] if country.get("cioc") else [])
        for spelling in country.get("altSpellings", []):
            (codes if _CODE_LIKE.match(spelling) else names).append(spelling)
        demonyms = country.get("demonyms", {}).get("eng", {})
        adjectives = sorted({d for d in (demonyms.get("m"), demonyms.get("f")) if d})
        if not country.get("independent"):
            adjectives = [a for a in adjectives if a not in taken]
        table[key_of(country["name"]["common"])] = {
            "names": list(dict.fromkeys(names)),
            "adjectives": adjectives,
            "codes": list(dict.fromkeys(codes)),
        }
    return {
        "_source": {
            "dataset": "world-countries (mledoze/countries)",
            "version": version,
            "licence": "ODbL 1.0, https://opendatacommons.org/licenses/odbl/1.0/",
            "generated_by": "scripts/generate_party_data.py",
        },
        "countries": table,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="5.1.0", help="world-countries version (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        data = convert(fetch(args.version, Path(workdir)), args.version)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")
    print(f"wrote {len(data['countries'])} countries to {OUT.relative_to(Path.cwd())}")


if __name__ == "__main__":
    main()
