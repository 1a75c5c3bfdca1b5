"""Forms sent down, sums at every level, the summary, the charts and the command.

The Cẩm Xuyên plan's forms are written by ``phongtrao form``, filled in with
openpyxl with known numbers, added up by ``phongtrao aggregate``, and the
summary read back with openpyxl must hold the sums this test computes.
"""

from __future__ import annotations

import struct
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import phongtrao
from phongtrao import Plugins, testing
from phongtrao._cli import main
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Level,
    Plan,
    Result,
    Results,
    UnitKind,
    UnitResults,
)
from tests.conftest import require_soffice

from .conftest import HA, LAC, MINH, THREE, fill, filled_form, good_counts


class TestForm:
    def test_sheets_marker_and_protection(self, plan: Plan, tmp_path: Path) -> None:
        """Biểu 1 and Hướng dẫn visible, the marker very hidden; sheets and book locked."""
        path = phongtrao.write_form(plan, tmp_path / "f.xlsx", MINH)
        book = openpyxl.load_workbook(path)
        assert [("Biểu 1", "visible"), ("Hướng dẫn", "visible"), ("phongtrao", "veryHidden")] == [
            (sheet.title, sheet.sheet_state) for sheet in book.worksheets]
        assert all(sheet.protection.sheet for sheet in book.worksheets)
        assert book.security is not None
        assert book.security.lockStructure
        marker = {row[0].value: row[1].value for row in book["phongtrao"].iter_rows(min_row=2)}
        assert (1, phongtrao.plan_key(plan), "Cẩm Minh", "18751") == (
            marker["version"], marker["plan"], marker["unit_name"], marker["unit_code"])

    def test_only_the_cells_to_fill_are_unlocked(self, plan: Plan, tmp_path: Path) -> None:
        """Reporter, day and counts (no total for a plain count) are open; the rest locked."""
        sheet = openpyxl.load_workbook(phongtrao.write_form(plan, tmp_path / "f.xlsx", MINH))[
            "Biểu 1"]
        unlocked = sorted(cell.coordinate for row in sheet.iter_rows() for cell in row
                          if not cell.protection.locked)
        assert sorted(["C4", "F4", "D7", "E7", "D8", "E8", "D9", "E9", "D10", "E10", "D11"]) == (
            unlocked)
        assert ("xã Cẩm Minh", "18751") == (sheet["C3"].value, sheet["F3"].value)
        assert [indicator.name for indicator in plan.indicators] == [
            sheet[f"B{row}"].value for row in range(7, 12)]

    def test_a_blank_form_opens_the_unit_cells(self, plan: Plan, tmp_path: Path) -> None:
        """Without a unit, its name and code are to be typed in."""
        sheet = openpyxl.load_workbook(phongtrao.write_form(plan, tmp_path / "f.xlsx"))["Biểu 1"]
        assert (False, False) == (sheet["C3"].protection.locked, sheet["F3"].protection.locked)

    def test_whole_numbers_only(self, plan: Plan, tmp_path: Path) -> None:
        """The count cells check for whole numbers of 0 or more, with a Vietnamese message."""
        sheet = openpyxl.load_workbook(phongtrao.write_form(plan, tmp_path / "f.xlsx"))["Biểu 1"]
        (counts,) = [rule for rule in sheet.data_validations.dataValidation
                     if rule.type == "whole"]
        assert ("D7:E11", "0", "Chỉ ghi số nguyên không âm (0, 1, 2 …), không ghi chữ.") == (
            str(counts.sqref), counts.formula1, counts.error)

    def test_instructions_in_vietnamese(self, plan: Plan, tmp_path: Path) -> None:
        """The instructions say what to fill and that shares are recomputed from sums."""
        guide = openpyxl.load_workbook(phongtrao.write_form(plan, tmp_path / "f.xlsx"))[
            "Hướng dẫn"]
        text = " ".join(str(row[0].value) for row in guide.iter_rows())
        assert "Chỉ điền vào các ô màu vàng" in text
        assert "không lấy trung bình các tỷ lệ" in text

    def test_a_plan_without_indicators_has_no_form(self, example_plan: Plan,
                                                   tmp_path: Path) -> None:
        """The seed names no indicators: a clear error, and no file."""
        with pytest.raises(ValueError, match="defines no indicators"):
            phongtrao.write_form(example_plan, tmp_path / "f.xlsx")
        assert [] == list(tmp_path.iterdir())

    def test_forms_per_unit_all_or_none(self, plan: Plan, tmp_path: Path) -> None:
        """Stable readable names; one that exists stops them all, unless overwrite."""
        names = [path.name for path in phongtrao.write_forms(plan, tmp_path / "a", THREE)]
        assert ["bieu-mau-xa-cam-minh-18751.xlsx", "bieu-mau-xa-cam-ha-18727.xlsx",
                "bieu-mau-xa-cam-lac-18748.xlsx"] == names
        (tmp_path / "b").mkdir()
        (tmp_path / "b" / names[1]).write_text("kept")
        with pytest.raises(FileExistsError):
            phongtrao.write_forms(plan, tmp_path / "b", THREE)
        assert [names[1]] == [path.name for path in (tmp_path / "b").iterdir()]
        assert 3 == len(phongtrao.write_forms(plan, tmp_path / "b", THREE, overwrite=True))


def _results(plan: Plan, counts: list[tuple[int, int]]) -> Results:
    units = tuple(AdministrativeUnit(name=f"Xã {index}", level=Level.XA, kind=UnitKind.XA,
                                     code=str(10000 + index)) for index in range(len(counts)))
    reports = tuple(UnitResults(unit=unit, results=tuple(
        Result(indicator=indicator.id, achieved=achieved,
               total=total if indicator.paired else None)
        for indicator in plan.indicators)) for unit, (achieved, total) in zip(units, counts,
                                                                              strict=True))
    return Results(plan_key=phongtrao.plan_key(plan), units=reports,
                   sources=tuple("x" for _ in reports), expected=units)


class TestAdding:
    def test_shares_of_sums_not_averages(self, plan: Plan) -> None:
        """672/713 and 40/50 make 712/763 (93,3%), not the mean of 94,2% and 80%."""
        total = phongtrao.aggregate(plan, _results(plan, [(672, 713), (40, 50)]))
        first = total.indicators[0]
        assert (712, 763, "93,3%") == (first.achieved, first.total, first.share)
        assert ("712/763 hộ gia đình đạt danh hiệu “Gia đình văn hóa” (93,3%)") == first.phrase
        assert Decimal(712 * 100) / Decimal(763) == first.percent

    @given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1,
                    max_size=30))
    def test_sums_are_the_sums(self, plan: Plan, pairs: list[tuple[int, int]]) -> None:
        """For any counts, each total is the sum of the units' counts and its share theirs."""
        counts = [(min(a, b), max(a, b)) for a, b in pairs]
        total = phongtrao.aggregate(plan, _results(plan, counts)).indicators[0]
        achieved, whole = sum(a for a, _ in counts), sum(b for _, b in counts)
        assert (achieved, whole) == (total.achieved, total.total)
        assert (None if whole == 0 else Decimal(achieved * 100) / Decimal(whole)) == total.percent

    def test_missing_units_are_named(self, plan: Plan, tmp_path: Path) -> None:
        """A unit expected that sent nothing is listed by name; the aggregate is not complete."""
        paths = [filled_form(tmp_path, plan, unit, good_counts()) for unit in (MINH, LAC)]
        total = phongtrao.aggregate(plan, phongtrao.read_results(plan, paths, units=THREE))
        assert ((MINH, LAC), (HA,), False) == (total.reported, total.missing, total.complete)

    def test_results_of_another_plan(self, plan: Plan) -> None:
        """Results read for one plan cannot be added up under another."""
        with pytest.raises(ValueError, match="read for another plan"):
            phongtrao.aggregate(plan.replace("period.end", 2021), _results(plan, [(1, 2)]))


def _province_plan(plan: Plan) -> Plan:
    """A Hà Tĩnh 2021 plan with the same indicators: it collects from its districts."""
    unit = AdministrativeUnit(name="Hà Tĩnh", level=Level.TINH, kind=UnitKind.TINH, code="42")
    return plan.replace("issuer", Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=unit,
                                         collective=True)).replace("document.place", "Hà Tĩnh")


class TestUpTheCascade:
    def test_a_districts_aggregate_is_one_unit_of_the_province(self, plan: Plan,
                                                               tmp_path: Path) -> None:
        """ket-qua.yaml written by a district is read by the province as the district's report."""
        district = AdministrativeUnit(name="Cẩm Xuyên", level=Level.HUYEN, kind=UnitKind.HUYEN,
                                      code="446")
        plan = plan.replace("issuer.unit", district)
        paths = [filled_form(tmp_path, plan, unit, good_counts(index))
                 for index, unit in enumerate(THREE)]
        below = phongtrao.aggregate(plan, phongtrao.read_results(plan, paths, units=THREE))
        phongtrao.write_aggregate(below, tmp_path / "huyen", charts=False)
        province = _province_plan(plan)
        results = phongtrao.read_results(province, [tmp_path / "huyen" / "ket-qua.yaml"],
                                         units=[district])
        above = phongtrao.aggregate(province, results)
        assert [(item.achieved, item.total) for item in below.indicators] == [
            (item.achieved, item.total) for item in above.indicators]
        assert (district,) == above.reported

    def test_a_partial_district_is_refused_then_carried(self, plan: Plan,
                                                        tmp_path: Path) -> None:
        """Sums that leave a commune out: an error above, unless partial, which names it."""
        district = AdministrativeUnit(name="Cẩm Xuyên", level=Level.HUYEN, kind=UnitKind.HUYEN,
                                      code="446")
        plan = plan.replace("issuer.unit", district)
        paths = [filled_form(tmp_path, plan, unit, good_counts()) for unit in (MINH, HA)]
        below = phongtrao.aggregate(plan, phongtrao.read_results(plan, paths, units=THREE))
        phongtrao.write_aggregate(below, tmp_path / "huyen", charts=False)
        province = _province_plan(plan)
        sums = tmp_path / "huyen" / "ket-qua.yaml"
        with pytest.raises(phongtrao.ResultsError) as raised:
            phongtrao.read_results(province, [sums], units=[district])
        assert ["results-partial"] == [problem.code for problem in raised.value.problems]
        above = phongtrao.aggregate(province, phongtrao.read_results(
            province, [sums], units=[district], partial=True))
        assert ("xã Cẩm Lạc, huyện Cẩm Xuyên",) == above.carried


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def cam_xuyen(plan: Plan, tmp_path: Path) -> tuple[Path, list[AdministrativeUnit]]:
    """The plan file with indicators, and the district's communes from the ha-tinh plugin."""
    path = phongtrao.dump_plan(plan, tmp_path / "plan.yaml")
    return path, list(phongtrao.lower_units(plan, Plugins(["ha-tinh"])))


def _known(index: int) -> dict[str, tuple[object, object]]:
    return {"gia-dinh-van-hoa": (700 + 13 * index, 800 + 17 * index),
            "thon-van-hoa": (5 + index % 4, 9 + index % 3),
            "co-quan-van-hoa": (3 + index % 2, 5),
            "nha-van-hoa": (7, 9 + index % 3),
            "nha-van-hoa-xay-moi": (index % 3, None)}


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def _check_report(path: Path, plan: Plan, sums: dict[str, tuple[int, int]], units: int,
                  charts: int) -> None:
    """The báo cáo of the aggregate, read back.

    Its indicator table holds the sums, each unit table ends with them, and
    every chart is a picture in the .docx and in its PDF.
    """
    document = testing.open_document(path)
    tables = [[[cell.text for cell in row.cells] for row in table.rows]
              for table in document.tables]
    summary = next(rows for rows in tables if rows[0][:2] == ["STT", "Chỉ tiêu"])
    for row, indicator in zip(summary[1:], plan.indicators, strict=True):
        achieved, total = sums[indicator.id]
        assert _number(row[3]) == achieved, indicator.id
        if indicator.paired:
            assert _number(row[2]) == total, indicator.id
    by_unit = [rows for rows in tables if rows[0][:2] == ["STT", "Đơn vị"]]
    assert len(plan.indicators) == len(by_unit)
    for rows, indicator in zip(by_unit, plan.indicators, strict=True):
        assert units + 2 == len(rows)  # the headings, a row a unit, the total
        last = rows[-1]
        assert "Tổng cộng" == last[1]
        column = 3 if indicator.paired else 2
        assert _number(last[column]) == sums[indicator.id][0] == sum(
            _number(row[column]) for row in rows[1:-1])
    with zipfile.ZipFile(path) as package:
        pictures = [name for name in package.namelist() if name.startswith("word/media/")]
    assert charts == len(pictures)
    require_soffice()
    pdf = path.with_suffix(".pdf")
    with phongtrao.PdfConverter() as converter:
        pdf.write_bytes(converter.convert(path.read_bytes()))
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert charts == sum(1 for line in listed if line.split()[2] == "image")


class TestCommand:
    def test_forms_filled_and_added_up(self, cam_xuyen: tuple[Path, list[AdministrativeUnit]],
                                       plan: Plan, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """Phongtrao form, filled with known numbers, then aggregate: the sums in the summary."""
        monkeypatch.setenv("PHONGTRAO_PLUGINS", "ha-tinh")
        plan_file, communes = cam_xuyen
        assert 0 == main(["form", str(plan_file), "--units", "-o", str(tmp_path / "forms")])
        forms = sorted((tmp_path / "forms").glob("*.xlsx"))
        assert len(communes) == len(forms)
        codes = {unit.code: index for index, unit in enumerate(communes)}
        for form in forms:
            fill(form, plan, _known(codes[form.stem.rsplit("-", 1)[1]]))
        capsys.readouterr()
        assert 0 == main(["aggregate", str(plan_file), str(tmp_path / "forms"), "-o",
                          str(tmp_path / "out")])
        printed = capsys.readouterr().out
        sums = {indicator.id: (sum(int(_known(i)[indicator.id][0]) for i in codes.values()),
                               sum(int(_known(i)[indicator.id][1] or 0) for i in codes.values()))
                for indicator in plan.indicators}
        achieved, total = sums["gia-dinh-van-hoa"]
        assert (f"gia-dinh-van-hoa: {plan.indicators[0].phrase(achieved, total)}") in printed
        assert f"{len(communes)} of {len(communes)} units counted" in printed
        book = openpyxl.load_workbook(tmp_path / "out" / "tong-hop.xlsx")
        assert len(plan.indicators) + 1 == len(book.worksheets)
        for sheet, indicator in zip(book.worksheets[1:], plan.indicators, strict=True):
            rows = [row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]]
            units, last = rows[:-1], rows[-1]
            assert len(communes) == len(units)
            assert "Tổng cộng" == last[1]
            assert sums[indicator.id][0] == last[3] == sum(row[3] for row in units)
            if indicator.paired:
                assert sums[indicator.id][1] == last[4] == sum(row[4] for row in units)
                assert pytest.approx(sums[indicator.id][0] / sums[indicator.id][1]) == last[5]
        charts = sorted(path.name for path in (tmp_path / "out").glob("*.png"))
        assert [f"bieu-do-{indicator.id}.png" for indicator in plan.indicators] + [
            "bieu-do-muc-tieu.png"] == sorted(charts, key=lambda name: (
                name == "bieu-do-muc-tieu.png", [f"bieu-do-{i.id}.png" for i in
                                                 plan.indicators].index(name)
                if name != "bieu-do-muc-tieu.png" else 0))
        assert all(_png_size((tmp_path / "out" / name).read_bytes())[0] > 400 for name in charts)
        up = yaml.safe_load((tmp_path / "out" / "ket-qua.yaml").read_text(encoding="utf-8"))
        assert [[item["achieved"], item.get("total")] for item in up["units"][0]["results"]] == [
            [sums[i.id][0], sums[i.id][1] if i.paired else None] for i in plan.indicators]
        _check_report(tmp_path / "out" / "bao-cao.docx", plan, sums, len(communes),
                      len(charts))

    def test_an_error_writes_nothing(self, cam_xuyen: tuple[Path, list[AdministrativeUnit]],
                                     plan: Plan, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
        """One faulty form: its problem printed with file, sheet and cell, exit 1, no file."""
        monkeypatch.setenv("PHONGTRAO_PLUGINS", "ha-tinh")
        plan_file, communes = cam_xuyen
        minh = next(unit for unit in communes if unit.name == "Cẩm Minh")
        good = filled_form(tmp_path, plan, communes[0], good_counts())
        bad = filled_form(tmp_path, plan, minh, {**good_counts(),
                                                 "gia-dinh-van-hoa": (812, 790)})
        assert 1 == main(["aggregate", str(plan_file), str(good), str(bad), "-o",
                          str(tmp_path / "out")])
        captured = capsys.readouterr()
        assert (f"{bad} Biểu 1!D7: 812 gia đình văn hóa but 790 hộ gia đình; the achieved "
                "count cannot exceed the total\n") == captured.out
        assert "nothing was written" in captured.err
        assert "Traceback" not in captured.err
        assert not (tmp_path / "out").exists()
        assert 0 == main(["aggregate", str(plan_file), str(good), str(bad), "-o",
                          str(tmp_path / "out"), "--partial", "--no-charts"])
        captured = capsys.readouterr()
        assert "left out: xã Cẩm Minh:" in captured.err
        assert f"not reported: {communes[1].full_name}" in captured.out
        assert ["bao-cao.docx", "ket-qua.yaml", "tong-hop.xlsx"] == sorted(
            path.name for path in (tmp_path / "out").iterdir())
        up = yaml.safe_load((tmp_path / "out" / "ket-qua.yaml").read_text(encoding="utf-8"))
        assert minh.full_name in up["units"][0]["left_out"]

    def test_never_overwrites_without_force(self, plan: Plan, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
        """An existing form or summary is kept, with a message naming --force."""
        plan_file = phongtrao.dump_plan(plan, tmp_path / "plan.yaml")
        form = tmp_path / "f.xlsx"
        assert 0 == main(["form", str(plan_file), "-o", str(form)])
        assert 2 == main(["form", str(plan_file), "-o", str(form)])
        assert f"{form} exists; pass --force to replace it" in capsys.readouterr().err
        assert 0 == main(["form", str(plan_file), "-o", str(form), "--force"])

    def test_usage_errors_are_one_line(self, example_path: Path, plan: Plan, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """No indicators, a wrong suffix, no lower units known: exit 2 and why."""
        assert 2 == main(["form", str(example_path), "-o", str(tmp_path / "f.xlsx")])
        assert "the plan defines no indicators" in capsys.readouterr().err
        plan_file = phongtrao.dump_plan(plan, tmp_path / "plan.yaml")
        assert 2 == main(["form", str(plan_file), "-o", str(tmp_path / "f.pdf")])
        assert "give an output ending in .xlsx" in capsys.readouterr().err
        assert 2 == main(["form", str(plan_file), "--units", "-o", str(tmp_path / "forms")])
        assert "give them in a file (--units)" in capsys.readouterr().err
        units = tmp_path / "units.yaml"
        units.write_text("- {name: Cẩm Minh, level: xa, kind: xa, code: '18751'}\n",
                         encoding="utf-8")
        assert 0 == main(["form", str(plan_file), "--units", str(units), "-o",
                          str(tmp_path / "forms")])
        assert ["bieu-mau-xa-cam-minh-18751.xlsx"] == [
            path.name for path in (tmp_path / "forms").iterdir()]
