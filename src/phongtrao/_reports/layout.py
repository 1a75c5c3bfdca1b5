"""Where everything is on a form (biểu mẫu): one place for the writer and the reader.

Sheet ``Biểu 1`` holds the unit's identity (rows 3-4), a line of
instructions (row 5), the header (row 6) and one row per indicator from row
7: achieved (or the plain count) in column D, the total in column E. A very
hidden sheet, ``phongtrao``, holds the marker: what the file is, the form's
version, the plan's key, and the unit the form was made for, one key and
value a row in columns A and B.
"""

from __future__ import annotations

__all__ = [
    "ACHIEVED",
    "DATE",
    "FIRST_ROW",
    "HEADER_ROW",
    "INSTRUCTIONS",
    "MARKER",
    "MARKER_KEYS",
    "MARKER_WHAT",
    "REPORTER",
    "SHEET",
    "TOTAL",
    "UNIT_CODE",
    "UNIT_NAME",
    "achieved_cell",
    "total_cell",
]

#: The sheet an officer fills in.
SHEET = "Biểu 1"
#: The sheet of instructions, in Vietnamese.
INSTRUCTIONS = "Hướng dẫn"
#: The very hidden sheet that holds the marker.
MARKER = "phongtrao"
#: What cell A1 of the marker says the file is, in B1.
MARKER_WHAT = "bieu-mau"
#: The marker's keys, in their rows from 2 (column A; the values in column B).
MARKER_KEYS = ("version", "plan", "title", "issuer", "unit_name", "unit_level", "unit_kind",
               "unit_code", "indicators")

UNIT_NAME, UNIT_CODE = "C3", "F3"
REPORTER, DATE = "C4", "F4"
HEADER_ROW = 6
FIRST_ROW = 7
ACHIEVED, TOTAL = "D", "E"


def achieved_cell(index: int) -> str:
    """The cell of the achieved count (or plain count) of the plan's ``index``-th indicator."""
    return f"{ACHIEVED}{FIRST_ROW + index}"


def total_cell(index: int) -> str:
    """The cell of the total of the plan's ``index``-th indicator."""
    return f"{TOTAL}{FIRST_ROW + index}"
