"""Tên loại, trích yếu, căn cứ, the body's text and numbering, the end mark.

Phụ lục I, Phần I, mục II, khoản 5–6.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from phongtrao._lint.checks.common import (
    TOLERANCE_PT,
    aggregate,
    also,
    body_paragraphs,
    cm,
    fits_one_line,
    is_heading,
    missing,
    not_found,
    pt,
)
from phongtrao._lint.checks.header import rule_under
from phongtrao._lint.document import LintDocument, LintParagraph
from phongtrao._lint.kinds import normal
from phongtrao._lint.reader import SINGLE_LINE
from phongtrao._lint.types import DocumentPart, Issue, NotEvaluated
from phongtrao.vi import from_roman, letter, roman

__all__ = [
    "check_basis_format",
    "check_basis_punctuation",
    "check_body_indent",
    "check_body_justified",
    "check_body_line_spacing",
    "check_body_size",
    "check_body_size_uniform",
    "check_body_spacing",
    "check_end_mark",
    "check_numbering_arabic",
    "check_numbering_letters",
    "check_numbering_roman",
    "check_section_format",
    "check_subject_format",
    "check_subject_rule",
    "check_subject_vv",
    "check_title_format",
]

Checked = Iterator[Issue | NotEvaluated]

#: The first-line indent, 1 cm to 1.27 cm, in points.
INDENT_LOW, INDENT_HIGH = 72 / 2.54, 36.0


def _vietnamese_letters() -> tuple[str, ...]:
    letters: list[str] = []
    while True:
        try:
            letters.append(letter(len(letters)))
        except ValueError:
            return tuple(letters)


#: The letters that label points, in order (phongtrao.vi.letter): a b c d đ e g h i k …
VIETNAMESE_LETTERS = _vietnamese_letters()


def _problems(paragraph: LintParagraph, *, low: float, high: float, upper: bool = False,
              centred: bool = True) -> tuple[list[str], list[str]]:
    vi, en = [], []
    wrong = [size for size in paragraph.sizes
             if size < low - TOLERANCE_PT or size > high + TOLERANCE_PT]
    if wrong:
        vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định từ {low:.0f} đến {high:.0f})")
        en.append(f"{pt(wrong[0])} ({low:.0f}-{high:.0f} pt expected)")
    if not paragraph.bold:
        vi.append("không in đậm")
        en.append("not bold")
    if paragraph.any_italic:
        vi.append("in nghiêng (quy định chữ đứng)")
        en.append("italic (upright expected)")
    if upper and paragraph.text.upper() != paragraph.text:
        vi.append("không viết in hoa")
        en.append("not in capitals")
    if centred and paragraph.alignment != "center":
        vi.append("không canh giữa")
        en.append("not centred")
    return vi, en


def _issue(paragraph: LintParagraph, what: tuple[str, str],
           problems: tuple[list[str], list[str]]) -> Iterator[Issue]:
    vi, en = problems
    if vi:
        yield Issue(message=f"{what[0]}: " + "; ".join(vi) + ".",
                    message_en=f"{what[1]}: " + "; ".join(en), where=paragraph.location())


# -- tên loại và trích yếu ------------------------------------------------------------------


def check_title_format(document: LintDocument) -> Checked:
    """The tên loại in capitals, bold, upright, 13-14 pt, centred."""
    line = document.first(DocumentPart.TITLE)
    if line is None:
        return
    yield from _issue(line, ("Tên loại văn bản", "the tên loại"),
                      _problems(line, low=13, high=14, upper=True))


def _subject_lines(document: LintDocument) -> tuple[LintParagraph, ...]:
    return document.lines(DocumentPart.SUBJECT)


def check_subject_format(document: LintDocument) -> Checked:
    """The trích yếu bold, upright, 13-14 pt, centred (a công văn's V/v: 12-13 pt, regular)."""
    lines = _subject_lines(document)
    if not lines:
        if document.kind is not None:
            yield missing(DocumentPart.SUBJECT, f"Không tìm thấy trích yếu nội dung dưới tên "
                          f"loại «{document.kind}».",
                          f"no subject line (trích yếu) under «{document.kind}»")
        else:
            yield not_found(DocumentPart.SUBJECT)
        return
    for line in lines:
        if document.kind is None:
            vi, en = [], []
            wrong = [size for size in line.sizes
                     if size < 12 - TOLERANCE_PT or size > 13 + TOLERANCE_PT]
            if wrong:
                vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định từ 12 đến 13)")
                en.append(f"{pt(wrong[0])} (12-13 pt expected)")
            if line.any_italic:
                vi.append("in nghiêng (quy định chữ đứng)")
                en.append("italic (upright expected)")
            yield from _issue(line, ("Trích yếu công văn", "the công văn's subject"), (vi, en))
        else:
            yield from _issue(line, ("Trích yếu", "the subject line"),
                              _problems(line, low=13, high=14))


def check_subject_rule(document: LintDocument) -> Checked:
    """A short solid rule under the trích yếu (not under a công văn's V/v)."""
    if document.kind is None:
        return
    lines = _subject_lines(document)
    if not lines:
        yield not_found(DocumentPart.SUBJECT)
        return
    if not rule_under(document, DocumentPart.SUBJECT, (DocumentPart.TITLE, DocumentPart.SUBJECT)):
        yield Issue(message="Dưới trích yếu không có đường kẻ ngang; bên dưới trích yếu có đường "
                    "kẻ ngang, nét liền, dài từ 1/3 đến 1/2 dòng chữ, đặt cân đối.",
                    message_en="no rule under the subject line; a solid rule, 1/3 to 1/2 of the "
                    "line's length, goes centred under it", where=lines[-1].location())


def check_subject_vv(document: LintDocument) -> Checked:
    """"V/v" opens the subject of a công văn only; other documents name their type instead."""
    lines = _subject_lines(document)
    vv = [line for line in lines if normal(line.text).startswith("v/v")]
    if document.kind is not None and vv:
        yield Issue(message=f"Trích yếu bắt đầu bằng «V/v» nhưng văn bản có tên loại "
                    f"«{document.kind}»; chỉ trích yếu của công văn mới bắt đầu bằng «V/v».",
                    message_en=f"the subject starts «V/v» but the document is a "
                    f"«{document.kind}»; only a công văn's subject starts «V/v»",
                    where=vv[0].location())
    elif (document.kind is None and not lines
          and document.first(DocumentPart.NATIONAL_NAME) is not None):
        yield missing(DocumentPart.SUBJECT,
                      "Văn bản không có tên loại và không có trích yếu «V/v …»; văn bản có tên "
                      "loại thì ghi tên loại (KẾ HOẠCH, BÁO CÁO …), công văn thì ghi trích yếu "
                      "bắt đầu bằng «V/v» dưới số, ký hiệu.",
                      "the document has no tên loại and no «V/v …» subject; name the type "
                      "(KẾ HOẠCH, BÁO CÁO …), or for a công văn write its «V/v» subject under "
                      "the number")


# -- căn cứ -------------------------------------------------------------------------------


def check_basis_format(document: LintDocument) -> Checked:
    """The bases in italic."""
    lines = body_paragraphs(document, DocumentPart.BASIS)

    def wrong(paragraph: LintParagraph) -> object | None:
        return None if paragraph.italic else "upright"

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        if language == "vi":
            return (f"Căn cứ ban hành không in nghiêng{also(count, 'vi')}; căn cứ trình bày bằng "
                   "chữ in thường, kiểu chữ nghiêng.")
        return f"the legal basis is not italic{also(count, 'en')}; bases are set in italic"

    yield from aggregate(lines, wrong, message)


def check_basis_punctuation(document: LintDocument) -> Checked:
    """Each basis on its own line ending ";", the last ending "."."""
    lines = body_paragraphs(document, DocumentPart.BASIS)
    for position, line in enumerate(lines):
        text = line.text.rstrip()
        last = position == len(lines) - 1
        expected = "." if last else ";"
        if text.endswith(expected):
            continue
        ending = text[-1:] or " "
        if last:
            vi = (f"Căn cứ cuối cùng kết thúc bằng «{ending}»; dòng căn cứ cuối cùng kết thúc bằng "
                 "dấu chấm (.).")
            en = f"the last basis ends with «{ending}»; the last one ends with a full stop (.)"
        else:
            vi = (f"Căn cứ kết thúc bằng «{ending}»; mỗi căn cứ xuống dòng, cuối dòng có dấu chấm "
                 "phẩy (;).")
            en = f"the basis ends with «{ending}»; each basis ends with a semicolon (;)"
        yield Issue(message=vi, message_en=en, where=line.location())


# -- the body's text -------------------------------------------------------------------------


def _running(document: LintDocument) -> list[LintParagraph]:
    """Body paragraphs that are running text (a short centred heading is left out)."""
    return [paragraph for paragraph in body_paragraphs(document)
            if not (paragraph.alignment in ("center", "right") and is_heading(paragraph))]


def check_body_size(document: LintDocument) -> Checked:
    """Body text in 13-14 pt."""

    def wrong(paragraph: LintParagraph) -> object | None:
        sizes = [size for size in sorted(paragraph.sizes)
                 if size < 13 - TOLERANCE_PT or size > 14 + TOLERANCE_PT]
        return sizes[0] if sizes else None

    def message(size: object, first: LintParagraph, count: int, language: str) -> str:
        assert isinstance(size, float)
        if language == "vi":
            return (f"Nội dung văn bản cỡ chữ {pt(size, 'vi')}{also(count, 'vi')}; nội dung "
                   "trình bày cỡ chữ từ 13 đến 14.")
        return f"the body text is {pt(size)}{also(count, 'en')}; it must be 13-14 pt"

    yield from aggregate(body_paragraphs(document), wrong, message)


def check_body_size_uniform(document: LintDocument) -> Checked:
    """One size for the body's running text (practice)."""
    running = [paragraph for paragraph in _running(document) if not is_heading(paragraph)]
    counts: dict[float, list[LintParagraph]] = {}
    for paragraph in running:
        for size in paragraph.sizes:
            counts.setdefault(size, []).append(paragraph)
    if len(counts) < 2:
        return
    sizes = sorted(counts, key=lambda size: -len(counts[size]))
    main, other = sizes[0], sizes[1]
    where = counts[other][0]
    listed = ", ".join(pt(size) for size in sorted(counts))
    yield Issue(message=f"Nội dung dùng nhiều cỡ chữ ({listed.replace('.', ',')}); phần lời văn "
                f"nên dùng cùng một cỡ chữ ({pt(main, 'vi')}).",
                message_en=f"the body text mixes sizes ({listed}); use one size for it "
                f"({pt(main)})", where=where.location())


def check_body_justified(document: LintDocument) -> Checked:
    """Body paragraphs justified on both sides."""
    names = {"left": ("canh trái", "left-aligned"), "center": ("canh giữa", "centred"),
             "right": ("canh phải", "right-aligned")}

    def wrong(paragraph: LintParagraph) -> object | None:
        if paragraph.alignment == "justify" or fits_one_line(paragraph, document):
            return None
        return paragraph.alignment

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        vi, en = names.get(str(value), (str(value), str(value)))
        if language == "vi":
            return f"Đoạn văn {vi}{also(count, 'vi')}; nội dung văn bản canh đều cả hai lề."
        return f"the paragraph is {en}{also(count, 'en')}; the body is justified on both sides"

    yield from aggregate(_running(document), wrong, message)


def check_body_indent(document: LintDocument) -> Checked:
    """A first-line indent of 1 cm to 1.27 cm."""

    def wrong(paragraph: LintParagraph) -> object | None:
        indent = paragraph.first_line
        if INDENT_LOW - 0.6 <= indent <= INDENT_HIGH + 0.6:
            return None
        return round(indent, 1)

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        assert isinstance(value, float)
        if language == "vi":
            shown = ("không lùi đầu dòng" if value == 0 else
                     f"dòng đầu thụt ra {cm(-value, 'vi')}" if value < 0 else
                     f"lùi đầu dòng {cm(value, 'vi')}")
            return (f"Đoạn văn {shown}{also(count, 'vi')}; khi xuống dòng, chữ đầu dòng lùi "
                   "vào 1 cm hoặc 1,27 cm.")
        shown = ("has no first-line indent" if value == 0 else
                 f"hangs {cm(-value)}" if value < 0 else f"is indented {cm(value)}")
        return (f"the paragraph {shown}{also(count, 'en')}; the first line is indented "
               "1-1.27 cm")

    yield from aggregate(_running(document), wrong, message)


def check_body_spacing(document: LintDocument) -> Checked:
    """At least 6 pt between body paragraphs."""
    paragraphs = [paragraph for paragraph in document.part(DocumentPart.BASIS, DocumentPart.BODY)
                  if paragraph.container == "body"]
    pairs: list[tuple[LintParagraph, float]] = []
    for previous, current in itertools.pairwise(paragraphs):
        if not (previous.is_text and current.is_text):
            continue  # an empty paragraph between them is a space of its own
        same = previous.style == current.style
        after = 0.0 if previous.contextual_spacing and same else previous.space_after
        before = 0.0 if current.contextual_spacing and same else current.space_before
        gap = max(after, before)
        if gap < 6 - TOLERANCE_PT:
            pairs.append((current, gap))

    gaps = {id(paragraph): gap for paragraph, gap in pairs}

    def wrong(paragraph: LintParagraph) -> object | None:
        return gaps[id(paragraph)]

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        assert isinstance(value, float)
        if language == "vi":
            return (f"Khoảng cách với đoạn trước {pt(value, 'vi')}{also(count, 'vi')}; khoảng "
                   "cách giữa các đoạn văn tối thiểu là 6 pt.")
        return (f"{pt(value)} from the paragraph before{also(count, 'en')}; paragraphs are at "
               "least 6 pt apart")

    yield from aggregate([paragraph for paragraph, _ in pairs], wrong, message)


def check_body_line_spacing(document: LintDocument) -> Checked:
    """Line spacing from single to 1.5 lines."""

    def wrong(paragraph: LintParagraph) -> object | None:
        if paragraph.line_rule == "auto":
            return None if 0.99 <= paragraph.line <= 1.51 else f"{paragraph.line:.2f}"
        size = max(paragraph.sizes, default=13.0)
        low, high = size * 1.1, size * SINGLE_LINE * 1.5 + 0.5
        return None if low <= paragraph.line <= high else f"{paragraph.line:g} pt"

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        shown = str(value)
        if language == "vi":
            shown = shown.replace(".", ",")
            spacing = (f"giãn dòng {shown} dòng" if "pt" not in shown
                       else f"giãn dòng cố định {shown}")
            return (f"Đoạn văn {spacing}{also(count, 'vi')}; khoảng cách giữa các dòng tối "
                   "thiểu là dòng đơn, tối đa là 1,5 dòng.")
        spacing = f"{shown} lines" if "pt" not in shown else f"exactly {shown}"
        return f"the line spacing is {spacing}{also(count, 'en')}; it must be single to 1.5 lines"

    yield from aggregate(body_paragraphs(document), wrong, message)


# -- numbering ---------------------------------------------------------------------------------

_ROMAN = re.compile(r"^([IVXLCDM]+)\.\s")
_ITEM = re.compile(r"^(\d+)\.\s")
_SUBITEM = re.compile(r"^(\d+)\.(\d+)\.?\s")
_ARTICLE = re.compile(r"^Điều\s+(\d+)\.")
_POINT = re.compile(r"^([a-zđ])\)\s")


class _Numbering:
    """Walks the body's numbered lines, reporting each number out of its sequence."""

    def __init__(self) -> None:
        self.section = 0
        self.item = 0
        self.subitem = 0
        self.article = 0
        self.point = 0
        self.roman: list[Issue] = []
        self.arabic: list[Issue] = []
        self.letters: list[Issue] = []

    def read(self, paragraph: LintParagraph) -> None:
        text = paragraph.shown.strip() + " "
        if match := _ROMAN.match(text):
            self._section(paragraph, match[1])
        elif match := _SUBITEM.match(text):
            self._subitem(paragraph, int(match[1]), int(match[2]))
        elif match := _ITEM.match(text):
            self._item(paragraph, int(match[1]))
        elif match := _ARTICLE.match(text):
            number = int(match[1])
            if number != self.article + 1:
                self.arabic.append(_out_of_order(paragraph, f"Điều {number}.",
                                                 f"Điều {self.article + 1}."))
            self.article, self.item, self.point = number, 0, 0
        elif match := _POINT.match(text):
            self._point(paragraph, match[1])

    def _section(self, paragraph: LintParagraph, numeral: str) -> None:
        expected = self.section + 1
        try:
            value = from_roman(numeral)
        except ValueError:
            value = None
        if value != expected:
            self.roman.append(_out_of_order(paragraph, f"{numeral}.", f"{roman(expected)}."))
        self.section = value if value is not None else expected
        self.item = self.subitem = self.point = 0

    def _item(self, paragraph: LintParagraph, number: int) -> None:
        if number != self.item + 1:
            self.arabic.append(_out_of_order(paragraph, f"{number}.", f"{self.item + 1}."))
        self.item, self.subitem, self.point = number, 0, 0

    def _subitem(self, paragraph: LintParagraph, major: int, minor: int) -> None:
        expected = (self.item, self.subitem + 1)
        if (major, minor) != expected:
            self.arabic.append(_out_of_order(paragraph, f"{major}.{minor}.",
                                             f"{expected[0]}.{expected[1]}."))
        self.item, self.subitem, self.point = major, minor, 0

    def _point(self, paragraph: LintParagraph, letter: str) -> None:
        expected = VIETNAMESE_LETTERS[min(self.point, len(VIETNAMESE_LETTERS) - 1)]
        if letter != expected:
            self.letters.append(Issue(
                message=f"Điểm «{letter})» không đúng thứ tự chữ cái tiếng Việt (a, b, c, d, đ, "
                f"e, g, h …): phải là «{expected})».",
                message_en=f"the point «{letter})» is out of the Vietnamese letter sequence "
                f"(a, b, c, d, đ, e, g, h …): «{expected})» expected",
                where=paragraph.location()))
        self.point = (VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS
                      else self.point + 1)


def _out_of_order(paragraph: LintParagraph, found: str, expected: str) -> Issue:
    return Issue(message=f"Số thứ tự «{found}» không liền với số trước; phải là «{expected}».",
                 message_en=f"the number «{found}» does not follow the one before; "
                 f"«{expected}» expected", where=paragraph.location())


def _numbering(document: LintDocument) -> _Numbering:
    walk = _Numbering()
    for paragraph in body_paragraphs(document, DocumentPart.BODY):
        walk.read(paragraph)
    return walk


def check_numbering_roman(document: LintDocument) -> Checked:
    """Sections numbered I., II., III. … in order."""
    yield from _numbering(document).roman


def check_numbering_arabic(document: LintDocument) -> Checked:
    """Items 1., 2. … in each section (1.1., 1.2. … in each item; Điều 1., Điều 2. …), in order."""
    yield from _numbering(document).arabic


def check_numbering_letters(document: LintDocument) -> Checked:
    """Points lettered in the Vietnamese alphabet: a) b) c) d) đ) e) g) …."""
    yield from _numbering(document).letters


def check_section_format(document: LintDocument) -> Checked:
    """Section headings (I., II. …) in capitals and bold (practice)."""

    def wrong(paragraph: LintParagraph) -> object | None:
        if not _ROMAN.match(paragraph.shown.strip() + " "):
            return None
        if paragraph.text.upper() != paragraph.text:
            return "case"
        return None if paragraph.bold else "bold"

    def message(value: object, first: LintParagraph, count: int, language: str) -> str:
        if language == "vi":
            what = "không viết in hoa" if value == "case" else "không in đậm"
            return (f"Tiêu đề mục {what}{also(count, 'vi')}; tiêu đề các mục La Mã thường viết "
                   "in hoa, in đậm.")
        what = "not in capitals" if value == "case" else "not bold"
        return (f"the section heading is {what}{also(count, 'en')}; Roman-numbered headings "
               "are usually in bold capitals")

    yield from aggregate(body_paragraphs(document, DocumentPart.BODY), wrong, message)


def check_end_mark(document: LintDocument) -> Checked:
    """The body ends with ``./.``."""
    lines = body_paragraphs(document, DocumentPart.BODY)
    if not lines:
        return
    last = lines[-1]
    if not last.text.rstrip().endswith("./."):
        yield Issue(message="Nội dung văn bản không kết thúc bằng dấu «./.»; đoạn cuối cùng của "
                    "nội dung kết thúc bằng «./.».",
                    message_en="the body does not end with «./.»; its last paragraph ends with "
                    "«./.»", where=last.location())
