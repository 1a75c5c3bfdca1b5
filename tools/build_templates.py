"""Build the built-in national template ``src/phongtrao/templates/ke-hoach.docx``.

The template follows Nghị định 30/2020/NĐ-CP, Phụ lục I (DESIGN.md §3): A4 with
margins 20/20/30/15 mm; Times New Roman everywhere; the two-column borderless
header with rules under the issuing body and the motto; the italic date line;
KẾ HOẠCH and its trích yếu in bold with a rule; italic bases; the body numbered
I. / 1. / 1.1. / - with justified 14 pt text and a 1.27 cm first-line indent;
page numbers centred in the top margin from page 2; the Nơi nhận and
signature table. The Jinja tags are the context of docs/templates.md.

Run ``python tools/build_templates.py`` to rebuild it; the output is the same
byte for byte on every run (fixed timestamps and metadata), and a test checks
that the committed file is what this script writes.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from phongtrao._layout import (
    FOOT_LEFT_CM,
    HEADER_CELL_MARGIN_CM,
    HEADER_POINTS,
    HEADER_RIGHT_CM,
    HEADER_SIZE,
)

FONT = "Times New Roman"
ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "phongtrao" / "templates" / "ke-hoach.docx"
FIXED_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
THUMBNAIL = "docProps/thumbnail.jpeg"

# The header's and the foot's columns, shared with the outline, which breaks long
# names to fit the header's left column (phongtrao._layout).
HEADER_RIGHT = HEADER_RIGHT_CM
FOOT_LEFT = FOOT_LEFT_CM


@dataclasses.dataclass(frozen=True)
class Look:
    """What a template variant may change, always within the decree's ranges.

    Attributes:
        title: the template's title in its document properties.
        body_size: body text in points (13-14).
        indent: first-line indent of body paragraphs in cm (1-1.27).
        line: line spacing, a multiple (1.0-1.5).
        after: space after body paragraphs in points (at least 6).
        margins: top, bottom, left and right margins in cm
            (20-25, 20-25, 30-35 and 15-20 mm).
    """

    title: str = "Kế hoạch (mẫu theo Nghị định 30/2020/NĐ-CP)"
    body_size: float = 14
    indent: float = 1.27
    line: float = 1.15
    after: float = 6
    margins: tuple[float, float, float, float] = (2.0, 2.0, 3.0, 1.5)

    def __post_init__(self) -> None:
        top, bottom, left, right = self.margins
        limits = [
            (13 <= self.body_size <= 14, "body size 13-14 pt"),
            (1.0 <= self.indent <= 1.27, "first-line indent 1-1.27 cm"),
            (1.0 <= self.line <= 1.5, "line spacing single to 1.5"),
            (self.after >= 6, "at least 6 pt between paragraphs"),
            (2.0 <= top <= 2.5 and 2.0 <= bottom <= 2.5, "top and bottom margins 20-25 mm"),
            (3.0 <= left <= 3.5 and 1.5 <= right <= 2.0, "left 30-35 mm, right 15-20 mm"),
        ]
        column = (self.text_width - HEADER_RIGHT - 2 * HEADER_CELL_MARGIN_CM) / 2.54 * 72
        if column < HEADER_POINTS - 0.01:
            raise ValueError(f"the header's left column holds {column:.0f} pt, less than the "
                             f"{HEADER_POINTS:.0f} pt the outline breaks names to "
                             "(phongtrao._layout)")
        broken = [rule for ok, rule in limits if not ok]
        if broken:
            raise ValueError(f"the look breaks Nghị định 30: {'; '.join(broken)}")

    @property
    def text_width(self) -> float:
        """The width between the margins, in cm."""
        return 21.0 - self.margins[2] - self.margins[3]


_TEMPLATES = ROOT / "src" / "phongtrao" / "templates"

#: The national templates of the other kinds of document: name, title, with the frame.
KINDS = {
    "de-cuong": ("Hướng dẫn đề cương báo cáo (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "giay-moi": ("Giấy mời (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "chuong-trinh": ("Chương trình hội nghị (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "to-trinh": ("Tờ trình (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "quyet-dinh": ("Quyết định (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "bao-cao": ("Báo cáo (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "cong-van": ("Công văn (mẫu theo Nghị định 30/2020/NĐ-CP)", True),
    "quyet-dinh-ban-hanh": ("Quyết định ban hành Kế hoạch (mẫu theo Nghị định 30/2020/NĐ-CP)",
                            True),
    "phu-luc": ("Phụ lục gửi kèm một văn bản (mẫu theo Nghị định 30/2020/NĐ-CP)", False),
}

#: The looks this tool builds: the national template and the plugins' variants.
LOOKS = {
    "national": (Look(), TARGET),
    "ha-tinh": (
        Look(title="Kế hoạch (mẫu Hà Tĩnh 2021, theo Nghị định 30/2020/NĐ-CP)", indent=1.0,
             line=1.0, after=6, margins=(2.0, 2.0, 3.0, 2.0)),
        ROOT / "plugins" / "phongtrao-hatinh" / "src" / "phongtrao_hatinh" / "templates"
        / "ha-tinh-2021.docx",
    ),
    "hue": (
        Look(title="Kế hoạch (mẫu thành phố Huế 2025, theo Nghị định 30/2020/NĐ-CP)",
             body_size=13, line=1.3, after=6, margins=(2.5, 2.0, 3.0, 1.5)),
        ROOT / "plugins" / "phongtrao-hue" / "src" / "phongtrao_hue" / "templates"
        / "hue-2025.docx",
    ),
}


def _set_fonts(rpr: object) -> None:
    """Times New Roman for every script slot of a run-properties element."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _defaults(document: Document) -> None:
    """Document defaults: Times New Roman 14 pt, Vietnamese language."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), "28")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")


def _style(
    document: Document,
    name: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: float | None = 1.27,
    before: float = 0,
    after: float = 6,
    keep_with_next: bool = False,
    line: float = 1.15,
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    _set_fonts(style.element.get_or_add_rPr())
    paragraph = style.paragraph_format
    paragraph.alignment = align
    paragraph.first_line_indent = None if indent is None else Cm(indent)
    paragraph.space_before = Pt(before)
    paragraph.space_after = Pt(after)
    paragraph.line_spacing = line
    paragraph.keep_with_next = keep_with_next
    paragraph.widow_control = True


def _all_styles_times(document: Document) -> None:
    """Every style python-docx's default template defines uses Times New Roman too."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for name in list(fonts.attrib):
            del fonts.attrib[name]
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), FONT)


def _styles(document: Document, look: Look) -> None:
    _all_styles_times(document)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _style(document, "PT Header", size=HEADER_SIZE, align=center, indent=None, after=0,
           line=1.0)
    _style(document, "PT Header Bold", size=HEADER_SIZE, bold=True, align=center, indent=None,
           after=0, line=1.0)
    _style(document, "PT Number", size=13, align=center, indent=None, after=0, line=1.0)
    _style(document, "PT Motto", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0)
    _style(document, "PT Date", size=14, italic=True, align=center, indent=None, before=6,
           after=0, line=1.0)
    _style(document, "PT Title", size=14, bold=True, align=center, indent=None, before=18,
           after=0, line=1.0, keep_with_next=True)
    _style(document, "PT Subject", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0, keep_with_next=True)
    body = {"size": look.body_size, "indent": look.indent, "line": look.line,
            "after": look.after}
    _style(document, "PT Basis", italic=True, **body)
    _style(document, "PT Body", **body)
    _style(document, "PT Section", bold=True, before=6, keep_with_next=True, **body)
    _style(document, "PT Heading", bold=True, keep_with_next=True, **body)
    _style(document, "PT Subheading", bold=True, italic=True, keep_with_next=True, **body)
    _style(document, "PT Bullet", **body)
    _style(document, "PT Recipients Title", size=12, bold=True, italic=True,
           align=WD_ALIGN_PARAGRAPH.LEFT, indent=None, after=0, line=1.0)
    _style(document, "PT Recipient", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, indent=None,
           after=0, line=1.0)
    _style(document, "PT Signature", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0)
    _style(document, "PT Signer", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0)
    _style(document, "PT Page Number", size=13, align=center, indent=None, after=0, line=1.0)
    _style(document, "PT Annex Number", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0, keep_with_next=True)
    document.styles["PT Annex Number"].paragraph_format.page_break_before = True
    _style(document, "PT Annex Title", size=14, bold=True, align=center, indent=None, after=0,
           line=1.0, keep_with_next=True)
    _style(document, "PT Annex Title First", size=14, bold=True, align=center, indent=None,
           after=0, line=1.0, keep_with_next=True)
    document.styles["PT Annex Title First"].paragraph_format.page_break_before = True
    _style(document, "PT About", size=12, align=center, indent=None, before=4, after=0,
           line=1.0)
    _style(document, "PT Addressee", size=14, align=center, indent=None, after=6, line=1.0)
    _style(document, "PT Addressee Line", size=14, align=WD_ALIGN_PARAGRAPH.LEFT, indent=None,
           after=0, line=1.0)
    document.styles["PT Addressee Line"].paragraph_format.left_indent = Cm(4.0)
    _style(document, "PT Authority", size=14, bold=True, align=center, indent=None, before=6,
           after=6, line=1.0, keep_with_next=True)
    _style(document, "PT Center", size=14, bold=True, align=center, indent=None, before=6,
           after=6, line=1.0, keep_with_next=True)
    _style(document, "PT Annex Note", size=14, italic=True, align=center, indent=None,
           after=12, line=1.0, keep_with_next=True)
    _style(document, "PT Table", size=13, align=WD_ALIGN_PARAGRAPH.LEFT, indent=None,
           before=2, after=2, line=1.0)
    _style(document, "PT Table Gap", size=6, align=center, indent=None, after=0, line=1.0)
    _style(document, "PT Figure", size=13, align=center, indent=None, before=6, after=0,
           line=1.0, keep_with_next=True)
    _style(document, "PT Figure Caption", size=13, italic=True, align=center, indent=None,
           after=6, line=1.0)
    _style(document, "PT Table Heading", size=13, bold=True, align=center, indent=None,
           before=2, after=2, line=1.0)
    _style(document, "PT Rule", size=2, align=center, indent=None, before=2, after=0, line=1.0)


def _rule(cell_or_document: object, left: float, right: float) -> None:
    """A short horizontal rule: an empty paragraph with a bottom border."""
    paragraph = cell_or_document.add_paragraph(style="PT Rule")  # type: ignore[attr-defined]
    paragraph.paragraph_format.left_indent = Cm(left)
    paragraph.paragraph_format.right_indent = Cm(right)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _borderless(table: object, widths: tuple[object, ...]) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    tbl_pr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    table.autofit = False  # type: ignore[attr-defined]
    for row in table.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width


def _cell_margins(table: object, cm: float) -> None:
    """The space kept inside every cell of ``table``, left and right."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(cm / 2.54 * 1440)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)  # type: ignore[attr-defined]


def _cell_paragraph(cell: object, text: str, style: str) -> object:
    """Fill the cell's first empty paragraph, or add one."""
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    paragraph = paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0].text else None
    if paragraph is None:
        paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def _header_table(document: Document, look: Look) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table, (Cm(look.text_width - HEADER_RIGHT), Cm(HEADER_RIGHT)))
    _cell_margins(table, HEADER_CELL_MARGIN_CM)
    left, right = table.rows[0].cells
    _cell_paragraph(left, "{%p if header.parent %}", "PT Header")
    _cell_paragraph(left, "{{ header.parent }}", "PT Header")
    _cell_paragraph(left, "{%p endif %}", "PT Header")
    _cell_paragraph(left, "{%p for line in header.issuer_lines %}", "PT Header Bold")
    _cell_paragraph(left, "{{ line }}", "PT Header Bold")
    _cell_paragraph(left, "{%p endfor %}", "PT Header Bold")
    _rule(left, 2.0, 2.0)
    number = _cell_paragraph(left, "{{ header.number_line }}", "PT Number")
    number.paragraph_format.space_before = Pt(6)  # type: ignore[attr-defined]
    _cell_paragraph(left, "{%p if header.about %}", "PT About")  # a công văn's V/v
    _cell_paragraph(left, "{{ header.about }}", "PT About")
    _cell_paragraph(left, "{%p endif %}", "PT About")
    _cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PT Header Bold")
    _cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc", "PT Motto")
    _rule(right, 1.75, 1.75)
    _cell_paragraph(right, "{{ header.date_line }}", "PT Date")


def _paragraph(document: Document, text: str, style: str) -> object:
    paragraph = document.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def _body(document: Document) -> None:
    _paragraph(document, "{%p if kind_title %}", "PT Title")  # a công văn has none
    _paragraph(document, "{{ kind_title }}", "PT Title")
    _paragraph(document, "{{ title }}", "PT Subject")
    _paragraph(document, "{%p if enacted_by %}", "PT Annex Note")  # issued by a quyết định
    _paragraph(document, "{{ enacted_by }}", "PT Annex Note")
    _paragraph(document, "{%p endif %}", "PT Annex Note")
    _rule(document, 6.5, 6.5)
    _paragraph(document, "{%p endif %}", "PT Title")
    _paragraph(document, "", "PT Body")
    # Kính gửi: one name on the line, or several below it, one a line.
    _paragraph(document, "{%p if addressees|length == 1 %}", "PT Addressee")
    _paragraph(document, "Kính gửi: {{ addressees[0] }}", "PT Addressee")
    _paragraph(document, "{%p elif addressees %}", "PT Addressee")
    _paragraph(document, "Kính gửi:", "PT Addressee")
    _paragraph(document, "{%p for line in addressees %}", "PT Addressee Line")
    _paragraph(document, "{{ line }}", "PT Addressee Line")
    _paragraph(document, "{%p endfor %}", "PT Addressee Line")
    _paragraph(document, "", "PT Table Gap")  # the list apart from the text that follows
    _paragraph(document, "{%p endif %}", "PT Addressee")
    _paragraph(document, "{%p if authority %}", "PT Authority")  # who decides, above the bases
    _paragraph(document, "{{ authority }}", "PT Authority")
    _paragraph(document, "{%p endif %}", "PT Authority")
    _paragraph(document, "{%p for basis in bases %}", "PT Basis")
    _paragraph(document, "{{ basis }}", "PT Basis")
    _paragraph(document, "{%p endfor %}", "PT Basis")
    _paragraph(document, "{%p if introduction %}", "PT Body")
    _paragraph(document, "{{ introduction }}", "PT Body")
    _paragraph(document, "{%p endif %}", "PT Body")
    _blocks(document, "body")
    _paragraph(document, "{%p if closing %}", "PT Body")
    closing = _paragraph(document, "{{ closing }}", "PT Body")
    # The signature block never stands alone on the last page: the closing
    # paragraph keeps with the table that follows, whose one row never splits.
    closing.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
    _paragraph(document, "{%p endif %}", "PT Body")


def _foot_table(document: Document, look: Look) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table, (Cm(FOOT_LEFT), Cm(look.text_width - FOOT_LEFT)))
    row_properties = table.rows[0]._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    row_properties.append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    title = _cell_paragraph(left, "{{ recipients_title }}", "PT Recipients Title")
    title.paragraph_format.space_before = Pt(12)  # type: ignore[attr-defined]
    _cell_paragraph(left, "{%p for line in recipients %}", "PT Recipient")
    _cell_paragraph(left, "{{ line }}", "PT Recipient")
    _cell_paragraph(left, "{%p endfor %}", "PT Recipient")
    first = _cell_paragraph(right, "{%p for line in signature.lines %}", "PT Signature")
    first.paragraph_format.space_before = Pt(12)  # type: ignore[attr-defined]
    _cell_paragraph(right, "{{ line }}", "PT Signature")
    _cell_paragraph(right, "{%p endfor %}", "PT Signature")
    for _ in range(4):  # room for the signature and the seal
        _cell_paragraph(right, "", "PT Signature")
    _cell_paragraph(right, "{{ signature.signer }}", "PT Signer")


def _blocks(document: Document, blocks: str) -> None:
    """The paragraphs of a numbered text (``body``, or an annex's ``annex.body``)."""
    _paragraph(document, f"{{%p for block in {blocks} %}}", "PT Body")
    _paragraph(document, '{%p if block.kind == "section" %}', "PT Section")
    _paragraph(document, "{{ block.prefix }}{{ block.text }}", "PT Section")
    _paragraph(document, '{%p elif block.kind == "heading" %}', "PT Heading")
    _paragraph(document, "{{ block.prefix }}{{ block.text }}", "PT Heading")
    _paragraph(document, '{%p elif block.kind == "subheading" %}', "PT Subheading")
    _paragraph(document, "{{ block.prefix }}{{ block.text }}", "PT Subheading")
    _paragraph(document, '{%p elif block.kind == "bullet" %}', "PT Bullet")
    bullet = document.add_paragraph(style="PT Bullet")
    bullet.add_run("{{ block.prefix }}")
    bullet.add_run("{{ block.lead }}").bold = True
    bullet.add_run("{% if block.lead and block.text %} {% endif %}{{ block.text }}")
    _paragraph(document, '{%p elif block.kind == "center" %}', "PT Center")
    _paragraph(document, "{%p if block.lead %}", "PT Center")
    _paragraph(document, "{{ block.lead }}", "PT Center")
    _paragraph(document, "{%p endif %}", "PT Center")
    _paragraph(document, "{{ block.text }}", "PT Center")
    _paragraph(document, '{%p elif block.kind == "table" %}', "PT Body")
    _data_table(document, "block.table", "block.widths")
    # A paragraph after the table keeps it apart from a table that follows (the
    # signature's): word processors join two tables that touch.
    _paragraph(document, "", "PT Table Gap")
    _paragraph(document, '{%p elif block.kind == "figure" %}', "PT Figure")
    _paragraph(document, "{{ block.marker }}", "PT Figure")
    _paragraph(document, "{{ block.text }}", "PT Figure Caption")
    _paragraph(document, "{%p else %}", "PT Body")
    item = document.add_paragraph(style="PT Body")
    item.add_run("{{ block.prefix }}")
    item.add_run("{{ block.lead }}").bold = True
    item.add_run("{% if block.lead and block.text %} {% endif %}{{ block.text }}")
    _paragraph(document, "{%p endif %}", "PT Body")
    _paragraph(document, "{%p endfor %}", "PT Body")


def _grid(table: object) -> None:
    """Single black borders on every cell of a table."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                           ("w:color", "000000")):
            line.set(qn(key), value)
        borders.append(line)
    tbl_pr.append(borders)


def _stretched_grid(table: object, widths: str) -> None:
    """Columns as wide as the context's ``widths`` say, the table stretched to the text width.

    The grid is written as a loop over ``widths`` (one ``w:gridCol`` each), so
    the table gets as many columns as its data; LibreOffice and Word scale the
    grid to the table's width of 100%.
    """
    tbl = table._tbl  # type: ignore[attr-defined]
    width = tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    grid = tbl.find(qn("w:tblGrid"))
    for column in list(grid):
        grid.remove(column)
    column = OxmlElement("w:gridCol")
    column.set(qn("w:w"), "{{ width }}")
    grid.append(column)
    grid.text = f"{{% for width in {widths} %}}"
    column.tail = "{% endfor %}"
    for cell_width in list(tbl.iter(qn("w:tcW"))):  # the grid alone sets the widths
        cell_width.getparent().remove(cell_width)


def _data_table(document: Document, table_name: str, widths: str) -> None:
    """A table of the context's ``table_name``: its columns as the heading row, then its rows.

    docxtpl replaces the whole cell holding a {%tc %} tag and the whole row
    holding a {%tr %} tag, so each tag has a cell or a row of its own.
    """
    table = document.add_table(rows=4, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _grid(table)
    heading, loop, cells, end = table.rows
    _cell_paragraph(heading.cells[0], f"{{%tc for column in {table_name}.columns %}}",
                    "PT Table Heading")
    _cell_paragraph(heading.cells[1], "{{ column }}", "PT Table Heading")
    _cell_paragraph(heading.cells[2], "{%tc endfor %}", "PT Table Heading")
    _cell_paragraph(loop.cells[0], f"{{%tr for row in {table_name}.rows %}}", "PT Table")
    _cell_paragraph(cells.cells[0], "{%tc for cell in row %}", "PT Table")
    _cell_paragraph(cells.cells[1], "{{ cell }}", "PT Table")
    _cell_paragraph(cells.cells[2], "{%tc endfor %}", "PT Table")
    _cell_paragraph(end.cells[0], "{%tr endfor %}", "PT Table")
    _stretched_grid(table, widths)
    table.rows[0].repeat_header = True  # type: ignore[attr-defined]


def _annexes(document: Document, look: Look) -> None:
    """Each annex on a page of its own: Phụ lục N, title, the note, text, table."""
    _paragraph(document, "{%p for annex in annexes %}", "PT Annex Number")
    # A new page opens at the number ("Phụ lục I"), or at the title of an annex without one.
    _paragraph(document, "{%p if annex.number %}", "PT Annex Number")
    _paragraph(document, "{{ annex.number }}", "PT Annex Number")
    _paragraph(document, "{{ annex.title }}", "PT Annex Title")
    _paragraph(document, "{%p else %}", "PT Annex Title First")
    _paragraph(document, "{{ annex.title }}", "PT Annex Title First")
    _paragraph(document, "{%p endif %}", "PT Annex Title")
    _paragraph(document, "{%p if annex.subtitle %}", "PT Annex Title")
    _paragraph(document, "{{ annex.subtitle }}", "PT Annex Title")
    _paragraph(document, "{%p endif %}", "PT Annex Title")
    _paragraph(document, "{{ annex.attached }}", "PT Annex Note")
    _blocks(document, "annex.body")
    _paragraph(document, "{%p if annex.table %}", "PT Body")
    _data_table(document, "annex.table", "annex.widths")
    _paragraph(document, "{%p endif %}", "PT Body")
    _paragraph(document, "{%p endfor %}", "PT Body")


def _page_numbers(document: Document) -> None:
    """Page numbers centred in the top margin, none on the first page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = "PT Page Number"
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    section.first_page_header.paragraphs[0].style = "PT Page Number"


def _page(document: Document, look: Look) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    top, bottom, left, right = look.margins
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)


def _preserve_spaces(document: Document) -> None:
    """Keep spaces that Jinja puts at the edges of a run once rendered."""
    parts = [document.element]
    section = document.sections[0]
    parts += [section.header._element, section.first_page_header._element]
    for part in parts:
        for text in part.iter(qn("w:t")):
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _metadata(document: Document, look: Look) -> None:
    properties = document.core_properties
    properties.author = "phongtrao"
    properties.last_modified_by = "phongtrao"
    properties.title = look.title
    properties.comments = "Built by tools/build_templates.py"
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.last_printed = FIXED_TIME
    properties.revision = 1


#: The order ECMA-376 gives the children of table and paragraph properties (Word
#: refuses some files whose properties come in another order).
_SCHEMA_ORDER = {
    qn("w:tblPr"): ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd",
                    "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"),
    qn("w:pPr"): ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                  "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
                  "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
                  "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
                  "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
                  "suppressOverlap", "jc", "textDirection", "textAlignment",
                  "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
                  "pPrChange"),
}


def _schema_order(document: Document) -> None:
    """Put the children of every tblPr and pPr in the schema's order."""
    for tag, names in _SCHEMA_ORDER.items():
        rank = {qn(f"w:{name}"): index for index, name in enumerate(names)}
        for parts in (document.element, document.styles.element):
            for properties in parts.iter(tag):
                children = sorted(properties, key=lambda child: rank.get(child.tag, len(rank)))
                for child in children:
                    properties.append(child)  # appending moves it: the children end in order


def build(look: Look = Look(), *, frame: bool = True) -> bytes:
    """Build the template with ``look`` and return the bytes of the .docx.

    ``frame``: the header, title, body, signature and Nơi nhận; without it, the
    template prints only the annexes, the first on the first page (a Phụ lục
    sent on its own).
    """
    document = Document()
    _page(document, look)
    _defaults(document)
    _styles(document, look)
    if not frame:
        for name in ("PT Annex Number", "PT Annex Title First"):
            document.styles[name].paragraph_format.page_break_before = False
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    if frame:
        _header_table(document, look)
        _body(document)
        _foot_table(document, look)
    _annexes(document, look)
    _page_numbers(document)
    _schema_order(document)
    _preserve_spaces(document)
    _metadata(document, look)
    raw = io.BytesIO()
    document.save(raw)
    return _normalised_zip(raw.getvalue())


def _normalised_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, so builds are identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == THUMBNAIL:
                continue  # python-docx's default thumbnail shows a blank page
            data = source.read(info.filename)
            if info.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", data)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()


def main(argv: list[str]) -> int:
    """Write the templates of the looks named (all by default) where they belong."""
    parser = argparse.ArgumentParser(description="Build phongtrao's .docx templates.")
    parser.add_argument("looks", nargs="*", metavar="LOOK",
                        help=f"which to build: {', '.join(LOOKS)} (default: all)")
    parser.add_argument("-o", "--output", type=Path, help="write a single look here instead")
    args = parser.parse_args(argv[1:])
    names = args.looks or list(LOOKS)
    unknown = [name for name in names if name not in LOOKS]
    if unknown:
        parser.error(f"unknown look {unknown[0]!r}; expected one of {', '.join(LOOKS)}")
    if args.output is not None and len(names) != 1:
        parser.error("--output needs exactly one look")
    for name in names:
        look, default_target = LOOKS[name]
        target = args.output or default_target
        if not target.parent.exists() and args.output is None:
            print(f"skipped {name}: {target.parent} does not exist")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(build(look))
        print(f"wrote {target}")
        if name == "national" and args.output is None:  # the national look of every kind
            for kind, (title, frame) in KINDS.items():
                path = _TEMPLATES / f"{kind}.docx"
                path.write_bytes(build(dataclasses.replace(look, title=title), frame=frame))
                print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
