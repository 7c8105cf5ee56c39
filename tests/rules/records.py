"""Record templates several rule tests share; positions in the tests depend on their layout."""

from __future__ import annotations

# A record with a start and an end date ({start}, {end}); the dates stand on lines 4 and 5.
DATED = """
id: a
conflict: A
date:
  start: "{start}"
  end: "{end}"
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""

# A record whose first side has one killed figure ({figure}, on line 8, column 15); source g is listed.
KILLED = """
id: a
conflict: A
date: {{start: "1900"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
    casualties:
      killed: {figure}
  - combatants: [Prussia]
sources:
  g: {{publisher: G}}
"""
