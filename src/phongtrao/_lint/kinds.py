"""The types of administrative documents and their symbols, and text compared loosely.

Nghị định 30/2020/NĐ-CP, Phụ lục III (Bảng chữ viết tắt tên loại văn bản
hành chính) gives each type of administrative document the abbreviation its
number carries: ``Số: 03/KH-UBND`` is a Kế hoạch. A công văn has none.
"""

from __future__ import annotations

import re

from phongtrao.vi import nfc, normalize_tones

__all__ = ["KIND_SYMBOLS", "SYMBOLS", "normal", "opening"]

#: Each type's name (lower case, classic tone placement) and its symbol (Phụ lục III).
KIND_SYMBOLS: dict[str, str] = {
    "nghị quyết": "NQ",
    "quyết định": "QĐ",
    "chỉ thị": "CT",
    "quy chế": "QC",
    "quy định": "QyĐ",
    "thông cáo": "TC",
    "thông báo": "TB",
    "hướng dẫn": "HD",
    "chương trình": "CTr",
    "kế hoạch": "KH",
    "phương án": "PA",
    "đề án": "ĐA",
    "dự án": "DA",
    "báo cáo": "BC",
    "biên bản": "BB",
    "tờ trình": "TTr",
    "hợp đồng": "HĐ",
    "công điện": "CĐ",
    "bản ghi nhớ": "GN",
    "bản thỏa thuận": "TTh",
    "giấy ủy quyền": "GUQ",
    "giấy mời": "GM",
    "giấy giới thiệu": "GGT",
    "giấy nghỉ phép": "NP",
    "phiếu gửi": "PG",
    "phiếu chuyển": "PC",
    "phiếu báo": "PB",
}

#: Every type symbol, for telling a công văn's number from another type's.
SYMBOLS = frozenset(KIND_SYMBOLS.values())

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
#: A tone mark on the second vowel of oa, oe, uy: the modern placement ("hoà"), which
#: normalize_tones may move. Text without one is left as it is, which is most text.
_MODERN = re.compile(r"(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)


def normal(text: str) -> str:
    """``text`` compared loosely: NFC, classic tone marks, lower case, one space, ``-`` dashes.

    "CỘNG HOÀ  XÃ HỘI" and "Cộng hòa xã hội" compare equal; so do "Độc lập – Tự
    do" and "Độc lập - Tự do".
    """
    folded = nfc(text).casefold()
    if _MODERN.search(folded):
        folded = normalize_tones(folded, "classic")
    return " ".join(_DASHES.sub("-", folded).split())


def opening(text: str, length: int = 48) -> str:
    """The first words of ``text`` compared loosely (:func:`normal`), to test how it starts."""
    return normal(text[:length])
