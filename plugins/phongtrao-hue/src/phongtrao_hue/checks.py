"""Recognising the units of Huế in a plan, and the ``hue-unit`` check.

Both apply to plans that may be dated after 2025-06-30 (the official list is
the one in force from 2025-07-01; a plan dated only by its year 2025 counts),
and leave district-level units alone: a district acting after the reform is
phongtrao's own ``district-after-reform``, and before it, a district of the
old province is not in the list at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from phongtrao.hookspecs import Problem
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Agency, Level, Plan
from phongtrao_hue.official import described, registry

__all__ = ["CODE", "SOURCE", "after_reform", "check_units", "template_unit"]

#: The problem code of this plugin's check.
CODE = "hue-unit"


def after_reform(plan: Plan) -> bool:
    """Whether the plan may be dated after 2025-06-30 (a 2025 plan dated by its year may)."""
    return plan.document.date.last_day > REFORM_DATE


def template_unit(unit: AdministrativeUnit | None) -> AdministrativeUnit | None:
    """The official unit of Huế that ``unit`` is, matched by code when it has one.

    Without a code, the kind and the name must both be those of a unit of Huế,
    and no official unit elsewhere may have them ("phường Thuận An" is also in
    Thành phố Hồ Chí Minh: it needs its code).
    """
    if unit is None or unit.level is Level.HUYEN:
        return None
    data = registry()
    if unit.code is not None:
        return data.by_code.get(unit.code)
    return data.unique_by_kind_and_name(unit.kind, unit.name)


#: Where the official values come from, for messages.
SOURCE = "the official list of 2025 (vietnam-provinces)"


def _problem(path: str, message: str) -> Problem:
    return Problem(path=path, code=CODE, message=message)


def _disagreements(path: str, given: AdministrativeUnit,
                   official: AdministrativeUnit) -> Iterator[Problem]:
    which = described(official)
    values = (f"expected name: {official.name!r}, kind: {official.kind.value}, "
              f"level: {official.level.value}, code: {official.code!r}")
    if given.name != official.name:
        yield _problem(f"{path}.name", f"the unit is named {given.name!r}, but {SOURCE} names "
                       f"it {official.name!r} ({which}, code {official.code}); {values}")
    if given.kind is not official.kind:
        yield _problem(f"{path}.kind", f"the unit is a {given.kind.vi}, but {which} is a "
                       f"{official.kind.vi} in {SOURCE}; {values}")
    if given.level is not official.level:
        yield _problem(f"{path}.level", f"the unit is at level {given.level.value!r}, but "
                       f"{which} is at level {official.level.value!r} in {SOURCE}; {values}")
    if given.code is not None and given.code != official.code:
        yield _problem(f"{path}.code", f"the unit's code is {given.code!r}, but {which} has the "
                       f"code {official.code!r} in {SOURCE}; {values}")


def _agency(path: str, agency: Agency | None) -> Iterator[Problem]:
    """Compare an agency's unit with the official unit of Huế it means, if any.

    It means one by its code, or by its name alone when no other official unit
    in the country bears that name (kind and level may then be wrong, which is
    what is reported).
    """
    unit = agency.unit if agency is not None else None
    if unit is None or unit.level is Level.HUYEN:
        return
    data = registry()
    by_code = data.by_code.get(unit.code) if unit.code is not None else None
    by_name = data.unique_by_name(unit.name)
    if by_code is not None and by_name is not None and by_code != by_name:
        yield _problem(
            f"{path}.unit.code",
            f"the code {unit.code!r} is that of {described(by_code)}, but the unit is named "
            f"{unit.name!r}, which is {described(by_name)} (code {by_name.code}) in {SOURCE}; "
            f"expected code: {by_name.code!r} for {by_name.full_name}, or name: "
            f"{by_code.name!r} and kind: {by_code.kind.value} for the code {by_code.code!r}",
        )
        return
    official = by_code or by_name
    if official is not None:
        yield from _disagreements(f"{path}.unit", unit, official)


def check_units(plan: Plan) -> Iterator[Problem]:
    """The issuer's (and the parent body's) unit, when in Huế, is as the official list has it."""
    if not after_reform(plan):
        return
    yield from _agency("$.issuer", plan.issuer)
    yield from _agency("$.parent", plan.parent)
