"""Turn the anchors of a gold expectation into positions, for the person writing it.

    python scripts/gold_locate.py tests/gold/expected/NAME.yaml

A finding written as ``"figure-unsourced @52 killed"`` (an anchor: the text where the finding
belongs, ``@text~2`` for its second occurrence) becomes ``"figure-unsourced 15:12 # 52 killed"``:
the line and column (1-based, in characters) of that text in the gold file. The position comes
from the wikitext, never from the linter.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
ANCHOR = re.compile(r'"([a-z-]+) @(.*?)(?:~(\d+))?"')


def position(text: str, anchor: str, occurrence: int) -> str:
    start = -1
    for _ in range(occurrence):
        start = text.find(anchor, start + 1)
        if start < 0:
            raise SystemExit(f"anchor {anchor!r} (occurrence {occurrence}) is not in the file")
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return f"{line}:{column}"


def main() -> None:
    for name in sys.argv[1:]:
        path = Path(name)
        source = path.read_text("utf-8")
        wiki = (GOLD / yaml.safe_load(source)["file"]).read_text("utf-8")

        def resolve(match: re.Match, wiki: str = wiki) -> str:
            slug, anchor, nth = match.group(1), match.group(2), int(match.group(3) or 1)
            return f'"{slug} {position(wiki, anchor, nth)} # {anchor.replace(chr(34), "")}"'

        path.write_text(ANCHOR.sub(resolve, source), "utf-8")


if __name__ == "__main__":
    main()
