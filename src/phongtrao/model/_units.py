"""Administrative units and agencies: who issues a plan, and where."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import ALIASES
from phongtrao.model._fields import Model, converting, describe, model

__all__ = ["REFORM_DATE", "AdministrativeUnit", "Agency", "Level", "UnitKind"]

#: The last day the three-tier local government operated (Vietnam's 2025 reform):
#: from 2025-07-01 districts (huyện, quận, thị xã, thành phố thuộc tỉnh) and
#: thị trấn no longer exist.
REFORM_DATE = datetime.date(2025, 6, 30)


class Level(str, Enum):
    """Cấp hành chính — the administrative level, ordered from the commune up."""

    XA = "xa"
    HUYEN = "huyen"
    TINH = "tinh"
    TRUNG_UONG = "trung_uong"

    @property
    def rank(self) -> int:
        """Position from the bottom (xã 0, huyện 1, tỉnh 2, trung ương 3)."""
        return list(Level).index(self)

    @property
    def vi(self) -> str:
        """The level's name in Vietnamese, lower case ("xã", "huyện" …)."""
        return _LEVEL_VI[self]


_LEVEL_VI = {
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
}


#: English words a user may write for a level or a unit kind, and the value meant.
ALIASES["Level"] = {
    "commune": "xa", "ward": "xa", "district": "huyen", "province": "tinh",
    "central": "trung_uong", "national": "trung_uong",
}
ALIASES["UnitKind"] = {
    "province": "tinh", "city": "thanh_pho", "district": "huyen", "urban_district": "quan",
    "commune": "xa", "ward": "phuong", "township": "thi_tran", "special_zone": "dac_khu",
    "country": "quoc_gia",
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
        metadata=describe("Cấp hành chính", "administrative level: xa, huyen, tinh, trung_uong",
                          "huyen"),
    )
    kind: UnitKind = attrs.field(
        validator=_kind_fits_level,
        metadata=describe(
            "Loại đơn vị",
            "kind of unit: tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, "
            "dac_khu, quoc_gia",
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
    collective: bool = attrs.field(
        default=False,
        metadata=describe("Là tập thể (ký TM.)",
                          "whether it is a collective body, so documents are signed TM.",
                          True),
    )

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
