"""The geometry of the built-in templates, and how wide a line of capitals sets.

The built-in templates (``tools/build_templates.py`` builds them from these
numbers) print the issuing body in the left column of the header, in bold
capitals of :data:`HEADER_SIZE` points. A line wider than :data:`HEADER_POINTS`
would be broken by the word processor wherever it runs out of room, so the
outline breaks long names itself (at spaces, where a reader pauses) and the
checks warn about a line the issuer gave that cannot fit.

Widths are those of Times New Roman, which Liberation Serif matches metric for
metric; they were read from the font files (advance widths in thousandths of
an em). A Vietnamese letter is as wide as its base letter, except the horned
ư, ơ, Ư and Ơ; a character missing here counts as a full em, so a guess errs on the
side of breaking.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = [
    "FOOT_LEFT_CM",
    "HEADER_CELL_MARGIN_CM",
    "HEADER_POINTS",
    "HEADER_RIGHT_CM",
    "HEADER_SIZE",
    "TABLE_SIZE",
    "TEXT_POINTS",
    "column_widths",
    "line_points",
]

#: cm: the national name's column, wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: in bold 12 pt (8.83 cm) on one line; the issuing body's column takes the rest.
HEADER_RIGHT_CM = 9.2
#: cm: the space kept inside each header cell, left and right.
HEADER_CELL_MARGIN_CM = 0.1
#: cm: the Nơi nhận column; the signature's takes the rest.
FOOT_LEFT_CM = 7.5
#: Points: the size of the header's lines (the parent and issuing bodies, the national name).
HEADER_SIZE = 12
#: Points: the room for one line of the issuing body in the narrowest built-in
#: template (text 15.5 cm wide: a left column of 6.3 cm, less its cell margins).
HEADER_POINTS = (15.5 - HEADER_RIGHT_CM - 2 * HEADER_CELL_MARGIN_CM) / 2.54 * 72

_BOLD = {
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
                611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667), strict=True)),
    "Đ": 722, "Ơ": 778, "Ư": 796, " ": 250, ",": 250, ".": 250, "-": 333, "–": 500,
    "“": 500, "”": 500, '"': 555, "(": 333, ")": 333, "/": 278, ":": 333, ";": 333,
    "&": 833, "'": 278, **dict.fromkeys("0123456789", 500),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
                556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444), strict=True)),
    "đ": 556, "ơ": 554, "ư": 600, "%": 1000, "+": 570, "!": 333, "?": 500, "[": 333,
    "]": 333, "…": 1000, "*": 500,
}
_REGULAR = {
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
                556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611), strict=True)),
    "Đ": 722, "Ơ": 722, "Ư": 776, " ": 250, ",": 250, ".": 250, "-": 333, "–": 500,
    "“": 444, "”": 444, '"': 408, "(": 333, ")": 333, "/": 278, ":": 278, ";": 278,
    "&": 778, "'": 180, **dict.fromkeys("0123456789", 500),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
                500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444), strict=True)),
    "đ": 500, "ơ": 529, "ư": 542, "%": 833, "+": 564, "!": 333, "?": 444, "[": 333,
    "]": 333, "…": 1000, "*": 500,
}
_HORNED = {"Ư": "Ư", "Ơ": "Ơ", "ư": "ư", "ơ": "ơ"}


def _base(char: str) -> str:
    """The letter under the tone and vowel marks: "Ậ" -> "A"; "Ự" -> "Ư"."""
    decomposed = unicodedata.normalize("NFD", char)
    if "\u031b" in decomposed:  # the horn: Ư and Ơ are wider than U and O
        return _HORNED.get(unicodedata.normalize("NFC", decomposed[0] + "\u031b"), char)
    return decomposed[0] if decomposed else char


#: Points: the size of an annex table's text, and the room kept inside each of its cells.
TABLE_SIZE = 13
TABLE_CELL_PADDING = 2 * 0.19 / 2.54 * 72
#: Points: the text width of the narrowest built-in template (15.5 cm).
TEXT_POINTS = 15.5 / 2.54 * 72


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """Widths for a table's columns, in twentieths of a point, from what they hold.

    Each column is as wide as its longest text when the table fits the page;
    otherwise each keeps at least its longest word (a heading in bold) and the
    room left is shared in proportion to what each would need more. Templates
    stretch the table to the text width, so only the proportions matter.
    """
    least, wanted = [], []
    for index, heading in enumerate(columns):
        cells = [row[index] for row in rows]
        words = [line_points(word, TABLE_SIZE) for word in heading.split()]
        words += [line_points(word, TABLE_SIZE, bold=False) for cell in cells
                  for word in cell.split()]
        lines = [line_points(heading, TABLE_SIZE)]
        lines += [line_points(cell, TABLE_SIZE, bold=False) for cell in cells]
        least.append(max(words, default=0) + TABLE_CELL_PADDING)
        wanted.append(max(max(lines) + TABLE_CELL_PADDING, least[-1]))
    if sum(wanted) <= TEXT_POINTS or sum(least) >= TEXT_POINTS:
        widths = wanted if sum(wanted) <= TEXT_POINTS else least
    else:
        room, more = TEXT_POINTS - sum(least), sum(wanted) - sum(least)
        widths = [low + (want - low) * room / more for low, want in zip(least, wanted,
                                                                           strict=True)]
    return tuple(max(1, round(width * 20)) for width in widths)


def line_points(text: str, size: float = HEADER_SIZE, *, bold: bool = True) -> float:
    """How wide ``text`` sets in Times New Roman of ``size`` points, in points.

    >>> round(line_points("ỦY BAN NHÂN DÂN"), 1)
    113.0
    """
    widths = _BOLD if bold else _REGULAR
    return sum(widths.get(_base(char), 1000) for char in text) * size / 1000
