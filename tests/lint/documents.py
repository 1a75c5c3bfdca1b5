"""Documents for the lint tests, built here: conforming ones, and one broken variant per rule.

- :func:`build_docx` writes a Kế hoạch with python-docx, laid out another way
  than phongtrao's templates: direct formatting on a plain ``Normal`` style,
  rules drawn as paragraph borders, underscores or line shapes, Word's
  automatic numbering for the Roman sections, a complex PAGE field after a
  centre tab stop, and the header as a table, as tab stops or as text boxes.
- :class:`Docx` edits any .docx's XML in place (direct formatting wins over
  styles, so an edit works on every source).
- :data:`BREAKERS` breaks exactly one rule each, by its code.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from copy import deepcopy

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FONT = "Times New Roman"

ISSUER = ("ỦY BAN NHÂN DÂN", "XÃ CẨM BÌNH")
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER = "Số: 03/KH-UBND"
DATE = "Cẩm Bình, ngày 05 tháng 01 năm 2025"
TITLE = "KẾ HOẠCH"
SUBJECT = ("Tổ chức Hội nghị tổng kết 25 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng "
           "đời sống văn hóa” xã Cẩm Bình (giai đoạn 2000-2025)")
BASES = (
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;",
    ("Căn cứ Kế hoạch số 456/KH-UBND ngày 25/7/2025 của Ủy ban nhân dân tỉnh Hà Tĩnh về tổ "
     "chức Hội nghị tổng kết 25 năm thực hiện Phong trào."),
)
RECIPIENTS = ("- Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Văn hóa, Thể thao và Du lịch;",
              "- Các ban, ngành, đoàn thể xã;", "- Lưu: VT, VHXH.")
SIGNATURE = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
SIGNER = "Nguyễn Văn A"
TEXT = ("Đánh giá đúng thực chất kết quả 25 năm thực hiện Phong trào trên địa bàn xã; biểu "
        "dương những tập thể, cá nhân tiêu biểu; chỉ ra những tồn tại, hạn chế và nguyên nhân, "
        "rút ra bài học kinh nghiệm để tiếp tục nâng cao chất lượng Phong trào trong thời gian "
        "tới, bảo đảm thiết thực, hiệu quả, tiết kiệm.")
#: The body: (kind, text). Sections are numbered by Word (an upperRoman list).
BODY: tuple[tuple[str, str], ...] = (
    ("text", "Ủy ban nhân dân xã ban hành Kế hoạch tổ chức Hội nghị tổng kết, cụ thể như sau:"),
    ("section", "MỤC ĐÍCH, YÊU CẦU"),
    ("heading", "1. Mục đích"),
    ("text", "- " + TEXT),
    ("text", "- " + TEXT),
    ("heading", "2. Yêu cầu"),
    ("text", "a) " + TEXT),
    ("text", "b) " + TEXT),
    ("text", "c) " + TEXT),
    ("text", "d) " + TEXT),
    ("text", "đ) " + TEXT),
    ("text", "e) " + TEXT),
    ("section", "NỘI DUNG"),
    ("heading", "1. Đánh giá công tác lãnh đạo, chỉ đạo"),
    ("text", "1.1. " + TEXT),
    ("text", "1.2. " + TEXT),
    ("heading", "2. Đánh giá kết quả thực hiện"),
    ("text", TEXT),
    ("text", TEXT),
    ("section", "TỔ CHỨC THỰC HIỆN"),
    ("heading", "1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
    ("text", TEXT),
    ("text", TEXT),
    ("heading", "2. Các ban, ngành, đoàn thể xã"),
    ("text", TEXT),
    ("text", TEXT),
    ("text", TEXT),
    ("text", ("Trên đây là Kế hoạch tổ chức Hội nghị tổng kết 25 năm thực hiện Phong trào của "
              "Ủy ban nhân dân xã; đề nghị các cơ quan, đơn vị triển khai thực hiện. Trong quá "
              "trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Ủy ban nhân dân xã để "
              "được hướng dẫn./.")),
)

LAYOUTS = ("table", "tabs", "textbox")


# -- python-docx, another way ------------------------------------------------------------


def _fonts(run: object) -> None:
    rpr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), FONT)


def _run(paragraph: object, text: str, size: float = 14, *, bold: bool = False,
         italic: bool = False) -> object:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    _fonts(run)
    return run


def _line(container: object, text: str, size: float, *, bold: bool = False,
          italic: bool = False, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
          first: bool = False) -> object:
    paragraphs = container.paragraphs  # type: ignore[attr-defined]
    paragraph = paragraphs[0] if first else container.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    if text:
        _run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def _border(paragraph: object, left: float = 1.5, right: float = 1.5) -> None:
    """A bottom border under the paragraph, between indents (cm): a rule as long as the text."""
    paragraph.paragraph_format.left_indent = Cm(left)  # type: ignore[attr-defined]
    paragraph.paragraph_format.right_indent = Cm(right)  # type: ignore[attr-defined]
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" '
                         'w:space="1" w:color="auto"/></w:pBdr>'))


def _no_borders(table: object) -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH",
                                                    "insideV")) + "</w:tblBorders>"))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER  # type: ignore[attr-defined]


def _header_table(document: docx.document.Document) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.3), Cm(10.2)
    _line(left, ISSUER[0], 13, bold=True, first=True)
    _border(_line(left, ISSUER[1], 13, bold=True), 1.6, 1.6)
    _line(left, NUMBER, 13).paragraph_format.space_before = Pt(6)
    _line(right, NATIONAL, 13, bold=True, first=True)
    _border(_line(right, MOTTO, 14, bold=True), 1.9, 1.9)
    _line(right, DATE, 14, italic=True).paragraph_format.space_before = Pt(6)


def _tab_stops(paragraph: object, *positions: float) -> None:
    stops = paragraph.paragraph_format.tab_stops  # type: ignore[attr-defined]
    from docx.enum.text import WD_TAB_ALIGNMENT

    for position in positions:
        stops.add_tab_stop(Cm(position), WD_TAB_ALIGNMENT.CENTER)


def _line_shape(paragraph: object, x_cm: float, width_cm: float, shape_id: int) -> None:
    """A horizontal line drawn as a shape (wps), anchored in the paragraph."""
    emu = 360000
    drawing = (
        f'<w:r {nsdecls("w", "wp", "a")} '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_cm * emu)}</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{int(width_cm * emu)}" cy="0"/><wp:effectExtent l="0" '
        f't="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{shape_id}" name="Line {shape_id}"/>'
        '<a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{int(width_cm * emu)}" cy="0"/></a:xfrm><a:prstGeom prst="line">'
        '<a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/>'
        '</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></w:r>')
    paragraph._p.append(parse_xml(drawing))  # type: ignore[attr-defined]


def _header_tabs(document: docx.document.Document) -> None:
    rows = ((ISSUER[0], 13, NATIONAL, 13, False), (ISSUER[1], 13, MOTTO, 14, False),
            (NUMBER, 13, DATE, 14, True))
    for left, left_size, right, right_size, italic in rows:
        paragraph = _line(document, "", 13, align=WD_ALIGN_PARAGRAPH.LEFT)
        _tab_stops(paragraph, 3.0, 11.2)
        _run(paragraph, "\t")
        _run(paragraph, left, left_size, bold=left != NUMBER)
        _run(paragraph, "\t")
        _run(paragraph, right, right_size, bold=not italic, italic=italic)
        if right == MOTTO:
            rules = _line(document, "", 4, align=WD_ALIGN_PARAGRAPH.LEFT)
            _line_shape(rules, 2.0, 2.0, 11)
            rules = _line(document, "", 4, align=WD_ALIGN_PARAGRAPH.LEFT)
            _line_shape(rules, 8.6, 5.2, 12)


def _textbox(paragraph: object, lines: list[tuple[str, float, bool, bool, bool]], x_cm: float,
             width_cm: float, shape_id: int) -> None:
    """A text box anchored in the paragraph, stored as Word stores it: wps, then VML again."""
    emu = 360000
    body = "".join(
        '<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/>'
        + ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
           '<w:ind w:left="1000" w:right="1000"/>' if rule else "")
        + f'</w:pPr><w:r><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/>'
        + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        + f'<w:sz w:val="{int(size * 2)}"/></w:rPr><w:t xml:space="preserve">{text}</w:t>'
        '</w:r></w:p>'
        for text, size, bold, italic, rule in lines)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_cm * emu)}</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{int(width_cm * emu)}" cy="{int(3.2 * emu)}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{shape_id}" '
        f'name="Text Box {shape_id}"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{int(width_cm * emu)}" cy="{int(3.2 * emu)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f'</wps:spPr><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{x_cm * 28.35:.1f}pt;margin-top:0;'
        f'width:{width_cm * 28.35:.1f}pt;height:90pt" stroked="f"><v:textbox>'
        f'<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>')
    paragraph._p.append(parse_xml(xml))  # type: ignore[attr-defined]


def _header_textboxes(document: docx.document.Document) -> None:
    anchor = _line(document, "", 13)
    _textbox(anchor, [(ISSUER[0], 13, True, False, False), (ISSUER[1], 13, True, False, True),
                      (NUMBER, 13, False, False, False)], 0.0, 6.2, 21)
    _textbox(anchor, [(NATIONAL, 13, True, False, False), (MOTTO, 14, True, False, True),
                      (DATE, 14, False, True, False)], 6.4, 10.1, 22)
    for _ in range(4):  # room for the boxes
        _line(document, "", 13)


def _upper_roman(document: docx.document.Document) -> str:
    """A list of the numbering part numbering I., II., III. with a first-line indent: its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType '
        'w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt '
        'w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr>'
        '<w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>')
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId '
                               'w:val="90"/></w:num>'))
    return "90"


def _body_paragraph(document: docx.document.Document, text: str, *, bold: bool = False,
                    italic: bool = False, number: str | None = None) -> object:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.3
    if number is not None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                             f'<w:numId w:val="{number}"/></w:numPr>'))
        fmt.first_line_indent = None  # the list level gives it
    _run(paragraph, text, 14, bold=bold, italic=italic)
    return paragraph


def _page_number(section: object) -> None:
    """A PAGE field after a centre tab stop in the header (Word's Header style), none on page 1."""
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.style = "Header"
    stops = paragraph.paragraph_format.tab_stops
    from docx.enum.text import WD_TAB_ALIGNMENT

    stops.add_tab_stop(Cm(8.25), WD_TAB_ALIGNMENT.CENTER)
    _run(paragraph, "\t", 13)
    for kind in ("begin", None, "separate", "2", "end"):
        run = _run(paragraph, "", 13)
        element = run._element  # type: ignore[attr-defined]
        if kind is None:
            element.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE '
                                     '</w:instrText>'))
        elif kind == "2":
            run.text = "2"  # type: ignore[attr-defined]
        else:
            element.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))


def _foot(document: docx.document.Document) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(9.0)
    title = _line(left, "Nơi nhận:", 12, bold=True, italic=True, first=True,
                  align=WD_ALIGN_PARAGRAPH.LEFT)
    title.paragraph_format.space_before = Pt(12)
    for line in RECIPIENTS:
        _line(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = _line(right, SIGNATURE[0], 14, bold=True, first=True)
    first.paragraph_format.space_before = Pt(12)
    for line in SIGNATURE[1:]:
        _line(right, line, 14, bold=True)
    for _ in range(3):
        _line(right, "", 14)
    _line(right, SIGNER, 14, bold=True)


def build_docx(layout: str = "table") -> bytes:
    """A conforming Kế hoạch made with python-docx, its header laid out as ``layout``."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    {"table": _header_table, "tabs": _header_tabs, "textbox": _header_textboxes}[layout](document)
    if layout == "table":
        body = document.element.body
        first = body[0]
        if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
            body.remove(first)  # python-docx's empty first paragraph
    title = _line(document, TITLE, 14, bold=True)
    title.paragraph_format.space_before = Pt(18)
    _line(document, SUBJECT, 14, bold=True)
    _line(document, "_" * 14, 14)
    for basis in BASES:
        _body_paragraph(document, basis, italic=True)
    roman = _upper_roman(document)
    for kind, text in BODY:
        if kind == "section":
            _body_paragraph(document, text, bold=True, number=roman)
        else:
            _body_paragraph(document, text, bold=kind == "heading")
    _foot(document)
    _page_number(section)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- editing any .docx ----------------------------------------------------------------------


def own(paragraph: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """The paragraph's own elements of these tags, not those of a text box anchored in it."""
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if node.tag == W + "txbxContent":
            continue
        if node.tag in tags:
            yield node
        stack.extend(reversed(node))


def text_of(paragraph: etree._Element) -> str:
    """The text of a ``w:p``, its runs' ``w:t`` joined (tabs as tabs)."""
    return "".join("\t" if node.tag == W + "tab" else node.text or ""
                   for node in own(paragraph, W + "t", W + "tab"))


class Docx:
    """A .docx whose XML parts are edited in place and saved again."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self._infos = package.infolist()
            self._parts = {info.filename: package.read(info) for info in self._infos}
        self._trees: dict[str, etree._Element] = {}

    def xml(self, name: str) -> etree._Element:
        if name not in self._trees:
            self._trees[name] = etree.fromstring(self._parts[name])
        return self._trees[name]

    @property
    def body(self) -> etree._Element:
        return self.xml("word/document.xml").find(W + "body")

    def headers(self) -> list[etree._Element]:
        return [self.xml(name) for name in self._parts
                if re.fullmatch(r"word/(header|footer)\d*\.xml", name)]

    def save(self) -> bytes:
        for name, tree in self._trees.items():
            self._parts[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                               standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for info in self._infos:
                package.writestr(info.filename, self._parts[info.filename])
        return out.getvalue()

    # -- finding paragraphs -------------------------------------------------------------

    def paragraphs(self) -> list[etree._Element]:
        """Every ``w:p`` of the main text (text boxes' VML copies too: both are edited)."""
        return list(self.body.iter(W + "p"))

    def where(self, pattern: str) -> list[etree._Element]:
        """The paragraphs whose text matches ``pattern`` (a regular expression, searched)."""
        return [p for p in self.paragraphs() if re.search(pattern, text_of(p))]

    def one(self, pattern: str) -> etree._Element:
        found = self.where(pattern)
        assert found, f"no paragraph matches {pattern!r}"
        return found[0]

    def body_paragraphs(self) -> list[etree._Element]:
        """The paragraphs of the body proper: after the trích yếu, before the Nơi nhận table."""
        children = list(self.body)
        tables = [index for index, child in enumerate(children) if child.tag == W + "tbl"]
        end = tables[-1]
        start = next(index for index, child in enumerate(children)
                     if child.tag == W + "p" and text_of(child).startswith("Căn cứ"))
        return [child for child in children[start:end]
                if child.tag == W + "p" and text_of(child).strip()]

    def running(self) -> list[etree._Element]:
        """Body paragraphs (not bases) long enough to run over several lines."""
        return [p for p in self.body_paragraphs()
                if len(text_of(p)) > 150 and not text_of(p).startswith("Căn cứ")]

    # -- changing them ------------------------------------------------------------------

    @staticmethod
    def replace(paragraph: etree._Element, pattern: str, new: str) -> None:
        """Replace ``pattern`` in the paragraph's text: in the run that holds it, else in all.

        Across runs, the paragraph's whole text moves into its first run.
        """
        texts = list(own(paragraph, W + "t"))
        assert texts, "the paragraph has no text"
        space = "{http://www.w3.org/XML/1998/namespace}space"
        for node in texts:
            if re.search(pattern, node.text or ""):
                node.text = re.sub(pattern, new, node.text or "", count=1)
                node.set(space, "preserve")
                return
        whole = "".join(node.text or "" for node in texts)
        changed = re.sub(pattern, new, whole, count=1)
        assert changed != whole, f"{pattern!r} not in {whole!r}"
        texts[0].text = changed
        texts[0].set(space, "preserve")
        for node in texts[1:]:
            node.text = ""

    @staticmethod
    def runs(paragraph: etree._Element) -> Iterator[etree._Element]:
        yield from (run for run in own(paragraph, W + "r") if run.find(W + "t") is not None)

    @classmethod
    def run_property(cls, paragraph: etree._Element, name: str,
                     attributes: dict[str, str] | None) -> None:
        """Set (or, with None, clear) a run property directly on every run with text."""
        for run in cls.runs(paragraph):
            rpr = run.find(W + "rPr")
            if rpr is None:
                rpr = etree.SubElement(run, W + "rPr")
                run.remove(rpr)
                run.insert(0, rpr)
            for old in rpr.findall(W + name):
                rpr.remove(old)
            if attributes is not None:
                element = etree.SubElement(rpr, W + name)
                for key, value in attributes.items():
                    element.set(W + key, value)

    @staticmethod
    def paragraph_property(paragraph: etree._Element, name: str,
                           attributes: dict[str, str] | None) -> None:
        """Set (or, with None, remove) a paragraph property directly."""
        ppr = paragraph.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            paragraph.insert(0, ppr)
        for old in ppr.findall(W + name):
            ppr.remove(old)
        if attributes is not None:
            element = etree.SubElement(ppr, W + name)
            for key, value in attributes.items():
                element.set(W + key, value)
            # Word reads pPr children in the schema's order; put the late ones last.
            for late in ("rPr", "sectPr", "pPrChange"):
                for node in ppr.findall(W + late):
                    ppr.remove(node)
                    ppr.append(node)

    def section(self) -> etree._Element:
        return self.body.find(W + "sectPr")

    def remove_rules_after(self, pattern: str, stop: str | None = None) -> None:
        """Remove every rule drawn under the paragraph matching ``pattern`` (and after it).

        Borders of it and of the empty paragraphs after it (up to ``stop``), rules
        typed as underscores, and line shapes.
        """
        for start in self.where(pattern):
            node: etree._Element | None = start
            while node is not None:
                text = text_of(node).strip()
                if node is not start and ((text and not set(text) <= {"_"})
                                          or (stop and re.search(stop, text))):
                    break
                for border in node.iter(W + "pBdr"):
                    border.getparent().remove(border)
                for drawing in list(node.iter(W + "drawing")):
                    drawing.getparent().remove(drawing)
                if text and set(text) <= {"_"}:
                    self.replace(node, "_+", "")
                node = node.getnext()
                while node is not None and node.tag != W + "p":
                    node = node.getnext()


# -- one broken variant per rule ----------------------------------------------------------


def _size(half_points: int) -> dict[str, str]:
    return {"val": str(half_points)}


OFF = {"val": "0"}
ON = {"val": "1"}


def _break_roman(doc: Docx) -> None:
    """II. NỘI DUNG numbered III.: typed so, out of Word's list if it was in one."""
    heading = doc.one(r"^(II\. )?NỘI DUNG")
    if heading.find(f"{W}pPr/{W}numPr") is not None:
        Docx.paragraph_property(heading, "numPr", None)
        Docx.paragraph_property(heading, "ind", {"firstLine": "567"})  # the list gave it
    Docx.replace(heading, r"^(II\. )?", "III. ")


def _break_letters(doc: Docx) -> None:
    found = doc.where(r"^đ\) ")
    if found:
        Docx.replace(found[0], r"^đ\) ", "e) ")
        return
    # No lettered points: add a), b), c), d), e) after the first running paragraph.
    model = doc.running()[0]
    for letter in reversed("abcde"):
        copy = deepcopy(model)
        Docx.replace(copy, r"^(- |\d+\.\d+\. )?", f"{letter}) ")
        model.addnext(copy)


def _break_uniform(doc: Docx) -> None:
    """The body in 14 pt but one paragraph in 13 pt: both allowed, mixed."""
    for paragraph in doc.body_paragraphs():
        Docx.run_property(paragraph, "sz", _size(28))
    Docx.run_property(doc.running()[0], "sz", _size(26))


def _break_page_number(doc: Docx) -> None:
    for header in doc.headers():
        for simple in list(header.iter(W + "fldSimple")):
            simple.getparent().remove(simple)
        for paragraph in header.iter(W + "p"):
            if paragraph.find(f".//{W}instrText") is not None:
                for run in list(paragraph.iter(W + "r")):
                    run.getparent().remove(run)


def _page_number_left(doc: Docx) -> None:
    for header in doc.headers():
        for paragraph in header.iter(W + "p"):
            xml = etree.tostring(paragraph, encoding="unicode")
            if "PAGE" in xml:
                for tab in list(paragraph.iter(W + "tab")):
                    tab.getparent().remove(tab)
                for tabs in list(paragraph.iter(W + "tabs")):
                    tabs.getparent().remove(tabs)
                Docx.paragraph_property(paragraph, "jc", {"val": "left"})


def _landscape(doc: Docx) -> None:
    """Landscape A4, its page numbers centred again on the wider page."""
    doc.section().find(W + "pgSz").attrib.update(
        {W + "w": "16838", W + "h": "11906", W + "orient": "landscape"})
    _page_number_left(doc)
    for header in doc.headers():
        for paragraph in header.iter(W + "p"):
            if "PAGE" in etree.tostring(paragraph, encoding="unicode"):
                Docx.paragraph_property(paragraph, "jc", {"val": "center"})


def _delete(paragraph: etree._Element) -> None:
    paragraph.getparent().remove(paragraph)


def _sign_line(doc: Docx, text: str) -> etree._Element:
    return doc.one(rf"^{re.escape(text)}$")


def _signer(doc: Docx) -> etree._Element:
    table = [child for child in doc.body if child.tag == W + "tbl"][-1]
    cells = table.findall(f".//{W}tc")
    lines = [p for p in cells[-1].iter(W + "p") if text_of(p).strip()]
    return lines[-1]


def _bases(doc: Docx) -> list[etree._Element]:
    return doc.where(r"^Căn cứ")


BREAKERS: dict[str, Callable[[Docx], None]] = {
    "page-size": lambda doc: doc.section().find(W + "pgSz").attrib.update(
        {W + "w": "12240", W + "h": "15840"}),
    "page-orientation": _landscape,
    "margin-top": lambda doc: doc.section().find(W + "pgMar").set(W + "top", "567"),
    "margin-bottom": lambda doc: doc.section().find(W + "pgMar").set(W + "bottom", "567"),
    "margin-left": lambda doc: doc.section().find(W + "pgMar").set(W + "left", "1134"),
    "margin-right": lambda doc: doc.section().find(W + "pgMar").set(W + "right", "567"),
    "font-family": lambda doc: [Docx.run_property(p, "rFonts", {"ascii": "Arial",
                                                               "hAnsi": "Arial"})
                                for p in doc.body_paragraphs()],
    "font-color": lambda doc: Docx.run_property(doc.running()[0], "color", {"val": "FF0000"}),
    "page-number-first": lambda doc: [doc.section().remove(node)
                                      for node in doc.section().findall(W + "titlePg")],
    "page-number-missing": _break_page_number,
    "page-number-format": _page_number_left,
    "national-name": lambda doc: [Docx.replace(p, NATIONAL, "Cộng hòa xã hội chủ nghĩa Việt Nam")
                                  for p in doc.where(NATIONAL)],
    "national-name-format": lambda doc: [Docx.run_property(p, "b", OFF)
                                         for p in doc.where(NATIONAL)],
    "motto-text": lambda doc: [Docx.replace(p, MOTTO, "Độc lập – Tự do – Hạnh phúc")
                               for p in doc.where("Độc lập")],
    "motto-format": lambda doc: [Docx.run_property(p, "sz", _size(24))
                                 for p in doc.where("Độc lập")],
    "motto-rule": lambda doc: doc.remove_rules_after("Độc lập", stop="ngày"),
    "issuer-format": lambda doc: [Docx.run_property(p, "b", OFF)
                                  for p in doc.where(r"^ỦY BAN NHÂN DÂN$|^(XÃ|PHƯỜNG|HUYỆN) ")],
    "issuer-rule": lambda doc: doc.remove_rules_after(r"^(\t)?(XÃ|PHƯỜNG|HUYỆN) ", stop="Số"),
    "number-form": lambda doc: [Docx.replace(p, "Số:", "Số") for p in doc.where("Số:")],
    "number-zero": lambda doc: [Docx.replace(p, r"Số:\s*\d*\s*/", "Số: 3/")
                                for p in doc.where("Số:")],
    "number-symbol": lambda doc: [Docx.replace(p, "/KH-", "/BC-") for p in doc.where("Số:")],
    "number-format": lambda doc: [Docx.run_property(p, "b", ON) for p in doc.where("^Số:")],
    "date-place": lambda doc: [Docx.replace(p, r"[^\t]*, ngày", "ngày")
                               for p in doc.where(", ngày")],
    "date-padding": lambda doc: [Docx.replace(p, r"ngày\s*\S*\s*tháng\s*\S*\s*năm",
                                              "ngày 5 tháng 1 năm")
                                 for p in doc.where("tháng")[:1]],
    "date-format": lambda doc: [Docx.run_property(p, "i", OFF) for p in doc.where(", ngày")],
    "date-position": lambda doc: [Docx.paragraph_property(p, "jc", {"val": "left"})
                                  for p in doc.where(r"^[^\t]*, ngày")],
    "title-format": lambda doc: Docx.replace(doc.one(f"^{TITLE}$"), TITLE, "Kế hoạch"),
    "subject-format": lambda doc: Docx.run_property(
        doc.one(r"^(Tổ chức )?Hội nghị tổng kết"), "b", OFF),
    "subject-rule": lambda doc: doc.remove_rules_after(r"^(Tổ chức )?Hội nghị tổng kết",
                                                       stop="Căn cứ"),
    "subject-vv": lambda doc: Docx.replace(doc.one(r"^(Tổ chức )?Hội nghị tổng kết"), "^",
                                           "V/v "),
    "basis-format": lambda doc: [Docx.run_property(p, "i", OFF) for p in _bases(doc)],
    "basis-punctuation": lambda doc: Docx.replace(_bases(doc)[-1], r"\.$", ";"),
    "body-size": lambda doc: [Docx.run_property(p, "sz", _size(24))
                              for p in doc.body_paragraphs()],
    "body-justified": lambda doc: [Docx.paragraph_property(p, "jc", {"val": "left"})
                                   for p in doc.body_paragraphs()],
    "body-indent": lambda doc: [Docx.paragraph_property(p, "ind", {"firstLine": "0"})
                                for p in doc.body_paragraphs()],
    "body-spacing": lambda doc: [Docx.paragraph_property(p, "spacing",
                                                        {"before": "0", "after": "0"})
                                 for p in doc.body_paragraphs()],
    "body-line-spacing": lambda doc: [Docx.paragraph_property(p, "spacing",
                                                             {"after": "120", "line": "480",
                                                              "lineRule": "auto"})
                                      for p in doc.body_paragraphs()],
    "body-size-uniform": _break_uniform,
    "numbering-roman": _break_roman,
    "numbering-arabic": lambda doc: Docx.replace(doc.one(r"^2\. "), r"^2\.", "3."),
    "numbering-letters": _break_letters,
    "section-format": lambda doc: Docx.replace(doc.one(r"MỤC ĐÍCH, YÊU CẦU"),
                                               "MỤC ĐÍCH, YÊU CẦU", "Mục đích, yêu cầu"),
    "end-mark": lambda doc: Docx.replace(doc.one(r"\./\.$"), r"\./\.$", "."),
    "recipients-title": lambda doc: Docx.run_property(doc.one("^Nơi nhận"), "i", OFF),
    "recipients-lines": lambda doc: [Docx.run_property(p, "sz", _size(26))
                                     for p in doc.where(r"^- ")
                                     if p.getparent().tag == W + "tc"],
    "recipients-archive": lambda doc: Docx.replace(doc.one(r"^- Lưu"), r"^- Lưu.*$",
                                                   "- Như trên."),
    "recipients-drafter": lambda doc: Docx.replace(doc.one(r"^- Lưu"), r"^- Lưu.*$",
                                                   "- Lưu: VT."),
    "signature-format": lambda doc: [Docx.run_property(_sign_line(doc, line), "b", OFF)
                                     for line in SIGNATURE],
    "signature-prefix": lambda doc: Docx.replace(_sign_line(doc, SIGNATURE[0]), r"^TM\.",
                                                 "T/M"),
    "signature-deputy": lambda doc: _delete(_sign_line(doc, SIGNATURE[1])),
    "signer-format": lambda doc: Docx.run_property(_signer(doc), "b", OFF),
    "signer-academic": lambda doc: Docx.replace(_signer(doc), "^", "TS. "),
}


def broken(data: bytes, code: str) -> bytes:
    """``data`` with the rule ``code`` broken (and nothing else)."""
    doc = Docx(data)
    BREAKERS[code](doc)
    return doc.save()
