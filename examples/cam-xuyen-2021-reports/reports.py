"""Send the Cẩm Xuyên 2021 statistics forms down, fill them with invented numbers, add them up.

The district's plan (``examples/cam-xuyen-2021/plan.yaml``) asks each xã and
thị trấn to report its results. This script does the whole round:

1. adds the indicators of ``indicators.yaml`` (and its targets) to the seed
   plan and writes the result as OUT/plan.yaml (the seed itself names none);
2. takes the district's lower units through ``phongtrao.lower_units`` (the
   ``ha-tinh`` plugin's catalog gives the communes of 2021);
3. writes one form per commune into OUT/forms/ (``phongtrao.write_forms``), as
   ``phongtrao form OUT/plan.yaml --units -o OUT/forms`` does;
4. fills every form with INVENTED numbers, as a commune officer would in
   Excel (here with openpyxl) — they are made up, drawn from a fixed seed, and
   are no real results of any commune;
5. reads the forms back (``phongtrao.read_results``) and adds them up
   (``phongtrao.aggregate``) into OUT/tong-hop/: tong-hop.xlsx, ket-qua.yaml
   (the district's sums, which the province reads as one unit's report) and
   the charts, as ``phongtrao aggregate OUT/plan.yaml OUT/forms -o
   OUT/tong-hop`` does.

Run from anywhere::

    python examples/cam-xuyen-2021-reports/reports.py [OUT]

OUT is the folder to write into; by default a new temporary folder, printed.
Exit 1 when the lower units cannot be found (install plugins/phongtrao-hatinh).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import openpyxl
import yaml

import phongtrao
from phongtrao.model import Plan

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "cam-xuyen-2021" / "plan.yaml"
INDICATORS = HERE / "indicators.yaml"
#: Who "filled in" the invented forms: the numbers are made up, and say so.
REPORTER = "Số liệu giả định (ví dụ)"


def plan_with_indicators() -> Plan:
    """The seed plan with the indicators and targets of indicators.yaml."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    extra = yaml.safe_load(INDICATORS.read_text(encoding="utf-8"))
    data["indicators"] = extra["indicators"]
    data["orientation"]["targets"] = extra["targets"]
    return phongtrao.structure_plan(data, source=str(INDICATORS))


def invented_counts(index: int) -> dict[str, tuple[int, int | None]]:
    """Made-up counts for the index-th commune, the same on every run."""
    draw = random.Random(2021 + index)
    households = draw.randint(1200, 4200)
    villages = draw.randint(6, 18)
    offices = draw.randint(4, 14)
    return {
        "gia-dinh-van-hoa": (round(households * draw.uniform(0.82, 0.97)), households),
        "thon-van-hoa": (round(villages * draw.uniform(0.55, 1.0)), villages),
        "co-quan-van-hoa": (round(offices * draw.uniform(0.8, 1.0)), offices),
        "nha-van-hoa": (round(villages * draw.uniform(0.7, 1.0)), villages),
        "nha-van-hoa-xay-moi": (draw.randint(0, 5), None),
    }


def fill(path: Path, plan: Plan, counts: dict[str, tuple[int, int | None]]) -> None:
    """Type the counts into the form's yellow cells, as an officer does in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book["Biểu 1"]
    sheet["C4"] = REPORTER
    sheet["F4"] = "15/03/2021"
    for row, indicator in enumerate(plan.indicators, start=7):
        achieved, total = counts[indicator.id]
        sheet[f"D{row}"] = achieved
        if total is not None:
            sheet[f"E{row}"] = total
    book.save(path)


def main(argv: list[str]) -> int:
    given = Path(argv[1]) if len(argv) > 1 else None
    out = (given or Path(tempfile.mkdtemp(prefix="phongtrao-reports-"))).resolve()
    print(f"writing to {out}")
    plan = plan_with_indicators()
    phongtrao.dump_plan(plan, out / "plan.yaml")
    print(f"plan.yaml: the seed plan with {len(plan.indicators)} indicators "
          f"(plan key {phongtrao.plan_key(plan)})")
    try:
        units = phongtrao.lower_units(plan)
    except ValueError as error:
        print(f"the communes are not known: {error}", file=sys.stderr)
        print("install plugins/phongtrao-hatinh (pip install -e plugins/phongtrao-hatinh)",
              file=sys.stderr)
        return 1
    forms = phongtrao.write_forms(plan, out / "forms", units, overwrite=True)
    print(f"forms/: {len(forms)} forms, one per commune")
    for index, path in enumerate(forms):
        fill(path, plan, invented_counts(index))
    print(f"filled them with invented numbers (reporter: {REPORTER!r})")

    results = phongtrao.read_results(plan, forms, units=units)
    total = phongtrao.aggregate(plan, results)
    written = phongtrao.write_aggregate(total, out / "tong-hop", overwrite=True, plan=plan)
    print(f"tong-hop/: {', '.join(path.name for path in written)}")
    for item in total.indicators:
        met = {True: "target met", False: "target not met", None: "no target"}[item.target_met]
        print(f"  {item.indicator.name}: {item.phrase} [{met}]")
    print(f"{len(total.reported)} of {len(units)} communes reported")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
