"""The ``conflict-lint`` command: parse options, run the pipeline, choose the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__
from linter.limits import MAX_FILE_BYTES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_PATHS = ("records",)


class UsageError(click.UsageError):
    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        from linter.report.escape import printable

        return printable(super().format_message())  # it may quote a hostile file name


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
        _fail(str(error))


def _fail(message: str) -> None:
    """A usage or settings error: one line on stderr (hostile text escaped) and exit 2."""
    from linter.report.escape import printable

    click.echo(f"conflict-lint: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


def _use_colour(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflict-lint")
def cli() -> None:
    """Lint armed-conflict infobox records: schema, consistency and sources."""


class OutputSpec(click.ParamType):
    """``FORMAT:PATH`` for ``--output``: another report written to a file in the same run."""

    name = "FORMAT:PATH"

    def convert(self, value, param, ctx):
        from linter.report import FORMATS

        if isinstance(value, tuple):
            return value
        output_format, sep, path = value.partition(":")
        if not sep or not path or output_format not in FORMATS:
            self.fail(f"{value!r} is not FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}", param, ctx)
        return output_format, path


def _report_formats():
    from linter.report import FORMATS

    return FORMATS


@cli.command()
@CONFIG_OPTION
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(_report_formats()), default="text",
              show_default=True, help="How to print the findings on standard output.")
@click.option("--output", "outputs", type=OutputSpec(), multiple=True,
              help="Also write a report in FORMAT to PATH (e.g. sarif:results.sarif); repeatable.")
@click.option("--statistics", is_flag=True, help="After the findings, count them per rule.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline (see `conflict-lint baseline`).")
@click.option("--github-annotations/--no-github-annotations", default=None,
              help="Also print GitHub Actions annotations [default: when GITHUB_ACTIONS=true].")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, hidden=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line.")
@click.option("--select", multiple=True, metavar="RULE", help="Report only these rules (code or slug); repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not report these rules; repeatable.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The date rules take as today (YYYY-MM-DD), for reproducible runs.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
              help=f"Files larger than this get a finding instead of being parsed  [default: {MAX_FILE_BYTES}]")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for the per-file checks  [default: the number of CPUs]")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=".conflict-lint-cache", show_default=True,
              help="Where to keep results of unchanged files.")
@click.option("--fix", "fix", is_flag=True, help="Apply the safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Count unsafe fixes as fixable too, and with --fix, --diff or --fix-only apply them.")
@click.option("--diff", "diff", is_flag=True,
              help="Print a unified diff of what --fix would change; write nothing; exit 1 if anything would.")
@click.option("--fix-only", is_flag=True, help="Apply the fixes and report nothing else; exit 0.")
def lint(paths, output_format, fail_on, quiet, select, ignore, today, outputs=(), statistics=False,
         baseline_file=None, github_annotations=None, write_baseline=None,
         max_file_size=None, jobs=None, no_cache=False, cache_dir=".conflict-lint-cache",
         fix=False, unsafe_fixes=False, diff=False, fix_only=False) -> None:
    """Lint record files and directories (default: records/)."""
    from pathlib import Path

    from linter.discover import discover, display_path
    from linter.engine import Selection
    from linter.findings import Severity
    from linter.report import RunSummary
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
        raise UsageError(f"{unsupported}: not a record file (expected .yaml, .yml, .json, .wiki, .wikitext, .mediawiki or .txt)")
    from linter.runner import FileError, lint_paths

    given = [(path, display_path(path)) for path in found.files]
    run_day = today.date() if today else settings.today
    fixed = None
    if fix or diff or fix_only:
        from linter.cli_fix import run_fixes

        fixed = run_fixes(given, list(paths) or list(DEFAULT_PATHS), selection=selection, today=run_day,
                          unsafe=unsafe_fixes, mode="diff" if diff else "fix-only" if fix_only else "fix",
                          max_bytes=max_file_size or settings.max_file_size or MAX_FILE_BYTES)
    try:
        findings = lint_paths(given, selection=selection, today=today.date() if today else settings.today,
                            jobs=jobs, cache_dir=None if no_cache else Path(cache_dir),
                            max_file_size=max_file_size or settings.max_file_size or MAX_FILE_BYTES,
                            neighbours=[(p, display_path(p)) for p in discover(
                                [str(r) for r in settings.root_paths()]).files])
    except FileError as error:
        _report_bug(str(error))
    if write_baseline is not None:
        _write_baseline(write_baseline, findings)
        return
    baseline_counts = None
    if baseline_file is not None:
        findings, baseline_counts = _apply_baseline(baseline_file, findings)
    run = RunSummary(files=len(found.files), findings=tuple(findings), rules=all_rules(),
                     paths=tuple(display for _, display in given), baseline=baseline_counts,
                     unsafe_fixes=unsafe_fixes, fixed=fixed)
    _write_reports(run, output_format, outputs, quiet=quiet, statistics=statistics,
                   github=_github_annotations(github_annotations, output_format, outputs))
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _github_annotations(wanted: bool | None, output_format: str, outputs) -> bool:
    """Annotations go after a text report; on GitHub Actions they are on unless asked otherwise."""
    if wanted is None:
        wanted = os.environ.get("GITHUB_ACTIONS") == "true"
    already = output_format == "github" or any(f == "github" for f, _ in outputs)
    # Workflow commands appended to a machine-readable report would corrupt it.
    return wanted and not already and output_format == "text"


def _write_reports(run, output_format: str, outputs, *, quiet: bool, statistics: bool, github: bool) -> None:
    from linter.report import reporter, text
    from linter.report import statistics as statistics_report

    if output_format == "text":
        click.echo(text.render(run, colour=_use_colour(sys.stdout), quiet=quiet), nl=False)
    else:
        click.echo(reporter(output_format)(run), nl=False)
    if statistics:
        # After a text report on stdout; beside a machine-readable one, on stderr so it stays parseable.
        click.echo(statistics_report.render(run), nl=False, err=output_format != "text")
    if github:
        click.echo(reporter("github")(run), nl=False)
    for report_format, path in outputs:
        _write_file(path, reporter(report_format)(run))


def _write_file(path: str, content: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or error}")


def _apply_baseline(baseline_file: str, findings):
    from pathlib import Path

    from linter import baseline
    from linter.report import BaselineCounts

    try:
        filtered = baseline.apply(findings, baseline.load(Path(baseline_file)))
    except baseline.BaselineError as error:
        _fail(str(error))
    return filtered.new, BaselineCounts(matched=filtered.matched, gone=filtered.gone)


def _write_baseline(path: str, findings) -> None:
    from linter import baseline

    _write_file(path, baseline.dump(findings))
    from linter.report.escape import printable

    click.echo(f"Wrote {len(findings)} finding{'s' * (len(findings) != 1)} to the baseline {printable(path)}.")


@cli.command(name="baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=".conflict-lint-baseline.json",
              show_default=True, help="Where to write the baseline.")
@click.option("--select", multiple=True, metavar="RULE", help="Record only these rules; repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not record these rules; repeatable.")
@click.pass_context
def baseline_command(ctx, paths, output, select, ignore) -> None:
    """Record the current findings so that `lint --baseline FILE` reports only new ones."""
    # The same pipeline as `lint`, so a baseline sees exactly the findings lint would report.
    ctx.invoke(lint, paths=paths, select=select, ignore=ignore, write_baseline=output)


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format) -> None:
    """List every rule: code, slug, default severity and summary."""
    import json

    from linter.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "rule": r.slug, "severity": r.severity.label,
                                "summary": r.summary, "aliases": list(r.aliases), "fix": r.fix or None}
                               for r in rules], indent=2))
        return
    width = max(len(r.slug) for r in rules)
    for r in rules:
        # the fix column: [*] safe, [~] unsafe, as `conflict-lint explain` says in words
        mark = {"safe": "[*]", "unsafe": "[~]"}.get(r.fix, "   ")
        click.echo(f"{r.code}  {r.slug:<{width}}  {r.severity.label:<7}  {mark}  {r.summary}")


@cli.command()
@click.argument("rule")
def explain(rule) -> None:
    """Show a rule's documentation (by code or slug)."""
    from linter.rules import UnknownRule, get_rule

    try:
        found = get_rule(rule)
    except UnknownRule as error:
        raise UsageError(str(error)) from None
    fixes = f"; fix: {found.fix} (see `## Fix`)" if found.fix else "; no fix"
    click.echo(f"{found.code} {found.slug} (default severity: {found.severity.label}{fixes})\n")
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


@cli.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory to write one YAML record per infobox into.")
@click.option("--force", is_flag=True, help="Replace records that already exist in --out.")
def import_command(files, out_dir, force) -> None:
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
    from linter.report.escape import line_start, printable
    from linter.schema import check_schema

    problems = 0
    used: set[str] = set()
    for given in files:
        path = Path(given)
        if not path.is_file() or not is_lintable(path):
            raise UsageError(f"{given}: no such record file (expected .wiki, .wikitext, .mediawiki, .txt, .yaml or .json)")
        try:
            records = with_extra(load_file(path, display_path(path)))
        except InternalError as error:
            _report_bug(str(error))
        for doc in records:
            if doc.data is None:
                reasons = "; ".join(hit.message for hit in doc.problems) or "nothing could be read"
                click.echo(f"{line_start(doc.path)}: not converted: {printable(reasons)}", err=True)
                problems += 1
                continue
            name = slug(str(doc.data.get("id") or path.stem))
            while name in used:
                name += "-2"
            used.add(name)
            try:
                written = write_record(doc.data, Path(out_dir), name, force)
            except Exists as error:
                click.echo(f"{line_start(doc.path)}: not written: {printable(str(error))}", err=True)
                problems += 1
                continue
            except OSError as error:
                _fail(f"cannot write into {out_dir}: {error.strerror or error}")
            invalid = check_schema(doc)
            verb = "replaced" if written.replaced else "wrote"
            click.echo(f"{line_start(doc.path)}: {verb} {printable(str(written.path))}"
                       + (f" ({len(invalid)} schema finding{'s' * (len(invalid) != 1)})" if invalid else ""))
            for hit in invalid:
                span = doc.span_of(hit.pointer, hit.at_key)
                click.echo(f"  {line_start(doc.path)}:{span.line}:{span.column}: [{hit.rule}] {printable(hit.message)}")
            problems += bool(invalid)
    sys.exit(EXIT_FINDINGS if problems else EXIT_CLEAN)


def _report_bug(description: str) -> None:
    from linter.report.escape import printable

    click.echo(f"conflict-lint: {printable(description)}\n"
               "This is a bug in conflict-lint: please report it with the command and the file it names.", err=True)
    sys.exit(EXIT_ERROR)


def refuse_file_names_as_options(arguments: list[str]) -> None:
    """pre-commit, xargs and shell globs pass file names as arguments, and a file named
    ``--baseline=hide.json`` or ``--output=text:out.json`` would be read as an option: one that
    hides findings or writes through a symlink. An argument before ``--`` that starts with ``-``
    and names an existing file is refused, whatever it would have meant."""
    for argument in arguments:
        if argument == "--":
            return
        if argument.startswith("-") and os.path.lexists(argument):
            _fail(f"{argument!r} is the name of a file, but it would be read as an option: put `--` before "
                  "file names (`conflict-lint lint [OPTIONS] -- FILE...`), as the shipped pre-commit hooks do")


def main() -> None:
    refuse_file_names_as_options(sys.argv[1:])
    try:
        cli(prog_name="conflict-lint")
    except Exception as error:  # the last guard: a bug is one message and exit 2, never a traceback
        _report_bug(f"internal error: {type(error).__name__}: {error}")
