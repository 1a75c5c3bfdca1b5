"""A nominee list (danh sách đề nghị khen thưởng) read from an .xlsx file.

Officers keep the list of those proposed for an award in Excel, one row a
nominee, and send it around; it is read here with the bounded reader of
returned forms (:mod:`phongtrao._reports.xlsx`: no zip bomb, no entity, no
cell beyond the list), never with a spreadsheet application. Row 1 of the
first visible sheet holds the headings, in any order, matched by their words
with or without accents:

=========================  ================  ==========
heading                    field             required
=========================  ================  ==========
STT                        (ignored)
Họ và tên / Tên tập thể    ``name``          yes
Đối tượng                  ``recipient``     yes
Chức vụ                    ``position``
Đơn vị                     ``unit``
Thành tích tóm tắt         ``summary``
Hình thức                  ``grant``
=========================  ================  ==========

Every problem is reported with its file, sheet and cell, all at once; nothing
is returned while one remains. The list keeps where each nominee came from,
so that the plan's checks on nominees (listed twice, the wrong kind, a form
the authority may not give on the decision's day) name the row and column too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import attrs

from phongtrao import vi
from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._reports.reading import read_file
from phongtrao._reports.xlsx import Cell, NotReadable, Workbook, cell_reference, column_row
from phongtrao.errors import ModelError, NomineeListError, ResultProblem
from phongtrao.model import Nominee, RecipientKind

__all__ = ["HEADINGS", "NomineeList", "load_nominees"]

#: The headings a list's row 1 may hold, by the field each fills (the first is the usual one).
HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("Họ và tên / Tên tập thể", "Họ và tên", "Tên tập thể", "Tên"),
    "recipient": ("Đối tượng",),
    "position": ("Chức vụ",),
    "unit": ("Đơn vị", "Chức vụ, đơn vị", "Đơn vị công tác"),
    "summary": ("Thành tích tóm tắt", "Thành tích"),
    "grant": ("Hình thức", "Hình thức khen thưởng"),
}
#: Headings of columns a list may have that hold nothing to read, folded.
_IGNORED = frozenset(vi.fold(heading) for heading in ("STT", "Số TT", "Ghi chú"))
_REQUIRED = ("name", "recipient")
#: The most nominees a list holds; a decision lists tens, a province's hundreds.
MAX_ROWS = 5_000
_LAST_COLUMN = 26  # headings are looked for in A1:Z1


_BY_HEADING = {vi.fold(heading): field for field, headings in HEADINGS.items()
               for heading in headings}
_RECIPIENTS = {vi.fold(kind.vi): kind.value for kind in RecipientKind}
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
#: Records a problem: where (``Sheet!C5``), its code, what is wrong and what would be right.
_Report = Callable[[str, str, str], None]


@attrs.frozen
class NomineeList:
    """The nominees of a list file, and the cell each of their fields came from.

    Attributes:
        source: the file, as it was given.
        sheet: the sheet read.
        nominees: the nominees, in the order of their rows.
        cells: for each nominee, its fields' cells (``{"name": "B4", …}``),
            and ``"row"`` for the row itself (``"4"``).
    """

    source: str
    sheet: str
    nominees: tuple[Nominee, ...]
    cells: tuple[dict[str, str], ...]

    def locate(self, path: str) -> str | None:
        """Where in the file a plan path about a nominee points: ``Danh sách!G7``.

        ``$.nominees[3].grant`` is the grant's cell of the fourth nominee's
        row, ``$.nominees[3]`` its row (``Danh sách row 5``); None for a path
        about anything else.
        """
        found = re.match(r"^\$\.nominees\[(\d+)\](?:\.(\w+))?", path)
        if found is None or int(found.group(1)) >= len(self.cells):
            return None
        cells = self.cells[int(found.group(1))]
        field = found.group(2)
        if field is not None and field in cells:
            return f"{self.sheet}!{cells[field]}"
        return f"{self.sheet} row {cells['row']}"


def load_nominees(source: str | os.PathLike[str] | bytes, *, name: str | None = None,
                  limits: Limits | None = None) -> NomineeList:
    """Read a nominee list from an .xlsx file (or its bytes).

    Args:
        source: the file, or its bytes.
        name: how messages name the file; its name by default ("danh-sach.xlsx").
        limits: the bounds on what is read (:class:`phongtrao.Limits`:
            ``form_bytes``, ``form_part_bytes``, ``package_entries``).

    Returns:
        The nominees and where each came from; put them in a plan with
        ``attrs.evolve(plan, nominees=found.nominees)``.

    Raises:
        NomineeListError: listing every problem with its file, sheet and cell:
            a file that is no readable .xlsx, a heading missing, an empty
            name, a kind of recipient that is none, text where an id is
            expected, an error cell, more than 5,000 rows.
    """
    bounds = DEFAULT_LIMITS if limits is None else limits
    label = name if name is not None else (
        "<bytes>" if isinstance(source, bytes) else Path(source).name)
    problems: list[ResultProblem] = []

    def problem(where: str, code: str, message: str) -> None:
        problems.append(ResultProblem(source=label, where=where, code=code, message=message))

    try:
        data = source if isinstance(source, bytes) else read_file(Path(source), bounds)
        if isinstance(data, str):  # why the file cannot be read: missing, a folder, too large
            raise NomineeListError([ResultProblem(source=label, where="", code="unreadable",
                                                  message=data)])
        if len(data) > bounds.form_bytes:
            raise NotReadable(f"the file has more than {bounds.form_bytes:,} bytes; a nominee "
                              "list has far fewer (Limits.form_bytes)")
        workbook = Workbook(data, bounds)
        visible = [sheet for sheet, (state, _) in workbook.sheets.items() if state == "visible"]
        if not visible:
            raise NotReadable("it has no visible sheet; the list is the first sheet")
        sheet = visible[0]
        headings = workbook.cells(sheet, [cell_reference(column, 1)
                                          for column in range(1, _LAST_COLUMN + 1)])
        columns = _columns(headings, sheet, problem)
        if problems:
            raise NomineeListError(problems)
        wanted = [f"{letter}{row}" for letter in columns.values()
                  for row in range(2, MAX_ROWS + 3)]
        values = workbook.cells(sheet, wanted)
    except NotReadable as error:
        raise NomineeListError([ResultProblem(
            source=label, where="", code="unreadable",
            message=f"cannot read the nominee list: {error}")]) from None
    rows = sorted({column_row(reference)[1] for reference in values})
    if rows and rows[-1] > MAX_ROWS + 1:
        problem(f"{sheet}!A{rows[-1]}", "too-large",
                f"the list goes on past row {MAX_ROWS + 1}; a list holds at most {MAX_ROWS:,} "
                "nominees: split it into several files")
        raise NomineeListError(problems)
    nominees: list[Nominee] = []
    cells: list[dict[str, str]] = []
    for row in rows:
        found = _nominee(row, columns, values, sheet, problem)
        if found is not None:
            nominees.append(found[0])
            cells.append(found[1])
    if problems:
        raise NomineeListError(problems)
    return NomineeList(source=label, sheet=sheet, nominees=tuple(nominees), cells=tuple(cells))


def _columns(headings: dict[str, Cell], sheet: str,
             problem: _Report) -> dict[str, str]:
    """Each field's column letter, from the headings of row 1."""
    columns: dict[str, str] = {}
    for reference, cell in sorted(headings.items(), key=lambda item: column_row(item[0])):
        text = cell.text.strip()
        letter = reference.rstrip("0123456789")
        if not text or vi.fold(text) in _IGNORED:
            continue
        field = _BY_HEADING.get(vi.fold(text))
        if field is None:
            known = ", ".join(headings[0] for headings in HEADINGS.values())
            problem(f"{sheet}!{reference}", "nominee-heading",
                    f"the heading {text!r} is none of a nominee list's; expected one of "
                    f"STT, {known}")
        elif field in columns:
            problem(f"{sheet}!{reference}", "nominee-heading",
                    f"{text!r} is a second {HEADINGS[field][0]!r} column (the first is column "
                    f"{columns[field]}); expected each heading once")
        else:
            columns[field] = letter
    for field in _REQUIRED:
        if field not in columns:
            problem(f"{sheet}!1", "nominee-heading",
                    f"row 1 has no heading {HEADINGS[field][0]!r}; expected the headings "
                    f"{', '.join(h[0] for h in HEADINGS.values())} in row 1")
    return columns


def _nominee(row: int, columns: dict[str, str], values: dict[str, Cell], sheet: str,
             problem: _Report) -> tuple[Nominee, dict[str, str]] | None:
    texts: dict[str, str] = {}
    where = {field: f"{letter}{row}" for field, letter in columns.items()}
    for field, reference in where.items():
        cell = values.get(reference)
        if cell is None:
            continue
        if cell.kind == "e":
            problem(f"{sheet}!{reference}", "nominee-cell",
                    f"the cell holds the error {cell.text}; expected {HEADINGS[field][0]}")
            continue
        if cell.kind == "b":
            problem(f"{sheet}!{reference}", "nominee-cell",
                    f"the cell holds a yes/no value; expected {HEADINGS[field][0]}")
            continue
        text = " ".join(cell.text.split())
        if text:
            texts[field] = text
    if not texts:
        return None  # an empty row between nominees
    sound = True
    for field in _REQUIRED:
        if field not in texts:
            sound = False
            problem(f"{sheet}!{where[field]}", "nominee-cell",
                    f"row {row} gives no {HEADINGS[field][0]}; expected one for every nominee")
    recipient = texts.get("recipient")
    if recipient is not None:
        kind = _RECIPIENTS.get(vi.fold(recipient))
        if kind is None and _ID.match(recipient):
            kind = recipient  # an id of the plan's own wording
        if kind is None:
            sound = False
            known = ", ".join(each.vi.capitalize() for each in RecipientKind)
            problem(f"{sheet}!{where['recipient']}", "nominee-cell",
                    f"{recipient!r} is no kind of recipient; expected one of {known}, or "
                    "the id of a kind the plan words (awards.wording)")
        else:
            texts["recipient"] = kind
    grant = texts.get("grant")
    if grant is not None and not _ID.match(grant):
        sound = False
        problem(f"{sheet}!{where['grant']}", "nominee-cell",
                f"{grant!r} is no grant id; expected the id of one of the plan's grants "
                "(awards.grants[…].id, such as 'giay-khen-huyen')")
    if not sound:
        return None
    try:
        nominee = Nominee(**texts)
    except ModelError as error:
        field = error.field.split(".")[0].split("[")[0]
        problem(f"{sheet}!{where.get(field, where['name'])}", "nominee-cell", error.message)
        return None
    return nominee, {**where, "row": str(row)}

