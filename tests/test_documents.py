"""The conference's document set: each kind read back, the facts they share, the package.

The set is the Cẩm Xuyên example extended with its conference, award and
invented nominees (``examples/cam-xuyen-2021-set/plan.yaml``). Each document
is written by :func:`phongtrao.render_package`, opened again with
python-docx and read as an officer reads it: the header's two columns, the
number with its kind's symbol, the date line, the tên loại, the signature,
Nơi nhận, and the parts of its own kind.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import phongtrao
from phongtrao import Plan, testing
from phongtrao.model import (
    AgendaItem,
    DocumentNumber,
    Enactment,
    Issued,
    Nominee,
    PartialDate,
    TimeOfDay,
)
from tests.conftest import require_soffice

SET = Path(__file__).parent.parent / "examples" / "cam-xuyen-2021-set" / "plan.yaml"

#: For each document of the set: its file, Số line, tên loại and first signature line.
EXPECTED = {
    "ke-hoach": ("01-ke-hoach.docx", "Số: 15/KH-UBND", "KẾ HOẠCH", "TM. ỦY BAN NHÂN DÂN"),
    "de-cuong": ("02-de-cuong.docx", None, None, None),
    "giay-moi": ("03-giay-moi.docx", "Số: 45/GM-UBND", "GIẤY MỜI", "TM. ỦY BAN NHÂN DÂN"),
    "chuong-trinh": ("04-chuong-trinh.docx", "Số: 46/CTr-UBND", "CHƯƠNG TRÌNH",
                     "TM. ỦY BAN NHÂN DÂN"),
    "to-trinh": ("05-to-trinh.docx", "Số: 52/TTr-PVHTT", "TỜ TRÌNH", "TRƯỞNG PHÒNG"),
    "quyet-dinh": ("06-quyet-dinh.docx", "Số: 1250/QĐ-UBND", "QUYẾT ĐỊNH", "KT. CHỦ TỊCH"),
    "bao-cao": ("07-bao-cao.docx", "Số: 98/BC-UBND", "BÁO CÁO", "TM. ỦY BAN NHÂN DÂN"),
    "cong-van": ("08-cong-van.docx", "Số: 16/UBND-VHTT", None, "TM. ỦY BAN NHÂN DÂN"),
}


@pytest.fixture(scope="module")
def set_plan() -> Plan:
    return phongtrao.load_plan(SET)


@pytest.fixture(scope="module")
def package(set_plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> phongtrao.Package:
    return phongtrao.render_package(set_plan, tmp_path_factory.mktemp("ho-so"),
                                    renderer=testing.make_renderer())


def _document(package: phongtrao.Package, key: str) -> Any:
    return testing.open_document(package.folder / EXPECTED[key][0])


def _lines(document: Any) -> list[str]:
    return [paragraph.text for paragraph in testing.paragraphs(document) if paragraph.text]


def _cell_lines(cell: Any) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs if paragraph.text]


def _texts(plan: Plan, key: str, *, draft: bool = False) -> list[str]:
    data = testing.make_renderer().render_bytes(plan, document=key, draft=draft)
    return testing.document_lines(data)


class TestPackage:
    def test_writes_each_document_under_its_stable_name(
            self, package: phongtrao.Package) -> None:
        """The set's eight files, in order, named by their place in the set; none left out."""
        assert ([name for name, *_ in EXPECTED.values()], (), ()) == (
            [path.name for path in package.written], package.left_out, package.warnings)
        assert sorted(path.name for path in package.folder.iterdir()) == [
            name for name, *_ in EXPECTED.values()]

    @pytest.mark.parametrize("key", [key for key, row in EXPECTED.items() if row[1]])
    def test_header_number_date_kind_signature_recipients(
            self, package: phongtrao.Package, key: str) -> None:
        """Each framed document has the thể thức of its kind, read back from the .docx."""
        _, number, kind_title, signature = EXPECTED[key]
        document = _document(package, key)
        header = document.tables[0]
        foot = next(table for table in document.tables
                    if table.rows[0].cells[0].text.startswith("Nơi nhận:"))
        left, right = (_cell_lines(cell) for cell in header.rows[0].cells)
        issuer = (["UBND HUYỆN CẨM XUYÊN", "PHÒNG VĂN HÓA -", "THÔNG TIN"] if key == "to-trinh"
                  else ["ỦY BAN NHÂN DÂN", "HUYỆN CẨM XUYÊN"])
        assert (issuer, number) == (left[:len(issuer)], left[len(issuer)])
        assert ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] == right[:2]
        assert re.fullmatch(r"Cẩm Xuyên, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm 2021",
                            right[2]), right[2]
        recipients, signed = (_cell_lines(cell) for cell in foot.rows[0].cells)
        assert ("Nơi nhận:", "- Lưu: VT.", signature) == (recipients[0], recipients[-1],
                                                         signed[0])
        body = [p.text for p in document.paragraphs if p.text]
        if kind_title is None:  # a công văn: no tên loại, its V/v under the number
            assert left[-1].startswith("V/v triển khai Kế hoạch")
            assert "Kính gửi:" in body
        else:
            assert kind_title == body[0]

    def test_the_outline_is_the_plans_annex_printed_alone(
            self, package: phongtrao.Package) -> None:
        """Đề cương attached to the plan: no header and no signature; it names the plan."""
        document = _document(package, "de-cuong")
        lines = _lines(document)
        assert ([], "Phụ lục") == (list(document.tables), lines[0])
        assert ("(Kèm theo Kế hoạch số 15/KH-UBND ngày 12/01/2021 của Ủy ban nhân dân huyện "
                "Cẩm Xuyên)") in lines
        assert {"PHẦN THỨ NHẤT", "PHẦN THỨ HAI"} <= set(lines)
        plan_lines = _lines(_document(package, "ke-hoach"))
        assert "ĐỀ CƯƠNG BÁO CÁO TỔNG KẾT 20 NĂM THỰC HIỆN PHONG TRÀO" in " ".join(plan_lines)

    def test_the_outline_sets_the_deadline_and_recipient(
            self, package: phongtrao.Package) -> None:
        """The đề cương ends with when and to whom the lower level reports."""
        text = " ".join(_lines(_document(package, "de-cuong")))
        assert "30/4/2021" in text
        assert "Phòng Văn hóa - Thông tin huyện" in text

    def test_the_invitation_writes_time_the_decrees_way(
            self, package: phongtrao.Package) -> None:
        """GM: kính mời, the chair, '07 giờ 30 phút, ngày 15 tháng 6 năm 2021', the venue."""
        lines = _lines(_document(package, "giay-moi"))
        assert "Ủy ban nhân dân huyện Cẩm Xuyên trân trọng kính mời:" in lines
        assert "Thời gian: 07 giờ 30 phút, ngày 15 tháng 6 năm 2021." in lines
        assert "Địa điểm: Hội trường Ủy ban nhân dân huyện Cẩm Xuyên." in lines
        assert "Chủ trì: Đồng chí Chủ tịch Ủy ban nhân dân huyện." in lines

    def test_the_programme_is_a_table_of_time_slots(self, package: phongtrao.Package) -> None:
        """CTr: thời gian | nội dung | người thực hiện, one row an agenda item."""
        document = _document(package, "chuong-trinh")
        table = document.tables[1]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert ["Thời gian", "Nội dung", "Người thực hiện"] == rows[0]
        assert ["07h30", "Đón tiếp đại biểu",
                "Văn phòng HĐND và UBND huyện"] == rows[1]
        assert 8 == len(rows)

    def test_the_proposal_goes_to_the_authority_with_its_list(
            self, package: phongtrao.Package) -> None:
        """TTr: Kính gửi the chair who decides, căn cứ, the counts, the Danh sách."""
        document = _document(package, "to-trinh")
        lines = _lines(document)
        assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Cẩm Xuyên." in lines
        assert any("03 tập thể và 02 cá nhân" in line for line in lines)
        assert "DANH SÁCH" in lines
        heads = [cell.text for cell in document.tables[2].rows[0].cells]
        assert ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị",
                "Thành tích tóm tắt"] == heads

    def test_the_decision_cites_the_proposal(self, package: phongtrao.Package) -> None:
        """QĐ: the authority line, 'Xét đề nghị … tại Tờ trình số …', QUYẾT ĐỊNH:, Điều 1-2."""
        lines = _lines(_document(package, "quyet-dinh"))
        authority = lines.index("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN")
        decides = lines.index("QUYẾT ĐỊNH:")
        bases = lines[authority + 1:decides]
        assert all(line.endswith(";") for line in bases[:-1])
        assert bases[-1].endswith(".")
        assert bases[-1] == ("Xét đề nghị của Phòng Văn hóa - Thông tin tại Tờ trình số "
                             "52/TTr-PVHTT ngày 01/6/2021.")
        assert lines[decides + 1].startswith("Điều 1. Tặng Giấy khen của Chủ tịch UBND huyện "
                                             "cho 03 tập thể và 02 cá nhân")
        assert lines[decides + 2].startswith("Điều 2.")

    def test_the_report_has_the_outlines_parts(self, package: phongtrao.Package) -> None:
        """BC: the parts the đề cương names, with room to write under each."""
        lines = _lines(_document(package, "bao-cao"))
        assert {"PHẦN THỨ NHẤT", "PHẦN THỨ HAI"} <= set(lines)
        assert any(line.startswith("Thực hiện Kế hoạch số 15/KH-UBND") for line in lines)

    def test_a_second_run_refuses_and_keeps_every_file(
            self, set_plan: Plan, package: phongtrao.Package) -> None:
        """Without overwrite an existing set stops everything, naming the files."""
        before = {path.name: path.read_bytes() for path in package.written}
        with pytest.raises(FileExistsError, match=r"01-ke-hoach\.docx.*nothing was written"):
            phongtrao.render_package(set_plan, package.folder, renderer=testing.make_renderer())
        assert before == {path.name: path.read_bytes() for path in package.written}

    def test_a_document_lacking_facts_is_left_out_saying_what(
            self, set_plan: Plan, tmp_path: Path) -> None:
        """A conference without venue: GM and CTr left out, naming it; a draft prints «…»."""
        plan = _conference(set_plan, venue=None)
        written = phongtrao.render_package(plan, tmp_path / "a", renderer=testing.make_renderer())
        assert ["giay-moi", "chuong-trinh"] == [left.document for left in written.left_out]
        assert all("the conference's venue" in str(left) for left in written.left_out)
        assert not {"03-giay-moi.docx", "04-chuong-trinh.docx"} & {
            path.name for path in written.written}
        drafted = phongtrao.render_package(plan, tmp_path / "b", draft=True,
                                           renderer=testing.make_renderer())
        assert () == drafted.left_out
        assert "Địa điểm: «Địa điểm»." in _lines(testing.open_document(
            tmp_path / "b" / "03-giay-moi.docx"))

    def test_only_the_documents_asked_for(self, set_plan: Plan, tmp_path: Path) -> None:
        """documents= writes those kinds only, under their set names."""
        written = phongtrao.render_package(set_plan, tmp_path, documents=["quyet-dinh",
                                           "giay-moi"], renderer=testing.make_renderer())
        assert ["03-giay-moi.docx", "06-quyet-dinh.docx"] == [p.name for p in written.written]

    def test_an_unknown_kind_is_refused_with_the_list(self, set_plan: Plan,
                                                      tmp_path: Path) -> None:
        with pytest.raises(KeyError, match="giay-moi"):
            phongtrao.render_package(set_plan, tmp_path, documents=["giay-moj"],
                                     renderer=testing.make_renderer())
        assert [] == list(tmp_path.iterdir())


def _conference(plan: Plan, **changes: Any) -> Plan:
    """The plan with its district conference changed as ``changes`` say."""
    schedule = list(plan.schedule)
    index = next(i for i, milestone in enumerate(schedule) if milestone.conference)
    conference = schedule[index].conference
    assert conference is not None
    schedule[index] = attrs.evolve(schedule[index],
                                   conference=attrs.evolve(conference, **changes))
    return attrs.evolve(plan, schedule=tuple(schedule))


class TestSharedFacts:
    def test_a_new_time_reaches_the_invitation_and_the_programme(self, set_plan: Plan) -> None:
        """Moving the conference to 14:00 on 16/6 changes the GM and the CTr alike."""
        plan = _conference(set_plan, date=PartialDate(year=2021, month=6, day=16),
                           start=TimeOfDay.parse("14:00"), end=TimeOfDay.parse("17:00"),
                           agenda=(AgendaItem(time=TimeOfDay.parse("14:00"), item="Khai mạc"),))
        when = "Thời gian: 14 giờ 00 phút, ngày 16 tháng 6 năm 2021."
        assert when in _texts(plan, "giay-moi")
        assert when in _texts(plan, "chuong-trinh")
        assert not any("15 tháng 6" in line for key in ("giay-moi", "chuong-trinh")
                       for line in _texts(plan, key))

    def test_a_new_nominee_is_counted_everywhere(self, set_plan: Plan) -> None:
        """A sixth nominee: the TTr, the QĐ's Điều 1 and both Danh sách say 03 cá nhân."""
        nominee = Nominee(name="Ông Phạm Văn Ví Dụ", recipient="ca_nhan", position="Công an viên",
                          unit="xã Ví Dụ Chín", summary="Giữ gìn an ninh trật tự thôn xóm")
        plan = attrs.evolve(set_plan, nominees=(*set_plan.nominees, nominee))
        for key in ("to-trinh", "quyet-dinh"):
            text = "\n".join(_texts(plan, key))
            assert "03 tập thể và 03 cá nhân" in text, key
            assert "Cá nhân (03)" in text, key
            assert "Ông Phạm Văn Ví Dụ" in text, key

    def test_the_decision_follows_the_proposals_number(self, set_plan: Plan) -> None:
        """Renumbering the TTr renumbers the QĐ's 'Xét đề nghị'."""
        documents = set_plan.documents
        assert documents is not None
        assert documents.proposal is not None
        issued = attrs.evolve(documents.proposal.issued,
                              date=PartialDate.parse(datetime.date(2021, 6, 3).isoformat()))
        proposal = attrs.evolve(documents.proposal, issued=issued)
        plan = attrs.evolve(set_plan, documents=attrs.evolve(documents, proposal=proposal))
        assert any("Tờ trình số 52/TTr-PVHTT ngày 03/6/2021." in line
                   for line in _texts(plan, "quyet-dinh"))

    def test_the_plans_number_reaches_every_document_citing_it(self, set_plan: Plan) -> None:
        """The KH renumbered: the đề cương, the QĐ, the BC and the công văn cite the new one."""
        plan = attrs.evolve(set_plan, document=attrs.evolve(
            set_plan.document, number=attrs.evolve(set_plan.document.number, number=7)))
        for key in ("de-cuong", "quyet-dinh", "bao-cao", "cong-van"):
            text = "\n".join(_texts(plan, key))
            assert "Kế hoạch số 07/KH-UBND" in text, key
            assert "15/KH-UBND" not in text, key


class TestNomineeChecks:
    def test_a_nominee_listed_twice_stops_the_set(self, set_plan: Plan, tmp_path: Path) -> None:
        """Twice the same nominee: one error naming the row; nothing written."""
        plan = attrs.evolve(set_plan, nominees=(*set_plan.nominees, set_plan.nominees[1]))
        with pytest.raises(phongtrao.PlanError) as raised:
            phongtrao.render_package(plan, tmp_path / "out", renderer=testing.make_renderer())
        assert [("$.nominees[5]", "nominee-duplicate")] == [
            (problem.path, problem.code) for problem in raised.value.problems]
        assert not (tmp_path / "out").exists()

    def test_a_nominee_of_a_kind_the_award_does_not_go_to(self, set_plan: Plan) -> None:
        nominee = Nominee(name="Gia đình ông Ví Dụ", recipient="gia_dinh")
        plan = attrs.evolve(set_plan, nominees=(*set_plan.nominees, nominee))
        problems = phongtrao.check(plan, plugins=testing.make_plugins())
        assert [("$.nominees[5].recipient", "nominee-recipient")] == [
            (problem.path, problem.code) for problem in problems]
        assert "goes to 'tap_the', 'ca_nhan'" in problems[0].message


class TestPdf:
    def test_the_set_converts_with_libreoffice(self, set_plan: Plan, tmp_path: Path) -> None:
        """--pdf: every document converted by one LibreOffice, each a real PDF."""
        require_soffice()
        written = phongtrao.render_package(set_plan, tmp_path, pdf=True,
                                           renderer=testing.make_renderer())
        assert [name.replace(".docx", ".pdf") for name, *_ in EXPECTED.values()] == [
            path.name for path in written.written]
        assert all(path.read_bytes().startswith(b"%PDF") for path in written.written)


class TestEnactment:
    """A quyết định that issues the Kế hoạch, the way many ministries and provinces do."""

    @pytest.fixture
    def enacted(self, set_plan: Plan) -> Plan:
        documents = set_plan.documents
        assert documents is not None
        enactment = Enactment(
            issued=Issued(number=DocumentNumber(number=120, symbol="QĐ-UBND"),
                          date=PartialDate.parse("2021-01-12")),
            proposer="Trưởng phòng Văn hóa - Thông tin",
            executors=("Chánh Văn phòng HĐND và UBND huyện", "Trưởng phòng Văn hóa - Thông tin"))
        return attrs.evolve(set_plan, documents=attrs.evolve(documents, enactment=enactment))

    def test_the_decision_issues_the_plan(self, enacted: Plan) -> None:
        """The chair's authority line, the competence law, the plan's bases, three articles."""
        lines = _texts(enacted, "quyet-dinh-ban-hanh")
        assert ["QUYẾT ĐỊNH", ("Về việc ban hành Kế hoạch tổ chức Hội nghị tổng kết 20 năm thực "
                "hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” huyện Cẩm Xuyên "
                "(giai đoạn 2000-2020)")] == lines[lines.index("QUYẾT ĐỊNH"):][:2]
        authority = lines.index("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN")
        decides = lines.index("QUYẾT ĐỊNH:")
        bases = lines[authority + 1:decides]
        assert bases[0].startswith("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015")
        assert bases[1].startswith("Căn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2021 của UBND tỉnh")
        assert "Theo đề nghị của Trưởng phòng Văn hóa - Thông tin." == bases[-1]
        assert [line.split(".")[0] for line in lines[decides + 1:decides + 4]] == [
            "Điều 1", "Điều 2", "Điều 3"]
        assert lines[decides + 1].startswith("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch")
        assert "Số: 120/QĐ-UBND" in lines
        assert "- Như Điều 3;" in lines
        assert "TM. ỦY BAN NHÂN DÂN" not in lines  # the chair decides

    def test_the_plan_is_printed_as_its_attachment(self, enacted: Plan) -> None:
        """The Kế hoạch: the Kèm theo line, and no number, date line, bases or Nơi nhận."""
        document = testing.open_document(
            testing.make_renderer().render_bytes(enacted, document="ke-hoach"))
        lines = _lines(document)
        assert ("(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 12/01/2021 của Chủ tịch Ủy ban "
                "nhân dân huyện Cẩm Xuyên)") == lines[lines.index("KẾ HOẠCH") + 2]
        assert not any(line.startswith(("Số:", "Cẩm Xuyên, ngày", "Căn cứ", "Nơi nhận"))
                       for line in lines)
        assert "Phạm Văn Thắng" in lines

    def test_it_takes_its_place_in_the_set(self, enacted: Plan, tmp_path: Path) -> None:
        written = phongtrao.render_package(enacted, tmp_path, renderer=testing.make_renderer())
        assert "09-quyet-dinh-ban-hanh.docx" == written.written[-1].name


def test_the_command_lists_the_kinds_the_library_makes() -> None:
    """The command line's --document choices (read without loading the kinds) are DOCUMENTS."""
    from phongtrao._templates import KIND_TEMPLATES

    assert phongtrao.DOCUMENTS == KIND_TEMPLATES
