"""The schedule: when each tier holds its conference, and the deadlines on the way.

A milestone belongs to a tier: an administrative level, or a named tier at a
level ("cấp tỉnh và bộ, ngành, đoàn thể Trung ương", "khu phố" below a
ward). It is a conference, a deadline, a report to send, a preparation step or
something else, and each kind has its own sentence. A conference may say when
(to the time of day), where, who chairs it, who attends and its agenda.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import check_id
from phongtrao.model._time import PartialDate, TimeOfDay, Window
from phongtrao.model._units import Level

__all__ = ["AgendaItem", "Conference", "Milestone", "MilestoneKind", "Modality"]


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


class MilestoneKind(str, Enum):
    """Loại mốc — what a milestone is; each kind has its own sentence."""

    CONFERENCE = "conference"
    DEADLINE = "deadline"
    REPORT = "report"
    PREPARATION = "preparation"
    OTHER = "other"


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AgendaItem(Model):
    """Một mục chương trình — one item of a conference's agenda."""

    time: TimeOfDay | None = attrs.field(
        default=None, metadata=describe("Thời gian", "when it starts, if set", "07:30"))
    item: str = attrs.field(
        metadata=describe("Nội dung", "what is done", "Báo cáo tổng kết 25 năm thực hiện Phong "
                          "trào"))
    presenter: str | None = attrs.field(
        default=None, metadata=describe("Người thực hiện", "who does it",
                                        "Lãnh đạo Phòng Văn hóa - Xã hội"))


def _end_after_start(instance: Conference, attribute: Any, end: TimeOfDay | None) -> None:
    start = instance.start
    if end is not None and start is not None and (end.hour, end.minute) <= (start.hour,
                                                                            start.minute):
        raise ModelError("end", f"the conference ends ({end}) no later than it starts "
                         f"({start}); expected an end after {start}")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Conference(Model):
    """Hội nghị — when, where and with whom a tier holds its conference."""

    date: PartialDate | None = attrs.field(
        default=None, metadata=describe("Ngày tổ chức", "the day, when known (else the "
                                        "milestone's window)", "2025-10-10"))
    start: TimeOfDay | None = attrs.field(
        default=None, metadata=describe("Giờ bắt đầu", "when it starts", "07:30"))
    end: TimeOfDay | None = attrs.field(
        default=None, validator=_end_after_start,
        metadata=describe("Giờ kết thúc", "when it ends, if set", "11:30"))
    venue: str | None = attrs.field(
        default=None, metadata=describe("Địa điểm", "where", "Hội trường UBND phường"))
    chairs: tuple[str, ...] = attrs.field(
        default=(), metadata=describe("Chủ trì", "who chairs it", ["Chủ tịch UBND phường"]))
    participants: tuple[str, ...] = attrs.field(
        default=(), metadata=describe("Thành phần tham dự", "who attends, each a line",
                                      ["Thường trực Đảng ủy phường"]))
    agenda: tuple[AgendaItem, ...] = attrs.field(
        default=(), metadata=describe("Chương trình", "the agenda, in order"))


def _conference_only(instance: Milestone, attribute: Any, value: Conference | None) -> None:
    if value is not None and instance.kind is not MilestoneKind.CONFERENCE:
        raise ModelError("conference", f"a {instance.kind.value} milestone holds no conference; "
                         "expected kind: conference, or no conference")


def _optional_id(instance: Any, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Milestone(Model):
    """Mốc thời gian — one level's event and its time window.

    A conference is rendered "<title>: [<note>] <modality> <window>", e.g.
    "Hội nghị Tổng kết cấp xã: Tùy tình hình cụ thể có thể tổ chức từ tháng
    02/2021 đến tháng 4/2021."; a deadline "<title>: hoàn thành trước ngày
    30/9/2025."; a report "<title>: gửi báo cáo về <recipient> trước …".
    """

    id: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Mã", "a stable id other parts refer to it by (awards given at it)",
                          "hoi-nghi-cap-tinh", identifier=True))
    level: Level = attrs.field(
        metadata=describe("Cấp", "the level of its tier: thon, xa, huyen, tinh, trung_uong",
                          "xa")
    )
    tier: str | None = attrs.field(
        default=None,
        metadata=describe("Tên cấp", "the tier as the plan names it, when more than the "
                          "level (a sector, or the community's own word)",
                          "cấp tỉnh và bộ, ngành, đoàn thể Trung ương"))
    kind: MilestoneKind = attrs.field(
        default=MilestoneKind.CONFERENCE,
        metadata=describe("Loại mốc", "conference, deadline, report, preparation or other",
                          "deadline"))
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
    recipient: str | None = attrs.field(
        default=None,
        metadata=describe("Nơi gửi", "for a report or a deadline: where it is sent",
                          "Phòng Văn hóa - Thông tin huyện"))
    conference: Conference | None = attrs.field(
        default=None, validator=_conference_only,
        metadata=describe("Hội nghị", "for a conference: when, where, who"))
