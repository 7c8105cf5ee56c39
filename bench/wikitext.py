"""Measure linting real infobox wikitext against the mwparserfromhell parse floor.

    python bench/wikitext.py [--corpus DIR] [--repeat 5]

For every ``.wiki`` file of the corpus (default ``../shared/corpus``), in this process, in CPU
time of this process: the parse floor (``mwparserfromhell.parse`` of the text), the reader's own
parse (``linter.infobox.tree.parse``: the same tree from the same tokenizer, built without
mwparserfromhell's setters), loading (that parse plus reading every infobox into a record:
cells, figures, citations), and linting (loading plus every per-record rule, as
``conflict-lint lint --jobs 1 --no-cache`` does per file). The four are timed in turn, pass
after pass (``--repeat`` passes over all files), so that load from elsewhere on the machine
falls on all of them alike, with the cycle collector at the runner's thresholds
(``linter.collector.GC_THRESHOLDS``), as in a run. Prints the median
milliseconds per file and each stage's median as a multiple of the floor's median; the target
for linting is at most 2.5x the floor.

Instructions, which the load of a shared machine does not move: ``--untimed STAGE`` runs
``--repeat`` passes of one stage and prints nothing; under ``valgrind --tool=cachegrind
--cache-sim=no`` with ``PYTHONHASHSEED=0``, one pass is half the difference between the counts at
``--repeat 3`` and ``--repeat 1`` (the warm-up and the imports cancel out).

Each pass costs what a real run costs, which reads each file once: before every pass of every
stage, the in-process memos that key on what they are given (figure texts, party names, dates,
a text's positions: ``functools`` caches of functions with parameters, found in every loaded
``linter`` module) are emptied, as a new process starts with them empty. Otherwise pass 2 would
find every figure of pass 1 already read. What a run builds once whatever the pages hold stays
warm, as it does over a run: imports, the rule registry, the schema, the data tables and their
indexes (parameterless caches, ``linter.data.load`` by table name, the schema's compiled
patterns).
"""

from __future__ import annotations

import argparse
import gc
import inspect
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.collector import GC_THRESHOLDS
from linter.engine import lint_documents
from linter.infobox import tree
from linter.load import load_bytes, with_extra

ROOT = Path(__file__).resolve().parent.parent
# Memos with parameters whose keys name the product's own tables, not a page: warm in a run.
TABLE_MEMOS = frozenset({("linter.data", "load"), ("linter.schema", "_ecma_regex")})


def page_memos() -> list:
    """The loaded ``linter`` modules' ``functools`` caches keyed on what a page gives them."""
    memos = []
    for module_name, module in list(sys.modules.items()):
        if module_name != "linter" and not module_name.startswith("linter."):
            continue
        for name, value in vars(module).items():
            if not callable(getattr(value, "cache_clear", None)) or getattr(value, "__module__", None) != module_name:
                continue  # not a memo, or one imported from another module (cleared there)
            if (module_name, name) in TABLE_MEMOS or not inspect.signature(value.__wrapped__).parameters:
                continue
            memos.append(value)
    return memos


def clear_memos() -> None:
    """Start a pass as a new process starts a run: no page's readings remembered."""
    for memo in page_memos():
        memo.cache_clear()


def seconds(work: Callable[[], object]) -> float:
    start = time.process_time()  # CPU time: steadier than the wall clock on a shared machine
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--untimed", choices=["floor", "parse", "load", "lint"],
                        help="only run --repeat passes of this stage, memos emptied before each, and print "
                             "nothing: for an instruction counter (see the module's docstring)")
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

    def own_parse() -> None:
        for text in texts:
            tree.parse(text)

    def load() -> None:
        for name, raw in contents:
            load_bytes(raw, name, ".wiki")

    def lint() -> None:
        for name, raw in contents:
            list(lint_documents(with_extra(load_bytes(raw, name, ".wiki"))))

    stages = [
        ("parse floor (mwparserfromhell.parse)", floor),
        ("the reader's parse (tree.parse)", own_parse),
        ("load: its parse + read the infoboxes", load),
        ("lint: load + every per-record rule", lint),
    ]
    lint()  # warm: imports, rule registry, data tables
    gc.set_threshold(*GC_THRESHOLDS)
    if args.untimed:
        work = {"floor": floor, "parse": own_parse, "load": load, "lint": lint}[args.untimed]
        for _ in range(args.repeat):
            clear_memos()
            work()
        return
    times: dict[str, list[float]] = {label: [] for label, _ in stages}
    for _ in range(args.repeat):
        for label, work in stages:
            clear_memos()
            times[label].append(seconds(work))
    medians = {label: statistics.median(values) for label, values in times.items()}
    floor_time = medians[stages[0][0]]
    print(f"{len(files)} files, median of {args.repeat} interleaved passes")
    for label, value in medians.items():
        print(f"| {label:<40} | {value / len(files) * 1000:7.3f} ms/file | {value / floor_time:5.2f}x floor |")

if __name__ == "__main__":
    main()
