"""The schedule: when each level holds its summary conference."""

from __future__ import annotations

from enum import Enum

import attrs

from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._time import Window
from phongtrao.model._units import Level

__all__ = ["Milestone", "Modality"]


class Modality(str, Enum):
    """Mức độ chắc chắn — how firmly the date is set."""

    TO_CHUC = "to_chuc"
    DU_KIEN = "du_kien"
    CO_THE = "co_the"

    @property
    def vi(self) -> str:
        """The phrase that introduces the window ("tổ chức", "dự kiến tổ chức")."""
        return _MODALITY_PHRASES[self]


_MODALITY_PHRASES = {
    Modality.TO_CHUC: "tổ chức",
    Modality.DU_KIEN: "dự kiến tổ chức",
    Modality.CO_THE: "có thể tổ chức",
}


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Milestone(Model):
    """Mốc thời gian — one level's event and its time window.

    Rendered as "<title>: [<note>] <modality> <window>", e.g. "Hội nghị Tổng kết
    cấp xã: Tùy tình hình cụ thể có thể tổ chức từ tháng 02/2021 đến tháng 4/2021."
    """

    level: Level = attrs.field(
        metadata=describe("Cấp tổ chức", "level that holds it", "xa")
    )
    title: str = attrs.field(
        metadata=describe("Tên sự kiện", "what is held", "Hội nghị Tổng kết cấp xã"),
    )
    window: Window = attrs.field(
        metadata=describe("Thời gian", "when", {"start": "2021-02", "end": "2021-04"})
    )
    modality: Modality = attrs.field(
        default=Modality.TO_CHUC,
        metadata=describe("Mức độ chắc chắn", "how firm: to_chuc, du_kien, co_the", "co_the"),
    )
    note: str | None = attrs.field(
        default=None,
        metadata=describe("Ghi chú", "a condition put before the time",
                          "Tùy tình hình cụ thể"),
    )
