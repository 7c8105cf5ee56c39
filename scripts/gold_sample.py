"""Choose the real infoboxes of the gold set at random and copy them into tests/gold/corpus/.

    python scripts/gold_sample.py [--corpus ../shared/corpus] [--count 60] [--seed 12]

The sample is drawn with a fixed seed from every file of the corpus (no file is picked by hand),
so re-running the script gives the same files. Each file is copied byte for byte, and
tests/gold/ATTRIBUTION.md names the article and the source of each copy (CC BY-SA, as the
corpus's PROVENANCE.md says), so that the gold test runs on a clone without ../shared.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def sample(corpus: Path, count: int, seed: int) -> list[Path]:
    files = sorted(corpus.glob("wikitext*/*.wiki"), key=lambda p: p.relative_to(corpus).as_posix())
    return sorted(random.Random(seed).sample(files, count), key=lambda p: p.name)


def provenance_rows(corpus: Path) -> dict[str, str]:
    """The PROVENANCE.md table row of each file, by its path inside the corpus."""
    rows = {}
    for line in (corpus / "PROVENANCE.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].endswith(".wiki"):
            rows[cells[0]] = line
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    chosen = sample(args.corpus, args.count, args.seed)
    rows = provenance_rows(args.corpus)
    target = GOLD / "corpus"
    target.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Attribution of the real infoboxes in tests/gold/corpus/",
        "",
        (f"Chosen by `python scripts/gold_sample.py --count {args.count} --seed {args.seed}` at random from "
        "the infobox corpus (real English Wikipedia wikitext of `{{Infobox military conflict}}` calls, "
        "copied character for character; see the corpus's PROVENANCE.md). Wikipedia text is licensed "
        "CC BY-SA 4.0 (revisions saved before mid-2023 under CC BY-SA 3.0, with 4.0 compatible); the "
        "authors are the contributors listed in each article's history on en.wikipedia.org."),
        "",
        "| File | Article title | Source | Revision |",
        "|---|---|---|---|",
    ]
    for path in chosen:
        relative = path.relative_to(args.corpus).as_posix()
        name = path.name if relative.startswith("wikitext/") else f"other-{path.name}"
        shutil.copyfile(path, target / name)
        row = rows[relative]
        lines.append(row.replace(relative, f"corpus/{name}", 1))
    (GOLD / "ATTRIBUTION.md").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"copied {len(chosen)} files into {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
