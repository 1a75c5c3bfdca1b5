"""Who may award what, and when: a dated rule table from the awards laws.

Each row says that an office at a level may award a form between two dates.
Rows are data with their source, so a change of law is a new row, and a plan
is judged by the law in force on its own date.
"""

from __future__ import annotations

import datetime

import attrs

from phongtrao.model import REFORM_DATE, AuthorityTitle, AwardForm, Level

__all__ = ["AWARD_RULES", "AwardRule", "rules_for"]


@attrs.frozen(kw_only=True)
class AwardRule:
    """Quy định thẩm quyền — an office at a level may award a form within a window.

    Attributes:
        form: hình thức — the form of award.
        title: chức danh — the office that may award it.
        level: cấp — the level of that office.
        since: từ ngày — first day the rule applies.
        until: đến ngày — last day it applies, or None while in force.
        source: căn cứ — the law that says so.
    """

    form: str
    title: AuthorityTitle
    level: Level
    since: datetime.date
    until: datetime.date | None
    source: str

    def applies_on(self, day: datetime.date) -> bool:
        """Whether the rule is in force on ``day``."""
        return self.since <= day and (self.until is None or day <= self.until)


_LAW_2003 = "Luật Thi đua, Khen thưởng 2003 (sửa đổi 2005, 2013)"
_LAW_2022 = "Luật Thi đua, khen thưởng 2022, Điều 80"
_ND_122 = "Nghị định 122/2018/NĐ-CP"
_BOTH_LAWS = f"{_LAW_2003}; {_LAW_2022}"
_LAW_2003_START = datetime.date(2004, 7, 1)
_LAW_2022_START = datetime.date(2024, 1, 1)
_LAST_DAY_2003 = datetime.date(2023, 12, 31)
_ND_122_START = datetime.date(2018, 11, 1)

_CHAIR = AuthorityTitle.CHU_TICH_UBND


def _row(
    form: str,
    title: AuthorityTitle,
    level: Level,
    since: datetime.date,
    until: datetime.date | None,
    source: str,
) -> AwardRule:
    return AwardRule(form=form, title=title, level=level, since=since, until=until, source=source)


#: The rule table. Forms and periods not covered here are reported as unknown
#: (a warning), never guessed.
AWARD_RULES: tuple[AwardRule, ...] = (
    # Giấy khen: chairs of district and commune UBND.
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.HUYEN, _LAW_2003_START, _LAST_DAY_2003, _LAW_2003),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.XA, _LAW_2003_START, _LAST_DAY_2003, _LAW_2003),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.HUYEN, _LAW_2022_START, REFORM_DATE, _LAW_2022),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.XA, _LAW_2022_START, None, _LAW_2022),
    # Bằng khen: province chair, ministers, the Prime Minister.
    _row(AwardForm.BANG_KHEN, _CHAIR, Level.TINH, _LAW_2003_START, None, _BOTH_LAWS),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.BO_TRUONG, Level.TRUNG_UONG, _LAW_2003_START, None,
         _BOTH_LAWS),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.THU_TUONG, Level.TRUNG_UONG, _LAW_2003_START, None,
         _BOTH_LAWS),
    # Cultural titles.
    _row(AwardForm.GIA_DINH_VAN_HOA, _CHAIR, Level.XA, _ND_122_START, None,
         f"{_ND_122}; {_LAW_2022}"),
    _row(AwardForm.THON_VAN_HOA, _CHAIR, Level.HUYEN, _ND_122_START, REFORM_DATE,
         f"{_ND_122}; {_LAW_2022}"),
)


def rules_for(form: str, day: datetime.date) -> tuple[AwardRule, ...]:
    """The rules in force on ``day`` for the form ``form`` (an id); empty when unknown."""
    return tuple(rule for rule in AWARD_RULES if rule.form == form and rule.applies_on(day))
