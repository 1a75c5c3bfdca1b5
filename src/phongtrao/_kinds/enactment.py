"""Quyết định ban hành Kế hoạch (QĐ) — the decision that issues the plan attached to it.

How many ministries and provinces issue a plan: the head decides — the
authority's line, căn cứ ending ";" (the local government law for an Ủy ban
nhân dân, then the plan's own bases), "Theo đề nghị của …", the centred
"QUYẾT ĐỊNH:", Điều 1 "Ban hành kèm theo Quyết định này Kế hoạch …", Điều 2
its taking effect, Điều 3 who carries it out — signed without TM. The Kế
hoạch then prints "(Ban hành kèm theo Quyết định số … ngày … của …)" under
its title, with neither number, date line, bases nor Nơi nhận of its own
(:func:`phongtrao._kinds.plan.plan_paper`).
"""

from __future__ import annotations

from phongtrao._kinds import common
from phongtrao._kinds.nominations import competence_bases
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Block, BlockKind, phrases
from phongtrao._outline.frame import number_text, signed_by
from phongtrao.model import DocumentKind, Enactment, Plan

__all__ = ["KEY", "enacted_line", "missing", "paper", "wanted"]

KEY = "quyet-dinh-ban-hanh"


def _settings(plan: Plan) -> Enactment | None:
    documents = plan.documents
    return documents.enactment if documents is not None else None


def wanted(plan: Plan) -> bool:
    return _settings(plan) is not None


def missing(plan: Plan) -> tuple[str, ...]:
    """Nothing: the plan holds all a decision issuing it says."""
    return ()


def _decider(plan: Plan) -> str:
    """"Chủ tịch Ủy ban nhân dân huyện Cẩm Xuyên", or the issuing body itself."""
    if common.is_committee(plan.issuer):
        return f"Chủ tịch {plan.issuer.full_name}"
    return plan.issuer.full_name


def enacted_line(plan: Plan) -> str | None:
    """"(Ban hành kèm theo Quyết định số … ngày … của …)", for a plan a decision issues."""
    settings = _settings(plan)
    if settings is None:
        return None
    issued = settings.issued
    number = common.issued_number(plan, issued, DocumentKind.QD, plan.issuer)
    date = common.issued_date(plan, issued)
    gap = " " * 6
    when = (f" {date.vi}" if date.day is not None
            else f" ngày{gap}tháng{gap}năm {date.year}")
    return (f"(Ban hành kèm theo Quyết định số {number_text(number).strip()}{when} "
            f"của {_decider(plan)})")


def paper(plan: Plan) -> Paper:
    settings = _settings(plan) or Enactment()
    issuer = plan.issuer
    number = common.issued_number(plan, settings.issued, DocumentKind.QD, issuer)
    date = common.issued_date(plan, settings.issued)
    bases: list[str] = []
    if settings.bases:
        bases += [phrases.basis_sentence(basis).rstrip(" ;.") + ";" for basis in settings.bases]
    elif common.is_committee(issuer):
        bases += competence_bases(date.first_day)
    bases += [line.rstrip(" ;.") + ";" for line in phrases.basis_lines(plan.bases)]
    if settings.proposer:
        bases.append(f"Theo đề nghị của {settings.proposer}.")
    elif bases:
        bases[-1] = bases[-1].rstrip(";") + "."
    subject = common.plan_subject(plan)
    doers = (", ".join(settings.executors) if settings.executors
             else f"Chánh Văn phòng {issuer.full_name}")
    articles = (
        f"Ban hành kèm theo Quyết định này Kế hoạch {subject}.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        (f"{doers} và các cơ quan, đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành "
         "Quyết định này."),
    )
    body = (Block(kind=BlockKind.CENTER, number="", lead="", text="QUYẾT ĐỊNH:", depth=0),
            *(Block(kind=BlockKind.PARAGRAPH, number="", lead=f"Điều {index}.", text=text,
                    depth=1) for index, text in enumerate(articles, start=1)))
    own = common.personal(plan.signature) if common.is_committee(issuer) else plan.signature
    signature = settings.signature or own
    return Paper(
        key=KEY, kind=DocumentKind.QD, issuer=issuer, parent=plan.parent,
        number=number, date=date, place=common.issued_place(plan, settings.issued),
        kind_title="QUYẾT ĐỊNH", title=f"Về việc ban hành Kế hoạch {subject}",
        authority=_decider(plan).upper(), bases=tuple(bases), body=body,
        signature=signed_by(signature),
        # The plan's own recipients (its archive line last) receive the decision with it.
        recipients=common.recipients_or(settings.recipients, "Như Điều 3",
                                        *(plan.recipients or ("Lưu: VT",))),
    )
