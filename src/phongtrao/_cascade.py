"""The plans a higher level sends down: one commune plan from a province or district plan.

Each level copies the plan of the level above, localises it and sends it down.
:func:`commune_plans` does that for every commune of a province (after the 2025
reform) or of a district (before it), as the unit registry has them on the
parent plan's date (``Plugins.units``: the ``vietnam-provinces`` package and
what plugins add, such as a district's communes in 2021), or for any list of
units given.

The commune plans keep the parent's movement, period, purposes, requirements,
assessment and orientation; they cite the parent plan as their basis, put the
commune's conference in the parent's commune-level window, and report upward.
What only the commune can know — its number, the day, the signer, who leads the
work — is left as a «…» placeholder, never invented.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from phongtrao._units import FIRST_DAY, UnitRecord, UnitRegistry
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Awards,
    Document,
    DocumentNumber,
    LegalBasis,
    Level,
    Milestone,
    Modality,
    PartialDate,
    Pending,
    Plan,
    Responsibility,
    Signature,
    UnitKind,
    Window,
)
from phongtrao.model._fields import is_identifier
from phongtrao.model._units import REFORM_DATE

if TYPE_CHECKING:
    from phongtrao._plugins import Plugins

__all__ = ["commune_plan", "commune_plans", "official_communes", "official_provinces"]

_V = TypeVar("_V")

def _default_units() -> UnitRegistry:
    """The unit registry of the default renderer's plugins (``PHONGTRAO_PLUGINS``)."""
    from phongtrao._default import default_renderer  # deferred: the one default, made on use

    return default_renderer().plugins.units


def _units_of(plugins: Plugins | UnitRegistry | None) -> UnitRegistry:
    if plugins is None:
        return _default_units()
    return plugins if isinstance(plugins, UnitRegistry) else plugins.units


def official_provinces(*, plugins: Plugins | UnitRegistry | None = None
                       ) -> tuple[AdministrativeUnit, ...]:
    """The 34 provinces and centrally run cities from 2025-07-01, with their codes.

    Args:
        plugins: the plugins (or the unit registry) whose units are listed; the
            default renderer's when None.
    """
    return tuple(row.unit for row in _units_of(plugins).provinces(FIRST_DAY))


def official_communes(province: str | AdministrativeUnit, *,
                      plugins: Plugins | UnitRegistry | None = None
                      ) -> tuple[AdministrativeUnit, ...]:
    """The commune-level units (xã, phường, đặc khu) of a province from 2025-07-01.

    Args:
        province: the province as a unit (matched by code, else name), a code
            ("42") or a name ("Hà Tĩnh", "tỉnh Hà Tĩnh", "Thành phố Huế").
        plugins: the plugins (or the unit registry) whose units are listed; the
            default renderer's when None.

    Raises:
        KeyError: when no province matches.
    """
    units = _units_of(plugins)
    if isinstance(province, AdministrativeUnit):
        wanted = province.code or province.full_name
    else:
        wanted = province
    found = units.lookup(wanted.strip(), level=Level.TINH, on=FIRST_DAY)
    if found.record is None:
        raise KeyError(f"no province {wanted!r} in the official list of 34 provinces: "
                       f"{found.message}")
    return tuple(row.unit for row in units.communes(found.record, FIRST_DAY))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _commune_window(parent: Plan) -> Window:
    for milestone in parent.schedule:
        if milestone.level is Level.XA:
            return milestone.window
    return Window(start=PartialDate(year=parent.document.date.year))


def _parent_name(parent: Plan) -> str:
    """How a commune plan names the parent body: "UBND tỉnh Hà Tĩnh"."""
    unit = parent.issuer.unit
    suffix = f" {unit.full_name}" if unit is not None else ""
    return f"{parent.issuer.abbreviation}{suffix}"


#: The units a level's plan calls "below" it, as one collective noun.
_BELOW = {
    UnitKind.XA: "thôn, tổ dân phố",
    UnitKind.THI_TRAN: "thôn, tổ dân phố",
    UnitKind.PHUONG: "tổ dân phố",
    UnitKind.DAC_KHU: "thôn, tổ dân phố",
}
#: How a district's or a province's plan names its communes, longest first.
_COMMUNES = ("xã, phường, thị trấn", "xã, phường, đặc khu", "xã, thị trấn", "xã, phường", "xã")
_UNIT_NOUNS = ("huyện", "quận", "thị xã", "thành phố", "tỉnh")


def _reworder(parent: AdministrativeUnit | None, unit: AdministrativeUnit) -> Callable[[str], str]:
    """Rewrite the phrases of a parent plan that speak of the parent as of ``unit``.

    A district's "mục tiêu giảm nghèo của huyện" is the commune's "… của xã";
    its "văn bản của Trung ương, của tỉnh, của huyện" the commune's "… của
    huyện, của xã";
    "Ban Chỉ đạo cấp huyện và cấp xã, thị trấn" is the commune's "Ban Chỉ đạo
    cấp xã"; "các xã, thị trấn" are, for the commune, its "thôn, tổ dân phố".
    Only these phrases change: a name ("UBND huyện Cẩm Xuyên"), another tier
    ("Hội nghị tổng kết cấp huyện") and an office of the parent ("Phòng Văn hóa
    - Thông tin huyện") stay as the parent wrote them.
    """
    if parent is None:
        return lambda text: text
    own = parent.kind.vi
    noun = unit.kind.vi
    communes = "|".join(re.escape(name) for name in _COMMUNES)
    rules = [
        # "cấp huyện và cấp xã, thị trấn" -> "cấp xã"
        (re.compile(rf"\bcấp {re.escape(own)} và cấp (?:{communes})\b"), f"cấp {noun}"),
        # "(Ủy ban nhân dân|UBND) các xã, thị trấn" -> "các thôn, tổ dân phố"
        (re.compile(rf"\b(?:(?:Ủy ban nhân dân|UBND) )?các (?:{communes})\b"),
         f"các {_BELOW[unit.kind]}"),
        # "của Trung ương, của tỉnh, của huyện": the levels above, and now the commune
        (re.compile(rf"((?:của (?:Trung ương|tỉnh|thành phố), )+)của {re.escape(own)}\b"
                    rf"(?! [A-ZĐ])"), rf"\1của {own}, của {noun}"),
        # "của huyện", "toàn huyện", "trên địa bàn huyện", "huyện nhà": not a name after it
        (re.compile(rf"\b(?<!, )(của|toàn|trên địa bàn|trong|cả) {re.escape(own)}\b"
                    rf"(?! [A-ZĐ]|, của)"), rf"\1 {noun}"),
        (re.compile(rf"\b{re.escape(own)} nhà\b"), f"{noun} nhà"),
    ]

    def reword(text: str) -> str:
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        return text

    return reword


def _reworded(value: _V, reword: Callable[[str], str]) -> _V:
    """``value`` with ``reword`` applied to each of its texts (ids and choices untouched)."""
    result: Any = value
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        result = reword(value)
    elif isinstance(value, tuple):
        result = tuple(_reworded(item, reword) for item in value)
    elif attrs.has(type(value)) and not isinstance(value, (PartialDate, DocumentNumber, Pending)):
        model: Any = value
        result = attrs.evolve(model, **{
            field.name: _reworded(getattr(model, field.name), reword)
            for field in attrs.fields(type(model)) if not is_identifier(field)})
    return typing.cast("_V", result)


def _parent_basis(parent: Plan) -> LegalBasis:
    """The parent plan cited: its number and day, or «…» asking for them while unknown."""
    number = parent.document.number
    kind = parent.document.kind.vi
    title = parent.title
    subject = f"tổ chức {title}" if title.startswith("Hội nghị") else _lower_first(title)
    return LegalBasis(
        kind=parent.document.kind,
        number=number if number.number is not None
        else Pending(f"«Số, ký hiệu {kind} của {_parent_name(parent)}»"),
        date=parent.document.date.exact or Pending(f"«Ngày ban hành {kind} của "
                                                   f"{_parent_name(parent)}»"),
        issuer=_parent_name(parent),
        subject=subject,
    )


def commune_plan(parent: Plan, unit: AdministrativeUnit) -> Plan:
    """The plan of commune ``unit``, derived from the ``parent`` plan that orders it.

    The parent's texts are kept, with the phrases that speak of the parent
    reworded for the commune (:func:`_reworder`); the parent plan is cited with
    «…» for its number and day while they are not known.

    Raises:
        ValueError: when ``unit`` is not a commune-level unit.
    """
    if unit.level is not Level.XA:
        raise ValueError(f"{unit.full_name} is not a commune-level unit; expected level 'xa'")
    if parent.period is None or parent.movement is None:
        raise ValueError("the parent plan names no movement or no period; commune plans are "
                         "derived from the plan of a movement's summary")
    reword = _reworder(parent.issuer.unit, unit)
    period, movement = parent.period, _reworded(parent.movement, reword)
    years = period.years
    summary = f"tổng kết {years} năm thực hiện Phong trào “{movement.name}”"
    span = f"{period.start}-{period.end}"
    title = f"Hội nghị {summary} {unit.full_name} (giai đoạn {span})"
    window = _commune_window(parent)
    upward = _parent_name(parent)
    return Plan(
        issuer=Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=unit, collective=True),
        document=Document(
            kind=parent.document.kind,
            number=DocumentNumber(symbol=f"{parent.document.kind.value}-UBND"),
            place=unit.name,
            date=PartialDate(year=window.first_day.year),
        ),
        title=title,
        movement=movement,
        period=period,
        bases=(_parent_basis(parent),),
        introduction=f"Ủy ban nhân dân {unit.kind.vi} ban hành Kế hoạch tổ chức Hội nghị "
        f"{summary}, cụ thể như sau:",
        purposes=_reworded(parent.purposes, reword),
        requirements=_reworded(parent.requirements, reword),
        assessment=_reworded(parent.assessment, reword),
        orientation=_reworded(parent.orientation, reword),
        awards=None if parent.awards is None else Awards(
            lead="«Bộ phận tham mưu về văn hóa - xã hội»",
            recipients=parent.awards.recipients,
            criteria=reword(parent.awards.criteria),
            wording=parent.awards.wording,
        ),
        schedule=(
            Milestone(level=Level.XA, title=f"Hội nghị tổng kết {unit.full_name}",
                      window=window, modality=Modality.DU_KIEN),
        ),
        funding=_reworded(parent.funding, reword),
        responsibilities=(
            Responsibility(
                unit="«Bộ phận tham mưu về văn hóa - xã hội»",
                duties=(
                    "Tham mưu chuẩn bị nội dung, dự thảo báo cáo tổng kết và tổ chức Hội nghị.",
                    (
                        f"Báo cáo kết quả tổng kết {years} năm thực hiện Phong trào về {upward} "
                        "theo Kế hoạch."
                    ),
                ),
            ),
            Responsibility(
                unit=f"Ủy ban Mặt trận Tổ quốc Việt Nam {unit.kind.vi}",
                requested=True,
                duties=("Phối hợp chỉ đạo, triển khai thực hiện Kế hoạch.",),
            ),
        ),
        closing=f"Trên đây là Kế hoạch tổ chức Hội nghị {summary} {unit.full_name}; đề nghị "
        "các cơ quan, đơn vị liên quan triển khai thực hiện.",
        recipients=(f"{upward} (để báo cáo)", "«Các cơ quan, đơn vị liên quan»", "Lưu: VT"),
        signature=Signature(on_behalf_of="Ủy ban nhân dân", title="Chủ tịch",
                            signer="«Họ và tên người ký»"),
    )


def _parent_record(parent: Plan, units: UnitRegistry) -> UnitRecord:
    """The registry's row of the unit that issues ``parent``, on its date."""
    unit = parent.issuer.unit
    if unit is None or unit.level not in (Level.TINH, Level.HUYEN):
        raise ValueError("the commune list needs a province-level plan (after the 2025 reform) "
                         "or a district-level plan (before it); pass the communes for other "
                         "parents")
    date = parent.document.date
    if unit.level is Level.TINH and date.last_day <= REFORM_DATE:
        raise ValueError(
            f"before {FIRST_DAY.isoformat()} a province's plan goes to its districts, whose "
            "plans go to their communes: derive the commune plans from a district's plan, or "
            "pass the communes")
    day = date.last_day
    query = unit.code if unit.code is not None else unit.full_name
    return units.lookup(query, level=unit.level, on=day).resolve()


def commune_plans(
    parent: Plan, communes: Iterable[AdministrativeUnit] | None = None, *,
    plugins: Plugins | UnitRegistry | None = None,
) -> Iterator[Plan]:
    """The plan of each commune under ``parent``, in the order of ``communes``.

    Args:
        parent: the province plan (after the 2025 reform) or the district plan
            (before it).
        communes: the communes; by default those the unit registry has under the
            parent's unit on the last day of the parent's date (for a province
            after the reform, the official list of ``vietnam-provinces``; for a
            district before it, the communes of that district — in 2021 from the
            ``ha-tinh`` plugin for huyện Cẩm Xuyên, or from vietnam-provinces
            2026.1 or later).
        plugins: the plugins (or the unit registry) the communes are found with;
            the default renderer's when None.

    Raises:
        ValueError: when ``communes`` is not given and the parent is neither a
            province-level plan dated after the reform nor a district-level one;
            a :class:`~phongtrao.UnitLookupError` when the registry cannot
            settle the parent's unit, or has no commune under it.
    """
    if communes is None:
        units = _units_of(plugins)
        record = _parent_record(parent, units)
        found = units.communes(record, parent.document.date.last_day)
        if not found:
            raise ValueError(
                f"the unit registry has no commune under {units.describe(record)} on "
                f"{parent.document.date.last_day.isoformat()}; pass the communes, or install a "
                "plugin that lists them (docs/units.md)")
        communes = [row.unit for row in found]
    for commune in communes:
        yield commune_plan(parent, commune)
