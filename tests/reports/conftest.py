"""Plans with indicators, their lower units, and forms filled in as an officer fills them.

The Cẩm Xuyên 2021 seed names no indicators: the plan here is the seed with
``examples/cam-xuyen-2021-reports/indicators.yaml`` added, as the example
script makes it. Forms are real .xlsx files written by phongtrao and filled
in with openpyxl, cell by cell, as a commune officer types them in Excel.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest
import yaml

import phongtrao
from phongtrao.model import AdministrativeUnit, Level, Plan, UnitKind
from tests.conftest import ROOT

SEED = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"
INDICATORS = ROOT / "examples" / "cam-xuyen-2021-reports" / "indicators.yaml"

#: Counts by indicator id: (achieved, total), total None for a plain count.
Counts = Mapping[str, tuple[object, object]]


def plan_with_indicators() -> Plan:
    """The seed plan with the example's indicators and targets."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    extra = yaml.safe_load(INDICATORS.read_text(encoding="utf-8"))
    data["indicators"] = extra["indicators"]
    data["orientation"]["targets"] = extra["targets"]
    return phongtrao.structure_plan(data)


def commune(name: str, code: str, kind: UnitKind = UnitKind.XA) -> AdministrativeUnit:
    return AdministrativeUnit(name=name, level=Level.XA, kind=kind, code=code)


#: Three communes of huyện Cẩm Xuyên with their codes, given explicitly so that the
#: messages below do not depend on the plugin's unit data.
MINH = commune("Cẩm Minh", "18751")
HA = commune("Cẩm Hà", "18727")
LAC = commune("Cẩm Lạc", "18748")
THREE = (MINH, HA, LAC)


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The Cẩm Xuyên plan with five indicators (the last a plain count) and four targets."""
    return plan_with_indicators()


def good_counts(seed: int = 0) -> dict[str, tuple[object, object]]:
    """Sound counts, different for each seed."""
    return {
        "gia-dinh-van-hoa": (800 + seed, 900 + 2 * seed),
        "thon-van-hoa": (9 + seed % 3, 12 + seed % 5),
        "co-quan-van-hoa": (5, 6 + seed % 2),
        "nha-van-hoa": (10, 12 + seed % 5),
        "nha-van-hoa-xay-moi": (seed % 4, None),
    }


def fill(path: Path, plan: Plan, counts: Counts, *, reporter: object = "Nguyễn Văn A",
         day: object = "15/03/2021", cells: Mapping[str, object] | None = None) -> Path:
    """Type counts into a form's cells with openpyxl, as an officer does in Excel.

    A count of None leaves its cell empty; ``cells`` sets any other cells too.
    """
    book = openpyxl.load_workbook(path)
    sheet = book["Biểu 1"]
    sheet["C4"] = reporter
    sheet["F4"] = day
    for row, indicator in enumerate(plan.indicators, start=7):
        achieved, total = counts[indicator.id]
        sheet[f"D{row}"] = achieved
        if indicator.paired:
            sheet[f"E{row}"] = total
    for reference, value in (cells or {}).items():
        sheet[reference] = value
    book.save(path)
    return path


def filled_form(folder: Path, plan: Plan, unit: AdministrativeUnit | None, counts: Counts,
                name: str | None = None, **options: object) -> Path:
    """A form made by phongtrao for ``unit`` (blank when None) and filled in."""
    path = folder / (name or f"{unit.name if unit else 'blank'}.xlsx")
    phongtrao.write_form(plan, path, unit, overwrite=True)
    return fill(path, plan, counts, **options)  # type: ignore[arg-type]
