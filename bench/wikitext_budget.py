"""The wikitext parser's budget (linter/limits.py), measured: how far real pages sit below it,
and how long (in CPU time) hostile pages right at it take to lint.

    python bench/wikitext_budget.py [--corpus ../shared/corpus]

Prints, for the real infoboxes of the corpus, the largest of each measure the budget bounds,
then the time to lint each hostile shape of the issue at the largest size the budget lets
through (and the finding it gets one size beyond).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.infobox.budget import measure
from linter.limits import MAX_MARKUP, MAX_TEMPLATE_DEPTH, MAX_UNCLOSED_WORK

BOX = "{{{{Infobox military conflict\n| conflict = A\n{}\n}}}}\n"
BALANCED = "[[a]] <ref>x</ref> {{b|c}} "  # three openers, all closed


def shapes() -> dict[str, callable]:
    return {
        '<ref name="x': lambda n: BOX.format("| result = " + '<ref name="x' * n),
        "<ref>": lambda n: BOX.format("| result = " + "<ref>" * n),
        "<div>": lambda n: BOX.format("| result = " + "<div>" * n),
        "{|": lambda n: BOX.format("| result = " + "{|" * n),
        "{{Infobox military conflict|": lambda n: "{{Infobox military conflict|" * n,
        "|a=[[b": lambda n: BOX.format("|a=[[b" * n),
        "unclosed <ref> before balanced markup": lambda n: BOX.format("| result = " + "<ref>" * n
                                                                      + BALANCED * (MAX_MARKUP // 3 - n - 10)),
        "balanced markup": lambda n: BOX.format("| casualties1 = " + "9<ref>x</ref>" * n),
        "nested templates": lambda n: "{{Infobox military conflict|conflict=" + "{{x|" * n + "}}" * n + "}}",
    }


def largest_within_budget(make) -> int:
    low, high = 1, 200_000
    while low < high:  # the measures grow with n, so the largest n within budget is a bisection away
        middle = (low + high + 1) // 2
        if measure(make(middle)).over_budget() is None:
            low = middle
        else:
            high = middle - 1
    return low


def lint_seconds(text: str) -> tuple[float, list[str]]:
    from linter.engine import lint_documents
    from linter.load import load_bytes, with_extra
    from linter.records import RecordSet

    start = time.process_time()  # CPU time of this process: the wall clock counts other jobs of a shared machine
    records = with_extra(load_bytes(text.encode(), "page.wiki", ".wiki"))
    found = lint_documents(records, record_set=RecordSet(records))
    return time.process_time() - start, sorted({f.rule for f in found})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="../shared/corpus", type=Path)
    arguments = parser.parse_args()
    pages = sorted((arguments.corpus / "wikitext").glob("*.wiki"))
    measured = [(page.name, measure(page.read_text("utf-8", errors="replace"))) for page in pages]
    print(f"budget: {MAX_MARKUP:,} openers, {MAX_UNCLOSED_WORK:,} unclosed x openers, "
          f"{MAX_TEMPLATE_DEPTH} levels of templates")
    print(f"corpus: {len(measured)} real infoboxes")
    for name, value in (("openers", lambda m: m.openers), ("unclosed x openers", lambda m: m.unclosed * m.openers),
                        ("template depth", lambda m: m.depth)):
        page, worst = max(measured, key=lambda item: value(item[1]))
        print(f"  largest {name}: {value(worst):,} ({page})")
    print("hostile pages at the budget (size n: lint time) and one step beyond (finding):")
    for label, make in shapes().items():
        n = largest_within_budget(make)
        seconds, _ = lint_seconds(make(n))
        beyond_seconds, rules = lint_seconds(make(n + 1))
        print(f"  {label!r:42} n={n:>6,}: {seconds:6.2f} s   n+1: {beyond_seconds:5.2f} s, "
              f"{'limit-exceeded' if 'limit-exceeded' in rules else 'NOT LIMITED'}")


if __name__ == "__main__":
    main()
