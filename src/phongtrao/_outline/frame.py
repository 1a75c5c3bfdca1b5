"""The frame every administrative document shares: header, number, date line, signature.

Nghị định 30/2020/NĐ-CP, Phụ lục I: whatever its kind, a document opens with
two header columns (the issuing body and its number on the left; the Quốc
hiệu, tiêu ngữ and date line on the right) and closes with the recipients
(Nơi nhận) and the signature block. Each kind brings only its body; the frame
is built here once, from the plan's issuer, document and signature.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from phongtrao import vi
from phongtrao._outline.phrases import END_MARK, closing_with_end_mark
from phongtrao._outline.tree import Block
from phongtrao.model import Agency, Plan

__all__ = ["Header", "SignatureBlock", "end_marked", "header", "signature_block"]


@attrs.frozen(kw_only=True)
class Header:
    """Phần đầu văn bản — the two header columns, ready to print.

    Attributes:
        parent: cơ quan chủ quản — the parent body in capitals, or None.
        issuer_lines: cơ quan ban hành — the issuing body in capitals, one line each
            ("ỦY BAN NHÂN DÂN", "HUYỆN CẨM XUYÊN").
        number_line: số, ký hiệu — "Số: 03/KH-UBND", or "Số:      /KH-UBND" in a draft.
        nation: quốc hiệu — "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
        motto: tiêu ngữ — "Độc lập - Tự do - Hạnh phúc".
        date_line: địa danh, ngày tháng — "Cẩm Xuyên, ngày 05 tháng 01 năm 2021".
    """

    parent: str | None
    issuer_lines: tuple[str, ...]
    number_line: str
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    date_line: str


@attrs.frozen(kw_only=True)
class SignatureBlock:
    """Chữ ký — the authority lines and the signer's name.

    Attributes:
        lines: thẩm quyền ký — "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
        signer: họ tên — "Phạm Văn Thắng".
    """

    lines: tuple[str, ...]
    signer: str


def _parent_line(parent: Agency) -> str:
    if parent.unit is None:
        return parent.name.upper()
    return f"{parent.abbreviation} {parent.unit.full_name}".upper()


def _issuer_lines(plan: Plan) -> tuple[str, ...]:
    issuer, parent = plan.issuer, plan.parent
    lines = [issuer.name.upper()]
    same_unit = parent is not None and parent.unit == issuer.unit
    if issuer.unit is not None and not same_unit:
        lines.append(issuer.unit.full_name.upper())
    return tuple(lines)


def header(plan: Plan) -> Header:
    """The header columns of ``plan``."""
    number = plan.document.number
    date = plan.document.date
    return Header(
        parent=None if plan.parent is None else _parent_line(plan.parent),
        issuer_lines=_issuer_lines(plan),
        number_line=vi.number_line(number.number, number.symbol, number.year),
        date_line=vi.date_line(plan.place, date.day, date.month, date.year),
    )


def signature_block(plan: Plan) -> SignatureBlock:
    """The signature block of ``plan``."""
    return SignatureBlock(lines=plan.signature.lines, signer=plan.signature.signer)


def end_marked(
    body: Sequence[Block], closing: str | None
) -> tuple[tuple[Block, ...], str | None]:
    """The body and closing paragraph with the decree's end mark ``./.`` put where it goes.

    The end mark closes the last paragraph of the text: the closing paragraph
    when there is one, else the body's last block. It is put once; text that
    already ends with it is left as it is.
    """
    blocks = tuple(body)
    if closing is not None:
        return blocks, closing_with_end_mark(closing)
    if not blocks or blocks[-1].text.rstrip().endswith(END_MARK):
        return blocks, None
    last = blocks[-1]
    return (*blocks[:-1], attrs.evolve(last, text=closing_with_end_mark(last.text))), None
