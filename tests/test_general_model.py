"""The model for every issuer: bodies, tiers and conferences, awards, indicators, parts, annexes.

Each test names the false positive or the gap it guards against: a plan a
province, a ward or a national steering committee really writes, which the
first version refused or could not state. Plans are the minimal plan
(:func:`phongtrao.testing.minimal_plan`: phường Ví Dụ, 15/8/2025) changed as
each test says; documents are rendered with the national template and read
back with python-docx (and, for the header, with LibreOffice and pdftotext).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest

import phongtrao
from phongtrao import ModelError, Severity, find_soffice
from phongtrao.model import (
    BUILTIN_PARTS,
    NATIONAL_WORDING,
    Agency,
    AuthorityTitle,
    AwardForm,
    BodyKind,
    Plan,
    RecipientKind,
)
from phongtrao.testing import make_renderer, minimal_plan, render_text

WARD_UNIT = {"name": "Ví Dụ", "level": "xa", "kind": "phuong"}
PROVINCE_UNIT = {"name": "Hà Tĩnh", "level": "tinh", "kind": "tinh", "code": "42"}
DISTRICT_UNIT = {"name": "Cẩm Xuyên", "level": "huyen", "kind": "huyen",
                 "valid_until": "2025-06-30"}


def codes(plan: Plan) -> list[str]:
    """The codes check reports."""
    return [problem.code for problem in phongtrao.check(plan)]


def lines(plan: Plan) -> list[str]:
    """The rendered document's paragraphs (the national template, no plugins)."""
    return render_text(plan).split("\n")


def conference(level: str, start: str, end: str | None = None, **more: Any) -> dict[str, Any]:
    """A conference milestone of ``level`` from ``start`` (to ``end``)."""
    window = {"start": start} if end is None else {"start": start, "end": end}
    return {"level": level, "title": f"Hội nghị tổng kết cấp {level}", "window": window, **more}


def plan_of(**fields: Any) -> Plan:
    """The minimal plan with these top-level keys, written as a plan file writes them."""
    data = phongtrao.unstructure_plan(minimal_plan())
    data["closing"] = "Trên đây là Kế hoạch của Ủy ban nhân dân phường."
    data.update(fields)
    return phongtrao.structure_plan(data)


def scheduled(*milestones: dict[str, Any], **changes: Any) -> Plan:
    return plan_of(schedule=list(milestones), **changes)


def with_awards(*grants: dict[str, Any], issuer_unit: dict[str, Any] | None = None,
                wording: list[dict[str, str]] | None = None,
                recipients: list[str] | None = None, **changes: Any) -> Plan:
    """The minimal plan with these grants (recipients tập thể and cá nhân)."""
    awards: dict[str, Any] = {
        "lead": "Phòng Văn hóa - Xã hội", "recipients": recipients or ["tap_the", "ca_nhan"],
        "criteria": "có thành tích xuất sắc", "grants": list(grants)}
    if wording:
        awards["wording"] = wording
    if issuer_unit is not None:
        issuer = phongtrao.unstructure_plan(minimal_plan())["issuer"]
        changes["issuer"] = {**issuer, "unit": issuer_unit}
    return plan_of(awards=awards, **changes)


def grant_line(plan: Plan) -> str:
    """The first award line of the rendered document."""
    return next(line for line in lines(plan) if line.startswith("- ") and " của " in line
                and ("khen" in line or "Tuyên dương" in line or "Biểu dương" in line
                     or "danh hiệu" in line.lower()))


# --- order of tiers ---------------------------------------------------------------------------


class TestOrder:
    def test_a_day_below_a_quarter_that_contains_it(self) -> None:
        """A ward on 10/10/2025 below the city in quý IV/2025 is in order (was refused)."""
        plan = scheduled(conference("xa", "2025-10-10"), conference("tinh", "2025-Q4"))
        assert "milestone-order" not in codes(plan)

    def test_a_quarter_over_before_the_lower_tier_begins(self) -> None:
        """The city's quý III/2025 ends before the ward's 10/10/2025: out of order."""
        plan = scheduled(conference("xa", "2025-10-10"), conference("tinh", "2025-Q3"))
        assert ["milestone-order"] == codes(plan)

    def test_a_month_window_overlapping_a_year(self) -> None:
        """Lower tier from 9/2025 to 12/2025, higher tier "năm 2025": in order."""
        plan = scheduled(conference("xa", "2025-09", "2025-12"), conference("tinh", "2025"))
        assert [] == codes(plan)

    def test_a_community_tier_comes_before_the_ward(self) -> None:
        """Khu phố (level thon) below the ward: thon then xa is in order, xa then thon is not."""
        community = conference("thon", "2025-09", tier="khu phố", title="Tổng kết tại khu phố")
        assert [] == codes(scheduled(community, conference("xa", "2025-10")))
        assert ["milestone-order"] == codes(scheduled(conference("xa", "2025-10"), community))

    def test_deadlines_and_reports_are_not_ordered_as_conferences(self) -> None:
        """A report due after the higher conference is no order problem."""
        report = {"level": "xa", "kind": "report", "title": "Báo cáo của phường",
                  "recipient": "Sở Văn hóa và Thể thao", "window": {"start": "2025-12-15"}}
        plan = scheduled(conference("xa", "2025-10"), conference("tinh", "2025-11"), report)
        assert [] == codes(plan)


# --- bodies and signatures --------------------------------------------------------------------

BCD = {"name": "Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
       "abbreviation": "BCĐ", "kind": "ban_chi_dao", "short_name": "Ban Chỉ đạo",
       "unit": PROVINCE_UNIT, "chair": "Phó Chủ tịch Ủy ban nhân dân tỉnh",
       "standing_office": "Sở Văn hóa, Thể thao và Du lịch"}


def issued_by(issuer: dict[str, Any], **signature: Any) -> Plan:
    return plan_of(issuer={key: value for key, value in issuer.items() if value is not None},
                   signature={"signer": "Nguyễn Văn A", **signature})


class TestBodies:
    def test_tm_ban_chi_dao_in_its_short_form(self) -> None:
        """"TM. BAN CHỈ ĐẠO" for a committee with a long name is right (was flagged)."""
        plan = issued_by(BCD, on_behalf_of="Ban Chỉ đạo", title="Trưởng ban")
        assert [] == codes(plan)
        assert ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN") == plan.signature.lines

    def test_tm_naming_another_body_is_still_flagged(self) -> None:
        plan = issued_by(BCD, on_behalf_of="Hội đồng Thi đua - Khen thưởng", title="Chủ tịch")
        assert ["signature-body"] == codes(plan)

    def test_a_ban_thuong_vu_signs_with_its_short_name(self) -> None:
        issuer = {"name": "Ban Thường vụ Huyện ủy Cẩm Xuyên", "abbreviation": "HU",
                  "kind": "dang", "short_name": "Ban Thường vụ"}
        plan = issued_by(issuer, on_behalf_of="Ban Thường vụ", title="Bí thư")
        assert "signature-body" not in codes(plan)

    @pytest.mark.parametrize(("kind", "collective"), [
        (BodyKind.UBND, True), (BodyKind.HDND, True), (BodyKind.BAN_CHI_DAO, True),
        (BodyKind.CHINH_PHU, True), (BodyKind.MAT_TRAN, True), (BodyKind.DOAN_THE, True),
        (BodyKind.DANG, True), (BodyKind.CO_QUAN_CHUYEN_MON, False), (BodyKind.BO, False),
        (BodyKind.THU_TUONG, False), (BodyKind.KHAC, False),
    ])
    def test_the_kind_sets_the_signing_regime(self, kind: BodyKind, collective: bool) -> None:
        """Collective bodies sign TM.; a Sở, a Bộ, the Prime Minister are signed by the head."""
        agency = Agency(name="Cơ quan", abbreviation="CQ", kind=kind)
        assert collective is agency.signs_collectively

    def test_collective_can_be_overridden(self) -> None:
        """An explicit ``collective`` wins over the kind's."""
        agency = Agency(name="Hội đồng", abbreviation="HĐ", kind=BodyKind.KHAC, collective=True)
        assert agency.signs_collectively

    def test_a_so_is_signed_by_its_director(self) -> None:
        """KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC: no problem; a TM. line: signature-prefix."""
        so = {"name": "Sở Văn hóa, Thể thao và Du lịch", "abbreviation": "SVHTTDL",
              "kind": "co_quan_chuyen_mon", "unit": PROVINCE_UNIT}
        plan = issued_by(so, mode="KT", head="Giám đốc", title="Phó Giám đốc")
        assert [] == codes(plan)
        assert ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") == plan.signature.lines
        with_tm = issued_by(so, on_behalf_of="Sở Văn hóa, Thể thao và Du lịch", title="Giám đốc")
        assert ["signature-prefix"] == codes(with_tm)

    def test_the_prime_minister(self) -> None:
        """KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG, no unit, no parent."""
        pm = {"name": "Thủ tướng Chính phủ", "abbreviation": "TTg", "kind": "thu_tuong"}
        plan = issued_by(pm, mode="KT", head="Thủ tướng", title="Phó Thủ tướng")
        assert [] == codes(plan)
        assert "THỦ TƯỚNG CHÍNH PHỦ" in lines(plan)

    def test_a_committee_without_tm_is_flagged(self) -> None:
        plan = issued_by(BCD, title="Trưởng ban")
        assert ["signature-prefix"] == codes(plan)

    def test_chair_and_standing_office_are_data(self) -> None:
        plan = issued_by(BCD, on_behalf_of="Ban Chỉ đạo", title="Trưởng ban")
        assert ("Phó Chủ tịch Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch") == (
            plan.issuer.chair, plan.issuer.standing_office)
        assert "Ban Chỉ đạo" == plan.issuer.called


# --- the header -------------------------------------------------------------------------------

NATIONAL_LINES = ["BAN CHỈ ĐẠO TRUNG ƯƠNG", "PHONG TRÀO “TOÀN DÂN", "ĐOÀN KẾT XÂY DỰNG",
                  "ĐỜI SỐNG VĂN HÓA”"]


def _left_column_lines(pdf: Path) -> list[str]:
    """The text of the header's left column on page 1, one line each, read by pdftotext."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("pdftotext (poppler-utils) is required here")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    # The left margin is 3 cm (85 pt) and the column at most 7.3 cm (207 pt) wide.
    result = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-x", "0", "-y", "0",
                             "-W", "292", "-H", "170", "-layout", str(pdf), "-"],
                            capture_output=True, text=True, check=True, timeout=60)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def _pdf(plan: Plan, path: Path) -> Path:
    if find_soffice() is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return make_renderer().render(plan, path).path


class TestHeader:
    def test_given_lines_are_printed_as_given(self) -> None:
        """header_lines: one bold paragraph each, in capitals, never rebroken."""
        plan = issued_by({**BCD, "unit": None, "header_lines": NATIONAL_LINES},
                         on_behalf_of="Ban Chỉ đạo", title="Trưởng ban")
        printed = lines(plan)
        start = printed.index(NATIONAL_LINES[0])
        assert NATIONAL_LINES == printed[start:start + 4]

    def test_given_lines_stay_whole_in_the_pdf(self, tmp_path: Path) -> None:
        """LibreOffice sets each given line on one line (a 13 pt header broke them)."""
        plan = issued_by({**BCD, "unit": None, "header_lines": NATIONAL_LINES},
                         on_behalf_of="Ban Chỉ đạo", title="Trưởng ban")
        column = _left_column_lines(_pdf(plan, tmp_path / "bcd.pdf"))
        assert NATIONAL_LINES == column[:4]

    @pytest.mark.parametrize("name", [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
    ])
    def test_names_are_broken_where_libreoffice_would_not(self, tmp_path: Path,
                                                          name: str) -> None:
        """Long names are broken at spaces into lines that LibreOffice keeps whole."""
        issuer = {"name": name, "abbreviation": "CQ", "kind": "khac", "unit": PROVINCE_UNIT}
        plan = issued_by(issuer, title="Giám đốc")
        expected = list(phongtrao.template_context(plan)["header"].issuer_lines)
        assert len(expected) > 1
        assert expected == _left_column_lines(_pdf(plan, tmp_path / "h.pdf"))[:len(expected)]

    def test_a_given_line_too_wide_is_a_warning_with_a_split(self) -> None:
        plan = issued_by({**BCD, "header_lines": ["Ban Chỉ đạo Trung ương Phong trào"]},
                         on_behalf_of="Ban Chỉ đạo", title="Trưởng ban")
        [problem] = phongtrao.check(plan)
        assert (problem.code, problem.severity) == ("header-line-long", Severity.WARNING)
        assert "'BAN CHỈ ĐẠO TRUNG ƯƠNG', 'PHONG TRÀO'" in problem.message


# --- milestones and conferences ---------------------------------------------------------------


class TestMilestones:
    def test_a_deadline_has_its_own_sentence(self) -> None:
        """"Hoàn thành trước ngày 30/9/2025." — not "… dự kiến tổ chức vào …"."""
        deadline = {"level": "thon", "tier": "khu phố", "kind": "deadline",
                    "title": "Tổng kết tại các khu phố", "window": {"start": "2025-09-30"}}
        printed = lines(scheduled(deadline))
        assert "Tổng kết tại các khu phố: Hoàn thành trước ngày 30/9/2025." in printed

    def test_a_report_names_where_it_goes(self) -> None:
        report = {"level": "xa", "kind": "report", "title": "Báo cáo tổng kết",
                  "recipient": "Sở Văn hóa và Thể thao", "window": {"start": "2025-10-15"}}
        printed = lines(scheduled(report))
        assert ("Báo cáo tổng kết: Gửi báo cáo về Sở Văn hóa và Thể thao trước ngày "
                "15/10/2025." in printed)

    def test_a_note_comes_first_with_no_glued_phrase(self) -> None:
        """The note, then the kind's own words: no "trước … dự kiến tổ chức vào …"."""
        deadline = {"level": "xa", "kind": "deadline", "title": "Hoàn thiện hồ sơ",
                    "note": "Các khu phố", "window": {"start": "2025-09-30"}}
        printed = lines(scheduled(deadline))
        line = next(line for line in printed if line.startswith("Hoàn thiện hồ sơ:"))
        assert "Hoàn thiện hồ sơ: Các khu phố hoàn thành trước ngày 30/9/2025." == line
        assert "tổ chức" not in line

    def test_a_preparation_step_is_its_window(self) -> None:
        step = {"level": "xa", "kind": "preparation", "title": "Chuẩn bị báo cáo",
                "window": {"start": "2025-08", "end": "2025-09"}}
        assert ("Chuẩn bị báo cáo: Từ tháng 8/2025 đến tháng 9/2025."
                in lines(scheduled(step)))

    def test_a_conference_is_structured(self) -> None:
        """Day, time, venue, chair and participants come from data, one line each."""
        held = conference("xa", "2025-10", conference={
            "date": "2025-10-10", "start": "07:30", "end": "11:00",
            "venue": "Hội trường Ủy ban nhân dân phường",
            "chairs": ["Chủ tịch Ủy ban nhân dân phường"],
            "participants": ["Thường trực Đảng ủy, Hội đồng nhân dân phường",
                             "Trưởng các khu phố"],
            "agenda": [{"time": "07:30", "item": "Văn nghệ chào mừng"}]})
        printed = lines(scheduled(held))
        start = printed.index("Hội nghị tổng kết cấp xa: Tổ chức vào tháng 10/2025.")
        assert [
            "- Thời gian: 07 giờ 30 phút đến 11 giờ 00 phút, ngày 10/10/2025.",
            "- Địa điểm: Hội trường Ủy ban nhân dân phường.",
            "- Chủ trì: Chủ tịch Ủy ban nhân dân phường.",
            "- Thành phần:",
            "+ Thường trực Đảng ủy, Hội đồng nhân dân phường;",
            "+ Trưởng các khu phố.",
        ] == printed[start + 1:start + 7]
        agenda = scheduled(held).schedule[0].conference
        assert agenda is not None
        assert "07 giờ 30 phút" == agenda.agenda[0].time.vi

    def test_the_day_is_not_said_twice(self) -> None:
        """A conference on the milestone's own day gives the time only."""
        held = conference("xa", "2025-10-10", conference={"date": "2025-10-10",
                                                          "start": "14:00"})
        printed = lines(scheduled(held))
        assert "- Thời gian: 14 giờ 00 phút." in printed

    def test_only_a_conference_holds_one(self) -> None:
        with pytest.raises(phongtrao.PlanError, match="a deadline milestone holds no conference"):
            scheduled({"level": "xa", "kind": "deadline", "title": "Hạn",
                       "window": {"start": "2025-09-30"}, "conference": {"venue": "Hội trường"}})

    def test_a_sector_tier(self) -> None:
        """"cấp tỉnh và bộ, ngành, đoàn thể Trung ương": a tier at the province level."""
        sector = conference("tinh", "2020-09", tier="cấp tỉnh và bộ, ngành, đoàn thể Trung ương",
                            title="Hội nghị tổng kết cấp tỉnh và các bộ, ngành, đoàn thể")
        plan = plan_of(issuer={"name": "Ban Chỉ đạo Trung ương", "abbreviation": "BCĐ",
                               "kind": "ban_chi_dao"},
                       document={"number": "05/KH-BCĐ", "date": "2020-03-16"},
                       period={"start": 2000, "end": 2020},
                       schedule=[conference("huyen", "2020-07"), sector,
                                 conference("trung_uong", "2020-Q4")],
                       signature={"on_behalf_of": "Ban Chỉ đạo Trung ương",
                                  "title": "Trưởng ban", "signer": "Nguyễn Văn A"})
        assert [] == codes(plan)
        assert "cấp tỉnh và bộ, ngành, đoàn thể Trung ương" == plan.schedule[1].tier


# --- awards -----------------------------------------------------------------------------------


class TestAwards:
    def test_the_authority_names_its_body(self) -> None:
        """"Bằng khen của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch" (printed "…của Bộ trưởng")."""
        plan = with_awards({"form": "bang_khen", "recipients": ["tap_the"], "authority": {
            "title": "bo_truong", "level": "trung_uong",
            "body": "Bộ Văn hóa, Thể thao và Du lịch"}})
        assert grant_line(plan).startswith(
            "- Bằng khen của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch cho các tập thể")

    def test_the_authoritys_own_wording(self) -> None:
        plan = with_awards({"form": "bang_khen", "recipients": ["tap_the"], "authority": {
            "title": "chu_tich_ubnd", "level": "tinh",
            "wording": "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"}})
        assert grant_line(plan).startswith(
            "- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh cho")

    @pytest.mark.parametrize(("form", "printed"), [
        (AwardForm.TUYEN_DUONG, "Tuyên dương"),
        (AwardForm.BIEU_DUONG, "Biểu dương"),
        (AwardForm.GIA_DINH_VAN_HOA_KIEU_MAU, "Danh hiệu “Gia đình văn hóa kiểu mẫu”"),
    ])
    def test_national_forms(self, form: AwardForm, printed: str) -> None:
        plan = with_awards({"form": form.value, "recipients": ["gia_dinh"], "authority": {
            "title": "chu_tich_ubnd", "level": "xa"}})
        assert grant_line(plan).startswith(f"- {printed} của Chủ tịch UBND phường")

    @pytest.mark.parametrize("kind", [RecipientKind.KHU_PHO, RecipientKind.AP,
                                      RecipientKind.BUON, RecipientKind.BAN_CHI_DAO_CO_SO])
    def test_national_recipient_kinds(self, kind: RecipientKind) -> None:
        plan = with_awards({"form": "giay_khen", "recipients": [kind.value], "authority": {
            "title": "chu_tich_ubnd", "level": "xa"}})
        assert f"cho các {NATIONAL_WORDING[kind.value]}" in grant_line(plan)

    def test_the_issuers_own_wording_of_a_form_and_a_kind(self) -> None:
        plan = with_awards({"form": "bang-khen-hoi", "recipients": ["chi-hoi"], "authority": {
            "title": "chu_tich_ubmttq", "level": "xa"}}, recipients=["chi-hoi"], wording=[
            {"id": "bang-khen-hoi", "text": "Giấy khen của Hội"},
            {"id": "chi-hoi", "text": "chi hội"}])
        assert "award-wording-missing" not in codes(plan)
        assert grant_line(plan).startswith("- Giấy khen của Hội của")

    def test_counts_by_kind_at_most(self) -> None:
        """"không quá 06 tập thể và 05 cá nhân" (one quota per grant before)."""
        plan = with_awards({"form": "giay_khen", "recipients": ["tap_the", "ca_nhan"],
                            "authority": {"title": "chu_tich_ubnd", "level": "xa"},
                            "counts": [{"recipient": "tap_the", "count": 6},
                                       {"recipient": "ca_nhan", "count": 5}]})
        assert grant_line(plan).endswith("cho không quá 06 tập thể và 05 cá nhân.")

    def test_counts_exact_with_a_total(self) -> None:
        plan = with_awards({"form": "giay_khen", "recipients": ["tap_the", "ca_nhan"],
                            "authority": {"title": "chu_tich_ubnd", "level": "xa"},
                            "counts": [{"recipient": "tap_the", "count": 6},
                                       {"recipient": "ca_nhan", "count": 5}],
                            "quota": 11, "exact": True})
        assert grant_line(plan).endswith("cho 06 tập thể và 05 cá nhân (tổng số 11).")

    def test_a_total_alone(self) -> None:
        plan = with_awards({"form": "giay_khen", "recipients": ["tap_the", "ca_nhan"],
                            "authority": {"title": "chu_tich_ubnd", "level": "xa"},
                            "quota": 10})
        assert grant_line(plan).endswith("cho các tập thể, cá nhân (tối đa 10).")

    def test_a_grant_at_its_tier(self) -> None:
        """The conference the award is given at leads its line."""
        plan = with_awards({"form": "giay_khen", "recipients": ["tap_the"],
                            "authority": {"title": "chu_tich_ubnd", "level": "xa"},
                            "at": "hoi-nghi-phuong"},
                           schedule=[conference("xa", "2025-10", id="hoi-nghi-phuong",
                                                title="Hội nghị tổng kết cấp phường")])
        assert grant_line(plan).startswith(
            "- Tại Hội nghị tổng kết cấp phường: Giấy khen của Chủ tịch UBND phường")
        assert "award-tier-unknown" not in codes(plan)

    @pytest.mark.parametrize(("unit", "level", "expected"), [
        (PROVINCE_UNIT, "xa", "Giấy khen của Chủ tịch UBND cấp xã"),
        (PROVINCE_UNIT, "tinh", "Bằng khen của Chủ tịch UBND tỉnh"),
        (WARD_UNIT, "xa", "Giấy khen của Chủ tịch UBND phường"),
        (DISTRICT_UNIT, "huyen", "Giấy khen của Chủ tịch UBND huyện"),
        (DISTRICT_UNIT, "xa", "Giấy khen của Chủ tịch UBND cấp xã"),
    ])
    def test_a_lower_tier_is_named_by_its_level(self, unit: dict[str, Any], level: str,
                                               expected: str) -> None:
        """"cấp xã" in a higher issuer's plan; the unit's own word in its own plan."""
        date = "2021-03-01" if unit is DISTRICT_UNIT else "2025-08-15"
        form = "bang_khen" if level == "tinh" else "giay_khen"
        plan = with_awards({"form": form, "recipients": ["tap_the"],
                            "authority": {"title": "chu_tich_ubnd", "level": level}},
                           issuer_unit=unit, document={"number": "01/KH-UBND", "date": date})
        assert f"{expected} cho" in grant_line(plan)

    def test_titles_know_their_levels(self) -> None:
        assert AuthorityTitle.THU_TUONG.levels == {phongtrao.model.Level.TRUNG_UONG}
        assert AuthorityTitle.CHU_TICH_UBND.local


# --- indicators -------------------------------------------------------------------------------

INDICATORS = [
    {"id": "thon-van-hoa", "name": "Thôn, tổ dân phố văn hóa", "counted": "thôn, tổ dân phố",
     "achieved_as": "đạt danh hiệu văn hóa"},
    {"id": "nha-van-hoa", "name": "Nhà văn hóa xây mới", "counted": "nhà văn hóa",
     "achieved_as": "được xây mới", "paired": False},
]
DIRECTION = {"heading": "Công tác chỉ đạo", "items": ["Kịp thời."]}


class TestIndicators:
    def test_a_result_is_written_with_its_share(self) -> None:
        """"672/713 thôn, tổ dân phố đạt danh hiệu văn hóa (94,2%)": the share computed."""
        plan = plan_of(indicators=INDICATORS, assessment={
            "direction": DIRECTION, "results": [
                {"indicator": "thon-van-hoa", "achieved": 672, "total": 713},
                {"indicator": "nha-van-hoa", "achieved": 45}]})
        printed = lines(plan)
        assert "- 672/713 thôn, tổ dân phố đạt danh hiệu văn hóa (94,2%)." in printed
        assert "- 45 nhà văn hóa được xây mới." in printed
        assert [] == codes(plan)

    def test_a_share_is_never_stored(self) -> None:
        """A result holds counts only; a percentage key is refused."""
        with pytest.raises(phongtrao.PlanError, match="percent"):
            phongtrao.loads_plan(
                "issuer: {name: UBND, abbreviation: UBND}\n"
                "assessment: {direction: {heading: x}, results: "
                "[{indicator: a, achieved: 1, total: 2, percent: 50}]}\n", "yaml")

    def test_a_target(self) -> None:
        plan = plan_of(indicators=INDICATORS, orientation={
            "period": {"start": 2026, "end": 2030},
            "targets": [{"indicator": "thon-van-hoa", "percent": 95, "by": 2030},
                        {"indicator": "nha-van-hoa", "count": 12}]})
        printed = lines(plan)
        assert ("1. Phấn đấu đến năm 2030 có 95% thôn, tổ dân phố đạt danh hiệu văn hóa."
                in printed)
        assert "2. Phấn đấu có 12 nhà văn hóa được xây mới." in printed

    def test_a_target_is_a_percent_or_a_count(self) -> None:
        with pytest.raises(phongtrao.PlanError, match="percent"):
            plan_of(orientation={"period": {"start": 2026, "end": 2030},
                                      "targets": [{"indicator": "x", "percent": 120}]})

    def test_results_add_up_as_counts(self) -> None:
        """Two communes' pairs add to the district's; the share is of the sums."""
        share = phongtrao.model.Indicator(id="a", name="A", counted="thôn",
                                          achieved_as="đạt").phrase(310 + 362, 330 + 383)
        assert share == "672/713 thôn đạt (94,2%)"


# --- parts and annexes ------------------------------------------------------------------------


def sections(plan: Plan) -> list[str]:
    return [line for line in lines(plan) if line.split(" ")[0] in
            {"I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII."}]


FULL = {"purposes": ["Đánh giá kết quả."], "requirements": ["Thiết thực."],
        "funding": [{"source": "ngân sách phường"}]}


class TestParts:
    def test_the_built_in_order_by_default(self) -> None:
        assert ["I. MỤC ĐÍCH, YÊU CẦU", "II. KINH PHÍ"] == sections(plan_of(**FULL))

    def test_rename_omit_move_and_add(self) -> None:
        plan = plan_of(**FULL, sections=[
            {"key": "funding", "title": "Kinh phí thực hiện", "after": "start"},
            {"key": "purposes", "omit": True},
            {"key": "tuyen-truyen", "title": "Công tác tuyên truyền",
             "paragraphs": ["Tuyên truyền rộng rãi."],
             "topics": [{"heading": "Nội dung", "items": ["Kết quả."]}]},
            {"key": "chuan-bi", "title": "Nhiệm vụ chuẩn bị", "after": "funding",
             "paragraphs": ["Chuẩn bị chu đáo."]},
        ])
        assert [] == codes(plan)
        assert ["I. KINH PHÍ THỰC HIỆN", "II. NHIỆM VỤ CHUẨN BỊ", "III. CÔNG TÁC TUYÊN TRUYỀN"] \
            == sections(plan)
        printed = lines(plan)
        assert "Nội dung" in printed  # alone: not numbered
        assert "Kết quả." in printed

    def test_every_built_in_part_has_its_builder(self) -> None:
        from phongtrao._outline.tree import BUILTIN_SECTIONS

        assert BUILTIN_PARTS == BUILTIN_SECTIONS

    def test_one_annex_is_phu_luc_without_a_numeral(self) -> None:
        plan = plan_of(annexes=[{"title": "Đề cương báo cáo",
                                      "topics": [{"heading": "Kết quả", "items": ["Số liệu."]}]}])
        printed = lines(plan)
        start = printed.index("Phụ lục")
        assert ["Phụ lục", "ĐỀ CƯƠNG BÁO CÁO",
                ("(Kèm theo Kế hoạch số 01/KH-UBND ngày 15/8/2025 của Ủy ban nhân dân "
                "phường Ví Dụ)"), "Kết quả", "Số liệu."] == printed[start:start + 5]

    def test_several_annexes_are_numbered_in_roman(self) -> None:
        plan = plan_of(annexes=[
            {"title": "Đề cương", "paragraphs": ["Nội dung."]},
            {"title": "Biểu thống kê", "table": {
                "columns": ["STT", "Chỉ tiêu", "Kết quả"],
                "rows": [["1", "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”", ""]]}}])
        printed = lines(plan)
        assert ["Phụ lục I", "Phụ lục II"] == [line for line in printed
                                                if line.startswith("Phụ lục")]
        assert ["STT", "Chỉ tiêu", "Kết quả", "1",
                "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”"] == printed[-5:]
        assert [] == codes(plan)  # an empty cell is left to fill in

    def test_table_columns_are_as_wide_as_their_text(self, tmp_path: Path) -> None:
        """STT is narrow, the text column wide: the grid follows the context's widths."""
        import docx

        plan = plan_of(annexes=[{"title": "Biểu", "table": {
            "columns": ["STT", "Chỉ tiêu", "Số đạt"],
            "rows": [["1", "Thôn, tổ dân phố đạt danh hiệu văn hóa", "672"]]}}])
        path = make_renderer().render(plan, tmp_path / "annex.docx").path
        table = docx.Document(str(path)).tables[-1]
        grid = [int(column.get(docx.oxml.ns.qn("w:w")))
                for column in table._tbl.tblGrid.iterchildren()]
        widths = phongtrao.template_context(plan)["annexes"][0].widths
        assert list(widths) == grid
        assert grid[0] < grid[2] < grid[1]

    def test_a_row_must_fit_the_columns(self) -> None:
        with pytest.raises(phongtrao.PlanError,
                           match="the row has 2 cells, but the table has 3 columns"):
            plan_of(annexes=[{"title": "Biểu", "table": {
                "columns": ["STT", "Chỉ tiêu", "Kết quả"], "rows": [["1", "Hộ"]]}}])


class TestNumbering:
    def test_a_lone_item_is_not_numbered(self) -> None:
        """"3.1." with no "3.2." is not written (a list of one)."""
        plan = plan_of(assessment={"direction": DIRECTION, "shortcomings": {
            "heading": "Tồn tại, hạn chế", "items": ["Chất lượng chưa đều."]}})
        printed = lines(plan)
        assert "Chất lượng chưa đều." in printed
        assert not any(line.endswith("Chất lượng chưa đều.") and line != "Chất lượng chưa đều."
                       for line in printed)

    def test_several_items_are_numbered(self) -> None:
        plan = plan_of(assessment={"direction": DIRECTION, "shortcomings": {
            "heading": "Tồn tại, hạn chế", "items": ["Một.", "Hai."]}})
        printed = lines(plan)
        assert ["2.1. Một.", "2.2. Hai."] == [line for line in printed if line.endswith(
            ("Một.", "Hai."))]

    def test_a_single_duty_keeps_its_bullet(self) -> None:
        """A unit's only duty is "- …" like each of several (it lost its "-")."""
        plan = plan_of(responsibilities=[
            {"unit": "Văn phòng", "duties": ["Bảo đảm kinh phí."]},
            {"unit": "Phòng Văn hóa - Xã hội", "duties": ["Tham mưu.", "Tổng hợp."]}])
        printed = lines(plan)
        assert "- Bảo đảm kinh phí." in printed
        assert ["- Tham mưu.", "- Tổng hợp."] == [line for line in printed
                                                 if line in ("- Tham mưu.", "- Tổng hợp.")]


class TestOptional:
    def test_no_movement_no_period(self) -> None:
        """A plan that sums nothing up (a plain Kế hoạch) needs neither."""
        data = phongtrao.unstructure_plan(minimal_plan())
        del data["movement"], data["period"]
        data.update(title="Tổ chức Ngày hội Đại đoàn kết",
                    assessment={"direction": DIRECTION, "impact": ["Lan tỏa."]})
        plan = phongtrao.structure_plan(data)
        assert [] == codes(plan)
        assert "2. Đánh giá kết quả thực hiện" in lines(plan)


def test_examples_say_which_real_document_they_follow() -> None:
    """Each new example's README names the real document shape it follows."""
    root = Path(__file__).resolve().parents[1] / "examples"
    for name in ("national-2020", "ben-thanh-2025", "ha-tinh-2025"):
        readme = (root / name / "README.md").read_text(encoding="utf-8")
        assert "follows" in readme
        assert "Illustrative" in readme


def test_agency_fields_are_typed() -> None:
    """header_lines is a tuple of text; a lone string is refused, not split into letters."""
    with pytest.raises(ModelError, match="header_lines"):
        Agency(name="Ban", abbreviation="B", header_lines="BAN CHỈ ĐẠO")  # type: ignore[arg-type]
    assert attrs.has(Agency)
