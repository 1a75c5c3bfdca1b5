"""Reading a .docx that may come from anyone into a :class:`LintDocument`.

The package is inspected as any untrusted package (:mod:`phongtrao._package`:
part count, sizes, names, encryption) and only its XML parts are unpacked, each
parsed strictly with libxml2's own depth bounds. Then the main text is walked in
reading order — paragraphs, tables (cells, nested tables), content controls,
text boxes (the first alternative of each ``mc:AlternateContent`` only, so a
box Word stores twice is read once), fields (their results, not their codes),
hidden and deleted text left out — and every paragraph gets its effective
formatting from :mod:`phongtrao._lint.styles`. Sections give the page setup and
the page headers and footers in force. :mod:`phongtrao._lint.layout` then tags
each paragraph with its part.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from phongtrao._limits import Limits
from phongtrao._lint.document import LintDocument, LintParagraph, LintRun, PageHeader, PageSetup
from phongtrao._lint.styles import (
    Numbering,
    Props,
    Styles,
    Theme,
    W,
    integer,
    on_off,
    parse_ppr,
    parse_rpr,
    tag_of,
)
from phongtrao._lint.types import DocumentPart
from phongtrao._package import UnsafePackage, parse_xml, read_package

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["Block", "read_blocks", "read_document"]

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_OFFICE_DOCUMENT = "/officeDocument"

_MM_PER_TWIP = 25.4 / 1440
_EMU_PER_PT = 12700
_PAGE_FIELD = re.compile(r"^\s*PAGE(?:\s|\\|$)")
_VML_LENGTH = re.compile(r"(margin-left|left|width)\s*:\s*(-?[\d.]+)(pt|in|mm|cm|px)?")
_UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "px": 0.75, None: 1.0}

#: An average character's advance in Times New Roman, as a share of the font size
#: (measured on Vietnamese administrative text laid out by LibreOffice).
_CHARACTER_WIDTH = 0.45
#: Single line spacing in Times New Roman, as a multiple of the font size.
SINGLE_LINE = 1.15


@attrs.define
class Block:
    """A paragraph as read, with what the layout needs besides its formatting.

    Attributes:
        paragraph: the paragraph (its part not set yet).
        tabs: its effective tab stops, (kind, position in pt).
        box: for a paragraph in a text box, the box's left edge and width in pt,
            when the drawing says.
        textbox: the text box it is in, numbered in reading order.
        cell_width: for a paragraph in a table, its cell's width in pt.
        fields: the field codes in it (``PAGE``).
        field_after_tab: whether a PAGE field follows a tab in it.
        centre_tab: whether a centre absolute tab (``w:ptab``) comes before it.
        section: the section it belongs to, from 0.
        rendered_breaks: how many page breaks Word recorded before it.
        breaks_after: whether a page break ends it (a break inside its runs).
        line_shape_x: the centre of a line shape anchored in it, in pt, when known.
    """

    paragraph: LintParagraph
    tabs: tuple[tuple[str, float], ...] = ()
    box: tuple[float, float] | None = None
    textbox: int | None = None
    cell_width: float | None = None
    fields: tuple[str, ...] = ()
    field_after_tab: bool = False
    centre_tab: bool = False
    section: int = 0
    rendered_breaks: int = 0
    breaks_after: bool = False
    line_shape_x: float | None = None


def _local(element: etree._Element) -> str:
    tag = tag_of(element)
    return tag[len(W):] if tag.startswith(W) else tag


def _alignment(value: str | None) -> str:
    if value in ("center",):
        return "center"
    if value in ("right", "end"):
        return "right"
    if value in ("both", "distribute", "lowKashida", "mediumKashida", "highKashida",
                 "thaiDistribute"):
        return "justify"
    return "left"


class _Package:
    """The XML parts of a .docx, parsed on demand, and the main document's relationships."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self._limits = limits
        parts = read_package(data, limits, wanted=lambda name: name.endswith((".xml", ".rels")))
        self._bytes = {info.filename: content for info, content in parts}
        self._parsed: dict[str, etree._Element] = {}
        main = self._main()
        if main is None:
            raise UnsafePackage("it has no main document part; it may be another kind of "
                                "Office file (a workbook, a presentation) or an .odt")
        self.main = main
        self.rels = self._relationships(main)

    def _main(self) -> str | None:
        root = self.xml("_rels/.rels")
        if root is not None:
            for relationship in root.iter(_PKG_REL + "Relationship"):
                if (relationship.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                    target = (relationship.get("Target") or "").lstrip("/")
                    if target in self._bytes:
                        return target
        return "word/document.xml" if "word/document.xml" in self._bytes else None

    def _relationships(self, name: str) -> dict[str, tuple[str, str]]:
        folder, _, file = name.rpartition("/")
        root = self.xml(f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels")
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for relationship in root.iter(_PKG_REL + "Relationship"):
            if relationship.get("TargetMode") == "External":
                continue
            target = relationship.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            found[relationship.get("Id") or ""] = (
                (relationship.get("Type") or "").rsplit("/", 1)[-1], path)
        return found

    def by_type(self, kind: str) -> str | None:
        """The part the main document relates to with this type (``styles``), or None."""
        return next((path for rel_type, path in self.rels.values() if rel_type == kind), None)

    def xml(self, name: str | None) -> etree._Element | None:
        """A part parsed, or None when the package has no such part."""
        if name is None or name not in self._bytes:
            return None
        found = self._parsed.get(name)
        if found is None:
            data = self._bytes[name]
            if len(data) > self._limits.document_part_bytes:
                raise UnsafePackage(f"the part {name!r} holds {len(data):,} bytes of XML (the "
                                    f"limit is {self._limits.document_part_bytes:,})")
            found = parse_xml(data, name, huge=False)
            self._parsed[name] = found
        return found


def _join(folder: str, target: str) -> str:
    parts = [part for part in folder.split("/") if part]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


class _Field:
    __slots__ = ("code", "result")

    def __init__(self) -> None:
        self.code = ""
        self.result = False


class _Paragraph:
    """What is gathered while one paragraph's runs are walked."""

    def __init__(self) -> None:
        self.runs: list[LintRun] = []
        self.text: list[str] = []
        self.fields: list[str] = []
        self.field_after_tab = False
        self.center_ptab = False
        self.boxes: list[tuple[etree._Element, tuple[float, float] | None]] = []
        self.line_x: float | None = None
        self.line = False
        self.images = 0
        self.rendered_before_text = 0
        self.rendered_after_text = 0
        self.break_before_text = False
        self.break_after_text = False

    @property
    def has_text(self) -> bool:
        return any(piece.strip() for piece in self.text)


class _Walker:
    """Walks one story (the main text, or a header) into blocks, in reading order."""

    def __init__(self, styles: Styles, numbering: Numbering, container: str,
                 counter: list[int], budget: list[int]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.container = container
        self.counter = counter  # shared between the main text and its text boxes
        self.budget = budget  # paragraphs and runs still allowed, shared by every story
        self.blocks: list[Block] = []
        self.fields: list[_Field] = []
        self.section = 0
        self.section_ends: list[etree._Element] = []
        self.rendered = 0
        self.images = 0
        self.textboxes = 0
        self.tables = 0
        self.pending_break = False

    # -- block level ---------------------------------------------------------------

    def walk(self, parent: etree._Element, *, table_style: str | None = None,
             cell: tuple[int, int, int] | None = None, cell_width: float | None = None,
             box: tuple[float, float] | None = None, textbox: int | None = None) -> None:
        for child in parent:
            name = _local(child)
            if name == "p":
                self.paragraph(child, table_style, cell, cell_width, box, textbox)
            elif name == "tbl":
                self.table(child, box, textbox)
            elif name in ("sdt",):
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.walk(content, table_style=table_style, cell=cell,
                              cell_width=cell_width, box=box, textbox=textbox)
            elif name in ("customXml", "ins", "moveTo"):
                self.walk(child, table_style=table_style, cell=cell, cell_width=cell_width,
                          box=box, textbox=textbox)
            elif child.tag == _MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    self.walk(chosen, table_style=table_style, cell=cell,
                              cell_width=cell_width, box=box, textbox=textbox)
            elif name == "sectPr" and self.container == "body" and textbox is None:
                self.section_ends.append(child)

    def table(self, element: etree._Element, box: tuple[float, float] | None,
              textbox: int | None) -> None:
        self.tables += 1
        number = self.tables
        properties = element.find(W + "tblPr")
        style_element = properties.find(W + "tblStyle") if properties is not None else None
        style = (style_element.get(W + "val") if style_element is not None else None) or (
            self.styles.default_table)
        grid = [(integer(column, "w") or 0) / 20 for column in element.iter(W + "gridCol")]
        for row_number, row in enumerate(element.iterchildren(W + "tr"), start=1):
            for column, cell in enumerate(_cells(row), start=1):
                cell_properties = cell.find(W + "tcPr")
                width_element = (cell_properties.find(W + "tcW")
                                 if cell_properties is not None else None)
                width = None
                if width_element is not None and width_element.get(W + "type") in (None, "dxa"):
                    width = (integer(width_element, "w") or 0) / 20 or None
                if width is None and column <= len(grid):
                    width = grid[column - 1] or None
                self.walk(cell, table_style=style, cell=(number, row_number, column),
                          cell_width=width, box=box, textbox=textbox)

    # -- paragraphs ----------------------------------------------------------------

    def paragraph(self, element: etree._Element, table_style: str | None,
                  cell: tuple[int, int, int] | None, cell_width: float | None,
                  box: tuple[float, float] | None, textbox: int | None) -> None:
        ppr_element = element.find(W + "pPr")
        direct = parse_ppr(ppr_element)
        style_id = self.styles.paragraph_style(direct.get("pStyle"))
        style_ppr = self.styles.resolved(style_id)[0]
        num_id = direct.get("numId", style_ppr.get("numId"))
        ilvl = int(direct.get("ilvl", style_ppr.get("ilvl", 0)) or 0)
        direct_numbering = "numId" in direct
        props = self.styles.paragraph(style_id, table_style,
                                      self.numbering.level_ppr(num_id, ilvl), direct,
                                      direct_numbering)
        label = self.numbering.label(num_id, ilvl)
        self.spend(1)
        gathered = _Paragraph()
        self.runs(element, gathered, style_id, table_style)
        self.counter[0] += 1
        index = self.counter[0]
        first_page = self.rendered + gathered.rendered_before_text
        self.rendered += gathered.rendered_before_text + gathered.rendered_after_text
        self.images += gathered.images
        text = "".join(gathered.text)
        size = max((run.size for run in gathered.runs if run.size), default=None) or (
            self.styles.run(style_id, table_style, {}).get("sz") or 10.0)
        first = props.get("ind.first") or 0.0
        chars = props.get("ind.first_chars")
        if chars:
            first = chars * size
        before = props.get("spacing.before") or 0.0
        if props.get("spacing.before_lines"):
            before = props["spacing.before_lines"] * 12
        after = props.get("spacing.after") or 0.0
        if props.get("spacing.after_lines"):
            after = props["spacing.after_lines"] * 12
        page_break = bool(props.get("page_break_before")) or gathered.break_before_text or (
            self.pending_break)
        self.pending_break = gathered.break_after_text
        paragraph = LintParagraph(
            index=index if self.container != "header" else 0,
            text=text,
            label=label,
            runs=tuple(gathered.runs),
            style=self.styles.name(style_id),
            alignment=_alignment(props.get("jc")),
            indent_left=props.get("ind.left") or 0.0,
            indent_right=props.get("ind.right") or 0.0,
            first_line=first,
            space_before=before,
            space_after=after,
            line_rule=props.get("spacing.rule", "auto"),
            line=props.get("spacing.line", 1.0),
            border_top=bool(props.get("border.top")),
            border_bottom=bool(props.get("border.bottom")),
            has_line_shape=gathered.line,
            contextual_spacing=bool(props.get("contextual")),
            container=("header" if self.container == "header" else "textbox"
                       if textbox is not None else "table" if cell is not None else "body"),
            table=cell,
            page_break_before=page_break,
        )
        tabs = tuple(props.get("tabs", ()))
        self.blocks.append(Block(
            paragraph=paragraph, tabs=tabs, box=box, textbox=textbox, cell_width=cell_width,
            fields=tuple(gathered.fields),
            field_after_tab=gathered.field_after_tab, centre_tab=gathered.center_ptab,
            section=self.section, rendered_breaks=first_page,
            breaks_after=gathered.break_after_text, line_shape_x=gathered.line_x,
        ))
        for content, position in gathered.boxes:
            self.textboxes += 1
            self.walk(content, box=position, textbox=self.textboxes)
        if ppr_element is not None and self.container == "body" and textbox is None:
            section = ppr_element.find(W + "sectPr")
            if section is not None:
                self.section_ends.append(section)
                self.section += 1

    def runs(self, parent: etree._Element, gathered: _Paragraph, style_id: str | None,
             table_style: str | None) -> None:
        for child in parent:
            name = _local(child)
            if name == "r":
                self.run(child, gathered, style_id, table_style)
            elif name in ("hyperlink", "smartTag", "ins", "customXml", "bdo", "dir",
                          "moveTo", "fldSimple"):
                if name == "fldSimple":
                    self._field_code(child.get(W + "instr") or "", gathered)
                self.runs(child, gathered, style_id, table_style)
            elif name == "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.runs(content, gathered, style_id, table_style)
            elif child.tag == _MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    self.runs(chosen, gathered, style_id, table_style)

    def spend(self, count: int) -> None:
        """Count paragraphs and runs against the limit; refuse the document beyond it."""
        self.budget[0] -= count
        if self.budget[0] < 0:
            raise UnsafePackage(f"it holds more paragraphs and runs than a document does (the "
                                f"limit is {self.budget[1]:,}); it may be built to exhaust memory")

    def _field_code(self, code: str, gathered: _Paragraph) -> None:
        gathered.fields.append(code.strip())
        if _PAGE_FIELD.match(code) and "\t" in "".join(gathered.text):
            gathered.field_after_tab = True

    def run(self, element: etree._Element, gathered: _Paragraph, style_id: str | None,
            table_style: str | None) -> None:
        direct = parse_rpr(element.find(W + "rPr"), self.styles.theme)
        props = self.styles.run(style_id, table_style, direct)
        hidden = bool(props.get("vanish"))
        pieces: list[str] = []
        for child in element:
            name = _local(child)
            if name == "t":
                if not self._in_code() and not hidden:
                    pieces.append(child.text or "")
            elif name == "tab" and not self._in_code() and not hidden:
                pieces.append("\t")
            elif name == "ptab" and not self._in_code() and not hidden:
                pieces.append("\t")
                if child.get(W + "alignment") == "center":
                    gathered.center_ptab = True
            elif name in ("br", "cr"):
                if child.get(W + "type") == "page":
                    if gathered.has_text or pieces:
                        gathered.break_after_text = True
                    else:
                        gathered.break_before_text = True
                elif not self._in_code() and not hidden:
                    pieces.append("\n")
            elif name == "noBreakHyphen" and not self._in_code() and not hidden:
                pieces.append("-")
            elif name == "sym" and not self._in_code() and not hidden:
                pieces.append("\u2022")
            elif name == "lastRenderedPageBreak":
                if gathered.has_text or any(piece.strip() for piece in pieces):
                    gathered.rendered_after_text += 1
                else:
                    gathered.rendered_before_text += 1
            elif name == "fldChar":
                self._field_char(child, gathered)
            elif name == "instrText" and self.fields:
                self.fields[-1].code += child.text or ""
            elif name == "pgNum":
                gathered.fields.append("PAGE")
            elif name in ("drawing", "pict", "object") or child.tag == _MC + "AlternateContent":
                _drawing(child, gathered)
        text = "".join(pieces)
        if props.get("caps"):
            text = text.upper()
        if not text:
            return
        self.spend(1)
        gathered.text.append(text)
        gathered.runs.append(LintRun(
            text=text,
            fonts=_fonts(text, props),
            size=props.get("sz", 10.0),
            bold=bool(props.get("b")),
            italic=bool(props.get("i")),
            underline=bool(props.get("u")),
            color=str(props.get("color", "auto")),
        ))

    def _in_code(self) -> bool:
        """Whether the walk is inside a field's code (between its begin and separate)."""
        return bool(self.fields) and not self.fields[-1].result

    def _field_char(self, element: etree._Element, gathered: _Paragraph) -> None:
        kind = element.get(W + "fldCharType")
        if kind == "begin":
            self.fields.append(_Field())
            if len(self.fields) > 64:  # a field nest this deep is not a real document
                del self.fields[:32]
        elif kind == "separate" and self.fields:
            self.fields[-1].result = True
            self._field_code(self.fields[-1].code, gathered)
        elif kind == "end" and self.fields:
            field = self.fields.pop()
            if not field.result:
                self._field_code(field.code, gathered)


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        name = _local(child)
        if name == "tc":
            yield child
        elif name in ("sdt", "customXml"):
            content = child.find(W + "sdtContent") if name == "sdt" else child
            if content is not None:
                yield from (cell for cell in content if _local(cell) == "tc")


def _alternative(element: etree._Element) -> etree._Element | None:
    """The alternative of ``mc:AlternateContent`` that is read: the first choice."""
    choice = element.find(_MC + "Choice")
    return choice if choice is not None else element.find(_MC + "Fallback")


_ASCII = re.compile(r"[!-~]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _fonts(text: str, props: Props) -> tuple[str, ...]:
    """The fonts the run's characters use: ascii for ASCII ones, hAnsi for the others."""
    fonts: list[str] = []
    if props.get("font.ascii") and _ASCII.search(text):
        fonts.append(str(props["font.ascii"]))
    if props.get("font.hAnsi") and not text.isascii() and _NOT_ASCII.search(text.strip()):
        fonts.append(str(props["font.hAnsi"]))
    return tuple(dict.fromkeys(fonts))


def _vml_box(shape: etree._Element) -> tuple[float, float] | None:
    style = shape.get("style") or ""
    values: dict[str, float] = {}
    for name, number, unit in _VML_LENGTH.findall(style):
        try:
            values.setdefault(name, float(number) * _UNITS.get(unit or None, 1.0))
        except ValueError:
            continue
    left = values.get("margin-left", values.get("left"))
    if left is None:
        return None
    return left, values.get("width", 0.0)


def _emus(text: str | None) -> float | None:
    """A DrawingML length in EMU as points, or None when it is not a number."""
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value / _EMU_PER_PT if math.isfinite(value) else None


def _anchor_box(anchor: etree._Element) -> tuple[float, float] | None:
    extent = anchor.find(_WP + "extent")
    width = (_emus(extent.get("cx")) if extent is not None else None) or 0.0
    horizontal = anchor.find(_WP + "positionH")
    if horizontal is None:
        return None
    offset = horizontal.find(_WP + "posOffset")
    if offset is not None:
        left = _emus(offset.text)
        return None if left is None else (left, width)
    align = horizontal.find(_WP + "align")
    if align is not None:
        # Only the order matters here: left before centre before right.
        return {"left": 0.0, "center": 200.0, "right": 400.0}.get(align.text or "", 0.0), width
    return None


def _drawing(element: etree._Element, gathered: _Paragraph) -> None:
    """Text boxes, pictures and line shapes in a drawing, each read once."""
    stack: list[tuple[etree._Element, tuple[float, float] | None]] = [(element, None)]
    while stack:
        node, box = stack.pop()
        tag = tag_of(node)
        if not tag:
            continue
        if tag == _MC + "AlternateContent":
            chosen = _alternative(node)
            if chosen is not None:
                stack.append((chosen, box))
            continue
        if tag == _WP + "anchor":
            box = _anchor_box(node)
        elif tag in (_V + "shape", _V + "rect", _V + "roundrect", _V + "group"):
            box = _vml_box(node) or box
        if tag == W + "txbxContent":
            gathered.boxes.append((node, box))
            continue
        if tag in (_PIC + "pic", _V + "imagedata"):
            gathered.images += 1
        if _is_line(node):
            gathered.line = True
            if box is not None:
                gathered.line_x = box[0] + box[1] / 2
        stack.extend((child, box) for child in reversed(node))


def _is_line(node: etree._Element) -> bool:
    tag = node.tag
    if tag == _A + "prstGeom":
        return node.get("prst") in ("line", "straightConnector1")
    if tag == _WPS + "cNvCnPr" or tag == _V + "line":
        return True
    if tag == _V + "shape":
        return bool(node.get(_O + "connectortype")) or "_x0000_t32" in (node.get("type") or "")
    return False


# -- sections ------------------------------------------------------------------------


def _page_setup(section: etree._Element | None, index: int) -> PageSetup:
    """The page of a section (its headers and tables are added by the callers)."""
    size = section.find(W + "pgSz") if section is not None else None
    margins = section.find(W + "pgMar") if section is not None else None

    def twips(element: etree._Element | None, name: str, default: int) -> float:
        value = integer(element, name) if element is not None else None
        return abs(value if value is not None else default) * _MM_PER_TWIP

    width, height = twips(size, "w", 12240), twips(size, "h", 15840)
    if size is not None and size.get(W + "orient") == "landscape" and width < height:
        width, height = height, width
    number = section.find(W + "pgNumType") if section is not None else None
    title = section.find(W + "titlePg") if section is not None else None
    return PageSetup(
        index=index, width=width, height=height,
        top=twips(margins, "top", 1440), bottom=twips(margins, "bottom", 1440),
        left=twips(margins, "left", 1440) + twips(margins, "gutter", 0),
        right=twips(margins, "right", 1440),
        title_page=title is not None and on_off(title),
        number_format=(number.get(W + "fmt") if number is not None else None) or "decimal",
    )


class _Stories:
    """The page headers and footers of the document, each read once."""

    def __init__(self, package: _Package, styles: Styles, numbering: Numbering,
                 budget: list[int]) -> None:
        self._package = package
        self._styles = styles
        self._numbering = numbering
        self._budget = budget
        self._read: dict[str, list[Block]] = {}

    def blocks(self, part: str) -> list[Block]:
        """The blocks of a header or footer part, walked the first time it is asked for."""
        found = self._read.get(part)
        if found is None:
            root = self._package.xml(part)
            walker = _Walker(self._styles, self._numbering, "header", [0], self._budget)
            if root is not None:
                walker.walk(root)
            found = walker.blocks
            self._read[part] = found
        return found


def _header(kind: str, type_: str, blocks: list[Block], text_width: float,
            first_page_differs: bool) -> PageHeader:
    holder = next((block for block in blocks
                   if any(_PAGE_FIELD.match(code) for code in block.fields)), None)
    centred = False
    if holder is not None:
        paragraph = holder.paragraph
        if holder.centre_tab:
            centred = True
        elif holder.field_after_tab:
            # After a tab, the number stands on a centre tab stop near the middle, or not.
            middle = text_width / 2 - paragraph.indent_left
            centred = any(kind_ == "center" and abs(position - middle) <= 42
                          for kind_, position in holder.tabs)
        else:
            centred = paragraph.alignment == "center"
    return PageHeader(kind=kind, type=type_, paragraphs=tuple(block.paragraph for block in blocks),
                      page_number=holder.paragraph if holder is not None else None,
                      page_number_centred=centred, first_page_differs=first_page_differs)


def _sections(package: _Package, walker: _Walker, stories: _Stories,
              even_and_odd: bool) -> list[PageSetup]:
    """Each section's page setup with the headers and footers it shows.

    A section without a reference of some type keeps the previous section's;
    a first-page header shows only with a different first page, an even-page
    one only when the document sets odd and even pages apart.
    """
    ends: list[etree._Element | None] = [*walker.section_ends] or [None]
    setups: list[PageSetup] = []
    in_force: dict[tuple[str, str], str] = {}
    for index, section in enumerate(ends):
        if section is not None:
            for kind in ("header", "footer"):
                for reference in section.iter(W + kind + "Reference"):
                    rel = package.rels.get(reference.get(_REL + "id") or "")
                    if rel is not None:
                        in_force[(kind, reference.get(W + "type") or "default")] = rel[1]
        setup = _page_setup(section, index + 1)
        width = setup.text_width * 72 / 25.4
        headers: dict[tuple[str, str], PageHeader] = {}
        for (kind, type_), part in in_force.items():
            if (type_ == "first" and not setup.title_page) or (
                    type_ == "even" and not even_and_odd):
                continue
            headers[(kind, type_)] = _header(kind, type_, stories.blocks(part), width,
                                             setup.title_page)
        setups.append(attrs.evolve(setup, headers=headers))
    return setups


# -- pages -----------------------------------------------------------------------------


def _height(block: Block, width: float) -> float:
    """The height of a paragraph in pt, from its text, size and spacing (an estimate)."""
    paragraph = block.paragraph
    size = max(paragraph.sizes, default=None) or 13.0
    available = max(width - paragraph.indent_left - paragraph.indent_right, 72.0)
    characters = len(paragraph.shown) + max(paragraph.first_line, 0) / (size * _CHARACTER_WIDTH)
    lines = max(1, math.ceil(characters * size * _CHARACTER_WIDTH / available))
    lines += paragraph.text.count("\n")
    single = size * SINGLE_LINE
    if paragraph.line_rule == "exact":
        line = paragraph.line
    elif paragraph.line_rule == "atLeast":
        line = max(paragraph.line, single)
    else:
        line = single * paragraph.line
    return lines * line + paragraph.space_before + paragraph.space_after


def _room(setup: PageSetup) -> float:
    """The height a page leaves the text, in pt: at least an inch, whatever the margins say."""
    return max((setup.height - setup.top - setup.bottom) * 72 / 25.4, 72.0)


def estimate_pages(blocks: list[Block], sections: list[PageSetup]) -> float:
    """How many pages the main text fills, estimated from its blocks and the page setup."""
    pages, used = 1, 0.0
    rows: dict[tuple[int, int], dict[int, float]] = {}
    order: list[tuple[str, Any]] = []
    for block in blocks:
        paragraph = block.paragraph
        if paragraph.container == "textbox":
            continue
        setup = sections[min(block.section, len(sections) - 1)]
        width = setup.text_width * 72 / 25.4
        if paragraph.table is not None:
            key = (paragraph.table[0], paragraph.table[1])
            if key not in rows:
                rows[key] = {}
                order.append(("row", (key, block.section, paragraph.page_break_before)))
            cell = rows[key]
            column = paragraph.table[2]
            cell[column] = cell.get(column, 0.0) + _height(block, (block.cell_width or width)
                                                           - 10.8)
        else:
            order.append(("paragraph", (_height(block, width), block.section,
                                         paragraph.page_break_before, block.breaks_after)))
    section = 0
    for kind, item in order:
        if kind == "row":
            key, block_section, page_break = item
            height = max(rows[key].values(), default=0.0)
            breaks_after = False
        else:
            height, block_section, page_break, breaks_after = item
        setup = sections[min(block_section, len(sections) - 1)]
        room = _room(setup)
        if block_section != section or (page_break and used > 0):
            pages, used = pages + 1, 0.0
            section = block_section
        used += height
        if used > room:
            full = math.ceil(used / room) - 1
            pages, used = pages + full, used - full * room
        if breaks_after:
            pages, used = pages + 1, 0.0
    return pages - 1 + used / _room(sections[0])


# -- the document ------------------------------------------------------------------------


def read_blocks(data: bytes, limits: Limits) -> tuple[list[Block], list[PageSetup], dict[str, Any]]:
    """The main text's blocks, the page setup of each section, and facts about the document.

    Raises:
        UnsafePackage: when the data is not a .docx phongtrao reads.
    """
    package = _Package(data, limits)
    root = package.xml(package.main)
    if root is None:  # pragma: no cover - _Package checked that the part exists
        raise UnsafePackage("it has no main document part")
    if tag_of(root).startswith("{" + _STRICT):
        raise UnsafePackage("it is saved as Strict Open XML; save it as a Word Document "
                            "(.docx), which phongtrao reads")
    body = root.find(W + "body")
    if body is None:
        raise UnsafePackage(f"its main part {package.main!r} has no body; it is not a Word "
                            "document")
    theme = Theme(package.xml(package.by_type("theme")))
    styles = Styles(package.xml(package.by_type("styles")), theme)
    numbering = Numbering(package.xml(package.by_type("numbering")), styles)
    settings = package.xml(package.by_type("settings"))
    budget = [limits.document_elements, limits.document_elements]
    walker = _Walker(styles, numbering, "body", [0], budget)
    walker.walk(body)
    stories = _Stories(package, styles, numbering, budget)
    even_odd = settings is not None and any(
        on_off(element) for element in settings.iter(W + "evenAndOddHeaders"))
    sections = _sections(package, walker, stories, even_odd)
    facts = {"even_and_odd": even_odd, "images": walker.images,
             "rendered": walker.rendered}
    return walker.blocks, sections, facts


def read_document(data: bytes, limits: Limits) -> LintDocument:
    """A .docx read into the paragraphs, pages and parts the rules check.

    Raises:
        UnsafePackage: when the data is not a .docx phongtrao reads.
    """
    from phongtrao._lint.layout import locate

    blocks, sections, facts = read_blocks(data, limits)
    paragraphs, found = locate(blocks, sections)
    # A table of the body is a table (bảng, biểu); the header's and the signature's lay out text.
    section_of = {block.paragraph.index: block.section for block in blocks}
    with_tables = {section_of.get(paragraph.index, 0) for paragraph in paragraphs
                   if paragraph.table is not None and paragraph.part is DocumentPart.BODY}
    sections = [attrs.evolve(section, has_tables=section.index - 1 in with_tables)
                for section in sections]
    rendered = int(facts["rendered"])
    return LintDocument(
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        even_and_odd=bool(facts["even_and_odd"]),
        pages=rendered + 1 if rendered else None,
        estimated_pages=estimate_pages(blocks, sections),
        images=int(facts["images"]),
        kind=found.kind,
        kind_symbol=found.symbol,
        header_layout=found.layout,
    )
