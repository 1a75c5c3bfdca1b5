"""Administrative units and agencies: who issues a plan, and where."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import ALIASES
from phongtrao.model._fields import Model, converting, describe, model

__all__ = ["REFORM_DATE", "AdministrativeUnit", "Agency", "BodyKind", "Level", "UnitKind"]

#: The last day the three-tier local government operated (Vietnam's 2025 reform):
#: from 2025-07-01 districts (huyện, quận, thị xã, thành phố thuộc tỉnh) and
#: thị trấn no longer exist.
REFORM_DATE = datetime.date(2025, 6, 30)


class Level(str, Enum):
    """Cấp — the level of a unit or a tier, ordered from the community up.

    ``thon`` is the community below the commune (thôn, tổ dân phố, khu phố, ấp,
    bản …): not an administrative level, but a tier that holds its own
    conference.
    """

    THON = "thon"
    XA = "xa"
    HUYEN = "huyen"
    TINH = "tinh"
    TRUNG_UONG = "trung_uong"

    @property
    def rank(self) -> int:
        """Position from the bottom (thôn 0, xã 1, huyện 2, tỉnh 3, trung ương 4)."""
        return list(Level).index(self)

    @property
    def vi(self) -> str:
        """The level's name in Vietnamese, lower case ("xã", "huyện" …)."""
        return _LEVEL_VI[self]


_LEVEL_VI = {
    Level.THON: "thôn",
    Level.XA: "xã",
    Level.HUYEN: "huyện",
    Level.TINH: "tỉnh",
    Level.TRUNG_UONG: "trung ương",
}


class UnitKind(str, Enum):
    """Loại đơn vị hành chính — the kind of unit, which gives its generic noun."""

    QUOC_GIA = "quoc_gia"
    TINH = "tinh"
    THANH_PHO = "thanh_pho"
    HUYEN = "huyen"
    QUAN = "quan"
    THI_XA = "thi_xa"
    XA = "xa"
    PHUONG = "phuong"
    THI_TRAN = "thi_tran"
    DAC_KHU = "dac_khu"
    THON = "thon"
    TO_DAN_PHO = "to_dan_pho"
    KHU_PHO = "khu_pho"
    AP = "ap"
    BAN = "ban"
    BUON = "buon"
    LANG = "lang"

    @property
    def vi(self) -> str:
        """The generic noun in lower case ("huyện", "thị trấn"); empty for the state."""
        return _KIND_VI[self]

    @property
    def levels(self) -> frozenset[Level]:
        """The levels a unit of this kind can be at (a thành phố is at tỉnh or huyện level)."""
        return _KIND_LEVELS[self]


_KIND_VI = {
    UnitKind.QUOC_GIA: "",
    UnitKind.TINH: "tỉnh",
    UnitKind.THANH_PHO: "thành phố",
    UnitKind.HUYEN: "huyện",
    UnitKind.QUAN: "quận",
    UnitKind.THI_XA: "thị xã",
    UnitKind.XA: "xã",
    UnitKind.PHUONG: "phường",
    UnitKind.THI_TRAN: "thị trấn",
    UnitKind.DAC_KHU: "đặc khu",
    UnitKind.THON: "thôn",
    UnitKind.TO_DAN_PHO: "tổ dân phố",
    UnitKind.KHU_PHO: "khu phố",
    UnitKind.AP: "ấp",
    UnitKind.BAN: "bản",
    UnitKind.BUON: "buôn",
    UnitKind.LANG: "làng",
}

_KIND_LEVELS = {
    UnitKind.QUOC_GIA: frozenset({Level.TRUNG_UONG}),
    UnitKind.TINH: frozenset({Level.TINH}),
    UnitKind.THANH_PHO: frozenset({Level.TINH, Level.HUYEN}),
    UnitKind.HUYEN: frozenset({Level.HUYEN}),
    UnitKind.QUAN: frozenset({Level.HUYEN}),
    UnitKind.THI_XA: frozenset({Level.HUYEN}),
    UnitKind.XA: frozenset({Level.XA}),
    UnitKind.PHUONG: frozenset({Level.XA}),
    UnitKind.THI_TRAN: frozenset({Level.XA}),
    UnitKind.DAC_KHU: frozenset({Level.XA}),
    **{kind: frozenset({Level.THON}) for kind in (UnitKind.THON, UnitKind.TO_DAN_PHO,
                                                  UnitKind.KHU_PHO, UnitKind.AP, UnitKind.BAN,
                                                  UnitKind.BUON, UnitKind.LANG)},
}


#: English words a user may write for a level or a unit kind, and the value meant.
ALIASES["Level"] = {
    "commune": "xa", "ward": "xa", "district": "huyen", "province": "tinh",
    "central": "trung_uong", "national": "trung_uong", "village": "thon", "community": "thon",
    "to_dan_pho": "thon", "khu_pho": "thon", "ap": "thon", "ban": "thon",
}
ALIASES["UnitKind"] = {
    "province": "tinh", "city": "thanh_pho", "district": "huyen", "urban_district": "quan",
    "commune": "xa", "ward": "phuong", "township": "thi_tran", "special_zone": "dac_khu",
    "country": "quoc_gia", "village": "thon", "hamlet": "ap", "quarter": "khu_pho",
}


def _kind_fits_level(instance: AdministrativeUnit, attribute: Any, kind: UnitKind) -> None:
    if instance.level not in kind.levels:
        allowed = ", ".join(sorted(level.value for level in kind.levels))
        raise ModelError(
            "kind",
            f"a unit of kind {kind.value!r} ({kind.vi or 'the state'}) cannot be at level "
            f"{instance.level.value!r}; expected level {allowed}",
        )


def _until_after_from(
    instance: AdministrativeUnit, attribute: Any, until: datetime.date | None
) -> None:
    if until is not None and instance.valid_from is not None and until < instance.valid_from:
        raise ModelError(
            "valid_until",
            f"the unit stops existing ({until.isoformat()}) before it starts "
            f"({instance.valid_from.isoformat()}); expected a date on or after valid_from",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AdministrativeUnit(Model):
    """Đơn vị hành chính — an administrative unit, valid within a window of dates."""

    name: str = attrs.field(
        metadata=describe("Tên riêng của đơn vị", "proper name, without the generic noun",
                          "Cẩm Xuyên"),
    )
    level: Level = attrs.field(
        metadata=describe("Cấp hành chính",
                          "level: thon, xa, huyen, tinh, trung_uong", "huyen"),
    )
    kind: UnitKind = attrs.field(
        validator=_kind_fits_level,
        metadata=describe(
            "Loại đơn vị",
            "kind of unit: tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, "
            "dac_khu, quoc_gia; below the commune thon, to_dan_pho, khu_pho, ap, ban, buon, "
            "lang",
            "huyen",
        ),
    )
    code: str | None = attrs.field(
        default=None,
        metadata=describe("Mã đơn vị hành chính", "official unit code, if known", "436"),
    )
    valid_from: datetime.date | None = attrs.field(
        default=None,
        metadata=describe("Có hiệu lực từ ngày", "first day the unit existed, if known"),
    )
    valid_until: datetime.date | None = attrs.field(
        default=None,
        validator=_until_after_from,
        metadata=describe("Hết hiệu lực từ sau ngày", "last day the unit existed, if it ended",
                          "2025-06-30"),
    )

    @property
    def full_name(self) -> str:
        """The name with its generic noun in lower case, such as "huyện Cẩm Xuyên"."""
        return f"{self.kind.vi} {self.name}".strip()

    def exists_on(self, day: datetime.date) -> bool:
        """Whether the unit existed on ``day``, by its own window and the 2025 reform."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        if self.valid_until is not None and day > self.valid_until:
            return False
        return not (day > REFORM_DATE and self.abolished_by_reform)

    @property
    def abolished_by_reform(self) -> bool:
        """Whether the 2025 reform ended units like this one (districts and thị trấn)."""
        return self.level is Level.HUYEN or self.kind is UnitKind.THI_TRAN


class BodyKind(str, Enum):
    """Loại cơ quan — the kind of body, which sets how its documents are signed.

    A collective body signs on behalf of itself ("TM. ỦY BAN NHÂN DÂN"); a body
    led by one person is signed by its head, or for the head ("KT. GIÁM ĐỐC").
    """

    UBND = "ubnd"
    HDND = "hdnd"
    BAN_CHI_DAO = "ban_chi_dao"
    CO_QUAN_CHUYEN_MON = "co_quan_chuyen_mon"
    BO = "bo"
    CHINH_PHU = "chinh_phu"
    THU_TUONG = "thu_tuong"
    MAT_TRAN = "mat_tran"
    DOAN_THE = "doan_the"
    DANG = "dang"
    KHAC = "khac"

    @property
    def vi(self) -> str:
        """The kind in Vietnamese ("Ủy ban nhân dân", "cơ quan chuyên môn" …)."""
        return _BODY_VI[self]

    @property
    def collective(self) -> bool:
        """Whether a body of this kind signs on behalf of itself (TM.)."""
        return self in _COLLECTIVE


_BODY_VI = {
    BodyKind.UBND: "Ủy ban nhân dân",
    BodyKind.HDND: "Hội đồng nhân dân",
    BodyKind.BAN_CHI_DAO: "Ban Chỉ đạo",
    BodyKind.CO_QUAN_CHUYEN_MON: "cơ quan chuyên môn (Sở, Phòng, Ban)",
    BodyKind.BO: "Bộ, cơ quan ngang Bộ",
    BodyKind.CHINH_PHU: "Chính phủ",
    BodyKind.THU_TUONG: "Thủ tướng Chính phủ",
    BodyKind.MAT_TRAN: "Ủy ban Mặt trận Tổ quốc Việt Nam",
    BodyKind.DOAN_THE: "tổ chức chính trị - xã hội",
    BodyKind.DANG: "cơ quan của Đảng",
    BodyKind.KHAC: "cơ quan, tổ chức khác",
}
_COLLECTIVE = frozenset({BodyKind.UBND, BodyKind.HDND, BodyKind.BAN_CHI_DAO, BodyKind.CHINH_PHU,
                         BodyKind.MAT_TRAN, BodyKind.DOAN_THE, BodyKind.DANG})


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Agency(Model):
    """Cơ quan, tổ chức — a body that issues or receives documents."""

    name: str = attrs.field(
        metadata=describe("Tên cơ quan (không kèm địa danh)",
                          "name of the body, without the unit it belongs to",
                          "Ủy ban nhân dân"),
    )
    abbreviation: str = attrs.field(
        metadata=describe("Chữ viết tắt tên cơ quan",
                          "standard abbreviation, used in document symbols", "UBND"),
    )
    unit: AdministrativeUnit | None = attrs.field(
        default=None,
        metadata=describe("Đơn vị hành chính của cơ quan",
                          "the administrative unit the body belongs to; none for central bodies"),
    )
    collective: bool | None = attrs.field(
        default=None,
        metadata=describe("Là tập thể (ký TM.)",
                          "whether it is a collective body, so documents are signed TM.; "
                          "by default as its kind says (no kind: not collective)", True),
    )
    kind: BodyKind | None = attrs.field(
        default=None,
        metadata=describe("Loại cơ quan",
                          "kind of body: ubnd, hdnd, ban_chi_dao, co_quan_chuyen_mon, bo, "
                          "chinh_phu, thu_tuong, mat_tran, doan_the, dang, khac", "ban_chi_dao"),
    )
    short_name: str | None = attrs.field(
        default=None,
        metadata=describe("Tên gọi tắt",
                          "the short name it signs and is named by in the text "
                          "(\"TM. BAN CHỈ ĐẠO\")", "Ban Chỉ đạo"),
    )
    header_lines: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Các dòng tên cơ quan ở phần đầu",
                          "the issuing body as printed in the header, one line each; each "
                          "line stays whole", ["BAN CHỈ ĐẠO PHONG TRÀO", "“TOÀN DÂN ĐOÀN KẾT"]),
    )
    chair: str | None = attrs.field(
        default=None,
        metadata=describe("Người đứng đầu (Trưởng ban)",
                          "who chairs the body, as an office", "Bộ trưởng Bộ Văn hóa, Thể thao "
                          "và Du lịch"),
    )
    standing_office: str | None = attrs.field(
        default=None,
        metadata=describe("Cơ quan thường trực",
                          "the body that serves it as standing office",
                          "Bộ Văn hóa, Thể thao và Du lịch"),
    )

    @property
    def signs_collectively(self) -> bool:
        """Whether its documents are signed on its behalf (TM.): as given, else by its kind."""
        if self.collective is not None:
            return self.collective
        return self.kind is not None and self.kind.collective

    @property
    def called(self) -> str:
        """How the text names it, short: its short name, or else its name."""
        return self.short_name or self.name

    @property
    def level(self) -> Level:
        """The body's level (its unit's, or the central level when it has no unit)."""
        return self.unit.level if self.unit is not None else Level.TRUNG_UONG

    @property
    def full_name(self) -> str:
        """The name with its unit, such as "Ủy ban nhân dân huyện Cẩm Xuyên"."""
        if self.unit is None:
            return self.name
        return f"{self.name} {self.unit.full_name}"
