"""Any settings table either parses or raises ConfigError naming a key; never anything else."""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from linter.config import KEYS, ConfigError, parse_settings

values = st.one_of(st.integers(), st.booleans(), st.text(max_size=12), st.dates(),
                   st.lists(st.sampled_from(["date-order", "CL302", "nope", "records", "*.yaml", ""]), max_size=3),
                   st.dictionaries(st.sampled_from(["date-order", "x/*", "CL101"]),
                                   st.one_of(st.sampled_from(["error", "info", "loud"]), st.lists(st.just("CL203")))))


@given(st.dictionaries(st.sampled_from(KEYS + ("colour",)), values, max_size=4))
def test_settings_parse_or_name_the_key(table):
    try:
        settings = parse_settings(table, Path("pyproject.toml"))
    except ConfigError as error:
        assert "pyproject.toml: " in str(error) and "`" in str(error)
    else:
        assert settings.today is None or isinstance(settings.today, datetime.date)


rule_names = st.sampled_from(["date-order", "CL302", "result-nonstandard", "CL101", "duplicate-record"])
# Texts that once broke the hand-written TOML: backslashes, quotes, newlines, non-ASCII.
globs = st.text(st.sampled_from('ab*/.\\"\'\n\t#[]= é'), min_size=1, max_size=10).filter(str.strip)


@st.composite
def _settings_tables(draw):
    from linter.findings import Severity

    table: dict = {}
    if draw(st.booleans()):
        table["select"] = draw(st.lists(rule_names, min_size=1, max_size=3))  # an empty select is an error
    table["ignore"] = draw(st.lists(rule_names, max_size=3))
    table["exclude"] = draw(st.lists(globs, max_size=3))
    table["severity"] = draw(st.dictionaries(rule_names, st.sampled_from([s.label for s in Severity]), max_size=3))
    table["per-path"] = draw(st.dictionaries(globs, st.lists(rule_names, max_size=2), max_size=3))
    if draw(st.booleans()):
        table["today"] = draw(st.dates())
    if draw(st.booleans()):
        table["max-file-size"] = draw(st.integers(1, 2**40))
    return table


@given(_settings_tables())
def test_config_show_reads_back_as_the_same_settings(table):
    import tomllib

    path = Path(".conflict-lint.toml")
    settings = parse_settings(table, path)
    shown = settings.show()
    assert parse_settings(tomllib.loads(shown), path) == settings
    # and the same under [tool.conflict-lint] in a pyproject.toml, as the header says
    pyproject = "[tool.conflict-lint]\n" + (shown.replace("\n[severity]\n", "\n[tool.conflict-lint.severity]\n")
                                            .replace("\n[per-path]\n", "\n[tool.conflict-lint.per-path]\n"))
    assert parse_settings(tomllib.loads(pyproject)["tool"]["conflict-lint"], path) == settings
