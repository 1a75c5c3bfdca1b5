"""Semantic checks (phongtrao.check): each code, and the rules that depend on the plan's date.

Plans are built with :func:`attrs.evolve` from the minimal plan
(``tests/data/minimal.yaml``: a ward, phường Ví Dụ, on 2025-08-15) or from the
Cẩm Xuyên 2021 example (a district, huyện Cẩm Xuyên, in 2021).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest

import phongtrao
from phongtrao import Plan, Plugins, Problem, Severity, UnitRecord
from phongtrao._rules import AWARD_RULES, CODES
from phongtrao._rules.sources import Checked
from phongtrao.hookspecs import Catalog, hookimpl
from phongtrao.model import (
    REFORM_DATE,
    AdministrativeUnit,
    Assessment,
    Authority,
    AuthorityTitle,
    AwardForm,
    AwardGrant,
    Awards,
    Decision,
    DocumentKind,
    Documents,
    Indicator,
    Issued,
    LegalBasis,
    Level,
    Milestone,
    Nominee,
    Orientation,
    PartialDate,
    Period,
    PlanSection,
    RecipientKind,
    Result,
    Target,
    Topic,
    UnitKind,
    Window,
)

MINIMAL = Path(__file__).parent / "data" / "minimal.yaml"
ERROR, WARNING = Severity.ERROR, Severity.WARNING

LAW_2003 = ("Luật Thi đua, Khen thưởng số 15/2003/QH11 (sửa đổi, bổ sung 2005, 2013); "
            "provision not verified")
LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15"
LAW_2022_80_2 = f"{LAW_2022}, Điều 80 khoản 2"
LAW_2022_80_3 = f"{LAW_2022}, Điều 80 khoản 3"
LAW_2022_UNVERIFIED = f"{LAW_2022}; provision not verified"


@pytest.fixture(scope="module")
def minimal_plan() -> Plan:
    """The minimal valid plan: a ward (phường Ví Dụ) plan of 2025-08-15, no optional parts."""
    return phongtrao.load_plan(MINIMAL)


# --- building plans -----------------------------------------------------------------------


def dated(plan: Plan, date: str) -> Plan:
    """The plan issued on ``date`` ('2025-07-01', '2025-07' or '2025')."""
    return attrs.evolve(plan, document=attrs.evolve(plan.document, date=PartialDate.parse(date)))


def with_unit(plan: Plan, **changes: object) -> Plan:
    """The plan with its issuer's unit changed."""
    unit = plan.issuer.unit
    assert unit is not None
    return attrs.evolve(plan, issuer=attrs.evolve(plan.issuer, unit=attrs.evolve(unit, **changes)))


def district(plan: Plan) -> Plan:
    """The plan issued by a district (huyện Ví Dụ) instead of the ward."""
    return with_unit(plan, level=Level.HUYEN, kind=UnitKind.HUYEN)


def milestone(level: Level, start: str, end: str | None = None) -> Milestone:
    """A conference of ``level`` from ``start`` to ``end``."""
    return Milestone(
        level=level,
        title=f"Hội nghị tổng kết cấp {level.vi}",
        window=Window(
            start=PartialDate.parse(start), end=None if end is None else PartialDate.parse(end)
        ),
    )


def scheduled(plan: Plan, *milestones: Milestone) -> Plan:
    """The plan with these milestones."""
    return attrs.evolve(plan, schedule=milestones)


def awarding(
    plan: Plan, form: AwardForm, level: Level, title: AuthorityTitle = AuthorityTitle.CHU_TICH_UBND
) -> Plan:
    """The plan with one award: ``form``, given by ``title`` at ``level``."""
    grant = AwardGrant(
        form=form,
        authority=Authority(title=title, level=level),
        recipients=(RecipientKind.TAP_THE,),
    )
    awards = Awards(
        lead="Văn phòng HĐND và UBND",
        recipients=(RecipientKind.TAP_THE,),
        criteria="có thành tích xuất sắc trong thực hiện phong trào",
        grants=(grant,),
    )
    return attrs.evolve(plan, awards=awards)


def granting(plan: Plan, **changes: object) -> Plan:
    """The plan with one Giấy khen of its ward's chair, changed as given."""
    awarded = awarding(plan, AwardForm.GIAY_KHEN, Level.XA)
    assert awarded.awards is not None
    grant = attrs.evolve(awarded.awards.grants[0], **changes)
    return attrs.evolve(awarded, awards=attrs.evolve(awarded.awards, grants=(grant,)))


def proposed(name: str, recipient: str = "tap_the", **fields: object) -> Nominee:
    """A nominee named ``name``, of kind ``recipient``."""
    return Nominee(name=name, recipient=recipient, **fields)  # type: ignore[arg-type]


def nominating(plan: Plan, *nominees: Nominee, **grant: object) -> Plan:
    """The plan with the ward's Giấy khen (changed as ``grant`` says) and ``nominees``."""
    return attrs.evolve(granting(plan, **grant), nominees=nominees)


def decided(plan: Plan, day: str) -> Plan:
    """The plan with a quyết định khen thưởng issued on ``day``."""
    decision = Decision(issued=Issued(date=PartialDate.parse(day)))
    return attrs.evolve(plan, documents=Documents(decision=decision))


FAMILIES = Indicator(id="gdvh", name="Gia đình văn hóa", counted="hộ gia đình",
                     achieved_as="đạt danh hiệu “Gia đình văn hóa”")


def targeting(plan: Plan, *targets: Target, indicators: tuple[Indicator, ...] = (FAMILIES,)
              ) -> Plan:
    """The plan with an orientation for 2025-2030 aiming at ``targets``."""
    orientation = Orientation(period=Period(start=2025, end=2030),
                              items=("Tiếp tục đẩy mạnh phong trào.",), targets=targets)
    return attrs.evolve(plan, indicators=indicators, orientation=orientation)


def measured(plan: Plan, *results: Result) -> Plan:
    """The plan assessing ``results`` of the indicator FAMILIES."""
    assessment = Assessment(direction=Topic(heading="Công tác chỉ đạo", items=("Kịp thời.",)),
                            results=results)
    return attrs.evolve(plan, indicators=(FAMILIES,), assessment=assessment)


def sectioned(plan: Plan, *sections: PlanSection) -> Plan:
    """The plan with these changes to its parts."""
    return attrs.evolve(plan, sections=sections)


def signed(plan: Plan, **changes: object) -> Plan:
    """The plan with its signature changed."""
    return attrs.evolve(plan, signature=attrs.evolve(plan.signature, **changes))


def based_on(plan: Plan, date: datetime.date) -> Plan:
    """The plan with one legal basis issued on ``date``."""
    basis = LegalBasis(
        kind=DocumentKind.KH,
        date=date,
        issuer="UBND tỉnh",
        subject="Tổng kết 25 năm thực hiện Phong trào",
    )
    return attrs.evolve(plan, bases=(basis,))


def found(plan: Plan, plugins: Plugins | None = None) -> list[tuple[str, str, Severity]]:
    """What check reports, as (path, code, severity)."""
    return [(p.path, p.code, p.severity) for p in phongtrao.check(plan, plugins=plugins)]


def codes(plan: Plan) -> list[str]:
    """The codes check reports, in order."""
    return [p.code for p in phongtrao.check(plan)]


def messages(plan: Plan) -> list[str]:
    """The messages check reports, in order."""
    return [p.message for p in phongtrao.check(plan)]


# --- one case per way each code is reported -----------------------------------------------


class Case(NamedTuple):
    """A change to the minimal plan and the problems check must then report.

    ``plugins``: the plugins the plan is checked with (the built-in ones when None).
    """

    id: str
    change: Callable[[Plan], Plan]
    expected: list[tuple[str, str, Severity]]
    plugins: Callable[[], Plugins] | None = None


class _OldUnits:
    """A plugin adding to the unit registry one commune that ended with the reform."""

    @hookimpl
    def phongtrao_catalog(self) -> Catalog:
        """xã Đã Qua of tỉnh Hà Tĩnh (a name no real unit has), until 2025-06-30."""
        unit = AdministrativeUnit(name="Đã Qua", level=Level.XA, kind=UnitKind.XA,
                                  code="99901", valid_until=REFORM_DATE)
        return Catalog(unit_records=(UnitRecord(unit=unit, province="42",
                                                source="the tests' own row"),))


@functools.cache
def code_of(name: str) -> str:
    """The code of a real ward of Hà Nội on 2025-08-15, as the installed vietnam-provinces has it.

    (Codes are the package's data: a release may renumber a ward.)
    """
    unit = Plugins(False).units.lookup(name, on=datetime.date(2025, 8, 15)).resolve().unit
    assert unit.code is not None
    return unit.code


def with_old_units() -> Plugins:
    """The built-in plugins and one adding a commune that ended on 2025-06-30."""
    plugins = Plugins(False)
    plugins.register(_OldUnits(), "old-units")
    return plugins


CASES = [
    Case("empty title", lambda p: attrs.evolve(p, title=""), [("$.title", "empty-text", ERROR)]),
    Case(
        "whitespace-only purpose",
        lambda p: attrs.evolve(p, purposes=("Đánh giá kết quả.", " \t ")),
        [("$.purposes[1]", "empty-text", ERROR)],
    ),
    Case(
        "form feed in the closing",
        lambda p: attrs.evolve(p, closing="Trên đây là Kế hoạch\x0c."),
        [("$.closing", "control-character", ERROR)],
    ),
    Case(
        "two control characters in one text",
        lambda p: signed(p, signer="Nguyễn\x0bVăn\x00A"),
        [("$.signature.signer", "control-character", ERROR)] * 2,
    ),
    Case(
        "placeholders left by phongtrao new",
        lambda p: signed(p, signer="«Họ và tên người ký»"),
        [("$.signature.signer", "placeholder", ERROR)],
    ),
    Case(
        "two placeholders in one text",
        lambda p: attrs.evolve(p, title="Hội nghị tổng kết «số năm» năm «Tên đơn vị»"),
        [("$.title", "placeholder", ERROR)] * 2,
    ),
    Case(
        "basis after the plan",
        lambda p: based_on(p, datetime.date(2025, 8, 16)),
        [("$.bases[0].date", "basis-after-plan", ERROR)],
    ),
    Case(
        "a Luật cited with its number",
        lambda p: attrs.evolve(p, bases=(LegalBasis(kind=DocumentKind.LUAT,
                                                    title="Thi đua, khen thưởng",
                                                    number="06/2022/QH15",
                                                    date=datetime.date(2022, 6, 15)),)),
        [("$.bases[0].number", "basis-law-number", WARNING)],
    ),
    Case(
        "period before the movement",
        lambda p: attrs.evolve(p, period=Period(start=1999, end=2025)),
        [("$.period.start", "period-before-movement", ERROR)],
    ),
    Case(
        "lower level listed after a higher one",
        lambda p: scheduled(p, milestone(Level.TINH, "2025-11"), milestone(Level.XA, "2025-09")),
        [("$.schedule[1].level", "milestone-order", ERROR)],
    ),
    Case(
        "higher level meets before a lower one",
        lambda p: scheduled(p, milestone(Level.XA, "2025-11"), milestone(Level.TINH, "2025-10")),
        [("$.schedule[1].window", "milestone-order", ERROR)],
    ),
    Case(
        "milestone over before the plan",
        lambda p: scheduled(p, milestone(Level.XA, "2025-06", "2025-08-14")),
        [("$.schedule[0].window", "milestone-before-plan", ERROR)],
    ),
    Case(
        "milestone after the following year",
        lambda p: scheduled(p, milestone(Level.XA, "2027-01")),
        [("$.schedule[0].window", "milestone-beyond-horizon", WARNING)],
    ),
    Case(
        "district issuer after the reform",
        district,
        [("$.issuer.unit", "district-after-reform", ERROR)],
    ),
    Case(
        "district parent after the reform",
        lambda p: attrs.evolve(p, parent=attrs.evolve(district(p).issuer, collective=True)),
        [("$.parent.unit", "district-after-reform", ERROR)],
    ),
    Case(
        "district milestone after the reform",
        lambda p: scheduled(p, milestone(Level.XA, "2025-09"), milestone(Level.HUYEN, "2025-10")),
        [("$.schedule[1].level", "district-after-reform", ERROR)],
    ),
    Case(
        "thị trấn after the reform",
        lambda p: with_unit(p, kind=UnitKind.THI_TRAN),
        [("$.issuer.unit", "town-after-reform", ERROR)],
    ),
    Case(
        "đặc khu before the reform",
        lambda p: dated(with_unit(p, kind=UnitKind.DAC_KHU), "2021-08-15"),
        [("$.issuer.unit.kind", "special-zone-before-reform", ERROR)],
    ),
    Case(
        "unit the registry knows ended before the plan (the plan file gives no end)",
        lambda p: with_unit(p, name="Đã Qua", kind=UnitKind.XA),
        [("$.issuer.unit", "unit-not-existing", ERROR)],
        with_old_units,
    ),
    Case(
        "code of another unit on the plan's date",
        lambda p: with_unit(p, name="Hoàn Kiếm", code=code_of("phường Cửa Nam, Hà Nội")),
        [("$.issuer.unit.code", "unit-code", ERROR)],
    ),
    Case(
        "a unit's code with the name misspelt",
        lambda p: with_unit(p, name="Hoan Kiem", code=code_of("phường Hoàn Kiếm")),
        [("$.issuer.unit.name", "unit-code", ERROR)],
    ),
    Case(
        "a unit's code with another generic noun",
        lambda p: with_unit(p, name="Hoàn Kiếm", kind=UnitKind.XA,
                            code=code_of("phường Hoàn Kiếm")),
        [("$.issuer.unit.kind", "unit-code", ERROR)],
    ),
    Case(
        "unit ended before the plan",
        lambda p: with_unit(p, valid_until=datetime.date(2025, 8, 14)),
        [("$.issuer.unit.valid_until", "unit-not-existing", ERROR)],
    ),
    Case(
        "unit not yet in existence",
        lambda p: with_unit(p, valid_from=datetime.date(2025, 8, 16)),
        [("$.issuer.unit.valid_from", "unit-not-existing", ERROR)],
    ),
    Case(
        "Giấy khen by a province chair",
        lambda p: awarding(p, AwardForm.GIAY_KHEN, Level.TINH),
        [("$.awards.grants[0].authority", "award-authority", ERROR)],
    ),
    Case(
        "a title the rule table does not cover",
        lambda p: awarding(p, AwardForm.GIA_DINH_VAN_HOA_KIEU_MAU, Level.TINH),
        [("$.awards.grants[0].form", "award-rule-unknown", WARNING)],
    ),
    Case(
        "a form of award of the plan's own, without wording",
        lambda p: granting(p, form="bang-khen-hoi"),
        [("$.awards.grants[0].form", "award-wording-missing", ERROR)],
    ),
    Case(
        "a recipient kind of the plan's own, without wording",
        lambda p: granting(p, recipients=("to-tu-quan",)),
        [("$.awards.grants[0].recipients[0]", "award-wording-missing", ERROR)],
    ),
    Case(
        "an award given at a milestone no one has",
        lambda p: granting(p, at="hoi-nghi-xa"),
        [("$.awards.grants[0].at", "award-tier-unknown", ERROR)],
    ),
    Case(
        "a nominee for a grant no grant is",
        lambda p: nominating(p, proposed("Thôn Trung", grant="bang-khen"), id="giay-khen"),
        [("$.nominees[0].grant", "nominee-grant-unknown", ERROR)],
    ),
    Case(
        "a nominee of a kind the grant does not go to",
        lambda p: nominating(p, proposed("Ông Nguyễn Văn A", "ca_nhan")),
        [("$.nominees[0].recipient", "nominee-recipient", ERROR)],
    ),
    Case(
        "a nominee listed twice, spelt the same but for case and spaces",
        lambda p: nominating(p, proposed("Thôn Trung Hòa", unit="xã Cẩm Quan"),
                             proposed("thôn  Trung hòa", unit="Xã Cẩm Quan")),
        [("$.nominees[1]", "nominee-duplicate", ERROR)],
    ),
    Case(
        "more nominees than the grant's total",
        lambda p: nominating(p, proposed("Thôn Một"), proposed("Thôn Hai"), quota=1),
        [("$.awards.grants[0].quota", "nominee-count", ERROR)],
    ),
    Case(
        "a thôn văn hóa given by the ward's chair, decided before the reform",
        lambda p: decided(nominating(p, proposed("Thôn Một"), form=AwardForm.THON_VAN_HOA),
                          "2025-06-20"),
        [("$.nominees[0].grant", "nominee-award-date", ERROR)],
    ),
    Case(
        "a target of an indicator the plan does not define",
        lambda p: targeting(p, Target(indicator="thon-van-hoa", percent=90, by=2030)),
        [("$.orientation.targets[0].indicator", "indicator-unknown", ERROR)],
    ),
    Case(
        "a result of an indicator the plan does not define",
        lambda p: measured(p, Result(indicator="gdvhh", achieved=672, total=713)),
        [("$.assessment.results[0].indicator", "indicator-unknown", ERROR)],
    ),
    Case(
        "a result counted of a total, without the total",
        lambda p: measured(p, Result(indicator="gdvh", achieved=672)),
        [("$.assessment.results[0].total", "indicator-total-missing", ERROR)],
    ),
    Case(
        "a plain count given a total",
        lambda p: attrs.evolve(
            measured(p, Result(indicator="gdvh", achieved=45, total=50)),
            indicators=(attrs.evolve(FAMILIES, paired=False),)),
        [("$.assessment.results[0].total", "indicator-total-missing", WARNING)],
    ),
    Case(
        "a part of the plan's own without a title",
        lambda p: sectioned(p, PlanSection(key="tuyen-truyen", paragraphs=("Tuyên truyền.",))),
        [("$.sections[0].title", "section-invalid", ERROR)],
    ),
    Case(
        "a part named twice",
        lambda p: sectioned(p, PlanSection(key="funding", title="KINH PHÍ THỰC HIỆN"),
                            PlanSection(key="funding", omit=True)),
        [("$.sections[1].key", "section-invalid", ERROR)],
    ),
    Case(
        "text given to a built-in part",
        lambda p: sectioned(p, PlanSection(key="funding", paragraphs=("Ngân sách xã.",))),
        [("$.sections[0].paragraphs", "section-invalid", ERROR)],
    ),
    Case(
        "a part placed after no part",
        lambda p: sectioned(p, PlanSection(key="funding", after="assesment")),
        [("$.sections[0].after", "section-invalid", ERROR)],
    ),
    Case(
        "a header line too wide for the header column",
        lambda p: attrs.evolve(p, issuer=attrs.evolve(p.issuer, header_lines=(
            "Ban Chỉ đạo Trung ương Phong trào", "Toàn dân đoàn kết"))),
        [("$.issuer.header_lines[0]", "header-line-long", WARNING)],
    ),
    Case(
        "collective issuer without TM.",
        lambda p: signed(p, on_behalf_of=None),
        [("$.signature.on_behalf_of", "signature-prefix", ERROR)],
    ),
    Case(
        "one-person issuer with TM.",
        lambda p: attrs.evolve(p, issuer=attrs.evolve(p.issuer, collective=False)),
        [("$.signature.on_behalf_of", "signature-prefix", ERROR)],
    ),
    Case(
        "TL. with a TM. line",
        lambda p: signed(p, mode=phongtrao.model.SignMode.TL, head="Chủ tịch",
                         title="Chánh Văn phòng"),
        [("$.signature.on_behalf_of", "signature-prefix", ERROR)],
    ),
    Case(
        "TM. line naming another body",
        lambda p: signed(p, on_behalf_of="Hội đồng nhân dân"),
        [("$.signature.on_behalf_of", "signature-body", WARNING)],
    ),
    Case(
        "academic title before the signer's name",
        lambda p: signed(p, signer="PGS.TS. Nguyễn Văn A"),
        [("$.signature.signer", "signer-title", WARNING)],
    ),
    Case(
        "no recipients",
        lambda p: attrs.evolve(p, recipients=()),
        [("$.recipients", "recipients-archive", ERROR)],
    ),
    Case(
        "archive line without its space",
        lambda p: attrs.evolve(p, recipients=("UBND tỉnh", "Lưu:VT")),
        [("$.recipients[1]", "archive-line-form", WARNING)],
    ),
    Case(
        "the 2011 form in a 2025 plan",
        lambda p: attrs.evolve(p, recipients=("UBND tỉnh", "Lưu: Văn thư, VHXH")),
        [("$.recipients[1]", "recipients-archive", ERROR)],
    ),
    Case(
        "archive line first",
        lambda p: attrs.evolve(p, recipients=("Lưu: VT", "UBND tỉnh")),
        [
            ("$.recipients[0]", "recipients-archive", ERROR),
            ("$.recipients[1]", "recipients-archive", ERROR),
        ],
    ),
]


class TestCodes:
    def test_every_code_is_reported_by_a_case(self) -> None:
        """Each code in CODES is what some case below expects, and no case expects another."""
        expected = {code for case in CASES for _, code, _ in case.expected}
        assert sorted(CODES) == sorted(expected)

    def test_every_code_is_explained(self) -> None:
        """Each code is lower-case words joined by '-' and has a one-line meaning."""
        for code, meaning in CODES.items():
            assert code == code.lower().strip("-")
            assert all(part.isalpha() for part in code.split("-"))
            assert meaning
            assert "\n" not in meaning

    @pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
    def test_case_reports_exactly_its_problems(self, case: Case, minimal_plan: Plan) -> None:
        """Changing the minimal plan as the case says makes check report exactly these."""
        plugins = None if case.plugins is None else case.plugins()
        assert case.expected == found(case.change(minimal_plan), plugins)


class TestArchiveLineByDate:
    @pytest.mark.parametrize("line", ["Lưu: Văn thư, KGVX", "Lưu: VT, KGVX", "Lưu: VT"])
    def test_before_decree_30_either_form(self, line: str, minimal_plan: Plan) -> None:
        """A 2011 document ending "Lưu: Văn thư, KGVX" is right (was refused)."""
        plan = dated(attrs.evolve(minimal_plan, recipients=("Sở Nội vụ", line)), "2011-06-10")
        assert [] == codes(plan)

    def test_from_decree_30_only_vt(self, minimal_plan: Plan) -> None:
        """From 5/3/2020 the line is "Lưu: VT, …"; the message gives the form and its source."""
        plan = dated(attrs.evolve(minimal_plan, recipients=("Sở Nội vụ", "Lưu: Văn thư")),
                     "2020-03-05")
        [message] = messages(plan)
        assert "expected the archive line of 2020-03-05: 'Lưu: VT', then the drafting unit" \
            in message
        assert "Nghị định số 30/2020/NĐ-CP" in message

    def test_the_day_before_decree_30(self, minimal_plan: Plan) -> None:
        plan = dated(attrs.evolve(minimal_plan, recipients=("Sở Nội vụ", "Lưu: Văn thư")),
                     "2020-03-04")
        assert [] == codes(plan)

    def test_the_missing_space_is_a_warning_with_the_fix(self, minimal_plan: Plan) -> None:
        plan = attrs.evolve(minimal_plan, recipients=("Lưu:VT",))
        [problem] = phongtrao.check(plan)
        assert problem.message.endswith("expected 'Lưu: VT'")


class TestSoundPlans:
    def test_example_plan_has_no_problems(self, example_plan: Plan) -> None:
        """The Cẩm Xuyên 2021 example plan checks clean."""
        assert [] == phongtrao.check(example_plan)

    def test_minimal_plan_has_no_problems(self, minimal_plan: Plan) -> None:
        """The minimal plan checks clean."""
        assert [] == phongtrao.check(minimal_plan)

    def test_check_returns_a_list_of_problems(self, minimal_plan: Plan) -> None:
        """The result is a list of Problem, in the order of the checks."""
        plan = signed(attrs.evolve(minimal_plan, title=" ", recipients=()), on_behalf_of=None)
        problems = phongtrao.check(plan)
        assert list is type(problems)
        assert all(isinstance(problem, Problem) for problem in problems)
        assert ["empty-text", "signature-prefix", "recipients-archive"] == codes(plan)


class TestDistrictsAfterReform:
    def test_district_plan_of_2021_is_sound(self, example_plan: Plan) -> None:
        """A district plan of 2021 stays valid: the reform does not reach back."""
        assert "huyen" == example_plan.issuer.level.value
        assert [] == phongtrao.check(example_plan)

    def test_same_district_plan_dated_2025_07_01_is_an_error(self, example_plan: Plan) -> None:
        """The same plan dated 2025-07-01: the district is gone, and so is its Giấy khen."""
        awards = example_plan.awards
        assert awards is not None
        grant = AwardGrant(
            form=AwardForm.GIAY_KHEN,
            authority=Authority(title=AuthorityTitle.CHU_TICH_UBND, level=Level.HUYEN),
            recipients=(RecipientKind.TAP_THE, RecipientKind.CA_NHAN),
        )
        example_plan = attrs.evolve(example_plan, awards=attrs.evolve(awards, grants=(grant,)))
        assert [] == phongtrao.check(example_plan)
        assert [
            ("$.schedule[0].window", "milestone-before-plan", ERROR),
            ("$.schedule[1].window", "milestone-before-plan", ERROR),
            ("$.issuer.unit", "district-after-reform", ERROR),
            ("$.awards.grants[0].authority", "award-authority", ERROR),
        ] == found(dated(example_plan, "2025-07-01"))

    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            ("2025-06-30", []),
            ("2025-07-01", ["district-after-reform"]),
            ("2025-07", ["district-after-reform"]),
            ("2025-Q3", ["district-after-reform"]),
            ("2026", ["district-after-reform"]),
        ],
    )
    def test_reform_day_is_the_boundary(
        self, date: str, expected: list[str], minimal_plan: Plan
    ) -> None:
        """A district may issue up to 2025-06-30; from 2025-07-01 it may not."""
        assert expected == codes(dated(district(minimal_plan), date))

    def test_plan_dated_only_by_the_reform_year_is_not_blamed(self, minimal_plan: Plan) -> None:
        """A district plan dated only '2025' may be from before July, so it is not reported."""
        assert [] == codes(dated(district(minimal_plan), "2025"))

    def test_message_names_the_district_and_the_date(self, minimal_plan: Plan) -> None:
        """The message says which district, since when districts are gone, and what is expected."""
        assert [
            (
                "huyện Ví Dụ is a district, and districts ceased to operate after 2025-06-30; the "
                "plan is dated 2025-07-01. Expected a province or a commune-level issuer"
            )
        ] == messages(dated(district(minimal_plan), "2025-07-01"))

    @pytest.mark.parametrize("kind", [UnitKind.QUAN, UnitKind.THI_XA, UnitKind.THANH_PHO])
    def test_every_kind_of_district_is_gone(self, kind: UnitKind, minimal_plan: Plan) -> None:
        """Quận, thị xã and district-level thành phố ceased to operate too."""
        plan = with_unit(minimal_plan, level=Level.HUYEN, kind=kind)
        assert ["district-after-reform"] == codes(plan)

    @pytest.mark.parametrize("kind", [UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU])
    def test_commune_level_units_remain(self, kind: UnitKind, minimal_plan: Plan) -> None:
        """Xã, phường and đặc khu issue plans after the reform."""
        assert [] == codes(with_unit(minimal_plan, kind=kind))

    def test_province_city_remains(self, minimal_plan: Plan) -> None:
        """A thành phố at the province level is no district, and issues after the reform."""
        plan = with_unit(minimal_plan, level=Level.TINH, kind=UnitKind.THANH_PHO)
        assert [] == codes(plan)

    @pytest.mark.parametrize(
        ("date", "expected"), [("2025-06-30", []), ("2025-07-01", ["town-after-reform"])]
    )
    def test_thi_tran_until_the_reform(
        self, date: str, expected: list[str], minimal_plan: Plan
    ) -> None:
        """A thị trấn may issue up to 2025-06-30; from 2025-07-01 it no longer exists."""
        plan = dated(with_unit(minimal_plan, kind=UnitKind.THI_TRAN), date)
        assert expected == codes(plan)

    @pytest.mark.parametrize(
        ("end", "expected"), [("2025-06-30", []), ("2025-07-01", ["district-after-reform"])]
    )
    def test_district_milestone_until_the_reform(
        self, end: str, expected: list[str], minimal_plan: Plan
    ) -> None:
        """A district conference may run until 2025-06-30, not a day longer."""
        plan = scheduled(
            dated(minimal_plan, "2025-03-01"),
            milestone(Level.XA, "2025-04"),
            milestone(Level.HUYEN, "2025-06-01", end),
        )
        assert expected == codes(plan)


class TestUnitsOwnWindow:
    def test_unit_on_its_last_day_is_sound(self, minimal_plan: Plan) -> None:
        """A unit issues on the last day of its validity."""
        assert [] == codes(with_unit(minimal_plan, valid_until=datetime.date(2025, 8, 15)))

    def test_message_says_until_when(self, minimal_plan: Plan) -> None:
        """The message gives the unit's last day and the plan's date."""
        plan = with_unit(minimal_plan, valid_until=datetime.date(2025, 6, 30))
        assert [
            (
                "phường Ví Dụ existed until 2025-06-30, before the plan's date (2025-08-15); "
                "expected the unit that replaced it, or a plan dated while it existed"
            )
        ] == messages(plan)


class TestAwardsByDate:
    @pytest.mark.parametrize("date", ["2021-03-10", "2023-12-31", "2024-01-01", "2025-06-30"])
    def test_district_chair_gives_giay_khen_until_the_reform(
        self, date: str, minimal_plan: Plan
    ) -> None:
        """Under both awards laws the district chair gives Giấy khen, until districts end."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.HUYEN), date)
        assert [] == codes(plan)

    def test_district_chair_gives_no_giay_khen_after_the_reform(self, minimal_plan: Plan) -> None:
        """From 2025-07-01 only the commune chair of the two local chairs gives Giấy khen."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.HUYEN), "2025-07-01")
        assert [
            (
                "Chủ tịch UBND cấp huyện may not give Giấy khen on 2025-07-01; expected Chủ tịch "
                f"UBND cấp xã ({LAW_2022_80_3}); Giám đốc cấp tỉnh ({LAW_2022_UNVERIFIED})"
            )
        ] == messages(plan)

    @pytest.mark.parametrize("date", ["2021-03-10", "2025-08-15"])
    def test_commune_chair_gives_giay_khen(self, date: str, minimal_plan: Plan) -> None:
        """The commune chair gives Giấy khen before and after the 2022 law."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.XA), date)
        assert [] == codes(plan)

    @pytest.mark.parametrize(("date", "allowed"), [
        ("2023-12-31", ("Chủ tịch UBND cấp huyện or Chủ tịch UBND cấp xã or Giám đốc cấp tỉnh "
                        f"({LAW_2003})")),
        ("2024-01-01", (f"Chủ tịch UBND cấp huyện ({LAW_2022_80_2}); Chủ tịch UBND cấp xã "
                        f"({LAW_2022_80_3}); Giám đốc cấp tỉnh ({LAW_2022_UNVERIFIED})")),
    ])
    def test_wrong_authority_is_judged_by_the_law_in_force(
        self, date: str, allowed: str, minimal_plan: Plan
    ) -> None:
        """A wrong authority is judged by the law in force, naming each allowed office's source.

        The 2003 law to 2023, the 2022 law from 2024.
        """
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.TINH), date)
        assert [f"Chủ tịch UBND cấp tỉnh may not give Giấy khen on {date}; expected {allowed}"] \
            == messages(plan)

    @pytest.mark.parametrize("date", ["2015-05-10", "2021-03-10", "2025-08-15"])
    def test_a_departments_director_gives_giay_khen(self, date: str,
                                                    minimal_plan: Plan) -> None:
        """Giám đốc Sở gives Giấy khen under both laws (was refused)."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.TINH,
                              AuthorityTitle.GIAM_DOC), date)
        assert [] == codes(plan)

    @pytest.mark.parametrize("date", ["2021-03-10", "2025-08-15"])
    def test_province_chair_gives_bang_khen(self, date: str, minimal_plan: Plan) -> None:
        """The province chair gives Bằng khen under both laws."""
        plan = dated(awarding(minimal_plan, AwardForm.BANG_KHEN, Level.TINH), date)
        assert [] == codes(plan)

    @pytest.mark.parametrize(
        ("title", "level", "expected"),
        [
            (AuthorityTitle.THU_TUONG, Level.TRUNG_UONG, []),
            (AuthorityTitle.BO_TRUONG, Level.TRUNG_UONG, []),
            (AuthorityTitle.CHU_TICH_NUOC, Level.TRUNG_UONG, ["award-authority"]),
            (AuthorityTitle.CHU_TICH_UBND, Level.HUYEN, ["award-authority"]),
        ],
    )
    def test_who_gives_bang_khen(
        self, title: AuthorityTitle, level: Level, expected: list[str], minimal_plan: Plan
    ) -> None:
        """Bằng khen comes from the Prime Minister, a minister or a province chair."""
        plan = awarding(minimal_plan, AwardForm.BANG_KHEN, level, title)
        assert expected == codes(plan)

    @pytest.mark.parametrize(
        ("level", "expected"), [(Level.XA, []), (Level.HUYEN, ["award-authority"])]
    )
    def test_commune_chair_recognises_gia_dinh_van_hoa(
        self, level: Level, expected: list[str], minimal_plan: Plan
    ) -> None:
        """The title “Gia đình văn hóa” is the commune chair's to give."""
        plan = awarding(minimal_plan, AwardForm.GIA_DINH_VAN_HOA, level)
        assert expected == codes(plan)

    @pytest.mark.parametrize(
        ("level", "expected"), [(Level.HUYEN, []), (Level.XA, ["award-authority"])]
    )
    def test_district_chair_recognised_thon_van_hoa_in_2021(
        self, level: Level, expected: list[str], minimal_plan: Plan
    ) -> None:
        """In 2021 the title “Thôn, tổ dân phố văn hóa” was the district chair's to give."""
        plan = dated(awarding(minimal_plan, AwardForm.THON_VAN_HOA, level), "2021-03-10")
        assert expected == codes(plan)

    @pytest.mark.parametrize(("level", "expected"), [(Level.XA, []),
                                                     (Level.HUYEN, ["award-authority"])])
    def test_commune_chair_recognises_thon_van_hoa_after_the_reform(
        self, level: Level, expected: list[str], minimal_plan: Plan
    ) -> None:
        """From 2025-07-01 the commune chair confers “Thôn, tổ dân phố văn hóa” (had no row)."""
        plan = awarding(minimal_plan, AwardForm.THON_VAN_HOA, level)
        assert expected == [code for code in codes(plan) if code != "district-after-reform"]

    @pytest.mark.parametrize(("form", "level"), [(AwardForm.THON_VAN_HOA, Level.HUYEN),
                                                 (AwardForm.GIA_DINH_VAN_HOA, Level.XA)])
    def test_cultural_titles_before_2018(self, form: AwardForm, level: Level,
                                         minimal_plan: Plan) -> None:
        """Before Nghị định 122/2018 the titles had their authorities too (had no row)."""
        plan = dated(awarding(minimal_plan, form, level), "2015-05-10")
        assert [] == codes(plan)

    def test_xa_tieu_bieu_by_the_district_chair(self, minimal_plan: Plan) -> None:
        """From Nghị định 86/2023 to the reform, “Xã, phường, thị trấn tiêu biểu" (had no row)."""
        plan = dated(awarding(minimal_plan, AwardForm.XA_TIEU_BIEU, Level.HUYEN), "2024-06-01")
        assert [] == codes(plan)

    def test_table_does_not_guess_after_it_ends(self, minimal_plan: Plan) -> None:
        """After the reform the table knows no authority for “Xã, phường, thị trấn tiêu biểu”."""
        plan = awarding(minimal_plan, AwardForm.XA_TIEU_BIEU, Level.TINH)
        assert [("$.awards.grants[0].form", "award-rule-unknown", WARNING)] == found(plan)
        assert [
            (
                "the rule table does not say who may give danh hiệu “Xã, phường, thị trấn tiêu "
                "biểu” on 2025-08-15 (it covers danh hiệu “Xã, phường, thị trấn tiêu biểu” from "
                "2024-01-30 to 2025-06-30); check the authority by hand"
            )
        ] == messages(plan)

    @pytest.mark.parametrize("form", [AwardForm.TUYEN_DUONG, AwardForm.BIEU_DUONG])
    def test_recognitions_outside_the_awards_law(self, form: AwardForm,
                                                 minimal_plan: Plan) -> None:
        """Tuyên dương and biểu dương need no rule: no warning."""
        assert [] == codes(awarding(minimal_plan, form, Level.XA))

    def test_bang_khen_rows_do_not_cite_article_80(self) -> None:
        """Điều 80 does not cover Bằng khen: no Bằng khen row cites it."""
        rows = [rule for rule in AWARD_RULES if rule.form == AwardForm.BANG_KHEN.value]
        assert rows
        assert all("Điều 80" not in rule.source.cite() for rule in rows)

    def test_every_row_names_its_source(self) -> None:
        """Each row cites a text; a row not checked against it says so."""
        for rule in AWARD_RULES:
            assert rule.source.text
            assert (rule.source.checked is Checked.TEXT) == (
                "not verified" not in rule.source.cite()
                and "secondary" not in rule.source.cite())

    def test_table_does_not_guess_before_it_starts(self, minimal_plan: Plan) -> None:
        """Before the 2003 law came into force (2004-07-01) the table knows no authority."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.XA), "2004-06-30")
        assert ["award-rule-unknown"] == codes(plan)

    def test_judged_on_the_first_day_the_date_can_mean(self, minimal_plan: Plan) -> None:
        """A plan dated only '2024' is judged on 2024-01-01, under the 2022 law."""
        plan = dated(awarding(minimal_plan, AwardForm.GIAY_KHEN, Level.TINH), "2024")
        assert [LAW_2022_UNVERIFIED] == [m[m.rindex("(") + 1 : -1] for m in messages(plan)]


class TestSchedule:
    def test_levels_in_order_are_sound(self, minimal_plan: Plan) -> None:
        """Commune, then province, each after the lower level started: nothing to report."""
        plan = scheduled(
            minimal_plan,
            milestone(Level.XA, "2025-09", "2025-10"),
            milestone(Level.TINH, "2025-11"),
        )
        assert [] == codes(plan)

    def test_same_level_in_any_order(self, minimal_plan: Plan) -> None:
        """Two milestones of one level may come in any order."""
        plan = scheduled(
            minimal_plan, milestone(Level.XA, "2025-11"), milestone(Level.XA, "2025-09")
        )
        assert [] == codes(plan)

    def test_milestone_overlapping_the_plan_day_is_sound(self, minimal_plan: Plan) -> None:
        """A window that ends on the plan's day is not over before the plan."""
        plan = scheduled(minimal_plan, milestone(Level.XA, "2025-08"))
        assert [] == codes(plan)

    def test_horizon_ends_with_the_following_year(self, minimal_plan: Plan) -> None:
        """A milestone in December of the following year is within the horizon."""
        plan = scheduled(minimal_plan, milestone(Level.XA, "2026-12"))
        assert [] == codes(plan)

    def test_order_message_points_at_the_earlier_milestone(self, minimal_plan: Plan) -> None:
        """The message names both levels and the path of the milestone listed before."""
        plan = scheduled(
            minimal_plan, milestone(Level.TINH, "2025-11"), milestone(Level.XA, "2025-09")
        )
        assert [
            (
                "the xã milestone is listed after the tỉnh one ($.schedule[0]); expected "
                "milestones from the lower level up"
            )
        ] == messages(plan)


class TestBases:
    @pytest.mark.parametrize(
        ("date", "expected"),
        [(datetime.date(2025, 8, 15), []), (datetime.date(2025, 8, 16), ["basis-after-plan"])],
    )
    def test_basis_may_share_the_plans_day(
        self, date: datetime.date, expected: list[str], minimal_plan: Plan
    ) -> None:
        """A basis of the plan's own day is fine; the day after is not."""
        assert expected == codes(based_on(minimal_plan, date))

    def test_plan_dated_by_month_allows_the_whole_month(self, minimal_plan: Plan) -> None:
        """A plan dated '2025-08' may cite a document of 2025-08-31."""
        plan = dated(based_on(minimal_plan, datetime.date(2025, 8, 31)), "2025-08")
        assert [] == codes(plan)

    def test_undated_basis_is_not_judged(self, minimal_plan: Plan) -> None:
        """A basis without a date cannot postdate the plan."""
        basis = LegalBasis(kind=DocumentKind.LUAT, title="Thi đua, khen thưởng")
        assert [] == codes(attrs.evolve(minimal_plan, bases=(basis,)))


class TestSignature:
    def test_tm_line_compares_without_case(self, minimal_plan: Plan) -> None:
        """'TM. ỦY BAN NHÂN DÂN' written in capitals still names the issuer."""
        assert [] == codes(signed(minimal_plan, on_behalf_of="ỦY BAN NHÂN DÂN"))

    def test_missing_tm_message_says_what_to_write(self, minimal_plan: Plan) -> None:
        """The message gives the key and value to add, and the line it makes."""
        assert [
            (
                "Ủy ban nhân dân is a collective body, so the plan is signed on its behalf; "
                "expected on_behalf_of: 'Ủy ban nhân dân' (the 'TM. ỦY BAN NHÂN DÂN' line)"
            )
        ] == messages(signed(minimal_plan, on_behalf_of=None))

    @pytest.mark.parametrize(
        "signer",
        ["TS. Nguyễn Văn A", "ThS Nguyễn Văn A", "GS.TS. Nguyễn Văn A", "pgs. ts. Nguyễn Văn A"],
    )
    def test_academic_titles_are_found(self, signer: str, minimal_plan: Plan) -> None:
        """An academic title, or several, before the name is reported with the bare name."""
        assert [
            (
                f"{signer!r} carries an academic title; the decree signs with the name alone: "
                "'Nguyễn Văn A'"
            )
        ] == messages(signed(minimal_plan, signer=signer))

    @pytest.mark.parametrize("signer", ["Nguyễn Văn A", "Bùi Thị B", "Tsang Văn C", "Cao Văn D"])
    def test_names_are_not_titles(self, signer: str, minimal_plan: Plan) -> None:
        """A name that merely starts with the letters of a title is not reported."""
        assert [] == codes(signed(minimal_plan, signer=signer))

    def test_kt_signature_is_sound(self, minimal_plan: Plan) -> None:
        """A deputy signing KT. for the chair, on behalf of the committee, is sound."""
        plan = signed(
            minimal_plan, mode=phongtrao.model.SignMode.KT, head="Chủ tịch", title="Phó Chủ tịch"
        )
        assert [] == codes(plan)


class TestDelegatedSignatures:
    @pytest.mark.parametrize("mode", ["TL", "TUQ"])
    def test_tl_and_tuq_without_tm(self, mode: str, minimal_plan: Plan) -> None:
        """A collective body's document signed TL./TUQ. has no TM. line (it was forced)."""
        plan = signed(minimal_plan, on_behalf_of=None, mode=phongtrao.model.SignMode(mode),
                      head="Chủ tịch", title="Chánh Văn phòng")
        assert [] == codes(plan)
        assert (f"{mode}. CHỦ TỊCH", "CHÁNH VĂN PHÒNG") == plan.signature.lines

    def test_kt_keeps_its_tm(self, minimal_plan: Plan) -> None:
        plan = signed(minimal_plan, on_behalf_of=None, mode=phongtrao.model.SignMode.KT,
                      head="Chủ tịch", title="Phó Chủ tịch")
        assert ["signature-prefix"] == codes(plan)


class TestRecipients:
    @pytest.mark.parametrize("last", ["Lưu: VT", "Lưu: VT, VHXH."])
    def test_archive_line_forms(self, last: str, minimal_plan: Plan) -> None:
        """The archive line, with or without the drafting unit."""
        assert [] == codes(attrs.evolve(minimal_plan, recipients=("UBND tỉnh", last)))

    @pytest.mark.parametrize("last", ["Lưu:VT", "Lưu : VT", "Lưu:  VT, VHXH"])
    def test_archive_line_spacing_slips(self, last: str, minimal_plan: Plan) -> None:
        """A spacing slip is a warning, not a missing archive line ("Lưu:VT" passed)."""
        plan = attrs.evolve(minimal_plan, recipients=("UBND tỉnh", last))
        assert [("$.recipients[1]", "archive-line-form", WARNING)] == found(plan)

    @pytest.mark.parametrize("last", ["Lưu VT", "Lưu: Văn thư", "VT", "Lưu: VTX"])
    def test_other_last_lines(self, last: str, minimal_plan: Plan) -> None:
        """Anything else in the last line is not the archive line."""
        plan = attrs.evolve(minimal_plan, recipients=("UBND tỉnh", last))
        assert [("$.recipients[1]", "recipients-archive", ERROR)] == found(plan)


class TestTexts:
    def test_every_text_is_walked(self, minimal_plan: Plan) -> None:
        """Texts deep in the plan (a duty of a responsibility) are checked, with their path."""
        responsibility = phongtrao.model.Responsibility(
            unit="Công an phường", duties=("Bảo đảm an ninh.", "")
        )
        plan = attrs.evolve(minimal_plan, responsibilities=(responsibility,))
        assert [("$.responsibilities[0].duties[1]", "empty-text", ERROR)] == found(plan)

    def test_control_character_message_says_where(self, minimal_plan: Plan) -> None:
        """The message names the character, its position and the words before it."""
        plan = signed(minimal_plan, signer="Nguyễn\x0bVăn A")
        assert [
            (
                "the text holds U+000B (vertical tab) at position 6, after 'Nguyễn', which a "
                "document cannot hold; delete it or replace it with a space (it often comes from "
                "copying out of a PDF)"
            )
        ] == messages(plan)

    def test_control_character_is_not_removed(self, minimal_plan: Plan) -> None:
        """Checking reports the character and leaves the plan as it was."""
        plan = signed(minimal_plan, signer="Nguyễn\x0bVăn A")
        phongtrao.check(plan)
        assert "Nguyễn\x0bVăn A" == plan.signature.signer

    @pytest.mark.parametrize("text", ["Dòng một\nDòng hai", "Cột\tcột", "Ủy ban &amp; “Sở”"])
    def test_tabs_newlines_and_marks_are_allowed(self, text: str, minimal_plan: Plan) -> None:
        """Tabs, newlines, ampersands and curly quotes are text a document can hold."""
        assert [] == codes(attrs.evolve(minimal_plan, closing=text))


class TestExtraChecks:
    def test_extra_checks_run_after_the_built_in_ones(self, minimal_plan: Plan) -> None:
        """Problems of extra checks follow the built-in ones, in the order given."""

        def province_rule(plan: Plan) -> Iterator[Problem]:
            yield Problem(path="$.title", code="local-title", message="too short", severity=WARNING)

        plan = attrs.evolve(minimal_plan, recipients=())
        assert ["recipients-archive", "local-title"] == [
            p.code for p in phongtrao.check(plan, extra=[province_rule])
        ]


class TestUnitRegistryChecks:
    """The issuer's unit against the unit registry, on the plan's date."""

    def test_ended_unit_message_names_the_end_and_the_source(self, minimal_plan: Plan) -> None:
        """The registry's end of the unit, and where the registry has it from, are said."""
        plan = with_unit(minimal_plan, name="Đã Qua", kind=UnitKind.XA)
        (message,) = [p.message for p in phongtrao.check(plan, plugins=with_old_units())]
        assert ("xã Đã Qua of tỉnh Hà Tĩnh (code 99901) existed until 2025-06-30, before the "
                "plan's date (2025-08-15), as the unit registry has it (the tests' own row); "
                "expected the unit that took it over, or a plan dated while it existed"
                ) == message

    @pytest.mark.parametrize("date", ["2025", "2025-06-30", "2021"])
    def test_ended_unit_while_it_existed_is_sound(self, date: str, minimal_plan: Plan) -> None:
        """Until its last day, or in a year that holds it, the unit is not blamed."""
        plan = dated(with_unit(minimal_plan, name="Đã Qua", kind=UnitKind.XA), date)
        assert [] == found(plan, with_old_units())

    def test_the_plans_own_end_is_reported_once(self, minimal_plan: Plan) -> None:
        """With its own valid_until, the plan's field is blamed, not the registry's end too."""
        plan = with_unit(minimal_plan, name="Đã Qua", kind=UnitKind.XA,
                         valid_until=REFORM_DATE)
        assert [("$.issuer.unit.valid_until", "unit-not-existing", ERROR)] == found(
            plan, with_old_units())

    def test_a_name_the_registry_does_not_know_is_not_blamed(self, minimal_plan: Plan) -> None:
        """phường Ví Dụ (not a real ward) with any code the registry does not give: no problem."""
        assert [] == found(with_unit(minimal_plan, code="99999"))

    def test_code_message_names_both_units(self, minimal_plan: Plan) -> None:
        """The code's unit on the date and the named unit's code are both said."""
        cua_nam, hoan_kiem = code_of("phường Cửa Nam, Hà Nội"), code_of("phường Hoàn Kiếm")
        (message,) = messages(with_unit(minimal_plan, name="Hoàn Kiếm", code=cua_nam))
        assert (f"the code {cua_nam} is that of phường Cửa Nam of thành phố Hà Nội (code "
                f"{cua_nam}) on the plan's date (2025-08-15), not of phường Hoàn Kiếm, which the "
                f"unit registry has as phường Hoàn Kiếm of thành phố Hà Nội (code {hoan_kiem}); "
                f"expected code: '{hoan_kiem}'") == message

    def test_special_zone_from_the_reform_is_sound(self, minimal_plan: Plan) -> None:
        """An đặc khu dated from 2025-07-01, or in 2025 by its year, is not blamed."""
        zone = with_unit(minimal_plan, kind=UnitKind.DAC_KHU)
        assert ([], []) == (codes(dated(zone, "2025-07-01")), codes(dated(zone, "2025")))
