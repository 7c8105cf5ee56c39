"""Print how many injected defects lint finds, per kind (tests/recall/inject.py says how).

    python scripts/recall_report.py [--misses] [--out DIR]

``--misses`` lists each defect not found with its injected line; ``--out DIR`` writes every
injected file there (``RULE--SOURCE.wiki``) to look at or lint by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.recall.inject import cases, found, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the defects lint does not find")
    parser.add_argument("--out", type=Path, help="write the injected files into this directory")
    args = parser.parse_args()
    all_cases = cases()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for case in all_cases:
            (args.out / f"{case.name}.wiki").write_bytes(case.data or case.text.encode("utf-8"))
    per_kind = recall(all_cases)
    print(f"{'found':>5} {'of':>3}  rule: defect")
    for kind, (hit, total) in per_kind.items():
        print(f"{hit:>5} {total:>3}  {kind}")
    hits, total = sum(h for h, _ in per_kind.values()), sum(t for _, t in per_kind.values())
    print(f"{hits:>5} {total:>3}  all: {100 * hits / total:.1f}% of {total} injected defects in "
          f"{len({c.name.split('--')[1] for c in all_cases})} real infoboxes (target 95%)")
    if args.misses:
        for case in all_cases:
            if not found(case):
                line = case.text.split("\n")[case.line - 1] if case.line else "(the whole file)"
                print(f"missed {case.rule} ({case.kind}) in {case.name}: {line[:140]}")


if __name__ == "__main__":
    main()
