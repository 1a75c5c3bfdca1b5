"""The generated part of docs/legal-sources.md: every row of phongtrao's legal tables.

Who may give which award, and when; the archive line by date; the kinds of
document and their symbols — each with the text it comes from and how far the
row was checked.
"""

from __future__ import annotations

import datetime

from phongtrao._rules.archive_table import ARCHIVE_RULES
from phongtrao._rules.awards_table import AWARD_RULES, FREE_FORMS
from phongtrao._rules.sources import ND_30_2020_KINDS, Source
from phongtrao.model import NATIONAL_WORDING, DocumentKind

__all__ = ["markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _day(day: datetime.date | None, open_end: str) -> str:
    if day is None:
        return open_end
    if day == datetime.date.min:
        return "—"
    return day.strftime("%d/%m/%Y")


def _sources(sources: list[Source]) -> list[str]:
    """Each distinct source once: its text, provision, how it was checked, and the note."""
    lines = ["| source | provision | checked | note |", "|---|---|---|---|"]
    seen: list[Source] = []
    for source in sources:
        if source in seen:
            continue
        seen.append(source)
        lines.append(f"| {_cell(source.text)} | {_cell(source.provision or '—')} | "
                     f"{source.checked.words} | {_cell(source.note)} |")
    return lines


def markdown() -> str:
    """The tables: award rules, recognitions outside the law, archive line, kinds, sources."""
    out = ["## Who may give which award", "",
           "| form | office | level | from | to | source |", "|---|---|---|---|---|---|"]
    for rule in AWARD_RULES:
        out.append(f"| {_cell(NATIONAL_WORDING.get(rule.form, rule.form))} | {rule.title.vi} | "
                   f"{rule.level.vi} | {_day(rule.since, '—')} | {_day(rule.until, 'in force')} "
                   f"| {_cell(rule.source.cite())} |")
    out += ["", "Outside the awards law (no rule applies): "
            + ", ".join(NATIONAL_WORDING.get(form, form) for form in FREE_FORMS) + ".", ""]
    out += ["## The archive line", "", "| from | to | form | source |", "|---|---|---|---|"]
    for archive in ARCHIVE_RULES:
        out.append(f"| {_day(archive.since, '—')} | {_day(archive.until, 'in force')} | "
                   f"{_cell(archive.form)} | {_cell(archive.source.cite())} |")
    out += ["", "## Kinds of document", "", "| kind | symbol |", "|---|---|"]
    for kind in DocumentKind:
        out.append(f"| {kind.vi} | {kind.symbol or '— (none)'} |")
    out += ["", f"Source: {ND_30_2020_KINDS.cite()}.", "", "## The sources", ""]
    sources = [rule.source for rule in AWARD_RULES] + list(FREE_FORMS.values())
    sources += [archive.source for archive in ARCHIVE_RULES] + [ND_30_2020_KINDS]
    out += _sources(sources)
    return "\n".join(out) + "\n"
