"""What the tờ trình and the quyết định share: the award, its nominees and their danh sách.

Both count the nominees the same way and list them in the same table, so the
"03 tập thể và 05 cá nhân" of the tờ trình, the quyết định's Điều 1 and the
rows of each danh sách cannot disagree.
"""

from __future__ import annotations

import datetime

from phongtrao import vi
from phongtrao._kinds import common
from phongtrao._layout import column_widths
from phongtrao._outline import Block, BlockKind, phrases
from phongtrao._outline.frame import AnnexBlock
from phongtrao._rules.awards_table import rules_for
from phongtrao._rules.sources import LGL_2015, LGL_2019, LGL_2025
from phongtrao.model import AnnexTable, AwardGrant, LegalBasis, Nominee, Plan

__all__ = ["award_bases", "list_annex", "merit", "nominee_needs", "title_of"]

_COLUMNS = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Thành tích tóm tắt")


def merit(plan: Plan) -> str:
    """"có thành tích xuất sắc trong 20 năm thực hiện Phong trào “…” (giai đoạn 2000-2020)"."""
    if plan.awards is not None:
        return plan.awards.criteria
    return common.needs("Thành tích")


def title_of(plan: Plan, grant: AwardGrant | None, verb: str) -> str:
    """"Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích …"."""
    form = common.awarded(plan, grant) if grant is not None else common.needs("Hình thức")
    return f"Về việc {verb} {form} cho các tập thể, cá nhân {merit(plan)}"


def nominee_needs(plan: Plan, grant: AwardGrant | None, nominees: tuple[Nominee, ...]) -> list[str]:
    needs = []
    if grant is None:
        needs.append("the award proposed: a grant of the issuer's own authority, or its id "
                     "(awards.grants[…].id and documents.proposal.grant)")
    elif not nominees:
        needs.append("the nominees (nominees, or --nominees LIST.xlsx)")
    return needs


def list_annex(plan: Plan, nominees: tuple[Nominee, ...], title: str, attached: str
               ) -> AnnexBlock:
    """DANH SÁCH — the nominees by kind (tập thể, then cá nhân …), numbered within each kind."""
    groups: dict[str, list[Nominee]] = {}
    for nominee in nominees:
        groups.setdefault(nominee.recipient, []).append(nominee)
    awards = plan.awards
    rows: list[tuple[str, ...]] = []
    for group, (kind, members) in enumerate(groups.items(), start=1):
        name = ((awards.text(kind) if awards else None) or kind)
        rows.append((vi.roman(group), f"{name[:1].upper()}{name[1:]} ({len(members):02d})", "",
                     ""))
        for index, nominee in enumerate(members, start=1):
            where = ", ".join(part for part in (nominee.position, nominee.unit) if part)
            rows.append((str(index), nominee.name, where, nominee.summary or ""))
    table = AnnexTable(columns=_COLUMNS, rows=tuple(rows) or (("", common.needs("Danh sách"),
                                                                "", ""),))
    block = Block(kind=BlockKind.TABLE, number="", lead="", text="", depth=1, table=table,
                  widths=column_widths(table.columns, table.rows))
    return AnnexBlock(number="", title="DANH SÁCH", subtitle=title, attached=attached,
                      body=(block,), table=None)


_LGL_2015_START = datetime.date(2016, 1, 1)
_LGL_2019_START = datetime.date(2020, 7, 1)
_LGL_2025_START = datetime.date(2025, 7, 1)


def competence_bases(day: datetime.date) -> tuple[str, ...]:
    """The laws that give a Chủ tịch UBND the power to decide, in force on ``day``."""
    if day >= _LGL_2025_START:
        return (f"Căn cứ {LGL_2025.cited};",)
    if day >= _LGL_2019_START:
        return (f"Căn cứ {LGL_2015.cited}; {LGL_2019.cited};",)
    if day >= _LGL_2015_START:
        return (f"Căn cứ {LGL_2015.cited};",)
    return ()


def award_bases(plan: Plan, grant: AwardGrant | None, day: datetime.date,
                given: tuple[LegalBasis, ...]) -> tuple[str, ...]:
    """The căn cứ lines: those given, else the awards law in force on ``day``, and the plan."""
    if given:
        lines = [phrases.basis_sentence(basis).rstrip(" ;.") for basis in given]
    else:
        laws = {rule.source.cited for rule in rules_for(grant.form, day)} if grant else set()
        lines = [f"Căn cứ {law}" for law in sorted(law for law in laws if law)]
        lines.append(f"Căn cứ {common.plan_reference(plan)}")
    return tuple(line + ";" for line in lines)
