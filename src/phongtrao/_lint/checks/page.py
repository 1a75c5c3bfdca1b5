"""The page: paper, orientation, margins, fonts and page numbers (Phụ lục I, Phần I, mục I)."""

from __future__ import annotations

from collections.abc import Iterator

from phongtrao._lint.checks.common import TOLERANCE_MM, aggregate, also, mm, pt, sizes_outside
from phongtrao._lint.document import LintDocument, LintParagraph, PageHeader, PageSetup
from phongtrao._lint.types import DocumentPart, Issue, Location, NotEvaluated

__all__ = [
    "check_font_color",
    "check_font_family",
    "check_margin_bottom",
    "check_margin_left",
    "check_margin_right",
    "check_margin_top",
    "check_orientation",
    "check_page_number_first",
    "check_page_number_format",
    "check_page_number_missing",
    "check_paper",
]

_PAPERS = {(215.9, 279.4): "Letter", (215.9, 355.6): "Legal", (148.0, 210.0): "A5",
           (297.0, 420.0): "A3", (176.0, 250.0): "B5", (182.0, 257.0): "B5 (JIS)"}
FONT = "Times New Roman"
#: Above this many estimated pages a document is taken to have several; below, one.
MANY_PAGES, ONE_PAGE = 1.3, 0.8


def check_paper(document: LintDocument) -> Iterator[Issue]:
    """A4, 210 × 297 mm, in every section."""
    for section in document.sections:
        short, long = sorted((section.width, section.height))
        if abs(short - 210) <= 1 and abs(long - 297) <= 1:
            continue
        name = next((f" ({paper})" for (w, h), paper in _PAPERS.items()
                     if abs(short - w) <= 1 and abs(long - h) <= 1), "")
        size = f"{short:.0f} × {long:.0f} mm{name}"
        yield Issue(message=f"Khổ giấy {size}; văn bản hành chính trình bày trên khổ A4 "
                    "(210 × 297 mm).",
                    message_en=f"the paper is {size}; administrative documents use A4 "
                    "(210 × 297 mm)", where=section.where)


def check_orientation(document: LintDocument) -> Iterator[Issue]:
    """Portrait; landscape only for a section that holds tables."""
    for section in document.sections:
        if section.landscape and not section.has_tables:
            yield Issue(message="Trang được trình bày theo chiều rộng mà không có bảng, biểu; "
                        "văn bản trình bày theo chiều dài của khổ A4 (chỉ phần có bảng, biểu "
                        "mới được trình bày theo chiều rộng).",
                        message_en="the page is landscape but holds no table; documents are "
                        "laid out portrait (landscape only for pages of tables)",
                        where=section.where)


def _margin(document: LintDocument, edge: str, vi: str, low: float,
            high: float) -> Iterator[Issue]:
    for section in document.sections:
        value = getattr(section, edge)
        if low - TOLERANCE_MM <= value <= high + TOLERANCE_MM:
            continue
        yield Issue(
            message=f"Lề {vi} {mm(value, 'vi')}; lề {vi} phải cách mép {vi} từ "
            f"{low:.0f} đến {high:.0f} mm.",
            message_en=f"the {edge} margin is {mm(value)}; it must be {low:.0f}-{high:.0f} mm",
            where=section.where)


def check_margin_top(document: LintDocument) -> Iterator[Issue]:
    """Top margin 20-25 mm."""
    return _margin(document, "top", "trên", 20, 25)


def check_margin_bottom(document: LintDocument) -> Iterator[Issue]:
    """Bottom margin 20-25 mm."""
    return _margin(document, "bottom", "dưới", 20, 25)


def check_margin_left(document: LintDocument) -> Iterator[Issue]:
    """Left margin 30-35 mm (the gutter counted in)."""
    return _margin(document, "left", "trái", 30, 35)


def check_margin_right(document: LintDocument) -> Iterator[Issue]:
    """Right margin 15-20 mm."""
    return _margin(document, "right", "phải", 15, 20)


def _all_text(document: LintDocument) -> list[LintParagraph]:
    """Every paragraph with words: the main text, then the page headers and footers."""
    seen: set[int] = set()
    paragraphs = list(document.lines(*DocumentPart))
    for _, header in document.page_headers():
        for paragraph in header.paragraphs:
            if paragraph.is_text and id(paragraph) not in seen:
                seen.add(id(paragraph))
                paragraphs.append(paragraph)
    return paragraphs


def check_font_family(document: LintDocument) -> Iterator[Issue | NotEvaluated]:
    """Times New Roman for all text."""
    paragraphs = _all_text(document)
    if not any(paragraph.fonts for paragraph in paragraphs):
        yield NotEvaluated(reason="văn bản không ghi phông chữ nào (phần mềm hiển thị dùng phông "
                           "mặc định của nó)", reason_en="the document names no font at all "
                           "(the program showing it uses its own default)",
                           where=Location(part=DocumentPart.BODY))
        return

    def wrong(paragraph: LintParagraph) -> object | None:
        others = sorted(font for font in paragraph.fonts if font.strip().casefold()
                        != FONT.casefold())
        return others[0] if others else None

    def message(font: object, first: LintParagraph, count: int, language: str) -> str:
        if language == "vi":
            return (f"Chữ dùng phông {font}{also(count, 'vi')}; văn bản dùng phông chữ tiếng "
                    f"Việt {FONT}, bộ mã Unicode (TCVN 6909:2001).")
        return f"the text is set in {font}{also(count, 'en')}; documents use {FONT} (Unicode)"

    yield from aggregate(paragraphs, wrong, message)


def check_font_color(document: LintDocument) -> Iterator[Issue]:
    """Black text."""

    def wrong(paragraph: LintParagraph) -> object | None:
        colours = sorted(run.color for run in paragraph.visible_runs
                         if run.color.upper() not in ("AUTO", "000000"))
        return colours[0] if colours else None

    def message(colour: object, first: LintParagraph, count: int, language: str) -> str:
        if language == "vi":
            return f"Chữ có màu #{colour}{also(count, 'vi')}; chữ trong văn bản màu đen."
        return f"the text is coloured #{colour}{also(count, 'en')}; documents are in black"

    yield from aggregate(_all_text(document), wrong, message)


def _first_page(document: LintDocument) -> list[PageHeader]:
    if not document.sections:
        return []
    section = document.sections[0]
    kind_of_page = "first" if section.title_page else "default"
    return [header for (kind, type_), header in section.headers.items() if type_ == kind_of_page]


def check_page_number_first(document: LintDocument) -> Iterator[Issue]:
    """No page number on page 1."""
    for header in _first_page(document):
        if header.page_number is not None:
            yield Issue(message="Trang thứ nhất có số trang; không hiển thị số trang thứ nhất "
                        "(chọn «Khác trang đầu» — Different First Page).",
                        message_en="page 1 shows a page number; the first page shows none "
                        "(set a different first page)", where=header.where)
            return


def _numbered(document: LintDocument) -> list[tuple[PageSetup, PageHeader]]:
    """The headers and footers of pages after the first that hold a page number, each once."""
    seen: set[int] = set()
    found = []
    for section, header in document.page_headers():
        if header.type == "first" or header.page_number is None:
            continue
        if id(header.page_number) in seen:
            continue
        seen.add(id(header.page_number))
        found.append((section, header))
    return found


def check_page_number_missing(document: LintDocument) -> Iterator[Issue | NotEvaluated]:
    """Page numbers from page 2 on a document of several pages."""
    if _numbered(document):
        return
    where = Location(part=DocumentPart.PAGE_NUMBER, note="header of the pages after the first",
                     note_vi="đầu trang của các trang sau trang đầu")
    pages = document.pages
    estimated = document.estimated_pages
    if (pages is not None and pages > 1) or (pages is None and estimated >= MANY_PAGES):
        count = f"{pages} trang" if pages else f"khoảng {estimated:.0f} trang"
        count_en = f"{pages} pages" if pages else f"about {estimated:.0f} pages"
        yield Issue(message=f"Văn bản có {count} nhưng không đánh số trang; số trang đánh từ "
                    "trang 2, bằng chữ số Ả Rập, canh giữa trong phần lề trên.",
                    message_en=f"the document has {count_en} but no page numbers; number the "
                    "pages from page 2, in Arabic figures, centred in the top margin",
                    where=where)
    elif pages is None and estimated > ONE_PAGE:
        yield NotEvaluated(reason=f"không biết văn bản có một hay hai trang (ước tính "
                           f"{estimated:.1f} trang) mà tệp không ghi chỗ ngắt trang",
                           reason_en=f"whether the document has one page or two is not known "
                           f"(about {estimated:.1f} pages) and the file does not record its "
                           "page breaks", where=where)


def check_page_number_format(document: LintDocument) -> Iterator[Issue]:
    """Page numbers in the header, centred, Arabic, 13-14 pt, upright."""
    for section, header in _numbered(document):
        paragraph = header.page_number
        assert paragraph is not None
        problems_vi, problems_en = [], []
        if header.kind == "footer":
            problems_vi.append("đặt ở chân trang (phải ở phần lề trên)")
            problems_en.append("in the footer (it goes in the top margin)")
        if not header.page_number_centred:
            problems_vi.append("không canh giữa")
            problems_en.append("not centred")
        if section.number_format not in ("decimal",):
            problems_vi.append(f"đánh bằng kiểu {section.number_format} (phải là chữ số Ả Rập)")
            problems_en.append(f"numbered {section.number_format} (Arabic figures expected)")
        wrong_sizes = sizes_outside(paragraph, 13, 14)
        if wrong_sizes:
            problems_vi.append(f"cỡ chữ {pt(wrong_sizes[0], 'vi')} (phải từ 13 đến 14)")
            problems_en.append(f"{pt(wrong_sizes[0])} (13-14 pt expected)")
        if paragraph.any_italic:
            problems_vi.append("chữ nghiêng (phải là chữ đứng)")
            problems_en.append("italic (upright expected)")
        if problems_vi:
            yield Issue(message="Số trang " + "; ".join(problems_vi) + ".",
                        message_en="the page number is " + "; ".join(problems_en),
                        where=header.where)
