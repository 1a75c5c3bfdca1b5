"""Document numbers, Roman numerals and lettered points.

Nghị định 30/2020/NĐ-CP writes a document number as ``số/ký hiệu``; numbers
below 10 take a leading zero ("03/KH-UBND"), legal documents insert the
year ("235/1999/QĐ-TTg"). Parts (phần) and sections (mục) are numbered with
Roman numerals, points (điểm) with the Vietnamese letters a), b), c) … .
"""

from __future__ import annotations

from phongtrao.vi._checks import require_int, require_range

__all__ = [
    "DRAFT_NUMBER_BLANK",
    "VIETNAMESE_LETTERS",
    "document_number",
    "from_roman",
    "letter",
    "number_line",
    "roman",
]

DRAFT_NUMBER_BLANK = " " * 5
"""What stands in for a number not yet assigned: the clerk writes it in at issuance."""

VIETNAMESE_LETTERS = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip
"""The 23 letters that label points a), b), … (no f, j, w, z; no ă, â, ê, ô, ơ, ư)."""

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def document_number(number: int | None, symbol: str, year: int | None = None) -> str:
    """Write a document's number and symbol (số và ký hiệu).

    Args:
        number: The registered number, 1 or more; ``None`` for a draft whose
            number is not yet assigned (five spaces are left for it).
        symbol: The symbol (ký hiệu), e.g. ``"KH-UBND"``; non-empty, no
            whitespace.
        year: The year of issue, inserted for legal documents; 1-9999.

    Returns:
        ``"03/KH-UBND"``, ``"235/1999/QĐ-TTg"`` or ``"     /KH-UBND"``.

    Raises:
        ValueError: If ``number`` is below 1, ``year`` is out of range or
            ``symbol`` is empty or contains whitespace.
    """
    if number is None:
        number_text = DRAFT_NUMBER_BLANK
    else:
        if require_int("number", number) < 1:
            raise ValueError(f"number must be at least 1, got {number}")
        number_text = f"{number:02d}"
    if not isinstance(symbol, str) or not symbol:
        raise ValueError(f"symbol must be a non-empty string, got {symbol!r}")
    if any(ch.isspace() for ch in symbol):
        raise ValueError(f"symbol must not contain whitespace, got {symbol!r}")
    if year is None:
        return f"{number_text}/{symbol}"
    return f"{number_text}/{require_range('year', year, 1, 9999)}/{symbol}"


def number_line(number: int | None, symbol: str, year: int | None = None) -> str:
    """Write the "Số:" line of a document.

    Args:
        number: As for :func:`document_number`.
        symbol: As for :func:`document_number`.
        year: As for :func:`document_number`.

    Returns:
        ``"Số: 03/KH-UBND"`` or, for a draft, ``"Số:      /KH-UBND"``.

    Raises:
        ValueError: As for :func:`document_number`.
    """
    return f"Số: {document_number(number, symbol, year)}"


def roman(n: int) -> str:
    """Write ``n`` as a canonical upper-case Roman numeral.

    Args:
        n: The number, 1-3999.

    Returns:
        e.g. ``"I"``, ``"IV"``, ``"IX"``, ``"XIV"``.

    Raises:
        ValueError: If ``n`` is not in 1-3999.
    """
    rest = require_range("n", n, 1, 3999)
    parts: list[str] = []
    for value, numeral in _ROMAN_VALUES:
        count, rest = divmod(rest, value)
        parts.append(numeral * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    """Read a canonical upper-case Roman numeral; the strict inverse of :func:`roman`.

    Args:
        s: The numeral, e.g. ``"XIV"``.

    Returns:
        Its value, 1-3999.

    Raises:
        ValueError: If ``s`` is not exactly what :func:`roman` writes for some
            number (so ``"IIII"``, ``"VX"``, ``"iv"`` and ``""`` are rejected).
    """
    if not isinstance(s, str) or not s or any(ch not in _ROMAN_DIGITS for ch in s):
        raise ValueError(f"not a canonical Roman numeral (I V X L C D M): {s!r}")
    total = 0
    for current, following in zip(s, [*s[1:], ""], strict=True):
        value = _ROMAN_DIGITS[current]
        total += -value if following and _ROMAN_DIGITS[following] > value else value
    if not 1 <= total <= 3999 or roman(total) != s:
        raise ValueError(f"not a canonical Roman numeral (I V X L C D M): {s!r}")
    return total


def letter(i: int) -> str:
    """Return the letter that labels the point with 0-based index ``i``.

    Args:
        i: Index of the point, 0-22.

    Returns:
        ``"a"`` for 0, ``"đ"`` for 4, ``"e"`` for 5, ``"y"`` for 22.

    Raises:
        ValueError: If ``i`` is negative or beyond 22.
    """
    index = require_int("i", i)
    if index < 0:
        raise ValueError(f"point index must be 0 or more, got {index}")
    if index >= len(VIETNAMESE_LETTERS):
        raise ValueError(
            f"at most {len(VIETNAMESE_LETTERS)} points can be lettered (a-y), got index {index}"
        )
    return VIETNAMESE_LETTERS[index]
