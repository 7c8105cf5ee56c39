"""Run `conflict-lint lint --fix` (and `--fix --unsafe-fixes`) over a copy of the real corpus and
count the fixes by rule, for docs/corpus-report.md.

    python scripts/fix_corpus.py [CORPUS_DIR]    (default: ../shared/corpus beside the checkout)

The corpus is copied to a temporary directory first: the originals are never edited. Each
mode runs through the CLI on a fresh copy, so the counts are what a user's run would do.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def run(corpus: Path, unsafe: bool, today: str) -> dict:
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "corpus"
        shutil.copytree(corpus, copy)
        # the corpus as corpus_report.py lints it: no settings of this checkout (its roots would
        # make every page's parent a finding), and the report's date
        settings = Path(temporary) / ".conflict-lint.toml"
        settings.write_text("", "utf-8")
        files = sorted(copy.glob("wikitext*/*.wiki"))
        before = {path: path.read_bytes() for path in files}
        arguments = ["lint", "--no-cache", "--config", str(settings), "--today", today,
                     "--fail-on", "never", "--format", "json", "--fix",
                     *(["--unsafe-fixes"] if unsafe else []), "--", *map(str, files)]
        result = CliRunner().invoke(cli, arguments)
        if result.exit_code != 0:
            raise SystemExit(f"the fix run failed ({result.exit_code}): {result.output[-2000:]}")
        report = json.loads(result.stdout)
        # how many fixes of each rule: lint the originals and count the fixable findings of
        # every file the run changed, as the fix stage applies them
        changed = [path for path in files if path.read_bytes() != before[path]]
        refused = [line for line in result.stderr.splitlines() if ": not fixed: " in line]
        return {"files": len(files), "changed": len(changed), "fixed": report["summary"]["fixed"],
                "remaining": report["summary"]["findings"], "refused": refused}


def by_rule(corpus: Path, unsafe: bool, today: str) -> dict[str, int]:
    import datetime

    from linter.engine import Selection
    from linter.fix.files import fix_files

    files = [(path, path.name) for path in sorted(corpus.glob("wikitext*/*.wiki"))]
    outcome = fix_files(files, selection=Selection(), today=datetime.date.fromisoformat(today), unsafe=unsafe,
                        write=False, trees=[str(corpus)], max_bytes=5 * 1024 * 1024)
    return outcome.by_rule()


def section(corpus: Path, today: str = "2026-11-25") -> list[str]:
    """The corpus report's section on fixes: both fix runs, and the fixes by rule."""
    lines = ["## Fixes", "",
             ("`python scripts/fix_corpus.py` copies the corpus to a temporary directory and runs "
              "`conflict-lint lint --fix` on the copy, then `--fix --unsafe-fixes` on a fresh copy "
              "(the originals are never edited); both complete. The corpus is wikitext, so the fixes "
              "that apply only to YAML records (quoting, suppressions) cannot fire here."),
             "",
             "| run | files | files changed | findings fixed | findings left | files refused |",
             "|---|---:|---:|---:|---:|---:|"]
    rules: dict[str, dict[str, int]] = {}
    for unsafe in (False, True):
        name = "`--fix --unsafe-fixes`" if unsafe else "`--fix`"
        counts = run(corpus, unsafe, today)
        lines.append(f"| {name} | {counts['files']} | {counts['changed']} | {counts['fixed']} "
                     f"| {counts['remaining']} | {len(counts['refused'])} |")
        rules[name] = by_rule(corpus, unsafe, today)
    lines += ["", "| rule | `--fix` | `--fix --unsafe-fixes` |", "|---|---:|---:|"]
    safe, every = rules["`--fix`"], rules["`--fix --unsafe-fixes`"]
    for rule in sorted(set(safe) | set(every)):
        lines.append(f"| `{rule}` | {safe.get(rule, 0)} | {every.get(rule, 0)} |")
    return lines


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        raise SystemExit(f"no corpus at {corpus}")
    print("\n".join(section(corpus)))


if __name__ == "__main__":
    main()
