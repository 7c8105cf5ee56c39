"""``lint --show-files``: the files a run would check and the settings that apply to each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.report.escape import line_start

if TYPE_CHECKING:
    from linter.checking import Plan


def show_files(plan: Plan) -> str:
    """One line per file checked, with the rules `per-path` turns off in it; then the files
    read only for cross-record rules (`roots`), which are not reported on."""
    lines = []
    for _, display in plan.files:
        ignored = sorted(plan.selection.ignored_in(display))
        lines.append(line_start(display) + (f"  (per-path: not {', '.join(ignored)})" if ignored else ""))
    checked = set(plan.displays)
    seen = [display for _, display in plan.neighbours if display not in checked]
    if seen:
        lines.append(f"# read for cross-record rules only (roots), not reported on: {len(seen)} file"
                     + "s" * (len(seen) != 1))
        lines += [line_start(display) for display in seen]
    from linter.discover import display_path

    settings = plan.settings
    found = settings.path if settings is not None else None
    lines.append(f"# settings: {display_path(found) if found else 'none found, the defaults'}; "
                 f"{len(plan.files)} file{'s' * (len(plan.files) != 1)} to check")
    return "\n".join(lines) + "\n"
