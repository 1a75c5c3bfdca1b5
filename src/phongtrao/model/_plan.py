"""The plan (Kế hoạch) and its parts."""

from __future__ import annotations

from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._awards import Awards
from phongtrao.model._documents import Document, LegalBasis
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._indicators import Indicator, Result, Target
from phongtrao.model._movement import Movement, unique_ids
from phongtrao.model._parts import Annex, PlanSection, Topic
from phongtrao.model._schedule import Milestone
from phongtrao.model._set import Documents, Nominee
from phongtrao.model._signature import Signature, SignMode
from phongtrao.model._time import Period
from phongtrao.model._units import Agency

__all__ = [
    "Assessment",
    "FundingSource",
    "Orientation",
    "Plan",
    "Responsibility",
    "SignMode",
    "Signature",
    "Topic",
]


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Assessment(Model):
    """Nội dung tổng kết — what the summary must assess.

    The results part between ``direction`` and ``shortcomings`` is built from the
    movement's contents and campaigns, then ``impact``.
    """

    direction: Topic = attrs.field(
        metadata=describe("Đánh giá công tác chỉ đạo", "the direction work to assess")
    )
    impact: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Tác động, sức lan tỏa",
                          "impact items that follow the results by content and campaign"),
    )
    shortcomings: Topic | None = attrs.field(
        default=None, metadata=describe("Tồn tại, hạn chế", "shortcomings to assess")
    )
    lessons: Topic | None = attrs.field(
        default=None, metadata=describe("Bài học kinh nghiệm", "lessons to draw")
    )
    results: tuple[Result, ...] = attrs.field(
        default=(),
        metadata=describe("Kết quả theo chỉ tiêu", "the indicators' results so far, each "
                          "printed with its share"),
    )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Orientation(Model):
    """Định hướng — the orientation and targets for the next period."""

    period: Period = attrs.field(
        metadata=describe("Giai đoạn tiếp theo", "the next period", {"start": 2021, "end": 2025})
    )
    items: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Các định hướng", "its items, each numbered"),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(),
        metadata=describe("Mục tiêu", "targets of the plan's indicators for the next period"),
    )


def _check_amount(instance: FundingSource, attribute: Any, amount: int | None) -> None:
    if amount is not None and amount < 0:
        raise ModelError("amount", f"an amount of {amount} đồng is negative; expected 0 or more")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class FundingSource(Model):
    """Kinh phí — a source of funds and, if set, the amount in đồng.

    Rendered as "Từ nguồn <source>."
    """

    source: str = attrs.field(
        metadata=describe("Nguồn kinh phí", "where the money comes from, after 'Từ nguồn'",
                          "ngân sách Nhà nước theo phân cấp"),
    )
    amount: int | None = attrs.field(
        default=None,
        validator=_check_amount,
        metadata=describe("Số tiền (đồng)", "amount in đồng, if set", 50000000),
    )


def _some_duties(instance: Responsibility, attribute: Any, duties: tuple[str, ...]) -> None:
    if not duties:
        raise ModelError("duties", "a unit with no duties; expected at least one duty")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Responsibility(Model):
    """Trách nhiệm — one unit's duties in carrying out the plan.

    A body the issuer cannot command is ``requested`` ("Đề nghị Ủy ban Mặt trận
    Tổ quốc huyện") rather than assigned.
    """

    unit: str = attrs.field(
        metadata=describe("Đơn vị", "the unit, as the plan names it", "Phòng Văn hóa - Thông tin"),
    )
    duties: tuple[str, ...] = attrs.field(
        validator=_some_duties,
        metadata=describe("Nhiệm vụ", "its duties; one is a paragraph, several are bullets"),
    )
    requested: bool = attrs.field(
        default=False,
        metadata=describe("Đề nghị (không giao)",
                          "whether the issuer requests rather than assigns", True),
    )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Plan(Model):
    """Kế hoạch — the plan for a movement's summary conference, complete."""

    issuer: Agency = attrs.field(
        metadata=describe("Cơ quan ban hành", "the body that issues the plan")
    )
    parent: Agency | None = attrs.field(
        default=None,
        metadata=describe("Cơ quan chủ quản", "the body above the issuer, shown above it"),
    )
    document: Document = attrs.field(
        metadata=describe("Số, ký hiệu, địa danh, ngày", "number, symbol, place and date")
    )
    title: str = attrs.field(
        metadata=describe("Trích yếu", "what the plan is about, under 'KẾ HOẠCH'"),
    )
    movement: Movement | None = attrs.field(
        default=None,
        metadata=describe("Phong trào", "the movement summarised, for a plan that sums one up"),
    )
    period: Period | None = attrs.field(
        default=None,
        metadata=describe("Giai đoạn tổng kết", "the years summarised, for a plan that sums "
                          "them up", {"start": 2000, "end": 2020}),
    )
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(),
        validator=unique_ids("indicators"),
        metadata=describe("Chỉ tiêu", "what results are counted by, for targets and results"),
    )
    bases: tuple[LegalBasis, ...] = attrs.field(
        default=(),
        metadata=describe("Căn cứ", "the documents the plan is based on"),
    )
    introduction: str | None = attrs.field(
        default=None,
        metadata=describe("Lời dẫn", "the sentence after the bases, ending 'cụ thể như sau:'"),
    )
    purposes: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Mục đích", "purposes, each a bullet"),
    )
    requirements: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Yêu cầu", "requirements, each a bullet"),
    )
    assessment: Assessment | None = attrs.field(
        default=None, metadata=describe("Nội dung tổng kết", "what the summary must assess")
    )
    orientation: Orientation | None = attrs.field(
        default=None, metadata=describe("Định hướng giai đoạn tới", "orientation for next period")
    )
    awards: Awards | None = attrs.field(
        default=None, metadata=describe("Thi đua, khen thưởng", "awards")
    )
    schedule: tuple[Milestone, ...] = attrs.field(
        default=(),
        metadata=describe("Thời gian tổng kết", "when each level holds its conference"),
    )
    funding: tuple[FundingSource, ...] = attrs.field(
        default=(),
        metadata=describe("Kinh phí", "where the money comes from"),
    )
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        default=(),
        metadata=describe("Tổ chức thực hiện", "each unit's duties"),
    )
    sections: tuple[PlanSection, ...] = attrs.field(
        default=(),
        metadata=describe("Các phần", "built-in parts renamed, left out or moved, and parts "
                          "of the plan's own"),
    )
    closing: str | None = attrs.field(
        default=None,
        metadata=describe("Đoạn kết", "the closing paragraph; the end mark './.' is added"),
    )
    recipients: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Nơi nhận", "recipient lines, the last the archive 'Lưu: VT'",
                          ["Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT"]),
    )
    signature: Signature = attrs.field(
        metadata=describe("Chữ ký", "the signature block")
    )
    annexes: tuple[Annex, ...] = attrs.field(
        default=(),
        metadata=describe("Phụ lục", "parts attached after the document, numbered Phụ lục I, II …"),
    )
    documents: Documents | None = attrs.field(
        default=None,
        metadata=describe("Bộ hồ sơ hội nghị", "the conference's other documents: đề cương, "
                          "giấy mời, chương trình, tờ trình, quyết định, báo cáo, công văn"),
    )
    nominees: tuple[Nominee, ...] = attrs.field(
        default=(),
        metadata=describe("Danh sách đề nghị khen thưởng", "the people and bodies proposed "
                          "for an award (or load them from .xlsx with phongtrao.load_nominees)"),
    )

    def indicator(self, id: str) -> Indicator | None:
        """The plan's indicator of that id, if any."""
        return next((item for item in self.indicators if item.id == id), None)

    @property
    def place(self) -> str:
        """The place in the date line (the document's, or else the issuer's unit name)."""
        if self.document.place is not None:
            return self.document.place
        unit = self.issuer.unit
        return unit.name if unit is not None else "Hà Nội"
