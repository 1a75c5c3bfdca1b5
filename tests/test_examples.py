"""Every example under examples/ runs as a user runs it, and its output files say what it shows.

Each script runs in a subprocess from another working directory, with
``PHONGTRAO_PLUGINS`` set as the example needs (the suite's own setting, "none",
is not inherited). Tests mark the scripts they run with :func:`runs`; the last
test fails when an example folder has no README.md or a script no test runs.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import phongtrao
from phongtrao import Plugins, find_soffice, official_communes
from phongtrao._rules.awards_table import rules_for
from phongtrao.model import BodyKind, Level, MilestoneKind, Plan, UnitKind
from phongtrao.testing import document_lines

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "cam-xuyen-2021" / "plan.yaml"
TIMEOUT = 180

#: The example scripts (``folder/script.py``) some test of this file runs.
RUN: dict[str, list[str]] = {}

Test = TypeVar("Test", bound=Callable[..., object])


def runs(*scripts: str) -> Callable[[Test], Test]:
    """Mark a test as running these example scripts (checked by the last test)."""

    def mark(test: Test) -> Test:
        for script in scripts:
            RUN.setdefault(script, []).append(getattr(test, "__name__", repr(test)))
        return test

    return mark


def run_example(
    script: str, *args: str, plugins: str | None, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``examples/<script>`` with ``PHONGTRAO_PLUGINS=plugins`` (None: unset, every plugin)."""
    environment = dict(os.environ, **(env or {}))
    environment.pop("PHONGTRAO_PLUGINS", None)
    if plugins is not None:
        environment["PHONGTRAO_PLUGINS"] = plugins
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args], cwd=cwd, env=environment,
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    """The output of a script that must have succeeded; its output in the failure otherwise."""
    assert 0 == result.returncode, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def soffice_or_skip() -> None:
    """Skip without LibreOffice, unless PHONGTRAO_REQUIRE_SOFFICE says it must be there."""
    if find_soffice() is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
        pytest.skip("LibreOffice (soffice) is not installed; PDF output cannot be tested")


def plugins_with(*names: str) -> Plugins:
    """The plugins named, which must all be installed (they are, for the test suite)."""
    plugins = Plugins(list(names))
    assert [] == [str(failure) for failure in plugins.failures]
    return plugins


# -- cam-xuyen-2021 ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cam_xuyen_render(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """render.py run once, into a folder given relative to its working directory."""
    cwd = tmp_path_factory.mktemp("cam-xuyen-render")
    result = run_example("cam-xuyen-2021/render.py", "out", plugins="none", cwd=cwd)
    return cwd / "out", ok(result)


class TestCamXuyen:
    @runs("cam-xuyen-2021/summarise.py")
    def test_summary_is_clean_with_the_ha_tinh_plugin(self, tmp_path: Path) -> None:
        """With the ha-tinh plugin's unit check too, the seed has no problem."""
        lines = ok(run_example("cam-xuyen-2021/summarise.py", plugins="ha-tinh",
                               cwd=tmp_path)).splitlines()
        assert ("ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN", "0 errors, 0 warnings") == (lines[0], lines[-1])

    @runs("cam-xuyen-2021/render.py")
    def test_docx_is_the_plan(self, cam_xuyen_render: tuple[Path, str]) -> None:
        """The .docx holds the seed's header, title, closing and signature."""
        out, stdout = cam_xuyen_render
        docx = out / "ke-hoach-cam-xuyen-2021.docx"
        assert f"wrote {docx} (template ke-hoach)" in stdout
        lines = document_lines(docx)
        for expected in ("ỦY BAN NHÂN DÂN", "HUYỆN CẨM XUYÊN", "Số:      /KH-UBND",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
                         "2. Hội nghị Tổng kết cấp huyện: Dự kiến tổ chức vào tháng 6/2021.",
                         "- Sở Văn hóa, Thể thao &Du lịch;", "PHÓ CHỦ TỊCH", "Phạm Văn Thắng"):
            assert expected in lines
        assert any(line.endswith("để được hướng dẫn./.") for line in lines)

    @runs("cam-xuyen-2021/render.py")
    def test_pdf(self, cam_xuyen_render: tuple[Path, str]) -> None:
        """With LibreOffice, the .pdf is written beside the .docx and holds the plan's text."""
        soffice_or_skip()
        out, stdout = cam_xuyen_render
        pdf = out / "ke-hoach-cam-xuyen-2021.pdf"
        assert f"wrote {pdf}" in stdout
        assert pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
            assert "Phạm Văn Thắng" in text

    @runs("cam-xuyen-2021/render.py")
    def test_without_libreoffice_says_so_after_the_docx(self, tmp_path: Path) -> None:
        """No LibreOffice: the .docx, a message naming what to install, exit 0, no .pdf."""
        missing = {"PHONGTRAO_SOFFICE": str(tmp_path / "no-such-soffice")}
        stdout = ok(run_example("cam-xuyen-2021/render.py", str(tmp_path / "out"),
                                plugins="none", cwd=tmp_path, env=missing))
        assert "LibreOffice (soffice) was not found" in stdout
        written = sorted(path.name for path in (tmp_path / "out").iterdir())
        assert ["ke-hoach-cam-xuyen-2021.docx"] == written

    @runs("cam-xuyen-2021/render.py")
    def test_template_option(self, tmp_path: Path) -> None:
        """--template reaches the renderer: a plugin's template, and a name that is none."""
        missing = {"PHONGTRAO_SOFFICE": str(tmp_path / "no-such-soffice")}
        stdout = ok(run_example("cam-xuyen-2021/render.py", "a", "--template", "ha-tinh-2021",
                                plugins="ha-tinh", cwd=tmp_path, env=missing))
        assert "(template ha-tinh-2021)" in stdout
        assert "HUYỆN CẨM XUYÊN" in document_lines(tmp_path / "a" / "ke-hoach-cam-xuyen-2021.docx")
        bad = run_example("cam-xuyen-2021/render.py", "b", "--template", "no-such",
                          plugins="none", cwd=tmp_path, env=missing)
        assert 3 == bad.returncode
        assert "no template named 'no-such'" in bad.stderr


# -- cam-xuyen-2021-communes ---------------------------------------------------------------------


def _district_window(plan: Plan) -> tuple[datetime.date, datetime.date]:
    (milestone,) = [m for m in plan.schedule if m.level is Level.XA]
    return milestone.window.first_day, milestone.window.last_day


@pytest.fixture(scope="module")
def derived(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """derive.py run once with the ha-tinh plugin."""
    cwd = tmp_path_factory.mktemp("communes")
    result = run_example("cam-xuyen-2021-communes/derive.py", "out", plugins="ha-tinh", cwd=cwd)
    return cwd / "out", ok(result)


def _catalog_communes() -> dict[str, tuple[UnitKind, str]]:
    units = plugins_with("ha-tinh").catalog().units
    return {unit.code or "": (unit.kind, unit.name) for unit in units if unit.level is Level.XA}


class TestCommunes:
    @runs("cam-xuyen-2021-communes/derive.py")
    def test_one_plan_per_commune_of_the_catalog(self, derived: tuple[Path, str]) -> None:
        """23 plan files, one per commune of the catalog, issued by its UBND with its code."""
        out, _ = derived
        issued = {}
        for path in sorted((out / "plans").glob("*.yaml")):
            plan = phongtrao.load_plan(path)
            unit = plan.issuer.unit
            assert unit is not None
            assert ("Ủy ban nhân dân", "UBND", Level.XA) == (
                plan.issuer.name, plan.issuer.abbreviation, unit.level)
            assert unit.code is not None
            assert unit.code in path.name
            issued[unit.code] = (unit.kind, unit.name)
        catalog = _catalog_communes()
        assert 23 == len(catalog)
        assert catalog == issued

    @runs("cam-xuyen-2021-communes/derive.py")
    def test_windows_inside_the_districts_and_reports_go_up(
        self, derived: tuple[Path, str]
    ) -> None:
        """Each conference falls in the district's commune window; each plan reports upward."""
        out, _ = derived
        first, last = _district_window(phongtrao.load_plan(SEED))
        for path in sorted((out / "plans").glob("*.yaml")):
            plan = phongtrao.load_plan(path)
            ((level, start, end),) = [(m.level, m.window.first_day, m.window.last_day)
                                      for m in plan.schedule]
            assert Level.XA is level
            assert first <= start <= end <= last, path.name
            assert first.year == plan.document.date.year
            assert "UBND huyện Cẩm Xuyên (để báo cáo)" == plan.recipients[0]
            duties = " ".join(d for r in plan.responsibilities for d in r.duties)
            assert "về UBND huyện Cẩm Xuyên" in duties
            assert "UBND huyện Cẩm Xuyên" == plan.bases[0].issuer

    @runs("cam-xuyen-2021-communes/derive.py")
    def test_only_placeholders_are_left(self, derived: tuple[Path, str]) -> None:
        """Checked with the ha-tinh plugin too, the only problems are the «…» to fill."""
        out, stdout = derived
        plugins = plugins_with("ha-tinh")
        left = set()
        for path in sorted((out / "plans").glob("*.yaml")):
            problems = phongtrao.check(phongtrao.load_plan(path), plugins=plugins)
            assert {"placeholder"} == {problem.code for problem in problems}, path.name
            left |= {problem.path for problem in problems}
        for problem_path in left:
            assert f"  {problem_path}: «" in stdout
        assert "«Họ và tên người ký» (every plan)" in stdout

    @runs("cam-xuyen-2021-communes/derive.py")
    def test_drafts_rendered_and_summarised(self, derived: tuple[Path, str]) -> None:
        """A draft .docx per commune, each its own; a one-line summary per commune."""
        out, stdout = derived
        drafts = sorted((out / "drafts").glob("*.docx"))
        assert sorted(p.stem for p in (out / "plans").glob("*.yaml")) == [p.stem for p in drafts]
        for code, (kind, name) in _catalog_communes().items():
            (draft,) = [p for p in drafts if p.stem.endswith(code)]
            lines = document_lines(draft)
            assert f"{kind.vi} {name}".upper() in lines
            assert "«Họ và tên người ký»" in lines
            (summary,) = [line for line in stdout.splitlines() if line.startswith(f"{code} ")]
            assert f"{kind.vi} {name}" in summary
            assert "từ tháng 02/2021 đến tháng 4/2021" in summary
        assert "23 of 23 drafts written" in stdout

    @runs("cam-xuyen-2021-communes/derive.py")
    def test_without_the_plugin_falls_back_to_the_same_communes(self, tmp_path: Path) -> None:
        """PHONGTRAO_PLUGINS=none: a message, then the same 23 communes from the script's list."""
        stdout = ok(run_example("cam-xuyen-2021-communes/derive.py", str(tmp_path / "out"),
                                plugins="none", cwd=tmp_path))
        assert "leaves out the ha-tinh plugin" in stdout
        assert "from the list kept in derive.py" in stdout
        issued = {}
        for path in (tmp_path / "out" / "plans").glob("*.yaml"):
            unit = phongtrao.load_plan(path).issuer.unit
            assert unit is not None
            issued[unit.code] = (unit.kind, unit.name)
        assert _catalog_communes() == issued
        assert 23 == len(list((tmp_path / "out" / "drafts").glob("*.docx")))


# -- ward-2025 ------------------------------------------------------------------------------------

WARD = EXAMPLES / "ward-2025" / "plan.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The ward's plan, loaded."""
    return phongtrao.load_plan(WARD)


class TestWard:
    def test_checks_clean_with_every_plugin(self, plan: Plan) -> None:
        """No problem at all: built-in checks, ha-tinh's and hue's (its official-unit check)."""
        assert [] == phongtrao.check(plan, plugins=plugins_with("ha-tinh", "hue"))

    def test_issuer_is_an_official_ward_after_the_reform(self, plan: Plan) -> None:
        """A phường with its official name and code, on a date after 2025-06-30."""
        unit = plan.issuer.unit
        assert unit is not None
        official = {u.code: u for u in official_communes("46")}
        assert unit.code in official
        expected = official[unit.code]
        assert (expected.name, expected.kind, expected.level) == (unit.name, unit.kind, unit.level)
        assert UnitKind.PHUONG is unit.kind
        assert plan.document.date.first_day > datetime.date(2025, 6, 30)
        assert (2000, 2025) == (plan.period.start, plan.period.end)

    def test_milestones_at_commune_and_city_level_only(self, plan: Plan) -> None:
        """The ward's conference, then the city's; no district."""
        assert [Level.XA, Level.TINH] == [milestone.level for milestone in plan.schedule]

    def test_awards_follow_the_2022_law(self, plan: Plan) -> None:
        """Each grant's authority is one the 2022 awards law allows on the plan's date."""
        awards = plan.awards
        assert awards is not None
        assert awards.grants
        day = plan.document.date.first_day
        for grant in awards.grants:
            authority = (grant.authority.title, grant.authority.level)
            allowed = [rule for rule in rules_for(grant.form, day)
                       if (rule.title, rule.level) == authority]
            assert allowed
            assert all("2022" in rule.source.text for rule in allowed)

    def test_illustrative_values_are_said_to_be(self, plan: Plan) -> None:
        """The top comment says the plan is illustrative and names each made-up value."""
        text = WARD.read_text(encoding="utf-8")
        comment = "\n".join(re.findall(r"^#.*$", text.split("\nissuer:")[0], re.MULTILINE))
        assert "ILLUSTRATIVE" in comment
        assert plan.signature.signer in comment
        assert str(plan.document.number) in comment
        for basis in plan.bases:
            if basis.kind.value == "KH":
                assert str(basis.number) in comment
        assert "# illustrative" in text.split("signer:")[1]

    @runs("ward-2025/render.py")
    def test_renders_with_the_hue_template(self, tmp_path: Path) -> None:
        """With the hue plugin: checked clean, rendered with hue-2025."""
        stdout = ok(run_example("ward-2025/render.py", "out", plugins="hue", cwd=tmp_path))
        assert "checks: 0 problems" in stdout
        assert "(template hue-2025)" in stdout
        lines = document_lines(tmp_path / "out" / "ke-hoach-thuan-hoa-2025.docx")
        for expected in ("PHƯỜNG THUẬN HÓA", "Số: 123/KH-UBND",
                         "Thuận Hóa, ngày 15 tháng 8 năm 2025",
                         "2. Hội nghị tổng kết cấp thành phố: Dự kiến tổ chức vào tháng 11/2025.",
                         "- Lưu: VT, VHXH.", "Nguyễn Văn A"):
            assert expected in lines

    @runs("ward-2025/render.py")
    def test_default_folder_without_plugins(self, tmp_path: Path) -> None:
        """No folder given: a temporary one, printed; no plugin: the national template."""
        stdout = ok(run_example("ward-2025/render.py", plugins="none", cwd=tmp_path))
        match = re.search(r"^writing to (.+)$", stdout, re.MULTILINE)
        assert match is not None
        out = Path(match.group(1))
        try:
            assert "(template ke-hoach)" in stdout
            assert "PHƯỜNG THUẬN HÓA" in document_lines(out / "ke-hoach-thuan-hoa-2025.docx")
        finally:
            shutil.rmtree(out)
        assert [] == list(tmp_path.iterdir())


# -- plan-file examples: run with the phongtrao command, as their READMEs say ------------------

#: Examples that are a plan file and a README, run with the ``phongtrao`` command.
PLAN_EXAMPLES = ("national-2020", "ben-thanh-2025", "ha-tinh-2025", "cam-xuyen-2021-set")


def phongtrao_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``phongtrao ARGS`` as an officer runs it, every installed plugin on."""
    environment = dict(os.environ)
    environment.pop("PHONGTRAO_PLUGINS", None)
    return subprocess.run([sys.executable, "-m", "phongtrao", *args], cwd=cwd,
                          env=environment, capture_output=True, text=True, timeout=TIMEOUT,
                          check=False)


@pytest.fixture(scope="module")
def plan_example_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each plan-file example rendered once by ``phongtrao render``, read back by paragraph."""
    out = tmp_path_factory.mktemp("plan-examples")
    documents = {}
    for name in PLAN_EXAMPLES:
        ok(phongtrao_command("render", str(EXAMPLES / name / "plan.yaml"), "-o",
                             f"{name}.docx", cwd=out))
        documents[name] = document_lines(out / f"{name}.docx")
    return documents


def test_the_set_example_packages_from_its_readme(tmp_path: Path) -> None:
    """The set README's ``phongtrao package`` writes the eight documents, every plugin on."""
    readme = (EXAMPLES / "cam-xuyen-2021-set" / "README.md").read_text(encoding="utf-8")
    assert "phongtrao package examples/cam-xuyen-2021-set/plan.yaml -o out/ho-so" in readme
    result = phongtrao_command("package", str(EXAMPLES / "cam-xuyen-2021-set" / "plan.yaml"),
                               "-o", "out/ho-so", cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    written = sorted(path.name for path in (tmp_path / "out" / "ho-so").iterdir())
    assert 8 == len(written)
    assert written[0] == "01-ke-hoach.docx"
    assert all(document_lines(tmp_path / "out" / "ho-so" / name) for name in written)


@pytest.mark.parametrize("name", PLAN_EXAMPLES)
def test_validates_with_no_problem(name: str, tmp_path: Path) -> None:
    """``phongtrao validate`` reports nothing, with every plugin installed."""
    result = phongtrao_command("validate", str(EXAMPLES / name / "plan.yaml"), cwd=tmp_path)
    assert (0, "", "") == (result.returncode, result.stdout, result.stderr)


@pytest.mark.parametrize("name", PLAN_EXAMPLES)
def test_readme_commands_are_the_ones_tested(name: str) -> None:
    """The README runs validate and render on its own plan file."""
    readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
    assert f"phongtrao validate examples/{name}/plan.yaml" in readme
    assert f"phongtrao render examples/{name}/plan.yaml -o out/" in readme


@pytest.mark.parametrize("name", PLAN_EXAMPLES)
def test_no_structure_is_stuffed_into_free_text(name: str) -> None:
    """Dates, times, counts and shares live in their fields, never in notes, items or titles."""
    plan = phongtrao.load_plan(EXAMPLES / name / "plan.yaml")
    free = [milestone.note or "" for milestone in plan.schedule]
    free += [milestone.title for milestone in plan.schedule]
    if plan.orientation is not None:
        free += plan.orientation.items
    if plan.assessment is not None:
        free += plan.assessment.impact
    if plan.awards is not None:
        free += [grant.criteria or "" for grant in plan.awards.grants]
    structured = re.compile(
        r"\d+\s*%|\d+/\d+|\bgiờ\b|trước ngày|không quá \d|\d{2} (tập thể|cá nhân)")
    stuffed = [text for text in free if structured.search(text)]
    assert [] == stuffed


@pytest.fixture(scope="module")
def national_plan() -> Plan:
    return phongtrao.load_plan(EXAMPLES / "national-2020" / "plan.yaml")


@pytest.fixture(scope="module")
def ben_thanh_plan() -> Plan:
    return phongtrao.load_plan(EXAMPLES / "ben-thanh-2025" / "plan.yaml")


class TestNational:
    def test_a_committee_with_its_chair_and_standing_office(self, national_plan: Plan) -> None:
        plan = national_plan
        issuer = plan.issuer
        assert (BodyKind.BAN_CHI_DAO, "Ban Chỉ đạo", None) == (
            issuer.kind, issuer.short_name, issuer.unit)
        assert issuer.signs_collectively
        assert issuer.chair
        assert issuer.standing_office
        assert ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN") == plan.signature.lines

    def test_four_tiers_the_last_in_a_quarter(self, national_plan: Plan) -> None:
        conferences = [m for m in national_plan.schedule if m.kind is MilestoneKind.CONFERENCE]
        assert [Level.XA, Level.HUYEN, Level.TINH, Level.TRUNG_UONG] == [
            m.level for m in conferences]
        assert "cấp tỉnh và bộ, ngành, đoàn thể Trung ương" == conferences[2].tier
        assert "quý IV/2020" == conferences[3].window.start.vi

    def test_the_document(self, plan_example_docs: dict[str, list[str]]) -> None:
        printed = plan_example_docs["national-2020"]
        assert ["BAN CHỈ ĐẠO TRUNG ƯƠNG", "PHONG TRÀO “TOÀN DÂN", "ĐOÀN KẾT XÂY DỰNG",
                "ĐỜI SỐNG VĂN HÓA”", "Số: 05/KH-BCĐ"] == printed[:5]
        for line in (
            ("- Tại Hội nghị tổng kết cấp tỉnh và các bộ, ngành, đoàn thể Trung ương: Bằng khen "
            "của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch cho không quá 63 tập thể và 63 cá "
            "nhân."),
            ("- Tại Hội nghị toàn quốc tổng kết 20 năm thực hiện Phong trào: Bằng khen của Thủ "
            "tướng Chính phủ cho không quá 20 tập thể và 10 cá nhân tiêu biểu nhất trong cả "
            "nước."),
            ("5. Hội nghị toàn quốc tổng kết 20 năm thực hiện Phong trào: Dự kiến tổ chức vào "
            "quý IV/2020."),
            "- Địa điểm: Thủ đô Hà Nội.",
            "TM. BAN CHỈ ĐẠO",
        ):
            assert line in printed


class TestBenThanh:
    def test_an_official_ward_after_the_reform(self, ben_thanh_plan: Plan) -> None:
        unit = ben_thanh_plan.issuer.unit
        assert unit is not None
        official = {u.code: u for u in official_communes("79")}
        assert (official[str(unit.code)].name, UnitKind.PHUONG) == (unit.name, unit.kind)
        assert ben_thanh_plan.document.date.first_day > datetime.date(2025, 6, 30)

    def test_the_khu_pho_tier_and_its_milestones(self, ben_thanh_plan: Plan) -> None:
        first = ben_thanh_plan.schedule[:2]
        assert [(Level.THON, "khu phố")] * 2 == [(m.level, m.tier) for m in first]
        assert [MilestoneKind.DEADLINE, MilestoneKind.REPORT] == [m.kind for m in first]

    def test_the_document(self, plan_example_docs: dict[str, list[str]]) -> None:
        printed = plan_example_docs["ben-thanh-2025"]
        for line in (
            "1. Tổng kết tại các khu phố: Hoàn thành trước ngày 05/9/2025.",
            ("2. Báo cáo kết quả của các khu phố: Gửi báo cáo về Phòng Văn hóa - Xã hội phường "
            "trước ngày 10/9/2025."),
            "3. Hội nghị tổng kết cấp phường: Tổ chức vào ngày 10/10/2025.",
            "- Thời gian: 07 giờ 30 phút đến 11 giờ 00 phút.",
            "- Địa điểm: Hội trường Ủy ban nhân dân phường Bến Thành.",
            "- Chủ trì: Chủ tịch Ủy ban nhân dân phường.",
            "- 8.126/8.645 hộ gia đình đạt danh hiệu “Gia đình văn hóa” (94%).",
            "- 42/45 khu phố đạt danh hiệu “Khu phố văn hóa” (93,3%).",
            "2. Phấn đấu đến năm 2030 có 95% hộ gia đình đạt danh hiệu “Gia đình văn hóa”.",
            ("- Tại Hội nghị tổng kết cấp phường: Giấy khen của Chủ tịch UBND phường cho không "
            "quá 08 tập thể, 10 cá nhân và 05 gia đình tiêu biểu."),
        ):
            assert line in printed


class TestHaTinh:
    def test_the_document(self, plan_example_docs: dict[str, list[str]]) -> None:
        printed = plan_example_docs["ha-tinh-2025"]
        for line in (
            "II. CÔNG TÁC TUYÊN TRUYỀN",
            "VII. KINH PHÍ THỰC HIỆN",
            ("- Tại Hội nghị tổng kết cấp tỉnh: Bằng khen của Chủ tịch UBND tỉnh cho 20 tập thể "
            "và 25 cá nhân (tổng số 45)."),
            ("- Tại Hội nghị tổng kết cấp xã: Giấy khen của Chủ tịch UBND cấp xã cho không quá 03 "
            "tập thể và 05 cá nhân tiêu biểu ở cơ sở."),
            "Phụ lục I",
            "Phụ lục II",
            ("(Kèm theo Kế hoạch số 128/KH-UBND ngày 25/7/2025 của Ủy ban nhân dân tỉnh Hà "
            "Tĩnh)"),
        ):
            assert line in printed

    def test_checked_by_the_ha_tinh_plugin(self) -> None:
        """The plugin's unit check knows the province: still no problem."""
        plan = phongtrao.load_plan(EXAMPLES / "ha-tinh-2025" / "plan.yaml")
        assert [] == phongtrao.check(plan, plugins=plugins_with("ha-tinh"))


# -- minimal-plugin -------------------------------------------------------------------------------


class TestMinimalPlugin:
    def test_pip_installs_it_and_phongtrao_lists_it(self, tmp_path: Path) -> None:
        """pip-installed into a folder on PYTHONPATH, it is listed with its template and check."""
        pytest.importorskip("hatchling", reason="building the plugin offline needs hatchling")
        site = tmp_path / "site"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-build-isolation", "--no-deps", "--target", str(site),
             str(EXAMPLES / "minimal-plugin")],
            check=True, capture_output=True, text=True, timeout=TIMEOUT,
        )
        environment = dict(os.environ, PYTHONPATH=str(site))
        environment.pop("PHONGTRAO_PLUGINS", None)
        result = subprocess.run([sys.executable, "-m", "phongtrao", "plugins"], cwd=tmp_path,
                                env=environment, capture_output=True, text=True,
                                timeout=TIMEOUT, check=False)
        stdout = ok(result)  # exit 1 would mean a plugin failed to load
        block = stdout.split("minimal 0.1.0\n")[1].split("\n")[:2]
        assert ["  hooks: phongtrao_check, phongtrao_templates", "  templates: minimal"] == block

    @runs("minimal-plugin/try_it.py")
    def test_try_it_installs_checks_and_renders(self, tmp_path: Path) -> None:
        """The walk-through: listed, its warning shown, the plan rendered with its template."""
        pytest.importorskip("hatchling", reason="building the plugin offline needs hatchling")
        stdout = ok(run_example("minimal-plugin/try_it.py", "out", plugins="none", cwd=tmp_path))
        assert "minimal 0.1.0" in stdout
        assert "$.funding: warning: the plan names no source of funding" in stdout
        lines = document_lines(tmp_path / "out" / "ke-hoach-minimal.docx")
        assert "HUYỆN CẨM XUYÊN" in lines


# -- every example is documented and run ---------------------------------------------------------


def test_every_example_has_a_readme_and_its_scripts_run_here() -> None:
    """Each example folder has a README.md and a script a test runs, or is a plan-file example.

    Plan-file examples (PLAN_EXAMPLES) are run with the phongtrao command above.
    """
    folders = sorted(path for path in EXAMPLES.iterdir()
                     if path.is_dir() and not path.name.startswith((".", "_")))
    assert folders
    no_readme = [folder.name for folder in folders if not (folder / "README.md").is_file()]
    scripts = {f"{folder.name}/{script.name}"
               for folder in folders for script in folder.glob("*.py")}
    no_script = [folder.name for folder in folders if not list(folder.glob("*.py"))
                 and folder.name not in PLAN_EXAMPLES]
    not_run = sorted(scripts - set(RUN))
    gone = sorted(set(RUN) - scripts)
    assert ([], [], [], []) == (no_readme, no_script, not_run, gone)


# -- cam-xuyen-2021-reports -----------------------------------------------------------------------


class TestReports:
    @runs("cam-xuyen-2021-reports/reports.py")
    def test_forms_filled_and_added_up(self, tmp_path: Path) -> None:
        """One form per commune of the catalog, invented numbers added up, charts as PNG."""
        import openpyxl

        stdout = ok(run_example("cam-xuyen-2021-reports/reports.py", "out", plugins="ha-tinh",
                                cwd=tmp_path))
        out = tmp_path / "out"
        communes = _catalog_communes()
        forms = sorted((out / "forms").glob("*.xlsx"))
        assert len(communes) == len(forms)
        assert f"{len(communes)} of {len(communes)} communes reported" in stdout
        plan = phongtrao.load_plan(out / "plan.yaml")
        assert 5 == len(plan.indicators)
        # The seed itself is untouched: it still names no indicators.
        assert () == phongtrao.load_plan(SEED).indicators
        achieved = total = 0
        for form in forms:
            sheet = openpyxl.load_workbook(form)["Biểu 1"]
            assert "Số liệu giả định (ví dụ)" == sheet["C4"].value
            achieved, total = achieved + sheet["D7"].value, total + sheet["E7"].value
        summary = openpyxl.load_workbook(out / "tong-hop" / "tong-hop.xlsx")["Tổng hợp"]
        assert (achieved, total) == (summary["D5"].value, summary["E5"].value)
        assert plan.indicators[0].phrase(achieved, total) in stdout
        charts = list((out / "tong-hop").glob("*.png"))
        assert 6 == len(charts)
        assert all(chart.read_bytes().startswith(b"\x89PNG") for chart in charts)
