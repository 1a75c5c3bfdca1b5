"""The official units of thành phố Huế, read from vietnam-provinces on first use.

Nothing here is typed by hand except the city's code (46): names, kinds and
codes of the city and its wards and communes come from the ``vietnam-provinces``
package, which carries the units in force from 2025-07-01. The data is loaded
the first time it is needed and kept (importing the package reads a large
table), so loading the plugin or checking a plan of another province costs
nothing.

Names are compared by :func:`key` (:func:`phongtrao.vi.name_key`): Unicode
NFC, case folded, with spaces and dashes ("Chân Mây – Lăng Cô", "Chân Mây -
Lăng Cô") made uniform. A name that some official unit outside Huế also bears
("phường Thuận An" is in Huế and in Thành phố Hồ Chí Minh) never identifies a
unit of Huế by itself; its code must.
"""

from __future__ import annotations

import collections
import datetime
import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, UnitKind
from phongtrao.vi import fold, split_unit_name
from phongtrao.vi import name_key as key

if TYPE_CHECKING:
    from vietnam_provinces import Province, VietNamDivisionType, Ward

__all__ = [
    "CITY_CODE",
    "VALID_FROM",
    "Registry",
    "city",
    "described",
    "fold",
    "key",
    "registry",
    "units",
    "wards",
]

#: The province code of thành phố Huế in the official list (and in vietnam-provinces).
CITY_CODE = 46
#: The first day of the two-tier units: the wards and communes exist from this day.
VALID_FROM = REFORM_DATE + datetime.timedelta(days=1)

def _strip_noun(name: str, kind: UnitKind) -> str:
    """"Phường Thuận Hóa" -> "Thuận Hóa"; a province's name may carry no noun ("Hà Tĩnh")."""
    split = split_unit_name(name)
    return split.name if split.kind == kind.value else name.strip()


class _Entry(NamedTuple):
    """One official unit, as light as comparing names needs (3,355 of them are read)."""

    level: Level
    kind: UnitKind
    name: str
    code: str

    @property
    def unit(self) -> AdministrativeUnit:
        valid_from = VALID_FROM if self.level is Level.XA else None
        return AdministrativeUnit(name=self.name, level=self.level, kind=self.kind,
                                  code=self.code, valid_from=valid_from)


def _province_entry(province: Province) -> _Entry:
    from vietnam_provinces import VietNamDivisionType

    kind = (UnitKind.THANH_PHO
            if province.division_type is VietNamDivisionType.THANH_PHO_TRUNG_UONG
            else UnitKind.TINH)
    return _Entry(Level.TINH, kind, _strip_noun(province.name, kind), f"{int(province.code):02d}")


def _ward_kinds() -> dict[VietNamDivisionType, UnitKind]:
    from vietnam_provinces import VietNamDivisionType

    return {
        VietNamDivisionType.PHUONG: UnitKind.PHUONG,
        VietNamDivisionType.XA: UnitKind.XA,
        VietNamDivisionType.DAC_KHU: UnitKind.DAC_KHU,
    }


def _ward_entry(ward: Ward, kinds: Mapping[VietNamDivisionType, UnitKind]) -> _Entry:
    kind = kinds.get(ward.division_type)
    if kind is None or not ward.name.casefold().startswith(kind.vi + " "):
        # The package changed its data model: better to fail (the plugin is then
        # left out, and says why) than to issue plans under a wrong name.
        raise RuntimeError(
            f"vietnam-provinces gives {ward.name!r} the division type "
            f"{ward.division_type.value!r}; expected a phường, xã or đặc khu named after it"
        )
    return _Entry(Level.XA, kind, _strip_noun(ward.name, kind), f"{int(ward.code):05d}")


@dataclass(frozen=True)
class Registry:
    """The official units of Huế, and what the rest of the country's names tell about them.

    Attributes:
        city: thành phố Huế (level tinh, code "46").
        wards: its wards and communes (level xa, 5-digit codes), ordered by code.
        by_code: every unit of Huế by its code.
        by_name: every unit of Huế by the key of its name, without the generic noun.
        elsewhere: the (level, kind, name key) of every official unit outside Huế,
            and (level, None, name key) for each, so a name given without its noun
            is found too.
        name_counts: how many official units in the country bear each name key.
        kind_name_counts: how many bear each (kind, name key).
    """

    city: AdministrativeUnit
    wards: tuple[AdministrativeUnit, ...]
    by_code: Mapping[str, AdministrativeUnit]
    by_name: Mapping[str, AdministrativeUnit]
    elsewhere: frozenset[tuple[Level, UnitKind | None, str]]
    name_counts: Mapping[str, int]
    kind_name_counts: Mapping[tuple[UnitKind, str], int]

    @property
    def units(self) -> tuple[AdministrativeUnit, ...]:
        """The city first, then its wards and communes."""
        return (self.city, *self.wards)

    def unique_by_name(self, name: str) -> AdministrativeUnit | None:
        """The unit of Huế of this name, when no other official unit bears it."""
        wanted = key(name)
        unit = self.by_name.get(wanted)
        return unit if unit is not None and self.name_counts[wanted] == 1 else None

    def unique_by_kind_and_name(self, kind: UnitKind, name: str) -> AdministrativeUnit | None:
        """The unit of Huế of this kind and name, when no other official unit has both."""
        wanted = key(name)
        unit = self.by_name.get(wanted)
        if unit is None or unit.kind is not kind:
            return None
        return unit if self.kind_name_counts[kind, wanted] == 1 else None

    def exists_elsewhere(self, level: Level, kind: UnitKind | None, name: str) -> bool:
        """Whether an official unit outside Huế has this level, kind (if given) and name."""
        return (level, kind, key(name)) in self.elsewhere

    def closest(self, name: str, count: int = 3, *, level: Level | None = None,
                kind: UnitKind | None = None) -> list[AdministrativeUnit]:
        """The units of Huế whose names are closest to ``name``, best first.

        Names equal but for their marks are the answer when there are any
        ("Thuận Hóa" for "Thuận Hoá" or "Thuan Hoa"); otherwise the names
        ``difflib`` finds similar ("Vỹ Dạ" for "Vĩ Dạ"). Only units at ``level``
        and of ``kind`` are candidates, when they are given: at level tinh,
        the city alone.
        """
        folded = fold(name)
        by_fold: dict[str, list[AdministrativeUnit]] = collections.defaultdict(list)
        for unit in self.units:
            if (level is None or unit.level is level) and (kind is None or unit.kind is kind):
                by_fold[fold(unit.name)].append(unit)
        if folded in by_fold:
            return by_fold[folded][:count]
        found: list[AdministrativeUnit] = []
        for match in difflib.get_close_matches(folded, list(by_fold), n=count, cutoff=0.8):
            found.extend(by_fold[match])
        return found[:count]


@functools.cache
def registry() -> Registry:
    """The official units of Huế, loaded from vietnam-provinces once per process."""
    from vietnam_provinces import Province, ProvinceCode, Ward

    kinds = _ward_kinds()
    provinces = [_province_entry(province) for province in Province.iter_all()]
    communes = [_ward_entry(ward, kinds) for ward in Ward.iter_all()]
    city_code = f"{CITY_CODE:02d}"
    (the_city,) = [entry.unit for entry in provinces if entry.code == city_code]
    ours = tuple(sorted(
        (_ward_entry(ward, kinds).unit
         for ward in Ward.iter_by_province(ProvinceCode(CITY_CODE))),
        key=lambda unit: unit.code or "",
    ))
    our_codes = {unit.code for unit in ours}
    others = [
        *(entry for entry in provinces if entry.code != city_code),
        *(entry for entry in communes if entry.code not in our_codes),
    ]
    elsewhere = frozenset(
        item
        for entry in others
        for item in ((entry.level, entry.kind, key(entry.name)),
                     (entry.level, None, key(entry.name)))
    )
    everything = (*provinces, *communes)
    by_name = {key(unit.name): unit for unit in (the_city, *ours)}
    if len(by_name) != len(ours) + 1:
        raise RuntimeError("two units of thành phố Huế bear the same name in vietnam-provinces")
    return Registry(
        city=the_city,
        wards=ours,
        by_code={unit.code: unit for unit in (the_city, *ours) if unit.code is not None},
        by_name=by_name,
        elsewhere=elsewhere,
        name_counts=collections.Counter(key(entry.name) for entry in everything),
        kind_name_counts=collections.Counter((entry.kind, key(entry.name))
                                             for entry in everything),
    )


def described(unit: AdministrativeUnit) -> str:
    """A unit of Huế for a message: "phường Thuận Hóa of thành phố Huế", "thành phố Huế"."""
    if unit.level is Level.TINH:
        return unit.full_name
    return f"{unit.full_name} of thành phố Huế"


def city() -> AdministrativeUnit:
    """Thành phố Huế: kind thanh_pho, level tinh, code "46"."""
    return registry().city


def wards() -> tuple[AdministrativeUnit, ...]:
    """The wards and communes of Huế (phường, xã, đặc khu), ordered by code."""
    return registry().wards


def units() -> tuple[AdministrativeUnit, ...]:
    """Thành phố Huế, then its wards and communes."""
    return registry().units
