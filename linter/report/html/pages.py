"""The site's pages from Jinja templates, every value escaped (file names, values and messages
come from the records, which may come from anyone's pull request)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from linter import __version__
from linter.findings import Finding, Severity

if TYPE_CHECKING:  # the pages' inputs; only the site module builds them
    from linter.report import RunSummary
    from linter.report.html.fixes import FixView
    from linter.report.html.infobox import Figure, InfoboxView
    from linter.report.html.site import FileRow
    from linter.report.html.source import Line, Note
    from linter.rules import Rule

SEVERITIES = tuple(s.label for s in sorted(Severity, reverse=True))
# Shape and word as well as colour, so severity never rests on colour alone.
ICONS = {"error": "✖", "warning": "▲", "info": "●"}
PLURAL = {"error": "Errors", "warning": "Warnings", "info": "Info"}

CHART_ROW, CHART_LABEL, CHART_BAR = 26, 250, 330


# A severity as the pages show it; made once, as it appears on every line of a finding.
BADGES = {label: Markup(f'<span class="sev sev-{label}"><span aria-hidden="true">{icon}</span> {label}</span>')
          for label, icon in ICONS.items()}


def figure_html(figure: Figure, record_number: int) -> Markup:
    """A figure and links to the sources it cites (a Python filter: record pages hold dozens)."""
    text = escape(figure.text)
    if not figure.sources:
        return Markup(f'{text} <span class="unsourced">(no source)</span>')
    cites = ", ".join(f'<a href="#source-{record_number}-{escape(anchor(s))}">{escape(s)}</a>' for s in figure.sources)
    return Markup(f'{text} <span class="cites">[{cites}]</span>')


def anchor(text: str) -> str:
    """An id may hold no white space; source ids come from the record and may."""
    return "_".join(str(text).split()) or "_"


def stylesheet() -> str:
    return resources.files(__package__).joinpath("style.css").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _rule_doc(doc: str) -> str:
    from markdown_it import MarkdownIt

    # Raw HTML in the text is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False}).render(doc)


def rule_doc_html(doc: str) -> str:
    return _rule_doc(doc)


def bar_chart(counts: list[tuple[str, str, int]]) -> dict[str, Any]:
    """Geometry of a horizontal bar chart of (label, link, count), for the SVG template."""
    top = max((count for _, _, count in counts), default=0) or 1
    bars = [{"label": label, "href": href, "count": count, "y": i * CHART_ROW,
             "width": max(2, round(CHART_BAR * count / top))} for i, (label, href, count) in enumerate(counts)]
    return {"bars": bars, "height": max(len(bars), 1) * CHART_ROW, "label_width": CHART_LABEL,
            "width": CHART_LABEL + CHART_BAR + 70, "row": CHART_ROW}


def _visible(value: Any) -> Any:
    """Every value a page shows, with control characters and lone surrogates (from a file name or
    a value) shown as escapes: raw, they are HTML parse errors, or cannot be written at all."""
    if isinstance(value, str):
        from markupsafe import Markup

        from linter.report.escape import visible

        shown = visible(value)
        if shown is not value and shown != value:
            return Markup(shown) if isinstance(value, Markup) else shown
    return value


class Renderer:
    def __init__(self) -> None:
        import jinja2

        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("linter.report.html", "templates"),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True, finalize=_visible)
        self.env.globals.update(version=__version__, severities=SEVERITIES, icons=ICONS, plural=PLURAL,
                                numbered=lambda stem, n: f"{stem}.html" if n == 1 else f"{stem}-{n}.html")
        self.env.filters["thousands"] = lambda n: f"{n:,}"
        self.env.filters["anchor"] = anchor
        self.env.filters["figure"] = figure_html
        self.env.globals["badge"] = BADGES
        self._templates: dict[str, Any] = {}

    def _render(self, name: str, **values: Any) -> str:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        return template.render(**values)

    def overview(self, *, run: RunSummary, records: int, rows: Sequence[FileRow], settings: Sequence[tuple[str, str]],
                 rules: Mapping[str, Rule], top: Sequence[FileRow],
                 directories: Sequence[tuple[str, int, int, dict[str, int]]], top_directories: int) -> str:
        by_rule = sorted(run.by_rule().items(), key=lambda item: (-item[1], item[0]))
        by_code = {rule.slug: rule for rule in rules.values()}
        chart = bar_chart([(f"{by_code[slug].code} {slug}" if slug in by_code else slug,
                            f"rules/{slug}.html" if slug in by_code else "", count) for slug, count in by_rule])
        return self._render("overview.html", root="", title="Overview", run=run, records=records,
                            files=len(rows), by_severity=run.by_severity(), chart=chart, by_rule=by_rule,
                            by_code=by_code, top=top, directories=directories, settings=settings,
                            top_directories=top_directories,
                            clean=sum(1 for r in rows if not r.total))

    def record_page(self, *, row: FileRow, findings: Sequence[Finding], lines: Sequence[Markup | Line],
                    past_end: Sequence[Note], infoboxes: Sequence[tuple[InfoboxView, Any]],
                    page_of: Callable[[str], str], fixes: Mapping[int, FixView] | None = None) -> str:
        fixes = fixes or {}
        fixable = {kind: sum(1 for v in fixes.values() if v.applicability in kinds)
                   for kind, kinds in (("safe", ("safe",)), ("all", ("safe", "unsafe")))}
        return self._render("record.html", root="../", title=row.title or row.path, row=row, findings=findings,
                            lines=lines, past_end=past_end, infoboxes=infoboxes, page_of=page_of,
                            fixes=fixes, fixable=fixable)

    def rule_page(self, *, rule: Rule, findings: Sequence[Finding], total: int, number: int, pages: int, first: int,
                  page_of: Callable[[str], str]) -> str:
        return self._render("rule.html", root="../", title=f"{rule.code} {rule.slug}", rule=rule,
                            doc=rule_doc_html(rule.doc), findings=findings, total=total, number=number,
                            pages=pages, first=first, page_of=page_of)

    def rules_index(self, *, rules: Sequence[Rule], counts: Mapping[str, int]) -> str:
        return self._render("rules.html", root="", title="Rules", rules=rules, counts=counts)

    def records_list(self, *, rows: Sequence[FileRow], number: int, pages: int, total: int, first: int) -> str:
        return self._render("records.html", root="", title="Records", rows=rows, number=number, pages=pages,
                            total=total, first=first)
