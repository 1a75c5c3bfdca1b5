"""Finding the plugin's units by what a user or a plan file calls them."""

from __future__ import annotations

import difflib

from phongtrao.model import AdministrativeUnit, Level, UnitKind
from phongtrao.vi import fold, name_key, split_unit_name
from phongtrao_hatinh.catalog import DISTRICT, PROVINCE, UNITS

__all__ = ["BY_CODE", "find_unit", "near_units", "official_unit"]

#: The plugin's units by their official code.
BY_CODE: dict[str, AdministrativeUnit] = {unit.code: unit for unit in UNITS if unit.code}

# How close two names must be (difflib's ratio, on folded text) to be taken for one misspelt.
_CLOSE = 0.8


def official_unit(level: Level, kind: UnitKind, name: str) -> AdministrativeUnit | None:
    """The plugin's unit of this level and kind whose name is ``name`` (case and spacing aside)."""
    wanted = name_key(name)
    for unit in UNITS:
        if unit.level is level and unit.kind is kind and name_key(unit.name) == wanted:
            return unit
    return None


def _split(text: str) -> tuple[UnitKind | None, str]:
    """Split "xã Cẩm Quan" into its kind and name; a bare name has no kind."""
    kind, name, _ = split_unit_name(text)
    return (None if kind is None else UnitKind(kind)), name


def _is_ancestor(text: str) -> bool:
    """Whether a trailing part of a unit's description names huyện Cẩm Xuyên or tỉnh Hà Tĩnh."""
    kind, name = _split(text)
    return any(
        (kind is None or kind is unit.kind) and name_key(name) == name_key(unit.name)
        for unit in (DISTRICT, PROVINCE)
    )


def find_unit(level: Level, text: str) -> AdministrativeUnit | None:
    """The plugin's unit at ``level`` that ``text`` names, or None when it names none of them.

    Accepted: the name ("Cẩm Quan"), the name with its generic noun ("xã Cẩm Quan",
    "thị trấn Thiên Cầm"), the official code ("18724"), each optionally followed by
    its district and province (", huyện Cẩm Xuyên, tỉnh Hà Tĩnh"). A bare "Cẩm Xuyên"
    is the district at level huyen and the thị trấn at level xa.
    """
    first, *rest = text.split(",")
    if not all(_is_ancestor(part) for part in rest if part.strip()):
        return None
    first = first.strip()
    if first.isdigit():
        unit = BY_CODE.get(first)
        return unit if unit is not None and unit.level is level else None
    kind, name = _split(first)
    found = [
        unit
        for unit in UNITS
        if unit.level is level
        and (kind is None or unit.kind is kind)
        and name_key(unit.name) == name_key(name)
    ]
    return found[0] if len(found) == 1 else None


def near_units(unit: AdministrativeUnit) -> list[AdministrativeUnit]:
    """The plugin's units at the same level that ``unit`` may be a misspelling of.

    A unit is near when its name is the same but for case, spacing or diacritics,
    when it is the same name with another generic noun, or when the names are
    close (difflib ratio 0.8 or more). The unit itself, spelt officially, is not near.
    """
    name, bare = name_key(unit.name), fold(unit.name)
    scored = []
    for candidate in UNITS:
        if candidate.level is not unit.level:
            continue
        if candidate.kind is unit.kind and candidate.name == unit.name:
            continue
        ratio = difflib.SequenceMatcher(None, name, name_key(candidate.name)).ratio()
        if bare == fold(candidate.name) or ratio >= _CLOSE:
            scored.append((bare != fold(candidate.name), -ratio, candidate))
    return [candidate for *_, candidate in sorted(scored, key=lambda row: row[:2])]
