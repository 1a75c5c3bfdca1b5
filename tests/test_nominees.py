"""Nominee lists from .xlsx: read as an officer types them in Excel, every problem with its cell.

The lists are written with openpyxl, as Excel saves them; the set example's
plan (``examples/cam-xuyen-2021-set/plan.yaml``) is the plan they go with.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import phongtrao
from phongtrao import NomineeListError, testing
from phongtrao._cli import main

SET = Path(__file__).parent.parent / "examples" / "cam-xuyen-2021-set" / "plan.yaml"
HEADINGS = ["STT", "Họ và tên / Tên tập thể", "Đối tượng", "Chức vụ", "Đơn vị",
            "Thành tích tóm tắt", "Hình thức"]
ROWS = [
    [1, "Thôn Ví Dụ Hai", "Tập thể", None, "xã Ví Dụ Ba", "Thôn văn hóa 15 năm liền",
     "giay-khen-huyen"],
    [2, "Ông Nguyễn Văn Ví Dụ", "Cá nhân", "Trưởng thôn", "thôn Ví Dụ Năm",
     "Vận động nhân dân hiến đất", None],
]


def workbook(path: Path, rows: list[list[Any]], *, headings: list[str] = HEADINGS,
             title: str = "Danh sách") -> Path:
    """An .xlsx nominee list of ``rows`` under ``headings``, saved as Excel would."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def problems(raised: pytest.ExceptionInfo[NomineeListError]) -> list[tuple[str, str]]:
    return [(problem.where, problem.code) for problem in raised.value.problems]


class TestReading:
    def test_reads_each_row_with_its_cells(self, tmp_path: Path) -> None:
        """Two rows: two nominees, kinds from their wording, and where each field came from."""
        found = phongtrao.load_nominees(workbook(tmp_path / "danh-sach.xlsx", ROWS))
        assert [("Thôn Ví Dụ Hai", "tap_the", "giay-khen-huyen"),
                ("Ông Nguyễn Văn Ví Dụ", "ca_nhan", None)] == [
            (n.name, n.recipient, n.grant) for n in found.nominees]
        assert ("Trưởng thôn", "Vận động nhân dân hiến đất") == (
            found.nominees[1].position, found.nominees[1].summary)
        assert ("danh-sach.xlsx", "Danh sách!G2", "Danh sách row 3") == (
            found.source, found.locate("$.nominees[0].grant"), found.locate("$.nominees[1]"))
        assert found.locate("$.awards") is None

    def test_headings_in_another_order_without_accents_and_empty_rows(
            self, tmp_path: Path) -> None:
        """Headings match by their words; an empty row between nominees is skipped."""
        path = workbook(tmp_path / "a.xlsx", [["Tập thể", "Thôn Một"], [None, None],
                                              ["ca_nhan", "Bà Hai"]],
                        headings=["doi tuong", "HO VA TEN"])
        found = phongtrao.load_nominees(path)
        assert [("Thôn Một", "tap_the"), ("Bà Hai", "ca_nhan")] == [
            (n.name, n.recipient) for n in found.nominees]
        assert "Danh sách!B4" == found.locate("$.nominees[1].name")

    def test_every_bad_cell_at_once(self, tmp_path: Path) -> None:
        """An empty name, a kind that is none, a grant with spaces, an error cell: four problems."""
        path = workbook(tmp_path / "sai.xlsx", [
            [1, None, "Tập thể", None, "xã A", None, None],
            [2, "Ông A", "Cá nhan lạ", None, None, None, None],
            [3, "Ông B", "Cá nhân", None, None, None, "Giấy khen huyện"],
            [4, "Ông C", "Cá nhân", "#N/A", None, None, None],
        ])
        book = openpyxl.load_workbook(path)
        book.active["D5"] = "=NA()"
        book.save(path)
        # openpyxl writes formulas without a cached value; give one as Excel would.
        data = _with_cached_error(path.read_bytes(), "D5", "#N/A")
        with pytest.raises(NomineeListError) as raised:
            phongtrao.load_nominees(data, name="sai.xlsx")
        assert [("Danh sách!B2", "nominee-cell"), ("Danh sách!C3", "nominee-cell"),
                ("Danh sách!G4", "nominee-cell"), ("Danh sách!D5", "nominee-cell")] == \
            problems(raised)
        text = str(raised.value)
        assert "sai.xlsx Danh sách!C3: 'Cá nhan lạ' is no kind of recipient" in text
        assert "4 problems in the nominee list; no nominee was read" in text

    def test_a_missing_heading_names_the_expected_ones(self, tmp_path: Path) -> None:
        path = workbook(tmp_path / "a.xlsx", [["Ông A"]], headings=["Họ và tên"])
        with pytest.raises(NomineeListError) as raised:
            phongtrao.load_nominees(path)
        assert [("Danh sách!1", "nominee-heading")] == problems(raised)
        assert "no heading 'Đối tượng'" in str(raised.value)

    def test_an_unknown_heading_is_refused(self, tmp_path: Path) -> None:
        path = workbook(tmp_path / "a.xlsx", [["Ông A", "Cá nhân", "x"]],
                        headings=["Họ và tên", "Đối tượng", "Năm sinh"])
        with pytest.raises(NomineeListError) as raised:
            phongtrao.load_nominees(path)
        assert [("Danh sách!C1", "nominee-heading")] == problems(raised)

    @pytest.mark.parametrize(("data", "says"), [
        (b"STT,Ho va ten\n1,Ong A\n", "not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old Excel file (.xls) or a password-protected"),
    ], ids=["csv", "xls-or-encrypted"])
    def test_a_file_that_is_no_xlsx(self, data: bytes, says: str) -> None:
        with pytest.raises(NomineeListError) as raised:
            phongtrao.load_nominees(data, name="ds.xlsx")
        assert [("", "unreadable")] == problems(raised)
        assert says in str(raised.value)

    def test_a_zip_bomb_is_cut_at_the_limit(self) -> None:
        """A sheet part declaring gigabytes is refused without inflating it."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (64 << 20) + b"</a>")
        with pytest.raises(NomineeListError) as raised:
            phongtrao.load_nominees(buffer.getvalue(), name="bom.xlsx")
        assert [("", "unreadable")] == problems(raised)


def _with_cached_error(data: bytes, reference: str, error: str) -> bytes:
    """The workbook with ``reference``'s formula cell holding the cached ``error``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = payload.decode()
                start = text.index(f'<c r="{reference}"')
                end = text.index("</c>", start) + len("</c>")
                payload = (text[:start] + f'<c r="{reference}" t="e"><f>NA()</f><v>{error}</v></c>'
                           + text[end:]).encode()
            target.writestr(info, payload)
    return out.getvalue()


class TestWithThePlan:
    def test_the_list_replaces_the_plans_nominees_in_the_set(
            self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Package --nominees: the TTr and QĐ count the list's 01 tập thể and 01 cá nhân."""
        path = workbook(tmp_path / "danh-sach.xlsx", ROWS)
        code = main(["package", str(SET), "-o", str(tmp_path / "out"), "--nominees", str(path),
                     "--document", "quyet-dinh"])
        assert (0, "") == (code, capsys.readouterr().err)
        lines = testing.document_lines(tmp_path / "out" / "06-quyet-dinh.docx")
        assert any("cho 01 tập thể và 01 cá nhân" in line for line in lines)
        assert "Thôn Ví Dụ Hai" in lines

    def test_a_duplicate_names_its_row_and_nothing_is_written(
            self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = workbook(tmp_path / "danh-sach.xlsx", [*ROWS, ROWS[0]])
        code = main(["package", str(SET), "-o", str(tmp_path / "out"), "--nominees", str(path)])
        out = capsys.readouterr().out
        assert 1 == code
        assert (f"{path} Danh sách row 4: Thôn Ví Dụ Hai is listed twice for the same award"
                in out), out
        assert not (tmp_path / "out").exists()

    def test_a_form_the_authority_may_not_give_on_the_decisions_day(
            self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A decision dated after the reform: a huyện chair's Giấy khen is refused at G2."""
        plan_text = SET.read_text(encoding="utf-8").replace(
            "      number: 1250/QĐ-UBND\n      date: 2021-06-10",
            "      number: 1250/QĐ-UBND\n      date: 2025-08-10")
        plan = tmp_path / "plan.yaml"
        plan.write_text(plan_text, encoding="utf-8")
        path = workbook(tmp_path / "danh-sach.xlsx", ROWS)
        code = main(["package", str(plan), "-o", str(tmp_path / "out"), "--nominees", str(path)])
        out = capsys.readouterr().out
        assert 1 == code
        assert f"{path} Danh sách!G2: Chủ tịch UBND cấp huyện may not give Giấy khen" in out
        assert "[nominee-award-date]" in out
        assert not (tmp_path / "out").exists()

    def test_a_malformed_list_stops_before_anything(
            self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = workbook(tmp_path / "danh-sach.xlsx", [[1, "Ông A", "Người lạ"]])
        code = main(["package", str(SET), "-o", str(tmp_path / "out"), "--nominees", str(path)])
        out = capsys.readouterr().out
        assert (1, True) == (code, f"{path} Danh sách!C2: 'Người lạ' is no kind" in out)
        assert not (tmp_path / "out").exists()
