"""Document identity: kinds, numbers and symbols, and the documents a plan cites."""

from __future__ import annotations

import datetime
import re
from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import SCALARS, ConversionError, describe_value, excerpt
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._pending import Pending
from phongtrao.model._time import PartialDate

__all__ = ["Document", "DocumentKind", "DocumentNumber", "LegalBasis"]


class DocumentKind(str, Enum):
    """Loại văn bản — the kind of document; the value is its type symbol.

    Two kinds have no type symbol: a công văn (``CV`` here) and a law
    (``LUAT``), cited by its own number such as ``06/2022/QH15``.
    """

    KH = "KH"
    BC = "BC"
    QD = "QĐ"
    TTR = "TTr"
    GM = "GM"
    TB = "TB"
    HD = "HD"
    CTR = "CTr"
    NQ = "NQ"
    CT = "CT"
    ND = "NĐ"
    TT = "TT"
    QC = "QC"
    CV = "CV"
    LUAT = "LUAT"

    @property
    def vi(self) -> str:
        """The kind's name as cited in a sentence ("Kế hoạch", "Quyết định")."""
        return _KIND_NAMES[self]

    @property
    def symbol(self) -> str | None:
        """The type symbol used in document numbers, or None (công văn, law)."""
        return None if self in (DocumentKind.CV, DocumentKind.LUAT) else self.value


_KIND_NAMES = {
    DocumentKind.KH: "Kế hoạch",
    DocumentKind.BC: "Báo cáo",
    DocumentKind.QD: "Quyết định",
    DocumentKind.TTR: "Tờ trình",
    DocumentKind.GM: "Giấy mời",
    DocumentKind.TB: "Thông báo",
    DocumentKind.HD: "Hướng dẫn",
    DocumentKind.CTR: "Chương trình",
    DocumentKind.NQ: "Nghị quyết",
    DocumentKind.CT: "Chỉ thị",
    DocumentKind.ND: "Nghị định",
    DocumentKind.TT: "Thông tư",
    DocumentKind.QC: "Quy chế",
    DocumentKind.CV: "Công văn",
    DocumentKind.LUAT: "Luật",
}

_SYMBOL = re.compile(r"[^\s/-]+(?:-[^\s/-]+)*")
_NUMBER_TEXT = re.compile(r"(?P<number>\d+)?/(?:(?P<year>\d{4})/)?(?P<symbol>\S+)")

#: What a document number looks like in a plan file, for error messages.
NUMBER_FORMS = "'03/KH-UBND', '235/1999/QĐ-TTg', or '/KH-UBND' while the number is not assigned"


def _check_number(instance: DocumentNumber, attribute: Any, number: int | None) -> None:
    if number is not None and number < 1:
        raise ModelError("number", f"document numbers start at 1, got {number}")


def _check_symbol(instance: DocumentNumber, attribute: Any, symbol: str) -> None:
    if not _SYMBOL.fullmatch(symbol):
        raise ModelError(
            "symbol",
            f"{excerpt(symbol)} is not a document symbol; expected parts joined by '-' with no "
            "spaces or slashes, like 'KH-UBND'",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class DocumentNumber(Model):
    """Số, ký hiệu — a document's number and symbol, written ``03/KH-UBND`` in plan files."""

    number: int | None = attrs.field(
        default=None,
        validator=_check_number,
        metadata=describe("Số văn bản", "number, restarting each year; none while drafting", 3),
    )
    year: int | None = attrs.field(
        default=None,
        metadata=describe("Năm ban hành (trong số hiệu)",
                          "year written inside the number, as legal documents have it", 1999),
    )
    symbol: str = attrs.field(
        validator=_check_symbol,
        metadata=describe("Ký hiệu", "symbol after the slash", "KH-UBND"),
    )

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read ``03/KH-UBND``, ``235/1999/QĐ-TTg`` or ``/KH-UBND`` (number not assigned).

        Raises:
            ModelError: when the text has none of those forms.
        """
        if not isinstance(text, str):
            raise ModelError("number", f"expected text, got {describe_value(text)}",
                             cls=cls.__name__, value=text)
        match = _NUMBER_TEXT.fullmatch(text.strip())
        if match is None:
            raise ModelError("number", f"{excerpt(text)} is not a document number; expected "
                             f"{NUMBER_FORMS}", cls=cls.__name__, value=text)
        try:
            return cls(
                number=int(match["number"]) if match["number"] else None,
                year=int(match["year"]) if match["year"] else None,
                symbol=match["symbol"],
            )
        except ModelError as error:
            raise ModelError("number", f"{excerpt(text)}: {error.message}", cls=cls.__name__,
                             value=text) from None

    def __str__(self) -> str:
        number = "" if self.number is None else f"{self.number:02d}"
        year = "" if self.year is None else f"{self.year}/"
        return f"{number}/{year}{self.symbol}"


_NUMBER_WITH_DASH = re.compile(r"(?P<number>\d+)-(?P<symbol>[^\s/]+)")


def to_document_number(value: Any) -> DocumentNumber:
    """A document number from what a plan file may write: ``"03/KH-UBND"``."""
    if isinstance(value, DocumentNumber):
        return value
    if isinstance(value, str):
        try:
            return DocumentNumber.parse(value)
        except ModelError as error:
            dashed = _NUMBER_WITH_DASH.fullmatch(value.strip())
            hint = "" if dashed is None else (
                f" (did you mean '{dashed['number']}/{dashed['symbol']}'?)"
            )
            raise ConversionError(f"{error.message}{hint}", "bad-value") from None
    raise ConversionError(f"expected a number and symbol such as {NUMBER_FORMS}, "
                  f"got {describe_value(value)}")


SCALARS[DocumentNumber] = to_document_number


def _symbol_fits_kind(instance: Document, attribute: Any, number: DocumentNumber) -> None:
    expected = instance.kind.symbol
    if expected is not None and not number.symbol.startswith(expected + "-"):
        raise ModelError(
            "number",
            f"the symbol {excerpt(number.symbol)} does not start with {expected + '-'!r}, the type "
            f"symbol of a {instance.kind.vi}; expected something like '{expected}-UBND'",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Document(Model):
    """Thể thức nhận diện văn bản — the plan's own kind, number, place and date."""

    kind: DocumentKind = attrs.field(
        default=DocumentKind.KH,
        metadata=describe("Loại văn bản", "kind of document, by its type symbol", "KH"),
    )
    number: DocumentNumber = attrs.field(
        validator=_symbol_fits_kind,
        metadata=describe("Số, ký hiệu", "number and symbol", "15/KH-UBND"),
    )
    place: str | None = attrs.field(
        default=None,
        metadata=describe("Địa danh", "place in the date line; defaults to the issuer's unit",
                          "Cẩm Xuyên"),
    )
    date: PartialDate = attrs.field(
        metadata=describe("Ngày ban hành",
                          "issue date; a month or a year while the day is not yet known",
                          "2021-01-15"),
    )


def _check_issuer_text(instance: LegalBasis, attribute: Any, value: str | None) -> None:
    if value is None and instance.title is None and instance.number is None:
        raise ModelError(
            "subject", "a basis needs a number, a title or a subject to be cited by; expected "
            "at least one of them"
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class LegalBasis(Model):
    """Căn cứ — a document the plan is based on.

    Rendered as "Căn cứ <kind> [title] số <number> ngày <date> của <issuer> về <subject>".
    """

    kind: DocumentKind = attrs.field(
        metadata=describe("Loại văn bản", "kind of the cited document", "KH")
    )
    number: DocumentNumber | Pending | None = attrs.field(
        default=None,
        metadata=describe("Số, ký hiệu", "its number and symbol, or a «…» placeholder while "
                          "it is not known", "03/KH-UBND"),
    )
    title: str | None = attrs.field(
        default=None,
        metadata=describe("Tên văn bản", "its name, for documents cited by name (laws)",
                          "Thi đua, khen thưởng"),
    )
    date: datetime.date | Pending | None = attrs.field(
        default=None, metadata=describe("Ngày ban hành", "its date, or a «…» placeholder "
                                        "while it is not known", "2021-01-05")
    )
    issuer: str | None = attrs.field(
        default=None,
        metadata=describe("Cơ quan ban hành", "who issued it, as the plan names them",
                          "UBND tỉnh"),
    )
    subject: str | None = attrs.field(
        default=None,
        validator=_check_issuer_text,
        metadata=describe("Trích yếu", "what it is about, after 'về'",
                          "Kế hoạch hội nghị tổng kết 20 năm …"),
    )
