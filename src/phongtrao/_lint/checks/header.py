"""The header block of page 1: Quốc hiệu, Tiêu ngữ, issuing body, Số, date line.

Phụ lục I, Phần I, mục II, khoản 1–4.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from phongtrao._lint.checks.common import missing, not_found, pt, size_range, sizes_outside
from phongtrao._lint.document import LintDocument, LintParagraph
from phongtrao._lint.kinds import SYMBOLS
from phongtrao._lint.types import DocumentPart, Issue, NotEvaluated
from phongtrao.vi import day_number, month_number, normalize_tones

__all__ = [
    "MOTTO",
    "NATIONAL_NAME",
    "check_date_format",
    "check_date_padding",
    "check_date_place",
    "check_date_position",
    "check_issuer_format",
    "check_issuer_rule",
    "check_motto_format",
    "check_motto_rule",
    "check_motto_text",
    "check_national_name",
    "check_national_name_format",
    "check_number_form",
    "check_number_format",
    "check_number_symbol",
    "check_number_zero",
    "rule_under",
]

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

Checked = Iterator[Issue | NotEvaluated]


def _written(paragraph: LintParagraph) -> str:
    """The text as written, on one line, with one tone placement (so HOÀ reads as HÒA)."""
    return normalize_tones(" ".join(paragraph.text.split()), "classic")


def _format(
    paragraph: LintParagraph, *, low: float, high: float, bold: bool | None, italic: bool,
    upper: bool = False, centred: bool = False,
) -> tuple[list[str], list[str]]:
    """What is off in a line's formatting, in Vietnamese and in English."""
    vi: list[str] = []
    en: list[str] = []
    wrong = sizes_outside(paragraph, low, high)
    if wrong:
        vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định {size_range(low, high, 'vi')})")
        en.append(f"{pt(wrong[0])} ({size_range(low, high)} expected)")
    if bold is True and not paragraph.bold:
        vi.append("không in đậm")
        en.append("not bold")
    if bold is False and paragraph.any_bold:
        vi.append("in đậm (quy định chữ đứng, không đậm)")
        en.append("bold (regular expected)")
    if italic and not paragraph.italic:
        vi.append("không in nghiêng")
        en.append("not italic")
    if not italic and paragraph.any_italic:
        vi.append("in nghiêng (quy định chữ đứng)")
        en.append("italic (upright expected)")
    if upper and paragraph.text.upper() != paragraph.text:
        vi.append("không viết in hoa")
        en.append("not in capitals")
    if centred and paragraph.alignment != "center":
        vi.append("không canh giữa")
        en.append("not centred")
    return vi, en


def _format_issue(paragraph: LintParagraph, what_vi: str, what_en: str,
                  problems: tuple[list[str], list[str]]) -> Iterator[Issue]:
    vi, en = problems
    if vi:
        yield Issue(message=f"{what_vi}: " + "; ".join(vi) + ".",
                    message_en=f"{what_en}: " + "; ".join(en), where=paragraph.location())


# -- Quốc hiệu và Tiêu ngữ --------------------------------------------------------------


def check_national_name(document: LintDocument) -> Checked:
    """The Quốc hiệu reads CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, in capitals."""
    line = document.first(DocumentPart.NATIONAL_NAME)
    if line is None:
        yield missing(DocumentPart.NATIONAL_NAME,
                      f"Không tìm thấy Quốc hiệu «{NATIONAL_NAME}» ở đầu trang thứ nhất.",
                      f"no Quốc hiệu «{NATIONAL_NAME}» at the top of page 1")
        return
    if _written(line) != NATIONAL_NAME:
        yield Issue(message=f"Quốc hiệu viết «{line.text.strip()}»; phải viết «{NATIONAL_NAME}», "
                    "bằng chữ in hoa.",
                    message_en=f"the Quốc hiệu reads «{line.text.strip()}»; it must read "
                    f"«{NATIONAL_NAME}», in capitals", where=line.location())


def check_national_name_format(document: LintDocument) -> Checked:
    """The Quốc hiệu is bold, upright, 12-13 pt."""
    line = document.first(DocumentPart.NATIONAL_NAME)
    if line is None:
        yield not_found(DocumentPart.NATIONAL_NAME)
        return
    yield from _format_issue(line, "Quốc hiệu", "the Quốc hiệu",
                             _format(line, low=12, high=13, bold=True, italic=False))


def check_motto_text(document: LintDocument) -> Checked:
    """The motto reads Độc lập - Tự do - Hạnh phúc: hyphens with spaces, each phrase capitalised."""
    line = document.first(DocumentPart.MOTTO)
    if line is None:
        yield missing(DocumentPart.MOTTO, f"Không tìm thấy Tiêu ngữ «{MOTTO}» dưới Quốc hiệu.",
                      f"no motto «{MOTTO}» under the Quốc hiệu")
        return
    written = _written(line)
    if written == MOTTO:
        return
    hints_vi, hints_en = [], []
    if re.search(r"[\u2010-\u2015\u2212]", written):
        hints_vi.append("giữa các cụm từ dùng gạch nối (-), không dùng gạch ngang dài (–, —)")
        hints_en.append("the phrases are joined by hyphens (-), not dashes (–, —)")
    elif re.search(r"\S-|-\S", written):
        hints_vi.append("trước và sau gạch nối có cách chữ")
        hints_en.append("a space goes on each side of the hyphens")
    if written.casefold() == MOTTO.casefold() or not hints_vi:
        hints_vi.append("chữ cái đầu của các cụm từ viết hoa, còn lại in thường")
        hints_en.append("each phrase begins with a capital, the rest in lower case")
    yield Issue(message=f"Tiêu ngữ viết «{line.text.strip()}»; phải viết «{MOTTO}» ("
                + "; ".join(hints_vi) + ").",
                message_en=f"the motto reads «{line.text.strip()}»; it must read «{MOTTO}» ("
                + "; ".join(hints_en) + ")", where=line.location())


def check_motto_format(document: LintDocument) -> Checked:
    """The motto is bold, upright, 13-14 pt, centred under the Quốc hiệu."""
    line = document.first(DocumentPart.MOTTO)
    if line is None:
        yield not_found(DocumentPart.MOTTO)
        return
    yield from _format_issue(line, "Tiêu ngữ", "the motto",
                             _format(line, low=13, high=14, bold=True, italic=False,
                                     centred=True))


def rule_under(document: LintDocument, part: DocumentPart,
               siblings: tuple[DocumentPart, ...]) -> bool:
    """Whether a rule is drawn under the part's last line.

    By the line itself (a bottom border, a line shape, an underline), by an
    empty paragraph after it (a border: phongtrao's templates and most Word
    files), or by a line shape anchored in a paragraph of the same column
    among ``siblings`` (where a line drawn with Word's shapes is anchored).
    """
    paragraphs = document.part(part)
    text = [paragraph for paragraph in paragraphs if paragraph.is_text]
    if not text:
        return False
    last = text[-1]
    runs = last.visible_runs
    if last.draws_rule_below or (runs and all(run.underline for run in runs)):
        return True
    if any(not paragraph.is_text and (paragraph.draws_rule_below or paragraph.border_top)
           for paragraph in paragraphs if paragraph.index >= last.index):
        return True
    return any(paragraph.has_line_shape for paragraph in document.part(*siblings)
               if paragraph.column == last.column)


def check_motto_rule(document: LintDocument) -> Checked:
    """A solid rule under the motto, as long as it."""
    line = document.first(DocumentPart.MOTTO)
    if line is None:
        yield not_found(DocumentPart.MOTTO)
        return
    if not rule_under(document, DocumentPart.MOTTO,
                      (DocumentPart.NATIONAL_NAME, DocumentPart.MOTTO, DocumentPart.DATE)):
        yield Issue(message="Dưới Tiêu ngữ không có đường kẻ ngang; phía dưới Tiêu ngữ có đường "
                    "kẻ ngang, nét liền, dài bằng dòng chữ.",
                    message_en="no rule under the motto; a solid rule as long as the line goes "
                    "under it", where=line.location())


# -- Tên cơ quan ban hành ------------------------------------------------------------------


def check_issuer_format(document: LintDocument) -> Checked:
    """The issuing body in capitals, bold, 12-13 pt (its parent body above it not bold)."""
    lines = document.lines(DocumentPart.ISSUER)
    if not lines:
        if document.first(DocumentPart.NATIONAL_NAME) is not None:
            yield missing(DocumentPart.ISSUER,
                          "Không tìm thấy tên cơ quan, tổ chức ban hành văn bản ở đầu trang "
                          "thứ nhất, bên trái Quốc hiệu.",
                          "no issuing body at the top of page 1, left of the Quốc hiệu")
        else:
            yield not_found(DocumentPart.ISSUER)
        return
    # The issuing body is the bold lines at the end; a regular line above them is its parent.
    issuer_start = len(lines) - 1
    while issuer_start > 0 and lines[issuer_start - 1].bold:
        issuer_start -= 1
    if not lines[issuer_start].bold:
        issuer_start = len(lines) - 1
    for position, line in enumerate(lines):
        is_issuer = position >= issuer_start
        problems = _format(line, low=12, high=13, bold=True if is_issuer else None,
                           italic=False, upper=True)
        what = ("Tên cơ quan ban hành", "the issuing body") if is_issuer else (
            "Tên cơ quan chủ quản", "the parent body")
        yield from _format_issue(line, *what, problems)


def check_issuer_rule(document: LintDocument) -> Checked:
    """A short solid rule under the issuing body."""
    lines = document.lines(DocumentPart.ISSUER)
    if not lines:
        yield not_found(DocumentPart.ISSUER)
        return
    if not rule_under(document, DocumentPart.ISSUER, (DocumentPart.ISSUER, DocumentPart.NUMBER)):
        yield Issue(message="Dưới tên cơ quan ban hành không có đường kẻ ngang; phía dưới có "
                    "đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 dòng chữ, đặt cân đối.",
                    message_en="no rule under the issuing body; a solid rule, 1/3 to 1/2 of "
                    "the line's length, goes centred under it", where=lines[-1].location())


# -- Số, ký hiệu ---------------------------------------------------------------------------

_NUMBER_LINE = re.compile(
    r"^(?P<word>[^\s:/\d]+)(?P<colon>\s*:)?\s*(?P<rest>.*)$", re.DOTALL)
_NUMBER = re.compile(r"^(?P<number>\d*)(?P<gap>\s*)/(?P<tail>.*)$")


def _number_parts(line: LintParagraph) -> tuple[str, bool, str]:
    """The word before the number ("Số"), whether a colon follows it, and the rest."""
    text = line.text.strip()
    match = _NUMBER_LINE.match(text)
    if match is None:  # pragma: no cover - the pattern matches any text
        return text, False, ""
    return match["word"], bool(match["colon"]), match["rest"]


def _symbol(line: LintParagraph) -> str | None:
    rest = _number_parts(line)[2]
    match = _NUMBER.match(rest.strip()) if "/" in rest else None
    if match is None:
        return None
    tail = match["tail"].strip()
    return tail.rsplit("/", 1)[-1].strip() if "/" in tail else tail


def check_number_form(document: LintDocument) -> Checked:
    """``Số: 15/KH-UBND``: "Số" and a colon, ``/`` before the symbol, ``-`` inside it, no spaces."""
    line = document.first(DocumentPart.NUMBER)
    if line is None:
        if document.first(DocumentPart.NATIONAL_NAME) is None:
            yield not_found(DocumentPart.NUMBER)
            return
        yield missing(DocumentPart.NUMBER, "Không tìm thấy số, ký hiệu văn bản («Số: …/…») "
                      "dưới tên cơ quan ban hành.",
                      "no number and symbol («Số: …/…») under the issuing body")
        return
    word, colon, rest = _number_parts(line)
    problems_vi, problems_en = [], []
    if word != "Số":
        problems_vi.append(f"viết «{word}» (từ «Số» viết chữ in thường)")
        problems_en.append(f"«{word}» is written for «Số» (in lower case after the S)")
    if not colon:
        problems_vi.append("thiếu dấu hai chấm sau từ «Số»")
        problems_en.append("no colon after «Số»")
    match = _NUMBER.match(rest.strip())
    if match is None:
        problems_vi.append("thiếu dấu gạch chéo (/) giữa số và ký hiệu")
        problems_en.append("no slash (/) between the number and the symbol")
    else:
        tail = match["tail"]
        if match["number"] and match["gap"]:
            problems_vi.append("có khoảng trắng giữa số và dấu gạch chéo")
            problems_en.append("a space between the number and the slash")
        if not tail.strip():
            problems_vi.append("thiếu ký hiệu sau dấu gạch chéo")
            problems_en.append("no symbol after the slash")
        elif re.search(r"\s", tail.strip()) or tail != tail.lstrip():
            problems_vi.append("ký hiệu có khoảng trắng (giữa các nhóm chữ viết tắt dùng gạch "
                               "nối, không cách chữ)")
            problems_en.append("spaces in the symbol (its groups are joined by '-' with no "
                               "spaces)")
        elif re.search(r"[_.–—,]", tail):
            problems_vi.append("các nhóm chữ viết tắt trong ký hiệu không nối bằng gạch nối (-)")
            problems_en.append("the symbol's groups are not joined by hyphens (-)")
    if problems_vi:
        yield Issue(message=f"Số, ký hiệu «{line.text.strip()}»: " + "; ".join(problems_vi)
                    + " (ví dụ «Số: 15/KH-UBND»).",
                    message_en=f"the number line «{line.text.strip()}»: "
                    + "; ".join(problems_en) + " (like «Số: 15/KH-UBND»)",
                    where=line.location())


def check_number_zero(document: LintDocument) -> Checked:
    """A number below 10 takes a leading zero: ``Số: 03/KH-UBND``."""
    line = document.first(DocumentPart.NUMBER)
    if line is None:
        yield not_found(DocumentPart.NUMBER)
        return
    match = _NUMBER.match(_number_parts(line)[2].strip())
    if match is not None and len(match["number"]) == 1:
        digit = match["number"]
        yield Issue(message=f"Số văn bản viết «{digit}»; số nhỏ hơn 10 phải ghi thêm số 0 phía "
                    f"trước: «0{digit}».",
                    message_en=f"the number is written «{digit}»; numbers below 10 take a "
                    f"leading zero: «0{digit}»", where=line.location())


def check_number_symbol(document: LintDocument) -> Checked:
    """The symbol starts with the tên loại's abbreviation (KH: Kế hoạch); a công văn's has none."""
    line = document.first(DocumentPart.NUMBER)
    if line is None:
        yield not_found(DocumentPart.NUMBER)
        return
    symbol = _symbol(line)
    if not symbol:
        return
    # The groups as written, however they are joined (number-form asks for hyphens).
    first = re.split(r"[-_–—.,\s]", symbol.strip(), maxsplit=1)[0]
    if document.kind_symbol is not None and first != document.kind_symbol:
        yield Issue(message=f"Ký hiệu «{symbol}» không bắt đầu bằng chữ viết tắt của tên loại "
                    f"«{document.kind}» là «{document.kind_symbol}» (ví dụ "
                    f"«{document.kind_symbol}-UBND»).",
                    message_en=f"the symbol «{symbol}» does not start with the abbreviation of "
                    f"«{document.kind}», «{document.kind_symbol}» (like "
                    f"«{document.kind_symbol}-UBND»)", where=line.location())
    elif document.kind is None and document.is_cong_van and first in SYMBOLS:
        yield Issue(message=f"Văn bản là công văn (không có tên loại) nhưng ký hiệu «{symbol}» "
                    f"bắt đầu bằng «{first}» là chữ viết tắt tên loại; ký hiệu công văn gồm "
                    "chữ viết tắt tên cơ quan và đơn vị soạn thảo (ví dụ «UBND-VX»).",
                    message_en=f"the document is a công văn (it has no tên loại) but its symbol "
                    f"«{symbol}» starts with the type abbreviation «{first}»; a công văn's "
                    "symbol is the body's and the drafting unit's (like «UBND-VX»)",
                    where=line.location())


def check_number_format(document: LintDocument) -> Checked:
    """The number line in 13 pt, upright, regular."""
    line = document.first(DocumentPart.NUMBER)
    if line is None:
        yield not_found(DocumentPart.NUMBER)
        return
    yield from _format_issue(line, "Số, ký hiệu", "the number line",
                             _format(line, low=13, high=13, bold=False, italic=False))


# -- Địa danh và thời gian ban hành --------------------------------------------------------

_DATE = re.compile(
    r"^(?P<place>.*?)(?P<comma>,?)\s*ngày(?P<day>[^t]*?)tháng(?P<month>.*?)năm\s*(?P<year>\S*)",
    re.IGNORECASE | re.DOTALL)


def _date(line: LintParagraph) -> re.Match[str] | None:
    return _DATE.match(" ".join(line.text.split()))


def check_date_place(document: LintDocument) -> Checked:
    """``Cẩm Xuyên, ngày …``: the place, capitalised, then a comma."""
    line = document.first(DocumentPart.DATE)
    if line is None:
        if document.first(DocumentPart.NATIONAL_NAME) is None:
            yield not_found(DocumentPart.DATE)
            return
        yield missing(DocumentPart.DATE, "Không tìm thấy địa danh và ngày, tháng, năm ban hành "
                      "dưới Tiêu ngữ.", "no place and date line under the motto")
        return
    match = _date(line)
    if match is None:  # pragma: no cover - the line was found by these words
        return
    place = match["place"].strip()
    if not place:
        yield Issue(message=f"Dòng «{line.text.strip()}» thiếu địa danh; ghi địa danh trước ngày "
                    "tháng, ví dụ «Cẩm Xuyên, ngày 05 tháng 01 năm 2021».",
                    message_en=f"the date line «{line.text.strip()}» names no place; the place "
                    "comes first: «Cẩm Xuyên, ngày 05 tháng 01 năm 2021»",
                    where=line.location())
        return
    problems_vi, problems_en = [], []
    if not match["comma"]:
        problems_vi.append("sau địa danh thiếu dấu phẩy")
        problems_en.append("no comma after the place")
    lower = [word for word in place.split() if word[:1].isalpha() and not word[:1].isupper()]
    if lower:
        problems_vi.append(f"chữ cái đầu của địa danh phải viết hoa («{lower[0]}»)")
        problems_en.append(f"each word of the place begins with a capital («{lower[0]}»)")
    if problems_vi:
        yield Issue(message=f"Dòng «{line.text.strip()}»: " + "; ".join(problems_vi) + ".",
                    message_en=f"the date line «{line.text.strip()}»: " + "; ".join(problems_en),
                    where=line.location())


def check_date_padding(document: LintDocument) -> Checked:
    """Days below 10 and the months 1 and 2 take a leading zero; other months do not."""
    line = document.first(DocumentPart.DATE)
    if line is None:
        yield not_found(DocumentPart.DATE)
        return
    match = _date(line)
    if match is None:  # pragma: no cover - the line was found by these words
        return
    day, month = match["day"].strip(), match["month"].strip()
    problems_vi, problems_en = [], []
    # phongtrao.vi writes the date line as the decree does: compare with what it writes.
    if day.isdigit() and 1 <= int(day) <= 31 and day != day_number(int(day)):
        right = day_number(int(day))
        problems_vi.append(f"ngày «{day}» phải viết «{right}»")
        problems_en.append(f"day «{day}» is written «{right}»")
    if month.isdigit() and 1 <= int(month) <= 12 and month != month_number(int(month)):
        right = month_number(int(month))
        rule_vi = "" if int(month) < 3 else " (chỉ tháng 1, 2 thêm số 0)"
        rule_en = "" if int(month) < 3 else " (only months 1 and 2 take a zero)"
        problems_vi.append(f"tháng «{month}» phải viết «{right}»{rule_vi}")
        problems_en.append(f"month «{month}» is written «{right}»{rule_en}")
    if problems_vi:
        yield Issue(message=f"Dòng «{line.text.strip()}»: " + "; ".join(problems_vi) + ".",
                    message_en=f"the date line «{line.text.strip()}»: " + "; ".join(problems_en),
                    where=line.location())


def check_date_format(document: LintDocument) -> Checked:
    """The date line in italic, 13-14 pt."""
    line = document.first(DocumentPart.DATE)
    if line is None:
        yield not_found(DocumentPart.DATE)
        return
    yield from _format_issue(line, "Địa danh và thời gian ban hành", "the date line",
                             _format(line, low=13, high=14, bold=False, italic=True))


def check_date_position(document: LintDocument) -> Checked:
    """The date line centred under the Quốc hiệu and the motto."""
    line = document.first(DocumentPart.DATE)
    if line is None:
        yield not_found(DocumentPart.DATE)
        return
    national = document.first(DocumentPart.NATIONAL_NAME)
    if line.column is not None and national is not None and line.column != national.column:
        yield Issue(message="Địa danh và thời gian ban hành không nằm dưới Quốc hiệu và Tiêu ngữ; "
                    "dòng này đặt dưới, canh giữa so với Quốc hiệu và Tiêu ngữ.",
                    message_en="the date line is not under the Quốc hiệu and the motto; it goes "
                    "under them, centred", where=line.location())
    elif line.alignment != "center":
        yield Issue(message="Địa danh và thời gian ban hành không canh giữa; dòng này canh giữa "
                    "dưới Quốc hiệu và Tiêu ngữ.",
                    message_en="the date line is not centred; it goes centred under the Quốc "
                    "hiệu and the motto", where=line.location())
