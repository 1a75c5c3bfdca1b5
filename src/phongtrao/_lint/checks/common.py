"""What the checks share: the decree's citations, numbers written both ways, tests on runs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from phongtrao._lint.document import LintDocument, LintParagraph
from phongtrao._lint.types import DocumentPart, Issue, Location, NotEvaluated

__all__ = [
    "APPENDIX_I",
    "DECREE",
    "aggregate",
    "body_paragraphs",
    "cm",
    "is_heading",
    "missing",
    "mm",
    "not_found",
    "pt",
    "size_range",
    "sizes_outside",
]

DECREE = "Nghị định 30/2020/NĐ-CP"
#: Phụ lục I, Phần I: the format and layout of administrative documents.
APPENDIX_I = f"{DECREE}, Phụ lục I, Phần I"

#: How far a length may be off and still be taken as meant (Word stores twips).
TOLERANCE_MM = 0.3
TOLERANCE_PT = 0.25


def _number(value: float, language: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "vi" else text


def mm(value: float, language: str = "en") -> str:
    """A length in millimetres as a reader writes it: ``20 mm``, ``20,5 mm`` in Vietnamese."""
    return f"{_number(value, language)} mm"


def cm(points: float, language: str = "en") -> str:
    """A length given in points, written in centimetres: ``1.27 cm`` / ``1,27 cm``."""
    return f"{_number(points * 2.54 / 72, language)} cm"


def pt(value: float, language: str = "en") -> str:
    """A size in points: ``13 pt`` / ``13,5 pt``."""
    return f"{_number(value, language)} pt"


def size_range(low: float, high: float, language: str = "en") -> str:
    """``13-14 pt`` / ``từ 13 đến 14``, or one size when both are equal."""
    if low == high:
        return pt(low, language)
    if language == "vi":
        return f"từ {_number(low, 'vi')} đến {_number(high, 'vi')}"
    return f"{_number(low, 'en')}-{_number(high, 'en')} pt"


def sizes_outside(paragraph: LintParagraph, low: float, high: float) -> list[float]:
    """The sizes of its visible runs outside ``low``-``high`` (points)."""
    return sorted(size for size in paragraph.sizes
                  if size < low - TOLERANCE_PT or size > high + TOLERANCE_PT)


def missing(part: DocumentPart, vi: str, en: str) -> Issue:
    """An issue for a part of the document that is not there at all."""
    return Issue(message=vi, message_en=en, where=Location(part=part, page=1))


def not_found(part: DocumentPart) -> NotEvaluated:
    """The rule reads a part that is not there (another rule reports it missing)."""
    return NotEvaluated(reason=f"không tìm thấy phần «{part.vi}» để kiểm tra",
                        reason_en=f"the {part.en} was not found, so it could not be checked",
                        where=Location(part=part))


def is_heading(paragraph: LintParagraph) -> bool:
    """A short line set apart as a heading: bold or in capitals, at most 100 characters."""
    text = paragraph.shown.strip()
    return len(text) <= 100 and (paragraph.bold or text.upper() == text)


def body_paragraphs(document: LintDocument, *parts: DocumentPart) -> list[LintParagraph]:
    """The running text of the body (and bases): paragraphs with words, not in tables or boxes."""
    chosen = parts or (DocumentPart.BASIS, DocumentPart.BODY)
    return [paragraph for paragraph in document.lines(*chosen)
            if paragraph.container == "body"]


def fits_one_line(paragraph: LintParagraph, document: LintDocument) -> bool:
    """Whether the paragraph is short enough to stand on one line (alignment cannot show)."""
    width = min((section.text_width for section in document.sections), default=160.0)
    size = max(paragraph.sizes, default=13.0)
    available = width * 72 / 25.4 - paragraph.indent_left - paragraph.indent_right - max(
        paragraph.first_line, 0.0)
    return len(paragraph.shown) * size * 0.45 < available * 0.9


def aggregate(
    paragraphs: Iterable[LintParagraph],
    wrong: Callable[[LintParagraph], object | None],
    message: Callable[[object, LintParagraph, int, str], str],
) -> Iterator[Issue]:
    """One issue per distinct wrong value, at its first paragraph, counting the others.

    ``wrong`` gives a paragraph's wrong value (None when it conforms);
    ``message(value, first, count, language)`` words the issue.
    """
    found: dict[object, list[LintParagraph]] = {}
    for paragraph in paragraphs:
        value = wrong(paragraph)
        if value is not None:
            found.setdefault(value, []).append(paragraph)
    for value, where in found.items():
        first = where[0]
        yield Issue(message=message(value, first, len(where), "vi"),
                    message_en=message(value, first, len(where), "en"),
                    where=first.location())


def also(count: int, language: str) -> str:
    """`` (and 4 more paragraphs)`` / `` (và 4 đoạn khác)`` when a value recurs."""
    if count <= 1:
        return ""
    return f" (và {count - 1} đoạn khác)" if language == "vi" else (
        f" (and {count - 1} more paragraph{'s' if count > 2 else ''})")
