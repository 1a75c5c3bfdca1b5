"""Specifications of the Hà Tĩnh plugin, loaded explicitly with ``Plugins(["ha-tinh"])``."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import attrs
import docx
import pytest
from phongtrao_hatinh import catalog, plugin

import phongtrao
from phongtrao import Plugins, starter_plan, testing
from phongtrao.model import (
    AdministrativeUnit,
    Level,
    PartialDate,
    Pending,
    Plan,
    Precision,
    UnitKind,
)

EXAMPLE = Path(__file__).parents[3] / "examples" / "cam-xuyen-2021" / "plan.yaml"
HOOKS = (
    "phongtrao_catalog",
    "phongtrao_check",
    "phongtrao_choose_template",
    "phongtrao_new_plan",
    "phongtrao_templates",
)
PLACEHOLDER_SIGNER = "«Họ và tên người ký»"


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    """The built-in national defaults and this plugin, whatever the environment says."""
    return Plugins(["ha-tinh"])


@pytest.fixture(scope="module")
def example() -> Plan:
    """The plan of UBND huyện Cẩm Xuyên, 2021 (phongtrao's bundled example)."""
    return phongtrao.load_plan(EXAMPLE)


#: The seed's slips the example keeps (it reproduces the seed) and the plugin's starters mend.
SLIPS = {"hướng ứng": "hưởng ứng", "ngân sách Nhà nước": "ngân sách nhà nước"}


def mended(plan: Plan) -> Plan:
    """The example with the seed's slips mended, as the plugin's starters write it.

    Besides SLIPS, a campaign whose quotation is not closed gets its "”".
    """
    movement = plan.movement
    assert movement is not None
    unclosed = [item for item in movement.campaigns if item.text.count("“") > item.text.count("”")]
    closed = testing.replace_texts(plan, SLIPS)
    campaigns = tuple(attrs.evolve(item, text=item.text + "”") if item in unclosed else item
                      for item in closed.movement.campaigns)  # type: ignore[union-attr]
    return attrs.evolve(closed, movement=attrs.evolve(closed.movement, campaigns=campaigns))


def new_plan(plugins: Plugins, level: Level, unit: str, year: int = 2021) -> Plan:
    """The starter plan ``phongtrao new`` would write with these plugins."""
    return plugins.new_plan(level, unit, year, plugins.movement())


def with_unit(plan: Plan, unit: AdministrativeUnit) -> Plan:
    """The plan issued by the same body of another unit."""
    return attrs.evolve(plan, issuer=attrs.evolve(plan.issuer, unit=unit))


def codes(plugins: Plugins, plan: Plan) -> list[tuple[str, str]]:
    """The (code, path) of each problem phongtrao.check finds with these plugins."""
    return [(problem.code, problem.path) for problem in phongtrao.check(plan, plugins=plugins)]


class TestRegistration:
    """phongtrao finds the plugin through its entry point ``ha-tinh``."""

    def test_registers_without_failures(self, plugins: Plugins) -> None:
        """The plugin loads cleanly beside the national defaults."""
        assert ((), ("national", "ha-tinh")) == (plugins.failures, plugins.names())

    def test_lists_its_hooks_and_template(self, plugins: Plugins) -> None:
        """``phongtrao plugins`` shows version 0.1.0, five hooks and the template."""
        info = {item.name: item for item in plugins.info()}["ha-tinh"]
        assert ("0.1.0", HOOKS, ("ha-tinh-2021",)) == (info.version, info.hooks, info.templates)

    def test_template_is_package_data(self, plugins: Plugins) -> None:
        """The template ``ha-tinh-2021`` is a Kế hoạch of priority 0, shipped in the package."""
        provider, spec = plugins.templates()["ha-tinh-2021"]
        assert ("ha-tinh", "KH", 0, True) == (
            provider, spec.kind.value, spec.priority, spec.file.is_file()
        )


class TestChooseTemplate:
    """Plans of Hà Tĩnh's units before the 2025 reform use ``ha-tinh-2021``."""

    def test_example_chooses_the_plugin_template(self, plugins: Plugins, example: Plan) -> None:
        """The Cẩm Xuyên plan chooses ha-tinh-2021 with the plugin, ke-hoach without it."""
        assert ("ha-tinh-2021", "ke-hoach") == (
            plugins.choose_template(example), Plugins(False).choose_template(example)
        )

    def test_reform_date_is_the_limit(self, plugins: Plugins, example: Plan) -> None:
        """A plan dated 2025-06-30 still chooses it; one dated 2025-07-01 does not."""
        def dated(day: datetime.date) -> Plan:
            return attrs.evolve(
                example, document=attrs.evolve(example.document, date=PartialDate.of(day))
            )

        assert ["ha-tinh-2021", "ke-hoach"] == [
            plugins.choose_template(dated(datetime.date(2025, 6, 30))),
            plugins.choose_template(dated(datetime.date(2025, 7, 1))),
        ]

    def test_other_units_are_left_to_others(self, plugins: Plugins, example: Plan) -> None:
        """A unit the plugin does not know, or a known name of another kind, chooses ke-hoach."""
        elsewhere = AdministrativeUnit(name="Bến Thành", level=Level.XA, kind=UnitKind.PHUONG)
        no_such_xa = AdministrativeUnit(name="Cẩm Xuyên", level=Level.XA, kind=UnitKind.XA)
        assert ["ke-hoach", "ke-hoach"] == [
            plugins.choose_template(with_unit(example, elsewhere)),
            plugins.choose_template(with_unit(example, no_such_xa)),
        ]

    def test_communes_choose_it(self, plugins: Plugins) -> None:
        """Every commune's 2021 starter plan chooses ha-tinh-2021."""
        chosen = {
            plugins.choose_template(new_plan(plugins, Level.XA, unit.code or ""))
            for unit in catalog.COMMUNES
        }
        assert {"ha-tinh-2021"} == chosen


class TestRender:
    """Rendering with the plugin lays the same words out in Hà Tĩnh's look."""

    def test_right_margin_is_the_plugin_look(
        self, plugins: Plugins, example: Plan, tmp_path: Path
    ) -> None:
        """The .docx has the look's margins: right 2.0 cm (national: 1.5 cm), left 3.0 cm."""
        out = phongtrao.Renderer(plugins).render(example, tmp_path / "ke-hoach.docx").path
        section = docx.Document(str(out)).sections[0]
        assert (2.0, 3.0) == (round(section.right_margin.cm, 2), round(section.left_margin.cm, 2))

    def test_holds_the_seed_text(self, plugins: Plugins, example: Plan) -> None:
        """The seed's sentences are all there, the same text as the national rendering."""
        ours = testing.render_text(example, renderer=phongtrao.Renderer(plugins))
        national = testing.render_text(example)
        seed = [
            (
                "Hội nghị tổng kết 20 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời "
                "sống văn hóa” huyện Cẩm Xuyên (giai đoạn 2000-2020)"
            ),
            (
                "Căn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2021 của UBND tỉnh về Kế hoạch hội nghị "
                "tổng kết 20 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống văn "
                "hóa” tỉnh Hà Tĩnh (giai đoạn 2000-2020)."
            ),
            (
                "1. Hội nghị Tổng kết cấp xã: Tùy tình hình cụ thể có thể tổ chức từ tháng "
                "02/2021 đến tháng 4/2021."
            ),
            "2. Hội nghị Tổng kết cấp huyện: Dự kiến tổ chức vào tháng 6/2021.",
            "- Phong trào học tập lao động sáng tạo;",
            "Phạm Văn Thắng",
        ]
        assert (national, []) == (ours, [line for line in seed if line not in ours])


class TestNewPlan:
    """``phongtrao new`` for Cẩm Xuyên in 2021 writes the plan the seed implies."""

    def test_commune_plan_loads_back(self, plugins: Plugins) -> None:
        """The commune's plan dumps to YAML and loads back equal."""
        plan = new_plan(plugins, Level.XA, "Cẩm Quan")
        assert plan == phongtrao.loads_plan(phongtrao.dumps_plan(plan))

    def test_commune_is_the_issuer(self, plugins: Plugins) -> None:
        """The issuer is the UBND of xã Cẩm Quan with its official code, signing TM."""
        issuer = new_plan(plugins, Level.XA, "xã Cẩm Quan").issuer
        assert unit_of("18724") == issuer.unit
        assert ("Ủy ban nhân dân", "UBND", True) == (
            issuer.name, issuer.abbreviation, issuer.collective
        )

    def test_spellings_accepted(self, plugins: Plugins) -> None:
        """Name, generic noun, code and district suffix name the same unit."""
        spellings = {
            "Cẩm Quan": "18724",
            "xã Cẩm Quan": "18724",
            "18724": "18724",
            "Xã Cẩm Quan, huyện Cẩm Xuyên, tỉnh Hà Tĩnh": "18724",
            "thị trấn Thiên Cầm": "18676",
            "Cẩm Xuyên": "18673",
        }
        found = {
            spelling: unit.code
            for spelling in spellings
            if (unit := new_plan(plugins, Level.XA, spelling).issuer.unit) is not None
        }
        assert spellings == found

    def test_commune_basis_is_the_provincial_plan(self, plugins: Plugins) -> None:
        """The first basis is Kế hoạch 03/KH-UBND of 05/01/2021; the second the district's."""
        bases = new_plan(plugins, Level.XA, "Cẩm Quan").bases
        assert (
            [("03/KH-UBND", datetime.date(2021, 1, 5)),
             ("«Số, ký hiệu Kế hoạch của UBND huyện»",
              Pending("«Ngày ban hành Kế hoạch của UBND huyện»"))],
            catalog.PROVINCIAL_PLAN,
        ) == ([(str(b.number) if b.number else None, b.date) for b in bases], bases[0])

    def test_commune_window_inside_the_district_window(self, plugins: Plugins) -> None:
        """The commune meets within 02/2021-4/2021, before the district's conference in 6/2021."""
        schedule = new_plan(plugins, Level.XA, "Cẩm Quan").schedule
        district_window = catalog.COMMUNE_WINDOW
        commune = schedule[0]
        assert (Level.XA, True, Level.HUYEN) == (
            commune.level,
            district_window.first_day <= commune.window.first_day
            and commune.window.last_day <= district_window.last_day,
            schedule[1].level,
        )
        assert datetime.date(2021, 6, 1) == schedule[1].window.first_day

    def test_reports_go_up_to_the_district(self, plugins: Plugins) -> None:
        """The report goes up to the district's Phòng Văn hóa - Thông tin, the first recipient."""
        plan = new_plan(plugins, Level.XA, "Cẩm Quan")
        duties = [duty for item in plan.responsibilities for duty in item.duties]
        reports = [duty for duty in duties if "gửi Phòng Văn hóa - Thông tin huyện" in duty]
        assert (1, "Phòng Văn hóa - Thông tin huyện", "Lưu: VT") == (
            len(reports), plan.recipients[0], plan.recipients[-1]
        )

    def test_nothing_invented(self, plugins: Plugins) -> None:
        """No number, only the year, a placeholder signer; «…» for the district plan's number."""
        plan = new_plan(plugins, Level.XA, "Cẩm Quan")
        assert ("/KH-UBND", Precision.YEAR, "2021", PLACEHOLDER_SIGNER,
                Pending("«Số, ký hiệu Kế hoạch của UBND huyện»"),
                Pending("«Ngày ban hành Kế hoạch của UBND huyện»")) == (
            str(plan.document.number),
            plan.document.date.precision,
            str(plan.document.date),
            plan.signature.signer,
            plan.bases[1].number,
            plan.bases[1].date,
        )

    def test_only_placeholders_are_reported(self, plugins: Plugins) -> None:
        """phongtrao.check finds placeholders and nothing else, for every commune."""
        found = {
            problem.code
            for unit in catalog.COMMUNES
            for problem in phongtrao.check(new_plan(plugins, Level.XA, unit.code or ""),
                                           plugins=plugins)
        }
        assert {"placeholder"} == found

    def test_placeholders_name_the_missing_values(self, plugins: Plugins) -> None:
        """The signer, the district plan's number and date, the commune's office are asked for."""
        problems = phongtrao.check(new_plan(plugins, Level.XA, "Cẩm Quan"), plugins=plugins)
        paths = {problem.path for problem in problems}
        assert {"$.signature.signer", "$.bases[1].number", "$.bases[1].date",
                "$.awards.lead"} <= paths

    def test_district_plan_is_the_seed(self, plugins: Plugins, example: Plan) -> None:
        """The district's starter has the example's title, basis, contents and schedule.

        The example keeps the seed's slips to reproduce it; the starter mends them.
        """
        plan = new_plan(plugins, Level.HUYEN, "huyện Cẩm Xuyên")
        fields = ("title", "movement", "period", "bases", "introduction", "purposes",
                  "requirements", "assessment", "awards", "schedule", "funding")
        assert [getattr(mended(example), name) for name in fields] == [
            getattr(plan, name) for name in fields
        ]
        assert (catalog.DISTRICT, PLACEHOLDER_SIGNER, [("placeholder", "$.signature.signer")]) == (
            plan.issuer.unit, plan.signature.signer, codes(plugins, plan)
        )

    def test_other_years_use_the_national_plan(self, plugins: Plugins) -> None:
        """For 2026 the hook returns None; a unit taken as given gets the national plan."""
        movement = plugins.movement()
        assert (None, starter_plan(Level.XA, "Cẩm Quan", 2026, movement)) == (
            plugin.phongtrao_new_plan(Level.XA, "Cẩm Quan", 2026, movement),
            plugins.new_plan(Level.XA, "Cẩm Quan", 2026, movement, unlisted=True),
        )

    def test_a_commune_after_it_ceased_is_refused(self, plugins: Plugins) -> None:
        """xã Cẩm Quan in 2026 is refused: the registry knows it existed until 2025-06-30."""
        with pytest.raises(phongtrao.UnitLookupError,
                           match=r"xã Cẩm Quan of huyện Cẩm Xuyên, tỉnh Hà Tĩnh \(code 18724\) "
                           "existed until 2025-06-30"):
            new_plan(plugins, Level.XA, "Cẩm Quan", 2026)

    @pytest.mark.parametrize("unit", ["Cẩm Bình, huyện Cẩm Xuyên", "xã Cẩm Vịnh"])
    def test_the_two_communes_that_later_moved(self, plugins: Plugins, unit: str) -> None:
        """Cẩm Bình and Cẩm Vịnh were communes of huyện Cẩm Xuyên in 2021: the plugin's plan.

        (Thanh Hóa had a xã Cẩm Bình too, which vietnam-provinces 2026.1 or later
        lists: the district says which.)
        """
        plan = new_plan(plugins, Level.XA, unit)
        assert (catalog.PROVINCIAL_PLAN, True) == (
            plan.bases[0], plan.issuer.unit in catalog.COMMUNES)

    @pytest.mark.parametrize(
        (
            "level", "unit"
        ),
        [
            (Level.XA, "phường Bến Thành"),
            (Level.XA, "xã Thiên Cầm"),
            (Level.XA, "Cẩm Quan, Nghệ An"),
            (Level.HUYEN, "Thạch Hà"),
            (Level.TINH, "Hà Tĩnh"),
        ],
    )
    def test_unknown_units_use_the_national_plan(
        self, plugins: Plugins, level: Level, unit: str
    ) -> None:
        """For a unit it does not know the hook returns None: taken as given, the national plan.

        ``unlisted`` takes the unit as given, without the registry.
        """
        movement = plugins.movement()
        assert (None, starter_plan(level, unit, 2021, movement)) == (
            plugin.phongtrao_new_plan(level, unit, 2021, movement),
            plugins.new_plan(level, unit, 2021, movement, unlisted=True),
        )

    @pytest.mark.parametrize(
        ("unit", "said"),
        [
            ("xã Thiên Cầm", "did you mean thị trấn Thiên Cầm of huyện Cẩm Xuyên"),
            ("Cẩm Quan, Nghệ An", ("no Cẩm Quan at level 'xa' in 'Nghệ An' in 2021; did you "
                                   "mean xã Cẩm Quan of huyện Cẩm Xuyên")),
        ],
    )
    def test_units_the_registry_cannot_settle_are_refused(
        self, plugins: Plugins, unit: str, said: str
    ) -> None:
        """Looked up in the registry, a unit of no one in 2021 is refused, saying why."""
        with pytest.raises(phongtrao.UnitLookupError) as refused:
            new_plan(plugins, Level.XA, unit)
        assert said in str(refused.value)

    def test_the_province_gets_its_code(self, plugins: Plugins) -> None:
        """Tỉnh Hà Tĩnh in 2021 is the plugin's row: the national plan with its code 42."""
        assert catalog.PROVINCE == new_plan(plugins, Level.TINH, "Hà Tĩnh").issuer.unit

    def test_other_movements_are_left_to_others(self, plugins: Plugins) -> None:
        """A movement other than TDĐKXDĐSVH gets no Cẩm Xuyên plan."""
        other = attrs.evolve(catalog.MOVEMENT, name="Phong trào khác", abbreviation="PTK")
        assert plugin.phongtrao_new_plan(Level.XA, "Cẩm Quan", 2021, other) is None


def unit_of(code: str) -> AdministrativeUnit:
    """The catalog's unit with this code."""
    return next(unit for unit in catalog.UNITS if unit.code == code)


class TestUnitCheck:
    """``ha-tinh-unit`` catches units of Cẩm Xuyên named or coded otherwise than officially."""

    def test_sound_plans_pass(self, plugins: Plugins, example: Plan) -> None:
        """The example and the district's starter plan have no ha-tinh-unit problem."""
        district = new_plan(plugins, Level.HUYEN, "Cẩm Xuyên")
        found = [c for plan in (example, district) for c, _ in codes(plugins, plan)
                 if c == "ha-tinh-unit"]
        assert [] == found

    def test_misspelt_commune(self, plugins: Plugins) -> None:
        """"Cam Quan" without diacritics is an error that names xã Cẩm Quan and its code."""
        plan = new_plan(plugins, Level.XA, "Cẩm Quan")
        misspelt = attrs.evolve(unit_of("18724"), name="Cam Quan", code=None)
        problems = [p for p in phongtrao.check(with_unit(plan, misspelt), plugins=plugins)
                    if p.code == "ha-tinh-unit"]
        assert [("$.issuer.unit.name", True)] == [
            (p.path, "did you mean xã Cẩm Quan (code 18724)" in p.message) for p in problems
        ]

    def test_wrong_code(self, plugins: Plugins) -> None:
        """Xã Cẩm Quan with the code of xã Cẩm Quang is told its own code, on the plan's date.

        phongtrao's ``unit-code`` says it, from the rows the plugin adds to the
        unit registry; the plugin's own check leaves codes to it.
        """
        plan = new_plan(plugins, Level.XA, "Cẩm Quan")
        miscoded = attrs.evolve(unit_of("18724"), code="18697")
        problems = [p for p in phongtrao.check(with_unit(plan, miscoded), plugins=plugins)
                    if p.code != "placeholder"]
        assert [("unit-code", "$.issuer.unit.code", True)] == [
            (p.code, p.path, "expected code: '18724'" in p.message) for p in problems
        ]

    def test_commune_plans_of_2025_pass(self, plugins: Plugins) -> None:
        """The 69 commune plans of the Hà Tĩnh 2025 example have no problem but their «…».

        Five of them once failed: the plugin read the new communes' codes (18673
        is xã Cẩm Xuyên from 2025-07-01) as its communes of 2021.
        """
        parent = phongtrao.load_plan(EXAMPLE.parents[1] / "ha-tinh-2025" / "plan.yaml")
        plans = list(phongtrao.commune_plans(parent, plugins=plugins))
        found = [(plan.issuer.unit.code if plan.issuer.unit else None, problem.code)
                 for plan in plans for problem in phongtrao.check(plan, plugins=plugins)
                 if problem.code != "placeholder"]
        assert (69, []) == (len(plans), found)

    def test_wrong_kind(self, plugins: Plugins) -> None:
        """"xã Thiên Cầm" is the thị trấn of that name."""
        plan = new_plan(plugins, Level.XA, "thị trấn Thiên Cầm")
        wrong = attrs.evolve(unit_of("18676"), kind=UnitKind.XA, code=None)
        problems = [p for p in phongtrao.check(with_unit(plan, wrong), plugins=plugins)
                    if p.code == "ha-tinh-unit"]
        assert [("$.issuer.unit.kind", True)] == [
            (p.path, "thị trấn Thiên Cầm (code 18676)" in p.message) for p in problems
        ]

    def test_misspelt_district(self, plugins: Plugins, example: Plan) -> None:
        """The example issued by "huyện Cẩm Xuyen" is told the official name and code 446."""
        assert example.issuer.unit is not None
        misspelt = attrs.evolve(example.issuer.unit, name="Cẩm Xuyen")
        problems = [p for p in phongtrao.check(with_unit(example, misspelt), plugins=plugins)
                    if p.code == "ha-tinh-unit"]
        assert [("$.issuer.unit.name", True)] == [
            (p.path, "did you mean huyện Cẩm Xuyên (code 446)?" in p.message) for p in problems
        ]

    def test_namesakes_elsewhere_are_left_alone(self, plugins: Plugins) -> None:
        """A commune of another province with a name close to one of Cẩm Xuyên's passes."""
        plan = starter_plan(Level.XA, "Cẩm Lương", 2021)
        assert [] == [c for c, _ in codes(plugins, plan) if c == "ha-tinh-unit"]


class TestCatalog:
    """The catalog holds Hà Tĩnh's units and the movement in the seed's wording."""

    def test_the_23_communes_of_2021(self) -> None:
        """Cẩm Xuyên's 23 communes of 2021 (vietnam-provinces 0.3.0), with codes, end on 2025-06-30.

        Cẩm Bình (18685) and Cẩm Vịnh (18691) are among them: they moved to thành phố
        Hà Tĩnh later (vietnam-provinces 0.6.0, of 2025-01-04, lists 21).
        """
        expected = [
            ("18673", "thị trấn Cẩm Xuyên"), ("18676", "thị trấn Thiên Cầm"),
            ("18679", "xã Yên Hòa"), ("18682", "xã Cẩm Dương"), ("18685", "xã Cẩm Bình"),
            ("18691", "xã Cẩm Vịnh"), ("18694", "xã Cẩm Thành"), ("18697", "xã Cẩm Quang"),
            ("18706", "xã Cẩm Thạch"), ("18709", "xã Cẩm Nhượng"),
            ("18712", "xã Nam Phúc Thăng"), ("18715", "xã Cẩm Duệ"), ("18721", "xã Cẩm Lĩnh"),
            ("18724", "xã Cẩm Quan"), ("18727", "xã Cẩm Hà"), ("18730", "xã Cẩm Lộc"),
            ("18733", "xã Cẩm Hưng"), ("18736", "xã Cẩm Thịnh"), ("18739", "xã Cẩm Mỹ"),
            ("18742", "xã Cẩm Trung"), ("18745", "xã Cẩm Sơn"), ("18748", "xã Cẩm Lạc"),
            ("18751", "xã Cẩm Minh"),
        ]
        assert (expected, {(Level.XA, datetime.date(2025, 6, 30))}) == (
            [(unit.code, unit.full_name) for unit in catalog.COMMUNES],
            {(unit.level, unit.valid_until) for unit in catalog.COMMUNES},
        )

    def test_rows_of_the_registry(self) -> None:
        """Each unit is a registry row with its district and province, sourced and dated."""
        rows = {row.unit.code: row for row in catalog.UNIT_RECORDS}
        assert (25, ("446", "42"), (None, "42"), (None, None), {datetime.date(2021, 2, 3)},
                True) == (
            len(rows), (rows["18685"].district, rows["18685"].province),
            (rows["446"].district, rows["446"].province),
            (rows["42"].district, rows["42"].province),
            {row.as_of for row in rows.values()},
            all("vietnam-provinces 0.3.0" in row.source for row in rows.values()),
        )

    def test_the_registry_lists_them_in_2021(self, plugins: Plugins) -> None:
        """Through phongtrao, huyện Cẩm Xuyên has the 23 communes in 2021."""
        units = plugins.units
        district = units.lookup("huyện Cẩm Xuyên", on=PartialDate(year=2021)).resolve()
        assert sorted(unit.code or "" for unit in catalog.COMMUNES) == sorted(
            row.unit.code or "" for row in units.communes(district, PartialDate(year=2021)))

    def test_province_and_district(self) -> None:
        """Tỉnh Hà Tĩnh (42) goes on; huyện Cẩm Xuyên (446) ends on 2025-06-30."""
        assert [("42", "tỉnh Hà Tĩnh", None), ("446", "huyện Cẩm Xuyên",
                                                datetime.date(2025, 6, 30))] == [
            (unit.code, unit.full_name, unit.valid_until)
            for unit in (catalog.PROVINCE, catalog.DISTRICT)
        ]

    def test_five_contents_seven_campaigns(self) -> None:
        """The movement has the seed's 5 contents and 7 campaigns."""
        assert (5, 7) == (len(catalog.MOVEMENT.contents), len(catalog.MOVEMENT.campaigns))

    def test_ids_and_wording_equal_the_example(self, example: Plan) -> None:
        """The contents' and campaigns' ids and texts are the example plan's, slips mended."""
        assert mended(example).movement == catalog.MOVEMENT

    def test_merged_catalog(self, plugins: Plugins) -> None:
        """Through phongtrao the catalog gives the units, the offices and the movement."""
        merged = plugins.catalog()
        offices = {agency.full_name for agency in merged.agencies}
        assert (True, True, catalog.MOVEMENT) == (
            set(catalog.UNITS) <= set(merged.units),
            "Phòng Văn hóa - Thông tin huyện Cẩm Xuyên" in offices,
            plugins.movement("TDĐKXDĐSVH"),
        )

    def test_recipients_end_with_the_archive(self) -> None:
        """The standard recipients are the seed's, the archive line last."""
        assert ("Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT") == (
            catalog.RECIPIENTS[0], catalog.RECIPIENTS[-1]
        )


class TestConsoleScript:
    """The installed ``phongtrao`` command finds the plugin by itself."""

    def test_phongtrao_plugins_lists_it(self) -> None:
        """PHONGTRAO_PLUGINS unset: ``phongtrao plugins`` lists ha-tinh 0.1.0 and its template."""
        env = {key: value for key, value in os.environ.items() if key != "PHONGTRAO_PLUGINS"}
        command = Path(sys.executable).parent / "phongtrao"
        result = subprocess.run([str(command), "plugins"], capture_output=True, text=True,
                                env=env, check=False)
        lines = result.stdout.splitlines()
        assert "ha-tinh 0.1.0" in lines, result.stdout + result.stderr
        start = lines.index("ha-tinh 0.1.0")
        assert [f"  hooks: {', '.join(HOOKS)}", "  templates: ha-tinh-2021"] == lines[
            start + 1 : start + 3
        ]
