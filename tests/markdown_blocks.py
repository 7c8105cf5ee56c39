"""The fenced code blocks of a Markdown page, for tests that run what the documentation shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# A block the documentation tests must not run says why in a comment on the line before it:
# <!-- docs-test: skip (the reason) -->
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\b(.*?)-->")


@dataclass(frozen=True)
class Block:
    page: str
    line: int  # of the opening fence, 1-based
    language: str
    text: str
    skip: str | None  # the reason, when the page marks the block not to be run


def blocks(path: Path, page: str) -> list[Block]:
    lines = path.read_text("utf-8").splitlines()
    found, index = [], 0
    while index < len(lines):
        opening = re.match(r"^```(\S*)\s*$", lines[index])
        if not opening:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != "```":
            end += 1
        before = lines[index - 1] if index else ""
        marked = SKIP.search(before)
        found.append(Block(page, index + 1, opening.group(1), "\n".join(lines[index + 1:end]) + "\n",
                           marked.group(1).strip(" ()") if marked else None))
        index = end + 1
    return found
