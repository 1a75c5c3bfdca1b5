"""The hooks of the ``hue`` plugin: thành phố Huế after the 2025 reform.

Registered through the entry point ``hue`` in the group ``phongtrao``; load it
alone with ``Plugins(["hue"])`` or ``PHONGTRAO_PLUGINS=hue``. Importing this
module is cheap: the official list (vietnam-provinces) is read the first time a
hook needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from phongtrao.hookspecs import Catalog, Problem, TemplateSpec, hookimpl
from phongtrao.model import DocumentKind, Level, Movement, Plan
from phongtrao_hue.checks import after_reform, check_units, template_unit
from phongtrao_hue.lookup import resolve
from phongtrao_hue.official import units
from phongtrao_hue.starter import CITY_UBMTTQ, CITY_UBND, hue_plan, lower_ubnd, ubnd

__all__ = [
    "TEMPLATE",
    "phongtrao_catalog",
    "phongtrao_check",
    "phongtrao_choose_template",
    "phongtrao_new_plan",
    "phongtrao_templates",
]

#: The name of the plugin's template.
TEMPLATE = "hue-2025"

#: The first year of plans issued under the two-tier units.
_FIRST_YEAR = 2025


@hookimpl
def phongtrao_templates() -> list[TemplateSpec]:
    """The Huế 2025 Kế hoạch: 13 pt body, 1.3 line spacing, 25 mm top margin."""
    return [
        TemplateSpec(
            name=TEMPLATE,
            file=files("phongtrao_hue") / "templates" / f"{TEMPLATE}.docx",
            kind=DocumentKind.KH,
            description="Kế hoạch của thành phố Huế và các xã, phường từ 01/7/2025 "
            "(theo Nghị định 30/2020/NĐ-CP)",
        )
    ]


@hookimpl
def phongtrao_choose_template(plan: Plan) -> str | None:
    """``hue-2025`` for a plan of the city or one of its communes dated after 2025-06-30."""
    if not after_reform(plan) or template_unit(plan.issuer.unit) is None:
        return None
    return TEMPLATE


@hookimpl
def phongtrao_catalog() -> Catalog:
    """The city and its wards and communes, their People's Committees, standard recipients."""
    official = units()
    return Catalog(
        units=official,
        agencies=tuple(ubnd(unit) for unit in official),
        recipients=(CITY_UBND, CITY_UBMTTQ, lower_ubnd()),
    )


@hookimpl
def phongtrao_new_plan(
    level: Level, unit: str | None, year: int, movement: Movement
) -> Plan | None:
    """The 25-year summary plan of a unit of Huế, issued by its Ủy ban nhân dân.

    Answers for level xa and a ward or commune of Huế ("Thuận Hóa", "phường
    Thuận Hóa", any case), or level tinh and "Huế", from 2025; None for other
    units and years, so the national plugin answers.

    Raises:
        ValueError: for a misspelt name of a unit of Huế, naming the closest
            official names ("did you mean …?").
    """
    if unit is None or year < _FIRST_YEAR or level not in (Level.XA, Level.TINH):
        return None
    official = resolve(level, unit)
    if official is None:
        return None
    return hue_plan(official, year, movement)


@hookimpl
def phongtrao_check(plan: Plan) -> Iterator[Problem]:
    """``hue-unit``: a unit of Huế named, kinded or coded otherwise than the official list."""
    return check_units(plan)
