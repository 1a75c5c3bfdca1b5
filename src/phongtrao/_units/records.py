"""The rows of the unit registry, and the sources they come from."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from phongtrao.model import AdministrativeUnit, Level
from phongtrao.vi import name_key

__all__ = ["UnitRecord", "UnitSource"]


def _code(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not (value.isascii() and value.isdigit()):
        raise ValueError(f"{attribute.name} must be a unit's code, digits only such as '42'; "
                         f"got {value!r}")


def _codes(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for code in value:
        _code(instance, attribute, code)


def _as_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _source(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError("source must say where the row comes from, such as "
                         "'vietnam-provinces 0.3.0 (the GSO list of 2021-02-03)'")


def _window(instance: UnitRecord, attribute: attrs.Attribute[Any],
            value: datetime.date | None) -> None:
    if value is not None and instance.known_from is not None and value < instance.known_from:
        raise ValueError(f"known_until ({value.isoformat()}) is before known_from "
                         f"({instance.known_from.isoformat()}); expected a date on or after it")


@attrs.frozen(kw_only=True)
class UnitRecord:
    """Một dòng của sổ đơn vị — a unit as one source lists it: where it lies, when, from where.

    The registry (:class:`phongtrao.UnitRegistry`) holds the rows of
    ``vietnam-provinces`` and the rows plugins add (``Catalog.unit_records``).
    Several rows may describe one unit (the same level, code, kind and name):
    on a given day the row whose ``as_of`` is nearest that day says where the
    unit lay.

    Attributes:
        unit: đơn vị — the unit: its name, level, kind, code and, when known, the
            first and last day it existed (``valid_from``, ``valid_until``).
        source: nguồn — where the row comes from, so that a reader can find it
            again ("vietnam-provinces 0.3.0 (the GSO list of 2021-02-03)").
        province: mã tỉnh — the code of the province it lies in ("42"); None
            for a province, or when the source does not say.
        district: mã huyện — the code of the district it lay in ("446"), for a
            commune before 2025-07-01; None otherwise.
        as_of: ngày số liệu — the day the source describes, if known.
        known_from: biết từ ngày — the first day the row holds, when that is
            later than the unit's own first day (the list of 2025 holds from
            2025-07-01 for a province that existed before); None: from the
            unit's ``valid_from``.
        known_until: biết đến ngày — the last day the row holds, when earlier
            than the unit's own last day; None: to the unit's ``valid_until``.
        successors: đơn vị kế thừa — the codes of the commune-level units (or
            provinces) that took over its area, when the source says.
    """

    unit: AdministrativeUnit = attrs.field(
        validator=attrs.validators.instance_of(AdministrativeUnit))
    source: str = attrs.field(validator=_source)
    province: str | None = attrs.field(default=None, validator=_code)
    district: str | None = attrs.field(default=None, validator=_code)
    as_of: datetime.date | None = None
    known_from: datetime.date | None = None
    known_until: datetime.date | None = attrs.field(default=None, validator=_window)
    successors: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_codes)

    @property
    def first(self) -> datetime.date:
        """The first day the row holds (``datetime.date.min`` when open)."""
        return self.known_from or self.unit.valid_from or datetime.date.min

    @property
    def last(self) -> datetime.date:
        """The last day the row holds (``datetime.date.max`` when open)."""
        return self.known_until or self.unit.valid_until or datetime.date.max

    def holds(self, first: datetime.date, last: datetime.date) -> bool:
        """Whether the row holds on some day from ``first`` to ``last``."""
        return self.first <= last and first <= self.last

    @property
    def identity(self) -> tuple[Level, int | None, str, str]:
        """What makes two rows describe one unit: level, code, kind and name."""
        unit = self.unit
        code = int(unit.code) if unit.code is not None and unit.code.isdigit() else None
        return unit.level, code, unit.kind.value, name_key(unit.name)


@attrs.frozen(kw_only=True)
class UnitSource:
    """Where the registry's rows come from: a release of vietnam-provinces, or a plugin.

    Attributes:
        name: its name and version ("vietnam-provinces 2025.10.1", "plugin ha-tinh").
        data_date: the day its data describes, when it says (2025-10-18).
        gives: what it gives, in words ("34 provinces and 3,321 commune-level
            units from 2025-07-01").
        rows: how many rows it gives.
    """

    name: str
    data_date: datetime.date | None = None
    gives: str = ""
    rows: int = 0

    def __str__(self) -> str:
        dated = f", data of {self.data_date.isoformat()}" if self.data_date else ""
        return f"{self.name} ({self.gives}{dated})" if self.gives else self.name
