"""The conference's other documents: what each needs beyond what the plan already says.

A summary conference's file holds, besides the Kế hoạch, a đề cương báo cáo,
a giấy mời and its chương trình, a tờ trình đề nghị khen thưởng with its danh
sách, a quyết định khen thưởng, the báo cáo tổng kết and a công văn. Most of
their facts are the plan's — the issuer, the movement, the conference's day,
time, venue and chair, the awards — and are taken from it, so that they
cannot drift apart. What each document adds is here: its own number and day,
whom it is addressed to, who signs it, where it is sent; everything has a
default, so ``documents: {}`` asks for the whole set.

Nominees (:class:`Nominee`) are the people and bodies proposed for an award:
the tờ trình counts them, the quyết định awards them, both list them.
"""

from __future__ import annotations

from typing import Any

import attrs

from phongtrao.model._documents import DocumentNumber, LegalBasis
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import check_id
from phongtrao.model._signature import Signature
from phongtrao.model._time import PartialDate
from phongtrao.model._units import Agency

__all__ = [
    "Decision",
    "Documents",
    "Enactment",
    "Invitation",
    "Issued",
    "Letter",
    "Nominee",
    "Programme",
    "Proposal",
    "ReportOutline",
    "SummaryReport",
]


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Issued(Model):
    """Số, ngày — a document's own number and day; its kind gives the symbol's first part."""

    number: DocumentNumber | None = attrs.field(
        default=None,
        metadata=describe("Số, ký hiệu", "its number and symbol; a draft's '/GM-UBND' by "
                          "default", "15/GM-UBND"))
    date: PartialDate | None = attrs.field(
        default=None,
        metadata=describe("Ngày ban hành", "its day; the plan's year by default", "2021-06-01"))
    place: str | None = attrs.field(
        default=None,
        metadata=describe("Địa danh", "place in the date line; the plan's by default",
                          "Cẩm Xuyên"))


def _issued() -> Issued:
    return Issued()


def _issued_field(words: str = "its number and day") -> Any:
    """The ``issued`` field every document of the set has: its own number and day."""
    return attrs.field(factory=_issued, metadata=describe("Số, ngày", words))


def _issuer_field() -> Any:
    """The ``issuer`` field: a body other than the plan's issuer, when another issues it."""
    return attrs.field(default=None, metadata=describe(
        "Cơ quan ban hành", "the body that issues it; the plan's issuer by default"))


def _signature_field(words: str = "who signs it; the plan's signature by default") -> Any:
    """The ``signature`` field: who signs the document, when not the plan's signer."""
    return attrs.field(default=None, metadata=describe("Chữ ký", words))


def _recipients_field(words: str, example: list[str]) -> Any:
    """The ``recipients`` field: Nơi nhận, ``words`` saying its default."""
    return attrs.field(default=(), metadata=describe("Nơi nhận", words, example))


def _optional_id(instance: Any, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Invitation(Model):
    """Giấy mời (GM) — the invitation to the issuer's conference."""

    issued: Issued = _issued_field()
    conference: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Hội nghị", "the milestone (by id) of the conference it invites to; "
                          "the issuer's own conference by default", "hoi-nghi-cap-huyen",
                          identifier=True))
    to: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Kính gửi / Trân trọng kính mời", "who is invited; the conference's participants by "
        "default", ["Đồng chí Bí thư Đảng ủy các xã, thị trấn"]))
    prepare: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Đề nghị chuẩn bị", "what the invited bring or prepare",
        ["Các đơn vị được phân công chuẩn bị tham luận"]))
    contact: str | None = attrs.field(default=None, metadata=describe(
        "Liên hệ", "whom to call, with the number", "Đồng chí Nguyễn Văn B, ĐT: 0912 345 678"))
    programme: bool = attrs.field(default=True, metadata=describe(
        "Kèm chương trình", "attach the conference's programme (its agenda)", False))
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; 'Như trên' and 'Lưu: VT' by default",
        ["Như trên", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Programme(Model):
    """Chương trình hội nghị (CTr) — the agenda as a document of its own."""

    issued: Issued = _issued_field()
    conference: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Hội nghị", "the milestone (by id) whose agenda it is; the issuer's "
                          "own conference by default", "hoi-nghi-cap-huyen", identifier=True))
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; 'Các đại biểu dự Hội nghị' "
        "and 'Lưu: VT' by default",
        ["Các đại biểu dự Hội nghị", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Proposal(Model):
    """Tờ trình đề nghị khen thưởng (TTr) — asks the authority to give an award to the nominees."""

    issued: Issued = _issued_field()
    grant: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Hình thức đề nghị", "the grant (by id) proposed; the issuer's own "
                          "award by default", "giay-khen-huyen", identifier=True))
    to: str | None = attrs.field(default=None, metadata=describe(
        "Kính gửi", "the deciding authority; the grant's authority by default",
        "Chủ tịch Ủy ban nhân dân huyện Cẩm Xuyên"))
    proposer: str | None = attrs.field(default=None, metadata=describe(
        "Người trình", "how the decision names who proposes ('Xét đề nghị của …'); the "
        "issuer by default", "Trưởng phòng Nội vụ huyện"))
    bases: tuple[LegalBasis, ...] = attrs.field(default=(), metadata=describe(
        "Căn cứ", "the laws and rules it rests on; the awards law by default"))
    review: str | None = attrs.field(default=None, metadata=describe(
        "Kết quả xét duyệt", "the council's review the proposal follows",
        "Hội đồng Thi đua - Khen thưởng huyện đã họp xét ngày 15/6/2021"))
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; 'Như trên' and 'Lưu: VT' by default",
        ["Như trên", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Decision(Model):
    """Quyết định khen thưởng (QĐ) — the authority gives the award to the nominees."""

    issued: Issued = _issued_field()
    grant: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Hình thức khen thưởng", "the grant (by id) decided; the "
                          "proposal's by default", "giay-khen-huyen", identifier=True))
    bases: tuple[LegalBasis, ...] = attrs.field(default=(), metadata=describe(
        "Căn cứ", "the laws and rules it rests on; the awards law by default"))
    prize: str | None = attrs.field(default=None, metadata=describe(
        "Tiền thưởng", "Điều 2: the prize money and where it comes from, when there is one",
        "Mỗi tập thể được thưởng 1,5 lần mức lương cơ sở; kinh phí từ quỹ thi đua, khen "
        "thưởng huyện"))
    executors: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Thi hành", "Điều 3: who carries it out, besides those awarded",
        ["Chánh Văn phòng HĐND và UBND huyện", "Trưởng phòng Nội vụ huyện"]))
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field(
        "who signs it; the plan's signature without its TM. line by default (the "
        "head decides)")
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients; 'Như Điều 3' and 'Lưu: VT' by default",
        ["Như Điều 3", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class ReportOutline(Model):
    """Đề cương báo cáo — the outline of the report each lower level sends up."""

    as_annex: bool = attrs.field(default=True, metadata=describe(
        "Là phụ lục", "attached to the plan as a Phụ lục (no signature); false: issued as a "
        "Hướng dẫn (HD) of its own", False))
    issued: Issued = _issued_field("its number and day, when issued as a Hướng dẫn")
    report: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Mốc gửi báo cáo", "the report milestone (by id) that gives the "
                          "deadline and the recipient; the first report milestone by default",
                          "bao-cao-cap-xa", identifier=True))
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last, when issued as a Hướng dẫn; "
        "the plan's recipients by default",
        ["UBND các xã, thị trấn", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class SummaryReport(Model):
    """Báo cáo tổng kết (BC) — the skeleton of the issuer's own report, its tables to fill."""

    issued: Issued = _issued_field()
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; the plan's parent and 'Lưu: VT' "
        "by default",
        ["UBND tỉnh Hà Tĩnh", "Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Letter(Model):
    """Công văn — the covering letter that sends the plan down (or the report up)."""

    issued: Issued = _issued_field(
        "its number and day: a công văn's symbol has no kind ('12/UBND-VX')")
    about: str | None = attrs.field(default=None, metadata=describe(
        "Trích yếu (V/v)", "what it is about, after 'V/v'; sending the plan by default",
        "triển khai Kế hoạch tổng kết 20 năm thực hiện Phong trào"))
    to: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Kính gửi", "whom it is sent to; the plan's recipients but the archive line by default",
        ["Ủy ban nhân dân các xã, thị trấn"]))
    paragraphs: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Nội dung", "its text; a paragraph sending the plan by default"))
    issuer: Agency | None = _issuer_field()
    signature: Signature | None = _signature_field()
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; 'Như trên' and 'Lưu: VT' by default",
        ["Như trên", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Enactment(Model):
    """Quyết định ban hành kế hoạch — the decision that issues the Kế hoạch attached to it.

    Many ministries and provinces issue a plan this way: the quyết định carries
    the legal bases and the signature of the head; the Kế hoạch follows it,
    under "(Ban hành kèm theo Quyết định số … ngày … của …)", without a number,
    a date line or a Nơi nhận of its own: the plan's recipients receive the
    decision, after "Như Điều 3", unless it gives recipients of its own.
    """

    issued: Issued = _issued_field()
    proposer: str | None = attrs.field(default=None, metadata=describe(
        "Đề nghị của", "whose proposal it follows, for 'Theo đề nghị của …'",
        "Trưởng phòng Văn hóa - Thông tin"))
    bases: tuple[LegalBasis, ...] = attrs.field(default=(), metadata=describe(
        "Căn cứ", "bases of its own, before the plan's; the local government law in force "
        "for an Ủy ban nhân dân by default"))
    executors: tuple[str, ...] = attrs.field(default=(), metadata=describe(
        "Thi hành", "who carries it out", ["Chánh Văn phòng HĐND và UBND huyện"]))
    signature: Signature | None = _signature_field(
        "who signs it; the plan's signature without its TM. line by default")
    recipients: tuple[str, ...] = _recipients_field(
        "its recipients, the archive line last; 'Như Điều 3' and the plan's "
        "recipients by default",
        ["Như Điều 3", "UBND tỉnh (để báo cáo)", "Lưu: VT"])


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Documents(Model):
    """Bộ hồ sơ hội nghị — which other documents the plan's conference needs, and their facts.

    Each is made when it is given here (``invitation: {}`` asks for a giấy mời
    with every default); the Kế hoạch is always made.
    """

    outline: ReportOutline | None = attrs.field(default=None, metadata=describe(
        "Đề cương báo cáo", "the outline of the lower levels' reports"))
    invitation: Invitation | None = attrs.field(default=None, metadata=describe(
        "Giấy mời", "the invitation to the conference"))
    programme: Programme | None = attrs.field(default=None, metadata=describe(
        "Chương trình", "the agenda as a document of its own (a CTr)"))
    proposal: Proposal | None = attrs.field(default=None, metadata=describe(
        "Tờ trình", "the proposal of the awards"))
    decision: Decision | None = attrs.field(default=None, metadata=describe(
        "Quyết định", "the decision on the awards"))
    report: SummaryReport | None = attrs.field(default=None, metadata=describe(
        "Báo cáo tổng kết", "the skeleton of the issuer's report"))
    letter: Letter | None = attrs.field(default=None, metadata=describe(
        "Công văn", "the covering letter"))
    enactment: Enactment | None = attrs.field(default=None, metadata=describe(
        "Quyết định ban hành", "a quyết định that issues the Kế hoạch, attached to it"))


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Nominee(Model):
    """Đối tượng đề nghị khen thưởng — a person, family or body proposed for an award."""

    name: str = attrs.field(metadata=describe(
        "Họ và tên / Tên tập thể", "the name, as the list writes it", "Ông Nguyễn Văn C"))
    recipient: str = attrs.field(validator=check_id, metadata=describe(
        "Đối tượng", "the kind of recipient, by id (tap_the, ca_nhan, gia_dinh, thon …)",
        "ca_nhan", identifier=True))
    position: str | None = attrs.field(default=None, metadata=describe(
        "Chức vụ", "the position, for a person", "Trưởng thôn"))
    unit: str | None = attrs.field(default=None, metadata=describe(
        "Đơn vị", "where the person works or lives, or the body a collective belongs to",
        "thôn Trung Hòa, xã Cẩm Quan"))
    summary: str | None = attrs.field(default=None, metadata=describe(
        "Thành tích tóm tắt", "the achievement, in a line",
        "Có nhiều đóng góp trong xây dựng thôn văn hóa"))
    grant: str | None = attrs.field(
        default=None, validator=_optional_id,
        metadata=describe("Hình thức", "the grant (by id) the nominee is proposed for; the "
                          "only grant by default", "giay-khen-huyen", identifier=True))
