"""The archive line that ends Nơi nhận, by the regulation in force on the plan's date.

Nghị định 30/2020/NĐ-CP (from 5/3/2020) writes it "Lưu: VT, <drafting unit>";
before it, Thông tư 01/2011/TT-BNV and the practice of its time wrote "Lưu: VT"
or "Lưu: Văn thư". A plan is judged by the form of its own date, so a 2011
document ending "Lưu: Văn thư, KGVX" is right, and a 2025 one is not.
"""

from __future__ import annotations

import datetime
import re

import attrs

from phongtrao._rules.sources import ND_30_2020, TT_01_2011, Source

__all__ = ["ARCHIVE_RULES", "ArchiveRule", "archive_rule"]


@attrs.frozen(kw_only=True)
class ArchiveRule:
    """Dòng lưu — how the archive line is written within a window of dates.

    Attributes:
        since: từ ngày — first day the form applies.
        until: đến ngày — last day, or None while in force.
        line: what a last recipient line must begin with (a pattern).
        loose: the same line with its spacing slips allowed ("Lưu:VT").
        form: the form, as messages show it.
        source: căn cứ — the text that says so.
    """

    since: datetime.date
    until: datetime.date | None
    line: re.Pattern[str]
    loose: re.Pattern[str]
    form: str
    source: Source

    def applies_on(self, day: datetime.date) -> bool:
        """Whether the form is the one of ``day``."""
        return self.since <= day and (self.until is None or day <= self.until)


_ND_30_START = datetime.date(2020, 3, 5)

#: The forms, oldest first; the last applies to every date after the others.
ARCHIVE_RULES: tuple[ArchiveRule, ...] = (
    ArchiveRule(
        since=datetime.date.min, until=_ND_30_START - datetime.timedelta(days=1),
        line=re.compile(r"Lưu: (VT|Văn thư)\b"), loose=re.compile(r"Lưu\s*:\s*(VT|Văn thư)\b"),
        form="'Lưu: VT' or 'Lưu: Văn thư', then the drafting unit", source=TT_01_2011),
    ArchiveRule(
        since=_ND_30_START, until=None,
        line=re.compile(r"Lưu: VT\b"), loose=re.compile(r"Lưu\s*:\s*VT\b"),
        form="'Lưu: VT', then the drafting unit ('Lưu: VT, VHTT')", source=ND_30_2020),
)


def archive_rule(day: datetime.date) -> ArchiveRule:
    """The form of the archive line on ``day``."""
    return next(rule for rule in ARCHIVE_RULES if rule.applies_on(day))
