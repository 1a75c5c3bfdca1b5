"""Dates and time phrases as written in Vietnamese administrative documents.

Nghị định 30/2020/NĐ-CP (Phụ lục I, mục II.6) fixes how the place-and-date
line of a document is written: days below 10 and the months 1 and 2 take a
leading zero, the other months do not ("ngày 05 tháng 01 năm 2021",
"ngày 29 tháng 6 năm 2021"). The same padding is used here for month
phrases ("tháng 02/2021", "tháng 6/2021"). Citations of other documents use
the fully padded ``dd/mm/yyyy`` form ("ngày 05/01/2021").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from phongtrao.vi._checks import require_range
from phongtrao.vi._numbering import roman

if TYPE_CHECKING:
    import datetime

__all__ = [
    "DRAFT_DATE_GAP",
    "date_line",
    "date_line_for",
    "day_number",
    "day_phrase",
    "month_number",
    "month_phrase",
    "period_phrase",
    "quarter_phrase",
    "short_date",
    "time_phrase",
    "year_phrase",
]

DRAFT_DATE_GAP = " " * 6
"""Gap left between two words of the date line for a day or month not yet known.

A draft leaves the day (and often the month) empty for the clerk to fill in
by hand at issuance: ``"ngày      tháng 01"`` has exactly these six ordinary
spaces between ``ngày`` and ``tháng``.
"""

_MIN_YEAR = 1
_MAX_YEAR = 9999
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def _check_year(year: object) -> int:
    return require_range("year", year, _MIN_YEAR, _MAX_YEAR)


def day_number(d: int) -> str:
    """Write a day of the month as the Decree requires: zero-padded below 10.

    Args:
        d: Day of the month, 1-31.

    Returns:
        ``"05"`` for 5, ``"29"`` for 29.

    Raises:
        ValueError: If ``d`` is not in 1-31.
    """
    return f"{require_range('day', d, 1, 31):02d}"


def month_number(m: int) -> str:
    """Write a month as the Decree requires: only months 1 and 2 are zero-padded.

    Args:
        m: Month, 1-12.

    Returns:
        ``"01"``, ``"02"``, then ``"3"`` … ``"12"``.

    Raises:
        ValueError: If ``m`` is not in 1-12.
    """
    month = require_range("month", m, 1, 12)
    return f"{month:02d}" if month < 3 else str(month)


def date_line(place: str, day: int | None, month: int | None, year: int) -> str:
    """Build the place-and-date line of a document (địa danh, ngày tháng năm).

    A day or month given as ``None`` is left blank for the clerk to fill in
    at issuance; the gap between the surrounding words is then
    :data:`DRAFT_DATE_GAP` (six ordinary spaces).

    Args:
        place: The place name (địa danh), written as given.
        day: Day of the month, or ``None`` for a blank.
        month: Month, or ``None`` for a blank.
        year: Year, 1-9999.

    Returns:
        e.g. ``"Cẩm Xuyên, ngày 05 tháng 01 năm 2021"`` or
        ``"Cẩm Xuyên, ngày      tháng 01 năm 2021"``.

    Raises:
        ValueError: If ``place`` is blank, a number is out of range or the
            day does not exist in that month (e.g. 30 February).
    """
    if not isinstance(place, str) or not place.strip():
        raise ValueError(f"place must be a non-blank string, got {place!r}")
    year = _check_year(year)
    month_text = "" if month is None else month_number(month)
    day_text = "" if day is None else day_number(day)
    if day is not None and month is not None:
        last = _days_in_month(year, month)
        if day > last:
            raise ValueError(f"day must be 1-{last} for month {month} of {year}, got {day}")
    day_part = f"ngày {day_text} " if day_text else f"ngày{DRAFT_DATE_GAP}"
    month_part = f"tháng {month_text} " if month_text else f"tháng{DRAFT_DATE_GAP}"
    return f"{place}, {day_part}{month_part}năm {year}"


def date_line_for(place: str, d: datetime.date) -> str:
    """Build the place-and-date line for a known date.

    Args:
        place: The place name (địa danh).
        d: The date of the document.

    Returns:
        e.g. ``"Cẩm Xuyên, ngày 05 tháng 01 năm 2021"``.

    Raises:
        ValueError: If ``place`` is blank.
    """
    return date_line(place, d.day, d.month, d.year)


def month_phrase(year: int, month: int) -> str:
    """Name a month of a year, padded like the date line.

    Args:
        year: Year, 1-9999.
        month: Month, 1-12.

    Returns:
        ``"tháng 02/2021"``, ``"tháng 6/2021"``, ``"tháng 12/2021"``.

    Raises:
        ValueError: If a number is out of range.
    """
    year = _check_year(year)
    return f"tháng {month_number(month)}/{year}"


def quarter_phrase(year: int, quarter: int) -> str:
    """Name a quarter of a year with a Roman numeral.

    Args:
        year: Year, 1-9999.
        quarter: Quarter, 1-4.

    Returns:
        ``"quý I/2021"`` … ``"quý IV/2021"``.

    Raises:
        ValueError: If a number is out of range.
    """
    year = _check_year(year)
    return f"quý {roman(require_range('quarter', quarter, 1, 4))}/{year}"


def year_phrase(year: int) -> str:
    """Name a year.

    Args:
        year: Year, 1-9999.

    Returns:
        ``"năm 2021"``.

    Raises:
        ValueError: If ``year`` is out of range.
    """
    return f"năm {_check_year(year)}"


def short_date(d: datetime.date) -> str:
    """Write a date as ``dd/m/yyyy`` with the decree's padding, the form used in citations.

    The day is padded below 10 and the month only for January and February,
    as in the date line (Nghị định 30/2020), so that one document writes its
    dates one way.

    Args:
        d: The date.

    Returns:
        ``"05/01/2021"``, as in "Kế hoạch số 03/KH-UBND ngày 05/01/2021";
        ``"16/6/2025"``, not ``"16/06/2025"``.
    """
    return f"{day_number(d.day)}/{month_number(d.month)}/{d.year:04d}"


def day_phrase(d: datetime.date) -> str:
    """Write a date as cited in running text.

    Args:
        d: The date.

    Returns:
        ``"ngày 05/01/2021"``.
    """
    return f"ngày {short_date(d)}"


def period_phrase(start: int, end: int) -> str:
    """Name a multi-year period.

    Args:
        start: First year, 1-9999.
        end: Last year, not before ``start``.

    Returns:
        ``"giai đoạn 2000-2020"``.

    Raises:
        ValueError: If a year is out of range or ``end < start``.
    """
    start = require_range("start", start, _MIN_YEAR, _MAX_YEAR)
    end = require_range("end", end, _MIN_YEAR, _MAX_YEAR)
    if end < start:
        raise ValueError(f"end must not be before start ({start}), got {end}")
    return f"giai đoạn {start}-{end}"


def time_phrase(hour: int, minute: int = 0) -> str:
    """A time of day as documents write it: ``07 giờ 30 phút`` (never "7h30").

    Args:
        hour: Hour, 0-23.
        minute: Minute, 0-59.

    Returns:
        The hour and the minute, each with two digits: ``"07 giờ 30 phút"``,
        ``"14 giờ 00 phút"``.

    Raises:
        ValueError: If the hour or the minute is out of range.

    >>> time_phrase(7, 30)
    '07 giờ 30 phút'
    """
    hours = require_range("hour", hour, 0, 23)
    minutes = require_range("minute", minute, 0, 59)
    return f"{hours:02d} giờ {minutes:02d} phút"
