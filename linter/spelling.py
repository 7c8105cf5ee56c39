"""How far apart two words are in typing slips: the optimal string alignment distance.

One edit is a letter left out, added, changed, or two neighbouring letters swapped ("Marhc"
is one edit from "March", "Septmber" one from "September"). Written here rather than taken
from a library: it is a dozen lines, runs on words of a few letters, and the base install
keeps its four dependencies.
"""

from __future__ import annotations


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Edits (insert, delete, substitute, swap of neighbours) that turn ``a`` into ``b``.

    With ``limit``, any distance above it may be returned as ``limit + 1``: words whose
    lengths differ by more than the limit are not compared letter by letter.
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1]


def allowed_slips(word: str) -> int:
    """How many slips a word of this length may hold and still be taken for the word meant:
    none below four letters (too many short words are one letter from each other), one up
    to six, two from seven ("Febuarry")."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2
