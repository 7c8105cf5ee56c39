"""The commands besides ``lint``: imported only when one of them is named (linter/cli.py)."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from linter.cli import (
    CONFIG_OPTION,
    DEFAULT_BASELINE,
    EXIT_CLEAN,
    EXIT_FINDINGS,
    FAIL_ON,
    ISO_DATE,
    UsageError,
    _check,
    _fail,
    _report_bug,
    _settings,
    _shared_options,
    _write_file,
    lint,
)


@click.command(name="baseline")
@_shared_options
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help=f"Where to write the baseline  [default: the `baseline` setting, else {DEFAULT_BASELINE}]")
def baseline_command(**options: Any) -> None:
    """Record the current findings so that `lint` reports only new ones.

    Only the entries of the files checked are replaced: entries of other files are kept (those
    of files that no longer exist are dropped), and the command says what changed."""
    from pathlib import Path

    from linter import baseline
    from linter.report.escape import printable

    output = options.get("output") or (str(_settings().baseline) if _settings().baseline else DEFAULT_BASELINE)
    checked = _check(options, [output])
    old: list[dict] = []
    if os.path.exists(output):
        try:
            old = baseline.load_entries(Path(output))
        except baseline.BaselineError as error:
            _fail(f"{error}; remove it to write a new one")
    update = baseline.update(checked.findings, old, checked.plan.displays)
    _write_file(output, update.text)
    files = len(checked.plan.files)
    total = len(checked.findings)
    click.echo(f"Wrote {total} finding{'s' * (total != 1)} of {files} file{'s' * (files != 1)} to the baseline "
               f"{printable(output)}: {update.added} new, {update.removed} gone"
               + (f"; kept {update.kept} of files not checked" if update.kept else "")
               + (f"; dropped {update.dropped} of files that no longer exist" if update.dropped else "") + ".")


@click.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), default=".conflict-lint-cache", show_default=True,
              help="The cache to remove.")
def clean(cache_dir: str) -> None:
    """Remove the result cache (as `ruff clean` does)."""
    from pathlib import Path

    from linter.cache import clean as remove
    from linter.report.escape import printable

    try:
        entries = remove(Path(cache_dir))
    except (ValueError, OSError) as error:
        _fail(str(error))
    if entries is None:
        click.echo(f"No cache at {printable(cache_dir)}.")
    else:
        click.echo(f"Removed {printable(cache_dir)} ({entries} entr{'ies' if entries != 1 else 'y'}).")


@click.command(name="report")
@CONFIG_OPTION
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--html",
    "html_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory to write the site into; open its index.html.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Show what is new and what was fixed since this baseline.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="never",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option("--select", multiple=True, metavar="RULE", help="Report only these rules (code or slug); repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not report these rules; repeatable.")
@click.option(
    "--today",
    type=ISO_DATE,
    default=None,
    help="The date rules take as today (YYYY-MM-DD); fix it for a report that is the same every day.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes for the checks.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.pass_context
def report_command(ctx: click.Context, paths: tuple[str, ...], html_dir: str, baseline_file: str | None, fail_on: str,
                   select: tuple[str, ...], ignore: tuple[str, ...], today: Any, jobs: int | None,
                   no_cache: bool) -> None:
    """Write an HTML report of record files and directories (default: records/)."""
    # The same pipeline as `lint`, so the site shows exactly the findings lint would report.
    ctx.invoke(
        lint,
        paths=paths,
        output_format="text",
        fail_on=fail_on,
        quiet=False,
        select=select,
        ignore=ignore,
        today=today,
        outputs=(("html", html_dir),),
        baseline_file=baseline_file,
        jobs=jobs,
        no_cache=no_cache,
        report_only=True,
    )


@click.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, slug, default severity and summary."""
    import json

    from linter.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "rule": r.slug,
                        "severity": r.severity.label,
                        "summary": r.summary,
                        "aliases": list(r.aliases),
                        "fix": r.fix or None,
                    }
                    for r in rules
                ],
                indent=2,
            )
        )
        return
    width = max(len(r.slug) for r in rules)
    for r in rules:
        # the fix column: [*] safe, [~] unsafe, as `conflict-lint explain` says in words
        mark = {"safe": "[*]", "unsafe": "[~]"}.get(r.fix, "   ")
        click.echo(f"{r.code}  {r.slug:<{width}}  {r.severity.label:<7}  {mark}  {r.summary}")


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation (by code or slug)."""
    from linter.rules import UnknownRule, get_rule

    try:
        found = get_rule(rule)
    except UnknownRule as error:
        raise UsageError(str(error)) from None
    fixes = f"; fix: {found.fix} (see `## Fix`)" if found.fix else "; no fix"
    click.echo(f"{found.code} {found.slug} (default severity: {found.severity.label}{fixes})\n")
    click.echo(found.doc)


@click.command()
@click.option("--show", is_flag=True, help="Print the effective settings.")
@CONFIG_OPTION
def config(show: bool) -> None:
    """Check the settings file; with --show, print the effective settings."""
    settings = _settings()
    if show:
        click.echo(settings.show(), nl=False)
    else:
        click.echo(f"{settings.path or 'no settings file found'}: settings are valid")


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory to write one YAML record per infobox into.",
)
@click.option("--force", is_flag=True, help="Replace records that already exist in --out.")
def import_command(files: tuple[str, ...], out_dir: str, force: bool) -> None:
    """Convert infobox wikitext and article text into native YAML records.

    Exits 0 when every infobox became a schema-valid record, 1 when some could not be written
    or are not schema-valid (each is reported), 2 on a usage error.
    """
    from pathlib import Path

    from linter.discover import display_path
    from linter.errors import InternalError
    from linter.importer.write import Exists, write_record
    from linter.infobox.record import slug
    from linter.load import is_lintable, load_file, with_extra
    from linter.load.hits import not_a_record
    from linter.output_paths import UnsafeOutput, check_import_directory, check_import_target, real_paths
    from linter.report.escape import line_start, printable
    from linter.schema import check_schema

    try:
        check_import_directory(out_dir)
    except UnsafeOutput as error:
        raise UsageError(str(error)) from None
    inputs = real_paths(files)
    problems = 0
    used: set[str] = set()
    imported: set[str] = set()
    for given in files:
        path = Path(given)
        if not path.is_file() or not is_lintable(path):
            raise UsageError(
                f"{given}: no such record file (expected .wiki, .wikitext, .mediawiki, .txt, .yaml or .json)"
            )
        if os.path.realpath(path) in imported:  # named twice (a glob and a path): one record, not two
            continue
        imported.add(os.path.realpath(path))
        # Provenance names the file relative to here, as given, never by an absolute path.
        shown = display_path(path)
        if Path(shown).is_absolute():
            shown = Path(os.path.relpath(path.resolve())).as_posix()
        try:
            records = with_extra(load_file(path, shown))
        except InternalError as error:
            _report_bug(str(error))
        for doc in records:
            if not isinstance(doc.data, dict):  # null, a list or a scalar: no record to write
                problems_found = doc.problems or ([not_a_record(doc.data)] if doc.data is not None else [])
                reasons = "; ".join(hit.message for hit in problems_found) or "nothing could be read"
                click.echo(f"{line_start(doc.path)}: not converted: {printable(reasons)}", err=True)
                problems += 1
                continue
            name = _unique_name(slug(str(doc.data.get("id") or path.stem)), used)
            try:
                check_import_target(os.path.normpath(os.path.join(out_dir, f"{name}.yaml")), inputs)
                written = write_record(doc.data, Path(out_dir), name, force)
            except (Exists, UnsafeOutput) as error:
                click.echo(f"{line_start(doc.path)}: not written: {printable(str(error))}", err=True)
                problems += 1
                continue
            except OSError as error:
                _fail(f"cannot write into {out_dir}: {error.strerror or error}")
            invalid = check_schema(doc)
            verb = "replaced" if written.replaced else "wrote"
            click.echo(
                f"{line_start(doc.path)}: {verb} {printable(str(written.path))}"
                + (f" ({len(invalid)} schema finding{'s' * (len(invalid) != 1)})" if invalid else "")
            )
            for hit in invalid:
                span = doc.span_of(hit.pointer, hit.at_key)
                click.echo(f"  {line_start(doc.path)}:{span.line}:{span.column}: [{hit.rule}] {printable(hit.message)}")
            problems += bool(invalid)
    sys.exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


# File names stay far below the 255 bytes most file systems allow, suffix and ".yaml" included.
MAX_RECORD_NAME = 100


def _unique_name(name: str, used: set[str]) -> str:
    """A file name for a record, not yet used in this run: the second "x" is "x-2", then "x-3"."""
    base = name[:MAX_RECORD_NAME].rstrip("-") or "record"
    name, number = base, 1
    while name in used:
        number += 1
        name = f"{base}-{number}"
    used.add(name)
    return name
