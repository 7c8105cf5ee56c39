"""Measure linting real infobox wikitext against the mwparserfromhell parse floor.

    python bench/wikitext.py [--corpus DIR] [--repeat 5]

For every ``.wiki`` file of the corpus (default ``../shared/corpus``), in this process, in CPU
time of this process: the parse floor (``mwparserfromhell.parse`` of the text), loading (the
floor plus reading every infobox into a record: cells, figures, citations), and linting
(loading plus every per-record rule, as ``conflict-lint lint --jobs 1 --no-cache`` does per
file). The three are timed in turn, pass after pass (``--repeat`` passes over all files), so
that load from elsewhere on the machine falls on all of them alike, with the cycle collector at
the runner's thresholds (``linter.runner.GC_THRESHOLDS``), as in a run. Prints the median
milliseconds per file and each stage's median as a multiple of the floor's median; the target
for linting is at most 2.5x the floor.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.engine import lint_documents
from linter.load import load_bytes, with_extra
from linter.runner import GC_THRESHOLDS

ROOT = Path(__file__).resolve().parent.parent


def seconds(work: Callable[[], object]) -> float:
    start = time.process_time()  # CPU time: steadier than the wall clock on a shared machine
    work()
    return time.process_time() - start


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

    stages = [
        ("parse floor (mwparserfromhell.parse)", floor),
        ("load: parse + read the infoboxes", load),
        ("lint: load + every per-record rule", lint),
    ]
    lint()  # warm: imports, rule registry, data tables
    gc.set_threshold(*GC_THRESHOLDS)
    times: dict[str, list[float]] = {label: [] for label, _ in stages}
    for _ in range(args.repeat):
        for label, work in stages:
            times[label].append(seconds(work))
    medians = {label: statistics.median(values) for label, values in times.items()}
    floor_time = medians[stages[0][0]]
    print(f"{len(files)} files, median of {args.repeat} interleaved passes")
    for label, value in medians.items():
        print(f"| {label:<40} | {value / len(files) * 1000:7.3f} ms/file | {value / floor_time:5.2f}x floor |")

if __name__ == "__main__":
    main()
