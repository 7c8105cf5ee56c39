"""The ``conflict-lint`` command: parse options, run the pipeline, choose the exit code."""

from __future__ import annotations

import os
import sys

import click

from linter import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_PATHS = ("records",)


class UsageError(click.UsageError):
    exit_code = EXIT_ERROR


def _remember_config(ctx, param, value):
    ctx.meta["conflict-lint.config"] = value
    return value


# Not passed to the command function: commands read it through _settings(), so that adding it
# leaves their signatures alone.
CONFIG_OPTION = click.option("--config", type=click.Path(dir_okay=False), default=None, expose_value=False,
                             callback=_remember_config, is_eager=True,
                             help="A settings file (default: .conflict-lint.toml or pyproject.toml, "
                                  "looked for from here upwards).")


def _settings():
    """The effective settings; a bad settings file ends the run with its message and exit 2."""
    from pathlib import Path

    from linter.config import ConfigError, load_settings

    config_path = click.get_current_context().meta.get("conflict-lint.config")
    try:
        return load_settings(Path(config_path) if config_path else None)
    except ConfigError as error:
        click.echo(f"conflict-lint: {error}", err=True)
        sys.exit(EXIT_ERROR)


def _use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflict-lint")
def cli() -> None:
    """Lint armed-conflict infobox records: schema, consistency and sources."""


@cli.command()
@CONFIG_OPTION
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
def lint(paths, output_format, fail_on, quiet, select, ignore, today) -> None:
    """Lint record files and directories (default: records/)."""
    from linter.discover import discover, display_path
    from linter.engine import Selection, lint_documents, load_record_set
    from linter.findings import Severity
    from linter.load import load_file
    from linter.report import RunSummary, json_report, text
    from linter.rules import UnknownRule, all_rules

    settings = _settings()
    chosen = select or settings.select
    try:
        selection = Selection(select=frozenset(chosen) if chosen is not None else None,
                              ignore=frozenset(settings.ignore) | frozenset(ignore),
                              severity=dict(settings.severity), per_path=dict(settings.per_path),
                              relative=settings.relative)
    except UnknownRule as error:
        raise UsageError(str(error)) from None
    found = discover(list(paths) or list(DEFAULT_PATHS))
    found.files = [path for path in found.files if not settings.is_excluded(path)]
    for missing in found.missing:
        raise UsageError(f"no such file or directory: {missing}")
    for unsupported in found.unsupported:
        raise UsageError(f"{unsupported}: not a record file (expected .yaml, .yml or .json)")
    documents = []
    for path in found.files:
        try:
            documents.append(load_file(path, display_path(path)))
        except OSError as error:
            click.echo(f"conflict-lint: cannot read {path}: {error.strerror or error}", err=True)
            sys.exit(EXIT_ERROR)
    from linter.engine import InternalError

    try:
        findings = lint_documents(documents, selection=selection,
                                  today=today.date() if today else settings.today,
                                  record_set=load_record_set(documents, settings.root_paths()))
    except InternalError as error:
        click.echo(f"conflict-lint: {error}\nThis is a bug in conflict-lint: please report it with the file.",
                   err=True)
        sys.exit(EXIT_ERROR)
    run = RunSummary(files=len(documents), findings=tuple(findings), rules=all_rules())
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


@cli.command()
@click.option("--show", is_flag=True, help="Print the effective settings.")
@CONFIG_OPTION
def config(show) -> None:
    """Check the settings file; with --show, print the effective settings."""
    settings = _settings()
    if show:
        click.echo(settings.show(), nl=False)
    else:
        click.echo(f"{settings.path or 'no settings file found'}: settings are valid")


def main() -> None:
    cli(prog_name="conflict-lint")
