"""Unicode normalisation, tone-mark placement and sorting (phongtrao.vi._text)."""

from __future__ import annotations

import random
import unicodedata
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phongtrao.vi import nfc, normalize_tones, sort_key

Style = Literal["classic", "modern"]
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def strip_tones(text: str) -> str:
    """Remove the five tone marks, keeping every other mark and character."""
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(ch for ch in decomposed if ch not in TONE_MARKS[1:]))


def tone_marks(text: str) -> list[str]:
    """List the tone marks of a text in order."""
    return [ch for ch in unicodedata.normalize("NFD", text) if ch in TONE_MARKS[1:]]


def scrambled(items: list[str]) -> list[str]:
    """Return the items reversed and then shuffled with a fixed seed."""
    return random.Random(30).sample(items[::-1], len(items))


class TestNfc:
    def test_composes_decomposed_letters(self) -> None:
        """A base letter and combining marks become one precomposed letter."""
        expected = "Nguyễn Hòa"
        assert expected == nfc("Nguye\u0302\u0303n Ho\u0300a")

    def test_keeps_composed_text(self) -> None:
        """NFC text is returned unchanged."""
        expected = "Ủy ban nhân dân"
        assert expected == nfc(expected)


CLASSIC_MODERN = [
    ("hóa", "hoá"),
    ("hòa", "hoà"),
    ("họa", "hoạ"),
    ("tỏa", "toả"),
    ("khỏe", "khoẻ"),
    ("xòe", "xoè"),
    ("thủy", "thuỷ"),
    ("lũy", "luỹ"),
    ("túy", "tuý"),
    ("ngụy", "nguỵ"),
    ("ủy", "uỷ"),
    ("òa", "oà"),
    ("HÓA", "HOÁ"),
    ("Thủy", "Thuỷ"),
    ("Ủy ban", "Uỷ ban"),
    ("Hòa Bình", "Hoà Bình"),
    ("văn hóa, thể thao và du lịch", "văn hoá, thể thao và du lịch"),
    ("Sở Nông nghiệp - Thủy lợi.", "Sở Nông nghiệp - Thuỷ lợi."),
]

UNCHANGED = [
    "hoàng",
    "hoạch",
    "hoạt",
    "khoét",
    "xoắn",
    "uyên",
    "tuyết",
    "khuya",
    "khuỷu",
    "ngoài",
    "ngoáy",
    "quý",
    "quỳ",
    "quỷ",
    "giúp",
    "hoa",
    "thuy",
    "người",
    "Thuỷ123",
    "hoá_học",
    "",
]


class TestNormalizeTones:
    @pytest.mark.parametrize(("classic", "modern"), CLASSIC_MODERN)
    def test_classic_puts_the_mark_on_the_first_vowel(self, classic: str, modern: str) -> None:
        """The classic style writes hóa, khỏe, thủy."""
        assert classic == normalize_tones(modern, "classic")
        assert classic == normalize_tones(classic, "classic")

    @pytest.mark.parametrize(("classic", "modern"), CLASSIC_MODERN)
    def test_modern_puts_the_mark_on_the_second_vowel(self, classic: str, modern: str) -> None:
        """The modern style writes hoá, khoẻ, thuỷ."""
        assert modern == normalize_tones(classic, "modern")
        assert modern == normalize_tones(modern, "modern")

    def test_defaults_to_classic(self) -> None:
        """Without a style the classic placement is used."""
        expected = "Ủy ban nhân dân tỉnh Khánh Hòa"
        assert expected == normalize_tones("Uỷ ban nhân dân tỉnh Khánh Hoà")

    @pytest.mark.parametrize("word", UNCHANGED)
    @pytest.mark.parametrize("style", ["classic", "modern"])
    def test_leaves_other_syllables_alone(self, word: str, style: Style) -> None:
        """Closed syllables, other rhymes, qu/gi words and non-words keep their marks."""
        assert word == normalize_tones(word, style)

    def test_keeps_every_other_character(self) -> None:
        """Spacing, punctuation and line breaks are kept exactly."""
        expected = "  Hóa\thọc!\n(thủy)  "
        assert expected == normalize_tones("  Hoá\thọc!\n(thuỷ)  ")

    def test_returns_nfc(self) -> None:
        """Decomposed input comes back composed."""
        expected = "hóa"
        assert expected == normalize_tones("hoa\u0301")

    def test_rejects_an_unknown_style(self) -> None:
        """Only the classic and modern styles exist."""
        with pytest.raises(ValueError, match=r"^style must be 'classic' or 'modern', got 'new'$"):
            normalize_tones("hoá", "new")  # type: ignore[arg-type]


def _syllable(onset: str, rhyme: str, tone: int, position: int, case: str) -> str:
    vowels = [i for i, ch in enumerate(rhyme) if strip_tones(ch).lower() in "aăâeêioôơuưy"]
    index = vowels[position % len(vowels)]
    toned = rhyme[:index] + nfc(rhyme[index] + TONE_MARKS[tone]) + rhyme[index + 1 :]
    word = onset + toned
    return {"lower": word, "upper": word.upper(), "title": word.title()}[case]


SYLLABLES = st.builds(
    _syllable,
    st.sampled_from(["", "h", "kh", "th", "t", "l", "x", "ng", "nh", "qu", "gi", "tr", "đ", "b"]),
    st.sampled_from(
        [
            *("oa", "oe", "uy", "oan", "oang", "oach", "oai", "oay", "oet", "oeo", "uya"),
            *("uyên", "uyêt", "uyu", "uê", "a", "an", "ua", "ia", "ươi", "ôi", "y", "o"),
        ]
    ),
    st.integers(0, 5),
    st.integers(0, 3),
    st.sampled_from(["lower", "upper", "title"]),
)
VIETNAMESE_TEXT = st.lists(
    st.tuples(SYLLABLES, st.sampled_from([" ", ", ", "-", "\n", ". ", "", "1"])),
    max_size=8,
).map(lambda pairs: "".join(word + sep for word, sep in pairs))
STYLES: st.SearchStrategy[Style] = st.sampled_from(["classic", "modern"])


class TestNormalizeTonesProperties:
    @given(st.one_of(VIETNAMESE_TEXT, st.text()), STYLES)
    def test_is_idempotent(self, text: str, style: Style) -> None:
        """Normalising twice gives what normalising once gives."""
        once = normalize_tones(text, style)
        assert once == normalize_tones(once, style)

    @given(st.one_of(VIETNAMESE_TEXT, st.text()))
    def test_styles_invert_each_other(self, text: str) -> None:
        """Going through the other style and back gives the same text."""
        classic = normalize_tones(text, "classic")
        modern = normalize_tones(text, "modern")
        assert classic == normalize_tones(modern, "classic")
        assert modern == normalize_tones(classic, "modern")

    @given(st.one_of(VIETNAMESE_TEXT, st.text()), STYLES)
    def test_only_moves_tone_marks(self, text: str, style: Style) -> None:
        """The result is NFC, has the same letters and the same tone marks in order."""
        result = normalize_tones(text, style)
        assert nfc(result) == result
        assert strip_tones(text) == strip_tones(result)
        assert tone_marks(text) == tone_marks(result)

    @given(VIETNAMESE_TEXT)
    def test_keeps_case(self, text: str) -> None:
        """Each character keeps its case."""
        result = normalize_tones(text, "modern")
        assert [ch.isupper() for ch in nfc(text)] == [ch.isupper() for ch in result]


class TestSortKey:
    def test_sorts_the_example(self) -> None:
        """Letters first, in the Vietnamese alphabet, case-insensitively.

        "An" < "ăn" < "Ân": the first letters a < ă < â decide (case is ignored
        at this level). "Ân" < "Ấp": same first letter â (the sắc tone of Ấ is
        not looked at because the letters differ next), then n < p. "Bình"
        follows all words in a. "Dương" < "Đông": d comes before đ, which is a
        letter of its own and not a d with a mark.
        """
        names = ["Đông", "Dương", "An", "Ấp", "Ân", "Bình", "ăn"]
        expected = ["An", "ăn", "Ân", "Ấp", "Bình", "Dương", "Đông"]
        assert expected == sorted(names, key=sort_key)

    def test_follows_the_alphabet(self) -> None:
        """The 29 letters sort a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y."""
        expected = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_places_foreign_letters_at_their_latin_places(self) -> None:
        """f, j, w, z sort after ê, i, v and y as in the Latin alphabet."""
        expected = ["ê", "f", "g", "i", "j", "k", "v", "w", "x", "y", "z"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_orders_tones_as_a_dictionary(self) -> None:
        """Tones go: none, huyền, hỏi, ngã, sắc, nặng."""
        expected = ["ma", "mà", "mả", "mã", "má", "mạ"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_compares_tones_only_between_equal_letters(self) -> None:
        """Letters decide before tones: mạ (m a) sorts before mác (m a c)."""
        expected = ["à", "ạ", "ác", "mạ", "mác", "mạch"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_compares_word_by_word(self) -> None:
        """As in a dictionary, a word with its tone is complete before the next word counts."""
        expected = ["ba", "ba lô", "bà", "bà con", "bác"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_puts_numbers_before_letters_by_value(self) -> None:
        """Digits sort before letters and a run of digits sorts by its value."""
        expected = ["2B", "10", "An", "Thôn 1", "Thôn 2", "Thôn 10"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_breaks_ties_by_case_last(self) -> None:
        """Lower case comes before upper case, but only after letters and tones."""
        expected = ["a", "A", "à", "À", "Ba", "bà", "bá"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_sorts_unit_names(self) -> None:
        """Unit names of a district sort by unit kind, then by name."""
        expected = [
            "Thị trấn Cẩm Xuyên",
            "Xã Cẩm Bình",
            "Xã Cẩm Quan",
            "Xã Cẩm Thạch",
            "Xã Cẩm Thành",
            "Xã Cẩm Yên",
        ]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_sorts_person_names(self) -> None:
        """Full names sort word by word from the family name."""
        expected = ["Lê Thị Hà", "Nguyễn Thị Ánh", "Nguyễn Văn An", "Nguyễn Văn Bình"]
        assert expected == sorted(scrambled(expected), key=sort_key)

    def test_ignores_normalisation_form(self) -> None:
        """NFD and NFC spellings of a name have the same key."""
        assert sort_key("Nguyễn Hòa") == sort_key("Nguye\u0302\u0303n Ho\u0300a")


VIETNAMESE_LETTERS = [nfc(base + mark) for base in "aăâeêioôơuưy" for mark in TONE_MARKS] + list(
    "bcdđghklmnpqrstvx"
)
COMPOSED_NAME_CHARS = st.sampled_from(
    [*VIETNAMESE_LETTERS, *(ch.upper() for ch in VIETNAMESE_LETTERS), *" -190fz"]
)
NAME_CHARS = st.one_of(COMPOSED_NAME_CHARS, st.sampled_from(["\u0301", "\u0300", "\u0302"]))
NAMES = st.one_of(st.text(NAME_CHARS, max_size=10), st.text(max_size=10))


class TestSortKeyProperties:
    @given(NAMES, NAMES)
    def test_keys_are_equal_exactly_for_equal_nfc_texts(self, first: str, second: str) -> None:
        """Two keys are equal if and only if the texts are equal after NFC."""
        assert (nfc(first) == nfc(second)) == (sort_key(first) == sort_key(second))

    @given(
        st.lists(NAMES, max_size=8).flatmap(
            lambda names: st.tuples(st.just(names), st.permutations(names))
        )
    )
    def test_order_does_not_depend_on_input_order(self, lists: tuple[list[str], list[str]]) -> None:
        """Sorting any permutation gives the same sequence (up to NFC)."""
        first, second = lists
        assert [nfc(x) for x in sorted(first, key=sort_key)] == [
            nfc(x) for x in sorted(second, key=sort_key)
        ]

    @given(NAMES, NAMES, NAMES)
    def test_order_is_transitive(self, a: str, b: str, c: str) -> None:
        """If a <= b and b <= c then a <= c."""
        ka, kb, kc = sort_key(a), sort_key(b), sort_key(c)
        if ka <= kb and kb <= kc:
            assert ka <= kc

    @given(st.text(COMPOSED_NAME_CHARS, max_size=10))
    def test_first_level_ignores_case_and_tones(self, name: str) -> None:
        """Upper-case and toneless spellings share the first level of the key."""
        first_level = [word[0] for word in sort_key(name)[0]]
        assert first_level == [word[0] for word in sort_key(name.upper())[0]]
        assert first_level == [word[0] for word in sort_key(strip_tones(name))[0]]
