"""Dates known to a day, a month, a quarter or a year, and windows of them."""

from __future__ import annotations

import calendar
import datetime
import re
from enum import Enum
from typing import Any

import attrs

from phongtrao import vi
from phongtrao.errors import ModelError
from phongtrao.model._convert import (
    SCALARS,
    ConversionError,
    date_text_hint,
    describe_value,
    excerpt,
    without_time,
)
from phongtrao.model._fields import Model, converting, describe, model

__all__ = ["PartialDate", "Period", "Precision", "TimeOfDay", "Window"]


class Precision(str, Enum):
    """Độ chính xác — how precisely a date is known."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_PATTERN = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<quarter>Q[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?"
)

#: What a partial date looks like in a plan file, for error messages.
PARTIAL_DATE_FORMS = "'2021-02-15' (a day), '2021-02' (a month), '2021-Q2' (a quarter) or '2021'"


def _check_year(instance: PartialDate, attribute: Any, year: int) -> None:
    if not 1 <= year <= 9999:
        raise ModelError("year", f"year {year} is out of range; expected 1-9999")


def _check_month(instance: PartialDate, attribute: Any, month: int | None) -> None:
    if month is None:
        return
    if not 1 <= month <= 12:
        raise ModelError("month", f"month {month} is out of range; expected 1-12")
    if instance.quarter is not None:
        raise ModelError("month", "give a month or a quarter, not both")


def _check_quarter(instance: PartialDate, attribute: Any, quarter: int | None) -> None:
    if quarter is not None and not 1 <= quarter <= 4:
        raise ModelError("quarter", f"quarter {quarter} is out of range; expected 1-4")


def _check_day(instance: PartialDate, attribute: Any, day: int | None) -> None:
    if day is None:
        return
    if instance.month is None:
        raise ModelError("day", "a day needs a month; expected a month too")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= day <= last:
        raise ModelError(
            "day",
            f"day {day} does not exist in {instance.month:02d}/{instance.year}; "
            f"expected 1-{last}",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class PartialDate(Model):
    """Thời điểm — a date known to a day, a month, a quarter or only a year.

    In plan files it is written ``2021-02-15``, ``2021-02``, ``2021-Q2`` or
    ``2021``.
    """

    year: int = attrs.field(validator=_check_year, metadata=describe("Năm", "year", 2021))
    quarter: int | None = attrs.field(
        default=None, validator=_check_quarter, metadata=describe("Quý", "quarter, 1-4")
    )
    month: int | None = attrs.field(
        default=None, validator=_check_month, metadata=describe("Tháng", "month, 1-12")
    )
    day: int | None = attrs.field(
        default=None, validator=_check_day, metadata=describe("Ngày", "day of the month")
    )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``2021-02-15``, ``2021-02``, ``2021-Q2`` or ``2021``.

        Raises:
            ModelError: when the text has none of those forms or names no real date.
        """
        if not isinstance(text, str):
            raise ModelError("date", f"expected text, got {describe_value(text)}",
                             cls=cls.__name__, value=text)
        match = _PATTERN.fullmatch(text.strip())
        if match is None:
            raise ModelError("date", f"{excerpt(text)} is not a date; expected "
                             f"{PARTIAL_DATE_FORMS}", cls=cls.__name__, value=text)
        groups = match.groupdict()
        try:
            return cls(
                year=int(groups["year"]),
                quarter=int(groups["quarter"][1]) if groups["quarter"] else None,
                month=int(groups["month"]) if groups["month"] else None,
                day=int(groups["day"]) if groups["day"] else None,
            )
        except ModelError as error:
            raise ModelError("date", f"{excerpt(text)} is not a real date: {error.message}",
                             cls=cls.__name__, value=text) from None

    @classmethod
    def of(cls, day: datetime.date) -> PartialDate:
        """The partial date for an exact day."""
        return cls(year=day.year, month=day.month, day=day.day)

    @property
    def precision(self) -> Precision:
        """How precisely the date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.quarter is not None:
            return Precision.QUARTER
        return Precision.YEAR

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the date can mean."""
        if self.month is not None:
            return datetime.date(self.year, self.month, self.day or 1)
        if self.quarter is not None:
            return datetime.date(self.year, 3 * self.quarter - 2, 1)
        return datetime.date(self.year, 1, 1)

    @property
    def last_day(self) -> datetime.date:
        """The latest day the date can mean."""
        if self.month is not None:
            last = self.day or calendar.monthrange(self.year, self.month)[1]
            return datetime.date(self.year, self.month, last)
        if self.quarter is not None:
            month = 3 * self.quarter
            return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])
        return datetime.date(self.year, 12, 31)

    @property
    def exact(self) -> datetime.date | None:
        """The day, when the date is known to the day."""
        return self.first_day if self.day is not None else None

    @property
    def vi(self) -> str:
        """The date as a plan writes it: "ngày 05/01/2021", "tháng 6/2021", "quý II/2021"."""
        if self.day is not None and self.month is not None:
            return vi.day_phrase(self.first_day)
        if self.month is not None:
            return vi.month_phrase(self.year, self.month)
        if self.quarter is not None:
            return vi.quarter_phrase(self.year, self.quarter)
        return vi.year_phrase(self.year)

    def __str__(self) -> str:
        if self.quarter is not None:
            return f"{self.year:04d}-Q{self.quarter}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def to_partial_date(value: Any) -> PartialDate:
    """A partial date from what a plan file may write: ``"2021-02"``, a date, or a year."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.datetime):
        raise without_time(value)
    if isinstance(value, datetime.date):
        return PartialDate.of(value)
    if type(value) is int:
        try:
            return PartialDate(year=value)
        except ModelError as error:
            raise ConversionError(f"{error.field}: {error.message}", "bad-value") from None
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ModelError as error:
            hint = date_text_hint(value.strip())
            raise ConversionError(error.message if hint is None else hint, "bad-value") from None
    raise ConversionError(
        f"expected a date such as {PARTIAL_DATE_FORMS}, got {describe_value(value)}"
    )


SCALARS[PartialDate] = to_partial_date


def _end_after_start(instance: Window, attribute: Any, end: PartialDate | None) -> None:
    if end is None:
        return
    start = instance.start
    if end == start:
        raise ModelError("end", f"the window ends where it starts ({end}); give only a start")
    if end.last_day < start.last_day or end.first_day < start.first_day:
        raise ModelError(
            "end",
            f"the window ends ({end}) before it starts ({start}); "
            f"expected an end after {start}",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Window(Model):
    """Khoảng thời gian — from a start to an optional end ("từ tháng 02/2021 đến tháng 4/2021")."""

    start: PartialDate = attrs.field(
        metadata=describe("Bắt đầu", "start, or the only moment when there is no end", "2021-02")
    )
    end: PartialDate | None = attrs.field(
        default=None,
        validator=_end_after_start,
        metadata=describe("Kết thúc", "end, if the window spans a time", "2021-04"),
    )

    @property
    def first_day(self) -> datetime.date:
        """The earliest day of the window."""
        return self.start.first_day

    @property
    def last_day(self) -> datetime.date:
        """The latest day of the window."""
        return (self.end or self.start).last_day

    @property
    def vi(self) -> str:
        """"từ tháng 02/2021 đến tháng 4/2021"; one time "vào tháng 6/2021", "trong năm 2021"."""
        if self.end is not None:
            return f"từ {self.start.vi} đến {self.end.vi}"
        word = "trong" if self.start.precision is Precision.YEAR else "vào"
        return f"{word} {self.start.vi}"


def _check_start_year(instance: Period, attribute: Any, start: int) -> None:
    if not 1900 <= start <= 9999:
        raise ModelError("start", f"year {start} is out of range; expected 1900-9999")


def _end_year_after_start(instance: Period, attribute: Any, end: int) -> None:
    if end <= instance.start:
        raise ModelError(
            "end", f"the period ends ({end}) no later than it starts ({instance.start}); "
            f"expected a year after {instance.start}"
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Period(Model):
    """Giai đoạn — a span of whole years, such as 2000-2020."""

    start: int = attrs.field(
        validator=_check_start_year,
        metadata=describe("Năm bắt đầu", "first year", 2000),
    )
    end: int = attrs.field(
        validator=_end_year_after_start,
        metadata=describe("Năm kết thúc", "last year", 2020),
    )

    @property
    def years(self) -> int:
        """The length in years, as Vietnamese summaries count it (2000-2020 is 20 năm)."""
        return self.end - self.start


_TIME = re.compile(r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})")


def _check_hour(instance: TimeOfDay, attribute: Any, hour: int) -> None:
    if not 0 <= hour <= 23:
        raise ModelError("hour", f"hour {hour} is out of range; expected 0-23")


def _check_minute(instance: TimeOfDay, attribute: Any, minute: int) -> None:
    if not 0 <= minute <= 59:
        raise ModelError("minute", f"minute {minute} is out of range; expected 0-59")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class TimeOfDay(Model):
    """Giờ — a time of day, written ``07:30`` in plan files."""

    hour: int = attrs.field(validator=_check_hour, metadata=describe("Giờ", "hour, 0-23", 7))
    minute: int = attrs.field(default=0, validator=_check_minute,
                              metadata=describe("Phút", "minute, 0-59", 30))

    @classmethod
    def parse(cls, text: str) -> TimeOfDay:
        """Read ``07:30`` (or ``7:30``, ``07h30``).

        Raises:
            ModelError: when the text is no time of day.
        """
        match = _TIME.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ModelError("time", f"{excerpt(str(text))} is not a time of day; expected "
                             "hours and minutes like '07:30'", cls=cls.__name__, value=text)
        try:
            return cls(hour=int(match["hour"]), minute=int(match["minute"]))
        except ModelError as error:
            raise ModelError("time", f"{excerpt(text)} is not a real time: {error.message}",
                             cls=cls.__name__, value=text) from None

    @property
    def vi(self) -> str:
        """The time as documents write it: "07 giờ 30 phút"."""
        return vi.time_phrase(self.hour, self.minute)

    def __str__(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


def to_time_of_day(value: Any) -> TimeOfDay:
    """A time of day from what a plan file may write: ``"07:30"``."""
    if isinstance(value, TimeOfDay):
        return value
    if isinstance(value, str):
        try:
            return TimeOfDay.parse(value)
        except ModelError as error:
            raise ConversionError(error.message, "bad-value") from None
    hint = ""
    if type(value) is int and 0 <= value < 24 * 60:
        # YAML 1.1 reads an unquoted 07:30 as a number in base 60 (7 × 60 + 30 = 450).
        hint = (f"; YAML reads an unquoted time as a number, so put it in quotes: "
                f"'{value // 60:02d}:{value % 60:02d}'")
    raise ConversionError(
        f"expected a time of day such as '07:30', got {describe_value(value)}{hint}")


SCALARS[TimeOfDay] = to_time_of_day
