"""The starter plan of a unit of Huế: the national one, issued under the official name.

The 25-year summary (2000-2025) of "Toàn dân đoàn kết xây dựng đời sống văn
hóa" was held in 2025 by the city and by its wards and communes. The plan
starts from :func:`phongtrao._national.starter_plan` and puts in what is known
for certain: the issuer is the Ủy ban nhân dân of the unit with its official
name, kind and code; a ward's or commune's plan is based on a plan of the city
and goes to the Ủy ban nhân dân thành phố Huế. Nothing else is made up: the
city plan's number, date and subject, the body leading the work, the items to
assess and the signer stay «…» placeholders for the user to fill in
(``phongtrao validate`` lists them); the plan's own number is left to the văn
thư and its date is the year alone, as in the national starter plan.
"""

from __future__ import annotations

import attrs

from phongtrao import starter_plan
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    DocumentKind,
    LegalBasis,
    Level,
    Movement,
    Pending,
    Plan,
    UnitKind,
)
from phongtrao_hue.official import units, wards

__all__ = ["CITY_UBMTTQ", "CITY_UBND", "hue_plan", "lower_ubnd", "ubnd"]

#: The city's People's Committee, as plans and recipient lists name it.
CITY_UBND = "Ủy ban nhân dân thành phố Huế"
#: The city's Fatherland Front committee.
CITY_UBMTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Huế"

#: The starter plan's placeholder for the body above the issuer (phongtrao._national).
_SUPERIOR = "«Cơ quan cấp trên»"


def ubnd(unit: AdministrativeUnit) -> Agency:
    """The Ủy ban nhân dân of ``unit``: the collective body that issues its plans."""
    return Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=unit, collective=True)


def lower_ubnd() -> str:
    """The People's Committees of the city's communes as one line: "Ủy ban nhân dân các xã, phường".

    The kinds named are those the official list gives the city, in the usual
    order (xã, phường, đặc khu).
    """
    present = {unit.kind for unit in wards()}
    kinds = [kind.vi for kind in (UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU)
             if kind in present]
    return f"Ủy ban nhân dân các {', '.join(kinds)}"


def _city_basis(plan: Plan) -> LegalBasis:
    """The city's plan a ward's plan carries out: known issuer, «…» for its number and date."""
    years = plan.period.years if plan.period is not None else "«…»"
    name = plan.movement.name if plan.movement is not None else "«…»"
    return LegalBasis(
        kind=DocumentKind.KH,
        number=Pending("«Số, ký hiệu Kế hoạch của thành phố»"),
        date=Pending("«Ngày ban hành Kế hoạch của thành phố»"),
        issuer=CITY_UBND,
        subject=f"tổ chức Hội nghị tổng kết {years} năm thực hiện Phong trào “{name}” thành "
        "phố Huế",
    )


def _recipients(plan: Plan, unit: AdministrativeUnit) -> tuple[str, ...]:
    if unit.level is Level.XA:
        return tuple(CITY_UBND if line == _SUPERIOR else line for line in plan.recipients)
    recipients = list(plan.recipients)
    at = recipients.index(_SUPERIOR) + 1 if _SUPERIOR in recipients else 0
    recipients.insert(at, lower_ubnd())
    return tuple(recipients)


def hue_plan(unit: AdministrativeUnit, year: int, movement: Movement) -> Plan:
    """The starter plan of ``unit`` (the city or one of its wards and communes) for ``year``.

    Args:
        unit: an official unit of Huế, from :mod:`phongtrao_hue.official`.
        year: the plan's year, 2025 or later; the period summarised ends in 2025.
        movement: the movement summarised.

    Raises:
        ValueError: when ``unit`` is not one of the official units of Huế.
    """
    if unit not in units():
        raise ValueError(f"{unit.full_name} is not an official unit of thành phố Huế; expected "
                         "one of phongtrao_hue.units()")
    plan = starter_plan(unit.level, unit.full_name, year, movement)
    bases = (_city_basis(plan),) if unit.level is Level.XA else plan.bases
    return attrs.evolve(
        plan,
        issuer=attrs.evolve(plan.issuer, unit=unit),
        bases=bases,
        recipients=_recipients(plan, unit),
    )
