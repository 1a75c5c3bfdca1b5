"""Báo cáo tổng kết (BC) — the skeleton of the issuer's own report.

Its parts are those the đề cương names, with room to write under each
heading; its table of indicators holds the plan's results where it has them
(the aggregated results of the lower levels, once they are added up) and
blank cells where it does not.
"""

from __future__ import annotations

from phongtrao._kinds import common
from phongtrao._kinds.outline import outline_blocks
from phongtrao._kinds.paper import Paper
from phongtrao._outline.frame import signed_by
from phongtrao.model import DocumentKind, Plan, SummaryReport

__all__ = ["KEY", "missing", "paper", "wanted"]

KEY = "bao-cao"


def _settings(plan: Plan) -> SummaryReport:
    documents = plan.documents
    return documents.report if documents is not None and documents.report else SummaryReport()


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.report is not None


def missing(plan: Plan) -> tuple[str, ...]:
    return () if plan.assessment is not None else ("what the summary assesses (assessment)",)


def _title(plan: Plan) -> str:
    unit = f" {plan.issuer.unit.full_name}" if plan.issuer.unit is not None else ""
    if plan.period is not None and plan.movement is not None:
        return (f"Tổng kết {plan.period.years} năm thực hiện Phong trào “{plan.movement.name}”"
                f"{unit} (giai đoạn {plan.period.start}-{plan.period.end})")
    return f"Kết quả thực hiện {plan.title}"


def paper(plan: Plan) -> Paper:
    settings = _settings(plan)
    issuer = settings.issuer or plan.issuer
    upward = (plan.parent.full_name,) if plan.parent is not None else ()
    return Paper(
        key=KEY, kind=DocumentKind.BC, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=common.issued_number(plan, settings.issued, DocumentKind.BC, issuer),
        date=common.issued_date(plan, settings.issued),
        place=common.issued_place(plan, settings.issued),
        kind_title="BÁO CÁO", title=_title(plan),
        introduction=f"Thực hiện {common.plan_reference(plan)}, {issuer.full_name} báo cáo "
        "kết quả như sau:",
        body=outline_blocks(plan, gaps=True),
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, *upward, "Lưu: VT"),
    )
