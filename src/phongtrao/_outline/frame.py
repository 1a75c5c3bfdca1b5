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
from phongtrao._layout import HEADER_POINTS, column_widths, line_points
from phongtrao._outline.phrases import END_MARK, closing_with_end_mark
from phongtrao._outline.tree import Block, free_nodes, number_nodes
from phongtrao.model import (
    Agency,
    Annex,
    AnnexTable,
    DocumentKind,
    DocumentNumber,
    PartialDate,
    Plan,
    Signature,
)

__all__ = [
    "AnnexBlock",
    "Header",
    "SignatureBlock",
    "annex_blocks",
    "attached_note",
    "attached_to",
    "end_marked",
    "header",
    "header_for",
    "issuer_lines",
    "number_text",
    "numbered_annexes",
    "signature_block",
    "signed_by",
]


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
        about: trích yếu công văn — "V/v triển khai Kế hoạch …" under the number,
            for a công văn only; None otherwise.
    """

    parent: str | None
    issuer_lines: tuple[str, ...]
    number_line: str
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    date_line: str
    about: str | None = None


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
    if parent.header_lines:
        return " ".join(parent.header_lines).upper()
    if parent.unit is None:
        return parent.name.upper()
    return f"{parent.abbreviation} {parent.unit.full_name}".upper()


def issuer_lines(issuer: Agency, parent: Agency | None) -> tuple[str, ...]:
    """The issuing body's lines: as given, each kept whole; else its name and unit, wrapped."""
    if issuer.header_lines:
        return tuple(line.upper() for line in issuer.header_lines)
    names = [issuer.name.upper()]
    same_unit = parent is not None and parent.unit == issuer.unit
    if issuer.unit is not None and not same_unit:
        names.append(issuer.unit.full_name.upper())
    return tuple(line for name in names
                 for line in vi.wrap_words(name, HEADER_POINTS, line_points))


def header(plan: Plan) -> Header:
    """The header columns of ``plan``."""
    return header_for(plan.issuer, plan.parent, plan.document.number, plan.document.date,
                      plan.place)


def header_for(issuer: Agency, parent: Agency | None, number: DocumentNumber,
               date: PartialDate, place: str, about: str | None = None) -> Header:
    """The header columns of a document of ``issuer`` (under ``parent``), numbered and dated."""
    return Header(
        parent=None if parent is None else _parent_line(parent),
        issuer_lines=issuer_lines(issuer, parent),
        number_line=vi.number_line(number.number, number.symbol, number.year),
        date_line=vi.date_line(place, date.day, date.month, date.year),
        about=None if about is None else f"V/v {about}",
    )


def number_text(number: DocumentNumber) -> str:
    """"03/KH-UBND", or a clerk's gap "     /KH-UBND" while the number is not assigned."""
    if number.number is None:
        year = "" if number.year is None else f"{number.year}/"
        return f"{' ' * 5}/{year}{number.symbol}"
    return vi.document_number(number.number, number.symbol, number.year)


def attached_note(plan: Plan) -> str:
    """The line under an annex's title, naming the plan (see :func:`attached_to`)."""
    return attached_to(plan.document.kind, plan.document.number, plan.document.date,
                       plan.issuer)


def attached_to(kind: DocumentKind, number: DocumentNumber, date: PartialDate,
                issuer: Agency) -> str:
    """The line under an annex's title, naming the document it is attached to.

    "(Kèm theo Kế hoạch số 03/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân huyện
    Cẩm Xuyên)", its date written as the text's citations are; while the day is
    not yet known, with the date line's gaps ("ngày      tháng      năm 2021").
    """
    if date.day is not None and date.month is not None:
        when = vi.short_date(date.first_day)
    else:
        gap = " " * 6  # the date line's gap for a day or month not yet known
        month = vi.month_number(date.month) if date.month is not None else gap
        when = f"{gap} tháng {month} năm {date.year}"
    return (f"(Kèm theo {kind.vi} số {number_text(number)} ngày {when} "
            f"của {issuer.full_name})")


@attrs.frozen(kw_only=True)
class AnnexBlock:
    """Phụ lục — an annex, ready to print after the document.

    Attributes:
        number: số phụ lục — "Phụ lục I" (or "Phụ lục" when it is the only one).
        title: tên — the title in capitals.
        subtitle: dòng dưới tên — a line under the title, or None.
        attached: kèm theo — "(Kèm theo Kế hoạch số … ngày … của …)".
        body: nội dung — its paragraphs and numbered topics, as blocks.
        table: bảng — its table (``columns``, ``rows``), or None.
        widths: độ rộng cột — the table's column widths in twentieths of a point,
            from what each column holds (only their proportions matter); empty
            without a table.
    """

    number: str
    title: str
    subtitle: str | None
    attached: str
    body: tuple[Block, ...]
    table: AnnexTable | None
    widths: tuple[int, ...] = ()


def annex_blocks(plan: Plan) -> tuple[AnnexBlock, ...]:
    """The plan's annexes, numbered as the decree says: Roman numerals from two on."""
    return numbered_annexes(plan.annexes, attached_note(plan) if plan.annexes else "")


def numbered_annexes(annexes: Sequence[Annex], note: str) -> tuple[AnnexBlock, ...]:
    """``annexes`` ready to print, each under ``note``: "Phụ lục", or I, II … when several."""
    several = len(annexes) > 1
    return tuple(
        AnnexBlock(
            number=f"Phụ lục {vi.roman(index)}" if several else "Phụ lục",
            title=annex.title.upper(),
            subtitle=annex.subtitle,
            attached=note,
            body=number_nodes(free_nodes(annex.paragraphs, annex.topics)),
            table=annex.table,
            widths=() if annex.table is None else column_widths(annex.table.columns,
                                                                annex.table.rows),
        )
        for index, annex in enumerate(annexes, start=1)
    )


def signature_block(plan: Plan) -> SignatureBlock:
    """The signature block of ``plan``."""
    return signed_by(plan.signature)


def signed_by(signature: Signature) -> SignatureBlock:
    """The signature block of a document signed so."""
    return SignatureBlock(lines=signature.lines, signer=signature.signer)


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
