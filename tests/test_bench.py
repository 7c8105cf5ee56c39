"""bench/generate.py: the same seed gives the same files; clean sets are clean; defects fire."""

from __future__ import annotations

import datetime
import sys

from linter.engine import lint_documents
from linter.load import load_file
from linter.schema import check_schema
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate


def _contents(directory) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_same_files(tmp_path):
    generate.main(["--count", "30", "--out", str(tmp_path / "a"), "--seed", "3", "--defect-rate", "0.2"])
    generate.main(["--count", "30", "--out", str(tmp_path / "b"), "--seed", "3", "--defect-rate", "0.2"])
    generate.main(["--count", "30", "--out", str(tmp_path / "c"), "--seed", "4", "--defect-rate", "0.2"])
    first = _contents(tmp_path / "a")
    assert len(first) == 30
    assert first == _contents(tmp_path / "b")
    assert first != _contents(tmp_path / "c")


def test_clean_set_is_schema_valid_and_lints_clean(tmp_path):
    paths = generate.generate(40, tmp_path, seed=5, defect_rate=0)
    documents = [load_file(path, path.name) for path in paths]
    for doc in documents:
        assert not doc.problems and check_schema(doc) == [], doc.path
    assert 1500 < sum(p.stat().st_size for p in paths) / len(paths) < 2600  # about 2 KB a record
    assert lint_documents(documents, today=datetime.date(2026, 1, 1)) == []


def test_each_data_defect_that_has_a_rule_fires_it(tmp_path):
    from linter.rules import all_rules

    # cross-record defects (CL4xx) need their neighbours; tests/test_parallel.py covers that stage
    registered = {rule.slug for rule in all_rules() if not rule.code.startswith("CL4")}
    defects = {index: defect for index, defect in enumerate(generate.DEFECTS) if defect in registered}
    for index, defect in defects.items():
        name, text = generate.render(index + 1, 9, defect)
        (tmp_path / name).write_text(text, "utf-8")
        doc = load_file(tmp_path / name, name)
        rules = {f.rule for f in lint_documents([doc], today=datetime.date(2026, 1, 1))}
        assert defect in rules, (defect, rules)


def _wikitext_bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_wikitext", ROOT / "bench" / "wikitext.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wikitext_bench_forgets_pages_between_passes_but_keeps_tables():
    from linter import data, dates, figure_text, parties
    from linter.load import load_bytes, with_extra

    bench = _wikitext_bench()
    page = ("{{Infobox military conflict\n| conflict = Battle of Example\n| date = 4 May 1916\n"
            "| combatant1 = France\n| combatant2 = Nazi Germany\n| casualties1 = 1,200 killed (est.)\n}}\n")
    lint_documents(with_extra(load_bytes(page.encode(), "example.wiki", ".wiki")))
    page_memos = [figure_text._parse, figure_text._blanked, parties._mentions, dates._try_parse_text]
    assert all(memo.cache_info().currsize for memo in page_memos)
    tables = data.load.cache_info().currsize
    assert tables
    bench.clear_memos()
    assert [memo.cache_info().currsize for memo in page_memos] == [0, 0, 0, 0]
    assert data.load.cache_info().currsize == tables
    assert parties._tables.cache_info().currsize == 1


def test_wikitext_bench_untimed_passes_run_a_stage_and_print_nothing(tmp_path, monkeypatch, capsys):
    """``--untimed`` is what an instruction counter runs (docs/performance.md, fourth round)."""
    (tmp_path / "a.wiki").write_text("{{Infobox military conflict\n| conflict = A\n| casualties1 = 9 killed\n}}\n",
                                     "utf-8")
    bench = _wikitext_bench()
    calls = []
    monkeypatch.setattr(bench, "clear_memos", lambda: calls.append("cleared"))
    monkeypatch.setattr(sys, "argv", ["wikitext.py", "--corpus", str(tmp_path), "--untimed", "lint", "--repeat", "2"])
    bench.main()
    assert capsys.readouterr().out == ""
    assert calls == ["cleared", "cleared"]
