"""Who may award what, and when: a dated rule table from the awards laws.

Each row says that an office at a level may award a form between two dates.
Rows are data with their source, so a change of law is a new row, and a plan
is judged by the law in force on its own date.
"""

from __future__ import annotations

import datetime

import attrs

from phongtrao._rules.sources import (
    LAW_2003,
    LAW_2022,
    LAW_2022_ART_80_2,
    LAW_2022_ART_80_3,
    ND_86_2023,
    ND_122_2018,
    ND_129_2025,
    PRACTICE,
    TT_12_2011,
    Source,
)
from phongtrao.model import REFORM_DATE, AuthorityTitle, AwardForm, Level

__all__ = ["AWARD_RULES", "FREE_FORMS", "AwardRule", "rules_for"]


@attrs.frozen(kw_only=True)
class AwardRule:
    """Quy định thẩm quyền — an office at a level may award a form within a window.

    Attributes:
        form: hình thức — the form of award (an id of :class:`AwardForm`).
        title: chức danh — the office that may award it.
        level: cấp — the level of that office.
        since: từ ngày — first day the rule applies.
        until: đến ngày — last day it applies, or None while in force.
        source: căn cứ — the legal text that says so, and how far it was checked.
    """

    form: str
    title: AuthorityTitle
    level: Level
    since: datetime.date
    until: datetime.date | None
    source: Source

    def applies_on(self, day: datetime.date) -> bool:
        """Whether the rule is in force on ``day``."""
        return self.since <= day and (self.until is None or day <= self.until)


_LAW_2003_START = datetime.date(2004, 7, 1)
_LAST_DAY_2003 = datetime.date(2023, 12, 31)
_LAW_2022_START = datetime.date(2024, 1, 1)
_ND_122_START = datetime.date(2018, 11, 1)
_BEFORE_ND_122 = _ND_122_START - datetime.timedelta(days=1)
_ND_86_START = datetime.date(2024, 1, 30)
_AFTER_REFORM = REFORM_DATE + datetime.timedelta(days=1)

_CHAIR = AuthorityTitle.CHU_TICH_UBND


def _row(form: AwardForm, title: AuthorityTitle, level: Level, since: datetime.date,
         until: datetime.date | None, source: Source) -> AwardRule:
    return AwardRule(form=form.value, title=title, level=level, since=since, until=until,
                     source=source)


#: The rule table. Forms and periods not covered here are reported as unknown
#: (a warning), never guessed; each row names its source and how far it was checked.
AWARD_RULES: tuple[AwardRule, ...] = (
    # Giấy khen: chairs of district and commune UBND, heads of a province's departments.
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.HUYEN, _LAW_2003_START, _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.XA, _LAW_2003_START, _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.GIAY_KHEN, AuthorityTitle.GIAM_DOC, Level.TINH, _LAW_2003_START,
         _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.HUYEN, _LAW_2022_START, REFORM_DATE,
         LAW_2022_ART_80_2),
    _row(AwardForm.GIAY_KHEN, _CHAIR, Level.XA, _LAW_2022_START, None, LAW_2022_ART_80_3),
    _row(AwardForm.GIAY_KHEN, AuthorityTitle.GIAM_DOC, Level.TINH, _LAW_2022_START, None,
         LAW_2022),
    # Bằng khen: the province's chair, ministers, the Prime Minister.
    _row(AwardForm.BANG_KHEN, _CHAIR, Level.TINH, _LAW_2003_START, _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.BO_TRUONG, Level.TRUNG_UONG, _LAW_2003_START,
         _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.THU_TUONG, Level.TRUNG_UONG, _LAW_2003_START,
         _LAST_DAY_2003, LAW_2003),
    _row(AwardForm.BANG_KHEN, _CHAIR, Level.TINH, _LAW_2022_START, None, LAW_2022),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.BO_TRUONG, Level.TRUNG_UONG, _LAW_2022_START,
         None, LAW_2022),
    _row(AwardForm.BANG_KHEN, AuthorityTitle.THU_TUONG, Level.TRUNG_UONG, _LAW_2022_START,
         None, LAW_2022),
    # "Gia đình văn hóa": the commune's chair throughout.
    _row(AwardForm.GIA_DINH_VAN_HOA, _CHAIR, Level.XA, _LAW_2003_START, _BEFORE_ND_122,
         TT_12_2011),
    _row(AwardForm.GIA_DINH_VAN_HOA, _CHAIR, Level.XA, _ND_122_START, _LAST_DAY_2003,
         ND_122_2018),
    _row(AwardForm.GIA_DINH_VAN_HOA, _CHAIR, Level.XA, _LAW_2022_START, None,
         LAW_2022_ART_80_3),
    # "Thôn, tổ dân phố văn hóa": the district's chair, the commune's after the reform.
    _row(AwardForm.THON_VAN_HOA, _CHAIR, Level.HUYEN, _LAW_2003_START, _BEFORE_ND_122,
         TT_12_2011),
    _row(AwardForm.THON_VAN_HOA, _CHAIR, Level.HUYEN, _ND_122_START, _LAST_DAY_2003,
         ND_122_2018),
    _row(AwardForm.THON_VAN_HOA, _CHAIR, Level.HUYEN, _LAW_2022_START, REFORM_DATE,
         LAW_2022_ART_80_2),
    _row(AwardForm.THON_VAN_HOA, _CHAIR, Level.XA, _AFTER_REFORM, None, ND_129_2025),
    # "Xã, phường, thị trấn tiêu biểu" (from Nghị định 86/2023): the district's chair,
    # not verified; who confers it after the reform is not known here.
    _row(AwardForm.XA_TIEU_BIEU, _CHAIR, Level.HUYEN, _ND_86_START, REFORM_DATE, ND_86_2023),
)

#: Forms outside the awards law: any body may give them, so no rule applies.
FREE_FORMS: dict[str, Source] = {
    AwardForm.TUYEN_DUONG.value: PRACTICE,
    AwardForm.BIEU_DUONG.value: PRACTICE,
}


def rules_for(form: str, day: datetime.date) -> tuple[AwardRule, ...]:
    """The rules in force on ``day`` for the form ``form`` (an id); empty when unknown."""
    return tuple(rule for rule in AWARD_RULES if rule.form == form and rule.applies_on(day))
