"""Đề cương báo cáo — the outline of the report each lower level sends up.

Its parts are the plan's own: what the summary assesses (the direction work,
the movement's contents and campaigns, the shortcomings and lessons), the
indicators as a table to fill, the orientation for the next period, then the
deadline and the recipient of the report milestone. It is a Phụ lục of the
Kế hoạch (no signature of its own) or, with ``as_annex: false``, a Hướng dẫn.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from phongtrao import vi
from phongtrao._kinds import common
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Block, BlockKind, Node, NodeKind, number_nodes, phrases
from phongtrao._outline.frame import AnnexBlock, attached_to, signed_by
from phongtrao.model import (
    AnnexTable,
    DocumentKind,
    Indicator,
    Issued,
    Milestone,
    MilestoneKind,
    Plan,
)
from phongtrao.model._indicators import share

__all__ = ["KEY", "indicator_label", "indicator_table", "missing", "outline_annex",
           "outline_blocks", "paper", "renumbered", "wanted"]

KEY = "de-cuong"

_PARTS = ("PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "PHẦN THỨ BA")


def wanted(plan: Plan) -> bool:
    return plan.documents is not None and plan.documents.outline is not None


def missing(plan: Plan) -> tuple[str, ...]:
    needs = []
    if plan.assessment is None:
        needs.append("what the summary assesses (assessment)")
    if _report(plan) is None:
        needs.append("a report milestone for its deadline and recipient "
                     "(schedule[…] with kind: report)")
    return tuple(needs)


def _report(plan: Plan) -> Milestone | None:
    wanted_id = (plan.documents.outline.report
                 if plan.documents is not None and plan.documents.outline is not None else None)
    reports = [m for m in plan.schedule if m.kind is MilestoneKind.REPORT]
    if wanted_id is not None:
        return next((m for m in reports if m.id == wanted_id), None)
    return reports[0] if reports else None


def _title(plan: Plan) -> str:
    if plan.period is not None and plan.movement is not None:
        return (f"Đề cương báo cáo tổng kết {plan.period.years} năm thực hiện Phong trào "
                f"“{plan.movement.name}” (giai đoạn {plan.period.start}-{plan.period.end})")
    return f"Đề cương báo cáo {phrases.lower_first(plan.title)}"


def indicator_label(indicator: Indicator) -> str:
    """An indicator as a table's row names it: "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”"."""
    return f"{phrases.capitalize(indicator.counted)} {indicator.achieved_as}"


def indicator_table(plan: Plan, *, filled: bool = False) -> AnnexTable | None:
    """The table of the plan's indicators to fill: STT | Chỉ tiêu | Tổng số | Số đạt | Tỷ lệ (%).

    ``filled``: the assessment's results in it (the report's own figures).
    """
    if not plan.indicators:
        return None
    results = {result.indicator: result for result in plan.assessment.results} if (
        filled and plan.assessment is not None) else {}
    rows = []
    for index, indicator in enumerate(plan.indicators, start=1):
        result = results.get(indicator.id)
        label = indicator_label(indicator)
        if result is None:
            rows.append((str(index), label, "", "", ""))
        else:
            total = "" if result.total is None else vi.format_number(result.total)
            rate = "" if result.total is None else share(result.achieved, result.total)
            rows.append((str(index), label, total, vi.format_number(result.achieved), rate))
    return AnnexTable(columns=("STT", "Chỉ tiêu", "Tổng số", "Số đạt", "Tỷ lệ (%)"),
                      rows=tuple(rows))


def outline_blocks(plan: Plan, *, gaps: bool = False) -> tuple[Block, ...]:
    """The parts of the outline, numbered within each part; ``gaps``: a line to write under each.

    The report (BC) prints the same parts with room to write under each heading.
    """
    def gap() -> tuple[Node, ...]:
        # 29 "…" fill one line of 14 pt text after the first-line indent (16 cm wide).
        return (Node(kind=NodeKind.PARAGRAPH, text="…" * 29),) if gaps else ()

    first: list[Node] = [Node(kind=NodeKind.HEADING, text="Đặc điểm tình hình",
                              children=(*_items((("Khái quát đặc điểm tình hình của địa phương; "
                                                 "thuận lợi, khó khăn."),)), *gap()))]
    assessment = plan.assessment
    if assessment is not None:
        first.append(Node(kind=NodeKind.HEADING, text=assessment.direction.heading,
                          children=(*_items(assessment.direction.items), *gap())))
    movement = plan.movement
    if movement is not None and movement.contents:
        first.append(Node(kind=NodeKind.HEADING,
                          text=f"Kết quả thực hiện {len(movement.contents)} nội dung",
                          children=(*_bullets(item.text for item in movement.contents),
                                    *gap())))
    if movement is not None and movement.campaigns:
        first.append(Node(kind=NodeKind.HEADING,
                          text="Kết quả thực hiện các phong trào, cuộc vận động",
                          children=(*_bullets(item.text for item in movement.campaigns),
                                    *gap())))
    table = indicator_table(plan, filled=gaps)
    if table is not None:
        first.append(Node(kind=NodeKind.HEADING, text="Kết quả theo các chỉ tiêu",
                          children=(Node(kind=NodeKind.TABLE, text="", table=table),)))
    if assessment is not None:
        judged = [*(assessment.shortcomings.items if assessment.shortcomings else ()),
                  *(assessment.lessons.items if assessment.lessons else ())]
        first.append(Node(kind=NodeKind.HEADING,
                          text="Đánh giá chung: ưu điểm, tồn tại, hạn chế, nguyên nhân và bài "
                          "học kinh nghiệm", children=(*_items(judged), *gap())))
    years = plan.period.years if plan.period is not None else None
    results_title = (f"KẾT QUẢ {years} NĂM THỰC HIỆN PHONG TRÀO" if years is not None
                     else "KẾT QUẢ THỰC HIỆN")
    parts: list[tuple[str, list[Node]]] = [(results_title, first)]
    orientation = plan.orientation
    if orientation is not None:
        span = vi.period_phrase(orientation.period.start, orientation.period.end)
        parts.append((f"PHƯƠNG HƯỚNG, NHIỆM VỤ {span.upper()}",
                      [*_items(orientation.items), *gap()]))
    parts.append(("ĐỀ XUẤT, KIẾN NGHỊ", [Node(
        kind=NodeKind.PARAGRAPH, text="Đề xuất, kiến nghị với cấp trên về cơ chế, chính sách, "
        "nguồn lực để tiếp tục thực hiện Phong trào."), *gap()]))
    blocks: list[Block] = []
    for index, (title, nodes) in enumerate(parts):
        blocks.append(Block(kind=BlockKind.CENTER, number="", lead=_PARTS[index],
                            text=title, depth=0))
        blocks.extend(number_nodes(nodes))
    return tuple(blocks)


def _items(texts: Iterable[str]) -> tuple[Node, ...]:
    return tuple(Node(kind=NodeKind.ITEM, text=text) for text in texts)


def _bullets(texts: Iterable[str]) -> tuple[Node, ...]:
    return tuple(Node(kind=NodeKind.BULLET, text=text) for text in phrases.list_items(list(texts)))


def deadline(plan: Plan) -> str:
    """"Báo cáo gửi về Phòng Văn hóa - Thông tin huyện trước ngày 30/4/2021."."""
    report = _report(plan)
    if report is None:
        return f"Báo cáo gửi về {common.needs('Nơi nhận báo cáo')} trước {common.needs('Hạn')}."
    due = report.window.end or report.window.start
    to = report.recipient or common.needs("Nơi nhận báo cáo")
    return f"Báo cáo gửi về {to} trước {due.vi}."


def outline_annex(plan: Plan) -> AnnexBlock | None:
    """The đề cương as a Phụ lục of the Kế hoạch, when the plan asks for it so; else None."""
    if plan.documents is None or plan.documents.outline is None:
        return None
    if not plan.documents.outline.as_annex:
        return None
    body = (*outline_blocks(plan), Block(kind=BlockKind.PARAGRAPH, number="", lead="Ghi chú:",
                                         text=deadline(plan), depth=1))
    return AnnexBlock(number="Phụ lục", title=_title(plan).upper(), subtitle=None,
                      attached=attached_to(plan.document.kind, plan.document.number,
                                           plan.document.date, plan.issuer),
                      body=body, table=None)


def renumbered(annexes: tuple[AnnexBlock, ...]) -> tuple[AnnexBlock, ...]:
    """The annexes numbered as the decree says: "Phụ lục" alone, or I, II … when several."""
    several = len(annexes) > 1
    return tuple(attrs.evolve(annex, number=f"Phụ lục {vi.roman(index)}" if several
                              else "Phụ lục")
                 for index, annex in enumerate(annexes, start=1))


def paper(plan: Plan) -> Paper:
    """The đề cương: a Hướng dẫn of its own, or (as an annex) the Phụ lục printed alone."""
    outline = plan.documents.outline if plan.documents is not None else None
    attached = outline_annex(plan)
    if attached is not None:
        return Paper(key=KEY, kind=DocumentKind.HD, issuer=plan.issuer, parent=plan.parent,
                     number=plan.document.number, date=plan.document.date, place=plan.place,
                     kind_title="", title=attached.title, signature=signed_by(plan.signature),
                     annexes=(attached,), frame=False)
    issued = outline.issued if outline is not None else Issued()
    number = common.issued_number(plan, issued, DocumentKind.HD, plan.issuer)
    return Paper(
        key=KEY, kind=DocumentKind.HD, issuer=plan.issuer, parent=plan.parent,
        number=number, date=common.issued_date(plan, issued),
        place=common.issued_place(plan, issued), kind_title="HƯỚNG DẪN", title=_title(plan),
        introduction=(f"Thực hiện {common.plan_reference(plan, own=True)}, "
                      f"{plan.issuer.full_name} hướng dẫn đề cương báo cáo như sau:"),
        body=outline_blocks(plan), closing=deadline(plan),
        signature=signed_by(common.default_signature(
            plan, outline.signature if outline is not None else None)),
        recipients=common.recipients_or(outline.recipients if outline is not None else (),
                                        *plan.recipients),
    )
