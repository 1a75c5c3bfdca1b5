"""Finding the parts of a document: header, title, bases, body, Nơi nhận, signature.

Officers lay out the header block of page 1 in several ways, and each is read:
a two-column borderless table (phongtrao's templates, most Word files), two
text boxes, one line per row split by tab stops ("ỦY BAN NHÂN DÂN⇥CỘNG HÒA
XÃ HỘI…"), or plain paragraphs. The Quốc hiệu is found by its words (in any
case, with either tone placement) and anchors the rest: the motto and the date
line in its column, the issuing body and "Số:" in the other. The tên loại is
the first line after the header that names a type of document (Phụ lục III);
a document without one is a công văn, whose subject starts "V/v". The bases
are the lines "Căn cứ …" that open the body; the Nơi nhận and the signature
sit in the two columns of the table (or tab stops) at its end.

Parts are found by their words, not by their formatting, so that a document
whose formatting breaks a rule is still read in the right place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from phongtrao._lint.document import LintParagraph, LintRun, PageSetup
from phongtrao._lint.kinds import KIND_SYMBOLS, normal, opening
from phongtrao._lint.reader import Block
from phongtrao._lint.types import DocumentPart

__all__ = ["Found", "locate"]

_NATIONAL = "cộng hòa xã hội chủ nghĩa việt nam"
_DATE = re.compile(r"\bngày\b[^a-zà-ỹđ]*\btháng\b[^a-zà-ỹđ]*\bnăm\b")
_NUMBER = re.compile(r"^s[ốo]\b(?!\s*(?:lượng|người|tiền))")
_SUBJECT_CV = re.compile(r"^v\s*/\s*v\b")
_BASIS = re.compile(r"^(căn cứ|theo đề nghị|xét đề nghị|xét)\b")
_NUMBERED = re.compile(r"^([IVXLCDM]+|\d+(\.\d+)*|[a-zđ])[.)]\s")
_AUTHORITY = re.compile(r"^(t\s*[./]?\s*m|k\s*[./]?\s*t|q|t\s*l|t\s*u\s*q)\s*[./]", re.IGNORECASE)
#: How many lines after the header the tên loại may be looked for.
_TITLE_WINDOW = 12
#: No tên loại is longer than this (with room for spaces between its letters).
_LONGEST_KIND = 40


@attrs.frozen
class Found:
    """What the layout found besides the parts: the header's layout and the document type."""

    layout: str
    kind: str | None
    symbol: str | None


#: A header line is short; a longer paragraph is not looked at as one.
_HEADER_LINE = 160


def _norm(paragraph: LintParagraph) -> str:
    """A header line compared loosely; empty for a paragraph too long to be one."""
    text = paragraph.shown
    return normal(text) if len(text) <= _HEADER_LINE else ""


def _is_national(paragraph: LintParagraph) -> bool:
    # "nam" is in the Quốc hiệu however it is typed (NFC or not): a cheap test first.
    return "nam" in paragraph.shown.casefold() and _NATIONAL in _norm(paragraph)


def _is_motto(paragraph: LintParagraph) -> bool:
    text = _norm(paragraph)
    return "độc lập" in text and "tự do" in text and "hạnh phúc" in text


def _is_date(paragraph: LintParagraph) -> bool:
    return _DATE.search(_norm(paragraph)) is not None


def _is_number(paragraph: LintParagraph) -> bool:
    return _NUMBER.match(_norm(paragraph)) is not None


def _is_rule_only(paragraph: LintParagraph) -> bool:
    return not paragraph.is_text


def _pieces(paragraph: LintParagraph, tabs: tuple[tuple[str, float], ...],
            width: float) -> list[LintParagraph]:
    """The sides of a line laid out with tab stops, each a paragraph with its own runs.

    A piece that follows tabs lands on the tab stop of that count; the stop's
    kind gives its alignment and its position its column.
    """
    stops = sorted((position, kind) for kind, position in tabs if kind != "clear")
    pieces: list[tuple[int, list[LintRun]]] = []
    tabs_seen = 0
    current: list[LintRun] | None = None
    for run in paragraph.runs:
        for part in re.split(r"(\t+)", run.text):
            if not part:
                continue
            if part.startswith("\t"):
                tabs_seen += len(part)
                current = None
                continue
            if current is None:
                current = []
                pieces.append((tabs_seen, current))
            current.append(attrs.evolve(run, text=part))
    result = []
    for count, runs in pieces:
        text = "".join(run.text for run in runs)
        if not text.strip():
            continue
        if count == 0:
            column, alignment = "left", paragraph.alignment
        else:
            stop = stops[min(count, len(stops)) - 1] if stops else None
            position = stop[0] if stop else 36.0 * count
            column = "right" if position >= width * 0.4 else "left"
            kind = stop[1] if stop else "left"
            alignment = {"center": "center", "right": "right", "end": "right"}.get(kind, "left")
        result.append(attrs.evolve(paragraph, text=text, runs=tuple(runs), label="",
                                   alignment=alignment, column=column, first_line=0.0))
    return result


class _Parts:
    """The paragraphs as they will be returned, with the part of each."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        # Each block becomes one paragraph, or several when tab stops split it.
        self.items: dict[int, list[LintParagraph]] = {
            index: [block.paragraph] for index, block in enumerate(blocks)}

    def set(self, index: int, part: DocumentPart, *, column: str | None = None) -> None:
        self.items[index] = [attrs.evolve(paragraph, part=part,
                                          column=column if column else paragraph.column)
                             for paragraph in self.items[index]]

    def split(self, index: int, pieces: list[LintParagraph]) -> None:
        self.items[index] = pieces or [self.blocks[index].paragraph]

    def paragraphs(self) -> list[LintParagraph]:
        return [paragraph for index in range(len(self.blocks)) for paragraph in self.items[index]]


def _text_width(sections: list[PageSetup], block: Block) -> float:
    setup = sections[min(block.section, len(sections) - 1)] if sections else None
    return (setup.text_width if setup else 160.0) * 72 / 25.4


def _header_blocks(blocks: list[Block], national: int) -> tuple[str, list[int]]:
    """How the header is laid out, and the blocks it holds (before the tên loại)."""
    anchor = blocks[national]
    paragraph = anchor.paragraph
    if paragraph.table is not None:
        table = paragraph.table[0]
        return "table", [index for index, block in enumerate(blocks)
                         if block.paragraph.table is not None
                         and block.paragraph.table[0] == table]
    if anchor.textbox is not None:
        return "textbox", []
    if "\t" in paragraph.text:
        return "tabs", []
    return "paragraphs", []


def _title(blocks: list[Block], start: int) -> int | None:
    seen = 0
    for index in range(start, len(blocks)):
        paragraph = blocks[index].paragraph
        if paragraph.container not in ("body",) or paragraph.empty:
            continue
        if len(paragraph.text) <= _LONGEST_KIND and normal(paragraph.text) in KIND_SYMBOLS:
            return index
        seen += 1
        if seen >= _TITLE_WINDOW:
            break
    return None


def _assign_header(parts: _Parts, indices: list[int], columns: dict[int, str]) -> None:
    """Quốc hiệu, motto, date, number, issuer (and a công văn's V/v) in the header blocks."""
    found: set[DocumentPart] = set()
    last: dict[str | None, DocumentPart] = {}
    number_seen: set[str | None] = set()
    for index in indices:
        pieces = parts.items[index]
        assigned = []
        for paragraph in pieces:
            column = paragraph.column or columns.get(index)
            part = DocumentPart.OTHER
            if not paragraph.is_text:
                part = last.get(column, DocumentPart.OTHER)
            elif DocumentPart.NATIONAL_NAME not in found and _is_national(paragraph):
                part = DocumentPart.NATIONAL_NAME
            elif DocumentPart.MOTTO not in found and _is_motto(paragraph):
                part = DocumentPart.MOTTO
            elif DocumentPart.DATE not in found and _is_date(paragraph):
                part = DocumentPart.DATE
            elif DocumentPart.NUMBER not in found and _is_number(paragraph):
                part = DocumentPart.NUMBER
                number_seen.add(column)
            elif _SUBJECT_CV.match(_norm(paragraph)):
                part = DocumentPart.SUBJECT
            elif column != "right" and column not in number_seen and not (
                    paragraph.text.strip().startswith("(")):
                part = DocumentPart.ISSUER
            elif last.get(column) is DocumentPart.SUBJECT:
                part = DocumentPart.SUBJECT  # a V/v line that runs on
            if part is not DocumentPart.OTHER:
                found.add(part)
            last[column] = part
            assigned.append(attrs.evolve(paragraph, part=part, column=column))
        parts.items[index] = assigned
    # A line shape anchored before the text of its column (in the paragraph that anchors the
    # text boxes, say) still draws that column's rule: it joins the column's last part.
    for index in indices:
        parts.items[index] = [
            attrs.evolve(paragraph, part=last.get(paragraph.column, DocumentPart.OTHER))
            if paragraph.has_line_shape and not paragraph.is_text
            and paragraph.part is DocumentPart.OTHER else paragraph
            for paragraph in parts.items[index]]


def _textbox_columns(blocks: list[Block], indices: list[int], national: int) -> dict[int, str]:
    anchor_box = blocks[national].box
    anchor = anchor_box[0] + anchor_box[1] / 2 if anchor_box else None
    columns: dict[int, str] = {}
    for index in indices:
        block = blocks[index]
        if block.textbox is None:
            continue
        if block.textbox == blocks[national].textbox:
            columns[index] = "right"
        elif block.box is not None and anchor is not None:
            centre = block.box[0] + block.box[1] / 2
            columns[index] = "left" if centre < anchor else "right"
        else:
            columns[index] = "left"
    return columns


def _content_column(paragraph: LintParagraph) -> str:
    return "right" if (_is_national(paragraph) or _is_motto(paragraph)
                       or _is_date(paragraph)) else "left"


def _subject(parts: _Parts, blocks: list[Block], title: int) -> int:
    """The trích yếu lines (and their rule) after the tên loại; returns where the body starts."""
    index = title + 1
    lines = 0
    while index < len(blocks) and lines < 3:
        paragraph = blocks[index].paragraph
        norm = opening(paragraph.text)
        if (paragraph.empty or paragraph.container != "body" or _BASIS.match(norm)
                or paragraph.label or _NUMBERED.match(paragraph.text)
                or norm.startswith("kính gửi")
                or not (paragraph.alignment == "center" or paragraph.bold)):
            break
        if not paragraph.is_text:
            break
        parts.set(index, DocumentPart.SUBJECT)
        lines += 1
        index += 1
    if index < len(blocks) and lines:
        paragraph = blocks[index].paragraph
        if not paragraph.is_text and paragraph.draws_rule_below:
            parts.set(index, DocumentPart.SUBJECT)
            index += 1
    return index


def _foot(parts: _Parts, blocks: list[Block], start: int,
          sections: list[PageSetup]) -> int:
    """The Nơi nhận and the signature; returns where they start (the body's end)."""
    recipients = next((index for index in range(start, len(blocks))
                       if opening(blocks[index].paragraph.text).startswith("nơi nhận")), None)
    if recipients is not None and blocks[recipients].paragraph.table is not None:
        return _foot_table(parts, blocks, recipients)
    if recipients is not None and "\t" in blocks[recipients].paragraph.text:
        return _foot_tabs(parts, blocks, recipients, sections)
    if recipients is not None:
        return _foot_paragraphs(parts, blocks, recipients, start)
    tail = _signature_tail(blocks, start)
    if tail:
        _signature(parts, tail)
        return tail[0]
    return len(blocks)


def _foot_table(parts: _Parts, blocks: list[Block], recipients: int) -> int:
    table, _, column = blocks[recipients].paragraph.table or (0, 0, 0)
    inside = [index for index, block in enumerate(blocks)
              if block.paragraph.table is not None and block.paragraph.table[0] == table]
    for index in inside:
        cell = blocks[index].paragraph.table
        assert cell is not None
        if cell[2] == column and index >= recipients:
            parts.set(index, DocumentPart.RECIPIENTS)
    _signature(parts, [index for index in inside
                       if (blocks[index].paragraph.table or (0, 0, 0))[2] != column])
    return min(inside)


def _foot_tabs(parts: _Parts, blocks: list[Block], recipients: int,
               sections: list[PageSetup]) -> int:
    signature: list[int] = []
    for index in range(recipients, len(blocks)):
        block = blocks[index]
        pieces = _pieces(block.paragraph, block.tabs, _text_width(sections, block))
        left = [piece for piece in pieces if piece.column == "left"]
        right = [piece for piece in pieces if piece.column == "right"]
        if left and right:
            parts.items[index] = [attrs.evolve(left[0], part=DocumentPart.RECIPIENTS),
                                  attrs.evolve(right[0], part=DocumentPart.SIGNATURE)]
            signature.append(index)
        elif right:
            parts.items[index] = [attrs.evolve(right[0], part=DocumentPart.SIGNATURE)]
            signature.append(index)
        elif opening(block.paragraph.text).startswith(("-", "+", "nơi nhận")):
            parts.set(index, DocumentPart.RECIPIENTS)
        elif block.paragraph.is_text:
            parts.set(index, DocumentPart.SIGNATURE)
            signature.append(index)
    _name_last(parts, signature)
    return recipients


def _foot_paragraphs(parts: _Parts, blocks: list[Block], recipients: int, start: int) -> int:
    index = recipients
    parts.set(index, DocumentPart.RECIPIENTS)
    index += 1
    while index < len(blocks) and opening(blocks[index].paragraph.text).startswith(("-", "+")):
        parts.set(index, DocumentPart.RECIPIENTS)
        index += 1
    before = _signature_tail(blocks, start, end=recipients)
    after = _signature_tail(blocks, index)
    chosen = before or after
    if chosen:
        _signature(parts, chosen)
    return min([recipients, *(chosen[:1] if chosen is before else [])])


def _signature_tail(blocks: list[Block], start: int, end: int | None = None) -> list[int]:
    """The signature block at the end of a stretch: authority lines, a gap, the name."""
    stop = len(blocks) if end is None else end
    lines = [index for index in range(start, stop) if blocks[index].paragraph.is_text]
    if len(lines) < 2:
        return []
    name = lines[-1]
    authority: list[int] = []
    for index in reversed(lines[:-1]):
        paragraph = blocks[index].paragraph
        text = paragraph.text.strip()
        if text.endswith(("./.", ".", ";", ":")) or len(text) > 70:
            break
        if not (text.upper() == text or _AUTHORITY.match(text)):
            break
        authority.insert(0, index)
    if not authority:
        return []
    return list(range(authority[0], name + 1))


def _signature(parts: _Parts, indices: Iterable[int]) -> None:
    chosen = list(indices)
    for index in chosen:
        text = parts.blocks[index].paragraph.text.strip()
        part = DocumentPart.OTHER if text.startswith("(") else DocumentPart.SIGNATURE
        parts.set(index, part)
    _name_last(parts, chosen)


def _name_last(parts: _Parts, indices: list[int]) -> None:
    for index in reversed(indices):
        pieces = parts.items[index]
        signing = [piece for piece in pieces if piece.part is DocumentPart.SIGNATURE]
        if signing and signing[-1].is_text:
            parts.items[index] = [attrs.evolve(piece, part=DocumentPart.SIGNER)
                                  if piece is signing[-1] else piece for piece in pieces]
            return


def _body(parts: _Parts, blocks: list[Block], start: int, end: int) -> None:
    bases = True
    for index in range(start, end):
        paragraph = blocks[index].paragraph
        if paragraph.container == "textbox":
            continue
        norm = opening(paragraph.text)
        if bases and paragraph.is_text:
            if _BASIS.match(norm):
                parts.set(index, DocumentPart.BASIS)
                continue
            bases = False
        parts.set(index, DocumentPart.BODY)


def _cong_van_greeting(parts: _Parts, blocks: list[Block], start: int, end: int) -> int:
    """A công văn's "Kính gửi:" lines, which are neither header nor body text."""
    index = start
    while index < end and blocks[index].paragraph.empty:
        index += 1
    if index < end and opening(blocks[index].paragraph.text).startswith("kính gửi"):
        parts.set(index, DocumentPart.OTHER)
        index += 1
        while index < end and opening(blocks[index].paragraph.text).startswith(("-", "+")):
            parts.set(index, DocumentPart.OTHER)
            index += 1
    return index


def locate(blocks: list[Block], sections: list[PageSetup]) -> tuple[list[LintParagraph], Found]:
    """Every paragraph tagged with its part, and what was found of the document's frame."""
    parts = _Parts(blocks)
    national = next((index for index, block in enumerate(blocks)
                     if block.paragraph.container != "header" and _is_national(block.paragraph)),
                    None)
    layout = "none"
    body_start = 0
    title: int | None = None
    if national is not None:
        layout, indices = _header_blocks(blocks, national)
        if layout == "table":
            after = max(indices) + 1
            title = _title(blocks, after)
            columns = {index: ("left" if (blocks[index].paragraph.table or (0, 0, 0))[2]
                               < (blocks[national].paragraph.table or (0, 0, 0))[2]
                               else "right") for index in indices}
        else:
            title = _title(blocks, national + 1)
            end = title if title is not None else min(len(blocks), national + _TITLE_WINDOW)
            indices = list(range(end))
            if title is None:
                # A công văn: its header ends with the last header line found.
                last = [index for index in indices if blocks[index].paragraph.is_text and (
                    _is_date(blocks[index].paragraph) or _is_number(blocks[index].paragraph)
                    or _SUBJECT_CV.match(_norm(blocks[index].paragraph))
                    or _is_motto(blocks[index].paragraph) or index == national)]
                end = max(last) + 1
                while end < len(blocks) and _SUBJECT_CV.match(_norm(blocks[end].paragraph)):
                    end += 1
                indices = list(range(end))
            if layout == "textbox":
                columns = _textbox_columns(blocks, indices, national)
                indices = [index for index in indices if blocks[index].textbox is not None
                           or blocks[index].paragraph.is_text
                           or blocks[index].paragraph.has_line_shape]
            elif layout == "tabs":
                columns = {}
                for index in indices:
                    block = blocks[index]
                    if "\t" in block.paragraph.text:
                        parts.split(index, _pieces(block.paragraph, block.tabs,
                                                   _text_width(sections, block)))
                    else:
                        columns[index] = _content_column(block.paragraph)
            else:
                columns = {index: _content_column(blocks[index].paragraph) for index in indices}
            # A rule drawn as a line shape belongs to the column it is drawn in.
            for index in indices:
                block = blocks[index]
                if block.line_shape_x is not None and not block.paragraph.is_text:
                    right = block.line_shape_x >= _text_width(sections, block) * 0.45
                    columns[index] = "right" if right else "left"
            after = end
        _assign_header(parts, indices, columns)
        body_start = after
    kind = symbol = None
    if title is not None:
        parts.set(title, DocumentPart.TITLE)
        kind = " ".join(blocks[title].paragraph.text.split())
        symbol = KIND_SYMBOLS.get(normal(kind))
        body_start = _subject(parts, blocks, title)
    elif national is not None:
        body_start = _cong_van_greeting(parts, blocks, body_start, len(blocks))
    foot = _foot(parts, blocks, body_start, sections)
    _body(parts, blocks, body_start, foot)
    paragraphs = parts.paragraphs()
    known = any(block.rendered_breaks for block in blocks)
    first_page = {DocumentPart.TITLE, DocumentPart.SUBJECT, *(
        part for part in DocumentPart if part.in_header)}
    paragraphs = [
        attrs.evolve(paragraph, page=blocks_page)
        for paragraph, blocks_page in zip(paragraphs, _pages(parts, known, first_page),
                                          strict=True)
    ]
    return paragraphs, Found(layout=layout, kind=kind, symbol=symbol)


def _pages(parts: _Parts, known: bool, first_page: set[DocumentPart]) -> list[int | None]:
    pages: list[int | None] = []
    for index, block in enumerate(parts.blocks):
        for paragraph in parts.items[index]:
            if known and paragraph.container != "header":
                pages.append(block.rendered_breaks + 1)
            else:
                pages.append(1 if paragraph.part in first_page else None)
    return pages
