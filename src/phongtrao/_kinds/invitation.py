"""Giấy mời (GM) — the invitation to the issuer's conference.

"Trân trọng kính mời: …", the conference and who chairs it, the time written
as the decree writes it ("07 giờ 30 phút, ngày 15 tháng 6 năm 2021"), the
venue, what to prepare, whom to call; signed as the plan is unless the giấy
mời says otherwise (often TL. or KT.). The chương trình is attached to it, with
the same time.
"""

from __future__ import annotations

from phongtrao._kinds import common
from phongtrao._kinds.paper import Paper
from phongtrao._kinds.programme import agenda_annex
from phongtrao._outline import Node, NodeKind, number_nodes, phrases
from phongtrao._outline.frame import AnnexBlock, signed_by
from phongtrao.model import DocumentKind, Invitation, Milestone, Plan

__all__ = ["KEY", "missing", "paper", "wanted"]

KEY = "giay-moi"


def _settings(plan: Plan) -> Invitation | None:
    return plan.documents.invitation if plan.documents is not None else None


def wanted(plan: Plan) -> bool:
    return _settings(plan) is not None


def _milestone(plan: Plan) -> Milestone | None:
    settings = _settings(plan)
    return common.conference_milestone(plan, settings.conference if settings else None)


def _invited(plan: Plan, milestone: Milestone | None) -> tuple[str, ...]:
    settings = _settings(plan)
    if settings is not None and settings.to:
        return settings.to
    if milestone is not None and milestone.conference is not None:
        return milestone.conference.participants
    return ()


def missing(plan: Plan) -> tuple[str, ...]:
    milestone = _milestone(plan)
    if milestone is None:
        return ("a conference in the schedule (schedule[…] with kind: conference)",)
    _, needs = common.conference_time(milestone)
    if milestone.conference is None or not milestone.conference.venue:
        needs.append("the conference's venue (schedule[…].conference.venue)")
    if not _invited(plan, milestone):
        needs.append("who is invited (documents.invitation.to, or the conference's "
                     "participants)")
    return tuple(needs)


def paper(plan: Plan) -> Paper:
    """The giấy mời, its chương trình attached when the plan asks for it (the default)."""
    settings = _settings(plan) or Invitation()
    milestone = _milestone(plan)
    issuer, number, date = common.invitation_issued(plan)
    title = common.conference_name(plan, milestone)
    conference = milestone.conference if milestone is not None else None
    when = common.conference_time(milestone)[0] if milestone is not None else \
        common.needs("Thời gian")
    invited = _invited(plan, milestone) or (common.needs("Thành phần được mời"),)
    nodes = [
        Node(kind=NodeKind.PARAGRAPH, text=f"{issuer.full_name} trân trọng kính mời:"),
        *(Node(kind=NodeKind.BULLET, text=line) for line in phrases.list_items(invited)),
        Node(kind=NodeKind.PARAGRAPH, text=f"Tới dự {title}."),
    ]
    if conference is not None and conference.chairs:
        nodes.append(Node(kind=NodeKind.PARAGRAPH, lead="Chủ trì:",
                          text=f"{phrases.join_list(conference.chairs)}."))
    nodes.append(Node(kind=NodeKind.PARAGRAPH, lead="Thời gian:", text=f"{when}."))
    venue = (conference.venue if conference is not None else None) or common.needs("Địa điểm")
    nodes.append(Node(kind=NodeKind.PARAGRAPH, lead="Địa điểm:", text=f"{venue}."))
    if settings.prepare:
        nodes.append(Node(kind=NodeKind.PARAGRAPH, lead="Đề nghị:", text=""))
        nodes.extend(Node(kind=NodeKind.BULLET, text=line)
                     for line in phrases.list_items(settings.prepare))
    if settings.contact:
        nodes.append(Node(kind=NodeKind.PARAGRAPH, lead="Liên hệ:",
                          text=phrases.sentence(settings.contact)))
    annexes: tuple[AnnexBlock, ...] = ()
    if settings.programme and conference is not None and conference.agenda:
        annexes = (agenda_annex(plan, common.invitation_attached(plan)),)
    return Paper(
        key=KEY, kind=DocumentKind.GM, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=number, date=date, place=common.issued_place(plan, settings.issued),
        kind_title="GIẤY MỜI",
        title=f"Dự {title}",
        body=number_nodes(nodes),
        closing="Rất mong các đồng chí đến dự đúng thời gian.",
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, "Như trên", "Lưu: VT"),
        annexes=annexes,
    )
