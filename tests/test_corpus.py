"""The real corpus (../shared/corpus, 490 infoboxes): linting never crashes and importing
gives schema-valid records for at least 95% of the infoboxes, each failure saying why."""

from __future__ import annotations

from linter.engine import lint_documents
from linter.load import load_file, with_extra
from linter.schema import check_schema


def test_corpus_lints_and_imports(shared_dir):
    files = sorted((shared_dir / "corpus").glob("wikitext*/*.wiki"))
    assert len(files) >= 490
    records = [record for path in files for record in with_extra(load_file(path, path.name))]
    findings = lint_documents(records)
    assert all(f.line >= 1 and f.column >= 1 for f in findings)
    converted = [r for r in records if r.data is not None]
    invalid = {r.path: hits for r in converted if (hits := check_schema(r))}
    assert len(converted) - len(invalid) >= 0.95 * len(records)
    # Each record that is not schema-valid says why, at a position in its file.
    assert all(hits and all(h.message for h in hits) for hits in invalid.values())
