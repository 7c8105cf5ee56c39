"""The ``conflict-lint`` command: parse options, run the pipeline, choose the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_PATHS = ("records",)


class UsageError(click.UsageError):
    exit_code = EXIT_ERROR


def _use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflict-lint")
def cli() -> None:
    """Lint armed-conflict infobox records: schema, consistency and sources."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to print the findings.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line.")
@click.option("--select", multiple=True, metavar="RULE", help="Report only these rules (code or slug); repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not report these rules; repeatable.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The date rules take as today (YYYY-MM-DD), for reproducible runs.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for the per-file checks  [default: the number of CPUs]")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=".conflict-lint-cache", show_default=True,
              help="Where to keep results of unchanged files.")
def lint(paths, output_format, fail_on, quiet, select, ignore, today, jobs, no_cache, cache_dir) -> None:
    """Lint record files and directories (default: records/)."""
    from linter.discover import discover, display_path
    from linter.engine import Selection
    from linter.findings import Severity
    from linter.report import RunSummary, json_report, text
    from linter.rules import UnknownRule, all_rules

    try:
        selection = Selection(select=frozenset(select) if select else None, ignore=frozenset(ignore))
    except UnknownRule as error:
        raise UsageError(str(error)) from None
    found = discover(list(paths) or list(DEFAULT_PATHS))
    for missing in found.missing:
        raise UsageError(f"no such file or directory: {missing}")
    for unsupported in found.unsupported:
        raise UsageError(f"{unsupported}: not a record file (expected .yaml, .yml or .json)")
    from linter.runner import FileError, lint_paths

    try:
        findings = lint_paths([(path, display_path(path)) for path in found.files], selection=selection,
                              today=today.date() if today else None, jobs=jobs,
                              cache_dir=None if no_cache else Path(cache_dir))
    except FileError as error:
        bug = "\nThis is a bug in conflict-lint: please report it with the file." if error.internal else ""
        click.echo(f"conflict-lint: {error}{bug}", err=True)
        sys.exit(EXIT_ERROR)
    run = RunSummary(files=len(found.files), findings=tuple(findings), rules=all_rules())
    if output_format == "json":
        click.echo(json_report.render(run), nl=False)
    else:
        click.echo(text.render(run, colour=_use_colour(sys.stdout), quiet=quiet), nl=False)
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format) -> None:
    """List every rule: code, slug, default severity and summary."""
    import json

    from linter.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "rule": r.slug, "severity": r.severity.label,
                                "summary": r.summary, "aliases": list(r.aliases)} for r in rules], indent=2))
        return
    width = max(len(r.slug) for r in rules)
    for r in rules:
        click.echo(f"{r.code}  {r.slug:<{width}}  {r.severity.label:<7}  {r.summary}")


@cli.command()
@click.argument("rule")
def explain(rule) -> None:
    """Show a rule's documentation (by code or slug)."""
    from linter.rules import UnknownRule, get_rule

    try:
        found = get_rule(rule)
    except UnknownRule as error:
        raise UsageError(str(error)) from None
    click.echo(f"{found.code} {found.slug} (default severity: {found.severity.label})\n")
    click.echo(found.doc)


def main() -> None:
    cli(prog_name="conflict-lint")
