"""The statistics form (biểu mẫu) a plan sends down: an .xlsx for each lower unit.

One sheet, ``Biểu 1``, for the officer: the unit's identity, one row per
indicator of the plan with the cells to fill (yellow, unlocked, whole
numbers of 0 or more), everything else locked; a sheet of instructions in
Vietnamese; and a very hidden marker (:mod:`phongtrao._reports.layout`)
naming the plan's key, the form's version and the unit, so that a returned
form is matched to its plan and its unit. Written with openpyxl, imported
when a form is first made.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from phongtrao._files import write_all, write_atomically
from phongtrao._reports import layout
from phongtrao._reports.keys import FORM_VERSION, plan_key
from phongtrao.model import AdministrativeUnit, Indicator, Plan
from phongtrao.vi import slug

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["form_bytes", "form_names", "write_form", "write_forms"]

#: The largest count a cell accepts (Excel's check; the reader checks again).
MAX_COUNT = 1_000_000_000
_FONT = "Times New Roman"
_FILL = "FFF2CC"  # the cells to fill: light yellow
_GREY = "E7E6E6"  # a total a plain count does not have


def _issuer(plan: Plan) -> str:
    return plan.issuer.full_name


def _title(plan: Plan) -> str:
    movement = plan.movement
    if movement is None:
        return "BIỂU THỐNG KÊ KẾT QUẢ"
    period = f" GIAI ĐOẠN {plan.period.start}-{plan.period.end}" if plan.period else ""
    return f"BIỂU THỐNG KÊ KẾT QUẢ THỰC HIỆN PHONG TRÀO “{movement.name.upper()}”{period}"


def _instructions(plan: Plan) -> list[str]:
    return [
        "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
        f"Biểu mẫu này do {_issuer(plan)} gửi để tổng hợp kết quả theo Kế hoạch: {plan.title}.",
        "1. Chỉ điền vào các ô màu vàng trên trang “Biểu 1”; các ô khác đã được khóa.",
        "2. Ghi tên đơn vị (nếu chưa có), họ và tên người lập biểu và ngày lập biểu.",
        ("3. Mỗi chỉ tiêu: cột D ghi số đạt, cột E ghi tổng số (ví dụ: 812 hộ gia đình đạt "
        "danh hiệu “Gia đình văn hóa” trên tổng số 900 hộ gia đình). Chỉ tiêu chỉ đếm số lượng "
        "thì chỉ ghi cột D."),
        ("4. Chỉ ghi số nguyên, không âm, không ghi chữ hay dấu chấm phân cách hàng nghìn; số "
        "đạt không được lớn hơn tổng số. Không có thì ghi 0; không bỏ trống ô nào."),
        ("5. Tỷ lệ (cột F) được tính tự động; cấp trên tính lại tỷ lệ từ tổng các số, không "
        "lấy trung bình các tỷ lệ."),
        "6. Không đổi tên, thêm hay xóa trang; lưu tệp dạng .xlsx và gửi lại tệp này.",
    ]


def _unit_label(unit: AdministrativeUnit | None) -> str:
    return "" if unit is None else unit.full_name


def _marker_values(plan: Plan, unit: AdministrativeUnit | None) -> list[Any]:
    return [
        FORM_VERSION, plan_key(plan), plan.title, _issuer(plan),
        unit.name if unit else "", unit.level.value if unit else "",
        unit.kind.value if unit else "", (unit.code or "") if unit else "",
        ",".join(item.id for item in plan.indicators),
    ]


def _style_row(sheet: Worksheet, row: int, columns: str, **style: Any) -> None:
    for column in columns:
        for name, value in style.items():
            setattr(sheet[f"{column}{row}"], name, value)


def _indicator_row(sheet: Worksheet, index: int, indicator: Indicator, styles: Any) -> None:
    row = layout.FIRST_ROW + index
    achieved, total = layout.achieved_cell(index), layout.total_cell(index)
    sheet[f"A{row}"] = index + 1
    sheet[f"B{row}"] = indicator.name
    sheet[f"C{row}"] = indicator.counted
    sheet[f"G{row}"] = indicator.achieved_as if indicator.paired else (
        f"{indicator.achieved_as} (chỉ ghi số lượng)")
    open_cells = [achieved, total] if indicator.paired else [achieved]
    for cell in open_cells:
        sheet[cell].fill = styles.fill
        sheet[cell].protection = styles.unlocked
        sheet[cell].number_format = "#,##0"
    if indicator.paired:
        sheet[f"F{row}"] = (f'=IF(AND(ISNUMBER({achieved}),ISNUMBER({total}),{total}>0),'
                            f'{achieved}/{total},"")')
        sheet[f"F{row}"].number_format = "0.0%"
    else:
        sheet[total].fill = styles.grey
        sheet[f"F{row}"].fill = styles.grey
    for column in "ABCDEFG":
        cell = sheet[f"{column}{row}"]
        cell.border = styles.border
        cell.font = styles.body
        cell.alignment = styles.wrap if column in "BCG" else styles.centre


class _Styles:
    """The form's few styles, made once per form."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        side = Side(style="thin")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.body = Font(name=_FONT, size=12)
        self.bold = Font(name=_FONT, size=12, bold=True)
        self.title = Font(name=_FONT, size=13, bold=True)
        self.italic = Font(name=_FONT, size=11, italic=True)
        self.fill = PatternFill("solid", start_color=_FILL, end_color=_FILL)
        self.grey = PatternFill("solid", start_color=_GREY, end_color=_GREY)
        self.unlocked = Protection(locked=False)
        self.wrap = Alignment(wrap_text=True, vertical="center")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)


def form_bytes(plan: Plan, unit: AdministrativeUnit | None = None) -> bytes:
    """The .xlsx form of ``plan``, made for ``unit`` (its name and code filled in) or blank.

    Raises:
        ValueError: when the plan defines no indicators (nothing to count).
    """
    if not plan.indicators:
        raise ValueError("the plan defines no indicators, so its form would have nothing to "
                         "count; add them under 'indicators:' (docs/howto-issuers.md)")
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    styles = _Styles()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = layout.SHEET
    sheet.merge_cells("A1:G1")
    sheet["A1"] = _title(plan)
    sheet["A1"].font = styles.title
    sheet["A1"].alignment = styles.centre
    sheet.row_dimensions[1].height = 36
    sheet.merge_cells("A2:G2")
    sheet["A2"] = f"(Kèm theo Kế hoạch {plan.title} của {_issuer(plan)})"
    sheet["A2"].font = styles.italic
    sheet["A2"].alignment = styles.centre
    sheet.row_dimensions[2].height = 32
    labels = {"B3": "Đơn vị báo cáo:", "E3": "Mã đơn vị:", "B4": "Người lập biểu:",
              "E4": "Ngày lập biểu:"}
    for cell, text in labels.items():
        sheet[cell] = text
        sheet[cell].font = styles.bold
    sheet[layout.UNIT_NAME] = _unit_label(unit)
    sheet[layout.UNIT_CODE] = (unit.code or "") if unit is not None else ""
    blanks = [layout.REPORTER, layout.DATE] + (
        [layout.UNIT_NAME, layout.UNIT_CODE] if unit is None else [])
    for cell in [layout.UNIT_NAME, layout.UNIT_CODE, layout.REPORTER, layout.DATE]:
        sheet[cell].font = styles.body
    for cell in blanks:
        sheet[cell].fill = styles.fill
        sheet[cell].protection = styles.unlocked
    sheet[layout.DATE].number_format = "DD/MM/YYYY"
    sheet.merge_cells("A5:G5")
    sheet["A5"] = ("Điền số nguyên không âm vào các ô màu vàng (cột D: số đạt hoặc số lượng; "
                   "cột E: tổng số). Xem trang “Hướng dẫn”.")
    sheet["A5"].font = styles.italic
    sheet["A5"].alignment = styles.wrap
    sheet.row_dimensions[5].height = 30
    headers = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số đạt (số lượng)", "Tổng số", "Tỷ lệ",
               "Tiêu chí đạt"]
    for column, text in zip("ABCDEFG", headers, strict=True):
        cell = sheet[f"{column}{layout.HEADER_ROW}"]
        cell.value = text
        cell.font = styles.bold
        cell.alignment = styles.centre
        cell.border = styles.border
    for index, indicator in enumerate(plan.indicators):
        _indicator_row(sheet, index, indicator, styles)
    for column, width in zip("ABCDEFG", (6, 28, 16, 14, 14, 10, 40), strict=True):
        sheet.column_dimensions[column].width = width

    last = layout.FIRST_ROW + len(plan.indicators) - 1
    counts = DataValidation(
        type="whole", operator="between", formula1="0", formula2=str(MAX_COUNT),
        allow_blank=True, showErrorMessage=True, errorTitle="Chỉ ghi số nguyên",
        error="Chỉ ghi số nguyên không âm (0, 1, 2 …), không ghi chữ.",
        showInputMessage=True, promptTitle="Số liệu", prompt="Ghi số nguyên không âm.")
    counts.add(f"{layout.ACHIEVED}{layout.FIRST_ROW}:{layout.TOTAL}{last}")
    dates = DataValidation(type="date", operator="greaterThan", formula1="1",
                           allow_blank=True, showErrorMessage=True, errorTitle="Ngày lập",
                           error="Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2021.")
    dates.add(layout.DATE)
    sheet.add_data_validation(counts)
    sheet.add_data_validation(dates)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widening a column to read it is allowed
    sheet.freeze_panes = f"A{layout.FIRST_ROW}"
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1

    guide = book.create_sheet(layout.INSTRUCTIONS)
    for row, text in enumerate(_instructions(plan), start=1):
        guide[f"A{row}"] = text
        guide[f"A{row}"].font = styles.bold if row == 1 else styles.body
        guide[f"A{row}"].alignment = styles.wrap
    guide.column_dimensions["A"].width = 110
    guide.protection.sheet = True

    marker = book.create_sheet(layout.MARKER)
    marker["A1"], marker["B1"] = "phongtrao", layout.MARKER_WHAT
    values = _marker_values(plan, unit)
    for row, (key, value) in enumerate(zip(layout.MARKER_KEYS, values, strict=True), start=2):
        marker[f"A{row}"], marker[f"B{row}"] = key, value
    marker.sheet_state = "veryHidden"
    marker.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    book.properties.creator = "phongtrao"
    book.properties.title = _title(plan)
    book.active = 0
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def form_names(units: Sequence[AdministrativeUnit]) -> list[str]:
    """Stable, readable, unique file names: ``bieu-mau-xa-cam-minh-18751.xlsx``."""
    from phongtrao._batch import unique_names

    stems = []
    for unit in units:
        code = slug(unit.code or "")
        stems.append("-".join(part for part in ("bieu-mau", slug(unit.full_name, "don-vi"), code)
                              if part))
    return unique_names(stems, ".xlsx")


def write_form(plan: Plan, path: str | os.PathLike[str], unit: AdministrativeUnit | None = None,
               *, overwrite: bool = False) -> Path:
    """Write the form of ``plan`` (for ``unit``, or blank) to ``path``, atomically.

    Raises:
        ValueError: when the plan has no indicators, or ``path`` is not an .xlsx.
        FileExistsError: when the file exists and ``overwrite`` is false.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValueError(f"a form is an Excel workbook; give a path ending in .xlsx, not "
                         f"{str(target)!r}")
    data = form_bytes(plan, unit)
    write_atomically(target, data, overwrite=overwrite)
    return target


def write_forms(plan: Plan, folder: str | os.PathLike[str],
                units: Iterable[AdministrativeUnit], *, overwrite: bool = False) -> list[Path]:
    """Write one form per unit into ``folder``, named by :func:`form_names`; all or none.

    Every form is made before any is written, and no file is written when one
    exists (without ``overwrite``); a failure while writing removes the forms
    this call wrote.

    Raises:
        ValueError: when the plan has no indicators, or no unit is given.
        FileExistsError: when a form exists and ``overwrite`` is false (nothing written).
    """
    chosen = list(units)
    if not chosen:
        raise ValueError("no units to make forms for; give the lower units (--units)")
    base = Path(folder)
    files = {base / name: form_bytes(plan, unit)
             for unit, name in zip(chosen, form_names(chosen), strict=True)}
    return write_all(files, overwrite=overwrite)
