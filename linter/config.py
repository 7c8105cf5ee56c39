"""Read and validate the project's settings: ``[tool.conflict-lint]`` or ``.conflict-lint.toml``.

Settings are looked for from the working directory upwards: the first directory holding a
``.conflict-lint.toml`` (keys at the top level) or a ``pyproject.toml`` with a
``[tool.conflict-lint]`` table wins. Paths and globs in the settings are relative to the
directory of the file that sets them. Every mistake is a ``ConfigError`` naming the key.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
from pathlib import Path, PurePosixPath
from typing import Any

from linter.findings import Severity
from linter.safe_io import is_within

DEDICATED = ".conflict-lint.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("select", "ignore", "severity", "per-path", "exclude", "roots", "today", "max-file-size", "baseline",
        "output-format")
# How the text report shows a finding: with its source lines and a caret (ruff's default), or
# one line each.
VIEWS = ("full", "concise")


class ConfigError(Exception):
    """A settings file that cannot be used; the message names the file and the key."""


class Settings:
    """The settings of one file, or the defaults; ``parse_settings`` fills them in key by key.

    A plain class: a dataclass costs every start of the command the generation of its methods."""

    # what makes two settings equal and what repr shows (not the caches of relative paths)
    FIELDS = ("path", "base", "select", "ignore", "severity", "per_path", "exclude", "roots", "today",
              "max_file_size", "baseline", "output_format")

    def __init__(self, path: Path | None = None, base: Path | None = None):
        self.path = path
        self.base = Path.cwd() if base is None else base
        self.select: tuple[str, ...] | None = None
        self.ignore: tuple[str, ...] = ()
        self.severity: dict[str, Severity] = {}
        self.per_path: dict[str, tuple[str, ...]] = {}
        self.exclude: tuple[str, ...] = ()
        self.roots: tuple[str, ...] = ()
        self.today: datetime.date | None = None
        self.max_file_size: int | None = None
        self.baseline: Path | None = None  # the baseline file lint reads and `baseline` writes
        self.output_format: str | None = None  # the text report's view, one of VIEWS; None: full
        self._real_base: str | None = None
        self._relative: dict = {}  # path -> relative

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.FIELDS)

    __hash__ = None  # type: ignore[assignment]  # changed as it is read, so never a key

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS) + ")"

    def relative(self, path: str | Path) -> str:
        """A file's path relative to the settings' directory, in POSIX form, for glob matching."""
        known = self._relative.get(path)
        if known is None:
            known = self._relative[path] = self._relative_uncached(path)
        return known

    def _relative_uncached(self, path: str | Path) -> str:
        resolved = os.path.realpath(path)
        if self._real_base is None:
            self._real_base = os.path.realpath(self.base)
        try:
            relative = os.path.relpath(resolved, self._real_base)
        except ValueError:  # another drive
            return Path(path).as_posix()
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return Path(path).as_posix()
        return Path(relative).as_posix()

    def is_excluded(self, path: str | Path) -> bool:
        return bool(self.exclude) and matches_any(self.relative(path), self.exclude)

    def root_paths(self) -> list[Path]:
        return [self.base / root for root in self.roots]

    def show(self) -> str:
        """The effective settings as the TOML of a ``.conflict-lint.toml``, which reads back as them.

        Written by tomli-w, so any text (a backslash or a quote in a glob) is quoted right.
        """
        import tomli_w  # only this command writes TOML

        table: dict[str, Any] = {}
        unset = []
        if self.select is not None:
            table["select"] = list(self.select)
        else:
            unset.append("select: every rule")
        table["ignore"] = list(self.ignore)
        table["exclude"] = list(self.exclude)
        table["roots"] = list(self.roots)
        if self.today is not None:
            table["today"] = self.today
        else:
            unset.append("today: the system date")
        if self.max_file_size is not None:
            table["max-file-size"] = self.max_file_size
        else:
            unset.append("max-file-size: the default, 5 MiB")
        if self.baseline is not None:
            table["baseline"] = Path(os.path.relpath(self.baseline, self.base)).as_posix()
        else:
            unset.append("baseline: .conflict-lint-baseline.json when it exists")
        if self.output_format is not None:
            table["output-format"] = self.output_format
        else:
            unset.append("output-format: full (the text report shows each finding's source lines)")
        table["severity"] = {rule: severity.label for rule, severity in self.severity.items()}
        table["per-path"] = {glob: list(rules) for glob, rules in self.per_path.items()}
        source = self.path if self.path else "(defaults: no settings file found)"
        header = [f"# settings from {source}",
                  f"# as {DEDICATED}; in {PYPROJECT}, put them under [tool.conflict-lint] and name",
                  "# the tables [tool.conflict-lint.severity] and [tool.conflict-lint.per-path]",
                  *(f"# {note}" for note in unset)]
        return "\n".join(header) + "\n" + tomli_w.dumps(table)


def matches_any(relative: str, globs: tuple[str, ...] | list[str]) -> bool:
    """Whether a POSIX path, or a directory above it, matches a glob (``*`` crosses ``/``)."""
    path = PurePosixPath(relative)
    candidates = [relative] + [p.as_posix() for p in path.parents if p.as_posix() != "."]
    return any(fnmatch.fnmatchcase(c, g.rstrip("/")) for g in globs for c in candidates)


def find_settings_file(start: Path) -> tuple[Path, dict | None] | None:
    """The settings file nearest ``start`` upwards, with its contents when finding it took reading
    them (a pyproject.toml is ours only if it has [tool.conflict-lint]), so they are read once."""
    for directory in (start.resolve(), *start.resolve().parents):
        if (directory / DEDICATED).is_file():
            return directory / DEDICATED, None
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and "conflict-lint" in _text(pyproject):
            document = _read(pyproject)
            if "conflict-lint" in _tool(document):
                return pyproject, document
    return None


def _tool(document: dict) -> dict:
    tool = document.get("tool", {})
    return tool if isinstance(tool, dict) else {}  # `tool = 5` is someone else's mistake, not a table of ours


def _text(path: Path) -> str:
    """The file's text, read with a bound: a planted pyproject.toml may be gigabytes (even sparse)."""
    from linter.limits import MAX_SETTINGS_BYTES
    from linter.safe_io import read_regular

    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ConfigError(f"{path}: over the {MAX_SETTINGS_BYTES:,}-byte limit for a settings file")
        return raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {getattr(error, 'strerror', None) or error}") from None


def _read(path: Path) -> dict:
    import tomllib  # imported here: a run with no settings file needs no TOML reader

    text = _text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply for a settings file") from None


def load_settings(path: Path | None = None, start: Path | None = None) -> Settings:
    """The settings in ``path``, or in the file found from ``start`` upwards, or the defaults."""
    document = None
    if path is None:
        found = find_settings_file(start or Path.cwd())
        if found is None:
            return Settings()
        path, document = found
    elif not path.is_file():
        raise ConfigError(f"{path}: no such settings file")
    table = _read(path) if document is None else document
    # Only a pyproject.toml keeps the settings under [tool.conflict-lint]; any other file named
    # with --config is a dedicated one, keys at the top level (as .conflict-lint.toml).
    if path.name == PYPROJECT:
        table = _tool(table).get("conflict-lint", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: `tool.conflict-lint` must be a table ([tool.conflict-lint]), "
                              f"not {type(table).__name__}")
    return parse_settings(table, path)


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: `{key}` must be a list of strings, not {value!r}")
    return tuple(value)


def _rules(path: Path, key: str, value: Any) -> tuple[str, ...]:
    from linter.rules import UnknownRule, get_rule

    names = _string_list(path, key, value)
    for name in names:
        try:
            get_rule(name)
        except UnknownRule:
            raise ConfigError(f"{path}: `{key}` names unknown rule {name!r}: "
                              "`conflict-lint rules` lists them") from None
    return names


def _table(path: Path, key: str, value: Any) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: `{key}` must be a table, not {value!r}")
    return value


def _today(path: Path, value: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{path}: `today` must be a date such as 2024-05-01, not {value!r}")


def parse_settings(table: dict, path: Path) -> Settings:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key `{unknown[0]}`; the keys are: {', '.join(KEYS)}")
    settings = Settings(path=path, base=path.parent)
    if "select" in table:
        settings.select = _rules(path, "select", table["select"])
        if not settings.select:
            # An empty list would turn every rule off and make every run "clean": never silence.
            raise ConfigError(
                f"{path}: `select` is empty, which would report nothing: name the rules to "
                "run, or remove the key to run every rule"
            )
    if "ignore" in table:
        settings.ignore = _rules(path, "ignore", table["ignore"])
    for rule, label in _table(path, "severity", table.get("severity", {})).items():
        _rules(path, f"severity.{rule}", [rule])
        try:
            settings.severity[rule] = Severity.parse(label) if isinstance(label, str) else Severity.parse("?")
        except ValueError:
            raise ConfigError(f"{path}: `severity.{rule}` must be error, warning or info, not {label!r}") from None
    for glob, rules in _table(path, "per-path", table.get("per-path", {})).items():
        settings.per_path[glob] = _rules(path, f"per-path.{glob}", rules)
    if "exclude" in table:
        settings.exclude = _string_list(path, "exclude", table["exclude"])
    if "roots" in table:
        settings.roots = _string_list(path, "roots", table["roots"])
        project = os.path.realpath(settings.base)
        for root in settings.roots:
            if not (settings.base / root).exists():
                raise ConfigError(f"{path}: `roots` names {root!r}, which does not exist")
            # Settings arrive with the pull request: roots may not send the run around the machine.
            if not is_within(os.path.realpath(settings.base / root), project):
                raise ConfigError(
                    f"{path}: `roots` names {root!r}, which is outside the project "
                    f"({settings.base}): roots must be directories of the project"
                )
    if "today" in table:
        settings.today = _today(path, table["today"])
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise ConfigError(f"{path}: `max-file-size` must be a number of bytes above 0, not {size!r}")
        settings.max_file_size = size
    if "baseline" in table:
        value = table["baseline"]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: `baseline` must be the path of a baseline file, not {value!r}")
        settings.baseline = _shown_path(settings.base / value)
    if "output-format" in table:
        value = table["output-format"]
        if value not in VIEWS:
            raise ConfigError(f"{path}: `output-format` must be one of {', '.join(VIEWS)} (the text report's view), "
                              f"not {value!r}")
        settings.output_format = value
    return settings


def _shown_path(path: Path) -> Path:
    """A path from the settings as the user would write it: relative to here when below here."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
