"""The ``conflict-lint`` command: parse options, run the pipeline, choose the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from linter import __version__
from linter.limits import MAX_FILE_BYTES

if TYPE_CHECKING:  # imported where a command needs them
    from linter.checking import Checked, Plan, Request
    from linter.config import Settings
    from linter.findings import Finding
    from linter.report import BaselineCounts, RunSummary

Command = TypeVar("Command", bound=Callable[..., Any])


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date. click.DateTime would do, but it parses with strptime, whose import
    costs a one-file run about a millisecond."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import datetime

        if isinstance(value, datetime.date):
            return value
        try:
            if len(value) == 10 and value[4] == value[7] == "-":
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        self.fail(f"{value!r} is not a date of the form YYYY-MM-DD", param, ctx)


ISO_DATE = IsoDate()

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_BASELINE = ".conflict-lint-baseline.json"


class UsageError(click.UsageError):
    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        from linter.report.escape import printable

        return printable(super().format_message())  # it may quote a hostile file name


def _remember_config(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    ctx.meta["conflict-lint.config"] = value
    return value


# Not passed to the command function: commands read it through _settings(), so that adding it
# leaves their signatures alone.
CONFIG_OPTION = click.option("--config", type=click.Path(dir_okay=False), default=None, expose_value=False,
                             callback=_remember_config, is_eager=True,
                             help="A settings file (default: .conflict-lint.toml or pyproject.toml, "
                                  "looked for from here upwards).")


def _settings() -> Settings:
    """The effective settings; a bad settings file ends the run with its message and exit 2."""
    from pathlib import Path

    from linter.config import ConfigError, load_settings

    config_path = click.get_current_context().meta.get("conflict-lint.config")
    try:
        return load_settings(Path(config_path) if config_path else None)
    except ConfigError as error:
        _fail(str(error))


def _fail(message: str) -> NoReturn:
    """A usage or settings error: one line on stderr (hostile text escaped) and exit 2."""
    from linter.report.escape import printable

    click.echo(f"conflict-lint: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


def _use_colour(stream: Any, choice: str = "auto") -> bool:
    """--color always/never wins; then NO_COLOR (https://no-color.org) over FORCE_COLOR
    (https://force-color.org), both only when set and not empty; then no colour on a dumb
    terminal (it shows escapes raw); then whether it is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


# command name -> its function in linter/cli_commands.py
LAZY_COMMANDS = {"baseline": "baseline_command", "clean": "clean", "config": "config", "explain": "explain",
                 "import": "import_command", "report": "report_command", "rules": "list_rules"}


class _Commands(click.Group):
    """``lint`` is defined here; the other commands are imported when one is named or listed
    (click's "lazily loading subcommands"), so a lint run does not build their options: a
    start of the command costs less. Ctrl-C anywhere in a command becomes ``Interrupted``,
    which click passes on, rather than a ``KeyboardInterrupt`` it would answer with "Aborted!"."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            from linter import cli_commands

            command: click.Command = getattr(cli_commands, LAZY_COMMANDS[cmd_name])
            return command
        return super().get_command(ctx, cmd_name)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt:
            raise Interrupted() from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, str]:
        from linter.report import FORMATS, SITE_FORMATS

        if isinstance(value, tuple):
            return value
        output_format, sep, path = value.partition(":")
        if not sep or not path or output_format not in FORMATS + SITE_FORMATS:
            self.fail(f"{value!r} is not FORMAT:PATH with FORMAT one of {', '.join(FORMATS + SITE_FORMATS)}",
                      param, ctx)
        return output_format, path


def _report_formats() -> tuple[str, ...]:
    from linter.report import FORMATS

    return FORMATS


def _output_formats() -> tuple[str, ...]:
    return ("concise", "full", *(name for name in _report_formats() if name != "text"))


def _shared_options(command: Command) -> Command:
    """The options `lint` and `baseline` share: which files, which rules, which date, how to run.

    One set, so that a baseline always sees exactly the findings `lint` would report."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path()),
        CONFIG_OPTION,
        click.option("--select", multiple=True, metavar="RULE", help="Only these rules (code or slug); repeatable."),
        click.option("--ignore", multiple=True, metavar="RULE", help="Not these rules; repeatable."),
        click.option("--today", type=ISO_DATE, default=None,
                     help="The date rules take as today (YYYY-MM-DD), for reproducible runs."),
        click.option("--max-file-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
                     help=f"Files larger than this get a finding instead of being parsed  [default: {MAX_FILE_BYTES}]"),
        click.option("--stdin-filename", default=None, metavar="PATH",
                     help="With the path '-': the name of the file read from standard input (its extension "
                          "says how to read it; settings and cross-record rules treat it as that file)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Worker processes for the per-file checks  [default: the number of CPUs]"),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
        click.option("--follow-links", is_flag=True,
                     help="Lint links found in directories even when they lead outside the directory given."),
        click.option("--cache-dir", type=click.Path(file_okay=False), default=".conflict-lint-cache",
                     show_default=True, help="Where to keep results of unchanged files."),
        click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary line, no progress."),
        click.option("--verbose", "-v", is_flag=True,
                     help="Also say on standard error which settings, files and cache the run uses, and its time."),
        click.option("--show-files", is_flag=True,
                     help="List the files that would be checked and the settings that apply to each; lint nothing."),
        click.option("--show-settings", is_flag=True, help="Print the effective settings; lint nothing."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _request(options: dict) -> Request:
    from linter.checking import Request

    today = options.get("today")
    return Request(paths=tuple(options.get("paths") or ()), select=tuple(options.get("select") or ()),
                   ignore=tuple(options.get("ignore") or ()), today=today,
                   max_file_size=options.get("max_file_size"), jobs=options.get("jobs"),
                   cache_dir=None if options.get("no_cache")
                   else _cache_dir(options.get("cache_dir", ".conflict-lint-cache")),
                   stdin_filename=options.get("stdin_filename"), follow_links=options.get("follow_links", False))


def _check(options: dict, written: list[str], sites: tuple[str, ...] = ()) -> Checked:
    """Plan and run the checks `lint` and `baseline` share; --show-files and --show-settings stop here.

    ``written`` are the files the command will write, ``sites`` the directories it will write
    HTML sites into: none may be, or hold, one it reads."""
    import time

    from linter.checking import RequestError, check, plan
    from linter.runner import FileError

    started = time.monotonic()
    settings = _settings()
    request = _request(options)
    if options.get("show_settings"):
        click.echo(settings.show(), nl=False)
        sys.exit(EXIT_CLEAN)
    try:
        the_plan = plan(request, settings, read_stdin=sys.stdin.buffer.read)
    except RequestError as error:
        raise UsageError(str(error)) from None
    _refuse_unsafe_outputs(written, sites, [path for path, _ in the_plan.files + the_plan.neighbours])
    if options.get("show_files"):
        from linter.show import show_files

        click.echo(show_files(the_plan), nl=False)
        sys.exit(EXIT_CLEAN)
    if options.get("fix") or options.get("diff") or options.get("fix_only"):
        if request.reads_stdin:
            raise UsageError("--fix, --diff and --fix-only edit files: they cannot read standard input")
        from linter.cli_fix import run_fixes

        mode = "diff" if options.get("diff") else "fix-only" if options.get("fix_only") else "fix"
        options["fixed"] = run_fixes(the_plan.files, list(request.paths) or ["records"], selection=the_plan.selection,
                                     today=the_plan.today, unsafe=options.get("unsafe_fixes", False), mode=mode,
                                     max_bytes=the_plan.max_file_size)
    verbose = options.get("verbose")
    if verbose:
        from linter.discover import display_path

        more = len({display for _, display in the_plan.neighbours} - set(the_plan.displays))
        _say(f"settings: {display_path(settings.path) if settings.path else 'none found, the defaults'}")
        _say(f"checking {len(the_plan.files)} file{'s' * (len(the_plan.files) != 1)}"
             + (f", reading {more} more from `roots` for cross-record rules" if more else "")
             + (f"; cache: {request.cache_dir}" if request.cache_dir else "; no cache"))
    from linter.progress import Progress

    progress = Progress.on_stderr(enabled=not options.get("quiet") and not request.reads_stdin)
    try:
        checked = check(the_plan, request, progress=progress)
    except FileError as error:
        _report_bug(str(error))
    finally:
        progress.close()
    if verbose:
        _say(f"checked in {time.monotonic() - started:.2f} s")
    return checked


def _say(message: str) -> None:
    from linter.report.escape import printable

    click.echo(f"conflict-lint: {printable(message)}", err=True)


@cli.command()
@_shared_options
@click.option("--format", "output_format", type=click.Choice(_report_formats()), default=None,
              help="How to print the findings on standard output  [default: text]")
@click.option("--output-format", "view", type=click.Choice(_output_formats()), default=None,
              help="As --format, with the text report's two views: `full` (the default: each finding with "
                   "its source lines and a caret under the span) and `concise` (one line per finding); "
                   "the `output-format` setting changes the default.")
@click.option("--color", "--colour", "colour", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report (auto: on a terminal, unless NO_COLOR is set; "
                                      "FORCE_COLOR forces it).")
@click.option("--output", "outputs", type=OutputSpec(), multiple=True,
              help="Also write a report in FORMAT to PATH (e.g. sarif:results.sarif); repeatable.")
@click.option("--statistics", is_flag=True, help="After the findings, count them per rule.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Report only findings not recorded in this baseline  [default: the `baseline` setting, "
                   f"else {DEFAULT_BASELINE} if it exists]")
@click.option("--no-baseline", is_flag=True, help="Report every finding, whatever baseline there is.")
@click.option("--github-annotations/--no-github-annotations", default=None,
              help="Also print GitHub Actions annotations [default: when GITHUB_ACTIONS=true].")
@click.option("--report-only", is_flag=True, hidden=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--fix", "fix", is_flag=True, help="Apply the safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Count unsafe fixes as fixable too, and with --fix, --diff or --fix-only apply them.")
@click.option("--diff", "diff", is_flag=True,
              help="Print a unified diff of what --fix would change; write nothing; exit 1 if anything would.")
@click.option("--fix-only", is_flag=True, help="Apply the fixes and report nothing else; exit 0.")
def lint(**options: Any) -> None:
    """Lint record files and directories (default: records/); '-' reads standard input."""
    from linter.findings import Severity
    from linter.report import RunSummary
    from linter.rules import all_rules

    output_format, view = _chosen_format(options.get("output_format"), options.get("view"))
    outputs = options.get("outputs") or ()
    checked = _check(options, [path for report_format, path in outputs if report_format != "html"],
                     tuple(path for report_format, path in outputs if report_format == "html"))
    settings = checked.plan.settings
    # ruff's default: the full view, unless the command line or the settings ask for the concise one
    full = (view or (settings.output_format if settings is not None else None) or "full") == "full"
    findings = checked.findings
    baseline_counts = None
    baseline_file = None if options.get("no_baseline") else _baseline_path(options.get("baseline_file"))
    if baseline_file is not None:
        findings, baseline_counts = _apply_baseline(baseline_file, findings, checked.plan.displays)
    fail_on = options.get("fail_on", "error")
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    run = RunSummary(files=len(checked.plan.files), findings=tuple(findings), rules=all_rules(),
                     paths=checked.plan.displays, baseline=baseline_counts, source=_source_reader(checked.plan),
                     fail_on=threshold, unsafe_fixes=options.get("unsafe_fixes", False), fixed=options.get("fixed"))
    outputs = options.get("outputs") or ()
    sites = [path for report_format, path in outputs if report_format == "html"]
    outputs = tuple(output for output in outputs if output[0] != "html")
    if not options.get("report_only"):
        _write_reports(run, output_format, outputs, quiet=options.get("quiet", False),
                       statistics=options.get("statistics", False),
                       github=_github_annotations(options.get("github_annotations"), output_format, outputs),
                       colour=_use_colour(sys.stdout, options.get("colour", "auto")), full=full)
    for site in sites:
        from linter.html_report import write_html

        the_plan = checked.plan
        assert the_plan.settings is not None, "a plan made from settings keeps them"
        try:
            write_html(site, run, the_plan.files, the_plan.settings, today=the_plan.today,
                       max_file_size=the_plan.max_file_size,
                       options={"select": options.get("select") or (), "ignore": options.get("ignore") or (),
                                "baseline": baseline_file, "fail-on": fail_on},
                       jobs=options.get("jobs"))
        except OSError as error:
            click.echo(f"conflict-lint: cannot write the report into {site}: {error.strerror or error}", err=True)
            sys.exit(EXIT_ERROR)
        if options.get("report_only"):
            click.echo(f"{run.files} file{'s' * (run.files != 1)} checked: {len(findings)} finding"
                       f"{'s' * (len(findings) != 1)}; report written to {os.path.join(site, 'index.html')}")
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _chosen_format(output_format: str | None, view: str | None) -> tuple[str, str | None]:
    """(--format's name, the text report's view if the command line chose one) from --format and
    --output-format."""
    as_format = None if view is None else ("text" if view in ("concise", "full") else view)
    if output_format and as_format and output_format != as_format:
        raise UsageError(f"--format {output_format} and --output-format {view} disagree: give one of them")
    return output_format or as_format or "text", view if view in ("concise", "full") else None


def _source_reader(the_plan: Plan) -> Callable[[str], str | None]:
    """The text of a checked file by its display path, for the full view (standard input included)."""
    from linter.load import decode

    files = {display: path for path, display in the_plan.files}

    def read(display: str) -> str | None:
        if the_plan.stdin is not None:
            return decode(the_plan.stdin)[0]
        path = files.get(display)
        try:
            return None if path is None else decode(path.read_bytes()[:the_plan.max_file_size])[0]
        except OSError:
            return None
    return read


def _baseline_path(given: str | None) -> str | None:
    """--baseline, else the `baseline` setting, else the conventional file; the last two only
    when they exist (before the first `conflict-lint baseline`, every finding is new)."""
    if given is not None:
        return given
    settings = _settings()
    found = str(settings.baseline) if settings.baseline is not None else DEFAULT_BASELINE
    return found if os.path.isfile(found) else None


def _cache_dir(given: str) -> str | None:
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
    return given


def _refuse_unsafe_outputs(files: list[str], sites: tuple[str, ...], inputs: list) -> None:
    """An output that would overwrite a linted file or write through a link: refuse before linting."""
    if not files and not sites:
        return
    from linter.output_paths import UnsafeOutput, check_directory, check_file, real_paths

    real_inputs = real_paths(inputs)
    try:
        for output in files:
            check_file(output, real_inputs)
        for site in sites:
            from linter.report.html import SUBDIRECTORIES

            check_directory(site, real_inputs, SUBDIRECTORIES)
    except UnsafeOutput as error:
        raise UsageError(str(error)) from None


def _github_annotations(wanted: bool | None, output_format: str, outputs: Sequence[tuple[str, str]]) -> bool:
    """Annotations go after a text report; on GitHub Actions they are on unless asked otherwise."""
    if wanted is None:
        wanted = os.environ.get("GITHUB_ACTIONS") == "true"
    already = output_format == "github" or any(f == "github" for f, _ in outputs)
    # Workflow commands appended to a machine-readable report would corrupt it.
    return wanted and not already and output_format == "text"


def _write_reports(run: RunSummary, output_format: str, outputs: Sequence[tuple[str, str]], *, quiet: bool,
                   statistics: bool, github: bool,
                   colour: bool = False, full: bool = False) -> None:
    from linter.report import reporter

    try:
        if output_format == "text":
            from linter.report import text  # as each reporter is: only the one asked for

            # color= tells click not to strip the escapes it strips from a stream that is no terminal
            click.echo(text.render(run, colour=colour, quiet=quiet, full=full), nl=False, color=colour)
        else:
            click.echo(reporter(output_format)(run), nl=False)
        if statistics:
            from linter.report import statistics as statistics_report

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


def _apply_baseline(baseline_file: str, findings: list[Finding],
                    checked: tuple[str, ...]) -> tuple[list[Finding], BaselineCounts]:
    from pathlib import Path

    from linter import baseline
    from linter.report import BaselineCounts

    try:
        entries = baseline.load_entries(Path(baseline_file))
    except baseline.BaselineError as error:
        _fail(str(error))
    filtered = baseline.apply(findings, baseline.counts_of(entries), entries, checked=checked)
    return filtered.new, BaselineCounts(matched=filtered.matched, gone=filtered.gone)


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
    """What the command group raises for a KeyboardInterrupt (Ctrl-C, SIGINT): click would turn
    that into "Aborted!" and exit 1, the findings code. A BaseException, so no ``except
    Exception`` swallows it."""


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
    refuse_file_names_as_options(sys.argv[1:])
    try:
        cli(prog_name="conflict-lint")
    except Interrupted:
        # the process pool has stopped its workers on the way out (linter/runner.py)
        click.echo("conflict-lint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001  the last guard: a bug is one message and exit 2, never a traceback
        _report_bug(f"internal error: {type(error).__name__}: {error}")
