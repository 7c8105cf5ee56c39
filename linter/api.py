"""One-call entry points for scripts and tests: lint text or files without the CLI."""

from __future__ import annotations

import datetime
import textwrap

from linter.engine import Selection, lint_documents
from linter.findings import Finding
from linter.load import load_bytes
from linter.model.document import Document
from linter.records import RecordSet


def load_text(text: str, path: str = "record.yaml") -> Document:
    suffix = "." + path.rsplit(".", 1)[-1]
    return load_bytes(text.encode("utf-8"), path, suffix)


def lint_text(
    text: str,
    path: str = "record.yaml",
    *,
    others: tuple[str, ...] = (),
    select: tuple[str, ...] | None = None,
    today: datetime.date | None = None,
) -> list[Finding]:
    """Lint one record given as text (dedented, leading newline dropped); ``others`` are more
    records (YAML text) that cross-record rules may see but that are not reported on. Given,
    they stand for configured `roots`: the record set is declared whole, so a page's link to
    a record outside it is reported (see partof-unresolved)."""
    document = load_text(textwrap.dedent(text).lstrip("\n"), path)
    context_docs = [document] + [load_text(textwrap.dedent(o).lstrip("\n"), f"other-{i}.yaml")
                                 for i, o in enumerate(others)]
    selection = Selection(select=frozenset(select)) if select else None
    records = RecordSet(context_docs, declared=bool(others))
    return lint_documents([document], selection=selection, today=today, record_set=records)
