"""Chương trình hội nghị (CTr) — the conference's agenda, a time-slot table.

It is printed as a document of its own when the plan gives ``programme``, and
otherwise attached to the giấy mời (a Phụ lục of it). Either way its times,
day and venue are the conference's, as the giấy mời prints them.
"""

from __future__ import annotations

from phongtrao._kinds import common
from phongtrao._kinds.paper import Paper
from phongtrao._layout import column_widths
from phongtrao._outline import Block, BlockKind
from phongtrao._outline.frame import AnnexBlock, signed_by
from phongtrao.model import AnnexTable, DocumentKind, Milestone, Plan, Programme, TimeOfDay

__all__ = ["KEY", "agenda_annex", "agenda_blocks", "missing", "paper", "wanted"]

KEY = "chuong-trinh"
_COLUMNS = ("Thời gian", "Nội dung", "Người thực hiện")


def _settings(plan: Plan) -> Programme | None:
    return plan.documents.programme if plan.documents is not None else None


def wanted(plan: Plan) -> bool:
    """As a document of its own, or attached to the giấy mời."""
    documents = plan.documents
    if documents is None:
        return False
    return documents.programme is not None or (documents.invitation is not None
                                               and documents.invitation.programme)


def _conference(plan: Plan) -> Milestone | None:
    settings = _settings(plan)
    wanted_id = settings.conference if settings is not None else (
        plan.documents.invitation.conference
        if plan.documents is not None and plan.documents.invitation is not None else None)
    return common.conference_milestone(plan, wanted_id)


def missing(plan: Plan) -> tuple[str, ...]:
    milestone = _conference(plan)
    if milestone is None:
        return ("a conference in the schedule (schedule[…] with kind: conference)",)
    _, needs = common.conference_time(milestone)
    if milestone.conference is None or not milestone.conference.venue:
        needs.append("the conference's venue (schedule[…].conference.venue)")
    if milestone.conference is None or not milestone.conference.agenda:
        needs.append("the conference's agenda (schedule[…].conference.agenda)")
    return tuple(needs)


def _slot(time: TimeOfDay) -> str:
    """A time slot as agendas write it in their narrow first column: "07h30"."""
    return f"{time.hour:02d}h{time.minute:02d}"


def agenda_table(milestone: Milestone) -> AnnexTable:
    """Thời gian | Nội dung | Người thực hiện, one row an item of the agenda."""
    agenda = milestone.conference.agenda if milestone.conference is not None else ()
    rows = tuple((_slot(item.time) if item.time is not None else "", item.item,
                  item.presenter or "") for item in agenda)
    return AnnexTable(columns=_COLUMNS, rows=rows or (("", common.needs("Nội dung"), ""),))


def agenda_blocks(plan: Plan, milestone: Milestone | None) -> tuple[Block, ...]:
    """The time and venue of the conference, then its agenda as a table."""
    if milestone is None:
        return ()
    when, _ = common.conference_time(milestone)
    venue = (milestone.conference.venue if milestone.conference is not None else None) or \
        common.needs("Địa điểm")
    table = agenda_table(milestone)
    return (
        Block(kind=BlockKind.PARAGRAPH, number="", lead="Thời gian:", text=f"{when}.", depth=1),
        Block(kind=BlockKind.PARAGRAPH, number="", lead="Địa điểm:", text=f"{venue}.", depth=1),
        Block(kind=BlockKind.TABLE, number="", lead="", text="", depth=1, table=table,
              widths=column_widths(table.columns, table.rows)),
    )


def agenda_annex(plan: Plan, attached: str) -> AnnexBlock:
    """The agenda as attached to another document (``attached``: its "(Kèm theo …)" line)."""
    milestone = _conference(plan)
    title = common.conference_name(plan, milestone).upper()
    return AnnexBlock(number="", title="CHƯƠNG TRÌNH", subtitle=title, attached=attached,
                      body=agenda_blocks(plan, milestone), table=None)


def paper(plan: Plan) -> Paper:
    """A CTr of its own, or the agenda attached to the giấy mời printed alone."""
    settings = _settings(plan)
    milestone = _conference(plan)
    if settings is None:  # attached to the giấy mời: printed alone, under its "Kèm theo" line
        attached = agenda_annex(plan, common.invitation_attached(plan))
        return Paper(key=KEY, kind=DocumentKind.CTR, issuer=plan.issuer, parent=plan.parent,
                     number=plan.document.number, date=plan.document.date, place=plan.place,
                     kind_title="", title=attached.title, signature=signed_by(plan.signature),
                     annexes=(attached,), frame=False)
    issuer = settings.issuer or plan.issuer
    return Paper(
        key=KEY, kind=DocumentKind.CTR, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=common.issued_number(plan, settings.issued, DocumentKind.CTR, issuer),
        date=common.issued_date(plan, settings.issued),
        place=common.issued_place(plan, settings.issued),
        kind_title="CHƯƠNG TRÌNH",
        title=common.conference_name(plan, milestone),
        body=agenda_blocks(plan, milestone),
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, "Các đại biểu dự Hội nghị",
                                        "Lưu: VT"),
    )
