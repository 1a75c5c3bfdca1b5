"""The ``hue`` plugin: the units of thành phố Huế after the 2025 reform, their plans and checks.

Every test loads the plugin explicitly with ``Plugins(["hue"])`` (the
subprocess test with ``PHONGTRAO_PLUGINS=hue``), so other installed plugins
never take part. The official units come from vietnam-provinces; the tests
compare against the same package, plus a few codes written out.
"""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from phongtrao_hue import plugin as hue
from phongtrao_hue.lookup import resolve
from vietnam_provinces import ProvinceCode, Ward

import phongtrao
from phongtrao import Plugins, testing
from phongtrao.model import (
    AdministrativeUnit,
    Level,
    Movement,
    PartialDate,
    Pending,
    Period,
    Plan,
    UnitKind,
)

#: Values for the placeholders a reader of the rendered test plan sees first;
#: any other placeholder is filled with its own words, without « ».
PLAUSIBLE = {
    "«Họ và tên người ký»": "Nguyễn Văn A",
    "«Số, ký hiệu Kế hoạch của thành phố»": "01/KH-UBND",
    "«Ngày ban hành»": "02/01/2025",
    "«Cơ quan thường trực Ban Chỉ đạo»": "Phòng Văn hóa - Xã hội",
    "«Nhiệm vụ»": "Tham mưu tổ chức Hội nghị tổng kết.",
}

THUAN_HOA = AdministrativeUnit(name="Thuận Hóa", level=Level.XA, kind=UnitKind.PHUONG,
                               code="19786", valid_from=datetime.date(2025, 7, 1))
CITY = AdministrativeUnit(name="Huế", level=Level.TINH, kind=UnitKind.THANH_PHO, code="46")


def fill(value: Any) -> Any:
    """``value`` with every «…» placeholder in its texts replaced by a plausible value."""
    return testing.fill_placeholders(value, PLAUSIBLE)


def with_unit(plan: Plan, **changes: Any) -> Plan:
    """``plan`` with its issuer's unit changed."""
    assert plan.issuer.unit is not None
    unit = attrs.evolve(plan.issuer.unit, **changes)
    return attrs.evolve(plan, issuer=attrs.evolve(plan.issuer, unit=unit))


def dated(plan: Plan, date: PartialDate) -> Plan:
    """``plan`` issued on ``date``."""
    return attrs.evolve(plan, document=attrs.evolve(plan.document, date=date))


def codes(plan: Plan, plugins: Plugins) -> list[str]:
    """The codes of the problems the checks find in ``plan``."""
    return [problem.code for problem in phongtrao.check(plan, plugins=plugins)]


@pytest.fixture
def plugins() -> Plugins:
    """The national defaults and the hue plugin, nothing else."""
    return Plugins(["hue"])


@pytest.fixture
def movement(plugins: Plugins) -> Movement:
    """The movement TDĐKXDĐSVH from the catalog."""
    return plugins.movement()


@pytest.fixture
def thuan_hoa(plugins: Plugins, movement: Movement) -> Plan:
    """The starter plan of phường Thuận Hóa for 2025."""
    return plugins.new_plan(Level.XA, "phường Thuận Hóa", 2025, movement)


@pytest.fixture
def filled(thuan_hoa: Plan) -> Plan:
    """The Thuận Hóa plan with every placeholder filled and a day after the reform."""
    return dated(fill(thuan_hoa), PartialDate(year=2025, month=9, day=15))


class TestRegistration:
    """Loading the plugin."""

    def test_registers_without_failures(self, plugins: Plugins) -> None:
        """The entry point loads and registers with no failure."""
        assert () == plugins.failures
        assert ("national", "hue") == plugins.names()

    def test_provides_its_template(self, plugins: Plugins) -> None:
        """The template hue-2025 is the hue plugin's."""
        assert "hue" == plugins.templates()["hue-2025"][0]


class TestCatalog:
    """``phongtrao_catalog``: the official units, their agencies, the standard recipients."""

    def test_has_every_ward_and_commune(self, plugins: Plugins) -> None:
        """Every ward and commune of Huế in vietnam-provinces is a level-xa unit of the catalog."""
        official = {f"{int(ward.code):05d}" for ward in Ward.iter_by_province(ProvinceCode.P_46)}
        communes = [unit for unit in plugins.catalog().units if unit.level is Level.XA]
        assert len(official) == len(communes)
        assert official == {unit.code for unit in communes}

    @pytest.mark.parametrize(
        ("code", "kind", "name"),
        [
            ("19786", UnitKind.PHUONG, "Thuận Hóa"),
            ("19900", UnitKind.PHUONG, "Thuận An"),
            ("19777", UnitKind.PHUONG, "Vỹ Dạ"),
            ("20152", UnitKind.XA, "Chân Mây – Lăng Cô"),
        ],
    )
    def test_units_carry_official_codes(
        self, plugins: Plugins, code: str, kind: UnitKind, name: str
    ) -> None:
        """A few units, by their official codes: name, kind, level xa, from 2025-07-01."""
        expected = AdministrativeUnit(name=name, level=Level.XA, kind=kind, code=code,
                                      valid_from=datetime.date(2025, 7, 1))
        assert [expected] == [unit for unit in plugins.catalog().units if unit.code == code]

    def test_has_the_city(self, plugins: Plugins) -> None:
        """Thành phố Huế is a thanh_pho of level tinh with the code 46."""
        assert [CITY] == [unit for unit in plugins.catalog().units if unit.level is Level.TINH]

    def test_has_each_units_people_committee(self, plugins: Plugins) -> None:
        """Each unit has its collective Ủy ban nhân dân (UBND)."""
        catalog = plugins.catalog()
        assert list(catalog.units) == [agency.unit for agency in catalog.agencies]
        assert {("Ủy ban nhân dân", "UBND", True)} == {
            (agency.name, agency.abbreviation, agency.collective) for agency in catalog.agencies
        }

    def test_recipients_are_bodies_that_exist(self, plugins: Plugins) -> None:
        """The standard recipients: the city's UBND and UBMTTQ, and the communes' UBND."""
        assert (
            "Ủy ban nhân dân thành phố Huế",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Huế",
            "Ủy ban nhân dân các xã, phường",
        ) == plugins.catalog().recipients


class TestNewPlan:
    """``phongtrao_new_plan``: the 25-year summary plan of a unit of Huế."""

    def test_round_trips(self, thuan_hoa: Plan) -> None:
        """The plan survives dumping to YAML and loading back."""
        assert thuan_hoa == phongtrao.loads_plan(phongtrao.dumps_plan(thuan_hoa))

    def test_issued_by_the_official_unit(self, thuan_hoa: Plan) -> None:
        """The issuer is the UBND of phường Thuận Hóa with its official code."""
        assert THUAN_HOA == thuan_hoa.issuer.unit
        assert "Ủy ban nhân dân phường Thuận Hóa" == thuan_hoa.issuer.full_name

    def test_summarises_2000_to_2025(self, thuan_hoa: Plan) -> None:
        """The period summarised is the 25 years 2000-2025."""
        assert Period(start=2000, end=2025) == thuan_hoa.period
        assert "giai đoạn 2000-2025" in thuan_hoa.title

    def test_invents_no_number_date_or_person(self, thuan_hoa: Plan) -> None:
        """No number, no day, no signer: the year only, and placeholders where they belong."""
        basis = thuan_hoa.bases[0]
        assert (None, PartialDate(year=2025)) == (thuan_hoa.document.number.number,
                                                  thuan_hoa.document.date)
        assert (Pending("«Số, ký hiệu Kế hoạch của thành phố»"),
                Pending("«Ngày ban hành Kế hoạch của thành phố»"), None) == (
            basis.number, basis.date, basis.title)
        assert testing.PLACEHOLDER.fullmatch(thuan_hoa.signature.signer)

    def test_is_based_on_the_city_plan(self, thuan_hoa: Plan) -> None:
        """The basis is a plan of the city, and the plan goes to the city's UBND."""
        assert "Ủy ban nhân dân thành phố Huế" == thuan_hoa.bases[0].issuer
        assert "Ủy ban nhân dân thành phố Huế" == thuan_hoa.recipients[0]

    def test_only_placeholders_are_left(self, thuan_hoa: Plan, plugins: Plugins) -> None:
        """The checks report nothing but the placeholders to fill in."""
        assert {"placeholder"} == set(codes(thuan_hoa, plugins))

    @pytest.mark.parametrize("unit", ["Thuận Hóa", "phường Thuận Hóa", "PHƯỜNG THUẬN HÓA",
                                      "  phường   thuận hóa "])
    def test_accepts_the_name_in_any_case(
        self, plugins: Plugins, movement: Movement, unit: str
    ) -> None:
        """The name with or without its noun, in any case, gives the official unit."""
        assert THUAN_HOA == plugins.new_plan(Level.XA, unit, 2025, movement).issuer.unit

    def test_accepts_a_hyphen_for_an_en_dash(self, plugins: Plugins, movement: Movement) -> None:
        """"Chân Mây - Lăng Cô" is the commune officially written with an en dash."""
        unit = plugins.new_plan(Level.XA, "xã Chân Mây - Lăng Cô", 2025, movement).issuer.unit
        assert unit is not None
        assert ("Chân Mây – Lăng Cô", "20152") == (unit.name, unit.code)

    @pytest.mark.parametrize("unit", ["Huế", "thành phố Huế"])
    def test_the_city_at_level_tinh(self, plugins: Plugins, movement: Movement,
                                    unit: str) -> None:
        """At level tinh, "Huế" is the city, whose plan goes to the communes' UBND too."""
        plan = plugins.new_plan(Level.TINH, unit, 2025, movement)
        assert CITY == plan.issuer.unit
        assert "Ủy ban nhân dân các xã, phường" in plan.recipients
        assert {"placeholder"} == set(codes(plan, plugins))

    def test_leaves_units_outside_hue_to_the_national_plugin(
        self, plugins: Plugins, movement: Movement
    ) -> None:
        """A unit outside Huế gets None from the hook, and the national plan.

        The national plan is issued by the unit the registry found: xã Cẩm Bình of
        tỉnh Hà Tĩnh, with its code.
        """
        assert None is hue.phongtrao_new_plan(Level.XA, "xã Cẩm Bình", 2025, movement)
        plan = plugins.new_plan(Level.XA, "xã Cẩm Bình", 2025, movement)
        assert AdministrativeUnit(name="Cẩm Bình", level=Level.XA, kind=UnitKind.XA,
                                  code="18685", valid_from=datetime.date(2025, 7, 1)
                                  ) == plan.issuer.unit

    @pytest.mark.parametrize("unit", ["tỉnh Quảng Bình", "Quảng Bình", "tỉnh Quảng Trị"])
    def test_a_province_elsewhere_is_no_misspelt_commune(self, unit: str) -> None:
        """At level tinh only the city is Huế's: a province elsewhere gets None, no did-you-mean.

        "tỉnh Quảng Bình" was once refused as a misspelling of xã Quảng Điền.
        """
        assert None is resolve(Level.TINH, unit)

    def test_a_commune_name_is_suggested_only_at_its_level(self) -> None:
        """At level xa a misspelt commune of Huế is still refused, naming it."""
        with pytest.raises(ValueError, match="did you mean 'xã Quảng Điền'"):
            resolve(Level.XA, "Quảng Điềnn")

    def test_leaves_names_other_provinces_use(self, movement: Movement) -> None:
        """"Thuận Hòa" is a real xã elsewhere, not a misspelling of Thuận Hóa: None."""
        assert None is hue.phongtrao_new_plan(Level.XA, "Thuận Hòa", 2025, movement)

    @pytest.mark.parametrize(("level", "year"), [(Level.XA, 2024), (Level.TINH, 2021),
                                                 (Level.HUYEN, 2025)])
    def test_leaves_other_years_and_levels(
        self, movement: Movement, level: Level, year: int
    ) -> None:
        """Before 2025, or at district level, the hook answers None."""
        assert None is hue.phongtrao_new_plan(level, "Thuận Hóa", year, movement)

    @pytest.mark.parametrize(
        ("unit", "official"),
        [
            ("Thuận Hoá", "phường Thuận Hóa"),  # the other place of the tone mark
            ("phường Thuan Hoa", "phường Thuận Hóa"),
            ("xã Thuận Hóa", "phường Thuận Hóa"),
            ("Vĩ Dạ", "phường Vỹ Dạ"),
            ("Kim Longg", "phường Kim Long"),
        ],
    )
    def test_refuses_a_misspelt_name(
        self, plugins: Plugins, movement: Movement, unit: str, official: str
    ) -> None:
        """A name close to one of Huế's is refused, naming the official name first.

        The unit registry refuses it before any plugin is asked; the plugin's own
        lookup refuses it too.
        """
        with pytest.raises(ValueError, match=f"did you mean {official} of thành phố Huế"):
            plugins.new_plan(Level.XA, unit, 2025, movement)
        with pytest.raises(ValueError, match=f"did you mean '{official}'"):
            resolve(Level.XA, unit)

    def test_refuses_the_wrong_level(self, plugins: Plugins, movement: Movement) -> None:
        """A ward asked for at level tinh is refused, naming its level."""
        with pytest.raises(ValueError, match="phường Thuận Hóa of thành phố Huế "
                           r"\(code 19786, level xa\)"):
            plugins.new_plan(Level.TINH, "Thuận Hóa", 2025, movement)
        with pytest.raises(ValueError, match="at level 'xa'"):
            resolve(Level.TINH, "Thuận Hóa")


class TestFilledPlan:
    """The starter plan once every placeholder is filled in."""

    def test_checks_clean(self, filled: Plan, plugins: Plugins) -> None:
        """With every placeholder filled, no check finds anything."""
        assert [] == phongtrao.check(filled, plugins=plugins)

    def test_chooses_the_hue_template(self, filled: Plan, plugins: Plugins) -> None:
        """The plan of a ward of Huế after the reform is laid out with hue-2025."""
        assert "hue-2025" == plugins.choose_template(filled)

    def test_renders_with_the_hue_look(self, filled: Plan, plugins: Plugins) -> None:
        """The document has the Huế look: top margin 25 mm, body 13 pt, the ward in the header."""
        data = phongtrao.Renderer(plugins).render_bytes(filled)
        document = docx.Document(io.BytesIO(data))
        section = document.sections[0]
        header = " ".join(cell.text for cell in document.tables[0].rows[0].cells)
        assert section.top_margin is not None
        assert 25 == round(section.top_margin.mm)
        assert 13 == document.styles["PT Body"].font.size.pt
        assert "PHƯỜNG THUẬN HÓA" in header


class TestUnitCheck:
    """``phongtrao_check``: the ``hue-unit`` problems."""

    def test_catches_a_wrong_code(self, thuan_hoa: Plan, plugins: Plugins) -> None:
        """A wrong code is a hue-unit error on the code, naming the official one."""
        problems = [problem for problem in phongtrao.check(with_unit(thuan_hoa, code="19787"),
                                                           plugins=plugins)
                    if problem.code == "hue-unit"]
        assert ["$.issuer.unit.code"] == [problem.path for problem in problems]
        assert "'19786'" in problems[0].message

    def test_catches_a_wrong_kind_by_the_name(self, thuan_hoa: Plan, plugins: Plugins) -> None:
        """Without a code, a name only Huế has still identifies the unit: a xã is wrong."""
        plan = with_unit(thuan_hoa, kind=UnitKind.XA, code=None)
        problems = [problem for problem in phongtrao.check(plan, plugins=plugins)
                    if problem.code == "hue-unit"]
        assert ["$.issuer.unit.kind"] == [problem.path for problem in problems]
        assert "phường" in problems[0].message

    def test_catches_a_misspelt_name_by_the_code(self, thuan_hoa: Plan,
                                                  plugins: Plugins) -> None:
        """With the code, a name spelt otherwise than the official list is an error."""
        problems = [problem for problem in phongtrao.check(with_unit(thuan_hoa, name="Thuận Hoá"),
                                                           plugins=plugins)
                    if problem.code == "hue-unit"]
        assert ["$.issuer.unit.name"] == [problem.path for problem in problems]
        assert "'Thuận Hóa'" in problems[0].message

    def test_leaves_a_name_other_provinces_share(self, plugins: Plugins,
                                                  movement: Movement) -> None:
        """"phường Thuận An" without a code may be the one in Hồ Chí Minh: no hue-unit."""
        plan = plugins.new_plan(Level.XA, "phường Thuận An", 2025, movement, province="Huế")
        assert "hue-unit" not in codes(with_unit(plan, code=None, kind=UnitKind.XA), plugins)

    def test_leaves_plans_before_the_reform(self, thuan_hoa: Plan, plugins: Plugins) -> None:
        """A plan dated before 2025-07-01 is not compared with the 2025 list."""
        plan = dated(with_unit(thuan_hoa, code="19787", valid_from=None), PartialDate(year=2021))
        assert "hue-unit" not in codes(plan, plugins)


class TestChooseTemplate:
    """``phongtrao_choose_template``: hue-2025 for Huế's plans after the reform."""

    def test_none_for_a_2021_plan(self, thuan_hoa: Plan, plugins: Plugins) -> None:
        """A 2021 plan is not the plugin's: None, and the national template is used."""
        plan = dated(with_unit(thuan_hoa, valid_from=None), PartialDate(year=2021, month=3))
        assert None is hue.phongtrao_choose_template(plan)
        assert "ke-hoach" == plugins.choose_template(plan)

    def test_matches_by_kind_and_name_without_a_code(self, thuan_hoa: Plan) -> None:
        """Without a code, the official kind and name are enough."""
        assert "hue-2025" == hue.phongtrao_choose_template(with_unit(thuan_hoa, code=None))

    def test_none_for_a_unit_outside_hue(self, plugins: Plugins, movement: Movement) -> None:
        """A 2025 plan of a commune elsewhere is not the plugin's."""
        plan = plugins.new_plan(Level.XA, "xã Cẩm Bình", 2025, movement)
        assert None is hue.phongtrao_choose_template(plan)


class TestCommandLine:
    """The ``phongtrao`` command with ``PHONGTRAO_PLUGINS=hue``."""

    def test_new_writes_the_hue_plan_and_validate_lists_placeholders(
        self, tmp_path: Path
    ) -> None:
        """`phongtrao new` with PHONGTRAO_PLUGINS=hue writes it; `validate` lists the «…»."""
        command = Path(sys.executable).parent / "phongtrao"
        environment = {**os.environ, "PHONGTRAO_PLUGINS": "hue"}
        target = tmp_path / "X.yaml"

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([str(command), *args], capture_output=True, text=True,
                                  env=environment, cwd=tmp_path, check=False, timeout=120)

        made = run("new", "--level", "xa", "--unit", "phường Thuận Hóa", "--year", "2025",
                   "-o", str(target))
        assert (0, "") == (made.returncode, made.stderr)
        assert THUAN_HOA == phongtrao.load_plan(target).issuer.unit

        validated = run("validate", str(target))
        lines = validated.stdout.splitlines()
        assert 1 == validated.returncode
        assert lines
        assert all("is still to be filled in" in line for line in lines)
        assert any("$.signature.signer" in line for line in lines)
