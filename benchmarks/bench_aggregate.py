"""Benchmark ``phongtrao aggregate``'s reading and adding against a plain openpyxl loop.

    python benchmarks/bench_aggregate.py [--files 1000] [--jobs 2]

It writes ``--files`` forms of the Cẩm Xuyên plan with the example's
indicators (one per invented commune), fills them with openpyxl as an
officer would, then times, in one run:

- plain: the loop a user would otherwise write — ``openpyxl.load_workbook``
  on each file, read the count cells, add them up (no checks at all);
- phongtrao: ``read_results`` (every cell checked, the marker matched) and
  ``aggregate``, in this process;
- phongtrao, N jobs: the same through ``worker_pool(N)``.

Both give the same sums (checked). The last lines are machine-readable, one
``name=value`` a line; a ratio above 1 means phongtrao is faster.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import yaml

import phongtrao
from phongtrao.model import AdministrativeUnit, Level, Plan, UnitKind

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"
INDICATORS = ROOT / "examples" / "cam-xuyen-2021-reports" / "indicators.yaml"


def plan_with_indicators() -> Plan:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    extra = yaml.safe_load(INDICATORS.read_text(encoding="utf-8"))
    data["indicators"] = extra["indicators"]
    data["orientation"]["targets"] = extra["targets"]
    return phongtrao.structure_plan(data)


def make_forms(plan: Plan, folder: Path, count: int) -> tuple[list[Path], list[AdministrativeUnit]]:
    units = [AdministrativeUnit(name=f"Thử {index}", level=Level.XA, kind=UnitKind.XA,
                                code=str(90000 + index)) for index in range(count)]
    paths = phongtrao.write_forms(plan, folder, units)
    for index, path in enumerate(paths):
        book = openpyxl.load_workbook(path)
        sheet = book["Biểu 1"]
        for row, indicator in enumerate(plan.indicators, start=7):
            sheet[f"D{row}"] = 10 + index % 7
            if indicator.paired:
                sheet[f"E{row}"] = 20 + index % 5
        book.save(path)
    return paths, units


def plain(paths: list[Path], plan: Plan) -> list[tuple[int, int]]:
    """The loop a user would write: open each workbook, read the cells, add them up."""
    sums = [(0, 0)] * len(plan.indicators)
    for path in paths:
        sheet = openpyxl.load_workbook(path, data_only=True)["Biểu 1"]
        for index in range(len(plan.indicators)):
            achieved = sheet[f"D{7 + index}"].value or 0
            total = sheet[f"E{7 + index}"].value or 0
            sums[index] = (sums[index][0] + achieved, sums[index][1] + total)
    return sums


def ours(paths: list[Path], plan: Plan, units: list[AdministrativeUnit],
         executor: object = None) -> list[tuple[int, int]]:
    results = phongtrao.read_results(plan, paths, units=units, executor=executor)  # type: ignore[arg-type]
    total = phongtrao.aggregate(plan, results)
    return [(item.achieved, item.total or 0) for item in total.indicators]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    plan = plan_with_indicators()
    with tempfile.TemporaryDirectory(prefix="bench-aggregate-") as folder:
        started = time.perf_counter()
        paths, units = make_forms(plan, Path(folder), args.files)
        print(f"made and filled {len(paths)} forms in {time.perf_counter() - started:.1f} s "
              "(not timed below)")
        started = time.perf_counter()
        expected = plain(paths, plan)
        plain_s = time.perf_counter() - started
        started = time.perf_counter()
        alone = ours(paths, plan, units)
        ours_s = time.perf_counter() - started
        with phongtrao.worker_pool(args.jobs) as pool:
            ours(paths[:8], plan, units, pool)  # start the workers before timing
            started = time.perf_counter()
            pooled = ours(paths, plan, units, pool)
            pooled_s = time.perf_counter() - started
    assert expected == alone == pooled, (expected, alone, pooled)
    print(f"plain openpyxl loop: {plain_s:.2f} s; phongtrao: {ours_s:.2f} s; "
          f"phongtrao with {args.jobs} jobs: {pooled_s:.2f} s")
    print(f"files={len(paths)}")
    print(f"plain_s={plain_s:.3f}")
    print(f"phongtrao_s={ours_s:.3f}")
    print(f"phongtrao_jobs_s={pooled_s:.3f}")
    print(f"ratio={plain_s / ours_s:.2f}")
    print(f"ratio_jobs={plain_s / pooled_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
