"""Tờ trình đề nghị khen thưởng (TTr) — asks the authority to give the award to the nominees.

Kính gửi the deciding authority; căn cứ the awards law in force and the plan
(or what the tờ trình gives), the council's review; how many of each kind
are proposed, with the danh sách attached.
"""

from __future__ import annotations

from phongtrao._kinds import common
from phongtrao._kinds.nominations import award_bases, list_annex, merit, nominee_needs, title_of
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Block, BlockKind
from phongtrao._outline.frame import attached_to, signed_by
from phongtrao.model import (
    Agency,
    AwardGrant,
    DocumentKind,
    DocumentNumber,
    PartialDate,
    Plan,
    Proposal,
)

__all__ = ["KEY", "addressee", "missing", "paper", "proposal_issued", "wanted"]

KEY = "to-trinh"


def _settings(plan: Plan) -> Proposal:
    documents = plan.documents
    return documents.proposal if documents is not None and documents.proposal else Proposal()


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.proposal is not None


def grant_of(plan: Plan) -> AwardGrant | None:
    return common.proposal_grant(plan, _settings(plan).grant)


def missing(plan: Plan) -> tuple[str, ...]:
    grant = grant_of(plan)
    return tuple(nominee_needs(plan, grant, common.nominees_of(plan, grant)))


def addressee(plan: Plan, grant: AwardGrant | None) -> str:
    """Whom the tờ trình goes to: as given, else the grant's authority of the issuer's unit."""
    settings = _settings(plan)
    if settings.to:
        return settings.to
    if grant is None:
        return common.needs("Người có thẩm quyền")
    unit = plan.issuer.unit
    title = grant.authority.title.vi.replace("UBND", "Ủy ban nhân dân")
    if grant.authority.body:
        return f"{title} {grant.authority.body}"
    if unit is not None and unit.level is grant.authority.level:
        return f"{title} {unit.full_name}"
    return f"{title} cấp {grant.authority.level.vi}"


def proposal_issued(plan: Plan) -> tuple[Agency, DocumentNumber, PartialDate]:
    """The tờ trình's issuer, number and day: what the quyết định refers to."""
    settings = _settings(plan)
    issuer = settings.issuer or plan.issuer
    return (issuer, common.issued_number(plan, settings.issued, DocumentKind.TTR, issuer),
            common.issued_date(plan, settings.issued))


def paper(plan: Plan) -> Paper:
    settings = _settings(plan)
    grant = grant_of(plan)
    nominees = common.nominees_of(plan, grant)
    issuer, number, date = proposal_issued(plan)
    to = addressee(plan, grant)
    bases = list(award_bases(plan, grant, date.first_day, settings.bases))
    if settings.review:
        bases.append(f"Căn cứ {settings.review};")
    bases[-1] = bases[-1].rstrip(";") + "."
    form = common.awarded(plan, grant) if grant is not None else common.needs("Hình thức")
    body = (Block(kind=BlockKind.PARAGRAPH, number="", lead="", depth=1, text=(
        f"{issuer.called} đề nghị {to} tặng {form} cho "
        f"{common.counts_phrase(plan, nominees)} {merit(plan)} (có danh sách kèm theo).")),)
    return Paper(
        key=KEY, kind=DocumentKind.TTR, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=number, date=date, place=common.issued_place(plan, settings.issued),
        kind_title="TỜ TRÌNH", title=title_of(plan, grant, "đề nghị tặng"),
        addressees=(to,), bases=tuple(bases), body=body,
        closing=f"Kính trình {to} xem xét, quyết định.",
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, "Như trên", "Lưu: VT"),
        annexes=(list_annex(plan, nominees, f"ĐỀ NGHỊ TẶNG {form.upper()}",
                            attached_to(DocumentKind.TTR, number, date, issuer)),),
    )
