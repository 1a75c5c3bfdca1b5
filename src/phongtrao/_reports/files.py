"""The results file: a form's counts as YAML or JSON, and an aggregate's sums for the level above.

A results file holds one or more units' counts::

    version: 1
    plan: 3f2a9c0d1b7e4a55          # the key of the plan whose form it answers
    units:
      - unit: {name: Cẩm Minh, level: xa, kind: xa, code: "18751"}
        reporter: Nguyễn Văn A
        date: 2021-03-15
        results:
          - {indicator: gia-dinh-van-hoa, achieved: 812, total: 900}
          - {indicator: nha-van-hoa, achieved: 12}

An aggregate writes one with ``aggregate_of`` (the key of the plan it added
up under) instead of ``plan``, holding one unit: the plan's issuer, with the
sums. The level above reads it as that unit's report; it takes the
indicators it defines, by id, and leaves the others.
"""

from __future__ import annotations

import datetime

import attrs

from phongtrao.model import AdministrativeUnit
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import check_id

__all__ = ["CountEntry", "ResultsFile", "UnitEntry"]


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class CountEntry(Model):
    """Một số liệu — one indicator's count, as a results file writes it."""

    indicator: str = attrs.field(
        validator=check_id,
        metadata=describe("Chỉ tiêu", "the indicator, by its id in the plan", "gia-dinh-van-hoa",
                          identifier=True))
    achieved: int | None = attrs.field(
        default=None, metadata=describe("Số đạt", "how many reached it (or the plain count)",
                                        812))
    total: int | None = attrs.field(
        default=None, metadata=describe("Tổng số", "of how many, for a paired indicator", 900))


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class UnitEntry(Model):
    """Số liệu của một đơn vị — one unit's counts in a results file."""

    unit: AdministrativeUnit = attrs.field(
        metadata=describe("Đơn vị báo cáo", "the unit that reports",
                          {"name": "Cẩm Minh", "level": "xa", "kind": "xa", "code": "18751"}))
    results: tuple[CountEntry, ...] = attrs.field(
        default=(), metadata=describe("Số liệu", "one count per indicator of the plan"))
    reporter: str | None = attrs.field(
        default=None, metadata=describe("Người lập biểu", "who filled it in", "Nguyễn Văn A"))
    date: datetime.date | None = attrs.field(
        default=None, metadata=describe("Ngày lập biểu", "the day it was filled in",
                                        "2021-03-15"))
    left_out: tuple[str, ...] = attrs.field(
        default=(), metadata=describe("Đơn vị chưa tính", "lower units these sums leave out",
                                      ["xã Cẩm Minh"]))


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class ResultsFile(Model):
    """Tệp số liệu — counts by unit, for one plan."""

    version: int = attrs.field(
        metadata=describe("Phiên bản", "the version of the results file's keys", 1))
    units: tuple[UnitEntry, ...] = attrs.field(
        metadata=describe("Các đơn vị", "each reporting unit with its counts"))
    plan: str | None = attrs.field(
        default=None, metadata=describe("Mã kế hoạch", "the key of the plan whose form it "
                                        "answers (phongtrao form prints it)", "3f2a9c0d1b7e4a55"))
    aggregate_of: str | None = attrs.field(
        default=None, metadata=describe("Tổng hợp theo kế hoạch", "for an aggregate's sums: "
                                        "the key of the plan they were added up under",
                                        "3f2a9c0d1b7e4a55"))
