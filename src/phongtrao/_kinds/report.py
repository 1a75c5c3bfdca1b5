"""Báo cáo tổng kết (BC) — the skeleton of the issuer's own report.

Its parts are those the đề cương names, with room to write under each
heading; its table of indicators holds the plan's results where it has them
(the aggregated results of the lower levels, once they are added up) and
blank cells where it does not.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from phongtrao import vi
from phongtrao._kinds import common
from phongtrao._kinds.outline import indicator_label, outline_blocks
from phongtrao._kinds.paper import Paper
from phongtrao._layout import column_widths
from phongtrao._outline import Block, BlockKind, phrases
from phongtrao._outline.frame import AnnexBlock, attached_to, signed_by
from phongtrao.model import (
    Aggregate,
    AnnexTable,
    DocumentKind,
    IndicatorTotal,
    Plan,
    Result,
    SummaryReport,
)

__all__ = ["KEY", "aggregated_paper", "missing", "paper", "wanted"]

KEY = "bao-cao"


def _settings(plan: Plan) -> SummaryReport:
    documents = plan.documents
    return documents.report if documents is not None and documents.report else SummaryReport()


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.report is not None


def missing(plan: Plan) -> tuple[str, ...]:
    needs = [] if plan.assessment is not None else ["what the summary assesses (assessment)"]
    if plan.parent is None and not _settings(plan).recipients:
        needs.append("whom the report goes to (documents.report.recipients, or the plan's "
                     "parent)")
    return tuple(needs)


def _title(plan: Plan) -> str:
    unit = f" {plan.issuer.unit.full_name}" if plan.issuer.unit is not None else ""
    if plan.period is not None and plan.movement is not None:
        return (f"Tổng kết {plan.period.years} năm thực hiện Phong trào “{plan.movement.name}”"
                f"{unit} (giai đoạn {plan.period.start}-{plan.period.end})")
    return f"Kết quả thực hiện {plan.title}"


def paper(plan: Plan) -> Paper:
    settings = _settings(plan)
    issuer = settings.issuer or plan.issuer
    upward = ((plan.parent.full_name,) if plan.parent is not None
              else (common.needs("Cơ quan nhận báo cáo"),))
    return Paper(
        key=KEY, kind=DocumentKind.BC, issuer=issuer,
        parent=common.parent_of(plan, settings.issuer),
        number=common.issued_number(plan, settings.issued, DocumentKind.BC, issuer),
        date=common.issued_date(plan, settings.issued),
        place=common.issued_place(plan, settings.issued),
        kind_title="BÁO CÁO", title=_title(plan),
        introduction=f"Thực hiện {common.plan_reference(plan, own=issuer == plan.issuer)}, "
        f"{issuer.full_name} báo cáo "
        "kết quả như sau:",
        body=outline_blocks(plan, gaps=True),
        signature=signed_by(common.default_signature(plan, settings.signature)),
        recipients=common.recipients_or(settings.recipients, *upward, "Lưu: VT"),
    )


def _against(total: IndicatorTotal) -> str:
    """"; mục tiêu đến năm 2025: 95% (chưa đạt)", or nothing without a target."""
    target = total.target
    if target is None or (target.percent is None and target.count is None):
        return ""
    aim = f"{target.percent}%" if target.percent is not None else vi.format_number(
        target.count or 0)
    by = f" đến năm {target.by}" if target.by is not None else ""
    met = {True: " (đạt)", False: " (chưa đạt)", None: ""}[total.target_met]
    return f"; mục tiêu{by}: {aim}{met}"


def _unit_table(total: IndicatorTotal) -> AnnexTable:
    """One row a unit that reported, then the sums: STT | Đơn vị | Tổng số | Số đạt | Tỷ lệ."""
    paired = total.indicator.paired
    rows: list[tuple[str, ...]] = []
    for index, row in enumerate(total.rows, start=1):
        if paired:
            rows.append((str(index), row.unit.full_name,
                         vi.format_number(row.total or 0), vi.format_number(row.achieved),
                         row.share))
        else:
            rows.append((str(index), row.unit.full_name, vi.format_number(row.achieved)))
    if paired:
        rows.append(("", "Tổng cộng", vi.format_number(total.total or 0),
                     vi.format_number(total.achieved), total.share))
        return AnnexTable(columns=("STT", "Đơn vị", "Tổng số", "Số đạt", "Tỷ lệ (%)"),
                          rows=tuple(rows))
    rows.append(("", "Tổng cộng", vi.format_number(total.achieved)))
    return AnnexTable(columns=("STT", "Đơn vị", "Số lượng"), rows=tuple(rows))


def _block(kind: BlockKind, text: str, *, number: str = "", depth: int = 0,
           table: AnnexTable | None = None, image: str | None = None) -> Block:
    widths = () if table is None else column_widths(table.columns, table.rows)
    return Block(kind=kind, number=number, lead="", text=text, depth=depth, table=table,
                 widths=widths, image=image)


def aggregated_paper(plan: Plan, aggregate: Aggregate, figures: Mapping[str, str],
                     targets: str | None = None) -> Paper:
    """The báo cáo with the lower levels' results added up.

    Its indicator table holds the sums, and a Phụ lục gives, for each
    indicator, the table of the units that reported (with a total row) and
    its chart: ``figures`` names each indicator's picture by its id;
    ``targets`` the picture of the results against the plan's targets.
    """
    assessment = plan.assessment
    results = tuple(Result(indicator=item.indicator.id, achieved=item.achieved,
                           total=item.total) for item in aggregate.indicators)
    summed = plan if assessment is None else attrs.evolve(
        plan, assessment=attrs.evolve(assessment, results=results))
    base = paper(summed)
    counted = len(aggregate.reported)
    expected = counted + len(aggregate.missing) + len(aggregate.left_out)
    blocks = [_block(BlockKind.PARAGRAPH,
                     f"Số liệu tổng hợp từ báo cáo của {counted}/{expected} đơn vị"
                     + (f"; chưa tổng hợp: {phrases.join_list(aggregate.not_counted())}."
                        if aggregate.not_counted() else "."))]
    for index, total in enumerate(aggregate.indicators, start=1):
        label = indicator_label(total.indicator)
        blocks.append(_block(BlockKind.HEADING, label, number=f"{index}.", depth=1))
        blocks.append(_block(BlockKind.PARAGRAPH, f"Kết quả chung: {total.phrase}"
                             f"{_against(total)}.", depth=1))
        if total.rows:
            blocks.append(_block(BlockKind.TABLE, "", depth=1, table=_unit_table(total)))
        image = figures.get(total.indicator.id)
        if image is not None:
            blocks.append(_block(BlockKind.FIGURE, f"Biểu đồ {index}. {label} theo đơn vị",
                                 depth=1, image=image))
    if targets is not None:
        blocks.append(_block(BlockKind.FIGURE, "Kết quả so với mục tiêu của Kế hoạch",
                             image=targets))
    annex = AnnexBlock(
        number="Phụ lục", title="KẾT QUẢ CÁC CHỈ TIÊU THEO ĐƠN VỊ", subtitle=None,
        attached=attached_to(DocumentKind.BC, base.number, base.date, base.issuer),
        body=tuple(blocks), table=None)
    return attrs.evolve(base, annexes=(annex,))
