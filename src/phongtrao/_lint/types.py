"""What a lint rule is and what it reports: rules, findings and where they are.

These are the shapes plugins and programs see (through :mod:`phongtrao.hookspecs`
and :func:`phongtrao.lint`); they import nothing heavier than attrs, so the
hook module can name them without loading the document reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING

import attrs

from phongtrao._problems import Severity

if TYPE_CHECKING:
    from phongtrao._lint.document import LintDocument

__all__ = [
    "DocumentPart",
    "Finding",
    "Issue",
    "LintCheck",
    "LintRule",
    "Location",
    "NotEvaluated",
]


class DocumentPart(str, Enum):
    """Thành phần thể thức — the part of a document a rule reads or a finding points at."""

    PAGE = "page"
    PAGE_NUMBER = "page-number"
    ISSUER = "issuer"
    NUMBER = "number"
    NATIONAL_NAME = "national-name"
    MOTTO = "motto"
    DATE = "date"
    TITLE = "title"
    SUBJECT = "subject"
    BASIS = "basis"
    BODY = "body"
    RECIPIENTS = "recipients"
    SIGNATURE = "signature"
    SIGNER = "signer"
    OTHER = "other"

    @property
    def vi(self) -> str:
        """The part's name in the decree's words ("Quốc hiệu", "Nơi nhận")."""
        return _NAMES[self][0]

    @property
    def en(self) -> str:
        """The part's name in English ("national name", "recipients")."""
        return _NAMES[self][1]

    @property
    def in_header(self) -> bool:
        """Whether the part sits in the header block of page 1 (issuer, number, Quốc hiệu…)."""
        return self in _HEADER


_NAMES = {
    DocumentPart.PAGE: ("Định dạng trang", "page setup"),
    DocumentPart.PAGE_NUMBER: ("Số trang", "page numbers"),
    DocumentPart.ISSUER: ("Tên cơ quan ban hành", "header: issuing body"),
    DocumentPart.NUMBER: ("Số, ký hiệu", "header: number and symbol"),
    DocumentPart.NATIONAL_NAME: ("Quốc hiệu", "header: national name (Quốc hiệu)"),
    DocumentPart.MOTTO: ("Tiêu ngữ", "header: motto (Tiêu ngữ)"),
    DocumentPart.DATE: ("Địa danh và thời gian", "header: place and date"),
    DocumentPart.TITLE: ("Tên loại văn bản", "document type name (tên loại)"),
    DocumentPart.SUBJECT: ("Trích yếu", "subject line (trích yếu)"),
    DocumentPart.BASIS: ("Căn cứ ban hành", "legal bases (căn cứ)"),
    DocumentPart.BODY: ("Nội dung", "body"),
    DocumentPart.RECIPIENTS: ("Nơi nhận", "recipients (Nơi nhận)"),
    DocumentPart.SIGNATURE: ("Thẩm quyền, chức vụ người ký", "signature: authority and title"),
    DocumentPart.SIGNER: ("Họ tên người ký", "signature: signer's name"),
    DocumentPart.OTHER: ("Phần khác", "other"),
}
_HEADER = frozenset({DocumentPart.ISSUER, DocumentPart.NUMBER, DocumentPart.NATIONAL_NAME,
                     DocumentPart.MOTTO, DocumentPart.DATE})

#: How many characters of a paragraph a location quotes.
QUOTE_LENGTH = 40


def quote(text: str, length: int = QUOTE_LENGTH) -> str:
    """The first words of ``text``, on one line, cut at a word with "…" when long."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0] if " " in flat[:length] else flat[:length]
    return cut + "…"


@attrs.frozen(kw_only=True)
class Location:
    """Vị trí — where in a document a finding is.

    Attributes:
        part: thành phần — the part of the document (header, body, Nơi nhận …).
        paragraph: đoạn — the paragraph's position in reading order (1 for the
            first; table cells and text boxes included), or None for the page setup
            and the page headers.
        text: trích — the first words of the paragraph.
        page: trang — the page, when known (page 1 for the header block; other
            pages when the file records where its pages break, as Word does).
        section: phần (section) — the section of the page setup, for page rules.
        note: ghi chú — where it is when no paragraph says it ("header of every
            page"), in English.
        note_vi: the same in Vietnamese ("đầu trang của mọi trang").
    """

    part: DocumentPart
    paragraph: int | None = None
    text: str = ""
    page: int | None = None
    section: int | None = None
    note: str = ""
    note_vi: str = ""

    def describe(self, language: str = "en") -> str:
        """The location in words, in ``"en"`` or ``"vi"``.

        ``body paragraph 12 «Căn cứ Luật Thi đua…», page 2`` /
        ``Nội dung, đoạn 12 «Căn cứ Luật Thi đua…», trang 2``.
        """
        vi = language == "vi"
        words = [self.part.vi if vi else self.part.en]
        if self.section is not None:
            words.append(f"{'phần (section)' if vi else 'section'} {self.section}")
        note = self.note_vi if vi else self.note
        if note:
            words.append(note)
        if self.paragraph is not None:
            words.append(f"{'đoạn' if vi else 'paragraph'} {self.paragraph}"
                         + (f" «{self.text}»" if self.text else ""))
        elif self.text:
            words.append(f"«{self.text}»")
        if self.page is not None:
            words.append(f"{'trang' if vi else 'page'} {self.page}")
        return ", ".join(words)

    def __str__(self) -> str:
        return self.describe("en")


@attrs.frozen(kw_only=True)
class Issue:
    """Một vi phạm — what a rule's check reports: one place that breaks the rule.

    Attributes:
        message: thông báo — what is wrong and what is right, in Vietnamese.
        message_en: the same in English.
        where: vị trí — where it is.
    """

    message: str
    message_en: str
    where: Location


@attrs.frozen(kw_only=True)
class NotEvaluated:
    """Chưa đánh giá — a rule that could not be evaluated on this document, and why.

    A check yields this instead of passing when it cannot tell: the part it
    reads is an image (a scanned page), or the page count is not known.

    Attributes:
        reason: lý do — why, in Vietnamese.
        reason_en: the same in English.
        where: vị trí — the part it could not read.
    """

    reason: str
    reason_en: str
    where: Location


#: A rule's check: reads a document and yields each issue, or why it cannot tell.
LintCheck = Callable[["LintDocument"], Iterable[Issue | NotEvaluated]]


@attrs.frozen(kw_only=True)
class LintRule:
    """Một quy tắc thể thức — one rule ``phongtrao lint`` checks documents against.

    The built-in rules follow Nghị định 30/2020/NĐ-CP; a plugin adds its own
    (a province's house rules) with the hook ``phongtrao_lint_rules``.

    Attributes:
        code: mã — a stable code (``margin-left``); a plugin prefixes its codes
            with its name (``ha-tinh-…``). Codes are unique.
        severity: mức độ — error when the decree states the rule, warning for
            practice the decree leaves open.
        part: thành phần — the part of the document the rule reads.
        summary: nội dung — what the rule checks, in Vietnamese.
        summary_en: the same in English.
        basis: căn cứ — where the rule comes from: the decree's appendix, part and
            item (``Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục I, khoản 3``),
            or ``practice: …``.
        example: ví dụ — what conforms, as the document shows it.
        check: kiểm tra — reads a :class:`~phongtrao.hookspecs.LintDocument` and
            yields an :class:`Issue` for each place that breaks the rule, or a
            :class:`NotEvaluated` when it cannot tell.
        needs_text: cần văn bản — whether the rule reads the document's text; in a
            document without any (a scanned image) it is not evaluated.
    """

    code: str
    severity: Severity
    part: DocumentPart
    summary: str
    summary_en: str
    basis: str
    example: str
    check: LintCheck = attrs.field(eq=False, repr=False)
    needs_text: bool = True


@attrs.frozen(kw_only=True)
class Finding:
    """Một phát hiện — one thing a document does not do as its rule says, and where.

    Attributes:
        code: mã — the rule's code (``margin-left``), from ``phongtrao.LINT_RULES``
            or a plugin.
        severity: mức độ — error (the decree states the rule) or warning (practice).
        message: thông báo — what is wrong and what is right, in Vietnamese.
        message_en: the same in English.
        where: vị trí — where it is (:class:`~phongtrao.hookspecs.Location`).
        basis: căn cứ — the rule's basis: the decree's appendix and item.
        evaluated: đã đánh giá — False when the rule could not be evaluated on this
            document (a scanned image, an unknown page count): the message says
            why. Such a finding is never a pass, and never an error either.
    """

    code: str
    severity: Severity
    message: str
    message_en: str
    where: Location
    basis: str
    evaluated: bool = True

    @property
    def is_error(self) -> bool:
        """Whether the finding makes the document fail: an evaluated error."""
        return self.evaluated and self.severity is Severity.ERROR

    @property
    def verdict(self) -> str:
        """``error``, ``warning`` or ``not evaluated``."""
        return self.severity.value if self.evaluated else "not evaluated"

    def __str__(self) -> str:
        return f"{self.where}: {self.verdict} {self.code}: {self.message_en} [{self.basis}]"
