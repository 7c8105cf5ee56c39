"""Any settings table either parses or raises ConfigError naming a key; never anything else."""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import given, strategies as st

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
