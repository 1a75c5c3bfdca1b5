"""Indicators: what a movement's results are counted by, as targets and as results.

Real reports count in pairs — "672/713 thôn, tổ dân phố đạt danh hiệu văn hóa"
— or plain counts; percentages are computed from the counts, never stored (a
sum of shares is meaningless; a share of sums is right).
"""

from __future__ import annotations

from typing import Any

import attrs

from phongtrao import vi
from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import check_id

__all__ = ["Indicator", "Result", "Target"]


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Indicator(Model):
    """Chỉ tiêu — what is counted: a pair (achieved of a total) or a plain count.

    A result reads "<achieved>/<total> <counted> <achieved_as> (<share>)":
    "812/900 hộ gia đình đạt danh hiệu “Gia đình văn hóa” (90,2%)".
    """

    id: str = attrs.field(
        validator=check_id,
        metadata=describe("Mã ổn định", "stable id, the same in every tier's plan and report",
                          "gia-dinh-van-hoa", identifier=True))
    name: str = attrs.field(
        metadata=describe("Tên ngắn", "short name, for table headings", "Gia đình văn hóa"))
    counted: str = attrs.field(
        metadata=describe("Đơn vị đếm", "what is counted", "hộ gia đình"))
    achieved_as: str = attrs.field(
        metadata=describe("Tiêu chí đạt", "what the achieved ones are",
                          "đạt danh hiệu “Gia đình văn hóa”"))
    paired: bool = attrs.field(
        default=True,
        metadata=describe("Tính trên tổng số", "counted as achieved of a total (false: a plain "
                          "count)", False))

    def phrase(self, achieved: int, total: int | None = None) -> str:
        """"812/900 hộ gia đình đạt danh hiệu … (90,2%)", or "45 nhà văn hóa được xây mới"."""
        if total is None:
            return f"{vi.format_number(achieved)} {self.counted} {self.achieved_as}"
        return (f"{vi.format_number(achieved)}/{vi.format_number(total)} {self.counted} "
                f"{self.achieved_as} ({share(achieved, total)})")


def share(achieved: int, total: int) -> str:
    """The share of a pair, as documents write it: "94,2%"; "-" for a total of 0."""
    if total == 0:
        return "-"
    from decimal import Decimal  # deferred: only shares need it

    return vi.format_percent(Decimal(achieved * 100) / Decimal(total), 1)


def _check_percent(instance: Target, attribute: Any, percent: int | None) -> None:
    if percent is not None and not 0 < percent <= 100:
        raise ModelError("percent", f"a target of {percent}% is out of range; expected 1-100")
    if (percent is None) == (instance.count is None):
        raise ModelError("percent", "a target is a percent or a count; expected exactly one "
                         "of them")


def _not_negative(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and value < 0:
        raise ModelError(attribute.name, f"{value} is negative; expected 0 or more")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Target(Model):
    """Mục tiêu — a target for the next period: a share or a count of an indicator."""

    indicator: str = attrs.field(
        validator=check_id,
        metadata=describe("Chỉ tiêu", "the indicator, by id", "gia-dinh-van-hoa",
                          identifier=True))
    percent: int | None = attrs.field(
        default=None, validator=_check_percent,
        metadata=describe("Tỷ lệ (%)", "the share to reach, in percent", 95))
    count: int | None = attrs.field(
        default=None, validator=_not_negative,
        metadata=describe("Số lượng", "the number to reach", 50))
    by: int | None = attrs.field(
        default=None, metadata=describe("Đến năm", "the year it is to be reached by", 2030))


def _achieved_within_total(instance: Result, attribute: Any, total: int | None) -> None:
    _not_negative(instance, attribute, total)
    if total is not None and instance.achieved > total:
        raise ModelError("achieved", f"{instance.achieved} achieved of a total of {total}; the "
                         "achieved count cannot exceed the total")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Result(Model):
    """Kết quả — what an indicator reached: achieved of a total, or a count."""

    indicator: str = attrs.field(
        validator=check_id,
        metadata=describe("Chỉ tiêu", "the indicator, by id", "thon-van-hoa",
                          identifier=True))
    achieved: int = attrs.field(
        validator=_not_negative,
        metadata=describe("Số đạt", "how many reached it", 672))
    total: int | None = attrs.field(
        default=None, validator=_achieved_within_total,
        metadata=describe("Tổng số", "of how many, for a paired indicator", 713))
