"""Wording that fits the issuer: starters, derived plans and the text of every plan.

Each test names a defect an officer would send back: a 21-year summary, a
phường holding a "cấp xã" conference, a parent plan cited with no number and
nothing asking for it, a commune plan speaking of "mục tiêu giảm nghèo của
huyện", a numbered list of one, a lone duty without its "-", "ngân sách Nhà
nước", a period broken at its hyphen, a signature alone on the last page.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import attrs
import pytest

import phongtrao
from phongtrao import commune_plan, find_soffice, starter_plan
from phongtrao._rules.walk import texts
from phongtrao.model import AdministrativeUnit, Level, Pending, Plan, UnitKind
from phongtrao.testing import document_lines, make_renderer, render_text

from .conftest import ROOT

SEED_EXAMPLE = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"
PROVINCE_EXAMPLE = ROOT / "examples" / "ha-tinh-2025" / "plan.yaml"
CAM_QUAN = AdministrativeUnit(name="Cẩm Quan", level=Level.XA, kind=UnitKind.XA)


def all_texts(plan: Plan) -> list[str]:
    return [text for _, text, _ in texts(plan)]


class TestStarter:
    @pytest.mark.parametrize(("year", "period"), [(2021, (2000, 2020)), (2024, (2000, 2020)),
                                                  (2025, (2000, 2025)), (2031, (2000, 2030))])
    def test_the_period_ends_at_a_five_year_mark(self, year: int,
                                                 period: tuple[int, int]) -> None:
        """--year 2021 sums up 2000-2020, the 20-year summary (it made "21 năm (2000-2021)")."""
        plan = starter_plan(Level.XA, "Cẩm Bình", year)
        assert plan.period is not None
        assert period == (plan.period.start, plan.period.end)
        assert f"tổng kết {period[1] - period[0]} năm" in plan.title

    def test_no_summary_before_the_first_mark(self) -> None:
        with pytest.raises(ValueError, match="its first summary, of 5 years, is in 2005"):
            starter_plan(Level.XA, "Cẩm Bình", 2003)

    @pytest.mark.parametrize(("unit", "tier"), [
        ("phường Bến Thành", "cấp phường"), ("thị trấn Thiên Cầm", "cấp thị trấn"),
        ("xã Cẩm Bình", "cấp xã"),
    ])
    def test_its_own_tier_is_named_by_its_kind(self, unit: str, tier: str) -> None:
        """A phường's starter holds "Hội nghị tổng kết cấp phường" (it said "cấp xã")."""
        plan = starter_plan(Level.XA, unit, 2021)
        assert f"Hội nghị tổng kết {tier}" == plan.schedule[-1].title

    def test_the_parent_plan_is_cited_with_placeholders(self) -> None:
        """Its number and day are «…» that validate lists (there was nothing to ask for them)."""
        plan = starter_plan(Level.XA, "Cẩm Bình", 2025)
        basis = plan.bases[0]
        assert isinstance(basis.number, Pending)
        assert isinstance(basis.date, Pending)
        paths = {problem.path for problem in phongtrao.check(plan)
                 if problem.code == "placeholder"}
        assert {"$.bases[0].number", "$.bases[0].date"} <= paths
        line = render_text(plan, draft=True).split("\n")
        cited = next(text for text in line if text.startswith("Căn cứ Kế hoạch"))
        assert cited.startswith("Căn cứ Kế hoạch số «Số, ký hiệu kế hoạch cấp trên» ngày "
                                "«Ngày ban hành kế hoạch cấp trên»")

    def test_the_state_budget_is_lower_case(self) -> None:
        """"ngân sách nhà nước", as the Luật Ngân sách nhà nước writes it."""
        plan = starter_plan(Level.XA, "Cẩm Bình", 2025)
        assert ["ngân sách nhà nước theo phân cấp"] == [source.source for source in plan.funding]

    def test_the_ha_tinh_starters_mend_the_seeds_slips(self) -> None:
        """No "hướng ứng", no quotation left open (the seed has both)."""
        plugins = phongtrao.Plugins(["ha-tinh"])
        for level, unit in ((Level.HUYEN, "Cẩm Xuyên"), (Level.XA, "Cẩm Quan")):
            plan = plugins.new_plan(level, unit, 2021, plugins.movement())
            words = all_texts(plan)
            assert not [text for text in words if "hướng ứng" in text]
            assert not [text for text in words if text.count("“") != text.count("”")]


@pytest.fixture(scope="module")
def derived() -> Plan:
    """Xã Cẩm Quan's plan, derived from the Cẩm Xuyên 2021 example."""
    return commune_plan(phongtrao.load_plan(SEED_EXAMPLE), CAM_QUAN)


class TestDerived:
    def test_the_parent_is_cited_with_placeholders(self, derived: Plan) -> None:
        """"Căn cứ Kế hoạch số «…» ngày «…» của UBND huyện Cẩm Xuyên về tổ chức Hội nghị …"."""
        basis = derived.bases[0]
        assert (Pending("«Số, ký hiệu Kế hoạch của UBND huyện Cẩm Xuyên»"),
                Pending("«Ngày ban hành Kế hoạch của UBND huyện Cẩm Xuyên»")) == (
            basis.number, basis.date)
        assert basis.subject is not None
        assert basis.subject.startswith("tổ chức Hội nghị tổng kết 20 năm")
        assert not basis.subject.startswith("Kế hoạch")

    def test_a_known_parent_number_is_cited(self) -> None:
        parent = phongtrao.load_plan(PROVINCE_EXAMPLE)
        derived = commune_plan(parent, CAM_QUAN)
        assert ("128/KH-UBND", "2025-07-25") == (str(derived.bases[0].number),
                                                str(derived.bases[0].date))

    def test_the_districts_own_phrases_are_the_communes(self, derived: Plan) -> None:
        """No "của huyện" or "cấp huyện và cấp xã, thị trấn" left in the commune's plan."""
        words = all_texts(derived)
        left = [text for text in words
                if re.search(r"của huyện(?! [A-ZĐ]|, của xã)|cấp huyện và cấp xã|toàn huyện",
                             text)]
        assert [] == left
        assert any(text.endswith("mục tiêu giảm nghèo của xã") for text in words)
        assert any("Ban chỉ đạo cấp xã" in text for text in words)
        assert any("của Trung ương, của tỉnh, của huyện, của xã" in text for text in words)

    def test_names_and_other_tiers_stay(self, derived: Plan) -> None:
        """"UBND huyện Cẩm Xuyên" and the district's conference are still the district's."""
        words = " ".join(all_texts(derived))
        assert "UBND huyện Cẩm Xuyên" in words

    def test_a_provinces_phrases(self) -> None:
        """From a province: "các xã, phường" become the commune's "thôn, tổ dân phố"."""
        parent = phongtrao.load_plan(PROVINCE_EXAMPLE)
        parent = attrs.evolve(parent, requirements=(
            "Chỉ đạo Ủy ban nhân dân các xã, phường tổng kết trên địa bàn tỉnh.",))
        derived = commune_plan(parent, CAM_QUAN)
        assert ("Chỉ đạo các thôn, tổ dân phố tổng kết trên địa bàn xã.",) == \
            derived.requirements

    def test_derived_plans_are_clean_but_their_placeholders(self, derived: Plan) -> None:
        assert {"placeholder"} == {problem.code for problem in phongtrao.check(derived)}


class TestText:
    def test_a_period_keeps_its_hyphen(self) -> None:
        """"2000-2025" is joined by Word's non-breaking hyphen, and still reads "2000-2025"."""
        plan = phongtrao.load_plan(PROVINCE_EXAMPLE)
        data = make_renderer().render_bytes(plan)
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
        assert re.search(r"2000</w:t><w:noBreakHyphen/><w:t[^>]*>2025", xml)
        assert not re.search(r"\d{4}-\d{4}", re.sub(r"<[^>]+>", "", xml))
        assert any("(giai đoạn 2000-2025)" in line for line in document_lines(data))


def _pdf_pages(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("pdftotext (poppler-utils) is required here")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                            text=True, check=True, timeout=60)
    return result.stdout.split("\f")


class TestPages:
    def test_the_signature_block_never_stands_alone(self, tmp_path: Path) -> None:
        """However long the plan, the closing paragraph and the whole signature block share a page.

        The ward's plan grows by a line at a time across the pages where the
        block used to split or fall alone onto the last page.
        """
        if find_soffice() is None:
            if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
                pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
            pytest.skip("LibreOffice (soffice) is not installed")
        base = phongtrao.load_plan(ROOT / "examples" / "ward-2025" / "plan.yaml")
        renderer = make_renderer()
        broken = []
        with phongtrao.PdfConverter() as converter:
            for extra in range(6, 16):
                lines = tuple(f"Nội dung bổ sung số {index} để đẩy phần ký xuống cuối trang."
                              for index in range(extra))
                plan = attrs.evolve(base, requirements=base.requirements + lines)
                pdf = renderer.render(plan, tmp_path / f"p{extra}.pdf", converter=converter)
                pages = _pdf_pages(pdf.path)
                page = next(text for text in pages if "Nơi nhận" in text)
                closing_end = "hướng dẫn./."  # the closing paragraph's last words
                if plan.signature.signer not in page or closing_end not in page:
                    broken.append(extra)
        assert [] == broken


def test_the_command_gives_the_20_year_summary_in_2021(tmp_path: Path) -> None:
    """`phongtrao new --year 2021` writes the 2000-2020 summary."""
    from phongtrao._cli import main

    path = tmp_path / "plan.yaml"
    assert 0 == main(["new", "--unit", "xã Cẩm Bình", "--unlisted", "--year", "2021", "-o",
                      str(path)])
    plan = phongtrao.load_plan(path)
    assert plan.period is not None
    assert (2000, 2020) == (plan.period.start, plan.period.end)
    assert plan.title.startswith("Hội nghị tổng kết 20 năm thực hiện Phong trào")
