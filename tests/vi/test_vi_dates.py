"""Dates and time phrases (phongtrao.vi._dates)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phongtrao.vi import (
    date_line,
    date_line_for,
    day_number,
    day_phrase,
    month_number,
    month_phrase,
    period_phrase,
    quarter_phrase,
    short_date,
    year_phrase,
)

GAP = " " * 6


class TestDayNumber:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (29, "29"), (31, "31")],
    )
    def test_pads_days_below_ten(self, day: int, expected: str) -> None:
        """Days below 10 get a leading zero, the others are written as they are."""
        assert expected == day_number(day)

    @pytest.mark.parametrize("day", [0, 32, -1])
    def test_rejects_days_out_of_range(self, day: int) -> None:
        """A day outside 1-31 is refused, naming the value."""
        with pytest.raises(ValueError, match=rf"^day must be 1-31, got {day}$"):
            day_number(day)

    def test_rejects_bool(self) -> None:
        """A bool is not taken for a day number."""
        with pytest.raises(TypeError, match="day must be an int"):
            day_number(True)


class TestMonthNumber:
    @pytest.mark.parametrize(
        ("month", "expected"),
        [(1, "01"), (2, "02"), (3, "3"), (6, "6"), (9, "9"), (10, "10"), (12, "12")],
    )
    def test_pads_only_january_and_february(self, month: int, expected: str) -> None:
        """Months 1 and 2 get a leading zero, months 3-12 do not."""
        assert expected == month_number(month)

    @pytest.mark.parametrize("month", [0, 13, -2])
    def test_rejects_months_out_of_range(self, month: int) -> None:
        """A month outside 1-12 is refused with the allowed range."""
        with pytest.raises(ValueError, match=rf"^month must be 1-12, got {month}$"):
            month_number(month)


class TestDateLine:
    @pytest.mark.parametrize(
        ("day", "month", "year", "expected"),
        [
            (5, 1, 2021, "Cẩm Xuyên, ngày 05 tháng 01 năm 2021"),
            (29, 6, 2021, "Cẩm Xuyên, ngày 29 tháng 6 năm 2021"),
            (1, 2, 2020, "Cẩm Xuyên, ngày 01 tháng 02 năm 2020"),
            (29, 2, 2020, "Cẩm Xuyên, ngày 29 tháng 02 năm 2020"),
            (10, 3, 2021, "Cẩm Xuyên, ngày 10 tháng 3 năm 2021"),
            (9, 10, 2021, "Cẩm Xuyên, ngày 09 tháng 10 năm 2021"),
            (31, 12, 2021, "Cẩm Xuyên, ngày 31 tháng 12 năm 2021"),
        ],
    )
    def test_writes_known_dates(self, day: int, month: int, year: int, expected: str) -> None:
        """A complete date follows the Decree's padding rule."""
        assert expected == date_line("Cẩm Xuyên", day, month, year)

    @pytest.mark.parametrize(
        ("day", "month", "expected"),
        [
            (None, 1, "Cẩm Xuyên, ngày      tháng 01 năm 2021"),
            (None, 6, "Cẩm Xuyên, ngày      tháng 6 năm 2021"),
            (None, None, "Cẩm Xuyên, ngày      tháng      năm 2021"),
            (5, None, "Cẩm Xuyên, ngày 05 tháng      năm 2021"),
        ],
    )
    def test_leaves_unknown_parts_blank(
        self, day: int | None, month: int | None, expected: str
    ) -> None:
        """A day or month not yet known leaves a gap for the clerk."""
        assert expected == date_line("Cẩm Xuyên", day, month, 2021)

    def test_gap_is_six_ordinary_spaces(self) -> None:
        """The draft gap is exactly six U+0020 spaces between the words."""
        line = date_line("Hà Nội", None, None, 2021)
        expected = [GAP, GAP]
        assert expected == re.findall(r"(?<=ngày)\s+|(?<=tháng)\s+", line)
        assert "\u00a0" not in line

    def test_keeps_the_place_as_given(self) -> None:
        """The place name is copied unchanged."""
        expected = "TP. Hồ Chí Minh, ngày 02 tháng 9 năm 1945"
        assert expected == date_line("TP. Hồ Chí Minh", 2, 9, 1945)

    @pytest.mark.parametrize(
        ("day", "month", "year", "message"),
        [
            (5, 13, 2021, r"^month must be 1-12, got 13$"),
            (5, 0, 2021, r"^month must be 1-12, got 0$"),
            (0, 1, 2021, r"^day must be 1-31, got 0$"),
            (32, None, 2021, r"^day must be 1-31, got 32$"),
            (30, 2, 2020, r"^day must be 1-29 for month 2 of 2020, got 30$"),
            (29, 2, 2021, r"^day must be 1-28 for month 2 of 2021, got 29$"),
            (29, 2, 1900, r"^day must be 1-28 for month 2 of 1900, got 29$"),
            (31, 4, 2021, r"^day must be 1-30 for month 4 of 2021, got 31$"),
            (1, 1, 0, r"^year must be 1-9999, got 0$"),
            (1, 1, 10000, r"^year must be 1-9999, got 10000$"),
        ],
    )
    def test_rejects_impossible_dates(
        self, day: int | None, month: int | None, year: int, message: str
    ) -> None:
        """Out-of-range parts and days missing from the month are refused."""
        with pytest.raises(ValueError, match=message):
            date_line("Cẩm Xuyên", day, month, year)

    def test_accepts_29_february_2000(self) -> None:
        """2000 is a leap year (divisible by 400)."""
        expected = "Huế, ngày 29 tháng 02 năm 2000"
        assert expected == date_line("Huế", 29, 2, 2000)

    @pytest.mark.parametrize("place", ["", "   "])
    def test_rejects_a_blank_place(self, place: str) -> None:
        """The place name is required."""
        with pytest.raises(ValueError, match="place must be a non-blank string"):
            date_line(place, 5, 1, 2021)


class TestDateLineFor:
    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            (dt.date(2021, 1, 5), "Cẩm Xuyên, ngày 05 tháng 01 năm 2021"),
            (dt.date(2021, 6, 29), "Cẩm Xuyên, ngày 29 tháng 6 năm 2021"),
            (dt.date(2021, 2, 10), "Cẩm Xuyên, ngày 10 tháng 02 năm 2021"),
            (dt.date(2021, 11, 1), "Cẩm Xuyên, ngày 01 tháng 11 năm 2021"),
        ],
    )
    def test_writes_a_date(self, date: dt.date, expected: str) -> None:
        """A date object is written like its day, month and year."""
        assert expected == date_line_for("Cẩm Xuyên", date)

    @given(st.dates())
    def test_follows_the_padding_rule_for_every_date(self, date: dt.date) -> None:
        """Every date gives a two-digit day and a month padded only for 1 and 2."""
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
        expected = f"X, ngày {date.day:02d} tháng {month} năm {date.year}"
        assert expected == date_line_for("X", date)


class TestPhrases:
    @pytest.mark.parametrize(
        ("month", "expected"),
        [(1, "tháng 01/2021"), (2, "tháng 02/2021"), (6, "tháng 6/2021"), (12, "tháng 12/2021")],
    )
    def test_month_phrase_pads_like_the_date_line(self, month: int, expected: str) -> None:
        """Month phrases pad months 1 and 2 only."""
        assert expected == month_phrase(2021, month)

    @pytest.mark.parametrize(
        ("quarter", "expected"),
        [(1, "quý I/2021"), (2, "quý II/2021"), (3, "quý III/2021"), (4, "quý IV/2021")],
    )
    def test_quarter_phrase_uses_roman_numerals(self, quarter: int, expected: str) -> None:
        """Quarters are written with Roman numerals."""
        assert expected == quarter_phrase(2021, quarter)

    @pytest.mark.parametrize("quarter", [0, 5])
    def test_quarter_phrase_rejects_other_quarters(self, quarter: int) -> None:
        """Only quarters 1-4 exist."""
        with pytest.raises(ValueError, match=rf"^quarter must be 1-4, got {quarter}$"):
            quarter_phrase(2021, quarter)

    def test_month_phrase_rejects_a_bad_month(self) -> None:
        """Month phrases validate the month."""
        with pytest.raises(ValueError, match=r"^month must be 1-12, got 13$"):
            month_phrase(2021, 13)

    def test_year_phrase(self) -> None:
        """A year is named "năm YYYY"."""
        expected = "năm 2021"
        assert expected == year_phrase(2021)

    def test_year_phrase_rejects_year_zero(self) -> None:
        """Years start at 1."""
        with pytest.raises(ValueError, match=r"^year must be 1-9999, got 0$"):
            year_phrase(0)

    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            (dt.date(2021, 1, 5), "05/01/2021"),
            (dt.date(2021, 2, 9), "09/02/2021"),
            (dt.date(2021, 3, 9), "09/3/2021"),
            (dt.date(2025, 6, 16), "16/6/2025"),
            (dt.date(2021, 12, 31), "31/12/2021"),
        ],
    )
    def test_short_date_pads_as_the_date_line_does(self, date: dt.date, expected: str) -> None:
        """Citations pad days below 10 and months 1-2 only, as the date line (was 16/06/2025)."""
        assert expected == short_date(date)

    def test_day_phrase(self) -> None:
        """A cited date reads "ngày dd/mm/yyyy"."""
        expected = "ngày 05/01/2021"
        assert expected == day_phrase(dt.date(2021, 1, 5))

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [(2000, 2020, "giai đoạn 2000-2020"), (2021, 2025, "giai đoạn 2021-2025")],
    )
    def test_period_phrase(self, start: int, end: int, expected: str) -> None:
        """A period joins its first and last year with a hyphen."""
        assert expected == period_phrase(start, end)

    def test_period_phrase_rejects_a_reversed_period(self) -> None:
        """The end year may not come before the start year."""
        with pytest.raises(ValueError, match=r"^end must not be before start \(2020\), got 2000$"):
            period_phrase(2020, 2000)
