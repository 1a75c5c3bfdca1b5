"""The registry's rows from the installed ``vietnam-provinces``, whatever release it is.

What the installed release offers is detected, not read from its version:

- every release from 2025.8 has the units from 2025-07-01 (``Province`` and
  ``Ward`` with ``iter_all``, and the division type ``đặc khu``): 34 provinces
  and 3,321 commune-level units, each commune with its province;
- releases from 2026.1 (Python 3.12 or later) also have the units of before
  the reform (the module ``vietnam_provinces.legacy``: provinces, districts
  and communes as the GSO list of 2025-01-04 has them) and which new units
  took over each old one (``get_legacy_sources``).

Anything else — the package missing, a release before 2025.8, a legacy module
of another shape — gives fewer rows and a note saying why; it never fails.
"""

from __future__ import annotations

import datetime
import importlib
import importlib.util
from collections import defaultdict
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import attrs

from phongtrao._units.records import UnitRecord, UnitSource
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, UnitKind
from phongtrao.vi import split_unit_name

__all__ = ["FIRST_DAY", "LEGACY_DATA_DATE", "PackageData", "read_package"]

#: The first day of the two-tier local government: the units of the 2025 list exist from it.
FIRST_DAY = REFORM_DATE + datetime.timedelta(days=1)

#: The day the legacy data of vietnam-provinces 2026.x describes, when the module does not
#: say: its README generates it from the GSO list ``Xa_2025-01-04.csv`` (the data of 0.6.0).
LEGACY_DATA_DATE = datetime.date(2025, 1, 4)

#: The package's division types (their values), as phongtrao's unit kinds.
_KINDS = {
    "tỉnh": UnitKind.TINH,
    "thành phố trung ương": UnitKind.THANH_PHO,
    "thành phố": UnitKind.THANH_PHO,
    "huyện": UnitKind.HUYEN,
    "quận": UnitKind.QUAN,
    "thị xã": UnitKind.THI_XA,
    "xã": UnitKind.XA,
    "phường": UnitKind.PHUONG,
    "thị trấn": UnitKind.THI_TRAN,
    "đặc khu": UnitKind.DAC_KHU,
}
_WIDTH = {Level.TINH: 2, Level.HUYEN: 3, Level.XA: 5}


@attrs.frozen
class PackageData:
    """What the installed vietnam-provinces gives the registry.

    Attributes:
        records: its rows, the units of 2025-07-01 first.
        sources: one per part read (the list of 2025, the list of before the reform).
        before_reform: whether it gives the units of before 2025-07-01.
        notes: why it gives less than a release from 2026.1 would (empty when nothing lacks).
    """

    records: tuple[UnitRecord, ...] = ()
    sources: tuple[UnitSource, ...] = ()
    before_reform: bool = False
    notes: tuple[str, ...] = ()


def _code(value: Any, level: Level) -> str:
    return f"{int(value):0{_WIDTH[level]}d}"


def _kind(division_type: Any, level: Level) -> UnitKind | None:
    kind = _KINDS.get(str(getattr(division_type, "value", division_type)))
    return kind if kind is not None and level in kind.levels else None


def _name(name: str, kind: UnitKind) -> str:
    """"Phường Thuận Hóa" -> "Thuận Hóa"; a name given without its noun stays as it is."""
    words = " ".join(name.split())
    noun = kind.vi + " "
    if words[:len(noun)].casefold() == noun:  # the package's own form: quick
        return words[len(noun):]
    split = split_unit_name(words)
    return split.name if split.kind == kind.value else words


def _version(package: ModuleType) -> str:
    return str(getattr(package, "__version__", "unknown"))


def _data_date(module: ModuleType) -> datetime.date | None:
    value = getattr(module, "__data_version__", None)
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _offers_current(package: ModuleType) -> bool:
    province, ward = getattr(package, "Province", None), getattr(package, "Ward", None)
    types = getattr(package, "VietNamDivisionType", None)
    return (province is not None and ward is not None and types is not None
            and hasattr(province, "iter_all") and hasattr(ward, "iter_all")
            and hasattr(types, "DAC_KHU"))


def _legacy_module(package: ModuleType) -> ModuleType | None:
    """``vietnam_provinces.legacy`` when the release has it, in the shape this reader knows."""
    try:
        if importlib.util.find_spec(f"{package.__name__}.legacy") is None:
            return None
        legacy = importlib.import_module(f"{package.__name__}.legacy")
    except ImportError:
        return None
    wanted = {"Province": "iter_all", "District": "iter_all", "Ward": "iter_all"}
    if not all(hasattr(getattr(legacy, name, None), method) for name, method in wanted.items()):
        return None
    if not hasattr(package.Ward, "get_legacy_sources"):
        return None
    return legacy


def _continuing(package: ModuleType,
                legacy: ModuleType | None) -> tuple[set[str], dict[str, list[str]]]:
    """Province codes that went on unchanged; each old province's successors."""
    if legacy is None or not hasattr(package.Province, "get_legacy_sources"):
        return set(), {}
    continuing: set[str] = set()
    successors: dict[str, list[str]] = defaultdict(list)
    for province in package.Province.iter_all():
        code = _code(province.code, Level.TINH)
        sources = tuple(province.get_legacy_sources())
        for old in sources:
            successors[_code(old.code, Level.TINH)].append(code)
        if (len(sources) == 1 and _code(sources[0].code, Level.TINH) == code
                and split_unit_name(sources[0].name).name == split_unit_name(province.name).name):
            continuing.add(code)
    return continuing, successors


def _current(package: ModuleType,
             continuing: set[str] | None) -> tuple[list[UnitRecord], UnitSource]:
    """The provinces and commune-level units from 2025-07-01.

    ``continuing`` names the provinces known to go on from before the reform
    (None: not known, so each province row holds only from 2025-07-01).
    """
    source_name = f"vietnam-provinces {_version(package)}"
    data_date = _data_date(package)
    source = f"{source_name}, the units from {FIRST_DAY.isoformat()}"
    rows: list[UnitRecord] = []
    for province in package.Province.iter_all():
        kind = _kind(province.division_type, Level.TINH) or UnitKind.TINH
        code = _code(province.code, Level.TINH)
        began = None if continuing is None or code in continuing else FIRST_DAY
        rows.append(UnitRecord(
            unit=AdministrativeUnit(name=_name(province.name, kind), level=Level.TINH, kind=kind,
                                    code=code, valid_from=began),
            source=source, as_of=data_date,
            known_from=FIRST_DAY if began is None else None,
        ))
    communes = 0
    for ward in package.Ward.iter_all():
        ward_kind = _kind(ward.division_type, Level.XA)
        if ward_kind is None:
            continue  # a division type this reader does not know: left out, never misfiled
        communes += 1
        rows.append(UnitRecord(
            unit=AdministrativeUnit(name=_name(ward.name, ward_kind), level=Level.XA,
                                    kind=ward_kind,
                                    code=_code(ward.code, Level.XA), valid_from=FIRST_DAY),
            source=source, province=_code(ward.province_code, Level.TINH), as_of=data_date,
        ))
    gives = (f"{len(rows) - communes} provinces and {communes:,} commune-level units from "
             f"{FIRST_DAY.isoformat()}")
    return rows, UnitSource(name=source_name, data_date=data_date, gives=gives, rows=len(rows))


def _ward_successors(package: ModuleType) -> dict[str, list[str]]:
    successors: dict[str, list[str]] = defaultdict(list)
    for ward in package.Ward.iter_all():
        code = _code(ward.code, Level.XA)
        for old in ward.get_legacy_sources():
            successors[_code(old.code, Level.XA)].append(code)
    return successors


def _sorted(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(codes), key=int))


def _legacy(package: ModuleType, legacy: ModuleType, continuing: set[str],
            province_successors: dict[str, list[str]]) -> tuple[list[UnitRecord], UnitSource]:
    """The provinces, districts and communes of before 2025-07-01, with their successors."""
    source_name = f"vietnam-provinces {_version(package)} (vietnam_provinces.legacy)"
    as_of = _data_date(legacy) or LEGACY_DATA_DATE
    source = f"{source_name}, the units before {FIRST_DAY.isoformat()} as of {as_of.isoformat()}"
    rows: list[UnitRecord] = []
    for province in legacy.Province.iter_all():
        kind = _kind(province.division_type, Level.TINH) or UnitKind.TINH
        code = _code(province.code, Level.TINH)
        goes_on = code in continuing
        rows.append(UnitRecord(
            unit=AdministrativeUnit(name=_name(province.name, kind), level=Level.TINH, kind=kind,
                                    code=code, valid_until=None if goes_on else REFORM_DATE),
            source=source, as_of=as_of, known_until=REFORM_DATE if goes_on else None,
            successors=() if goes_on else _sorted(province_successors.get(code, ())),
        ))
    ward_successors = _ward_successors(package)
    wards: list[tuple[Any, UnitKind]] = []
    by_district: dict[str, set[str]] = defaultdict(set)
    for ward in legacy.Ward.iter_all():
        ward_kind = _kind(ward.division_type, Level.XA)
        if ward_kind is None:
            continue
        wards.append((ward, ward_kind))
        district = _code(ward.district_code, Level.HUYEN)
        by_district[district].update(ward_successors.get(_code(ward.code, Level.XA), ()))
    districts: dict[str, str] = {}
    for district in legacy.District.iter_all():
        district_kind = _kind(district.division_type, Level.HUYEN)
        if district_kind is None:
            continue
        code = _code(district.code, Level.HUYEN)
        districts[code] = _code(district.province_code, Level.TINH)
        rows.append(UnitRecord(
            unit=AdministrativeUnit(name=_name(district.name, district_kind), level=Level.HUYEN,
                                    kind=district_kind, code=code, valid_until=REFORM_DATE),
            source=source, province=districts[code], as_of=as_of,
            successors=_sorted(by_district.get(code, ())),
        ))
    for ward, ward_kind in wards:
        code = _code(ward.code, Level.XA)
        district_code = _code(ward.district_code, Level.HUYEN)
        rows.append(UnitRecord(
            unit=AdministrativeUnit(name=_name(ward.name, ward_kind), level=Level.XA,
                                    kind=ward_kind,
                                    code=code, valid_until=REFORM_DATE),
            source=source, province=districts.get(district_code), district=district_code,
            as_of=as_of,
            successors=_sorted(ward_successors.get(code, ())),
        ))
    counts = {level: sum(row.unit.level is level for row in rows) for level in _WIDTH}
    gives = (f"{counts[Level.TINH]} provinces, {counts[Level.HUYEN]} districts and "
             f"{counts[Level.XA]:,} commune-level units before {FIRST_DAY.isoformat()}, "
             "with their successors")
    return rows, UnitSource(name=source_name, data_date=as_of, gives=gives, rows=len(rows))


def read_package() -> PackageData:
    """The rows the installed vietnam-provinces gives (none, with a note, when it is missing)."""
    try:
        package = importlib.import_module("vietnam_provinces")
    except ImportError:
        return PackageData(notes=(
            ("vietnam-provinces is not installed, so the registry has only the units plugins "
             "add; install it with pip install 'phongtrao[units]'"),))
    if not _offers_current(package):
        return PackageData(notes=(
            (f"vietnam-provinces {_version(package)} is installed, but it does not give the "
             f"units from {FIRST_DAY.isoformat()} (they need vietnam-provinces 2025.8 or "
             "later), so the registry has only the units plugins add"),))
    legacy = _legacy_module(package)
    if legacy is None:
        rows, source = _current(package, None)
        return PackageData(records=tuple(rows), sources=(source,), notes=(
            (f"vietnam-provinces {_version(package)} gives no units of before "
             f"{FIRST_DAY.isoformat()} (releases from 2026.1, on Python 3.12 or later, do), so "
             "the registry has those only from plugins"),))
    continuing, province_successors = _continuing(package, legacy)
    rows, source = _current(package, continuing)
    old_rows, old_source = _legacy(package, legacy, continuing, province_successors)
    return PackageData(records=(*rows, *old_rows), sources=(source, old_source),
                       before_reform=True)
