"""Reading returned forms and results files into :class:`~phongtrao.model.Results`.

Every file is read whole and checked whole, and every problem of every file
is reported at once with its file, sheet and cell ("Cẩm Minh.xlsx Biểu
1!D7: 812 gia đình văn hóa but 790 hộ gia đình; the achieved count cannot
exceed the total"): a form of another version or another plan, a unit that
is not one of the plan's, missing cells, text in number cells, fractions,
negative numbers, achieved above the total, a unit that reports twice.
Nothing partial comes back: either every report is sound, or
:class:`~phongtrao.errors.ResultsError` lists what is wrong — unless
``partial=True``, which leaves the faulty reports out and names them.

Files are read here, bounded (:class:`~phongtrao.Limits`), and parsed where
the executor runs its work — in this thread by default, in worker processes
or on a dask cluster as :func:`phongtrao.render_many` does
(:mod:`phongtrao._dispatch`): workers get bytes and send back typed results.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import stat
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from phongtrao._dispatch import Dispatch, parallelism
from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._reports import layout
from phongtrao._reports.files import CountEntry, ResultsFile, UnitEntry
from phongtrao._reports.keys import FORM_VERSION, RESULTS_VERSION, plan_key
from phongtrao.errors import ModelError, ResultProblem, ResultsError
from phongtrao.model import (
    AdministrativeUnit,
    Indicator,
    LeftOut,
    Level,
    Plan,
    Result,
    Results,
    UnitKind,
    UnitResults,
)
from phongtrao.vi import fold, name_key, split_unit_name

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from phongtrao._reports.xlsx import Cell, Workbook

__all__ = ["CODES", "MAX_COUNT", "read_results"]

#: The largest count read; more is taken for a slip of the keyboard.
MAX_COUNT = 1_000_000_000

#: Every problem code of returned forms and results files, with what it means.
CODES: dict[str, str] = {
    "unreadable": "the file cannot be read: not a regular file, too large, not an .xlsx or "
                  "not UTF-8 text, encrypted, damaged, or beyond a limit",
    "not-a-form": "an .xlsx that is not a form phongtrao made (it has no marker), or one "
                  "whose sheets were removed",
    "form-version": "a form of another version of the layout than this phongtrao reads",
    "other-plan": "a form or results file of another plan (another issuer, document, period "
                  "or indicators)",
    "unit-unknown": "the unit is not one of the plan's lower units, or the form names none",
    "unit-mismatch": "the unit's name and code disagree with each other or with the form's "
                     "marker",
    "unit-twice": "a unit reports twice, in two files or twice in one",
    "cell-missing": "a count to fill in is empty",
    "not-a-number": "a count cell holds text, a yes/no value or an error instead of a number",
    "not-whole": "a count is not a whole number",
    "negative": "a count is negative",
    "too-large": "a count is larger than any real one (a slip of the keyboard)",
    "achieved-over-total": "the achieved count is larger than the total",
    "total-unexpected": "a plain count is given a total",
    "indicator-unknown": "a results file counts an indicator the plan does not define",
    "indicator-missing": "a results file leaves out an indicator of the plan",
    "date-invalid": "the day the form was filled in is not a date",
    "results-partial": "a lower level's sums leave units out (an aggregate written with "
                       "--partial)",
    "results-file": "a results file's keys or values do not fit (a wrong type, an unknown "
                    "or missing key: the same messages as for plan files)",
}

_RESULT_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@attrs.frozen
class Expected:
    """What the plan expects of a report, as the workers need it (it travels to them)."""

    key: str
    title: str
    level: Level | None
    indicators: tuple[Indicator, ...]
    units: tuple[AdministrativeUnit, ...]
    limits: Limits


@attrs.frozen
class Entry:
    """One unit's report read from a file, or a file that gives none, with its problems."""

    source: str
    unit: AdministrativeUnit | None
    results: UnitResults | None
    problems: tuple[ResultProblem, ...]


class _Problems:
    """The problems of one file, in the order found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.found: list[ResultProblem] = []

    def add(self, where: str, code: str, message: str) -> None:
        self.found.append(ResultProblem(source=self.source, where=where, code=code,
                                        message=message))


# -- the unit ------------------------------------------------------------------------


def _code_key(code: str | None) -> str:
    """Codes typed as numbers lose their leading zeros; compare them without."""
    return (code or "").strip().lstrip("0")


def unit_key(unit: AdministrativeUnit) -> tuple[str, ...]:
    """What tells two units apart: the code when it is known, else level, kind and name."""
    if unit.code:
        return ("code", _code_key(unit.code))
    return ("name", unit.level.value, unit.kind.value, name_key(unit.name))


def _lower_level(level: Level | None) -> Level:
    if level is None or level.rank == 0:
        return Level.XA
    return list(Level)[level.rank - 1]


def _match_unit(name: str, kind: str | None, code: str, expected: Expected,
                problems: _Problems, where: str, code_where: str) -> AdministrativeUnit | None:
    """The plan's lower unit that the name (and kind, code) given names; a problem if none."""
    units = expected.units
    shown = f"{UnitKind(kind).vi} {name}" if kind else name
    if units:
        if code:
            by_code = [unit for unit in units if _code_key(unit.code) == _code_key(code)]
            if by_code:
                unit = by_code[0]
                if name and name_key(unit.name) != name_key(name):
                    problems.add(code_where, "unit-mismatch",
                                 f"the code {code} is {unit.full_name}'s, but the form names "
                                 f"{shown}; write the code and the name of the same unit")
                    return None
                return unit
        found = [unit for unit in units if name_key(unit.name) == name_key(name)
                 and (kind is None or unit.kind.value == kind)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            problems.add(code_where, "unit-unknown",
                         f"{len(found)} units are named {name}; write the unit's code too "
                         f"({', '.join(f'{u.full_name}: {u.code}' for u in found)})")
            return None
        close = difflib.get_close_matches(fold(name), [fold(unit.name) for unit in units], n=1,
                                          cutoff=0.8)
        hint = ""
        if close:
            suggestion = next(unit for unit in units if fold(unit.name) == close[0])
            hint = f" (did you mean {suggestion.full_name}?)"
        what = f"{shown} (code {code})" if code else shown
        problems.add(where, "unit-unknown",
                     f"{what} is not one of the {len(units)} units whose reports "
                     f"{expected.title!r} collects{hint}; a form is filled in by one of them")
        return None
    if kind is None:
        problems.add(where, "unit-unknown",
                     f"{name!r} does not say what kind of unit it is; write it with its kind, "
                     f"as 'xã {name}' or 'phường {name}'")
        return None
    unit_kind = UnitKind(kind)
    wanted = _lower_level(expected.level)
    level = wanted if wanted in unit_kind.levels else sorted(unit_kind.levels,
                                                             key=lambda item: item.rank)[0]
    return AdministrativeUnit(name=name, level=level, kind=unit_kind, code=code or None)


def _known_unit(unit: AdministrativeUnit, expected: Expected, problems: _Problems,
                where: str) -> AdministrativeUnit | None:
    """``unit`` as the plan's own lower unit; a problem when the plan has no such unit."""
    if expected.level is not None and unit.level.rank >= expected.level.rank:
        problems.add(where, "unit-unknown",
                     f"{unit.full_name} is not below the plan's issuer (a {unit.level.vi} "
                     f"reports to a higher level than {expected.level.vi}); a form is filled "
                     "in by a lower unit")
        return None
    if not expected.units:
        return unit
    return _match_unit(unit.name, unit.kind.value, unit.code or "", expected, problems, where,
                       where)


# -- counts --------------------------------------------------------------------------


_GROUPED = re.compile(r"^\d{1,3}([.,  ]\d{3})+$")


def _number(cell: Cell | None, where: str, what: str, problems: _Problems) -> int | None:
    """A count from a cell: a whole number of 0 or more, or a problem saying what is wrong."""
    if cell is None:
        problems.add(where, "cell-missing", f"{what} is empty; write the number, 0 if there "
                     "are none")
        return None
    if cell.kind == "s":
        text = cell.text.strip()
        if not text:
            problems.add(where, "cell-missing", f"{what} is empty; write the number, 0 if there "
                         "are none")
            return None
        hint = ("; write it without the thousands separator, as "
                f"{re.sub(r'[^0-9]', '', text)}") if _GROUPED.match(text) else (
            "; write digits only")
        problems.add(where, "not-a-number", f"{what} is the text {text[:40]!r}, not a number"
                     f"{hint}")
        return None
    if cell.kind == "b":
        problems.add(where, "not-a-number", f"{what} is a yes/no value, not a number")
        return None
    if cell.kind == "e":
        problems.add(where, "not-a-number", f"{what} shows the error {cell.text[:20]}; write "
                     "the number itself")
        return None
    if cell.kind == "d":
        problems.add(where, "not-a-number", f"{what} is a date ({cell.text[:20]}), not a number")
        return None
    try:
        value = Decimal(cell.text)
    except InvalidOperation:
        problems.add(where, "not-a-number", f"{what} is {cell.text[:40]!r}, not a number")
        return None
    if not value.is_finite():
        problems.add(where, "not-a-number", f"{what} is {cell.text[:40]!r}, not a number")
        return None
    if value != value.to_integral_value():
        problems.add(where, "not-whole", f"{what} is {cell.text[:20]}, not a whole number; "
                     "counts are whole numbers")
        return None
    return _in_range(int(value), where, what, problems)


def _in_range(value: int, where: str, what: str, problems: _Problems) -> int | None:
    if value < 0:
        problems.add(where, "negative", f"{what} is {value}; a count is 0 or more")
        return None
    if value > MAX_COUNT:
        problems.add(where, "too-large", f"{what} is {value:,}, more than any real count "
                     f"({MAX_COUNT:,}); check the number")
        return None
    return value


def _achieved_what(indicator: Indicator) -> str:
    if indicator.paired:
        return f"the achieved count of “{indicator.name}” ({indicator.counted} achieved)"
    return f"the count of “{indicator.name}” ({indicator.counted})"


def _total_what(indicator: Indicator) -> str:
    return f"the total of “{indicator.name}” ({indicator.counted} in all)"


def _pair(indicator: Indicator, achieved: int | None, total: int | None, where: str,
          problems: _Problems) -> Result | None:
    """The result of the two counts; a problem when the achieved exceeds the total."""
    if achieved is None or (indicator.paired and total is None):
        return None
    if total is not None and achieved > total:
        problems.add(where, "achieved-over-total",
                     f"{achieved} {_lower_first(indicator.name)} but {total} "
                     f"{indicator.counted}; the achieved count cannot exceed the total")
        return None
    return Result(indicator=indicator.id, achieved=achieved, total=total)


# -- a form --------------------------------------------------------------------------


def _text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    text = cell.text.strip()
    if cell.kind == "n" and text.endswith(".0"):
        text = text[:-2]
    return text


def _excel_day(serial: Decimal, date1904: bool) -> datetime.date:
    base = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    return base + datetime.timedelta(days=int(serial))


_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _day(cell: Cell | None, date1904: bool, problems: _Problems) -> datetime.date | None:
    where = f"{layout.SHEET}!{layout.DATE}"
    if cell is None or not cell.text.strip():
        return None
    text = cell.text.strip()
    try:
        if cell.kind == "n":
            serial = Decimal(text)
            if 1 <= serial < 2_958_466:  # 1900-01-01 to 9999-12-31
                return _excel_day(serial, date1904)
        elif cell.kind == "d":
            return datetime.date.fromisoformat(text[:10])
        elif cell.kind == "s":
            found = _DAY.match(text)
            if found:
                day, month, year = (int(part) for part in found.groups())
                return datetime.date(year, month, day)
            return datetime.date.fromisoformat(text)
    except (ValueError, InvalidOperation):
        pass
    problems.add(where, "date-invalid", f"the day the form was filled in, {text[:30]!r}, is not "
                 "a date; write it as day/month/year, 15/03/2021")
    return None


def _marker(workbook: Workbook) -> dict[str, Cell]:
    rows = range(1, len(layout.MARKER_KEYS) + 2)
    cells = workbook.cells(layout.MARKER, [f"{column}{row}" for column in "AB" for row in rows])
    return {_text(cells.get(f"A{row}")): cells[f"B{row}"]
            for row in rows if f"B{row}" in cells}


def _marker_unit(marker: dict[str, Cell]) -> AdministrativeUnit | None:
    name = _text(marker.get("unit_name"))
    if not name:
        return None
    return AdministrativeUnit(name=name, level=Level(_text(marker.get("unit_level"))),
                              kind=UnitKind(_text(marker.get("unit_kind"))),
                              code=_text(marker.get("unit_code")) or None)


def parse_form(source: str, data: bytes, expected: Expected) -> Entry:
    """One returned form: its unit and counts, or every problem it has."""
    from phongtrao._reports.xlsx import NotReadable, Workbook

    problems = _Problems(source)

    def refused(code: str, message: str, unit: AdministrativeUnit | None = None) -> Entry:
        problems.add("", code, message)
        return Entry(source, unit, None, tuple(problems.found))

    try:
        workbook = Workbook(data, expected.limits)
        if layout.MARKER not in workbook.sheets:
            return refused("not-a-form", "it is not a form phongtrao made (it has no marker "
                           "sheet); fill in the form sent with the plan (phongtrao form)")
        marker = _marker(workbook)
        if _text(marker.get("phongtrao")) != layout.MARKER_WHAT:
            return refused("not-a-form", "its marker sheet is not a form's; fill in the form "
                           "sent with the plan (phongtrao form)")
        version = _text(marker.get("version"))
        if version != str(FORM_VERSION):
            return refused("form-version", f"the form is of version {version[:10] or '?'}; "
                           f"this phongtrao reads version {FORM_VERSION}: make the forms again "
                           "with this phongtrao, or read them with the one that made them")
        if _text(marker.get("plan")) != expected.key:
            title = _text(marker.get("title")) or "?"
            issuer = _text(marker.get("issuer")) or "?"
            return refused("other-plan", f"the form is of another plan ({title!r} of {issuer}); "
                           f"expected a form of {expected.title!r} (key {expected.key})")
        if layout.SHEET not in workbook.sheets:
            return refused("not-a-form", f"it has no sheet {layout.SHEET!r}; fill in the form "
                           "as it was sent, without renaming its sheets")
        try:
            made_for = _marker_unit(marker)
        except (ValueError, ModelError):
            return refused("not-a-form", "its marker names a unit phongtrao cannot read; the "
                           "form was changed or damaged: fill in the form as it was sent")
        count = len(expected.indicators)
        wanted = [layout.UNIT_NAME, layout.UNIT_CODE, layout.REPORTER, layout.DATE]
        wanted += [layout.achieved_cell(index) for index in range(count)]
        wanted += [layout.total_cell(index) for index in range(count)]
        cells = workbook.cells(layout.SHEET, wanted)
    except NotReadable as error:
        return refused("unreadable", f"cannot be read as a form: {error}")
    sheet = layout.SHEET
    name_where, code_where = f"{sheet}!{layout.UNIT_NAME}", f"{sheet}!{layout.UNIT_CODE}"
    typed_name, typed_code = _text(cells.get(layout.UNIT_NAME)), _text(cells.get(layout.UNIT_CODE))
    unit: AdministrativeUnit | None
    if made_for is not None:
        unit = made_for
        if name_key(typed_name) != name_key(made_for.full_name):
            problems.add(name_where, "unit-mismatch",
                         f"the form was made for {made_for.full_name}, but names "
                         f"{typed_name!r}; fill in the form made for your unit")
        elif _code_key(typed_code) != _code_key(made_for.code):
            problems.add(code_where, "unit-mismatch",
                         f"the form was made for {made_for.full_name} (code {made_for.code}), "
                         f"but gives the code {typed_code!r}")
        unit = _known_unit(made_for, expected, problems, name_where)
    elif not typed_name:
        problems.add(name_where, "cell-missing", "the unit's name is empty; write it with its "
                     "kind, as 'xã Cẩm Minh'")
        unit = None
    else:
        kind, name, _ = split_unit_name(typed_name)
        unit = _match_unit(name, kind, typed_code, expected, problems, name_where, code_where)
    reporter = _text(cells.get(layout.REPORTER)) or None
    day = _day(cells.get(layout.DATE), workbook.date1904, problems)
    results = []
    for index, indicator in enumerate(expected.indicators):
        achieved_at = f"{sheet}!{layout.achieved_cell(index)}"
        total_at = f"{sheet}!{layout.total_cell(index)}"
        achieved = _number(cells.get(layout.achieved_cell(index)), achieved_at,
                           _achieved_what(indicator), problems)
        total = None
        if indicator.paired:
            total = _number(cells.get(layout.total_cell(index)), total_at,
                            _total_what(indicator), problems)
        elif _text(cells.get(layout.total_cell(index))):
            problems.add(total_at, "total-unexpected", f"“{indicator.name}” is a plain count of "
                         f"{indicator.counted}; it has no total: leave "
                         f"{layout.total_cell(index)} empty")
        result = _pair(indicator, achieved, total, achieved_at, problems)
        if result is not None:
            results.append(result)
    if problems.found or unit is None:
        return Entry(source, unit, None, tuple(problems.found))
    return Entry(source, unit, UnitResults(unit=unit, results=tuple(results), reporter=reporter,
                                           date=day), ())


# -- a results file ------------------------------------------------------------------


def _where(path: str, lines: dict[str, int]) -> str:
    probe = path
    while probe and probe not in lines:
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    line = lines.get(probe) if probe else lines.get("$")
    return path if line is None else f"{path} (line {line})"


def _entry_counts(entry: UnitEntry, path: str, expected: Expected, lines: dict[str, int],
                  strict_ids: bool, problems: _Problems) -> list[Result]:
    by_id: dict[str, tuple[int, CountEntry]] = {}
    known = {indicator.id for indicator in expected.indicators}
    for index, count in enumerate(entry.results):
        where = _where(f"{path}.results[{index}].indicator", lines)
        if count.indicator in by_id:
            problems.add(where, "indicator-unknown", f"the indicator {count.indicator!r} is "
                         "counted twice; count each indicator once")
            continue
        if count.indicator not in known:
            if strict_ids:
                close = difflib.get_close_matches(count.indicator, sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.add(where, "indicator-unknown", f"the plan has no indicator "
                             f"{count.indicator!r}{hint}; its indicators are "
                             f"{', '.join(sorted(known))}")
            continue
        by_id[count.indicator] = (index, count)
    results = []
    for indicator in expected.indicators:
        if indicator.id not in by_id:
            problems.add(_where(f"{path}.results", lines), "indicator-missing",
                         f"no count of the indicator {indicator.id!r} (“{indicator.name}”); "
                         "add it, with 0 if there are none")
            continue
        index, count = by_id[indicator.id]
        at = f"{path}.results[{index}]"
        achieved_at = _where(f"{at}.achieved", lines)
        achieved = (None if count.achieved is None else
                    _in_range(count.achieved, achieved_at, _achieved_what(indicator), problems))
        if count.achieved is None:
            problems.add(_where(at, lines), "cell-missing", f"{_achieved_what(indicator)} "
                         "(achieved:) is missing; write the number, 0 if there are none")
        total = None
        if indicator.paired:
            total_at = _where(f"{at}.total", lines)
            if count.total is None:
                problems.add(_where(at, lines), "cell-missing", f"{_total_what(indicator)} "
                             "(total:) is missing; write the number")
            else:
                total = _in_range(count.total, total_at, _total_what(indicator), problems)
        elif count.total is not None:
            problems.add(_where(f"{at}.total", lines), "total-unexpected",
                         f"“{indicator.name}” is a plain count of {indicator.counted}; it has "
                         "no total: leave total: out")
        result = _pair(indicator, achieved, total, achieved_at, problems)
        if result is not None:
            results.append(result)
    return results


def parse_results_file(source: str, data: bytes, expected: Expected) -> list[Entry]:
    """A results file: each unit's counts, or every problem, unit by unit."""
    from phongtrao._files import make_converter
    from phongtrao._files.formats import Format, ParseError, parse_text, sniff_format
    from phongtrao._files.paths import problems_from

    problems = _Problems(source)

    def refused(code: str, where: str, message: str) -> list[Entry]:
        problems.add(where, code, message)
        return [Entry(source, None, None, tuple(problems.found))]

    if len(data) > expected.limits.form_bytes:
        return refused("unreadable", "", f"the file has more than {expected.limits.form_bytes:,} "
                       "bytes; a results file has far fewer (Limits.form_bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return refused("unreadable", "", f"the file is not UTF-8 text (byte "
                       f"0x{data[error.start]:02X} on line {line}); save it as UTF-8")
    name = _RESULT_SUFFIXES.get(Path(source).suffix.lower())
    fmt = Format(name) if name else sniff_format(text)
    try:
        raw, lines = parse_text(text, fmt, expected.limits)
    except ParseError as error:
        for problem in error.problems:
            at = "" if problem.line is None else f" (line {problem.line})"
            where = f"{problem.path}{at}"
            problems.add(where if where != "$" else "", "unreadable", problem.message)
        return [Entry(source, None, None, tuple(problems.found))]
    if not isinstance(raw, dict):
        return refused("results-file", "$", "a results file holds keys and values at its top "
                       "level (version, plan, units)")
    version = raw.get("version")
    if version != RESULTS_VERSION and isinstance(version, int) and not isinstance(version, bool):
        return refused("form-version", _where("$.version", lines),
                       f"the results file is of version {version}; this phongtrao reads version "
                       f"{RESULTS_VERSION}")
    try:
        document: ResultsFile = make_converter().structure(raw, ResultsFile)
    except Exception as error:  # noqa: BLE001 - every failure becomes a listed problem
        for problem in problems_from(error, root=ResultsFile):
            problems.add(_where(problem.path, lines), "results-file", problem.message)
        return [Entry(source, None, None, tuple(problems.found))]
    if (document.plan is None) == (document.aggregate_of is None):
        return refused("results-file", "$", "a results file names the plan whose form it answers "
                       "(plan:) or, for an aggregate's sums, the plan they were added up under "
                       "(aggregate_of:); expected exactly one of them")
    if document.plan is not None and document.plan != expected.key:
        return refused("other-plan", _where("$.plan", lines),
                       f"the results are of another plan (key {document.plan}); expected those "
                       f"of {expected.title!r} (key {expected.key})")
    if not document.units:
        return refused("results-file", _where("$.units", lines), "the file lists no unit; "
                       "expected one or more units with their counts")
    entries = []
    for index, unit_entry in enumerate(document.units):
        own = _Problems(source)
        path = f"$.units[{index}]"
        unit = _known_unit(unit_entry.unit, expected, own, _where(f"{path}.unit", lines))
        results = _entry_counts(unit_entry, path, expected, lines, document.plan is not None, own)
        if own.found or unit is None:
            entries.append(Entry(source, unit, None, tuple(own.found)))
            continue
        entries.append(Entry(source, unit, UnitResults(
            unit=unit, results=tuple(results), reporter=unit_entry.reporter,
            date=unit_entry.date, left_out=unit_entry.left_out), ()))
    return entries


def parse(source: str, data: bytes, expected: Expected) -> list[Entry]:
    """A form or a results file, told by its suffix or, failing that, by its first bytes."""
    suffix = Path(source).suffix.lower()
    if suffix == ".xlsx" or (suffix not in _RESULT_SUFFIXES and data[:2] == b"PK"):
        return [parse_form(source, data, expected)]
    return parse_results_file(source, data, expected)


# -- many files ----------------------------------------------------------------------


@attrs.frozen
class _Chunk:
    expected: Expected
    jobs: tuple[tuple[int, str, bytes], ...]


def _parse_chunk(chunk: _Chunk) -> list[tuple[int, list[Entry]]]:
    """Parse a chunk's files, each with its position among the files (runs in workers)."""
    return [(index, parse(source, data, chunk.expected)) for index, source, data in chunk.jobs]


def read_file(path: Path, limits: Limits) -> bytes | str:
    """The file's bytes, or why they cannot be read (refused before reading when too large)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            return ("cannot read the file: it is a folder" if stat.S_ISDIR(mode) else
                    "cannot read the file: it is not a regular file (a pipe, a socket or a "
                    "device)")
        with os.fdopen(descriptor, "rb") as stream:
            descriptor = -1
            payload = stream.read(limits.form_bytes + 1)
    except OSError as error:
        return f"cannot read the file: {error.strerror or error}"
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(payload) > limits.form_bytes:
        return (f"the file has more than {limits.form_bytes:,} bytes; a form, results file "
                "or nominee list has far fewer (Limits.form_bytes)")
    return payload


def expected_of(plan: Plan, units: Iterable[AdministrativeUnit] | None, limits: Limits
                ) -> Expected:
    """What ``plan`` expects of its lower units' reports."""
    return Expected(key=plan_key(plan), title=plan.title, level=plan.issuer.level,
                    indicators=plan.indicators, units=tuple(units or ()), limits=limits)


def _carried(entry: UnitResults) -> list[str]:
    return [f"{name}, {entry.unit.full_name}" for name in entry.left_out]


def read_results(
    plan: Plan,
    sources: Iterable[str | os.PathLike[str]],
    *,
    units: Iterable[AdministrativeUnit] | None = None,
    partial: bool = False,
    executor: Executor | None = None,
    limits: Limits | None = None,
) -> Results:
    """Read returned forms (.xlsx) and results files (.yaml, .json) for ``plan``.

    Args:
        plan: the plan whose forms they are; it defines the indicators.
        sources: the files; a results file may hold several units.
        units: the units the plan expects reports from (its lower units,
            :func:`phongtrao.lower_units`); a report from another unit is a
            problem. When None, any lower unit may report, and the units that
            did not report cannot be told.
        partial: leave the faulty reports out (listed in
            :attr:`Results.left_out`) instead of raising; a lower level's
            sums that leave units out are then counted, and those units named.
        executor: where to parse the files (any
            :class:`~concurrent.futures.Executor`: :func:`phongtrao.worker_pool`,
            a dask client's); in this thread when None. Files are read here.
        limits: the bounds on each file (:class:`~phongtrao.Limits`).

    Returns:
        Every unit's counts, in the order of the files.

    Raises:
        ResultsError: listing every problem of every file (not with ``partial``).
        ValueError: when the plan defines no indicators, or there are more
            files than ``Limits.result_files``.
    """
    bounds = DEFAULT_LIMITS if limits is None else limits
    if not plan.indicators:
        raise ValueError("the plan defines no indicators, so there is nothing to read; add "
                         "them under 'indicators:' (docs/howto-issuers.md)")
    paths = [Path(source) for source in sources]
    if len(paths) > bounds.result_files:
        raise ValueError(f"{len(paths):,} files; one aggregate reads at most "
                         f"{bounds.result_files:,} (Limits.result_files)")
    expected = expected_of(plan, units, bounds)
    found: dict[int, list[Entry]] = {}
    jobs: list[tuple[int, str, bytes]] = []
    for index, path in enumerate(paths):
        payload = read_file(path, bounds)
        if isinstance(payload, str):
            found[index] = [Entry(str(path), None, None, (ResultProblem(
                source=str(path), where="", code="unreadable", message=payload),))]
        else:
            jobs.append((index, str(path), payload))
    workers = 1 if executor is None else parallelism(executor)
    size = max(1, min(32, len(jobs) // (4 * workers)))
    chunks = [jobs[start:start + size] for start in range(0, len(jobs), size)]
    work = (_Chunk(expected, tuple(chunk)) for chunk in chunks)
    for parsed in Dispatch(_parse_chunk, work, executor, window=2 * workers):
        for index, entries in parsed:  # chunks finish in any order: each file keeps its place
            found[index] = entries
    return _combine([entry for index in sorted(found) for entry in found[index]], expected,
                    partial=partial)


def _combine(entries: Sequence[Entry], expected: Expected, *, partial: bool) -> Results:
    """The entries as Results: a unit twice, a lower level's partial sums; raise or leave out.

    A unit that reports twice is one problem, at its later report; with
    ``partial`` both reports are left out, as no one can tell which is right.
    """
    by_unit: dict[tuple[str, ...], list[Entry]] = {}
    for entry in entries:
        if entry.unit is not None:
            by_unit.setdefault(unit_key(entry.unit), []).append(entry)
    problems: list[ResultProblem] = []
    units: list[UnitResults] = []
    sources: list[str] = []
    left_out: list[LeftOut] = []
    for entry in entries:
        own = list(entry.problems)
        reasons: list[str] = []
        if entry.unit is not None:
            same = by_unit[unit_key(entry.unit)]
            if len(same) > 1:
                others = ", ".join(other.source for other in same if other is not entry)
                twice = ResultProblem(source=entry.source, where="", code="unit-twice",
                                      message=f"{entry.unit.full_name} reports twice: here and "
                                      f"in {others}; send one report per unit")
                if entry is not same[0]:
                    own.append(twice)
                else:
                    reasons.append(str(twice))
        results = entry.results
        if results is not None and results.left_out and not partial:
            own.append(ResultProblem(
                source=entry.source, where="", code="results-partial",
                message=f"the sums of {results.unit.full_name} leave out "
                f"{', '.join(results.left_out)}; a complete report is needed, or add up with "
                "--partial (partial=True) to count them and name what they leave out"))
        problems.extend(own)
        if own or (reasons and partial):
            left_out.append(LeftOut(unit=entry.unit, source=entry.source,
                                    reasons=tuple(str(problem) for problem in own) or
                                    tuple(reasons)))
            continue
        if results is not None:
            units.append(results)
            sources.append(entry.source)
    if problems and not partial:
        raise ResultsError(problems)
    return Results(plan_key=expected.key, units=tuple(units), sources=tuple(sources),
                   left_out=tuple(left_out), expected=expected.units)
