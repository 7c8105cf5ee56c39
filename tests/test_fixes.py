"""Every fix, as a file before and after `lint --fix` in each format it applies to, and the
safety of the fix run: --diff writes nothing, results that would not parse are refused,
links out of the tree are not followed, permissions, byte-order marks and line ends survive."""

from __future__ import annotations

import json
import os
import stat
import textwrap

import jsonschema
import pytest
from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import FIXTURES, SPECS

CASES = {
    # (rule, suffix, unsafe): (before, after)
    "implicit-type.yaml": ("implicit-type", ".yaml", False, """\
        id: oslo-raid
        place: {name: Oslo, country: NO}  # Norway, not false
        date:
          start: 1940-04-09
        note: [yes, 1:30]
        """, """\
        id: oslo-raid
        place: {name: Oslo, country: "NO"}  # Norway, not false
        date:
          start: "1940-04-09"
        note: ["yes", "1:30"]
        """),
    "duplicate-key.yaml": ("duplicate-key", ".yaml", False, """\
        result:
          text: Danish victory
          text: Danish victory  # pasted twice
        place: {name: Kessel Ford, name: Kessel Ford}
        conflict: Skirmish at Kessel Ford
        conflict: Battle of Kessel Ford
        """, """\
        result:
          text: Danish victory
        place: {name: Kessel Ford}
        conflict: Skirmish at Kessel Ford
        conflict: Battle of Kessel Ford
        """),
    "duplicate-key-last-differs.yaml": ("duplicate-key", ".yaml", False, """\
        conflict: Skirmish at Kessel Ford
        conflict: Battle of Kessel Ford
        conflict: Skirmish at Kessel Ford
        """, """\
        conflict: Skirmish at Kessel Ford
        conflict: Battle of Kessel Ford
        conflict: Skirmish at Kessel Ford
        """),
    "duplicate-key.json": ("duplicate-key", ".json", False, """\
        {"id": "kessel-ford",
         "conflict": "Skirmish at Kessel Ford",
         "conflict": "Skirmish at Kessel Ford",
         "place": {"name": "Kessel Ford", "name": "Kessel Ford"},
         "result": {"text": "Danish victory", "text": "Prussian victory"},
         "sides": [{"combatants": ["Denmark"]}, {"combatants": ["Denmark"]}],
         "sides": [{"combatants": ["Denmark"]}, {"combatants": ["Denmark"]}]}
        """, """\
        {"id": "kessel-ford",
         "conflict": "Skirmish at Kessel Ford",
         "place": {"name": "Kessel Ford"},
         "result": {"text": "Danish victory", "text": "Prussian victory"},
         "sides": [{"combatants": ["Denmark"]}, {"combatants": ["Denmark"]}],
         "sides": [{"combatants": ["Denmark"]}, {"combatants": ["Denmark"]}]}
        """),
    "duplicate-key.wiki": ("duplicate-key", ".wiki", False, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 June 1866
        | date     = 3 June 1866
        | result   = Danish victory
        | result   = Prussian victory
        | place    = Kessel Ford | place = Kessel Ford}}
        """, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 June 1866
        | result   = Danish victory
        | result   = Prussian victory
        | place    = Kessel Ford }}
        """),
    "duplicate-key.txt": ("duplicate-key", ".txt", False, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: June 3, 1866
        - Result: Danish victory
        - Date: June 3, 1866
        - Result: Prussian victory
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: June 3, 1866
        - Result: Danish victory
        - Result: Prussian victory
        """),
    "date-malformed.txt": ("date-malformed", ".txt", True, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: Jnue 3, 1866
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: June 3, 1866
        """),
    "date-malformed.wiki": ("date-malformed", ".wiki", True, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 Jnue 1866 \u2013 5 AGUST 1866
        }}
        """, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 June 1866 \u2013 5 AUGUST 1866
        }}
        """),
    # 'Jule' is as close to June as to July: which one was meant is not for a fix to guess
    "date-malformed-two-months-close.wiki": ("date-malformed", ".wiki", True, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 Jule 1866
        }}
        """, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | date     = 3 Jule 1866
        }}
        """),
    "range-dash.yaml": ("range-dash", ".yaml", False, """\
        date: {start: "1866", text: "3-5 June 1866"}  # a span of days
        sides:
          - combatants: [Denmark]
            casualties:
              killed: {min: 9, max: 12, text: 9 - 12 killed}
              wounded: {text: "300\u2014400 wounded"}
              missing: {text: ISBN 3-85498-029-9}
        """, """\
        date: {start: "1866", text: "3\u20135 June 1866"}  # a span of days
        sides:
          - combatants: [Denmark]
            casualties:
              killed: {min: 9, max: 12, text: 9 \u2013 12 killed}
              wounded: {text: "300\u2013400 wounded"}
              missing: {text: ISBN 3-85498-029-9}
        """),
    "range-dash.json": ("range-dash", ".json", False, """\
        {"date": {"start": "1939", "text": "1939-45"},
         "sides": [{"combatants": ["Denmark"], "casualties": {"killed": {"text": "9-12 killed"}}}]}
        """, """\
        {"date": {"start": "1939", "text": "1939\u201345"},
         "sides": [{"combatants": ["Denmark"], "casualties": {"killed": {"text": "9\u201312 killed"}}}]}
        """),
    "range-dash.txt": ("range-dash", ".txt", False, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: June 3-5, 1866
        - Casualties1: 9-12 killed, 30\u201340 wounded
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Date: June 3\u20135, 1866
        - Casualties1: 9\u201312 killed, 30\u201340 wounded
        """),
    "range-dash.wiki": ("range-dash", ".wiki", False, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | date        = 3 June 1866 - 5 July 1866
        | casualties1 = 9-12 killed<ref>Holm, pp. 12-19</ref>
        }}
        """, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | date        = 3 June 1866 \u2013 5 July 1866
        | casualties1 = 9\u201312 killed<ref>Holm, pp. 12-19</ref>
        }}
        """),
    "unused-suppression.yaml": (None, ".yaml", False, """\
        id: kessel-ford  # conflict-lint: disable=figure-negative
        # conflict-lint: disable-next-line=date-order
        conflict: Skirmish at Kessel Ford  # conflict-lint: disable=no-such-rule,figure-negative
        place: {name: Oslo, country: NO}  # conflict-lint: disable=figure-negative, implicit-type
        """, """\
        id: kessel-ford
        conflict: Skirmish at Kessel Ford
        place: {name: Oslo, country: NO}  # conflict-lint: disable=implicit-type
        """),
    "placeholder-value.yaml": ("placeholder-value", ".yaml", True, """\
        sides:
          - combatants: [Denmark, None]
            casualties:
              killed: {count: 4}
              wounded: {count: 11}
              other:
                - text: None
          - combatants: [Prussia]
        """, """\
        sides:
          - combatants: [Denmark]
            casualties:
              killed: {count: 4}
              wounded: {count: 11}
          - combatants: [Prussia]
        """),
    "placeholder-value.json": ("placeholder-value", ".json", True, """\
        {"sides": [{"combatants": ["Denmark", "None"],
                    "casualties": {"killed": {"count": 4}, "wounded": {"count": 11},
                                   "other": [{"text": "None"}]}},
                   {"combatants": ["Prussia"],
                    "casualties": {"killed": {"count": 30}, "other": [{"text": "3 missing"},
                                                                     {"text": "N/A"}]}}]}
        """, """\
        {"sides": [{"combatants": ["Denmark"],
                    "casualties": {"killed": {"count": 4}, "wounded": {"count": 11}}},
                   {"combatants": ["Prussia"],
                    "casualties": {"killed": {"count": 30}, "other": [{"text": "3 missing"}]}}]}
        """),
    "placeholder-value.txt": ("placeholder-value", ".txt", True, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Casualties1: 4 killed, 11 wounded, N/A
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Casualties1: 4 killed, 11 wounded
        """),
    "placeholder-value.wiki": ("placeholder-value", ".wiki", True, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | casualties1 = 4 killed<br>11 wounded<br>None
        }}
        """, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | casualties1 = 4 killed<br>11 wounded
        }}
        """),
    "result-unlisted-party.yaml": ("result-unlisted-party", ".yaml", True, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants:
              - Denmark  # the Royal Danish Army
            units: [Royal Danish Army]
          - combatants: [Prussia]
        """, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants:
              - Denmark  # the Royal Danish Army
            units: [Royal Danish Army]
          - combatants: [Prussia]
        """),
    "result-unlisted-party-flow.yaml": ("result-unlisted-party", ".yaml", True, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants: [Royal Danish Army]
          - combatants: [Prussia]
        """, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants: [Royal Danish Army, United Kingdom]
          - combatants: [Prussia]
        """),
    "result-unlisted-party-block.yaml": ("result-unlisted-party", ".yaml", True, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants:
              - Royal Danish Army
          - combatants: [Prussia]
        """, """\
        result: {text: Anglo-Danish victory}
        sides:
          - combatants:
              - Royal Danish Army
              - United Kingdom
          - combatants: [Prussia]
        """),
    "result-unlisted-party.json": ("result-unlisted-party", ".json", True, """\
        {"result": {"text": "Anglo-Danish victory"},
         "sides": [{"combatants": ["Royal Danish Army"]}, {"combatants": ["Prussia"]}]}
        """, """\
        {"result": {"text": "Anglo-Danish victory"},
         "sides": [{"combatants": ["Royal Danish Army", "United Kingdom"]}, {"combatants": ["Prussia"]}]}
        """),
    "result-unlisted-party.txt": ("result-unlisted-party", ".txt", True, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Result: Anglo-Danish victory
        - Combatant1: Royal Danish Army
        - Combatant2: Prussia
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Result: Anglo-Danish victory
        - Combatant1: Royal Danish Army, United Kingdom
        - Combatant2: Prussia
        """),
    "result-unlisted-party.wiki": ("result-unlisted-party", ".wiki", True, """\
        {{Infobox military conflict
        | conflict   = Skirmish at Kessel Ford
        | result     = Anglo-Danish victory
        | combatant1 = [[Denmark]]
        | combatant2 = [[Prussia]]
        }}
        """, """\
        {{Infobox military conflict
        | conflict   = Skirmish at Kessel Ford
        | result     = Anglo-Danish victory
        | combatant1 = [[Denmark]]<br />[[United Kingdom]]
        | combatant2 = [[Prussia]]
        }}
        """),
    "result-unlisted-party-two-outcomes.wiki": ("result-unlisted-party", ".wiki", True, """\
        {{Infobox military conflict
        | conflict   = Skirmish at Kessel Ford
        | result     = Tactical Prussian victory, Strategic Danish victory
        | combatant1 = [[Kingdom of Prussia|Prussia]]
        | combatant2 = [[Austria]]
        }}
        """, """\
        {{Infobox military conflict
        | conflict   = Skirmish at Kessel Ford
        | result     = Tactical Prussian victory, Strategic Danish victory
        | combatant1 = [[Kingdom of Prussia|Prussia]]
        | combatant2 = [[Austria]]
        }}
        """),
    "unknown-parameter-not-a-misspelling.wiki": ("unknown-parameter", ".wiki", True, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | altitude = 12 m
        }}
        """, """\
        {{Infobox military conflict
        | conflict = Skirmish at Kessel Ford
        | altitude = 12 m
        }}
        """),
    "unknown-field.yaml": ("unknown-field", ".yaml", True, """\
        id: kessel-ford
        reslt: {text: Danish victory}
        sides:
          - combatants: [Denmark]
            "casualites": {killed: {count: 4}}
          - combatants: [Prussia]
        """, """\
        id: kessel-ford
        result: {text: Danish victory}
        sides:
          - combatants: [Denmark]
            "casualties": {killed: {count: 4}}
          - combatants: [Prussia]
        """),
    "unknown-field.json": ("unknown-field", ".json", True, """\
        {"id": "kessel-ford", "reslt": {"text": "Danish victory"}}
        """, """\
        {"id": "kessel-ford", "result": {"text": "Danish victory"}}
        """),
    "unknown-parameter.wiki": ("unknown-parameter", ".wiki", True, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | reslt       = Danish victory
        | casualites2 = 30+ killed
        | comander1   = Jens Holm
        }}
        """, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | result       = Danish victory
        | casualties2 = 30+ killed
        | commander1   = Jens Holm
        }}
        """),
    "unknown-parameter.txt": ("unknown-parameter", ".txt", True, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Reslt: Danish victory
        - Casualites2: 30+ killed
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Result: Danish victory
        - Casualties2: 30+ killed
        """),
    "range-inverted.yaml": ("range-inverted", ".yaml", True, """\
        sides:
          - combatants: [Denmark]
            casualties:
              killed: {min: 12, max: 9}
              wounded: {text: 30-20 wounded}
          - combatants: [Prussia]
        """, """\
        sides:
          - combatants: [Denmark]
            casualties:
              killed: {min: 9, max: 12}
              wounded: {text: 20-30 wounded}
          - combatants: [Prussia]
        """),
    "range-inverted.json": ("range-inverted", ".json", True, """\
        {"sides": [{"combatants": ["Denmark"], "casualties": {"killed": {"min": 12, "max": 9}}},
                   {"combatants": ["Prussia"]}]}
        """, """\
        {"sides": [{"combatants": ["Denmark"], "casualties": {"killed": {"min": 9, "max": 12}}},
                   {"combatants": ["Prussia"]}]}
        """),
    "range-inverted.txt": ("range-inverted", ".txt", True, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Casualties2: 30-18 killed
        """, """\
        Infobox
        - Conflict: Skirmish at Kessel Ford
        - Casualties2: 18-30 killed
        """),
    "range-inverted.wiki": ("range-inverted", ".wiki", True, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | casualties2 = 30\u201318 killed
        }}
        """, """\
        {{Infobox military conflict
        | conflict    = Skirmish at Kessel Ford
        | casualties2 = 18\u201330 killed
        }}
        """),
}


def _lint(*arguments: str):
    return CliRunner().invoke(cli, ["lint", "--no-cache", *arguments], env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"})


@pytest.mark.parametrize("name", sorted(CASES))
def test_fix_gives_the_exact_file(name, tmp_path, monkeypatch):
    rule, suffix, unsafe, before, after = CASES[name]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / f"record{suffix}"
    path.write_text(textwrap.dedent(before), encoding="utf-8")
    # the suppression case runs every rule: a suppression of a rule not selected is not judged
    only = ["--select", rule] if rule else []
    result = _lint("--fix", *only, *(["--unsafe-fixes"] if unsafe else []), "--", path.name)
    assert result.exit_code in (0, 1), result.output
    assert path.read_text(encoding="utf-8") == textwrap.dedent(after)
    if unsafe and before != after:  # an unsafe fix waits for --unsafe-fixes
        path.write_text(textwrap.dedent(before), encoding="utf-8")
        _lint("--fix", *only, "--", path.name)
        assert path.read_text(encoding="utf-8") == textwrap.dedent(before)


def test_the_seed_like_document_is_left_with_what_no_fix_can_prove(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = FIXTURES / "fix" / "skirmish-at-kessel-ford.txt"
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    result = _lint("--fix", "--unsafe-fixes", "--format", "json", "--", path.name)
    assert path.read_text("utf-8") == (FIXTURES / "fix" / "skirmish-at-kessel-ford.fixed.txt").read_text("utf-8")
    report = json.loads(result.output)
    assert report["summary"]["fixed"] == 2
    # what is left needs a person: sources for the figures; the parent campaign is not a record here
    assert {f["rule"] for f in report["findings"]} == {"figure-unsourced"}


def test_diff_prints_the_change_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "record.yaml"
    path.write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    result = _lint("--diff", "--", "record.yaml")
    assert result.exit_code == 1
    assert result.stdout == textwrap.dedent("""\
        --- a/record.yaml
        +++ b/record.yaml
        @@ -1,2 +1,2 @@
         id: oslo-raid
        -place: {name: Oslo, country: NO}
        +place: {name: Oslo, country: "NO"}
        """)
    assert "Would fix 1 finding in 1 file." in result.stderr
    assert path.read_text(encoding="utf-8") == "id: oslo-raid\nplace: {name: Oslo, country: NO}\n"
    path.write_text('id: oslo-raid\nplace: {name: Oslo, country: "NO"}\n', encoding="utf-8")
    assert _lint("--diff", "--", "record.yaml").exit_code == 0


def test_fix_only_reports_nothing_else_and_exits_0(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "record.yaml"
    path.write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    result = _lint("--fix-only", "--", "record.yaml")
    assert (result.exit_code, result.stdout) == (0, "Fixed 1 finding in 1 file.\n")


def test_text_output_marks_fixable_findings_and_counts_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "record.yaml").write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    lines = _lint("--select", "implicit-type", "--", "record.yaml").output.splitlines()
    assert lines[0].startswith("record.yaml:2:30: CL004 [*] [implicit-type] ")
    assert lines[-2] == "[*] 1 fixable with `--fix`, 1 with `--fix --unsafe-fixes`."
    lines = _lint("--fix", "--", "record.yaml").output.splitlines()
    assert "Fixed 1 finding." in lines


def test_json_carries_the_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "record.yaml").write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    report = json.loads(_lint("--format", "json", "--select", "implicit-type", "--", "record.yaml").output)
    assert report["findings"][0]["fix"] == {
        "applicability": "safe", "message": "quote 'NO' as \"NO\"",
        "edits": [{"line": 2, "column": 30, "end_line": 2, "end_column": 32, "content": '"NO"'}]}
    assert report["summary"]["fixable"] == {"safe": 1, "unsafe": 0}


def test_sarif_fixes_validate_against_the_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "record.yaml").write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    log = json.loads(_lint("--format", "sarif", "--", "record.yaml").output)
    fixes = [r["fixes"] for r in log["runs"][0]["results"] if "fixes" in r]
    assert fixes and fixes[0][0]["artifactChanges"][0]["replacements"][0] == {
        "deletedRegion": {"startLine": 2, "startColumn": 30, "endLine": 2, "endColumn": 32},
        "insertedContent": {"text": '"NO"'}}
    schema = json.loads((SPECS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(log)] == []


def test_rules_and_explain_say_which_rules_fix():
    listing = json.loads(CliRunner().invoke(cli, ["rules", "--format", "json"]).output)
    fixes = {rule["rule"]: rule["fix"] for rule in listing}
    assert fixes["implicit-type"] == "safe" and fixes["placeholder-value"] == "unsafe"
    assert fixes["figure-unsourced"] is None
    explained = CliRunner().invoke(cli, ["explain", "implicit-type"]).output
    assert "fix: safe" in explained.splitlines()[0] and "## Fix" in explained


def test_byte_order_mark_line_ends_and_permissions_survive(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "record.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: oslo-raid\r\nplace: {name: Oslo, country: NO}\r\n")
    os.chmod(path, 0o640)
    _lint("--fix", "--", "record.yaml")
    assert path.read_bytes() == b'\xef\xbb\xbfid: oslo-raid\r\nplace: {name: Oslo, country: "NO"}\r\n'
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["record.yaml"]  # no temporary file left behind


def test_an_unchanged_file_is_not_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "record.yaml"
    path.write_text("id: oslo-raid\n", encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    _lint("--fix", "--", "record.yaml")
    assert os.stat(path).st_mtime == 1_000_000


def test_a_link_out_of_the_tree_is_not_followed(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    target = outside / "record.yaml"
    target.write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}\n", encoding="utf-8")
    (tree / "record.yaml").symlink_to(target)
    monkeypatch.chdir(tree)
    result = _lint("--fix", "--", "record.yaml")
    assert "not fixed: it is a symbolic link to a file outside" in result.stderr
    assert target.read_text(encoding="utf-8") == "id: oslo-raid\nplace: {name: Oslo, country: NO}\n"


@pytest.fixture
def faulty_quote(monkeypatch):
    """implicit-type's fix replaced by a faulty one that leaves an unclosed quote."""
    from linter.edits import SAFE, Edit, Fix
    from linter.findings import Span
    from linter.rules import _index, all_rules, implicit_type

    def breaking(doc, finding):
        at = Span(finding.span.line, finding.span.column, finding.span.line, finding.span.column)
        return Fix(SAFE, "break it", (Edit(at, '"'),))

    monkeypatch.setattr(implicit_type, "repair", breaking)
    all_rules.cache_clear()
    _index.cache_clear()
    yield
    monkeypatch.undo()
    all_rules.cache_clear()
    _index.cache_clear()


def test_a_fix_that_would_break_the_file_is_refused(tmp_path, monkeypatch, faulty_quote):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "record.yaml"
    before = "id: oslo-raid\nplace: {name: Oslo, country: NO}\n"
    path.write_text(before, encoding="utf-8")
    result = _lint("--fix", "--", "record.yaml")
    assert "record.yaml: not fixed: fixing it would leave a file that no longer parses" in result.stderr
    assert path.read_text(encoding="utf-8") == before
