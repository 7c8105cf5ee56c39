"""How much work a wikitext page asks of its parser, measured in one linear pass before parsing.

mwparserfromhell backtracks over markup that never closes: every unclosed opener (``<ref``,
``{{``, ``[[``, ``{|``) makes it read the rest of the page again, so its time grows with the
number of unclosed openers times the markup after them (``<ref name="x`` ten thousand times
took 96 s). Our own walk over the parsed page costs the depth of template nesting times the
page. A page beyond the budget in ``linter/limits.py`` is not parsed, and says why; real pages
sit far below it (``bench/wikitext_budget.py`` measures both).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from linter.limits import MAX_MARKUP, MAX_TEMPLATE_DEPTH, MAX_UNCLOSED_WORK

# Elements that are never closed, so an opening tag alone is complete.
_VOID = frozenset({"br", "hr", "wbr", "img", "meta", "link", "col", "area", "base", "input", "source",
                   "track", "param", "embed"})
_OPEN = re.compile(r"<([A-Za-z][\w-]*)")
_CLOSE = re.compile(r"</\s*([A-Za-z][\w-]*)")
_SELF_CLOSING = re.compile(r"<([A-Za-z][\w-]*)[^<>]*/>")


@dataclass(frozen=True)
class Markup:
    openers: int  # tags (other than void ones such as <br>), template calls, links and tables opened
    unclosed: int  # of those, the ones no closer balances
    depth: int  # the deepest nesting of template calls

    def over_budget(self) -> str | None:
        """Why the page is beyond the parser's budget, or None."""
        if self.openers > MAX_MARKUP:
            return (f"the page opens {self.openers:,} tags, templates, links and tables, "
                    f"over the limit of {MAX_MARKUP:,}")
        if self.unclosed * self.openers > MAX_UNCLOSED_WORK:
            return (f"{self.unclosed:,} tags, templates, links or tables are never closed among {self.openers:,}; "
                    f"the parser rereads the page for each, over its budget of {MAX_UNCLOSED_WORK:,}")
        if self.depth > MAX_TEMPLATE_DEPTH:
            return f"templates are nested {self.depth:,} deep, over the limit of {MAX_TEMPLATE_DEPTH}"
        return None


def measure(text: str) -> Markup:
    opened = Counter(map(str.casefold, _OPEN.findall(text)))
    closed = Counter(map(str.casefold, _CLOSE.findall(text)))
    closed.update(map(str.casefold, _SELF_CLOSING.findall(text)))
    # void elements ("<br />") open nothing the parser must close, so they cost no rereading
    unclosed = sum(max(0, count - closed[name]) for name, count in opened.items() if name not in _VOID)
    openers = sum(n for name, n in opened.items() if name not in _VOID)
    for opener, closer in (("[[", "]]"), ("{|", "|}")):
        opens = text.count(opener)
        unclosed += max(0, opens - text.count(closer))
        openers += opens
    # Template calls: the text between one "{{" and the next closes some of the calls open so far
    # (a "}}" with nothing open closes nothing). Counting "}}" in each stretch is done in C; a
    # pattern matching "{{" or "}}" tried both at every character of the page.
    stretches = text.split("{{")
    closes = stretches[0].count("}}")
    depth = deepest = 0
    for stretch in stretches[1:]:
        depth += 1
        deepest = depth if depth > deepest else deepest
        closed_here = stretch.count("}}")
        closes += closed_here
        depth = depth - closed_here if closed_here < depth else 0
    calls = len(stretches) - 1
    return Markup(openers + calls, unclosed + max(0, calls - closes), deepest)
