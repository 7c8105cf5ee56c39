"""Wiki markup the free-text readers step over, and the numbered side parameters of an infobox.

One home for each pattern, so that the readers of results, figures and party labels agree on
what is markup and what is text.
"""

from __future__ import annotations

import re

# Citations, templates and HTML comments: markup, never the text a reader sees.
REFERENCE = r"<ref[^>]*/>|<ref[^>]*>.*?</ref>"
NOT_TEXT = rf"{REFERENCE}|\{{\{{.*?\}}\}}|<!--.*?-->"
# Compile NOT_TEXT (and patterns built on it) with these: a citation runs over lines.
FLAGS = re.DOTALL | re.IGNORECASE
# "[[Target|label]]" or "[[Target]]": group 1 is the text shown.
LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
# A numbered parameter of one side of the infobox ("combatant2", "casualties1"): group 1 names
# the field, group 2 the side.
# Side numbers of up to three digits: "combatant<5000 digits>" is no side (and no int() takes it),
# just an unknown parameter.
SIDE_PARAMETER = r"(combatant|commander|units|strength|casualties)(\d{1,3})"
