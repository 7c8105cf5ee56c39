"""`conflict-lint import`: records written, existing ones kept unless --force, and an imported
record lints as its source does."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.runner import lint_paths
from tests.conftest import FIXTURES, ROOT, SHARED

WIKI = FIXTURES / "wikitext" / "article-with-infobox.wiki"
ARTICLE = FIXTURES / "article" / "red-ford.txt"
TODAY = datetime.date(2026, 1, 1)
# Rules about the wikitext itself, which a YAML record cannot break.
SOURCE_ONLY = {"unknown-parameter", "positional-parameter", "no-infobox", "duplicate-key"}


def run(*args: object):
    return CliRunner().invoke(cli, ["import", *map(str, args)], catch_exceptions=False)


def test_writes_one_record_per_infobox(tmp_path):
    result = run(WIKI, ARTICLE, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["second-skirmish-at-red-ford.yaml", "skirmish-at-red-ford-2.yaml", "skirmish-at-red-ford.yaml"]
    assert result.stdout.count(": wrote ") == 3


def test_an_existing_record_is_kept_without_force_and_replaced_with_it(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "skirmish-at-red-ford.yaml"
    existing.write_text("id: edited-by-hand\n", "utf-8")
    kept = run(WIKI, "--out", out)
    assert kept.exit_code == 1
    assert f"not written: {existing} exists; use --force to replace it" in kept.stderr
    assert existing.read_text("utf-8") == "id: edited-by-hand\n"
    assert (out / "second-skirmish-at-red-ford.yaml").is_file()  # the other infobox still is written
    forced = run(WIKI, "--out", out, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert f"replaced {existing}" in forced.stdout
    assert existing.read_text("utf-8").startswith("---\nid: skirmish-at-red-ford\n")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_file_that_is_no_record_is_a_usage_error(tmp_path):
    (tmp_path / "notes.md").write_text("# notes\n", "utf-8")
    result = run(tmp_path / "notes.md", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "no such record file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unreadable_page_is_reported_not_written(tmp_path):
    page = tmp_path / "empty.wiki"
    page.write_text("No infobox on this page.\n", "utf-8")
    result = run(page, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "not converted" in result.stderr and "Traceback" not in result.stderr


def _findings(paths: list[Path]) -> Counter:
    """What was found and where in the record; not the message, which speaks each file's own
    terms (a `<ref>` to add in wikitext, an id under `sources` in a record)."""
    found = lint_paths([(path, path.name) for path in paths], today=TODAY, jobs=1)
    # a date template's arguments are wikitext's alone
    return Counter((f.rule, f.pointer) for f in found
                   if f.rule not in SOURCE_ONLY and not (f.rule == "date-malformed" and not f.pointer))


def _sources() -> list[Path]:
    sources = [WIKI, ARTICLE]
    corpus = SHARED / "corpus" / "wikitext"
    if corpus.is_dir():  # a sample of real infoboxes, where the corpus is beside the checkout
        sources += sorted(corpus.glob("*.wiki"))[::40]
    return sources


@pytest.mark.parametrize("source", _sources(), ids=lambda path: path.name)
def test_an_imported_record_lints_as_its_source(tmp_path, source):
    out = tmp_path / "out"
    run(source, "--out", out)
    records = sorted(out.glob("*.yaml"))
    assert records
    assert _findings(records) == _findings([source])


def test_imported_yaml_passes_yamllint_defaults_but_for_unbreakable_words(tmp_path):
    """docs/formats.md: only line-length, and only on a line that ends in a word too long to fold."""
    from yamllint import linter as yamllint
    from yamllint.config import YamlLintConfig

    from linter.importer.write import WIDTH

    sources = sorted((ROOT / "tests" / "gold" / "corpus").glob("*.wiki")) + [WIKI, ARTICLE]
    run(*sources, "--out", tmp_path / "out")
    records = sorted((tmp_path / "out").glob("*.yaml"))
    assert len(records) >= 60
    config = YamlLintConfig("extends: default")
    for record in records:
        text = record.read_text("utf-8")
        lines = text.splitlines()
        for problem in yamllint.run(text, config):
            last_word = lines[problem.line - 1].split()[-1]
            assert problem.rule == "line-length" and len(last_word) > 80 - WIDTH, (record.name, str(problem))


def test_nameless_records_are_named_after_the_file_and_a_file_given_twice_is_imported_once(tmp_path):
    page = tmp_path / "nameless.wiki"
    page.write_text("{{Infobox military conflict\n| date = 1900\n| combatant1 = France\n"
                    "| combatant2 = Prussia\n| result = Inconclusive\n}}\n", "utf-8")
    out = tmp_path / "out"
    run(page.resolve(), page, "--out", out)
    assert [p.name for p in out.iterdir()] == ["nameless.yaml"]
    assert "id: nameless\n" in (out / "nameless.yaml").read_text("utf-8")


def test_a_record_is_named_after_its_conflict_or_else_the_input_stem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    named = tmp_path / "pages" / "raid.wiki"
    named.write_text("{{Infobox military conflict\n| conflict = Raid on Kidal–Gao road<br><small>(2013)</small>\n"
                     "| date = 2013\n| result = Draw\n| combatant1 = France\n| combatant2 = Mali\n}}\n", "utf-8")
    anonymous = tmp_path / "pages" / "Untitled Page.wiki"
    anonymous.write_text("{{Infobox military conflict\n| date = 2013\n| result = Draw\n"
                         "| combatant1 = France\n| combatant2 = Mali\n}}\n", "utf-8")
    result = run(named.resolve(), "pages/Untitled Page.wiki", "--out", "out")
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == ["raid-on-kidal-gao-road-2013.yaml", "untitled-page.yaml"], result.output
    import yaml

    record = yaml.safe_load((tmp_path / "out" / "raid-on-kidal-gao-road-2013.yaml").read_text("utf-8"))
    assert record["provenance"]["file"] == "pages/raid.wiki"  # relative, though given absolute
    other = yaml.safe_load((tmp_path / "out" / "untitled-page.yaml").read_text("utf-8"))
    assert other["id"] == "untitled-page" and other["provenance"]["file"] == "pages/Untitled Page.wiki"
