"""Awards: which forms, by whom, for whom, how many, and at which tier.

Forms of award and kinds of recipient are catalogue data with stable ids, as
the movement's contents are: :class:`AwardForm` and :class:`RecipientKind` list
the national ones with their usual wording; a plan may use other ids (a
plugin's, or its own) and word any of them its own way (``Awards.wording``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import CatalogItem, check_id, unique_ids
from phongtrao.model._time import PartialDate
from phongtrao.model._units import Level

__all__ = [
    "Authority",
    "AuthorityTitle",
    "AwardCount",
    "AwardForm",
    "AwardGrant",
    "Awards",
    "RecipientKind",
]


class AwardForm(str, Enum):
    """Hình thức khen thưởng — the national forms of award and cultural titles, by id."""

    GIAY_KHEN = "giay_khen"
    BANG_KHEN = "bang_khen"
    GIA_DINH_VAN_HOA = "gia_dinh_van_hoa"
    THON_VAN_HOA = "thon_van_hoa"
    XA_TIEU_BIEU = "xa_tieu_bieu"
    GIA_DINH_VAN_HOA_KIEU_MAU = "gia_dinh_van_hoa_kieu_mau"
    TUYEN_DUONG = "tuyen_duong"
    BIEU_DUONG = "bieu_duong"

    @property
    def vi(self) -> str:
        """The form's usual wording, such as "Giấy khen"."""
        return _FORM_NAMES[self]


_FORM_NAMES = {
    AwardForm.GIAY_KHEN: "Giấy khen",
    AwardForm.BANG_KHEN: "Bằng khen",
    AwardForm.GIA_DINH_VAN_HOA: "danh hiệu “Gia đình văn hóa”",
    AwardForm.THON_VAN_HOA: "danh hiệu “Thôn, tổ dân phố văn hóa”",
    AwardForm.XA_TIEU_BIEU: "danh hiệu “Xã, phường, thị trấn tiêu biểu”",
    AwardForm.GIA_DINH_VAN_HOA_KIEU_MAU: "danh hiệu “Gia đình văn hóa kiểu mẫu”",
    AwardForm.TUYEN_DUONG: "Tuyên dương",
    AwardForm.BIEU_DUONG: "Biểu dương",
}


class RecipientKind(str, Enum):
    """Đối tượng khen thưởng — the national kinds of recipient, by id."""

    TAP_THE = "tap_the"
    CA_NHAN = "ca_nhan"
    GIA_DINH = "gia_dinh"
    THON = "thon"
    KHU_PHO = "khu_pho"
    AP = "ap"
    BUON = "buon"
    XA = "xa"
    CO_QUAN = "co_quan"
    BAN_CHI_DAO_CO_SO = "ban_chi_dao_co_so"

    @property
    def vi(self) -> str:
        """The recipients in Vietnamese, as plans write them ("tập thể", "cá nhân")."""
        return _RECIPIENT_NAMES[self]


_RECIPIENT_NAMES = {
    RecipientKind.TAP_THE: "tập thể",
    RecipientKind.CA_NHAN: "cá nhân",
    RecipientKind.GIA_DINH: "gia đình",
    RecipientKind.THON: "thôn, tổ dân phố",
    RecipientKind.KHU_PHO: "khu phố",
    RecipientKind.AP: "ấp",
    RecipientKind.BUON: "buôn",
    RecipientKind.XA: "xã, phường, thị trấn",
    RecipientKind.CO_QUAN: "cơ quan, đơn vị, doanh nghiệp",
    RecipientKind.BAN_CHI_DAO_CO_SO: "Ban Chỉ đạo cơ sở",
}

#: The national wording of every form and recipient kind, by id.
NATIONAL_WORDING: dict[str, str] = {
    **{form.value: form.vi for form in AwardForm},
    **{kind.value: kind.vi for kind in RecipientKind},
}


class AuthorityTitle(str, Enum):
    """Người có thẩm quyền — the office that gives an award."""

    CHU_TICH_UBND = "chu_tich_ubnd"
    GIAM_DOC = "giam_doc"
    CHU_TICH_UBMTTQ = "chu_tich_ubmttq"
    TRUONG_BAN = "truong_ban"
    BO_TRUONG = "bo_truong"
    THU_TUONG = "thu_tuong"
    CHU_TICH_NUOC = "chu_tich_nuoc"

    @property
    def vi(self) -> str:
        """The office in Vietnamese, such as "Chủ tịch UBND"."""
        return _TITLE_NAMES[self]

    @property
    def levels(self) -> frozenset[Level]:
        """The levels the office acts at."""
        return _TITLE_LEVELS[self]

    @property
    def local(self) -> bool:
        """Whether the office belongs to a local unit, named with its level ("cấp huyện")."""
        return self in (AuthorityTitle.CHU_TICH_UBND, AuthorityTitle.CHU_TICH_UBMTTQ)


_TITLE_NAMES = {
    AuthorityTitle.CHU_TICH_UBND: "Chủ tịch UBND",
    AuthorityTitle.GIAM_DOC: "Giám đốc",
    AuthorityTitle.CHU_TICH_UBMTTQ: "Chủ tịch Ủy ban MTTQ Việt Nam",
    AuthorityTitle.TRUONG_BAN: "Trưởng Ban Chỉ đạo",
    AuthorityTitle.BO_TRUONG: "Bộ trưởng",
    AuthorityTitle.THU_TUONG: "Thủ tướng Chính phủ",
    AuthorityTitle.CHU_TICH_NUOC: "Chủ tịch nước",
}
_LOCAL = frozenset({Level.XA, Level.HUYEN, Level.TINH})
_TITLE_LEVELS = {
    AuthorityTitle.CHU_TICH_UBND: _LOCAL,
    AuthorityTitle.GIAM_DOC: frozenset({Level.TINH}),
    AuthorityTitle.CHU_TICH_UBMTTQ: _LOCAL | {Level.TRUNG_UONG},
    AuthorityTitle.TRUONG_BAN: _LOCAL | {Level.TRUNG_UONG},
    AuthorityTitle.BO_TRUONG: frozenset({Level.TRUNG_UONG}),
    AuthorityTitle.THU_TUONG: frozenset({Level.TRUNG_UONG}),
    AuthorityTitle.CHU_TICH_NUOC: frozenset({Level.TRUNG_UONG}),
}


def _title_fits_level(instance: Authority, attribute: Any, level: Level) -> None:
    allowed = instance.title.levels
    if level not in allowed:
        names = ", ".join(repr(item.value) for item in Level if item in allowed)
        raise ModelError(
            "level",
            f"a {instance.title.vi} acts at level {names}, not {level.value!r}; expected "
            f"level {names}",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Authority(Model):
    """Thẩm quyền khen thưởng — an office at a level, such as Chủ tịch UBND cấp huyện."""

    title: AuthorityTitle = attrs.field(
        metadata=describe("Chức danh", "office: chu_tich_ubnd, giam_doc, chu_tich_ubmttq, "
                          "truong_ban, bo_truong, thu_tuong, chu_tich_nuoc", "chu_tich_ubnd")
    )
    level: Level = attrs.field(
        validator=_title_fits_level,
        metadata=describe("Cấp", "level the office acts at", "huyen"),
    )
    body: str | None = attrs.field(
        default=None,
        metadata=describe("Cơ quan", "the body the office heads, named after the title",
                          "Bộ Văn hóa, Thể thao và Du lịch"),
    )
    wording: str | None = attrs.field(
        default=None,
        metadata=describe("Cách gọi riêng", "the office in the issuer's own words, used as "
                          "written", "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
    )


def _some_recipients(instance: Any, attribute: Any, value: tuple[str, ...]) -> None:
    if not value:
        raise ModelError(attribute.name, "no recipients; expected at least one, like 'tap_the'")
    for index, item in enumerate(value):
        check_id(instance, attribute.evolve(name=f"{attribute.name}[{index}]"), item)
    if len(set(value)) != len(value):
        raise ModelError(attribute.name, "a recipient kind is listed twice; expected each once")


def _check_count(instance: AwardCount, attribute: Any, count: int) -> None:
    if count < 1:
        raise ModelError("count", f"a count of {count} awards nobody; expected 1 or more")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AwardCount(Model):
    """Số lượng theo đối tượng — how many of one kind of recipient ("06 tập thể")."""

    recipient: str = attrs.field(
        validator=check_id,
        metadata=describe("Đối tượng", "the kind of recipient, by id", "tap_the",
                          identifier=True))
    count: int = attrs.field(
        validator=_check_count, metadata=describe("Số lượng", "how many", 6))


def _check_quota(instance: AwardGrant, attribute: Any, quota: int | None) -> None:
    if quota is not None and quota < 1:
        raise ModelError("quota", f"a quota of {quota} awards nobody; expected 1 or more")


def _counts_fit(instance: AwardGrant, attribute: Any, counts: tuple[AwardCount, ...]) -> None:
    kinds = [count.recipient for count in counts]
    for index, kind in enumerate(kinds):
        if kind not in instance.recipients:
            raise ModelError(f"counts[{index}].recipient",
                             f"{kind!r} is not among the grant's recipients "
                             f"({', '.join(instance.recipients)}); expected one of them")
        if kind in kinds[:index]:
            raise ModelError(f"counts[{index}].recipient",
                             f"{kind!r} is counted twice; expected one count a kind")
    total = sum(count.count for count in counts)
    quota = instance.quota
    if counts and quota is not None:
        if instance.exact and total != quota:
            raise ModelError("counts", f"the counts add up to {total}, not the total of {quota}; "
                             "expected them to add up to the total")
        if total > quota:
            raise ModelError("counts", f"the counts add up to {total}, more than the most of "
                             f"{quota}; expected at most {quota}")


def _optional_grant_id(instance: Any, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AwardGrant(Model):
    """Hình thức khen thưởng dự kiến — one form of award, its authority, recipients and numbers."""

    id: str | None = attrs.field(
        default=None, validator=_optional_grant_id,
        metadata=describe("Mã", "a stable id nominees and the tờ trình refer to it by",
                          "giay-khen-huyen", identifier=True))
    form: str = attrs.field(
        validator=check_id,
        metadata=describe("Hình thức", "form of award, by id (giay_khen, bang_khen, "
                          "tuyen_duong …)", "giay_khen", identifier=True),
    )
    authority: Authority = attrs.field(
        metadata=describe("Thẩm quyền", "who awards it")
    )
    recipients: tuple[str, ...] = attrs.field(
        validator=_some_recipients,
        metadata=describe("Đối tượng", "who may receive it, by id", ["tap_the", "ca_nhan"],
                          identifier=True),
    )
    criteria: str | None = attrs.field(
        default=None,
        metadata=describe("Tiêu chuẩn", "criteria, after the recipients",
                          "có thành tích tiêu biểu, xuất sắc"),
    )
    quota: int | None = attrs.field(
        default=None,
        validator=_check_quota,
        metadata=describe("Tổng số", "how many in all: at most, or exactly with exact: true",
                          10),
    )
    counts: tuple[AwardCount, ...] = attrs.field(
        default=(),
        validator=_counts_fit,
        metadata=describe("Số lượng theo đối tượng", "how many of each kind of recipient"),
    )
    exact: bool = attrs.field(
        default=False,
        metadata=describe("Số lượng chính xác", "the numbers are exact, not a most", True),
    )
    at: str | None = attrs.field(
        default=None,
        metadata=describe("Tại hội nghị", "the milestone (by id) at which it is given",
                          "hoi-nghi-cap-tinh", identifier=True),
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
    recipients: tuple[str, ...] = attrs.field(
        validator=_some_recipients,
        metadata=describe("Đối tượng", "who may be selected, by id", ["tap_the", "ca_nhan"],
                          identifier=True),
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
    wording: tuple[CatalogItem, ...] = attrs.field(
        default=(),
        validator=unique_ids("wording"),
        metadata=describe("Cách gọi", "the issuer's wording of forms and recipient kinds, by "
                          "id (over the national wording)"),
    )

    def text(self, id: str) -> str | None:
        """The wording of a form or recipient kind: this plan's, else the national one."""
        for item in self.wording:
            if item.id == id:
                return item.text
        return NATIONAL_WORDING.get(id)
