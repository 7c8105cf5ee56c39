"""Measure linting real infobox wikitext against the mwparserfromhell parse floor.

    python bench/wikitext.py [--corpus DIR] [--repeat 5]

For every ``.wiki`` file of the corpus (default ``../shared/corpus``), in this process, best of
``--repeat`` passes over all files, in CPU time of this process: the parse floor
(``mwparserfromhell.parse`` of the text),
loading (the floor plus reading every infobox into a record: cells, figures, citations), and
linting (loading plus every per-record rule, as ``conflict-lint lint --jobs 1 --no-cache`` does
per file). Prints milliseconds per file and each stage as a multiple of the floor; the target
for linting is at most 2.5x the floor.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.engine import lint_documents
from linter.load import load_bytes, with_extra

ROOT = Path(__file__).resolve().parent.parent


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()  # CPU time: steadier than the wall clock on a shared machine
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.wiki"))
    if not files:
        raise SystemExit(f"no .wiki files under {args.corpus}")
    contents = [(path.name, path.read_bytes()) for path in files]
    texts = [raw.decode("utf-8") for _, raw in contents]

    import mwparserfromhell

    def floor() -> None:
        for text in texts:
            mwparserfromhell.parse(text)

    def load() -> None:
        for name, raw in contents:
            load_bytes(raw, name, ".wiki")

    def lint() -> None:
        for name, raw in contents:
            list(lint_documents(with_extra(load_bytes(raw, name, ".wiki"))))

    lint()  # warm: imports, rule registry, data tables
    floor_time = best(args.repeat, floor)
    rows = [
        ("parse floor (mwparserfromhell.parse)", floor_time),
        ("load: parse + read the infoboxes", best(args.repeat, load)),
        ("lint: load + every per-record rule", best(args.repeat, lint)),
    ]
    print(f"{len(files)} files, best of {args.repeat} passes")
    for label, seconds in rows:
        print(f"| {label:<40} | {seconds / len(files) * 1000:7.3f} ms/file | {seconds / floor_time:5.2f}x floor |")


if __name__ == "__main__":
    main()
