"""The units a plan's reports come from: its lower units, from the cascade or a file.

A province after the 2025 reform collects from its communes (the official
list, through :func:`phongtrao.commune_plans`); a district from its communes;
a province before the reform from its districts. Where the official list does
not reach, the plugins' catalog does: its units one level below the issuer
that existed on the plan's date — provided the catalog holds no other unit of
the issuer's level, since a catalog does not say which unit lies under which.
Otherwise the units come from a file (``--units``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from phongtrao._files import read_plan_file
from phongtrao._files.formats import Format, ParseError, parse_text, sniff_format
from phongtrao._files.paths import problems_from
from phongtrao._problems import Problem
from phongtrao.errors import PlanError
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, Plan
from phongtrao.vi import name_key

if TYPE_CHECKING:
    from phongtrao._plugins import Plugins

__all__ = ["load_units", "lower_units"]


def lower_units(plan: Plan, plugins: Plugins | None = None) -> tuple[AdministrativeUnit, ...]:
    """The units one level below the plan's issuer, which report to it.

    Args:
        plan: the plan whose forms go down.
        plugins: whose catalog to use where the official list does not reach;
            the default plugins when None.

    Raises:
        ValueError: when the lower units cannot be told: the issuer has no unit,
            is a commune (its thôn are in no list), or the catalog holds no
            such units or units of several parents; the message says to give
            them (``--units``).
    """
    unit = plan.issuer.unit
    if unit is None or unit.level.rank <= Level.XA.rank:
        what = "names no administrative unit" if unit is None else (
            f"is {unit.full_name}, whose thôn and tổ dân phố are in no list")
        raise ValueError(f"the plan's issuer {what}; give its lower units in a file (--units)")
    from phongtrao._cascade import commune_plans

    day = plan.document.date.first_day
    if unit.level is Level.HUYEN or day > REFORM_DATE:
        try:
            found = tuple(commune.issuer.unit for commune in commune_plans(plan)
                          if commune.issuer.unit is not None)
        except (ValueError, KeyError, ImportError):
            found = ()
        if found:
            return found
    if plugins is None:
        from phongtrao._default import default_renderer

        plugins = default_renderer().plugins
    units = plugins.catalog().units
    below = Level.XA if unit.level is Level.HUYEN or day > REFORM_DATE else Level.HUYEN
    peers = [other for other in units if other.level is unit.level and other.exists_on(day)
             and not _same(other, unit)]
    found = tuple(other for other in units if other.level is below and other.exists_on(day))
    if not found:
        raise ValueError(f"no list of the units under {unit.full_name} on {day.isoformat()}: "
                         f"neither the official list nor the plugins' catalog has its "
                         f"{below.vi}-level units; give them in a file (--units)")
    if peers:
        raise ValueError(f"the plugins' catalog has other units at the level of "
                         f"{unit.full_name} ({', '.join(p.full_name for p in peers[:3])}) and "
                         f"does not say which {below.vi}-level units are under which; give "
                         "them in a file (--units)")
    return found


def _same(one: AdministrativeUnit, other: AdministrativeUnit) -> bool:
    """The same unit: the same code when both have one, else the same kind and name."""
    if one.code and other.code:
        return one.code.lstrip("0") == other.code.lstrip("0")
    return one.kind is other.kind and name_key(one.name) == name_key(other.name)


def load_units(path: str | os.PathLike[str]) -> tuple[AdministrativeUnit, ...]:
    """The units listed in a YAML, JSON or TOML file: a list of units, or ``units:`` and one.

    Each unit is written as in a plan file (``name``, ``level``, ``kind``,
    ``code``)::

        - {name: Cẩm Minh, level: xa, kind: xa, code: "18751"}

    Raises:
        PlanError: listing every problem of the file, with its path.
    """
    from phongtrao._files import make_converter

    target = Path(path)
    payload = read_plan_file(target)
    label = str(target)
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError([Problem(path="$", code="unreadable", message="the file is not UTF-8 "
                                 "text; save it as UTF-8")], label) from None
    fmt = Format.from_suffix(target.suffix) or sniff_format(text)
    try:
        data, lines = parse_text(text, fmt)
    except ParseError as error:
        raise PlanError(error.problems, label) from None
    prefix = "$"
    if isinstance(data, dict) and set(data) == {"units"}:
        data, prefix = data["units"], "$.units"
    if not isinstance(data, list) or not data:
        raise PlanError([Problem(path=prefix, code="wrong-type", message="expected a list of "
                                 "units, each with name, level, kind and code")], label)
    converter = make_converter()
    units = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        try:
            units.append(converter.structure(item, AdministrativeUnit))
        except Exception as error:  # noqa: BLE001 - every failure becomes a listed problem
            for problem in problems_from(error, root=AdministrativeUnit):
                path = f"{prefix}[{index}]{problem.path[1:]}"
                problems.append(Problem(path=path, code=problem.code, message=problem.message,
                                        line=lines.get(path)))
    if problems:
        raise PlanError(problems, label)
    return tuple(units)
