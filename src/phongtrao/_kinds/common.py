"""What the kinds of document share: their defaults, and the facts several of them print.

A document of the set takes from the plan whatever it does not say itself:
the issuer, the signature, the day, the place. The facts two documents both
print — the conference's day and time, the award and its nominees, the plan a
document refers to — are worded here once, so that the giấy mời and the
chương trình, or the tờ trình and the quyết định, cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence

from phongtrao import vi
from phongtrao._outline import phrases
from phongtrao._outline.frame import attached_to, number_text
from phongtrao.errors import ModelError
from phongtrao.model import (
    Agency,
    AwardGrant,
    BodyKind,
    DocumentKind,
    DocumentNumber,
    Issued,
    Milestone,
    MilestoneKind,
    Nominee,
    PartialDate,
    Plan,
    Signature,
)

__all__ = [
    "GAP",
    "awarded",
    "conference_milestone",
    "conference_name",
    "conference_time",
    "counts_phrase",
    "default_signature",
    "invitation_attached",
    "invitation_issued",
    "is_committee",
    "issued_date",
    "issued_number",
    "issued_place",
    "needs",
    "nominees_of",
    "parent_of",
    "personal",
    "plan_reference",
    "plan_subject",
    "proposal_grant",
    "recipients_or",
    "reference",
]

#: What a draft prints where a fact is still missing.
GAP = "«…»"


def needs(label: str) -> str:
    """A placeholder naming what is missing: ``«Ngày tổ chức hội nghị»``."""
    return f"«{label}»"


def issued_number(plan: Plan, issued: Issued, kind: DocumentKind, issuer: Agency) -> DocumentNumber:
    """The document's number, or a draft's "/GM-UBND" with its kind's symbol."""
    if issued.number is not None:
        return issued.number
    symbol = kind.symbol
    body = "".join(issuer.abbreviation.split())
    try:
        return DocumentNumber(symbol=f"{symbol}-{body}" if symbol else body)
    except ModelError:
        # An abbreviation that makes no symbol ("Ban / Tổ"): the kind's symbol alone, for
        # the văn thư to complete; the plan's own number shows the issuer's usual form.
        return DocumentNumber(symbol=symbol or plan.document.number.symbol)


def issued_date(plan: Plan, issued: Issued) -> PartialDate:
    """The document's day, or the plan's year while it is not known."""
    return issued.date if issued.date is not None else PartialDate(year=plan.document.date.year)


def issued_place(plan: Plan, issued: Issued) -> str:
    return issued.place if issued.place is not None else plan.place


def parent_of(plan: Plan, issuer: Agency | None) -> Agency | None:
    """The body above a document's issuer, printed over it in the header.

    The plan's parent for the plan's own issuer; for a body the document names
    (a Phòng, a standing office), the plan's issuer it belongs to.
    """
    if issuer is None or issuer == plan.issuer:
        return plan.parent
    return plan.issuer


def is_committee(issuer: Agency) -> bool:
    """An Ủy ban nhân dân, whose chair decides under the local government law."""
    return issuer.kind is BodyKind.UBND or (
        issuer.kind is None and issuer.name.casefold().startswith("ủy ban nhân dân"))


def personal(signature: Signature) -> Signature:
    """The head decides (a quyết định): ``signature`` without its TM. line."""
    if signature.on_behalf_of is None:
        return signature
    return Signature(mode=signature.mode, head=signature.head, title=signature.title,
                     signer=signature.signer)


def default_signature(plan: Plan, signature: Signature | None) -> Signature:
    return signature if signature is not None else plan.signature


def recipients_or(recipients: Sequence[str], *default: str) -> tuple[str, ...]:
    return tuple(recipients) if recipients else default


def reference(kind: DocumentKind, number: DocumentNumber, date: PartialDate,
              issuer: Agency | None = None) -> str:
    """"Kế hoạch số 03/KH-UBND ngày 05/01/2021 [của …]", with a clerk's gaps while unknown."""
    when = f" {date.vi}" if date.day is not None else ""
    of = f" của {issuer.full_name}" if issuer is not None else ""
    return f"{kind.vi} số {number_text(number).strip()}{when}{of}"


def plan_reference(plan: Plan, *, own: bool = False) -> str:
    """The plan as the other documents cite it, its subject after "về".

    "Kế hoạch số 03/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân huyện Cẩm Xuyên về
    tổ chức Hội nghị tổng kết …"; ``own``: cited by its issuer itself, without
    "của …".
    """
    document = plan.document
    cited = reference(document.kind, document.number, document.date,
                      None if own else plan.issuer)
    return f"{cited} về {plan_subject(plan)}"


def plan_subject(plan: Plan) -> str:
    """What the plan is about, after "Kế hoạch" or "về": "tổ chức Hội nghị tổng kết …"."""
    title = plan.title
    return f"tổ chức {title}" if title.startswith("Hội nghị") else phrases.lower_first(title)


def conference_milestone(plan: Plan, wanted: str | None) -> Milestone | None:
    """The conference a document is about: the one named, else the issuer's own."""
    conferences = [m for m in plan.schedule if m.kind is MilestoneKind.CONFERENCE]
    if wanted is not None:
        return next((m for m in conferences if m.id == wanted), None)
    level = plan.issuer.level
    own = [m for m in conferences if m.level is level]
    return own[-1] if own else (conferences[-1] if conferences else None)


def conference_name(plan: Plan, milestone: Milestone | None) -> str:
    """The conference as the giấy mời and the chương trình name it, saying what it sums up.

    "Hội nghị tổng kết 20 năm thực hiện Phong trào “…” huyện Cẩm Xuyên (giai
    đoạn 2000-2020)" for a summary conference of the plan's period; the
    milestone's own title otherwise.
    """
    if milestone is None:
        return needs("Hội nghị")
    title = milestone.title
    if plan.period is None or plan.movement is None or "tổng kết" not in title.lower():
        return title
    unit = plan.issuer.unit
    where = f" {unit.full_name}" if unit is not None and milestone.level is unit.level else ""
    return (f"Hội nghị tổng kết {plan.period.years} năm thực hiện Phong trào "
            f"“{plan.movement.name}”{where} (giai đoạn {plan.period.start}-{plan.period.end})")


def conference_time(milestone: Milestone) -> tuple[str, list[str]]:
    """"07 giờ 30 phút, ngày 15 tháng 6 năm 2021" as the decree writes it, and what is missing.

    The giấy mời and the chương trình print this same text.
    """
    conference = milestone.conference
    missing = []
    start = conference.start if conference is not None else None
    date = conference.date if conference is not None else None
    if date is None and milestone.window.end is None and milestone.window.start.day is not None:
        date = milestone.window.start
    time = start.vi if start is not None else needs("Giờ bắt đầu")
    if start is None:
        missing.append("the conference's start time (schedule[…].conference.start)")
    if date is None or date.day is None:
        missing.append("the conference's day (schedule[…].conference.date)")
        day = needs("Ngày tổ chức")
    else:
        day = phrases.written_date(date)
    return f"{time}, {day}", missing


def proposal_grant(plan: Plan, wanted: str | None) -> AwardGrant | None:
    """The grant a tờ trình or quyết định is about: the one named, else the issuer's own award."""
    grants = plan.awards.grants if plan.awards is not None else ()
    if wanted is not None:
        return next((grant for grant in grants if grant.id == wanted), None)
    own = [grant for grant in grants if grant.authority.level is plan.issuer.level]
    if own:
        return own[0]
    return grants[0] if len(grants) == 1 else None


def nominees_of(plan: Plan, grant: AwardGrant | None) -> tuple[Nominee, ...]:
    """The nominees proposed for ``grant`` (those naming it, or all when there is one grant)."""
    if grant is None:
        return ()
    grants = plan.awards.grants if plan.awards is not None else ()
    only = len(grants) == 1
    return tuple(n for n in plan.nominees
                 if (n.grant is None and only) or (n.grant is not None and n.grant == grant.id))


def counts_phrase(plan: Plan, nominees: Sequence[Nominee]) -> str:
    """"03 tập thể và 05 cá nhân": the nominees counted by kind, in the plan's wording."""
    counted: dict[str, int] = {}
    for nominee in nominees:
        counted[nominee.recipient] = counted.get(nominee.recipient, 0) + 1
    awards = plan.awards
    parts = [f"{count:02d} {(awards.text(kind) if awards else None) or kind}"
             for kind, count in counted.items()]
    return phrases.join_list(parts) if parts else needs("Số lượng tập thể, cá nhân")


def awarded(plan: Plan, grant: AwardGrant) -> str:
    """"Giấy khen của Chủ tịch UBND huyện": the form and who gives it."""
    awards = plan.awards
    form = (awards.text(grant.form) if awards else None) or grant.form
    return (f"{phrases.capitalize(form)} của "
            f"{phrases.authority_phrase(grant.authority, plan.issuer.unit)}")


def invitation_issued(plan: Plan) -> tuple[Agency, DocumentNumber, PartialDate]:
    """The giấy mời's issuer, number and day (what its chương trình is attached to)."""
    invitation = plan.documents.invitation if plan.documents is not None else None
    issued = invitation.issued if invitation is not None else Issued()
    issuer = (invitation.issuer if invitation is not None else None) or plan.issuer
    return (issuer, issued_number(plan, issued, DocumentKind.GM, issuer),
            issued_date(plan, issued))


def invitation_attached(plan: Plan) -> str:
    """"(Kèm theo Giấy mời số … ngày … của …)", for the chương trình attached to it."""
    issuer, number, date = invitation_issued(plan)
    return attached_to(DocumentKind.GM, number, date, issuer)


def day_of(date: PartialDate) -> str:
    """"ngày 20/6/2021", or the gap of a day not yet known."""
    return date.vi if date.day is not None else f"ngày {GAP}"


def spelled_count(count: int) -> str:
    return f"{count:02d} ({vi.spell_number(count)})"
