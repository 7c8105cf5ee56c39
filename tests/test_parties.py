"""The party matcher: word boundaries, longest match, demonyms, combining forms, organisations."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from linter import parties


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.party, m.kind) for m in parties.mentions(text)]


def test_niger_never_matches_inside_nigeria():
    assert found("Nigeria and Niger") == [("Nigeria", "nigeria", "name"), ("Niger", "niger", "name")]
    assert found("Nigerian, Nigerien") == [("Nigerian", "nigeria", "adjective"), ("Nigerien", "niger", "adjective")]


def test_combining_forms_and_compounds():
    assert found("Franco-Nigerien victory") == [("Franco-", "france", "combining"), ("Nigerien", "niger", "adjective")]
    assert found("Austro-Hungarian victory") == [("Austro-Hungarian", "austria-hungary", "adjective")]
    assert found("Czechoslovak victory") == [("Czechoslovak", "czechoslovakia", "adjective")]


def test_longest_phrase_wins():
    assert found("Islamic State in the Greater Sahara") == [
        ("Islamic State in the Greater Sahara", "islamic-state-in-the-greater-sahara", "name")]
    assert found("Dominican Republic") == [("Dominican Republic", "dominican-republic", "name")]
    assert found("North Vietnamese victory") == [("North Vietnamese", "north-vietnam", "adjective")]


def test_historical_states_and_coalitions():
    assert found("Soviet, Ottoman and Carthaginian") == [
        ("Soviet", "soviet-union", "adjective"), ("Ottoman", "ottoman-empire", "adjective"),
        ("Carthaginian", "carthage", "adjective")]
    assert [m.kind for m in parties.mentions("Allied victory")] == ["coalition"]


def test_shared_demonym_names_every_state():
    assert parties.mentions("Dominican victory")[0].parties == {"dominica", "dominican-republic"}


def test_lower_case_words_are_not_names():
    assert found("a turkey and a chad") == []


def test_identity_of_organs_and_factions():
    assert parties.identity("National Guard of Niger") == {"niger"}
    assert parties.identity("French Army") == {"france"}
    assert parties.identity("Royal Navy") == {"united-kingdom"}
    assert parties.identity("Syrian opposition") == {"syrian-opposition"}
    assert parties.identity("Kurdish militias") == {"kurdish militias"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_mentions_are_ordered_in_range_and_disjoint(text):
    end = 0
    for mention in parties.mentions(text):
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.surface
        end = mention.end


def test_the_longest_party_name_is_matched_whole():
    """Phrases are tried up to the longest alias the tables hold (12 words here), not a fixed 9."""
    text = "Hong Kong Special Administrative Region of the People's Republic of China"
    assert [(m.party, m.surface) for m in parties.mentions(text)] == [("hong-kong", text)]


def test_the_committed_party_table_is_built_from_the_current_sources(tmp_path):
    """party_table.json is derived from countries.json and party_overlay.json: an edit of either
    without `python scripts/build_party_table.py` would leave the matcher reading stale aliases."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "build_party_table.py"), "--check"],
                          cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_table_check_fails_on_a_stale_table(tmp_path):
    root = Path(__file__).resolve().parent.parent
    copy = tmp_path / "repo"
    shutil.copytree(root / "linter", copy / "linter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "scripts", copy / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    overlay = copy / "linter" / "data" / "party_overlay.json"
    data = json.loads(overlay.read_text(encoding="utf-8"))
    data["coalitions"].append("Grand Alliance of the Test")
    overlay.write_text(json.dumps(data), encoding="utf-8")
    script = copy / "scripts" / "build_party_table.py"
    stale = subprocess.run([sys.executable, str(script), "--check"], cwd=copy, capture_output=True, text=True,
                           check=False)
    assert stale.returncode == 1
    assert "linter/data/party_table.json is out of date: run python scripts/build_party_table.py" in stale.stderr
    subprocess.run([sys.executable, str(script)], cwd=copy, capture_output=True, check=True)
    table = json.loads((copy / "linter" / "data" / "party_table.json").read_text(encoding="utf-8"))
    assert table["aliases"]["grand alliance of the test"] == "grand alliance of the test|coalition|0"
