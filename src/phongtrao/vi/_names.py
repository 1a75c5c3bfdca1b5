"""Names of administrative units: comparing them, making file names, splitting them.

A unit's name is written with its generic noun in lower case and its proper
name capitalised ("phường Bến Thành", "thị trấn Thiên Cầm"), sometimes with
the units above it after commas ("xã Cẩm Vịnh, huyện Cẩm Xuyên, tỉnh Hà
Tĩnh"). People type the same name in many ways: "PHƯỜNG BẾN THÀNH", "Phường
Bến  Thành", "Chân Mây – Lăng Cô" with an en dash, "Ben Thanh" without marks.

- :func:`name_key` compares names as the same name: case, spacing and the kind
  of dash aside, marks kept ("Thuận Hóa" and "Thuận Hoá" differ, as they are
  different spellings).
- :func:`fold` compares names without their marks too, for suggestions:
  "Thuận Hoá" and "thuan hoa" fold alike.
- :func:`slug` makes an ASCII file name: "phường Sông Trí" -> "phuong-song-tri".
- :func:`split_unit_name` splits a name into its kind, proper name and the
  names of the units above it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

__all__ = [
    "UNIT_NOUNS",
    "UnitName",
    "fold",
    "name_key",
    "slug",
    "split_unit_name",
    "wrap_words",
]

#: The generic nouns of the kinds of administrative unit, by kind key (the
#: values of :class:`phongtrao.model.UnitKind`).
UNIT_NOUNS: dict[str, str] = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
    "huyen": "huyện",
    "quan": "quận",
    "thi_xa": "thị xã",
    "xa": "xã",
    "phuong": "phường",
    "thi_tran": "thị trấn",
    "dac_khu": "đặc khu",
    "thon": "thôn",
    "to_dan_pho": "tổ dân phố",
    "khu_pho": "khu phố",
    "ap": "ấp",
    "ban": "bản",
    "buon": "buôn",
    "lang": "làng",
}

# Longest first, so "thành phố" is tried before a shorter noun it might begin with.
_NOUNS = sorted(UNIT_NOUNS.items(), key=lambda item: -len(item[1]))
_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def name_key(text: str) -> str:
    """A name as compared for sameness: NFC, case folded, single spaces, every dash alike.

    Args:
        text: a name, as typed.

    Returns:
        The key: equal for two spellings that differ only in case, spacing or dashes.

    >>> name_key("Chân Mây – Lăng  CÔ") == name_key("chân mây - lăng cô")
    True
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_DASHES.sub(" - ", folded).split())


def fold(text: str) -> str:
    """A name without case, spacing or marks, for finding what a user meant.

    Args:
        text: a name, as typed.

    Returns:
        The name key of :func:`name_key` without tone or vowel marks, "đ" as "d".

    >>> fold("Thuận Hoá"), fold("ĐỨC THỌ")
    ('thuan hoa', 'duc tho')
    """
    decomposed = unicodedata.normalize("NFD", name_key(text).replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slug(text: str, fallback: str = "", limit: int = 60) -> str:
    """ASCII, lower case, words joined by '-', at most ``limit`` characters.

    The result holds only ``a-z``, ``0-9`` and ``-``, whatever ``text`` holds,
    so it is safe as (part of) a file name; ``fallback`` when nothing is left.

    Args:
        text: any text, such as a unit's name.
        fallback: the result when no letter or digit is left.
        limit: the longest result, in characters.

    Returns:
        The slug, such as "phuong-song-tri".

    >>> slug("phường Sông Trí"), slug("../../etc", "x"), slug("«…»", "ke-hoach")
    ('phuong-song-tri', 'etc', 'ke-hoach')
    """
    # NFKD also takes apart compatibility forms (ligatures, full-width letters).
    decomposed = unicodedata.normalize("NFKD", name_key(text).replace("đ", "d"))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return result[:limit].rstrip("-") or fallback


class UnitName(NamedTuple):
    """A unit's name taken apart: ``"xã Cẩm Vịnh, huyện Cẩm Xuyên"``.

    ``kind`` is the kind key of its generic noun (``"xa"``), or None when the
    name has none ("Cẩm Vịnh"); ``name`` the proper name, spaces made single
    ("Cẩm Vịnh"); ``parents`` the units named after commas, as written
    (``("huyện Cẩm Xuyên",)``).
    """

    kind: str | None
    name: str
    parents: tuple[str, ...]


def split_unit_name(text: str) -> UnitName:
    """Split a unit's name into its kind, proper name and the units above it.

    The generic noun is recognised in any case ("Phường", "PHƯỜNG"); the
    proper name keeps its own case.

    Args:
        text: a unit's name, optionally with its generic noun and parents.

    Returns:
        Its kind key (or None), proper name and parents.

    >>> split_unit_name("phường Bến Thành")
    UnitName(kind='phuong', name='Bến Thành', parents=())
    >>> split_unit_name("Xã Cẩm Vịnh, huyện Cẩm Xuyên, tỉnh Hà Tĩnh")
    UnitName(kind='xa', name='Cẩm Vịnh', parents=('huyện Cẩm Xuyên', 'tỉnh Hà Tĩnh'))
    """
    first, *rest = unicodedata.normalize("NFC", text).split(",")
    words = " ".join(first.split())
    parents = tuple(" ".join(part.split()) for part in rest if part.strip())
    folded = words.casefold()
    for kind, noun in _NOUNS:
        if folded.startswith(noun + " "):
            return UnitName(kind, words[len(noun) + 1:].strip(), parents)
    return UnitName(None, words, parents)


#: Words that join what follows them: a line broken after one reads as unfinished.
_JOINING = frozenset({"và", "của", "về", "cho", "với", "các", "những", "trong", "theo"})


def wrap_words(
    text: str, width: float, measure: Callable[[str], float] = len
) -> tuple[str, ...]:
    """Break a name into lines at most ``width`` wide, at spaces only.

    A break is preferred where a reader pauses — before an opening quotation
    mark, after a closing one or a comma — when one lies in the last third of
    the line, and after a spaced hyphen ("VĂN HÓA - / THÔNG TIN") when one lies
    in its second half; a line does not end with a word that joins it to the
    next ("và", "của", "về" …); a word wider than ``width`` stands on a line of
    its own.

    Args:
        text: the name, such as a body's name in capitals.
        width: the most a line holds, in the units of ``measure``.
        measure: how wide a piece of text is; by default its number of characters.

    Returns:
        The lines, in order; the text itself when it fits.

    >>> wrap_words("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 20)
    ('SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH')
    >>> wrap_words("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 23)
    ('SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH')
    >>> wrap_words("BAN CHỈ ĐẠO PHONG TRÀO “TOÀN DÂN ĐOÀN KẾT", 26)
    ('BAN CHỈ ĐẠO PHONG TRÀO', '“TOÀN DÂN ĐOÀN KẾT')
    >>> wrap_words("PHÒNG VĂN HÓA - THÔNG TIN", 21)
    ('PHÒNG VĂN HÓA -', 'THÔNG TIN')
    """
    words = text.split()
    lines: list[str] = []
    while words:
        line = words.pop(0)
        while words and measure(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        if words:
            parts = line.split(" ")
            for cut in range(len(parts) - 1, 0, -1):
                head = " ".join(parts[:cut])
                points = measure(head)
                if points < width / 2:
                    break
                hyphen = parts[cut - 1] in ("-", "–")
                if points < width * 2 / 3 and not hyphen:
                    continue
                if hyphen or head.endswith((",", "”")) or parts[cut].startswith("“"):
                    words[:0] = parts[cut:]
                    line = head
                    break
            head, _, last = line.rpartition(" ")
            if head and last.lower() in _JOINING:
                words.insert(0, last)
                line = head
        lines.append(line)
    return tuple(lines)
