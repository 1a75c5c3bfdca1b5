"""Numbers in words and figures (phongtrao.vi._numbers)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phongtrao.vi import (
    format_number,
    format_percent,
    parse_spelled,
    spell_money,
    spell_number,
)

# Each reading below was written out by hand from the rules, not generated.
SPELLED = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (44, "bốn mươi bốn"),
    (45, "bốn mươi lăm"),
    (50, "năm mươi"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (200, "hai trăm"),
    (555, "năm trăm năm mươi lăm"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1021, "một nghìn không trăm hai mươi mốt"),
    (1100, "một nghìn một trăm"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (10000, "mười nghìn"),
    (10005, "mười nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000005, "một triệu không trăm linh năm"),
    (1000010, "một triệu không trăm mười"),
    (1000100, "một triệu một trăm"),
    (1005000, "một triệu không trăm linh năm nghìn"),
    (50000000, "năm mươi triệu"),
    (
        999999999,
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
    (1000000000, "một tỷ"),
    (2000000005, "hai tỷ không trăm linh năm"),
    (2005000000, "hai tỷ không trăm linh năm triệu"),
    (5000000000, "năm tỷ"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
    (10**12 + 1000, "một nghìn tỷ không trăm linh một nghìn"),
    (1005 * 10**9, "một nghìn không trăm linh năm tỷ"),
    (10**15, "một triệu tỷ"),
    (10**15 + 1, "một triệu tỷ không trăm linh một"),
    (10**15 + 5 * 10**9, "một triệu không trăm linh năm tỷ"),
    (10**17, "một trăm triệu tỷ"),
    (
        1_234_567_890_123,
        (
            "một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu"
            " tám trăm chín mươi nghìn một trăm hai mươi ba"
        ),
    ),
    (
        10**18 - 1,
        (
            "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn"
            " chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu"
            " chín trăm chín mươi chín nghìn chín trăm chín mươi chín"
        ),
    ),
    (-1, "âm một"),
    (-5, "âm năm"),
    (-2021, "âm hai nghìn không trăm hai mươi mốt"),
    (-(10**12), "âm một nghìn tỷ"),
]

ZeroTens = Literal["linh", "lẻ"]
Thousand = Literal["nghìn", "ngàn"]
VARIANTS: list[tuple[ZeroTens, Thousand]] = [
    ("linh", "nghìn"),
    ("linh", "ngàn"),
    ("lẻ", "nghìn"),
    ("lẻ", "ngàn"),
]

# Readings with a wider spread of digits than plain integers() gives: zero
# groups, 1, 4, 5, 10-19 and 100-109 in every position.
GROUP = st.sampled_from([0, 0, 0, 1, 4, 5, 10, 11, 15, 21, 24, 25, 100, 101, 105, 110, 999])
SHAPED = st.lists(st.one_of(GROUP, st.integers(0, 999)), min_size=6, max_size=6).map(
    lambda groups: sum(g * 1000**i for i, g in enumerate(groups))
)
ANY_SPELLABLE = st.one_of(
    st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1),
    SHAPED,
    SHAPED.map(lambda n: -n),
)


NUMBER_WORDS = [
    *("không", "một", "mốt", "hai", "ba", "bốn", "năm", "lăm", "sáu", "bảy", "tám", "chín"),
    *("mười", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ"),
]


class TestSpellNumber:
    @pytest.mark.parametrize(("number", "expected"), SPELLED)
    def test_reads_numbers_formally(self, number: int, expected: str) -> None:
        """Numbers are read by the formal rules (mốt, lăm, linh, không trăm, nghìn tỷ)."""
        assert expected == spell_number(number)

    @pytest.mark.parametrize(
        ("number", "zero_tens", "thousand", "expected"),
        [
            (105, "lẻ", "nghìn", "một trăm lẻ năm"),
            (1005, "lẻ", "nghìn", "một nghìn không trăm lẻ năm"),
            (1000, "linh", "ngàn", "một ngàn"),
            (2021, "lẻ", "ngàn", "hai ngàn không trăm hai mươi mốt"),
            (1005, "lẻ", "ngàn", "một ngàn không trăm lẻ năm"),
            (10**12, "linh", "ngàn", "một ngàn tỷ"),
            (101_101, "lẻ", "ngàn", "một trăm lẻ một ngàn một trăm lẻ một"),
        ],
    )
    def test_reads_the_southern_variants(
        self, number: int, zero_tens: ZeroTens, thousand: Thousand, expected: str
    ) -> None:
        """The lẻ and ngàn variants replace linh and nghìn when asked."""
        assert expected == spell_number(number, zero_tens=zero_tens, thousand=thousand)

    @pytest.mark.parametrize("number", [10**18, -(10**18), 10**20])
    def test_rejects_numbers_too_large(self, number: int) -> None:
        """Only numbers with abs(n) < 10**18 are read."""
        with pytest.raises(ValueError, match=r"^n must satisfy abs\(n\) < 10\*\*18"):
            spell_number(number)

    def test_rejects_an_unknown_variant(self) -> None:
        """Variant words are checked at run time."""
        with pytest.raises(ValueError, match=r"^zero_tens must be 'linh' or 'lẻ', got 'le'$"):
            spell_number(105, zero_tens="le")  # type: ignore[arg-type]

    def test_rejects_an_unknown_thousand(self) -> None:
        """The thousand word is checked at run time."""
        with pytest.raises(ValueError, match=r"^thousand must be 'nghìn' or 'ngàn'"):
            spell_number(1000, thousand="ngan")  # type: ignore[arg-type]

    def test_rejects_a_float(self) -> None:
        """Only integers are read."""
        with pytest.raises(TypeError, match=r"^n must be an int, got float"):
            spell_number(1.0)  # type: ignore[arg-type]

    @given(ANY_SPELLABLE)
    def test_never_says_ty_ty(self, number: int) -> None:
        """Above one tỷ the count of tỷ is read as a number: "tỷ tỷ" never occurs."""
        words = spell_number(number)
        assert "tỷ tỷ" not in words
        assert words.count("tỷ") <= 1

    @given(ANY_SPELLABLE)
    def test_reads_words_separated_by_single_spaces(self, number: int) -> None:
        """The reading is lower case words joined by single spaces."""
        words = spell_number(number)
        assert words == " ".join(words.split())
        assert words == words.lower()

    @given(st.integers(min_value=1, max_value=10**18 - 1))
    def test_reads_negatives_with_am(self, number: int) -> None:
        """A negative number is "âm" followed by the reading of its magnitude."""
        assert f"âm {spell_number(number)}" == spell_number(-number)


class TestParseSpelled:
    @pytest.mark.parametrize(("expected", "words"), SPELLED)
    def test_reads_back_the_table(self, expected: int, words: str) -> None:
        """Every hand-written reading is parsed to its number."""
        assert expected == parse_spelled(words)

    @pytest.mark.parametrize("variant", VARIANTS)
    @given(number=ANY_SPELLABLE)
    def test_inverts_spell_number(self, variant: tuple[ZeroTens, Thousand], number: int) -> None:
        """parse_spelled(spell_number(n)) == n for every variant over the whole range."""
        zero_tens, thousand = variant
        words = spell_number(number, zero_tens=zero_tens, thousand=thousand)
        assert number == parse_spelled(words)

    @pytest.mark.parametrize(
        ("words", "expected"),
        [
            ("hai mươi tư", 24),
            ("một trăm linh tư", 104),
            ("một trăm lẻ tư", 104),
            ("hai mươi nhăm", 25),
            ("một tỉ", 10**9),
            ("Một Nghìn", 1000),
            ("  hai   mươi\tmốt ", 21),
            ("MƯỜI LĂM", 15),
            ("mo\u0323\u0302t nghi\u0300n", 1000),
            ("một ngàn không trăm lẻ một", 1001),
            ("Âm năm", -5),
        ],
    )
    def test_accepts_common_variants(self, words: str, expected: int) -> None:
        """Case, spacing, NFD input and the tư/nhăm/tỉ variants are accepted."""
        assert expected == parse_spelled(words)

    @pytest.mark.parametrize(
        ("words", "message"),
        [
            ("", r"^spelled number is empty$"),
            ("   ", r"^spelled number is empty$"),
            (
                "hai mươi một",
                (
                    r"^not a canonical spelled number: 'hai mươi một'"
                    r" \(did you mean 'hai mươi mốt'\?\)$"
                ),
            ),
            ("mười năm", r"did you mean 'mười lăm'"),
            ("mốt", r"did you mean 'một'"),
            ("một trăm linh lăm", r"did you mean 'một trăm linh năm'"),
            ("không trăm linh năm", r"did you mean 'năm'"),
            ("một nghìn linh năm", r"did you mean 'một nghìn không trăm linh năm'"),
            ("một tỷ tỷ", r"did you mean 'một tỷ'"),
            ("mười tư", r"^unknown word 'tư'"),
            ("tư", r"^unknown word 'tư'"),
            ("hai hai", r"did you mean 'hai'"),
            ("âm không", r"did you mean 'không'"),
            ("âm", r"did you mean 'không'"),
            ("một triệu không nghìn", r"did you mean 'một triệu'"),
            ("hai mươi mốt đồng", r"^unknown word 'đồng'"),
            ("21", r"^unknown word '21'"),
            ("một tỷ tỷ tỷ tỷ", r"not a canonical spelled number"),
        ],
    )
    def test_rejects_malformed_readings(self, words: str, message: str) -> None:
        """Anything spell_number would not write (up to variants) is refused."""
        with pytest.raises(ValueError, match=message):
            parse_spelled(words)

    def test_rejects_a_number_too_large(self) -> None:
        """A reading of 10**18 or more is out of range."""
        with pytest.raises(ValueError, match=r"out of range"):
            parse_spelled("một nghìn triệu tỷ")

    @given(
        st.lists(
            st.sampled_from(NUMBER_WORDS),
            min_size=1,
            max_size=12,
        )
    )
    def test_accepts_only_canonical_readings(self, tokens: list[str]) -> None:
        """Any sequence of number words is either refused or exactly a reading."""
        words = " ".join(tokens)
        try:
            value = parse_spelled(words)
        except ValueError:
            return
        assert words == spell_number(value)


class TestSpellMoney:
    @pytest.mark.parametrize(
        ("amount", "expected"),
        [
            (50_000_000, "Năm mươi triệu đồng"),
            (0, "Không đồng"),
            (1_500_000, "Một triệu năm trăm nghìn đồng"),
            (2_021_000, "Hai triệu không trăm hai mươi mốt nghìn đồng"),
            (-5000, "Âm năm nghìn đồng"),
        ],
    )
    def test_capitalises_and_adds_dong(self, amount: int, expected: str) -> None:
        """Amounts read like numbers, capitalised, followed by "đồng"."""
        assert expected == spell_money(amount)

    def test_passes_variants_on(self) -> None:
        """The lẻ/ngàn variants apply to amounts too."""
        expected = "Một trăm lẻ năm ngàn đồng"
        assert expected == spell_money(105_000, zero_tens="lẻ", thousand="ngàn")


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("number", "expected"),
        [
            (0, "0"),
            (5, "5"),
            (999, "999"),
            (1000, "1.000"),
            (-1234, "-1.234"),
            (1234567, "1.234.567"),
            (50_000_000, "50.000.000"),
            (Decimal("1234.5"), "1.234,5"),
            (Decimal("-1234.5"), "-1.234,5"),
            (Decimal("0.5"), "0,5"),
            (Decimal("1.50"), "1,50"),
            (Decimal("1E+3"), "1.000"),
            (Decimal("-0"), "0"),
            (Decimal("-0.00"), "0,00"),
            (Decimal("-0.5"), "-0,5"),
            (Decimal("1234567.891"), "1.234.567,891"),
            (
                Decimal("123456789012345678901234567890.5"),
                "123.456.789.012.345.678.901.234.567.890,5",
            ),
        ],
    )
    def test_uses_dot_for_thousands_and_comma_for_decimals(
        self, number: int | Decimal, expected: str
    ) -> None:
        """Groups of three are separated by "." and decimals by ","."""
        assert expected == format_number(number)

    @pytest.mark.parametrize("number", [1.5, True, "12"])
    def test_rejects_other_types(self, number: object) -> None:
        """Floats, bools and strings are refused."""
        with pytest.raises(TypeError, match=r"^n must be an int"):
            format_number(number)  # type: ignore[arg-type]

    @pytest.mark.parametrize("number", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Inf")])
    def test_rejects_non_finite_decimals(self, number: Decimal) -> None:
        """NaN and infinities have no figures."""
        with pytest.raises(ValueError, match=r"^cannot format a non-finite number"):
            format_number(number)

    @given(st.integers())
    def test_keeps_every_digit_of_an_int(self, number: int) -> None:
        """Removing the separators gives str(n) back."""
        assert str(number) == format_number(number).replace(".", "")

    @given(st.decimals(min_value=-(10**30), max_value=10**30, allow_nan=False))
    def test_keeps_a_decimal_exactly(self, number: Decimal) -> None:
        """Swapping the separators back gives the same Decimal and its decimal places."""
        text = format_number(number).replace(".", "").replace(",", ".")
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)
        assert number == Decimal(text)
        assert max(-exponent, 0) == len(text.partition(".")[2])


class TestFormatPercent:
    @pytest.mark.parametrize(
        ("value", "digits", "expected"),
        [
            (94.3, 1, "94,3%"),
            (100, 1, "100%"),
            (50.0, 1, "50%"),
            (7.25, 1, "7,3%"),
            (7.25, 2, "7,25%"),
            (7.24, 1, "7,2%"),
            (2.675, 2, "2,68%"),
            (-7.25, 1, "-7,3%"),
            (0, 1, "0%"),
            (0.04, 1, "0%"),
            (-0.04, 1, "0%"),
            (0.05, 1, "0,1%"),
            (Decimal("12.345"), 2, "12,35%"),
            (Decimal("99.95"), 1, "100%"),
            (Decimal("99.94"), 1, "99,9%"),
            (33.333333, 0, "33%"),
            (66.666, 2, "66,67%"),
            (1234.5, 1, "1.234,5%"),
            (1e20, 1, "100.000.000.000.000.000.000%"),
        ],
    )
    def test_rounds_half_up_and_trims_zeros(
        self, value: float | Decimal | int, digits: int, expected: str
    ) -> None:
        """Values round half up at their decimal repr; trailing zeros are dropped."""
        assert expected == format_percent(value, digits)

    def test_defaults_to_one_decimal(self) -> None:
        """One decimal place is kept by default."""
        expected = "12,3%"
        assert expected == format_percent(12.345)

    @pytest.mark.parametrize("value", ["94", True, None])
    def test_rejects_other_types(self, value: object) -> None:
        """Only floats, Decimals and ints are percentages."""
        with pytest.raises(TypeError, match=r"^value must be a float, Decimal or int"):
            format_percent(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
    def test_rejects_non_finite_values(self, value: float | Decimal) -> None:
        """NaN and infinities are refused."""
        with pytest.raises(ValueError, match=r"^cannot format a non-finite percentage"):
            format_percent(value)

    @pytest.mark.parametrize("digits", [-1, 21])
    def test_rejects_bad_digit_counts(self, digits: int) -> None:
        """Between 0 and 20 decimal places may be kept."""
        with pytest.raises(ValueError, match=rf"^digits must be 0-20, got {digits}$"):
            format_percent(50, digits)

    @given(
        st.decimals(min_value=-(10**6), max_value=10**6, allow_nan=False, places=4),
        st.integers(min_value=0, max_value=3),
    )
    def test_rounds_to_at_most_digits_places(self, value: Decimal, digits: int) -> None:
        """The figure has at most ``digits`` decimals and is within half a unit."""
        text = format_percent(value, digits)
        assert text.endswith("%")
        figure = text[:-1].replace(".", "").replace(",", ".")
        assert len(figure.partition(".")[2]) <= digits
        assert abs(Decimal(figure) - value) <= Decimal(1).scaleb(-digits) / 2
