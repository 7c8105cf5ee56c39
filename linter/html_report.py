"""Glue between a lint run and the HTML site: the files read again for their pages
(``linter.sources``), the settings the run used, then ``linter.report.html.write_site``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from linter import __version__
from linter.report import RunSummary

if TYPE_CHECKING:
    from linter.config import Settings


def describe_settings(settings: Settings, today: datetime.date | None, max_file_size: int,
                      options: dict) -> list[tuple[str, str]]:
    """What the overview lists under 'Settings of the run', in words. Nothing here depends on
    the machine (no absolute paths, no clock unless the date was left to the system)."""
    chosen_select = options.get("select") or settings.select
    per_path = "; ".join(f"{glob}: {', '.join(rules)}" for glob, rules in sorted(settings.per_path.items()))
    rows = [
        ("conflict-lint", __version__),
        ("today", today.isoformat() if today else f"{datetime.date.today().isoformat()} (the system date; "
                                                  "set --today for a report that is the same every day)"),
        ("settings file", Path(settings.path).name if settings.path else "none found"),
        ("select", ", ".join(chosen_select) if chosen_select else "every rule"),
        ("ignore", ", ".join(sorted(set(settings.ignore) | set(options.get("ignore") or ()))) or "none"),
        ("severity overrides", ", ".join(f"{k}: {v.label}" for k, v in sorted(settings.severity.items())) or "none"),
        ("per-path ignores", per_path or "none"),
        ("exclude", ", ".join(settings.exclude) or "none"),
        ("roots", ", ".join(settings.roots) or "none"),
        ("baseline", options.get("baseline") or "none"),
        ("fail-on", options.get("fail-on") or "error"),
        ("max-file-size", f"{max_file_size:,} bytes"),
    ]
    return rows


def write_html(out_dir: str, run: RunSummary, given: list[tuple[Path, str]], settings: Settings, *,
               today: datetime.date | None, max_file_size: int, options: dict, jobs: int | None = None) -> None:
    """Write the site of ``run`` into ``out_dir``; raises OSError when it cannot be written."""
    from linter.discover import discover, display_path
    from linter.report.html import write_site
    from linter.sources import RunFiles

    neighbours = [(p, display_path(p)) for p in discover([str(r) for r in settings.root_paths()]).files]
    from linter.runner import default_jobs

    jobs = jobs or default_jobs()
    sources = RunFiles(given, max_file_size, neighbours=neighbours, jobs=jobs)
    write_site(run, Path(out_dir), sources, describe_settings(settings, today, max_file_size, options), jobs=jobs)
