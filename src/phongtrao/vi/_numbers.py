"""Numbers in words and figures, the way Vietnamese administrative texts write them.

Reading rules (:func:`spell_number`):

* digits are read in groups of three: đơn vị, nghìn, triệu, tỷ; above tỷ
  the number of tỷ is itself read as a number below one tỷ, so 10**12 is
  "một nghìn tỷ" and 10**15 "một triệu tỷ" ("tỷ tỷ" never occurs because
  only |n| < 10**18 is accepted);
* the leading group is read as it is ("năm", "mười lăm", "một trăm linh
  năm"); every later group that is not all zeros is read in full, with
  "không trăm" when its hundreds digit is 0 ("hai nghìn không trăm hai mươi
  mốt"); all-zero groups are skipped ("một triệu", "hai tỷ không trăm linh
  năm");
* "mười" for 10-19, "mươi" after tens digits 2-9; "mốt" for a 1 after tens
  2-9, "lăm" for a 5 after any tens digit, "bốn" for 4 everywhere; "linh"
  (or "lẻ") between hundreds and a lone units digit;
* negative numbers are read "âm …", zero "không".

Figures (:func:`format_number`, :func:`format_percent`) use "." between
groups of thousands and "," before decimals. They are formatted with plain
Python, not Babel: the two separators are all that is needed, the result is
exact for ``Decimal`` and ``phongtrao.vi`` stays cheap to import.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from phongtrao.vi._checks import require_int, require_range

if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Literal

__all__ = [
    "MAX_SPELLED",
    "format_number",
    "format_percent",
    "parse_spelled",
    "spell_money",
    "spell_number",
]

MAX_SPELLED = 10**18
"""Exclusive bound on the magnitude of numbers :func:`spell_number` reads."""

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9
_BLOCK_SCALES = ((10**6, "triệu"), (10**3, "nghìn"), (1, ""))
_MAX_PERCENT_DIGITS = 20


def _check_variants(zero_tens: str, thousand: str) -> None:
    if zero_tens not in ("linh", "lẻ"):
        raise ValueError(f"zero_tens must be 'linh' or 'lẻ', got {zero_tens!r}")
    if thousand not in ("nghìn", "ngàn"):
        raise ValueError(f"thousand must be 'nghìn' or 'ngàn', got {thousand!r}")


def _read_group(value: int, *, full: bool, zero_tens: str) -> list[str]:
    """Read a group of three digits (1-999); ``full`` forces "không trăm"."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append(zero_tens)
        if units:
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _read_block(value: int, *, leading: bool, zero_tens: str, thousand: str) -> list[str]:
    """Read 1 <= value < 10**9 as triệu, nghìn and units groups."""
    words: list[str] = []
    for scale, name in _BLOCK_SCALES:
        group, value = divmod(value, scale)
        if group:
            full = bool(words) or not leading
            words += _read_group(group, full=full, zero_tens=zero_tens)
            if name:
                words.append(thousand if scale == 10**3 else name)
    return words


def spell_number(
    n: int,
    *,
    zero_tens: Literal["linh", "lẻ"] = "linh",
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
) -> str:
    """Read an integer in Vietnamese words, as written in formal documents.

    Args:
        n: The number, with ``abs(n) < 10**18``.
        zero_tens: Word between hundreds and a lone units digit: "linh"
            (northern, the default) or "lẻ" (southern).
        thousand: Word for thousand: "nghìn" (default) or "ngàn".

    Returns:
        Lower-case words separated by single spaces, e.g. 2021 ->
        "hai nghìn không trăm hai mươi mốt", 2000000005 ->
        "hai tỷ không trăm linh năm", 10**12 -> "một nghìn tỷ".

    Raises:
        ValueError: If ``abs(n) >= 10**18`` or a variant is not one of the
            allowed words.
    """
    number = require_int("n", n)
    _check_variants(zero_tens, thousand)
    if not -MAX_SPELLED < number < MAX_SPELLED:
        raise ValueError(f"n must satisfy abs(n) < 10**18, got {number}")
    if number == 0:
        return _DIGITS[0]
    words = ["âm"] if number < 0 else []
    billions, rest = divmod(abs(number), _BILLION)
    if billions:
        words += _read_block(billions, leading=True, zero_tens=zero_tens, thousand=thousand)
        words.append("tỷ")
    if rest:
        words += _read_block(rest, leading=not billions, zero_tens=zero_tens, thousand=thousand)
    return " ".join(words)


def spell_money(
    n: int,
    *,
    zero_tens: Literal["linh", "lẻ"] = "linh",
    thousand: Literal["nghìn", "ngàn"] = "nghìn",
) -> str:
    """Write an amount of đồng in words, as in "Bằng chữ: …".

    Args:
        n: The amount in đồng, with ``abs(n) < 10**18``.
        zero_tens: As for :func:`spell_number`.
        thousand: As for :func:`spell_number`.

    Returns:
        The reading with its first letter capitalised and " đồng" appended,
        e.g. 50000000 -> "Năm mươi triệu đồng".

    Raises:
        ValueError: As for :func:`spell_number`.
    """
    words = spell_number(n, zero_tens=zero_tens, thousand=thousand)
    return f"{words[0].upper()}{words[1:]} đồng"


# Words accepted by parse_spelled, with their meaning for the lenient evaluator.
_DIGIT_WORDS = {word: value for value, word in enumerate(_DIGITS)} | {"mốt": 1, "lăm": 5}
_SCALE_WORDS = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}
# Spelling variants, replaced before the canonical comparison.
_SYNONYMS = {"lẻ": "linh", "ngàn": "nghìn", "tỉ": "tỷ"}
# Variants only accepted in the units position after the given words.
_CONTEXT_SYNONYMS = {"tư": ("bốn", ("mươi", "linh")), "nhăm": ("lăm", ("mươi",))}


def _normalise_tokens(words: str) -> list[str]:
    tokens: list[str] = []
    for raw in unicodedata.normalize("NFC", words).lower().split():
        token = _SYNONYMS.get(raw, raw)
        if token in _CONTEXT_SYNONYMS:
            replacement, after = _CONTEXT_SYNONYMS[token]
            if tokens and tokens[-1] in after:
                token = replacement
        tokens.append(token)
    return tokens


def _evaluate(tokens: list[str]) -> int:
    """Compute the value of number words without checking their order."""
    done: list[tuple[int, int]] = []  # (value, scale word) of completed parts
    group = pending = 0
    for token in tokens:
        if token in _DIGIT_WORDS:
            pending = _DIGIT_WORDS[token]
        elif token == "trăm":
            group, pending = group + pending * 100, 0
        elif token == "mươi":
            group, pending = group + pending * 10, 0
        elif token == "mười":
            group += 10
        elif token == "linh":
            continue
        elif token in _SCALE_WORDS:
            scale = _SCALE_WORDS[token]
            value = group + pending
            while done and done[-1][1] < scale:
                value += done.pop()[0]
            done.append((value * scale, scale))
            group = pending = 0
        else:
            raise ValueError(f"unknown word {token!r} in spelled number")
    return sum(value for value, _ in done) + group + pending


def parse_spelled(words: str) -> int:
    """Read back a number written in words; the inverse of :func:`spell_number`.

    Case and runs of whitespace are ignored and the input is NFC-normalised.
    Both variants of each word are accepted ("linh"/"lẻ", "nghìn"/"ngàn",
    also "tỷ"/"tỉ"), as are "tư" for 4 after "mươi" or "linh"/"lẻ" and
    "nhăm" for 5 after "mươi". Otherwise the words must be exactly what
    :func:`spell_number` writes: "hai mươi một", "một nghìn linh năm" or
    "không trăm năm" are rejected.

    Args:
        words: The number in words, e.g. "hai nghìn không trăm hai mươi mốt".

    Returns:
        The number, e.g. 2021.

    Raises:
        ValueError: If ``words`` is empty, contains a word that is not a
            number word, or is not the canonical reading of its value.
    """
    if not isinstance(words, str):
        raise TypeError(f"words must be a str, got {type(words).__name__}")
    tokens = _normalise_tokens(words)
    if not tokens:
        raise ValueError("spelled number is empty")
    negative = tokens[0] == "âm"
    value = _evaluate(tokens[1:] if negative else tokens)
    if negative:
        value = -value
    if not -MAX_SPELLED < value < MAX_SPELLED:
        raise ValueError(f"spelled number is out of range (abs(n) < 10**18): {words!r}")
    expected = spell_number(value)
    if tokens != expected.split():
        raise ValueError(f"not a canonical spelled number: {words!r} (did you mean {expected!r}?)")
    return value


def _group_thousands(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return ".".join(parts)


def format_number(n: int | Decimal) -> str:
    """Write a number in figures with Vietnamese separators.

    Thousands are separated by ".", decimals by ",". A ``Decimal`` keeps
    exactly the decimal places it carries (``Decimal("1.50")`` -> "1,50");
    quantize it first to choose them. Floats are refused because their
    binary value is rarely the intended decimal; pass ``Decimal(str(x))``.

    Args:
        n: An ``int`` or a finite ``Decimal``.

    Returns:
        e.g. "50.000.000", "-1.234", "1.234,5".

    Raises:
        TypeError: If ``n`` is not an ``int`` or ``Decimal``.
        ValueError: If ``n`` is a NaN or infinite ``Decimal``.
    """
    from decimal import Decimal

    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"cannot format a non-finite number: {n}")
        integer, _, fraction = format(n.copy_abs(), "f").partition(".")
        negative = n.is_signed() and not n.is_zero()
    elif isinstance(n, int) and not isinstance(n, bool):
        integer, fraction = str(abs(n)), ""
        negative = n < 0
    else:
        raise TypeError(f"n must be an int or Decimal, got {type(n).__name__} {n!r}")
    text = _group_thousands(integer) + (f",{fraction}" if fraction else "")
    return f"-{text}" if negative else text


def format_percent(value: float | Decimal | int, digits: int = 1) -> str:
    """Write a percentage with a decimal comma, e.g. 94.3 -> "94,3%".

    The value is taken at its decimal representation (``repr`` for a
    float, so 2.675 is 2.675 and not the binary 2.67499…), rounded to
    ``digits`` decimal places with ``ROUND_HALF_UP``, halves away from zero
    (7.25 -> "7,3%", -7.25 -> "-7,3%"; a result of zero is "0%"), and
    trailing zeros are trimmed (50.0 -> "50%", 100 -> "100%").

    Args:
        value: The percentage (94.3 means 94,3%), finite.
        digits: Maximum number of decimal places, 0-20.

    Returns:
        The figure followed directly by "%", with Vietnamese separators.

    Raises:
        TypeError: If ``value`` is not a float, ``Decimal`` or ``int``.
        ValueError: If ``value`` is not finite or ``digits`` is out of range.
    """
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    places = require_range("digits", digits, 0, _MAX_PERCENT_DIGITS)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"value must be a float, Decimal or int, got {type(value).__name__}")
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot format a non-finite percentage: {value!r}")
    with localcontext() as context:
        context.prec = max(context.prec, number.adjusted() + places + 2)
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        trimmed = rounded.copy_abs() if rounded.is_zero() else rounded
        trimmed = trimmed.normalize()
    return f"{format_number(trimmed)}%"
