"""Reports up the cascade: the counts each unit sends, and their sums at the level above.

A lower unit reports its counts (:class:`UnitResults`: who it is, one
:class:`~phongtrao.model.Result` per indicator); the level above adds them up
into an :class:`Aggregate`: per indicator the sums of the counts, one row per
unit and the units that did not report. Shares are computed from the sums,
never averaged (DESIGN §4): 672/713 and 40/50 make 712/763 (93,3%), not the
mean of 94,2% and 80%.

An :class:`Aggregate` is what a Báo cáo (BC) template consumes: its
:attr:`Aggregate.indicators` give, for each indicator, the phrase a report
writes ("712/763 thôn … (93,3%)"), the table's rows and the target.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import excerpt
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._indicators import Indicator, Result, Target, share
from phongtrao.model._time import Period
from phongtrao.model._units import AdministrativeUnit

__all__ = ["Aggregate", "IndicatorTotal", "LeftOut", "Results", "UnitCount", "UnitResults"]


def _unique_indicators(instance: Any, attribute: Any, results: tuple[Result, ...]) -> None:
    seen: set[str] = set()
    for index, result in enumerate(results):
        if result.indicator in seen:
            raise ModelError(f"results[{index}].indicator", f"the indicator "
                             f"{excerpt(result.indicator)} is counted twice; expected each "
                             "indicator once")
        seen.add(result.indicator)


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class UnitResults(Model):
    """Kết quả của một đơn vị — the counts one lower unit reports, indicator by indicator.

    Attributes:
        unit: đơn vị báo cáo — the unit that reports.
        results: kết quả — one count per indicator of the plan.
        reporter: người lập biểu — who filled in the form, if said.
        date: ngày lập biểu — the day the form was filled in, if said.
        left_out: đơn vị chưa tính — lower units these sums leave out.
    """

    unit: AdministrativeUnit = attrs.field(
        metadata=describe("Đơn vị báo cáo", "the unit that reports",
                          {"name": "Cẩm Minh", "level": "xa", "kind": "xa", "code": "18751"}))
    results: tuple[Result, ...] = attrs.field(
        validator=_unique_indicators,
        metadata=describe("Kết quả theo chỉ tiêu", "one count per indicator of the plan"))
    reporter: str | None = attrs.field(
        default=None, metadata=describe("Người lập biểu", "who filled in the form",
                                        "Nguyễn Văn A"))
    date: datetime.date | None = attrs.field(
        default=None, metadata=describe("Ngày lập biểu", "the day the form was filled in",
                                        "2021-03-15"))
    left_out: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Đơn vị chưa tính", "lower units these sums leave out (an aggregate "
                          "written with --partial)", ["xã Cẩm Minh"]))

    def result(self, indicator: str) -> Result | None:
        """The count of the indicator of that id, if reported."""
        return next((item for item in self.results if item.indicator == indicator), None)


def _percent(achieved: int, total: int | None) -> Decimal | None:
    if total is None or total == 0:
        return None
    return Decimal(achieved * 100) / Decimal(total)


@attrs.frozen(kw_only=True)
class UnitCount:
    """Số liệu một đơn vị — one unit's row in an indicator's table.

    Attributes:
        unit: đơn vị — the unit.
        achieved: số đạt — how many reached it (the count, for a plain count).
        total: tổng số — of how many; None for a plain count.
    """

    unit: AdministrativeUnit
    achieved: int
    total: int | None = None

    @property
    def percent(self) -> Decimal | None:
        """Tỷ lệ — achieved of total in percent, exact; None for a plain count or a total of 0."""
        return _percent(self.achieved, self.total)

    @property
    def share(self) -> str:
        """The share as documents write it ("94,2%"); "" for a plain count, "-" for 0 of 0."""
        return "" if self.total is None else share(self.achieved, self.total)


@attrs.frozen(kw_only=True)
class IndicatorTotal:
    """Tổng hợp một chỉ tiêu — an indicator's sums over the units that reported.

    The sums are computed from the rows, so they always agree with them; the
    share is that of the sums.

    Attributes:
        indicator: chỉ tiêu — the indicator, as the plan defines it.
        rows: các đơn vị — one row per unit that reported, in the order of the units.
        target: mục tiêu — the plan's target for it, if any.
    """

    indicator: Indicator
    rows: tuple[UnitCount, ...]
    target: Target | None = None

    @property
    def achieved(self) -> int:
        """Tổng số đạt — the sum of the units' achieved counts."""
        return sum(row.achieved for row in self.rows)

    @property
    def total(self) -> int | None:
        """Tổng số — the sum of the units' totals; None for a plain count."""
        if not self.indicator.paired:
            return None
        return sum(row.total or 0 for row in self.rows)

    @property
    def percent(self) -> Decimal | None:
        """Tỷ lệ — the share of the sums in percent, exact; None for a plain count or 0 of 0."""
        return _percent(self.achieved, self.total)

    @property
    def share(self) -> str:
        """The share of the sums as documents write it ("93,3%"); "" for a plain count."""
        total = self.total
        return "" if total is None else share(self.achieved, total)

    @property
    def phrase(self) -> str:
        """What a report writes: "712/763 thôn … (93,3%)", or "45 nhà văn hóa được xây mới"."""
        return self.indicator.phrase(self.achieved, self.total)

    @property
    def target_met(self) -> bool | None:
        """Whether the sums reach the target; None without a target (or a share of 0 of 0)."""
        target = self.target
        if target is None:
            return None
        if target.percent is not None:
            percent = self.percent
            return None if percent is None else percent >= target.percent
        return target.count is not None and self.achieved >= target.count

    def by_share(self) -> tuple[UnitCount, ...]:
        """The rows from the highest share (or count) down; ties keep the units' order."""
        def key(row: UnitCount) -> Decimal:
            if self.indicator.paired:
                return -(row.percent if row.percent is not None else Decimal(-1))
            return -Decimal(row.achieved)

        return tuple(sorted(self.rows, key=key))


@attrs.frozen(kw_only=True)
class LeftOut:
    """Một đơn vị chưa tính — a report left out of the sums, and why (``partial=True``).

    Attributes:
        unit: đơn vị — the unit, when the report says which (None for a file
            that could not be read at all).
        source: nguồn — the file it came from.
        reasons: lý do — each problem, with its file, sheet and cell.
    """

    unit: AdministrativeUnit | None
    source: str
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        who = self.unit.full_name if self.unit is not None else self.source
        return f"{who}: {'; '.join(self.reasons)}"


@attrs.frozen(kw_only=True)
class Results:
    """Số liệu đã nhận — the lower units' reports read for one plan, every one sound.

    Attributes:
        plan_key: mã kế hoạch — the key of the plan they answer.
        units: các đơn vị — each unit's counts, in the order the files were given.
        sources: nguồn — the file each unit's counts came from, in the same order.
        left_out: bị loại — reports left out for their problems (only when read
            with ``partial=True``; otherwise such problems raise).
        expected: đơn vị phải báo cáo — the units the plan expects reports
            from, in their order; empty when they were not given.
    """

    plan_key: str
    units: tuple[UnitResults, ...]
    sources: tuple[str, ...]
    left_out: tuple[LeftOut, ...] = ()
    expected: tuple[AdministrativeUnit, ...] = ()

    def __attrs_post_init__(self) -> None:
        if len(self.units) != len(self.sources):
            raise ValueError(f"{len(self.units)} units but {len(self.sources)} sources; "
                             "expected one source per unit")

    def source_of(self, unit: AdministrativeUnit) -> str | None:
        """The file the unit's counts came from, if it reported."""
        for results, source in zip(self.units, self.sources, strict=True):
            if results.unit == unit:
                return source
        return None


@attrs.frozen(kw_only=True)
class Aggregate:
    """Tổng hợp kết quả — the level's sums of its lower units' reports.

    The typed statistics of a Báo cáo tổng kết: per indicator its sums, its
    table and its target; which units reported, which did not, and which
    were left out for errors. :meth:`as_results` turns it into one unit's
    report for the level above.

    Attributes:
        plan_key: mã kế hoạch — the key of the plan added up under
            (:func:`phongtrao.plan_key`).
        unit: đơn vị tổng hợp — the unit that adds up (the plan's issuer's unit).
        issuer: cơ quan — the issuing body, as a heading names it
            ("UBND huyện Cẩm Xuyên").
        period: giai đoạn — the years summarised, if the plan says.
        indicators: các chỉ tiêu — one total per indicator, in the plan's order.
        reported: đã báo cáo — the units whose counts are in the sums, in order.
        missing: chưa báo cáo — the units expected that sent no report.
        left_out: bị loại — the reports left out for errors (only with ``partial``).
        carried: chưa tính ở cấp dưới — units a lower level's own sums left
            out, each with its place ("xã Cẩm Minh, huyện Cẩm Xuyên").
    """

    plan_key: str
    unit: AdministrativeUnit | None
    issuer: str
    period: Period | None
    indicators: tuple[IndicatorTotal, ...]
    reported: tuple[AdministrativeUnit, ...]
    missing: tuple[AdministrativeUnit, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    carried: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether every unit expected is in the sums (none missing, none left out)."""
        return not (self.missing or self.left_out or self.carried)

    def indicator(self, id: str) -> IndicatorTotal | None:
        """The total of the indicator of that id, if the plan defines it."""
        return next((item for item in self.indicators if item.indicator.id == id), None)

    def not_counted(self) -> tuple[str, ...]:
        """Every unit not in the sums, by name: missing, left out, and left out below."""
        names = [unit.full_name for unit in self.missing]
        names += [unit.unit.full_name if unit.unit is not None else unit.source
                  for unit in self.left_out]
        return (*names, *self.carried)

    def as_results(self) -> UnitResults:
        """The sums as the report of :attr:`unit` to the level above.

        Raises:
            ValueError: when the plan's issuer has no unit to report as.
        """
        if self.unit is None:
            raise ValueError(f"{self.issuer} names no administrative unit; the level above "
                             "needs the unit that reports")
        return UnitResults(
            unit=self.unit,
            results=tuple(Result(indicator=item.indicator.id, achieved=item.achieved,
                                 total=item.total) for item in self.indicators),
            left_out=self.not_counted(),
        )
