"""Where the per-record time goes: each stage of linting, timed in one process.

    python bench/stages.py [--count N] [--seed S]

Prints the best of five passes, per record, for: the parse floor (``yaml.compose_all`` with
``CSafeLoader``), loading (the floor plus building values and positions), the schema check,
each rule, and ``lint_documents`` as a whole (schema and rules, loading excluded). As in a
real run, loaded documents are dropped one by one and the collector runs at the runner's
thresholds (``linter.collector.GC_THRESHOLDS``).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

from linter.collector import GC_THRESHOLDS
from linter.engine import lint_documents
from linter.load import load_bytes
from linter.records import RecordSet
from linter.rules import Context, all_rules
from linter.schema import check_schema

TODAY = datetime.date(2026, 1, 1)


def best_of(passes: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def compose_all(raw: list[bytes]) -> None:
    for content in raw:
        try:
            for _ in yaml.compose_all(content.decode("utf-8"), Loader=yaml.CSafeLoader):
                pass
        except yaml.YAMLError:
            pass


def load_each(raw: list[tuple[bytes, str]]) -> None:
    for content, name in raw:
        load_bytes(content, name, ".yaml")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        paths = generate.generate(args.count, Path(temporary), seed=args.seed)
        raw = [(path.read_bytes(), path.name) for path in paths]
    contents = [content for content, _ in raw]
    documents = [load_bytes(content, name, ".yaml") for content, name in raw]
    context = Context(records=RecordSet(documents), today=TODAY)
    records = [doc for doc in documents if doc.record is not None]
    stages: list[tuple[str, Callable[[], object]]] = [
        ("parse floor: yaml.compose_all, CSafeLoader", lambda: compose_all(contents)),
        ("load: compose + values and positions", lambda: load_each(raw)),
        ("schema check (jsonschema-rs, jsonschema on failure)", lambda: [check_schema(d) for d in documents]),
    ]
    for rule in all_rules():
        if rule.check is not None:
            stages.append((f"rule {rule.slug}",  # noqa: PERF401  one closure per rule
                           lambda rule=rule: [list(rule.check(doc, context)) for doc in records]))
    stages.append(("lint_documents (schema + all rules)", lambda: lint_documents(documents, today=TODAY)))
    gc.set_threshold(*GC_THRESHOLDS)
    floor = best_of(5, stages[0][1])
    width = max(len(name) for name, _ in stages)
    print(f"{args.count} records, best of 5 passes, per record")
    for name, work in stages:
        seconds = floor if work is stages[0][1] else best_of(5, work)
        print(f"| {name:<{width}} | {seconds / args.count * 1000:7.3f} ms | {seconds / floor:5.2f}x floor |")


if __name__ == "__main__":
    main()
