"""Which official unit of Huế a name typed by a user means, if any.

``phongtrao new --unit`` takes what a person types: "Thuận Hóa", "phường Thuận
Hóa", "PHƯỜNG THUẬN HÓA". :func:`resolve` answers with the official unit, with
None when the name is not one of Huế's (so the national plugin answers), or
refuses a name that looks like a misspelt unit of Huế, naming the closest
official names.
"""

from __future__ import annotations

from phongtrao.model import AdministrativeUnit, Level, UnitKind
from phongtrao.vi import split_unit_name
from phongtrao_hue.official import described, key, registry

__all__ = ["resolve", "split"]


def split(text: str) -> tuple[UnitKind | None, str]:
    """Split "phường Thuận Hóa" into its kind and name; a bare name has no kind."""
    kind, name, _ = split_unit_name(text)
    return (None if kind is None else UnitKind(kind)), name


def _quoted(units: list[AdministrativeUnit]) -> str:
    names = [repr(unit.full_name) for unit in units]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _level_option(level: Level) -> str:
    return f"--level {level.value}"


def resolve(level: Level, text: str) -> AdministrativeUnit | None:
    """The official unit of Huế that ``text`` names at ``level``, or None if it names none.

    A name is Huế's when it is the name of the city or of one of its wards and
    communes, up to case, spaces and the kind of dash, with the right generic
    noun if one is given. A name that an official unit elsewhere bears at that
    level is not Huế's business: None. Any other name that looks like one of
    Huế's is refused.

    Raises:
        ValueError: for a misspelt name of a unit of Huế ("Thuận Hoá" for
            "Thuận Hóa"), the wrong generic noun ("xã Thuận Hóa"), or a unit
            of Huế at the wrong level; the message names the official units
            closest to it.
    """
    data = registry()
    kind, name = split(text)
    if not name:
        return None
    ours = data.by_name.get(key(name))
    if ours is not None and (kind is None or kind is ours.kind) and ours.level is level:
        return ours
    if data.exists_elsewhere(level, kind, name):
        return None
    given = text.strip()
    if ours is not None and ours.level is not level:
        raise ValueError(
            f"{described(ours)} is at level {ours.level.value!r}, not {level.value!r}; "
            f"expected {_level_option(ours.level)} for {given!r}"
        )
    if ours is not None:
        # Huế's name with another generic noun ("xã Thuận Hóa" for the phường).
        raise ValueError(
            f"{given!r} is not the official name of a unit of thành phố Huế at level "
            f"{level.value!r} (the official list of 2025, vietnam-provinces); did you mean "
            f"{_quoted([ours])}?"
        )
    # Only units of Huế at this level, of the kind named, may be what was meant: "tỉnh
    # Quảng Bình" at level tinh is no misspelt commune of Huế, but a unit of elsewhere.
    close = data.closest(name, level=level, kind=kind)
    if not close:
        return None
    raise ValueError(
        f"{given!r} is not the official name of a unit of thành phố Huế at level "
        f"{level.value!r} (the official list of 2025, vietnam-provinces); did you mean "
        f"{_quoted(close)}?"
    )
