"""Quyết định khen thưởng (QĐ) — the authority gives the award to the nominees.

The authority's line ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN"), căn cứ
lines ending ";", "Xét đề nghị của … tại Tờ trình số …" (the tờ trình of the
set), the centred "QUYẾT ĐỊNH:", then Điều 1 (the award and how many, "có
danh sách kèm theo"), Điều 2 (the prize money, when there is one) and the
Điều on its taking effect and the last (who carries it out); signed by the
head, without TM.
"""

from __future__ import annotations

from phongtrao._kinds import common, proposal
from phongtrao._kinds.nominations import (
    award_bases,
    competence_bases,
    list_annex,
    merit,
    nominee_needs,
    title_of,
)
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Block, BlockKind, phrases
from phongtrao._outline.frame import attached_to, signed_by
from phongtrao.model import AwardGrant, Decision, DocumentKind, Plan

__all__ = ["KEY", "missing", "paper", "wanted"]

KEY = "quyet-dinh"


def _settings(plan: Plan) -> Decision:
    documents = plan.documents
    return documents.decision if documents is not None and documents.decision else Decision()


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.decision is not None


def grant_of(plan: Plan) -> AwardGrant | None:
    settings = _settings(plan)
    if settings.grant is not None:
        return common.proposal_grant(plan, settings.grant)
    return proposal.grant_of(plan)


def missing(plan: Plan) -> tuple[str, ...]:
    grant = grant_of(plan)
    return tuple(nominee_needs(plan, grant, common.nominees_of(plan, grant)))


def authority_line(plan: Plan, grant: AwardGrant | None) -> str:
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN": who decides, in capitals."""
    return proposal.addressee(plan, grant).upper()


def paper(plan: Plan) -> Paper:
    settings = _settings(plan)
    grant = grant_of(plan)
    nominees = common.nominees_of(plan, grant)
    issuer = settings.issuer or plan.issuer
    number = common.issued_number(plan, settings.issued, DocumentKind.QD, issuer)
    date = common.issued_date(plan, settings.issued)
    bases = list(award_bases(plan, grant, date.first_day, settings.bases))
    if not settings.bases and common.is_committee(issuer):
        bases[:0] = competence_bases(date.first_day)
    if plan.documents is not None and plan.documents.proposal is not None:
        by, ttr_number, ttr_date = proposal.proposal_issued(plan)
        proposer = plan.documents.proposal.proposer or by.called
        bases.append(f"Xét đề nghị của {proposer} tại "
                     f"{common.reference(DocumentKind.TTR, ttr_number, ttr_date)}.")
    else:
        bases[-1] = bases[-1].rstrip(";") + "."
    form = common.awarded(plan, grant) if grant is not None else common.needs("Hình thức")
    articles = [(f"Tặng {form} cho {common.counts_phrase(plan, nominees)} {merit(plan)} (có "
                "danh sách kèm theo).")]
    if settings.prize:
        articles.append(phrases.sentence(settings.prize))
    doers = (", ".join(settings.executors) if settings.executors
             else f"Chánh Văn phòng {issuer.full_name}")
    articles.append("Quyết định này có hiệu lực kể từ ngày ký.")
    articles.append(f"{doers} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
                    "hành Quyết định này.")
    body = (Block(kind=BlockKind.CENTER, number="", lead="", text="QUYẾT ĐỊNH:", depth=0),
            *(Block(kind=BlockKind.PARAGRAPH, number="", lead=f"Điều {index}.", text=text,
                    depth=1) for index, text in enumerate(articles, start=1)))
    return Paper(
        key=KEY, kind=DocumentKind.QD, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=number, date=date, place=common.issued_place(plan, settings.issued),
        kind_title="QUYẾT ĐỊNH", title=title_of(plan, grant, "tặng"),
        authority=authority_line(plan, grant), bases=tuple(bases), body=body,
        signature=signed_by(common.personal(common.default_signature(plan, settings.signature))),
        recipients=common.recipients_or(settings.recipients, f"Như Điều {len(articles)}",
                                        "Lưu: VT"),
        annexes=(list_annex(plan, nominees, f"ĐƯỢC TẶNG {form.upper()}",
                            attached_to(DocumentKind.QD, number, date, issuer)),),
    )
