"""The document as a rule sees it: paragraphs with their effective formatting, pages, parts.

The reader (:mod:`phongtrao._lint.reader`) builds a :class:`LintDocument` from
a .docx the way Word shows it: every run's formatting resolved from direct
formatting, character and paragraph styles with their base styles, table
styles, numbering and the document defaults; automatic numbers as labels;
text boxes and the two sides of a tab-stop header as paragraphs of their own;
and each paragraph tagged with the part of the document it belongs to. Rules
read only this; none of it needs lxml.

Lengths are in points (1 pt = 1/72 inch) for text and in millimetres for the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from phongtrao._lint.types import DocumentPart, Location, quote

__all__ = ["LintDocument", "LintParagraph", "LintRun", "PageHeader", "PageSetup"]

#: Characters a rule typed as text is made of ("__________").
_RULE_CHARACTERS = frozenset("_-‐‑‒–—―")


@attrs.frozen(kw_only=True)
class LintRun:
    """Một đoạn chữ cùng định dạng — a run of text with its effective formatting.

    Attributes:
        text: chữ — the text as shown (upper case when the run is formatted in
            capitals); a tab is a tab character, a line break a newline.
        fonts: phông — the fonts its characters are set in (the ASCII slot for
            ASCII characters, the other Latin slot for Vietnamese letters).
        size: cỡ chữ — in points, or None when nothing sets it.
        bold: đậm.
        italic: nghiêng.
        underline: gạch chân.
        color: màu — ``RRGGBB`` or ``auto``.
    """

    text: str
    fonts: tuple[str, ...] = ()
    size: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str = "auto"

    @property
    def visible(self) -> bool:
        """Whether the run shows anything but white space."""
        return bool(self.text.strip())


@attrs.frozen(kw_only=True)
class LintParagraph:
    """Một đoạn văn — a paragraph (or one side of a tab-stop header line) as Word shows it.

    Attributes:
        index: số thứ tự — its position in reading order, 1 for the first; table
            cells and text boxes are read where they stand. Both sides of a
            tab-split line share the paragraph's index.
        text: nội dung — its text as shown, without the automatic number.
        label: số tự động — the number or bullet Word puts before it from a list
            (``I.``, ``a)``, ``-``), or empty.
        runs: các đoạn chữ — its runs with their formatting.
        style: kiểu — the paragraph style's name (``Normal``, ``PT Body``).
        alignment: căn lề — ``left``, ``center``, ``right`` or ``justify``.
        indent_left: thụt trái — left indent, pt.
        indent_right: thụt phải — right indent, pt.
        first_line: thụt dòng đầu — first-line indent, pt; negative for a hanging indent.
        space_before: cách trước — spacing before, pt.
        space_after: cách sau — spacing after, pt.
        line_rule: kiểu giãn dòng — ``auto`` (a multiple of single), ``exact`` or
            ``atLeast``.
        line: giãn dòng — the multiple for ``auto``, else the line height in pt.
        border_top: viền trên — whether a line is drawn above it.
        border_bottom: viền dưới — whether a line is drawn below it.
        has_line_shape: có đường kẻ — whether a line drawing is anchored in it.
        contextual_spacing: bỏ giãn đoạn cùng kiểu — whether its spacing is left out
            next to paragraphs of the same style (Word's "don't add space").
        container: nơi chứa — ``body``, ``table``, ``textbox`` or ``header`` (a page
            header or footer).
        table: bảng — for a paragraph in a table, (table, row, column) counted from 1
            in reading order; else None.
        column: cột — ``left`` or ``right`` for the two sides of a header laid out
            with a table, text boxes or tab stops; else None.
        page: trang — the page it starts on, when known.
        page_break_before: sang trang — whether a page break comes before it.
        part: thành phần — the part of the document it belongs to.
    """

    index: int
    text: str
    label: str = ""
    runs: tuple[LintRun, ...] = ()
    style: str = ""
    alignment: str = "left"
    indent_left: float = 0.0
    indent_right: float = 0.0
    first_line: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    line_rule: str = "auto"
    line: float = 1.0
    border_top: bool = False
    border_bottom: bool = False
    has_line_shape: bool = False
    contextual_spacing: bool = False
    container: str = "body"
    table: tuple[int, int, int] | None = None
    column: str | None = None
    page: int | None = None
    page_break_before: bool = False
    part: DocumentPart = DocumentPart.OTHER

    @property
    def shown(self) -> str:
        """The line as read: its automatic number, a space, then its text."""
        return f"{self.label} {self.text}" if self.label else self.text

    @property
    def visible_runs(self) -> tuple[LintRun, ...]:
        """The runs that show something other than white space."""
        return tuple(run for run in self.runs if run.visible)

    @property
    def empty(self) -> bool:
        """Whether the paragraph shows no text (it may still draw a rule)."""
        return not self.shown.strip()

    @property
    def is_text(self) -> bool:
        """Whether it shows words: not empty, and not only a rule drawn with ``___``."""
        text = self.shown.strip()
        if not text:
            return False
        return text[0] not in _RULE_CHARACTERS or not set(text) <= _RULE_CHARACTERS

    @property
    def bold(self) -> bool:
        """Whether every visible run is bold (False for an empty paragraph)."""
        runs = self.visible_runs
        return bool(runs) and all(run.bold for run in runs)

    @property
    def italic(self) -> bool:
        """Whether every visible run is italic (False for an empty paragraph)."""
        runs = self.visible_runs
        return bool(runs) and all(run.italic for run in runs)

    @property
    def any_bold(self) -> bool:
        """Whether some visible run is bold."""
        return any(run.bold for run in self.visible_runs)

    @property
    def any_italic(self) -> bool:
        """Whether some visible run is italic."""
        return any(run.italic for run in self.visible_runs)

    @property
    def sizes(self) -> frozenset[float]:
        """The sizes of the visible runs, in points (None left out)."""
        return frozenset(run.size for run in self.visible_runs if run.size is not None)

    @property
    def fonts(self) -> frozenset[str]:
        """The fonts the visible runs are set in."""
        return frozenset(font for run in self.visible_runs for font in run.fonts)

    @property
    def draws_rule_below(self) -> bool:
        """Whether a horizontal line shows under its text: a border, a line shape, ``___``."""
        text = self.text.strip()
        return (self.border_bottom or self.has_line_shape
                or (len(text) >= 3 and set(text) <= _RULE_CHARACTERS))

    def location(self, part: DocumentPart | None = None) -> Location:
        """Where the paragraph is, for a finding: its part, index, first words and page."""
        return Location(part=self.part if part is None else part, paragraph=self.index,
                        text=quote(self.shown), page=self.page)


@attrs.frozen(kw_only=True)
class PageHeader:
    """Đầu trang hoặc chân trang — one page header or footer of a section.

    Attributes:
        kind: loại — ``header`` or ``footer``.
        type: áp dụng cho — ``default`` (every page not otherwise set), ``first``
            (the first page, when the section has a different first page) or
            ``even`` (even pages, when odd and even pages differ).
        paragraphs: các đoạn — its paragraphs.
        page_number: đoạn có số trang — the paragraph holding a PAGE field, or None.
        page_number_centred: số trang căn giữa — whether that paragraph puts the
            number in the middle (centred, or after a centre tab stop near the middle).
        first_page_differs: trang đầu khác — whether its section gives the first
            page a header of its own (so ``default`` is for the pages after it).
    """

    kind: str
    type: str
    paragraphs: tuple[LintParagraph, ...] = ()
    page_number: LintParagraph | None = None
    page_number_centred: bool = False
    first_page_differs: bool = False

    @property
    def where(self) -> Location:
        """The location of this header or footer, for a finding."""
        pages = {"first": ("the first page", "trang đầu"), "even": ("even pages", "trang chẵn"),
                 "default": (("the pages after the first", "các trang sau trang đầu")
                             if self.first_page_differs else ("every page", "mọi trang"))}
        en, vi = pages.get(self.type, (self.type, self.type))
        kind_vi = "đầu trang" if self.kind == "header" else "chân trang"
        return Location(part=DocumentPart.PAGE_NUMBER, note=f"{self.kind} of {en}",
                        note_vi=f"{kind_vi} của {vi}")


@attrs.frozen(kw_only=True)
class PageSetup:
    """Định dạng trang — the page of one section: paper, margins, headers.

    Attributes:
        index: số thứ tự — the section, 1 for the first.
        width: rộng — paper width, mm.
        height: cao — paper height, mm.
        top: lề trên — mm.
        bottom: lề dưới — mm.
        left: lề trái — mm, the gutter included.
        right: lề phải — mm.
        title_page: trang đầu khác — whether the first page has its own header and footer.
        number_format: kiểu số trang — the page numbers' format (``decimal``,
            ``lowerRoman`` …).
        headers: đầu trang — the headers and footers in force, by
            ``(kind, type)``: ``("header", "default")``, ``("header", "first")`` …
        has_tables: có bảng, biểu — whether the section's body holds a table (the
            tables that lay out the header and the signature do not count).
    """

    index: int
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    title_page: bool = False
    number_format: str = "decimal"
    headers: dict[tuple[str, str], PageHeader] = attrs.field(factory=dict, eq=False)
    has_tables: bool = False

    @property
    def landscape(self) -> bool:
        """Whether the page is wider than it is high."""
        return self.width > self.height

    @property
    def text_width(self) -> float:
        """The width between the margins, mm."""
        return self.width - self.left - self.right

    @property
    def where(self) -> Location:
        """The location of this page setup, for a finding."""
        return Location(part=DocumentPart.PAGE, section=self.index)


@attrs.frozen(kw_only=True)
class LintDocument:
    """Văn bản được kiểm tra — a .docx as the rules read it.

    Attributes:
        paragraphs: các đoạn — every paragraph of the main text in reading order,
            each tagged with its part (:class:`~phongtrao.hookspecs.DocumentPart`).
        sections: định dạng trang — the page setup of each section.
        even_and_odd: trang chẵn lẻ khác — whether even and odd pages have their
            own headers.
        pages: số trang — the page count when the file records where its pages
            break (as Word does on saving), else None.
        estimated_pages: số trang ước tính — the page count estimated from the
            text, its sizes and the page (used when ``pages`` is None).
        images: hình ảnh — how many pictures the main text holds.
        kind: tên loại — the document type's name as written (``KẾ HOẠCH``), or
            None when there is none (a công văn).
        kind_symbol: ký hiệu tên loại — its symbol (``KH``), when the name is known.
        header_layout: bố cục phần đầu — how the header block is laid out:
            ``table``, ``textbox``, ``tabs``, ``paragraphs``, or ``none`` when no
            header block was found.
    """

    paragraphs: tuple[LintParagraph, ...]
    sections: tuple[PageSetup, ...]
    even_and_odd: bool = False
    pages: int | None = None
    estimated_pages: float = 0.0
    images: int = 0
    kind: str | None = None
    kind_symbol: str | None = None
    header_layout: str = "none"

    @property
    def has_text(self) -> bool:
        """Whether the main text shows any words (a scanned image shows none)."""
        return any(paragraph.is_text for paragraph in self.paragraphs)

    @property
    def is_cong_van(self) -> bool:
        """Whether the document is a công văn: no type name, a ``V/v`` subject."""
        return self.kind is None and any(
            paragraph.part is DocumentPart.SUBJECT for paragraph in self.paragraphs)

    def part(self, *parts: DocumentPart) -> tuple[LintParagraph, ...]:
        """The paragraphs of these parts, in reading order, empty ones included."""
        return tuple(paragraph for paragraph in self.paragraphs if paragraph.part in parts)

    def lines(self, *parts: DocumentPart) -> tuple[LintParagraph, ...]:
        """The paragraphs of these parts that show words (not empty, not a rule)."""
        return tuple(paragraph for paragraph in self.part(*parts) if paragraph.is_text)

    def first(self, part: DocumentPart) -> LintParagraph | None:
        """The first paragraph of a part that shows words, or None."""
        return next(iter(self.lines(part)), None)

    def page_headers(self) -> Iterator[tuple[PageSetup, PageHeader]]:
        """Every header and footer in force, with its section."""
        for section in self.sections:
            for header in section.headers.values():
                yield section, header
