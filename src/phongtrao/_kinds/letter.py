"""Công văn — the covering letter that sends the plan down.

A công văn has no tên loại: its number has no kind ("12/UBND-VX"), "V/v …"
stands under it, and "Kính gửi:" names whom it goes to — by default the plan's
recipients but the archive line and those it reports to.
"""

from __future__ import annotations

import re

from phongtrao._kinds import common
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Block, BlockKind, phrases
from phongtrao._outline.frame import signed_by
from phongtrao.model import DocumentKind, Letter, Plan

__all__ = ["KEY", "missing", "paper", "wanted"]

KEY = "cong-van"
_NOT_ADDRESSED = re.compile(r"Lưu\s*:|\(để báo cáo\)|«")


def _settings(plan: Plan) -> Letter:
    documents = plan.documents
    return documents.letter if documents is not None and documents.letter else Letter()


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.letter is not None


def _addressees(plan: Plan) -> tuple[str, ...]:
    settings = _settings(plan)
    if settings.to:
        return settings.to
    return tuple(line for line in plan.recipients if not _NOT_ADDRESSED.search(line))


def missing(plan: Plan) -> tuple[str, ...]:
    return () if _addressees(plan) else ("whom it is sent to (documents.letter.to)",)


def paper(plan: Plan) -> Paper:
    settings = _settings(plan)
    issuer = settings.issuer or plan.issuer
    about = settings.about or (
        f"triển khai {plan.document.kind.vi} {phrases.lower_first(plan.title)}")
    to = _addressees(plan) or (common.needs("Nơi nhận công văn"),)
    paragraphs = settings.paragraphs or (
        (f"{issuer.full_name} ban hành "
         f"{common.plan_reference(plan, own=issuer == plan.issuer)} (gửi kèm theo công văn "
         "này)."),
        (f"Đề nghị {'các cơ quan, đơn vị' if len(to) > 1 else to[0]} căn cứ Kế hoạch, triển "
        "khai thực hiện và báo cáo kết quả theo thời gian quy định."),
    )
    return Paper(
        key=KEY, kind=DocumentKind.CV, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=common.issued_number(plan, settings.issued, DocumentKind.CV, issuer),
        date=common.issued_date(plan, settings.issued),
        place=common.issued_place(plan, settings.issued),
        kind_title="", title=about, addressees=to,
        body=tuple(Block(kind=BlockKind.PARAGRAPH, number="", lead="", text=text, depth=1)
                   for text in paragraphs),
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, "Như trên", "Lưu: VT"),
    )
