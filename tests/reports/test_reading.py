"""Returned forms and results files: read into Results, or every problem with file, sheet, cell.

Each bad case below is a real form written by phongtrao and filled in with
openpyxl (or a results file written as text), with one thing wrong; the
table holds its one problem word for word, so a change of message is a
change of this file.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path

import attrs
import openpyxl
import pytest

import phongtrao
from phongtrao import ResultProblem, ResultsError
from phongtrao.model import Plan, Result, UnitResults

from .conftest import HA, LAC, MINH, THREE, fill, filled_form, good_counts

Case = Callable[[Path, Plan], list[Path]]


def _with(counts: dict[str, tuple[object, object]], **changes: tuple[object, object]
          ) -> dict[str, tuple[object, object]]:
    return {**counts, **{key.replace("_", "-"): value for key, value in changes.items()}}


def _marker(path: Path, row: int, value: object) -> Path:
    book = openpyxl.load_workbook(path)
    book["phongtrao"][f"B{row}"] = value
    book.save(path)
    return path


def over_total(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), gia_dinh_van_hoa=(812, 790)))]


def text_in_number(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), thon_van_hoa=("mười", 12)))]


def grouped_text(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), gia_dinh_van_hoa=(812, "1.234")))]


def negative(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), co_quan_van_hoa=(-3, 6)))]


def fraction(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), nha_van_hoa=(10.5, 12)))]


def missing(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, _with(good_counts(), nha_van_hoa_xay_moi=(None, None)))]


def other_version(folder: Path, plan: Plan) -> list[Path]:
    return [_marker(filled_form(folder, plan, MINH, good_counts()), 2, 2)]


def other_plan(folder: Path, plan: Plan) -> list[Path]:
    other = plan.replace("period.end", 2021)
    return [filled_form(folder, other, MINH, good_counts())]


def unknown_unit(folder: Path, plan: Plan) -> list[Path]:
    stranger = attrs.evolve(MINH, name="Kỳ Anh", code="18500")
    return [filled_form(folder, plan, stranger, good_counts())]


def blank_form_misspelt(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, None, good_counts(), cells={"C3": "xã Cẩm Hàa"})]


def blank_form_no_unit(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, None, good_counts())]


def edited_unit(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, good_counts(), cells={"C3": "xã Cẩm Hà"})]


def twice(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, good_counts(1), name="Cẩm Minh.xlsx"),
            filled_form(folder, plan, HA, good_counts(2)),
            filled_form(folder, plan, MINH, good_counts(3), name="Cẩm Minh (2).xlsx")]


def bad_date(folder: Path, plan: Plan) -> list[Path]:
    return [filled_form(folder, plan, MINH, good_counts(), day="tháng 3")]


def not_a_form(folder: Path, plan: Plan) -> list[Path]:
    book = openpyxl.Workbook()
    book.active["A1"] = "Số liệu"  # type: ignore[index]
    path = folder / "Cẩm Minh.xlsx"
    book.save(path)
    return [path]


def not_xlsx(folder: Path, plan: Plan) -> list[Path]:
    path = folder / "Cẩm Minh.xlsx"
    path.write_text("812,900\n", encoding="utf-8")
    return [path]


SHEET = "Biểu 1"
#: Case -> the problems, in order: (file name, where, code, message).
FAILURES: dict[Case, list[tuple[str, str, str, str]]] = {
    over_total: [("Cẩm Minh.xlsx", "Biểu 1!D7", "achieved-over-total",
                  ("812 gia đình văn hóa but 790 hộ gia đình; the achieved count cannot exceed "
                  "the total"))],
    text_in_number: [("Cẩm Minh.xlsx", "Biểu 1!D8", "not-a-number",
                      ("the achieved count of “Thôn, tổ dân phố văn hóa” (thôn, tổ dân phố "
                      "achieved) is the text 'mười', not a number; write digits only"))],
    grouped_text: [("Cẩm Minh.xlsx", "Biểu 1!E7", "not-a-number",
                    ("the total of “Gia đình văn hóa” (hộ gia đình in all) is the text '1.234', "
                    "not a number; write it without the thousands separator, as 1234"))],
    negative: [("Cẩm Minh.xlsx", "Biểu 1!D9", "negative",
                ("the achieved count of “Cơ quan, đơn vị văn hóa” (cơ quan, đơn vị achieved) is "
                "-3; a count is 0 or more"))],
    fraction: [("Cẩm Minh.xlsx", "Biểu 1!D10", "not-whole",
                ("the achieved count of “Nhà văn hóa thôn” (thôn, tổ dân phố achieved) is 10.5, "
                "not a whole number; counts are whole numbers"))],
    missing: [("Cẩm Minh.xlsx", "Biểu 1!D11", "cell-missing",
               ("the count of “Nhà văn hóa xây mới” (nhà văn hóa) is empty; write the number, 0 "
               "if there are none"))],
    other_version: [("Cẩm Minh.xlsx", "", "form-version",
                     ("the form is of version 2; this phongtrao reads version 1: make the forms "
                     "again with this phongtrao, or read them with the one that made them"))],
    other_plan: [("Cẩm Minh.xlsx", "", "other-plan", "OTHER-PLAN")],
    unknown_unit: [("Kỳ Anh.xlsx", "Biểu 1!C3", "unit-unknown",
                    ("xã Kỳ Anh (code 18500) is not one of the 3 units whose reports 'Hội nghị "
                    "tổng kết 20 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống "
                    "văn hóa” huyện Cẩm Xuyên (giai đoạn 2000-2020)' collects; a form is filled "
                    "in by one of them"))],
    blank_form_misspelt: [("blank.xlsx", "Biểu 1!C3", "unit-unknown",
                           ("xã Cẩm Hàa is not one of the 3 units whose reports 'Hội nghị tổng "
                           "kết 20 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống "
                           "văn hóa” huyện Cẩm Xuyên (giai đoạn 2000-2020)' collects (did you "
                           "mean xã Cẩm Hà?); a form is filled in by one of them"))],
    blank_form_no_unit: [("blank.xlsx", "Biểu 1!C3", "cell-missing",
                          "the unit's name is empty; write it with its kind, as 'xã Cẩm Minh'")],
    edited_unit: [("Cẩm Minh.xlsx", "Biểu 1!C3", "unit-mismatch",
                   ("the form was made for xã Cẩm Minh, but names 'xã Cẩm Hà'; fill in the form "
                   "made for your unit"))],
    twice: [("Cẩm Minh (2).xlsx", "", "unit-twice",
             ("xã Cẩm Minh reports twice: here and in {folder}/Cẩm Minh.xlsx; send one report "
             "per unit"))],
    bad_date: [("Cẩm Minh.xlsx", "Biểu 1!F4", "date-invalid",
                ("the day the form was filled in, 'tháng 3', is not a date; write it as "
                "day/month/year, 15/03/2021"))],
    not_a_form: [("Cẩm Minh.xlsx", "", "not-a-form",
                  ("it is not a form phongtrao made (it has no marker sheet); fill in the form "
                  "sent with the plan (phongtrao form)"))],
    not_xlsx: [("Cẩm Minh.xlsx", "", "unreadable",
                ("cannot be read as a form: it is not an Excel workbook (.xlsx); save the file "
                "as Excel Workbook (.xlsx) and send it again"))],
}


class TestBadForms:
    @pytest.mark.parametrize("case", list(FAILURES), ids=lambda case: case.__name__)
    def test_each_problem_with_its_file_sheet_and_cell(self, case: Case, plan: Plan,
                                                       tmp_path: Path) -> None:
        """Each bad form raises one ResultsError holding exactly its problem."""
        paths = case(tmp_path, plan)
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, paths, units=THREE)
        expected = FAILURES[case]
        if case is other_plan:
            key = phongtrao.plan_key(plan.replace("period.end", 2021))
            expected = [(name, where, code, (
                f"the form is of another plan ({plan.title!r} of Ủy ban nhân dân huyện Cẩm "
                f"Xuyên); expected a form of {plan.title!r} (key {phongtrao.plan_key(plan)})"))
                for name, where, code, _ in expected]
            assert key not in expected[0][3]
        actual = [(Path(p.source).name, p.where, p.code, p.message.replace(str(tmp_path),
                                                                           "{folder}"))
                  for p in raised.value.problems]
        assert expected == actual

    def test_the_message_reads_as_one_line_per_problem(self, plan: Plan, tmp_path: Path) -> None:
        """str(problem) is "FILE SHEET!CELL: message", as the command prints it."""
        (path,) = over_total(tmp_path, plan)
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, [path], units=THREE)
        assert (f"{path} Biểu 1!D7: 812 gia đình văn hóa but 790 hộ gia đình; the achieved "
                "count cannot exceed the total") == str(raised.value.problems[0])
        assert str(raised.value).startswith("1 problem in 1 file; nothing was added up:")

    def test_every_problem_of_every_file_at_once(self, plan: Plan, tmp_path: Path) -> None:
        """Two faulty forms and a sound one: every problem listed, file by file, nothing read."""
        paths = [*over_total(tmp_path, plan),
                 filled_form(tmp_path, plan, HA, _with(good_counts(), thon_van_hoa=(-1, "x"))),
                 filled_form(tmp_path, plan, LAC, good_counts())]
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, paths, units=THREE)
        assert [("Cẩm Minh.xlsx", "Biểu 1!D7"), ("Cẩm Hà.xlsx", "Biểu 1!D8"),
                ("Cẩm Hà.xlsx", "Biểu 1!E8")] == [
            (Path(p.source).name, p.where) for p in raised.value.problems]

    def test_a_missing_file_is_a_problem_too(self, plan: Plan, tmp_path: Path) -> None:
        """A file that is not there is listed with the others, not raised alone."""
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, [tmp_path / "none.xlsx", tmp_path], units=THREE)
        assert [("unreadable", "cannot read the file: No such file or directory"),
                ("unreadable", "cannot read the file: it is a folder")] == [
            (p.code, p.message) for p in raised.value.problems]


class TestSoundForms:
    def test_counts_unit_reporter_and_day(self, plan: Plan, tmp_path: Path) -> None:
        """A filled form reads into its unit's results, in the plan's order of indicators."""
        path = filled_form(tmp_path, plan, MINH, good_counts(4))
        results = phongtrao.read_results(plan, [path], units=THREE)
        expected = UnitResults(
            unit=MINH, reporter="Nguyễn Văn A", date=datetime.date(2021, 3, 15),
            results=(Result(indicator="gia-dinh-van-hoa", achieved=804, total=908),
                     Result(indicator="thon-van-hoa", achieved=10, total=16),
                     Result(indicator="co-quan-van-hoa", achieved=5, total=6),
                     Result(indicator="nha-van-hoa", achieved=10, total=16),
                     Result(indicator="nha-van-hoa-xay-moi", achieved=0)))
        assert ((expected,), (str(path),)) == (results.units, results.sources)
        assert phongtrao.plan_key(plan) == results.plan_key

    def test_a_blank_form_names_its_unit(self, plan: Plan, tmp_path: Path) -> None:
        """A blank form is matched to the plan's unit by the name (and code) typed in."""
        by_name = filled_form(tmp_path, plan, None, good_counts(), name="a.xlsx",
                              cells={"C3": "Xã  cẩm hà"})
        by_code = filled_form(tmp_path, plan, None, good_counts(), name="b.xlsx",
                              cells={"C3": "Cẩm Lạc", "F3": 18748})
        results = phongtrao.read_results(plan, [by_name, by_code], units=THREE)
        assert (HA, LAC) == tuple(item.unit for item in results.units)

    def test_a_day_typed_as_a_date(self, plan: Plan, tmp_path: Path) -> None:
        """Excel stores a typed day as a serial number: it reads back as that day."""
        path = filled_form(tmp_path, plan, MINH, good_counts(), day=datetime.date(2021, 3, 20))
        (unit,) = phongtrao.read_results(plan, [path], units=THREE).units
        assert datetime.date(2021, 3, 20) == unit.date

    def test_partial_leaves_out_the_faulty_and_names_them(self, plan: Plan,
                                                          tmp_path: Path) -> None:
        """partial=True: the sound forms are read, the faulty one is left out with its reason."""
        faulty = over_total(tmp_path, plan)[0]
        sound = filled_form(tmp_path, plan, HA, good_counts())
        results = phongtrao.read_results(plan, [faulty, sound], units=THREE, partial=True)
        assert (HA,) == tuple(item.unit for item in results.units)
        (left,) = results.left_out
        assert (MINH, str(faulty)) == (left.unit, left.source)
        assert left.reasons[0].endswith("the achieved count cannot exceed the total")

    def test_forms_edited_by_libreoffice_read_the_same(self, plan: Plan, tmp_path: Path) -> None:
        """A form opened and saved again by LibreOffice Calc reads the same counts."""
        import subprocess

        from tests.conftest import require_soffice

        require_soffice()
        program = Path(str(phongtrao.find_soffice())).resolve().parent
        if not (program / "libscfiltlo.so").exists():  # Calc's Excel filters
            if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
                pytest.fail("LibreOffice Calc is required here (PHONGTRAO_REQUIRE_SOFFICE)")
            pytest.skip("LibreOffice Calc (libreoffice-calc-nogui) is not installed")

        source = filled_form(tmp_path, plan, MINH, good_counts(2), name="cam-minh.xlsx")
        # openpyxl stores no computed values; LibreOffice saves the file as Calc does.
        out = tmp_path / "lo"
        subprocess.run([str(phongtrao.find_soffice()), "--headless", "--norestore",
                        f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                        str(source)], check=True, capture_output=True, timeout=120)
        saved = out / source.name
        assert saved.read_bytes() != source.read_bytes()
        expected = phongtrao.read_results(plan, [source], units=THREE).units[0].results
        assert expected == phongtrao.read_results(plan, [saved], units=THREE).units[0].results


RESULTS_FILE = """\
version: 1
plan: "{key}"
units:
  - unit: {{name: Cẩm Minh, level: xa, kind: xa, code: "18751"}}
    reporter: Nguyễn Văn A
    date: 2021-03-15
    results:
      - {{indicator: gia-dinh-van-hoa, achieved: {achieved}, total: 900}}
      - {{indicator: thon-van-hoa, achieved: 9, total: 12}}
      - {{indicator: co-quan-van-hoa, achieved: 5, total: 6}}
      - {{indicator: nha-van-hoa, achieved: 10, total: 12}}
      - {{indicator: {last}, achieved: 2}}
"""


class TestResultsFiles:
    def _file(self, folder: Path, plan: Plan, achieved: object = 812,
              last: str = "nha-van-hoa-xay-moi", key: str | None = None) -> Path:
        path = folder / "ket-qua.yaml"
        path.write_text(RESULTS_FILE.format(key=key or phongtrao.plan_key(plan),
                                            achieved=achieved, last=last), encoding="utf-8")
        return path

    def test_a_results_file_reads_as_a_form_does(self, plan: Plan, tmp_path: Path) -> None:
        """The YAML equivalent of a form gives the same typed results."""
        (unit,) = phongtrao.read_results(plan, [self._file(tmp_path, plan)], units=THREE).units
        assert (MINH, Result(indicator="gia-dinh-van-hoa", achieved=812, total=900)) == (
            unit.unit, unit.results[0])

    @pytest.mark.parametrize(("change", "expected"), [
        ({"achieved": 950}, ("$.units[0].results[0].achieved (line 8)", "achieved-over-total",
                             ("950 gia đình văn hóa but 900 hộ gia đình; the achieved count "
                             "cannot exceed the total"))),
        ({"achieved": -1}, ("$.units[0].results[0].achieved (line 8)", "negative",
                            ("the achieved count of “Gia đình văn hóa” (hộ gia đình achieved) is "
                            "-1; a count is 0 or more"))),
        ({"achieved": "'812'"}, ("$.units[0].results[0].achieved (line 8)", "results-file",
                                 ("expected a whole number, got text ('812'); write it without "
                                 "quotes: 812 [Số đạt — how many reached it (or the plain "
                                 "count)]"))),
        ({"last": "nha-van-hoa-moi"}, ("$.units[0].results[4].indicator (line 12)",
                                       "indicator-unknown",
                                       ("the plan has no indicator 'nha-van-hoa-moi' (did you "
                                       "mean 'nha-van-hoa-xay-moi'?); its indicators are "
                                       "co-quan-van-hoa, "
                                       "gia-dinh-van-hoa, nha-van-hoa, nha-van-hoa-xay-moi, "
                                       "thon-van-hoa"))),
        ({"key": "0000000000000000"}, ("$.plan (line 2)", "other-plan", "OTHER")),
    ], ids=["over-total", "negative", "text", "unknown-indicator", "other-plan"])
    def test_each_problem_with_its_path_and_line(self, plan: Plan, tmp_path: Path,
                                                 change: dict[str, object],
                                                 expected: tuple[str, str, str]) -> None:
        """A faulty results file names the key and line of its problem."""
        path = self._file(tmp_path, plan, **change)  # type: ignore[arg-type]
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, [path], units=THREE)
        problems = [(p.where, p.code, p.message) for p in raised.value.problems]
        if expected[2] == "OTHER":
            expected = (*expected[:2], (f"the results are of another plan (key 0000000000000000)"
                        f"; expected those of {plan.title!r} (key {phongtrao.plan_key(plan)})"))
        if change.get("last"):
            assert expected == problems[0]
            assert "indicator-missing" == problems[1][1]
        else:
            assert [expected] == problems


class TestHostileFiles:
    def _limits(self) -> phongtrao.Limits:
        return phongtrao.Limits(form_bytes=200_000, form_part_bytes=100_000)

    def _problem(self, plan: Plan, path: Path, limits: phongtrao.Limits) -> ResultProblem:
        with pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, [path], units=THREE, limits=limits)
        (problem,) = raised.value.problems
        return problem

    def test_a_zip_bomb_is_cut_at_the_limit(self, plan: Plan, tmp_path: Path) -> None:
        """A sheet that unpacks far beyond the part limit is refused, unpacked no further."""
        import zipfile

        form = filled_form(tmp_path, plan, MINH, good_counts())
        bomb = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(form) as source, zipfile.ZipFile(bomb, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename.endswith("sheet1.xml"):
                    data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * 50_000_000)
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        assert bomb.stat().st_size < 200_000
        problem = self._problem(plan, bomb, self._limits())
        assert "unreadable" == problem.code
        assert problem.message.startswith("cannot be read as a form: the part "
                                          "'xl/worksheets/sheet1.xml' unpacks to 50,0")
        assert "(the limit is 100,000, Limits.form_part_bytes)" in problem.message

    def test_a_file_too_large_is_not_read(self, plan: Plan, tmp_path: Path) -> None:
        """A file beyond Limits.form_bytes is refused before it is read whole."""
        path = tmp_path / "big.xlsx"
        path.write_bytes(b"PK" + b"\0" * 300_000)
        problem = self._problem(plan, path, self._limits())
        assert "the file has more than 200,000 bytes" in problem.message

    def test_a_doctype_is_refused(self, plan: Plan, tmp_path: Path) -> None:
        """An entity declaration (billion laughs) in a part is refused before parsing."""
        import zipfile

        form = filled_form(tmp_path, plan, MINH, good_counts())
        evil = tmp_path / "evil.xlsx"
        laughs = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "lol">'
                  b'<!ENTITY b "&a;&a;&a;&a;">]>')
        with zipfile.ZipFile(form) as source, zipfile.ZipFile(evil, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "xl/workbook.xml":
                    data = laughs + data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") \
                        else laughs + data
                target.writestr(info, data)
        problem = self._problem(plan, evil, phongtrao.Limits())
        assert "declares a DOCTYPE, which an .xlsx never needs" in problem.message

    def test_too_many_parts(self, plan: Plan, tmp_path: Path) -> None:
        """A package of thousands of parts is refused by counting them."""
        import zipfile

        path = tmp_path / "parts.xlsx"
        with zipfile.ZipFile(path, "w") as target:
            for index in range(50):
                target.writestr(f"x/{index}.xml", b"<a/>")
        problem = self._problem(plan, path, phongtrao.Limits(package_entries=20))
        assert ("cannot be read as a form: it holds 50 parts; an .xlsx form has a dozen (the "
                "limit is 20)") == problem.message


class TestInParallel:
    def test_a_process_pool_reads_the_same(self, plan: Plan, tmp_path: Path) -> None:
        """Read through worker processes, the results are those read in this thread."""
        paths = [filled_form(tmp_path, plan, unit, good_counts(index))
                 for index, unit in enumerate(THREE)]
        alone = phongtrao.read_results(plan, paths, units=THREE)
        with phongtrao.worker_pool(2) as pool:
            pooled = phongtrao.read_results(plan, paths, units=THREE, executor=pool)
        assert alone == pooled

    def test_problems_come_back_from_the_workers(self, plan: Plan, tmp_path: Path) -> None:
        """A faulty form read by a worker is reported as in this thread."""
        paths = [*over_total(tmp_path, plan), filled_form(tmp_path, plan, HA, good_counts())]
        with phongtrao.worker_pool(2) as pool, pytest.raises(ResultsError) as raised:
            phongtrao.read_results(plan, paths, units=THREE, executor=pool)
        assert ["achieved-over-total"] == [p.code for p in raised.value.problems]


def test_fill_helper_types_numbers_as_numbers(plan: Plan, tmp_path: Path) -> None:
    """The helper writes numbers, so the reader sees number cells (kind 'n')."""
    from phongtrao._reports.xlsx import Workbook

    path = fill(phongtrao.write_form(plan, tmp_path / "f.xlsx"), plan, good_counts())
    cells = Workbook(path.read_bytes(), phongtrao.Limits()).cells("Biểu 1", ["D7", "E7"])
    assert {"D7": ("n", "800"), "E7": ("n", "900")} == {
        key: (cell.kind, cell.text) for key, cell in cells.items()}
