"""The Python API is as strict as the file loader: a wrong value never reaches check or render."""

from __future__ import annotations

import datetime
import types
import typing
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from phongtrao import check, model, render_bytes
from phongtrao.model import (
    AwardGrant,
    Document,
    FundingSource,
    ModelError,
    PartialDate,
    Period,
    Plan,
    Signature,
    SignMode,
    Window,
)

from . import strategies

#: A valid instance of every model class.
VALID: dict[type, st.SearchStrategy[Any]] = {
    model.PartialDate: strategies.partial_dates(),
    model.Window: strategies.windows(),
    model.Period: strategies.periods(),
    model.AdministrativeUnit: strategies.administrative_units(),
    model.UnitResults: st.builds(model.UnitResults, unit=strategies.administrative_units(),
                                 results=st.lists(strategies.results(), max_size=1).map(tuple)),
    model.Agency: strategies.agencies,
    model.DocumentNumber: strategies.document_numbers(),
    model.Document: strategies.documents(),
    model.LegalBasis: strategies.legal_bases(),
    model.CatalogItem: strategies.catalog_items,
    model.Movement: strategies.movements,
    model.Topic: strategies.topics,
    model.Assessment: strategies.assessments,
    model.Orientation: strategies.orientations,
    model.Authority: strategies.authorities(),
    model.AwardGrant: strategies.award_grants(),
    model.AwardCount: st.builds(model.AwardCount, recipient=strategies.ids,
                                count=st.integers(1, 9)),
    model.Awards: strategies.awards,
    model.Milestone: strategies.milestones(),
    model.Conference: strategies.conferences(),
    model.AgendaItem: st.builds(model.AgendaItem, item=strategies.texts),
    model.TimeOfDay: strategies.times_of_day(),
    model.Pending: strategies.pendings,
    model.Issued: strategies.issued,
    model.Invitation: strategies.invitations,
    model.Programme: strategies.programmes,
    model.Proposal: strategies.proposals,
    model.Decision: strategies.decisions,
    model.ReportOutline: strategies.report_outlines,
    model.SummaryReport: strategies.summary_reports,
    model.Letter: strategies.letters,
    model.Documents: strategies.document_sets,
    model.Enactment: strategies.enactments,
    model.Nominee: strategies.nominees,
    model.Indicator: strategies.indicators,
    model.Target: strategies.targets(),
    model.Result: strategies.results(),
    model.PlanSection: strategies.plan_sections,
    model.Annex: strategies.annexes,
    model.AnnexTable: strategies.annex_tables(),
    model.FundingSource: strategies.funding_sources,
    model.Responsibility: strategies.responsibilities,
    model.Signature: strategies.signatures(),
    model.Plan: strategies.plans,
}

#: The chair of a district's UBND, who gave Giấy khen in 2021.
CHAIR = model.Authority(title=model.AuthorityTitle.CHU_TICH_UBND, level=model.Level.HUYEN)

# The classes a plan file or a program states (the computed results — Aggregate,
# IndicatorTotal … — are made by phongtrao, not given to it).
MODEL_CLASSES = [value for name in model.__all__
                 if isinstance(value := getattr(model, name), type) and attrs.has(value)
                 and value not in model.COMPUTED]

_NOT_TEXT = (st.integers() | st.floats(allow_nan=False) | st.booleans() | st.binary()
             | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
_JUNK = st.text(min_size=1, max_size=8).map(lambda text: "x" + text)


def wrong(tp: Any, optional: bool = False) -> st.SearchStrategy[Any]:
    """Values of the wrong kind or form for a field of type ``tp`` (never a valid one)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner, *pending = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        assert pending in ([], [model.Pending]), tp
        # A «…» is a right value where a field may be pending: never draw one then.
        return wrong(inner, optional=True).filter(
            lambda value: not pending or not (isinstance(value, str) and "«" in value))
    none = st.nothing() if optional else st.none()
    if origin is tuple:
        (item,) = typing.get_args(tp)[:1]
        return (none | st.text(min_size=1, max_size=5) | st.integers()
                | st.dictionaries(st.text(max_size=2), st.integers(), min_size=1, max_size=1)
                | st.lists(wrong(item), min_size=1, max_size=2))
    if tp is str:
        return none | _NOT_TEXT | st.lists(st.text(max_size=3), max_size=2)
    if tp is int:
        return none | st.floats(allow_nan=False) | st.booleans() | st.text(max_size=4)
    if tp is bool:
        return none | st.integers() | st.text(max_size=4)
    if tp is datetime.date:
        return none | st.datetimes() | st.integers() | _JUNK | st.floats(allow_nan=False)
    if tp is model.Pending:
        return none | st.integers() | _JUNK.filter(lambda text: "«" not in text)
    if tp in (model.PartialDate, model.DocumentNumber):
        return none | st.floats(allow_nan=False) | st.booleans() | _JUNK.map(lambda t: t + "&")
    if isinstance(tp, type) and issubclass(tp, Enum):
        values = {member.value for member in tp}
        return none | st.integers() | st.floats(allow_nan=False) | _JUNK.filter(
            lambda text: text not in values)
    if isinstance(tp, type) and attrs.has(tp):
        return (none | st.integers() | st.text(max_size=4)
                | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
    raise AssertionError(f"no wrong values for {tp!r}")


@st.composite
def wrong_changes(draw: st.DrawFn, cls: type) -> tuple[Any, str, Any]:
    instance = draw(VALID[cls])
    fields = attrs.fields(cls)
    field = draw(st.sampled_from(fields))
    hints = typing.get_type_hints(cls)
    return instance, field.name, draw(wrong(hints[field.name]))


class TestWrongValuesAreRefused:
    def test_every_class_is_covered(self) -> None:
        """The property below runs for every model class."""
        assert set(MODEL_CLASSES) == set(VALID)

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    @given(data=st.data())
    def test_refused_at_construction_naming_the_field(self, cls: type, data: st.DataObject
                                                      ) -> None:
        """Any wrong-typed value is a ModelError naming the class and the field."""
        instance, name, value = data.draw(wrong_changes(cls))
        with pytest.raises(ModelError) as info:
            attrs.evolve(instance, **{name: value})
        error = info.value
        assert (cls.__name__, True) == (error.cls, error.field.split("[")[0] == name), error


class TestTheReportedCases:
    """The wrong inputs the house issue listed, each refused or converted at construction."""

    def test_text_for_a_list_of_texts(self, example_plan: Plan) -> None:
        """Plan(purposes="Tổng kết") is refused, not rendered one bullet a letter."""
        with pytest.raises(ModelError, match=r"^Plan\.purposes: expected a list, got text"):
            attrs.evolve(example_plan, purposes="Tổng kết")

    def test_a_list_becomes_a_tuple(self, example_plan: Plan) -> None:
        """A list where a tuple is expected is converted, as the file format allows."""
        plan = attrs.evolve(example_plan, purposes=["Một", "Hai"])
        assert ("Một", "Hai") == plan.purposes

    def test_a_date_is_a_day_precise_partial_date(self, example_plan: Plan) -> None:
        """Document(date=datetime.date(...)) becomes the day's PartialDate."""
        document = attrs.evolve(example_plan.document, date=datetime.date(2025, 8, 5))
        assert PartialDate(year=2025, month=8, day=5) == document.date

    def test_text_forms_convert_as_in_files(self) -> None:
        """Window(start="2025-09") and Signature(mode="KT") read as a file would."""
        window = Window(start="2025-09")  # type: ignore[arg-type]
        signature = Signature(on_behalf_of="Ủy ban nhân dân", mode="KT",  # type: ignore[arg-type]
                              head="Chủ tịch", title="Phó Chủ tịch", signer="A")
        assert (PartialDate(year=2025, month=9), SignMode.KT) == (window.start, signature.mode)

    @pytest.mark.parametrize(("build", "message"), [
        (lambda plan: attrs.evolve(plan, issuer={"name": "Ủy ban nhân dân"}),
         "Plan.issuer: expected an Agency, got a mapping; build it with Agency(...)"),
        (lambda plan: attrs.evolve(plan, signature=None),
         "Plan.signature: expected a Signature, got nothing (null)"),
        (lambda plan: AwardGrant(form="giay_khen", authority=CHAIR,
                                 recipients=("ca_nhan", "tap_the", "Tập thể")),
         "AwardGrant.recipients[2]: 'Tập thể' is not a stable id; expected lower-case ASCII"),
        (lambda plan: FundingSource(source="ngân sách", amount=30_000_000.5),
         "FundingSource.amount: expected a whole number, got a decimal number (30000000.5)"),
        (lambda plan: Period(start="2000", end=2020),
         "Period.start: expected a whole number, got text ('2000')"),
        (lambda plan: Document(number="03/KH-UBND", date="2021-13"),
         "Document.date: '2021-13' is not a real date: month 13 is out of range"),
    ], ids=["issuer-mapping", "signature-none", "recipient", "float-amount", "text-year",
            "bad-date"])
    def test_refused_with_class_field_and_value(self, example_plan: Plan, build: Any,
                                                message: str) -> None:
        """Each is a ModelError saying the class, the field, what was given and expected."""
        with pytest.raises(ModelError) as info:
            build(example_plan)
        assert str(info.value).startswith(message), str(info.value)

    def test_recipient_kinds_convert_from_their_values(self, example_plan: Plan) -> None:
        """AwardGrant(recipients=("ca_nhan",)) holds the catalogue id, so checks can read it."""
        assert example_plan.awards is not None
        grant = AwardGrant(form="giay_khen", authority=CHAIR, recipients=("ca_nhan",))
        plan = attrs.evolve(example_plan, awards=attrs.evolve(
            example_plan.awards, grants=(grant,)))
        assert (("ca_nhan",), []) == (grant.recipients, check(plan))
        assert render_bytes(plan).startswith(b"PK")


class TestReplace:
    def test_a_deep_field(self, example_plan: Plan) -> None:
        """plan.replace("document.date", "2025-08-05") converts and rebuilds on the way."""
        plan = example_plan.replace("document.date", "2021-02-15")
        assert (PartialDate(year=2021, month=2, day=15), example_plan.title) == (
            plan.document.date, plan.title)

    def test_an_item_of_a_list(self, example_plan: Plan) -> None:
        """A position in brackets changes one item."""
        plan = example_plan.replace("schedule[1].window.start", "2021-07")
        assert (PartialDate(year=2021, month=7), example_plan.schedule[0]) == (
            plan.schedule[1].window.start, plan.schedule[0])

    @pytest.mark.parametrize(("path", "value", "message"), [
        ("document.dat", "2021-01-01",
         "Plan.document.dat: Document has no field 'dat' (did you mean 'date'?)"),
        ("schedule[7].title", "x", "Plan.schedule[7]: the list has 2 items"),
        ("schedule[1].window.start", "2021-13",
         "Plan.schedule[1].window.start: '2021-13' is not a real date"),
        ("schedule[1].window.end", "2020-01",
         "Plan.schedule[1].window.end: the window ends (2020-01) before it starts"),
        ("title.x", "y", "Plan.title.x: text ("),
        ("", "y", ": the field path is empty"),
    ])
    def test_refused_where_it_is_wrong(self, example_plan: Plan, path: str, value: Any,
                                       message: str) -> None:
        """A wrong path or value is a ModelError naming the whole path from the plan."""
        with pytest.raises(ModelError) as info:
            example_plan.replace(path, value)
        assert str(info.value).startswith(message), str(info.value)
