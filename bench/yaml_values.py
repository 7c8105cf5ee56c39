"""Where the time of a YAML file of many values goes: PyYAML's composer, the loader's own
building (spans, pointers, duplicate keys), the rules and fixes, or the scan that refuses a
document beyond MAX_NODES values (linter/limits.py).

    python bench/yaml_values.py [--keys 50000 700000]

For each count of repeated keys (`a: 1` on every line), prints the CPU seconds of: composing
with PyYAML alone, loading (the limit scan, composing, building), and linting the loaded file
(rules, fixes, findings). A count of more than MAX_NODES / 2 keys is beyond the limit: loading
is the scan that stops at the first value past it, and nothing is composed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from linter.engine import lint_documents
from linter.limits import MAX_NODES
from linter.load import load_bytes, with_extra
from linter.records import RecordSet


def seconds(work: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, nargs="+", default=[25_000, 50_000, 90_000, 700_000])
    counts = parser.parse_args().keys
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    print(f"values per document: at most {MAX_NODES:,} ({loader.__name__})")
    print(f"{'keys':>9} {'MB':>5} {'compose':>8} {'load':>8} {'lint':>8}  findings")
    for keys in counts:
        text = "a: 1\n" * keys
        composed, _ = seconds(lambda: yaml.compose(text, Loader=loader))  # noqa: B023
        loaded, doc = seconds(lambda: load_bytes(text.encode(), "many.yaml", ".yaml"))  # noqa: B023
        records = with_extra(doc)  # type: ignore[arg-type]
        linted, findings = seconds(lambda: lint_documents(records, record_set=RecordSet(records)))  # noqa: B023
        rules = sorted({f.rule for f in findings})  # type: ignore[attr-defined]
        print(f"{keys:>9,} {len(text) / 1e6:>5.1f} {composed:>7.2f}s {loaded:>7.2f}s {linted:>7.2f}s  "
              f"{len(findings):,} ({', '.join(rules)})")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
