"""The hooks of the Hà Tĩnh plugin, published as the entry point ``ha-tinh``.

- ``phongtrao_catalog``: the units (tỉnh Hà Tĩnh, huyện Cẩm Xuyên and its 23
  communes of 2021, with codes, also as rows of phongtrao's unit registry),
  agencies, the movement in the province's wording, recipients and award
  forms (:mod:`phongtrao_hatinh.catalog`).
- ``phongtrao_templates``: the template ``ha-tinh-2021``.
- ``phongtrao_choose_template``: ``ha-tinh-2021`` for a plan issued by one of
  those units on or before 2025-06-30.
- ``phongtrao_new_plan``: the 2021 starter plan of huyện Cẩm Xuyên or one of
  its communes (:mod:`phongtrao_hatinh.plans`).
- ``phongtrao_check``: ``ha-tinh-unit``, units of a plan dated before the 2025
  reform named as the list of 2021 has them (:mod:`phongtrao_hatinh.checks`);
  codes are checked, on the plan's date, by phongtrao's own ``unit-code``.
"""

from __future__ import annotations

from importlib.resources import files

from phongtrao.hookspecs import Catalog, Problem, TemplateSpec, hookimpl
from phongtrao.model import REFORM_DATE, DocumentKind, Level, Movement, Plan
from phongtrao.vi import name_key
from phongtrao_hatinh.catalog import CATALOG, MOVEMENT
from phongtrao_hatinh.checks import check_units
from phongtrao_hatinh.plans import YEAR, commune_plan, district_plan
from phongtrao_hatinh.units import find_unit, official_unit

__all__ = [
    "TEMPLATE",
    "phongtrao_catalog",
    "phongtrao_check",
    "phongtrao_choose_template",
    "phongtrao_new_plan",
    "phongtrao_templates",
]

#: The name of the plugin's template.
TEMPLATE = "ha-tinh-2021"


@hookimpl
def phongtrao_catalog() -> Catalog:
    """Units, agencies, the movement's wording, recipients and award forms of Hà Tĩnh, 2021."""
    return CATALOG


@hookimpl
def phongtrao_templates() -> list[TemplateSpec]:
    """The Kế hoạch of Hà Tĩnh as laid out in 2021."""
    return [
        TemplateSpec(
            name=TEMPLATE,
            file=files("phongtrao_hatinh") / "templates" / f"{TEMPLATE}.docx",
            kind=DocumentKind.KH,
            priority=0,
            description="Kế hoạch của tỉnh Hà Tĩnh và đơn vị trực thuộc, 2021 "
            "(theo Nghị định 30/2020/NĐ-CP)",
        )
    ]


@hookimpl
def phongtrao_choose_template(plan: Plan) -> str | None:
    """``ha-tinh-2021`` for a plan of a Hà Tĩnh unit dated on or before 2025-06-30."""
    unit = plan.issuer.unit
    if unit is None or official_unit(unit.level, unit.kind, unit.name) is None:
        return None
    if plan.document.date.first_day > REFORM_DATE:
        return None
    return TEMPLATE


def _is_this_movement(movement: Movement) -> bool:
    names = {name_key(movement.name), name_key(movement.abbreviation or "")}
    return name_key(MOVEMENT.name) in names or name_key(MOVEMENT.abbreviation or "") in names


@hookimpl
def phongtrao_new_plan(
    level: Level, unit: str | None, year: int, movement: Movement
) -> Plan | None:
    """The 2021 summary plan of huyện Cẩm Xuyên or one of its communes; None for any other.

    The movement is written in Hà Tĩnh's wording whichever wording the catalog
    chose; other movements, years, levels and units are left to the next plugin
    (in the end the national one).
    """
    if unit is None or year != YEAR or level not in (Level.HUYEN, Level.XA):
        return None
    if not _is_this_movement(movement):
        return None
    found = find_unit(level, unit)
    if found is None:
        return None
    return district_plan() if level is Level.HUYEN else commune_plan(found)


@hookimpl
def phongtrao_check(plan: Plan) -> list[Problem]:
    """``ha-tinh-unit``: a unit of Hà Tĩnh misspelt, of the wrong kind, or wrongly coded.

    A list, not a generator, so that the checks run inside the hook call.
    """
    return list(check_units(plan))
