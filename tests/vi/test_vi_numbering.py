"""Document numbers, Roman numerals and point letters (phongtrao.vi._numbering)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phongtrao.vi import document_number, from_roman, letter, number_line, roman


class TestDocumentNumber:
    @pytest.mark.parametrize(
        ("number", "symbol", "year", "expected"),
        [
            (3, "KH-UBND", None, "03/KH-UBND"),
            (1, "KH-UBND", None, "01/KH-UBND"),
            (9, "KH-UBND", None, "09/KH-UBND"),
            (10, "KH-UBND", None, "10/KH-UBND"),
            (125, "KH-BTĐKT", None, "125/KH-BTĐKT"),
            (235, "QĐ-TTg", 1999, "235/1999/QĐ-TTg"),
            (5, "QĐ-UBND", 2021, "05/2021/QĐ-UBND"),
            (None, "KH-UBND", None, "     /KH-UBND"),
            (None, "QĐ-UBND", 2021, "     /2021/QĐ-UBND"),
        ],
    )
    def test_writes_number_and_symbol(
        self, number: int | None, symbol: str, year: int | None, expected: str
    ) -> None:
        """Numbers below 10 are padded, a year is inserted, a draft leaves five spaces."""
        assert expected == document_number(number, symbol, year)

    @pytest.mark.parametrize(
        ("number", "symbol", "year", "error", "message"),
        [
            (0, "KH-UBND", None, ValueError, r"^number must be at least 1, got 0$"),
            (-3, "KH-UBND", None, ValueError, r"^number must be at least 1, got -3$"),
            (3, "", None, ValueError, r"^symbol must be a non-empty string, got ''$"),
            (3, "KH UBND", None, ValueError, r"^symbol must not contain whitespace"),
            (3, "KH-UBND\n", None, ValueError, r"^symbol must not contain whitespace"),
            (3, "QĐ-TTg", 0, ValueError, r"^year must be 1-9999, got 0$"),
            (True, "KH-UBND", None, TypeError, r"^number must be an int"),
        ],
    )
    def test_rejects_bad_parts(
        self,
        number: int | None,
        symbol: str,
        year: int | None,
        error: type[Exception],
        message: str,
    ) -> None:
        """Numbers below 1, blank or spaced symbols and bad years are refused."""
        with pytest.raises(error, match=message):
            document_number(number, symbol, year)


class TestNumberLine:
    @pytest.mark.parametrize(
        ("number", "year", "expected"),
        [
            (3, None, "Số: 03/KH-UBND"),
            (None, None, "Số:      /KH-UBND"),
            (12, 2021, "Số: 12/2021/KH-UBND"),
        ],
    )
    def test_prefixes_so(self, number: int | None, year: int | None, expected: str) -> None:
        """The number line is "Số: " followed by the document number."""
        assert expected == number_line(number, "KH-UBND", year)

    def test_rejects_what_document_number_rejects(self) -> None:
        """The number line validates like the document number."""
        with pytest.raises(ValueError, match=r"^number must be at least 1, got 0$"):
            number_line(0, "KH-UBND")


ROMAN_TABLE = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (6, "VI"),
    (9, "IX"),
    (10, "X"),
    (14, "XIV"),
    (19, "XIX"),
    (40, "XL"),
    (49, "XLIX"),
    (90, "XC"),
    (400, "CD"),
    (944, "CMXLIV"),
    (1999, "MCMXCIX"),
    (2021, "MMXXI"),
    (3999, "MMMCMXCIX"),
]

ALL_NUMERALS = {roman(n): n for n in range(1, 4000)}


class TestRoman:
    @pytest.mark.parametrize(("number", "expected"), ROMAN_TABLE)
    def test_writes_canonical_numerals(self, number: int, expected: str) -> None:
        """Numbers are written in canonical subtractive form."""
        assert expected == roman(number)

    @pytest.mark.parametrize("number", [0, -1, 4000])
    def test_rejects_numbers_out_of_range(self, number: int) -> None:
        """Only 1-3999 can be written."""
        with pytest.raises(ValueError, match=rf"^n must be 1-3999, got {number}$"):
            roman(number)

    @given(st.integers(min_value=1, max_value=3999))
    def test_round_trips(self, number: int) -> None:
        """Reading a written numeral gives the number back."""
        assert number == from_roman(roman(number))


class TestFromRoman:
    @pytest.mark.parametrize(("expected", "numeral"), ROMAN_TABLE)
    def test_reads_canonical_numerals(self, expected: int, numeral: str) -> None:
        """Canonical numerals are read to their value."""
        assert expected == from_roman(numeral)

    @pytest.mark.parametrize(
        "numeral", ["", "IIII", "VX", "IC", "VV", "XIIV", "MMMM", "iv", "IV ", "ABC", "IL"]
    )
    def test_rejects_non_canonical_numerals(self, numeral: str) -> None:
        """Anything roman() would not write is refused."""
        with pytest.raises(ValueError, match=r"^not a canonical Roman numeral"):
            from_roman(numeral)

    @given(st.text(alphabet="IVXLCDM", max_size=16))
    def test_accepts_exactly_what_roman_writes(self, numeral: str) -> None:
        """A numeral is accepted only if roman() writes it for some number."""
        if numeral in ALL_NUMERALS:
            assert ALL_NUMERALS[numeral] == from_roman(numeral)
        else:
            with pytest.raises(ValueError, match=r"^not a canonical Roman numeral"):
                from_roman(numeral)


class TestLetter:
    @pytest.mark.parametrize(
        ("index", "expected"),
        [(0, "a"), (3, "d"), (4, "đ"), (5, "e"), (6, "g"), (9, "k"), (21, "x"), (22, "y")],
    )
    def test_letters_points(self, index: int, expected: str) -> None:
        """Points are lettered in the Vietnamese alphabet order."""
        assert expected == letter(index)

    def test_sequence_has_no_foreign_or_marked_letters(self) -> None:
        """The 23 letters skip f, j, w, z and the letters with marks other than đ."""
        expected = list("abcdđeghiklmnopqrstuvxy")
        assert expected == [letter(i) for i in range(23)]

    def test_rejects_a_24th_point(self) -> None:
        """At most 23 points can be lettered."""
        with pytest.raises(ValueError, match=r"at most 23 points can be lettered"):
            letter(23)

    def test_rejects_a_negative_index(self) -> None:
        """Indexes start at 0."""
        with pytest.raises(ValueError, match=r"^point index must be 0 or more, got -1$"):
            letter(-1)
