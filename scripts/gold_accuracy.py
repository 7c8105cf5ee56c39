"""Print how many fields of the gold set conflict-lint imports and finds exactly right.

    python scripts/gold_accuracy.py [--wrong] [--by-file] [--written-by wikipedia|us]

Per kind of field (conflict, dates, combatants, each figure, each finding, ...) and overall,
over the real and the hand-written infoboxes of tests/gold/ (see tests/gold/README.md).
``--wrong`` lists every field that is not right, with both values.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.gold.measure import accuracy, by_kind, load_expectations, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list every field that is not right")
    parser.add_argument("--by-file", action="store_true", help="the accuracy of each gold file")
    parser.add_argument("--written-by", choices=("wikipedia", "us"), help="only the real or only our infoboxes")
    args = parser.parse_args()
    expectations = [(p, e) for p, e in load_expectations()
                    if args.written_by is None or e.get("written_by", "wikipedia") == args.written_by]
    fields = measure(expectations)
    print(f"{len(expectations)} gold files, {len(fields)} fields")
    print(f"{'field':<12} {'right':>6} {'of':>6} {'accuracy':>9}")
    for kind, group in by_kind(fields).items():
        print(f"{kind:<12} {sum(f.right for f in group):>6} {len(group):>6} {100 * accuracy(group):>8.1f}%")
    print(f"{'all':<12} {sum(f.right for f in fields):>6} {len(fields):>6} {100 * accuracy(fields):>8.1f}%")
    if args.by_file:
        files: dict[str, list] = {}
        for f in fields:
            files.setdefault(f.file.split("#")[0], []).append(f)
        for name, group in sorted(files.items(), key=lambda kv: accuracy(kv[1])):
            print(f"  {100 * accuracy(group):5.1f}%  {name}")
    if args.wrong:
        for f in fields:
            if not f.right:
                print(f"{f.file}: {f.name}: expected {f.expected!r}, got {f.actual!r}")


if __name__ == "__main__":
    main()
