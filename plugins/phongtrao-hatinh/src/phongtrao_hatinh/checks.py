"""The plugin's checks: units of Hà Tĩnh named as the official list of 2021 has them.

The list is of 2021 (:mod:`phongtrao_hatinh.catalog`), so the check speaks only
for plans dated wholly before the 2025 reform: after it, the same codes belong
to the new communes (code 18739 was xã Cẩm Mỹ, and is xã Cẩm Duệ from
2025-07-01). Whether a code is the unit's on the plan's date is phongtrao's own
dated check (``unit-code``), from the unit registry this plugin adds its rows to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from phongtrao.hookspecs import Problem
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Agency, Level, Plan
from phongtrao.vi import name_key
from phongtrao_hatinh.catalog import DISTRICT, PROVINCE
from phongtrao_hatinh.units import BY_CODE, near_units, official_unit

__all__ = ["CODES", "check_units"]

#: The problem codes the plugin reports, with what they mean.
CODES: dict[str, str] = {
    "ha-tinh-unit": "in a plan dated before 2025-07-01, a unit of tỉnh Hà Tĩnh or huyện Cẩm "
    "Xuyên is named, typed or coded otherwise than in the official list of 2021 "
    "(vietnam-provinces 0.3.0)",
}

_WHERE = f"{DISTRICT.full_name}, {PROVINCE.full_name}"
# Words that place a plan in Hà Tĩnh, with and without diacritics.
_PLACES = ("cẩm xuyên", "hà tĩnh", "cam xuyen", "ha tinh")


def _described(unit: AdministrativeUnit) -> str:
    return f"{unit.full_name} (code {unit.code})"


def _texts(value: Any) -> Iterator[str]:
    """Every text in a plan, its parts' texts included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))


def _in_ha_tinh(plan: Plan) -> bool:
    """Whether the plan places itself in huyện Cẩm Xuyên or tỉnh Hà Tĩnh anywhere in its text.

    Names of communes recur across provinces (there is a xã Cẩm Sơn in Nghệ An too),
    so a commune's name alone does not make a plan one of Hà Tĩnh.
    """
    return any(place in name_key(text) for text in _texts(plan) for place in _PLACES)


def _unit_problems(unit: AdministrativeUnit, path: str, plan: Plan) -> Iterator[Problem]:
    if unit.level not in (Level.TINH, Level.HUYEN, Level.XA):
        return
    if unit.code is not None and unit.code in BY_CODE:
        return  # a code of the list: phongtrao's unit-code says, on the plan's date
    official = official_unit(unit.level, unit.kind, unit.name)
    if official is not None and official.name == unit.name:
        if unit.code is not None and unit.code != official.code and _in_ha_tinh(plan):
            yield Problem(
                path=f"{path}.code",
                code="ha-tinh-unit",
                message=f"{unit.full_name} of {_WHERE} has the official code {official.code}, "
                f"not {unit.code}; did you mean code {official.code}?",
            )
        return
    near = near_units(unit)
    if not near or (unit.level is Level.XA and not _in_ha_tinh(plan)):
        return
    guesses = " or ".join(_described(candidate) for candidate in near[:3])
    # The right name with the wrong generic noun ("xã Thiên Cầm") is a wrong kind.
    field = "kind" if near[0].name == unit.name else "name"
    yield Problem(
        path=f"{path}.{field}",
        code="ha-tinh-unit",
        message=f"{unit.full_name} is not in the official list of {_WHERE} (2021); "
        f"did you mean {guesses}?",
    )


def _agency_problems(agency: Agency | None, path: str, plan: Plan) -> Iterator[Problem]:
    if agency is not None and agency.unit is not None:
        yield from _unit_problems(agency.unit, f"{path}.unit", plan)


def check_units(plan: Plan) -> Iterator[Problem]:
    """The issuer's and parent's units, when of Hà Tĩnh, are as the list of 2021 has them.

    Only for a plan dated wholly before 2025-07-01 (a plan dated "2025" may be of
    after the reform, when the list no longer holds). A unit is taken for one of
    Hà Tĩnh when its name is one of theirs misspelt (for a commune, only when the
    plan also names Cẩm Xuyên or Hà Tĩnh), or its name is one of theirs with
    another code that is none of theirs. A unit with no code is fine when its name
    is right.
    """
    if plan.document.date.last_day > REFORM_DATE:
        return
    yield from _agency_problems(plan.issuer, "$.issuer", plan)
    yield from _agency_problems(plan.parent, "$.parent", plan)
