"""Awards: who may be awarded what, by whom, on which criteria."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._time import PartialDate
from phongtrao.model._units import Level

__all__ = ["Authority", "AuthorityTitle", "AwardForm", "AwardGrant", "Awards", "RecipientKind"]


class AwardForm(str, Enum):
    """Hình thức khen thưởng — a form of award or cultural title."""

    GIAY_KHEN = "giay_khen"
    BANG_KHEN = "bang_khen"
    GIA_DINH_VAN_HOA = "gia_dinh_van_hoa"
    THON_VAN_HOA = "thon_van_hoa"
    XA_TIEU_BIEU = "xa_tieu_bieu"

    @property
    def vi(self) -> str:
        """The form's name as written in a plan, such as "Giấy khen"."""
        return _FORM_NAMES[self]


_FORM_NAMES = {
    AwardForm.GIAY_KHEN: "Giấy khen",
    AwardForm.BANG_KHEN: "Bằng khen",
    AwardForm.GIA_DINH_VAN_HOA: "danh hiệu “Gia đình văn hóa”",
    AwardForm.THON_VAN_HOA: "danh hiệu “Thôn, tổ dân phố văn hóa”",
    AwardForm.XA_TIEU_BIEU: "danh hiệu “Xã, phường, thị trấn tiêu biểu”",
}


class AuthorityTitle(str, Enum):
    """Người có thẩm quyền — the office that signs an award."""

    CHU_TICH_UBND = "chu_tich_ubnd"
    BO_TRUONG = "bo_truong"
    THU_TUONG = "thu_tuong"
    CHU_TICH_NUOC = "chu_tich_nuoc"

    @property
    def vi(self) -> str:
        """The office in Vietnamese, such as "Chủ tịch UBND"."""
        return _TITLE_NAMES[self]


_TITLE_NAMES = {
    AuthorityTitle.CHU_TICH_UBND: "Chủ tịch UBND",
    AuthorityTitle.BO_TRUONG: "Bộ trưởng",
    AuthorityTitle.THU_TUONG: "Thủ tướng Chính phủ",
    AuthorityTitle.CHU_TICH_NUOC: "Chủ tịch nước",
}


def _title_fits_level(instance: Authority, attribute: Any, level: Level) -> None:
    central = instance.title is not AuthorityTitle.CHU_TICH_UBND
    if central and level is not Level.TRUNG_UONG:
        raise ModelError(
            "level",
            f"a {instance.title.vi} acts at the central level; expected level 'trung_uong', "
            f"got {level.value!r}",
        )
    if not central and level is Level.TRUNG_UONG:
        raise ModelError(
            "level",
            "a Chủ tịch UBND acts at a local level; expected 'tinh', 'huyen' or 'xa'",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Authority(Model):
    """Thẩm quyền khen thưởng — an office at a level, such as Chủ tịch UBND cấp huyện."""

    title: AuthorityTitle = attrs.field(
        metadata=describe("Chức danh", "office: chu_tich_ubnd, bo_truong, thu_tuong, "
                          "chu_tich_nuoc", "chu_tich_ubnd")
    )
    level: Level = attrs.field(
        validator=_title_fits_level,
        metadata=describe("Cấp", "level the office acts at", "huyen"),
    )


class RecipientKind(str, Enum):
    """Đối tượng khen thưởng — who may receive an award."""

    TAP_THE = "tap_the"
    CA_NHAN = "ca_nhan"
    GIA_DINH = "gia_dinh"
    THON = "thon"
    XA = "xa"
    CO_QUAN = "co_quan"

    @property
    def vi(self) -> str:
        """The recipients in Vietnamese, plural as plans write them ("tập thể", "cá nhân")."""
        return _RECIPIENT_NAMES[self]


_RECIPIENT_NAMES = {
    RecipientKind.TAP_THE: "tập thể",
    RecipientKind.CA_NHAN: "cá nhân",
    RecipientKind.GIA_DINH: "gia đình",
    RecipientKind.THON: "thôn, tổ dân phố",
    RecipientKind.XA: "xã, phường, thị trấn",
    RecipientKind.CO_QUAN: "cơ quan, đơn vị, doanh nghiệp",
}


def _some_recipients(instance: Any, attribute: Any, value: tuple[RecipientKind, ...]) -> None:
    if not value:
        raise ModelError(attribute.name, "no recipients; expected at least one, like 'tap_the'")
    if len(set(value)) != len(value):
        raise ModelError(attribute.name, "a recipient kind is listed twice; expected each once")


def _check_quota(instance: AwardGrant, attribute: Any, quota: int | None) -> None:
    if quota is not None and quota < 1:
        raise ModelError("quota", f"a quota of {quota} awards nobody; expected 1 or more")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AwardGrant(Model):
    """Hình thức khen thưởng dự kiến — one form of award, its authority and recipients."""

    form: AwardForm = attrs.field(
        metadata=describe("Hình thức", "form of award", "giay_khen")
    )
    authority: Authority = attrs.field(
        metadata=describe("Thẩm quyền", "who awards it")
    )
    recipients: tuple[RecipientKind, ...] = attrs.field(
        validator=_some_recipients,
        metadata=describe("Đối tượng", "who may receive it", ["tap_the", "ca_nhan"]),
    )
    criteria: str | None = attrs.field(
        default=None,
        metadata=describe("Tiêu chuẩn", "criteria, after the recipients",
                          "có thành tích tiêu biểu, xuất sắc"),
    )
    quota: int | None = attrs.field(
        default=None,
        validator=_check_quota,
        metadata=describe("Số lượng tối đa", "how many at most, if limited", 10),
    )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Awards(Model):
    """Thi đua, khen thưởng — who selects the recipients, on what criteria, with what awards.

    Rendered as "Giao <lead> chủ trì, phối hợp với <coordinators> xét, lựa chọn
    các <recipients> <criteria>."
    """

    lead: str = attrs.field(
        metadata=describe("Đơn vị chủ trì", "the unit that leads the selection",
                          "Phòng Văn hóa - Thông tin"),
    )
    coordinators: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Đơn vị phối hợp", "the units that work with it"),
    )
    recipients: tuple[RecipientKind, ...] = attrs.field(
        validator=_some_recipients,
        metadata=describe("Đối tượng", "who may be selected", ["tap_the", "ca_nhan"]),
    )
    criteria: str = attrs.field(
        metadata=describe("Tiêu chuẩn", "what they must have done, after the recipients",
                          "có thành tích xuất sắc trong 20 năm thực hiện phong trào"),
    )
    grants: tuple[AwardGrant, ...] = attrs.field(
        default=(),
        metadata=describe("Hình thức khen thưởng", "the awards to be given"),
    )
    deadline: PartialDate | None = attrs.field(
        default=None,
        metadata=describe("Hạn nộp hồ sơ", "when the dossiers are due", "2021-05-15"),
    )
