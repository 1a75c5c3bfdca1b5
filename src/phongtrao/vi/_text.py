"""Vietnamese text: Unicode normalisation, tone-mark placement and sorting.

Vietnamese letters can be typed precomposed (NFC) or as a base letter
followed by combining marks (NFD); documents should hold NFC text.

Two tone-mark placements are in use for the open syllables with the
diphthongs oa, oe and uy: the classic style (kiểu cũ, usual in government
documents) puts the mark on the first vowel ("hóa", "khỏe", "thủy"), the
modern style (kiểu mới) on the second ("hoá", "khoẻ", "thuỷ").
:func:`normalize_tones` converts between them and touches nothing else.

:func:`sort_key` orders names as a Vietnamese dictionary does: by the
Vietnamese alphabet, word by word, each word first by its letters and then
by its tones.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Literal

__all__ = ["SortKey", "nfc", "normalize_tones", "sort_key"]

# The five tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng.
_TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE_RANK = {mark: rank for rank, mark in enumerate(_TONE_MARKS, start=1)}

# Initial consonants a syllable with the rhyme oa, oe or uy may start with.
# "qu" and "gi" are consonants here: in "quý" the rhyme is "y", not "uy".
_ONSETS = frozenset({
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m",
    "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
})  # fmt: skip
_DIPHTHONGS = frozenset({"oa", "oe", "uy"})

# The Vietnamese alphabet, with the foreign letters f, j, w, z at their Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}

# Classes of the elements of a sort key: separators and symbols, numbers,
# letters of the alphabet, other letters.
_SYMBOL, _NUMBER, _LETTER, _OTHER_LETTER = range(4)

_Element = tuple[int, int]
_WordKey = tuple[tuple[_Element, ...], tuple[int, ...]]
SortKey = tuple[tuple[_WordKey, ...], tuple[int, ...], str]
"""What :func:`sort_key` returns: per-word keys, then case, then the NFC text."""


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normalisation form C (precomposed letters).

    Args:
        text: Any text.

    Returns:
        The NFC form, e.g. "o" + U+0301 becomes "ó".
    """
    return unicodedata.normalize("NFC", text)


def _split_tone(ch: str) -> tuple[str, str]:
    """Split one character into its NFC form without tone marks and those marks."""
    decomposed = unicodedata.normalize("NFD", ch)
    tones = "".join(mark for mark in decomposed if mark in _TONE_RANK)
    if not tones:
        return ch, ""
    return nfc("".join(mark for mark in decomposed if mark not in _TONE_RANK)), tones


def _place_tone(word: str, *, on_second: bool) -> str:
    """Move the tone mark of one open oa/oe/uy syllable; return other words as they are."""
    if len(word) < 2:
        return word
    parts = [_split_tone(ch) for ch in word]
    lowered = "".join(base for base, _ in parts).lower()
    if len(lowered) != len(word) or lowered[-2:] not in _DIPHTHONGS:
        return word
    if lowered[:-2] not in _ONSETS:
        return word
    toned = [index for index, (_, tone) in enumerate(parts) if tone]
    if len(toned) != 1 or toned[0] < len(word) - 2 or len(parts[toned[0]][1]) != 1:
        return word
    tone = parts[toned[0]][1]
    first, second = parts[-2][0], parts[-1][0]
    if on_second:
        second = nfc(second + tone)
    else:
        first = nfc(first + tone)
    return word[:-2] + first + second


def normalize_tones(text: str, style: Literal["classic", "modern"] = "classic") -> str:
    r"""Place tone marks of open oa, oe, uy syllables in one consistent style.

    Only syllables whose rhyme is exactly oa, oe or uy (no final consonant
    or vowel) and that carry one tone mark on that rhyme change. Syllables
    such as "hoàng", "hoạch", "khoét", "uyên", "tuyết", "khuya", "quý" and
    "quỳ" stay as they are. Letter case and all other characters are kept;
    the result is in NFC. The text is processed one word-character run
    (``\w+``) at a time.

    Args:
        text: Any text.
        style: ``"classic"`` puts the mark on the first vowel ("hóa",
            "thủy"); ``"modern"`` on the second ("hoá", "thuỷ").

    Returns:
        The NFC text with the tone marks placed in ``style``.

    Raises:
        ValueError: If ``style`` is neither "classic" nor "modern".
    """
    if style not in ("classic", "modern"):
        raise ValueError(f"style must be 'classic' or 'modern', got {style!r}")
    import re

    on_second = style == "modern"
    return re.sub(r"\w+", lambda match: _place_tone(match[0], on_second=on_second), nfc(text))


def _compute_element(ch: str) -> tuple[_Element, int]:
    """Return the primary element and tone rank of a letter."""
    base, tones = _split_tone(ch)
    lowered = base.lower()
    tone = _TONE_RANK[tones[0]] if tones else 0
    if lowered not in _LETTER_RANK:
        # A letter with foreign marks (ç, ü) sorts with its bare letter.
        decomposed = unicodedata.normalize("NFD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c)) or lowered
    if lowered in _LETTER_RANK:
        result = ((_LETTER, _LETTER_RANK[lowered]), tone)
    else:
        result = ((_OTHER_LETTER, ord(lowered[0])), tone)
    return result


# Every letter of the Vietnamese alphabet, in both cases and with each tone, read once
# at import: a constant table, so sorting long lists does not take every letter apart.
_LETTERS: dict[str, tuple[_Element, int]] = {
    letter: _compute_element(letter)
    for base in _ALPHABET + _ALPHABET.upper()
    for letter in (base, *(nfc(base + mark) for mark in _TONE_MARKS))
    if len(letter) == 1
}


def _letter_element(ch: str) -> tuple[_Element, int]:
    """Return the primary element and tone rank of a letter."""
    found = _LETTERS.get(ch)
    return found if found is not None else _compute_element(ch)


def _word_key(word: str) -> _WordKey:
    elements: list[_Element] = []
    tones: list[int] = []
    digits = ""
    for ch in [*word, ""]:
        if ch.isdecimal():
            digits += ch
            continue
        if digits:
            elements.append((_NUMBER, int(digits)))
            digits = ""
        if not ch:
            break
        if ch.isalpha():
            element, tone = _letter_element(ch)
            elements.append(element)
            tones.append(tone)
        else:
            elements.append((_SYMBOL, ord(ch)))
    return tuple(elements), tuple(tones)


def sort_key(text: str) -> SortKey:
    """Return a key that sorts Vietnamese names in dictionary order.

    Words are compared one after the other (so "ba lô" sorts before
    "bà con", as in a dictionary). Within a word the letters come first,
    case-insensitively, in the order a ă â b c d đ e ê (f) g h i (j) k l m n
    o ô ơ p q r s t u ư v (w) x y (z); a run of digits is one number, sorted
    by value before letters ("Thôn 2" before "Thôn 10"); other symbols sort
    before numbers. Only when the letters are equal are the tones compared:
    none, huyền, hỏi, ngã, sắc, nặng. Then lower case before upper case,
    and finally the NFC text itself, so two keys are equal exactly when the
    texts are equal after NFC and the order is total.

    Args:
        text: A name, e.g. "Xã Cẩm Bình".

    Returns:
        A tuple to pass as ``key=`` to :func:`sorted`.
    """
    normal = nfc(text)
    words = tuple(_word_key(word) for word in normal.split())
    case = tuple(1 if ch.isupper() else 0 for ch in normal)
    return words, case, normal
