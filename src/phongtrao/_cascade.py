"""The plans a higher level sends down: one commune plan from a province or district plan.

Each level copies the plan of the level above, localises it and sends it down.
:func:`commune_plans` does that for every commune of a province (after the 2025
reform, from the official list in the ``vietnam-provinces`` package) or for any
list of units (a district's communes in 2021, from a plugin's catalog).

The commune plans keep the parent's movement, period, purposes, requirements,
assessment and orientation; they cite the parent plan as their basis, put the
commune's conference in the parent's commune-level window, and report upward.
What only the commune can know — its number, the day, the signer, who leads the
work — is left as a «…» placeholder, never invented.
"""

from __future__ import annotations

import datetime
import functools
import re
import typing
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from typing import Any, TypeVar

import attrs

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
from phongtrao.vi import split_unit_name

__all__ = ["commune_plan", "commune_plans", "official_communes", "official_provinces"]

_KINDS = {"xã": UnitKind.XA, "phường": UnitKind.PHUONG, "đặc khu": UnitKind.DAC_KHU}
_FIRST_DAY = REFORM_DATE + datetime.timedelta(days=1)
_V = TypeVar("_V")


def _strip_noun(name: str) -> str:
    """"Thành phố Huế" -> "Huế", "Phường Thuận Hóa" -> "Thuận Hóa"."""
    return split_unit_name(name).name


@functools.lru_cache(maxsize=1)
def _official() -> tuple[tuple[AdministrativeUnit, ...], dict[str, tuple[AdministrativeUnit, ...]]]:
    try:
        from vietnam_provinces import Province, Ward
    except ImportError:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "the official list of units needs the package vietnam-provinces; install it with "
            "pip install 'phongtrao[units]'"
        ) from None
    provinces = []
    wards: dict[str, tuple[AdministrativeUnit, ...]] = {}
    for province in Province.iter_all():
        code = f"{int(province.code):02d}"
        kind = UnitKind.THANH_PHO if province.name.startswith("Thành phố") else UnitKind.TINH
        provinces.append(AdministrativeUnit(name=_strip_noun(province.name), level=Level.TINH,
                                            kind=kind, code=code))
        wards[code] = tuple(
            AdministrativeUnit(
                name=_strip_noun(ward.name),
                level=Level.XA,
                kind=_KINDS[str(ward.division_type.value)],
                code=f"{int(ward.code):05d}",
                valid_from=_FIRST_DAY,
            )
            for ward in Ward.iter_by_province(province.code)
        )
    return tuple(provinces), wards


def official_provinces() -> tuple[AdministrativeUnit, ...]:
    """The 34 provinces and centrally run cities from 2025-07-01, with their codes."""
    return _official()[0]


def official_communes(province: str | AdministrativeUnit) -> tuple[AdministrativeUnit, ...]:
    """The commune-level units (xã, phường, đặc khu) of a province from 2025-07-01.

    Args:
        province: the province as a unit (matched by code, else name), a code
            ("42") or a name ("Hà Tĩnh", "tỉnh Hà Tĩnh", "Thành phố Huế").

    Raises:
        KeyError: when no province matches.
    """
    provinces, wards = _official()
    if isinstance(province, AdministrativeUnit):
        if province.code is not None and province.code.zfill(2) in wards:
            return wards[province.code.zfill(2)]
        wanted = province.name
    else:
        wanted = province
    key = wanted.strip()
    if key.isdigit() and key.zfill(2) in wards:
        return wards[key.zfill(2)]
    name = _strip_noun(key[0].upper() + key[1:]).casefold()
    for unit in provinces:
        if unit.name.casefold() == name or unit.full_name.casefold() == key.casefold():
            return wards[unit.code or ""]
    raise KeyError(f"no province {wanted!r} in the official list of 34 provinces")


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


def commune_plans(
    parent: Plan, communes: Iterable[AdministrativeUnit] | None = None
) -> Iterator[Plan]:
    """The plan of each commune under ``parent``, in the order of ``communes``.

    Args:
        parent: the province (or, before the reform, district) plan.
        communes: the communes; by default the official list of the parent's
            province after the 2025 reform (``vietnam-provinces``).

    Raises:
        ValueError: when ``communes`` is not given and the parent is not a
            province-level plan dated after the reform.
        KeyError: when the parent's province is not in the official list.
    """
    if communes is None:
        unit = parent.issuer.unit
        if unit is None or unit.level is not Level.TINH:
            raise ValueError("the official commune list needs a province-level parent plan; "
                             "pass the communes for other parents")
        if parent.document.date.last_day <= REFORM_DATE:
            raise ValueError(f"the official list is of the units from {_FIRST_DAY.isoformat()}; "
                             "pass the communes for a plan dated before the 2025 reform")
        communes = official_communes(unit)
    for commune in communes:
        yield commune_plan(parent, commune)
