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
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":  # a dumb terminal shows escapes raw
        return False
    return hasattr(stream, "isatty") and stream.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflict-lint")
def cli() -> None:
    """Lint armed-conflict infobox records: schema, consistency and sources."""
    _escape_unencodable()


def _escape_unencodable() -> None:
    """Write what the streams cannot encode as backslash escapes instead of failing.

    Lone surrogates come from JSON ("\\ud800") and from file names that are not UTF-8; escaped,
    they stay valid in every format (inside a JSON string ``\\ud800`` is the same escape).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


class OutputSpec(click.ParamType):
    """``FORMAT:PATH`` for ``--output``: another report written to a file in the same run."""

    name = "FORMAT:PATH"

    def convert(self, value, param, ctx):
        from linter.report import FORMATS, SITE_FORMATS

        if isinstance(value, tuple):
            return value
        output_format, sep, path = value.partition(":")
        if not sep or not path or output_format not in FORMATS + SITE_FORMATS:
            self.fail(f"{value!r} is not FORMAT:PATH with FORMAT one of {', '.join(FORMATS + SITE_FORMATS)}",
                      param, ctx)
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
@click.option("--report-only", is_flag=True, hidden=True)
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
@click.option("--follow-links", is_flag=True,
              help="Lint links found in directories even when they lead outside the directory given.")
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
         follow_links=False, report_only=False,
         fix=False, unsafe_fixes=False, diff=False, fix_only=False) -> None:
    """Lint record files and directories (default: records/)."""
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
    found = discover(list(paths) or list(DEFAULT_PATHS), follow_links)
    found.files = [path for path in found.files if not settings.is_excluded(path)]
    for missing in found.missing:
        raise UsageError(f"no such file or directory: {missing}")
    for unsupported in found.unsupported:
        raise UsageError(f"{unsupported}: not a record file "
                         "(expected .yaml, .yml, .json, .wiki, .wikitext, .mediawiki or .txt)")
    from linter.runner import FileError, default_jobs, lint_paths

    given = [(path, display_path(path)) for path in found.files]
    neighbours = [(p, display_path(p)) for p in discover([str(r) for r in settings.root_paths()], follow_links).files]
    written = [write_baseline] if write_baseline is not None else [path for _, path in outputs]
    _refuse_inputs_as_outputs(written, [path for path, _ in given + neighbours])
    run_day = today.date() if today else settings.today
    fixed = None
    if fix or diff or fix_only:
        from linter.cli_fix import run_fixes

        fixed = run_fixes(given, list(paths) or list(DEFAULT_PATHS), selection=selection, today=run_day,
                          unsafe=unsafe_fixes, mode="diff" if diff else "fix-only" if fix_only else "fix",
                          max_bytes=max_file_size or settings.max_file_size or MAX_FILE_BYTES)
    try:
        findings = lint_paths(
            given,
            selection=selection,
            today=today.date() if today else settings.today,
            # more workers than CPUs only cost memory (each holds the rules)
            jobs=min(jobs or default_jobs(), default_jobs()),
            cache_dir=None if no_cache else _cache_dir(cache_dir),
            max_file_size=max_file_size or settings.max_file_size or MAX_FILE_BYTES,
            neighbours=neighbours,
        )
    except FileError as error:
        _report_bug(str(error))
    findings = sorted(findings + _skipped_findings(found.skipped, selection), key=lambda f: f.sort_key())
    if write_baseline is not None:
        _write_baseline(write_baseline, findings)
        return
    baseline_counts = None
    if baseline_file is not None:
        findings, baseline_counts = _apply_baseline(baseline_file, findings)
    run = RunSummary(
        files=len(found.files),
        findings=tuple(findings),
        rules=all_rules(),
        paths=tuple(display for _, display in given),
        baseline=baseline_counts,
        unsafe_fixes=unsafe_fixes,
        fixed=fixed,
    )
    sites = [path for report_format, path in outputs if report_format == "html"]
    outputs = tuple(output for output in outputs if output[0] != "html")
    if not report_only:
        _write_reports(
            run,
            output_format,
            outputs,
            quiet=quiet,
            statistics=statistics,
            github=_github_annotations(github_annotations, output_format, outputs),
        )
    for site in sites:
        from linter.html_report import write_html

        try:
            write_html(
                site,
                run,
                given,
                settings,
                today=today.date() if today else settings.today,
                max_file_size=max_file_size or settings.max_file_size or MAX_FILE_BYTES,
                options={"select": select, "ignore": ignore, "baseline": baseline_file, "fail-on": fail_on},
                jobs=jobs,
            )
        except OSError as error:
            click.echo(f"conflict-lint: cannot write the report into {site}: {error.strerror or error}", err=True)
            sys.exit(EXIT_ERROR)
        if report_only:
            click.echo(
                f"{run.files} file{'s' * (run.files != 1)} checked: {len(findings)} finding"
                f"{'s' * (len(findings) != 1)}; report written to {os.path.join(site, 'index.html')}"
            )
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _skipped_findings(skipped, selection) -> list:
    """Findings for what discovery did not lint: unreadable directories, links leading out."""
    from linter.discover import display_path
    from linter.findings import FILE_START, Finding
    from linter.rules import get_rule

    rule = get_rule("file-unreadable")
    return [
        Finding(
            path=display_path(path),
            span=FILE_START,
            code=rule.code,
            rule=rule.slug,
            severity=selection.severity_of(rule),
            message=reason,
        )
        for path, reason in skipped
        if selection.enabled(rule, display_path(path))
    ]


def _cache_dir(given: str):
    """The cache directory, or None (no cache) when it is a link: a link committed in its place
    would make the run write where the pull request chose."""
    if not given.strip():
        raise UsageError("--cache-dir '' names no directory: give one, or use --no-cache")
    from linter.cache import FORMAT

    for candidate in (given, os.path.join(given, FORMAT)):
        if os.path.islink(candidate):
            from linter.report.escape import printable

            click.echo(
                f"conflict-lint: the cache directory {printable(candidate)} is a symbolic link: "
                "the cache is not used (remove the link)",
                err=True,
            )
            return None
    return Path(given)


def _refuse_inputs_as_outputs(outputs: list[str], inputs: list) -> None:
    """An output path that names a linted file would overwrite it: refuse before linting."""
    if not outputs:
        return
    from linter.safe_io import is_within

    real_inputs = {os.path.realpath(path) for path in inputs}
    here = os.path.realpath(os.curdir)
    for output in outputs:
        real = os.path.realpath(output)
        if real in real_inputs:
            raise UsageError(f"{output} is one of the files being linted: write the report elsewhere")
        if os.path.islink(output):
            raise UsageError(
                f"{output} is a symbolic link: conflict-lint does not write through links; name the file itself"
            )
        if not os.path.isabs(output) and real != os.path.abspath(output) and not is_within(real, here):
            raise UsageError(
                f"{output} leads outside the working directory through a symbolic link: name the file itself"
            )


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

    try:
        if output_format == "text":
            click.echo(text.render(run, colour=_use_colour(sys.stdout), quiet=quiet), nl=False)
        else:
            click.echo(reporter(output_format)(run), nl=False)
        if statistics:
            # After a text report on stdout; beside a machine-readable one, on stderr so it stays parseable.
            click.echo(statistics_report.render(run), nl=False, err=output_format != "text")
        if github:
            click.echo(reporter("github")(run), nl=False)
        sys.stdout.flush()  # a full disk shows here, not later at exit
    except OSError as error:
        _stdout_failed(error)
    for report_format, path in outputs:
        _write_file(path, reporter(report_format)(run))


def _stdout_failed(error: OSError) -> None:
    try:
        # the interpreter's flush at exit must not fail again; open for the rest of the process
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        click.echo(f"conflict-lint: cannot write the report to standard output: {error.strerror or error}", err=True)
    finally:
        sys.exit(EXIT_ERROR)


def _write_file(path: str, content: str) -> None:
    from linter.safe_io import write_atomic

    try:
        write_atomic(path, content)
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
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=".conflict-lint-baseline.json",
    show_default=True,
    help="Where to write the baseline.",
)
@click.option("--select", multiple=True, metavar="RULE", help="Record only these rules; repeatable.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not record these rules; repeatable.")
@click.pass_context
def baseline_command(ctx, paths, output, select, ignore) -> None:
    """Record the current findings so that `lint --baseline FILE` reports only new ones."""
    # The same pipeline as `lint`, so a baseline sees exactly the findings lint would report.
    ctx.invoke(lint, paths=paths, select=select, ignore=ignore, write_baseline=output)


@cli.command(name="report")
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
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date rules take as today (YYYY-MM-DD); fix it for a report that is the same every day.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes for the checks.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.pass_context
def report_command(ctx, paths, html_dir, baseline_file, fail_on, select, ignore, today, jobs, no_cache) -> None:
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


@cli.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format) -> None:
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
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory to write one YAML record per infobox into.",
)
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
    from linter.load.hits import not_a_record
    from linter.report.escape import line_start, printable
    from linter.schema import check_schema

    problems = 0
    used: set[str] = set()
    for given in files:
        path = Path(given)
        if not path.is_file() or not is_lintable(path):
            raise UsageError(
                f"{given}: no such record file (expected .wiki, .wikitext, .mediawiki, .txt, .yaml or .json)"
            )
        try:
            records = with_extra(load_file(path, display_path(path)))
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
                written = write_record(doc.data, Path(out_dir), name, force)
            except Exists as error:
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


def _report_bug(description: str) -> None:
    from linter.report.escape import printable

    click.echo(
        f"conflict-lint: {printable(description)}\n"
        "This is a bug in conflict-lint: please report it with the command and the file it names.",
        err=True,
    )
    sys.exit(EXIT_ERROR)


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class Interrupted(BaseException):
    """Raised by the SIGINT handler. Not a KeyboardInterrupt, which click turns into "Aborted!"
    and exit 1, the findings code; a BaseException, so no ``except Exception`` swallows it."""


def _interrupt(signum, frame) -> None:
    raise Interrupted()


def refuse_file_names_as_options(arguments: list[str]) -> None:
    """pre-commit, xargs and shell globs pass file names as arguments, and a file named
    ``--baseline=hide.json`` or ``--output=text:out.json`` would be read as an option: one that
    hides findings or writes through a symlink. An argument before ``--`` that starts with ``-``
    and names an existing file is refused, whatever it would have meant."""
    for argument in arguments:
        if argument == "--":
            return
        if argument.startswith("-") and os.path.lexists(argument):
            _fail(
                f"{argument!r} is the name of a file, but it would be read as an option: put `--` before "
                "file names (`conflict-lint lint [OPTIONS] -- FILE...`), as the shipped pre-commit hooks do"
            )


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, _interrupt)
    refuse_file_names_as_options(sys.argv[1:])
    try:
        cli(prog_name="conflict-lint")
    except Interrupted:
        # the process pool has stopped its workers on the way out (linter/runner.py)
        click.echo("conflict-lint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001  the last guard: a bug is one message and exit 2, never a traceback
        _report_bug(f"internal error: {type(error).__name__}: {error}")
