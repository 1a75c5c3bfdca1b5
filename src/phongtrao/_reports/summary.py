"""Writing an aggregate: an .xlsx summary, PNG charts, and a results file for the level above.

``tong-hop.xlsx`` has a first sheet with the sums of every indicator and the
units that did not report or were left out, then one sheet per indicator:
one row per unit and a total row, whose share is that of the sums. Cells
hold values (no formulas), so that any reader sees the numbers.
``ket-qua.yaml`` holds the sums as the report of the plan's issuer: the
level above reads it as one unit's results (:mod:`phongtrao._reports.files`).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phongtrao._files import make_converter, write_all
from phongtrao._files.formats import Format, dump_text
from phongtrao._reports.files import CountEntry, ResultsFile, UnitEntry
from phongtrao._reports.keys import RESULTS_VERSION
from phongtrao.model import Aggregate, IndicatorTotal, Plan
from phongtrao.vi import slug

if TYPE_CHECKING:
    from phongtrao._rendering import Renderer

__all__ = ["aggregate_files", "results_text", "summary_bytes", "write_aggregate"]

SUMMARY = "tong-hop.xlsx"
RESULTS = "ket-qua.yaml"
TARGETS_CHART = "bieu-do-muc-tieu.png"
REPORT = "bao-cao.docx"
_FONT = "Times New Roman"


def heading(aggregate: Aggregate) -> str:
    """How the charts and sheets name the aggregate: "UBND huyện Cẩm Xuyên, 2000-2020"."""
    period = aggregate.period
    return aggregate.issuer + (f", {period.start}-{period.end}" if period else "")


def chart_name(total: IndicatorTotal) -> str:
    """The file name of an indicator's chart: ``bieu-do-gia-dinh-van-hoa.png``."""
    return f"bieu-do-{slug(total.indicator.id, 'chi-tieu')}.png"


def _sheet_names(aggregate: Aggregate) -> list[str]:
    taken = {"tổng hợp"}
    names = []
    for position, total in enumerate(aggregate.indicators, start=1):
        base = re.sub(r"[\[\]:*?/\\']", " ", total.indicator.name).strip()[:26] or "Chỉ tiêu"
        name = f"{position}. {base}"[:31]
        while name.casefold() in taken:
            name = f"{name[:28]}-{position}"
        taken.add(name.casefold())
        names.append(name)
    return names


def _missing_line(aggregate: Aggregate) -> str:
    names = aggregate.not_counted()
    return f"Chưa báo cáo hoặc chưa tính ({len(names)}): {', '.join(names)}." if names else (
        "Tất cả các đơn vị đã báo cáo.")


def summary_bytes(aggregate: Aggregate) -> bytes:
    """The .xlsx summary of an aggregate: the sums, then one sheet per indicator."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    body, bold = Font(name=_FONT, size=12), Font(name=_FONT, size=12, bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")

    def table(sheet: Any, row: int, values: list[Any], *, strong: bool = False) -> None:
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.font = bold if strong else body
            cell.border = border
            cell.alignment = wrap
            if isinstance(value, float):
                cell.number_format = "0.0%"
            elif isinstance(value, int):
                cell.number_format = "#,##0"

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Tổng hợp"
    first["A1"] = f"TỔNG HỢP KẾT QUẢ — {heading(aggregate).upper()}"
    first["A1"].font = Font(name=_FONT, size=13, bold=True)
    expected = len(aggregate.reported) + len(aggregate.missing) + len(aggregate.left_out)
    first["A2"] = (f"Số đơn vị đã tính: {len(aggregate.reported)}/{expected}. "
                   f"{_missing_line(aggregate)}")
    first["A2"].font = body
    table(first, 4, ["STT", "Chỉ tiêu", "Đơn vị tính", "Số đạt", "Tổng số", "Tỷ lệ",
                     "Mục tiêu", "Đạt mục tiêu"], strong=True)
    for position, total in enumerate(aggregate.indicators, start=1):
        target = total.target
        goal = "" if target is None else (f"{target.percent}%" if target.percent is not None
                                          else f"{target.count}")
        met = {True: "Đạt", False: "Chưa đạt", None: ""}[total.target_met]
        table(first, 4 + position, [position, total.indicator.name, total.indicator.counted,
                                    total.achieved, total.total, _fraction(total), goal, met])
    for column, width in zip("ABCDEFGH", (6, 30, 16, 12, 12, 10, 10, 12), strict=True):
        first.column_dimensions[column].width = width
    for name, total in zip(_sheet_names(aggregate), aggregate.indicators, strict=True):
        sheet = book.create_sheet(name)
        indicator = total.indicator
        sheet["A1"] = f"{indicator.name.upper()} — {heading(aggregate)}"
        sheet["A1"].font = bold
        sheet["A2"] = f"{indicator.counted} {indicator.achieved_as}"
        sheet["A2"].font = body
        headers = ["STT", "Đơn vị", "Mã đơn vị", "Số đạt" if indicator.paired else "Số lượng"]
        if indicator.paired:
            headers += ["Tổng số", "Tỷ lệ"]
        table(sheet, 4, headers, strong=True)
        row = 5
        for position, unit_row in enumerate(total.rows, start=1):
            values: list[Any] = [position, unit_row.unit.full_name, unit_row.unit.code or "",
                                 unit_row.achieved]
            if indicator.paired:
                values += [unit_row.total, _share(unit_row.achieved, unit_row.total)]
            table(sheet, row, values)
            row += 1
        totals: list[Any] = ["", "Tổng cộng", "", total.achieved]
        if indicator.paired:
            totals += [total.total, _fraction(total)]
        table(sheet, row, totals, strong=True)
        sheet.cell(row=row + 2, column=1, value=_missing_line(aggregate)).font = body
        for column, width in zip("ABCDEF", (6, 28, 12, 12, 12, 10), strict=True):
            sheet.column_dimensions[column].width = width
    book.properties.creator = "phongtrao"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _share(achieved: int, total: int | None) -> float | str:
    """A share as a spreadsheet fraction (0.942 shows 94,2%); "" for a total of 0."""
    if not total:
        return ""
    return achieved / total


def _fraction(total: IndicatorTotal) -> float | str:
    return "" if total.total is None else _share(total.achieved, total.total)


def results_text(aggregate: Aggregate) -> str:
    """The sums as a results file: the report of the plan's issuer to the level above.

    Raises:
        ValueError: when the plan's issuer names no administrative unit.
    """
    report = aggregate.as_results()
    document = ResultsFile(
        version=RESULTS_VERSION, aggregate_of=aggregate.plan_key,
        units=(UnitEntry(unit=report.unit, left_out=report.left_out, results=tuple(
            CountEntry(indicator=result.indicator, achieved=result.achieved,
                       total=result.total) for result in report.results)),))
    data = make_converter().unstructure(document)
    head = (f"# Tổng hợp kết quả của {heading(aggregate)}, written by phongtrao aggregate.\n"
            "# The level above reads it as one unit's results (phongtrao aggregate PLAN "
            f"{RESULTS} …).\n")
    return head + dump_text(data, Format.YAML)


def aggregate_files(aggregate: Aggregate, *, charts: bool = True, plan: Plan | None = None,
                    renderer: Renderer | None = None) -> dict[str, bytes]:
    """Every file of an aggregate, by name: the summary, the results file and the charts.

    With ``plan`` (the plan added up under), also ``bao-cao.docx``: the báo cáo
    tổng kết with the sums in its indicator table, and a Phụ lục with each
    indicator's table by unit and its chart (:meth:`phongtrao.Renderer.report_bytes`,
    with ``renderer`` or the default one).
    """
    files = {SUMMARY: summary_bytes(aggregate)}
    if aggregate.unit is not None:
        files[RESULTS] = results_text(aggregate).encode("utf-8")
    if charts:
        try:
            import matplotlib  # noqa: F401 - only to say what to install
        except ImportError:
            raise ImportError("the charts need matplotlib; install it with pip install "
                              "'phongtrao[charts]', or write no charts (charts=False, "
                              "--no-charts)") from None
        from phongtrao._reports.charts import indicator_chart, targets_chart

        title = heading(aggregate)
        for total in aggregate.indicators:
            if total.rows:
                files[chart_name(total)] = indicator_chart(total, title)
        against = targets_chart(aggregate, title)
        if against is not None:
            files[TARGETS_CHART] = against
    if plan is not None:
        if renderer is None:
            from phongtrao._default import default_renderer

            renderer = default_renderer()
        by_id = {total.indicator.id: files[chart_name(total)] for total in aggregate.indicators
                 if chart_name(total) in files}
        files[REPORT] = renderer.report_bytes(plan, aggregate, by_id, files.get(TARGETS_CHART),
                                              draft=True)
    return files


def write_aggregate(aggregate: Aggregate, folder: str | os.PathLike[str], *,
                    overwrite: bool = False, charts: bool = True, plan: Plan | None = None,
                    renderer: Renderer | None = None) -> list[Path]:
    """Write an aggregate into ``folder``: all its files, or none.

    ``tong-hop.xlsx`` (the summary), ``ket-qua.yaml`` (the sums as one unit's
    results for the level above), ``bieu-do-<indicator>.png`` for each
    indicator and ``bieu-do-muc-tieu.png`` (results against the targets);
    with ``plan``, ``bao-cao.docx``, the báo cáo tổng kết with the sums, the
    tables by unit and the charts (see :func:`aggregate_files`).

    Raises:
        FileExistsError: when a file exists and ``overwrite`` is false; nothing
            is written then.
        ImportError: when ``charts`` is true and matplotlib is not installed
            (``pip install 'phongtrao[charts]'``); nothing is written then.
    """
    base = Path(folder)
    files = aggregate_files(aggregate, charts=charts, plan=plan, renderer=renderer)
    return write_all({base / name: data for name, data in files.items()}, overwrite=overwrite)
