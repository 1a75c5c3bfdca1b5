"""The domain model: invariants, derived values and documentation of every field."""

from __future__ import annotations

import datetime
import inspect
import unicodedata

import attrs
import pytest
from hypothesis import given

from phongtrao import model
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Document,
    DocumentKind,
    DocumentNumber,
    Level,
    ModelError,
    Movement,
    PartialDate,
    Period,
    Precision,
    Signature,
    SignMode,
    UnitKind,
    Window,
)
from phongtrao.model._fields import meaning

from . import strategies

FORMS = "'2021-02-15' (a day), '2021-02' (a month), '2021-Q2' (a quarter) or '2021'"

# The classes a plan file or a program states; the computed results (Aggregate …) are
# phongtrao's answers, documented in their docstrings only.
MODEL_CLASSES = [
    getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name))
    and getattr(model, name) not in model.COMPUTED
]


def cam_xuyen(**changes: object) -> AdministrativeUnit:
    unit = AdministrativeUnit(name="Cẩm Xuyên", level=Level.HUYEN, kind=UnitKind.HUYEN)
    return attrs.evolve(unit, **changes)


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "precision", "first", "last"),
        [
            ("2021-02-15", Precision.DAY, "2021-02-15", "2021-02-15"),
            ("2021-02", Precision.MONTH, "2021-02-01", "2021-02-28"),
            ("2024-02", Precision.MONTH, "2024-02-01", "2024-02-29"),
            ("2021-Q2", Precision.QUARTER, "2021-04-01", "2021-06-30"),
            ("2021", Precision.YEAR, "2021-01-01", "2021-12-31"),
        ],
    )
    def test_parse_gives_precision_and_bounds(
        self, text: str, precision: Precision, first: str, last: str
    ) -> None:
        """Each written form parses to its precision and its first and last day."""
        date = PartialDate.parse(text)
        assert (precision, first, last, text) == (
            date.precision,
            date.first_day.isoformat(),
            date.last_day.isoformat(),
            str(date),
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2021-13", "'2021-13' is not a real date: month 13 is out of range; expected 1-12"),
            (
                "2021-02-30",
                "'2021-02-30' is not a real date: day 30 does not exist in 02/2021; expected 1-28",
            ),
            ("05/01/2021", f"'05/01/2021' is not a date; expected {FORMS}"),
            ("2021-Q5", f"'2021-Q5' is not a date; expected {FORMS}"),
        ],
    )
    def test_parse_rejects_bad_text(self, text: str, message: str) -> None:
        """Text that is no date, or no real date, says what is expected."""
        with pytest.raises(ModelError) as info:
            PartialDate.parse(text)
        assert ("PartialDate", "date", message) == (info.value.cls, info.value.field,
                                                    info.value.message)

    @given(date=strategies.partial_dates())
    def test_text_round_trips(self, date: PartialDate) -> None:
        """str() writes the form parse() reads."""
        assert date == PartialDate.parse(str(date))

    def test_month_and_quarter_exclude_each_other(self) -> None:
        """A date cannot be both a month and a quarter."""
        with pytest.raises(ModelError, match="give a month or a quarter, not both"):
            PartialDate(year=2021, quarter=1, month=2)


class TestWindow:
    def test_inverted_window_names_end(self) -> None:
        """An end before the start is refused at the end field."""
        with pytest.raises(ModelError) as info:
            Window(start=PartialDate.parse("2021-04"), end=PartialDate.parse("2021-02"))
        message = (
            "the window ends (2021-02) before it starts (2021-04); expected an end after 2021-04"
        )
        assert ("end", message) == (info.value.field, info.value.message)

    def test_equal_end_is_refused(self) -> None:
        """A window that ends where it starts should give only the start."""
        with pytest.raises(ModelError, match="give only a start"):
            Window(start=PartialDate.parse("2021-06"), end=PartialDate.parse("2021-06"))

    def test_single_moment_bounds(self) -> None:
        """Without an end, the window is its start's span."""
        window = Window(start=PartialDate.parse("2021-06"))
        expected = (datetime.date(2021, 6, 1), datetime.date(2021, 6, 30))
        assert expected == (window.first_day, window.last_day)


class TestPeriod:
    def test_years_counts_as_summaries_do(self) -> None:
        """2000-2020 is a 20-year period."""
        assert 20 == Period(start=2000, end=2020).years

    def test_end_must_follow_start(self) -> None:
        """A period must last at least a year."""
        with pytest.raises(ModelError, match=r"expected a year after 2020"):
            Period(start=2020, end=2020)


class TestDocumentNumber:
    @pytest.mark.parametrize(
        ("text", "number", "year", "symbol"),
        [
            ("03/KH-UBND", 3, None, "KH-UBND"),
            ("15/KH-UBND", 15, None, "KH-UBND"),
            ("235/1999/QĐ-TTg", 235, 1999, "QĐ-TTg"),
            ("/KH-UBND", None, None, "KH-UBND"),
            ("12/UBND-VX", 12, None, "UBND-VX"),
        ],
    )
    def test_parse_and_write(
        self, text: str, number: int | None, year: int | None, symbol: str
    ) -> None:
        """Numbers parse into their parts and write back the same way."""
        parsed = DocumentNumber.parse(text)
        assert (number, year, symbol, text) == (parsed.number, parsed.year, parsed.symbol,
                                                str(parsed))

    @pytest.mark.parametrize("text", ["03-KH-UBND", "03/KH UBND", "03/-KH", "abc/KH-UBND", ""])
    def test_parse_rejects_malformed(self, text: str) -> None:
        """Malformed numbers are refused with the forms expected."""
        with pytest.raises(ValueError, match=r"not a document|expected parts joined"):
            DocumentNumber.parse(text)

    def test_symbol_must_fit_kind(self) -> None:
        """A Báo cáo cannot carry a KH symbol."""
        with pytest.raises(ModelError, match=r"does not start with 'BC-'"):
            Document(
                kind=DocumentKind.BC,
                number=DocumentNumber.parse("03/KH-UBND"),
                date=PartialDate(year=2021),
            )

    def test_cong_van_has_no_type_symbol(self) -> None:
        """A công văn's symbol starts with the issuer, not a type."""
        document = Document(
            kind=DocumentKind.CV,
            number=DocumentNumber.parse("12/UBND-VX"),
            date=PartialDate(year=2021),
        )
        assert None is document.kind.symbol


class TestUnits:
    def test_kind_must_fit_level(self) -> None:
        """A xã cannot be at district level."""
        with pytest.raises(ModelError, match=r"cannot be at level 'huyen'; expected level xa"):
            cam_xuyen(kind=UnitKind.XA)

    def test_thanh_pho_is_province_or_district(self) -> None:
        """Thành phố is allowed at province and district level alike."""
        for level in (Level.TINH, Level.HUYEN):
            assert level is cam_xuyen(kind=UnitKind.THANH_PHO, level=level).level

    def test_full_name_has_generic_noun_in_lower_case(self) -> None:
        """The full name reads "huyện Cẩm Xuyên"."""
        assert "huyện Cẩm Xuyên" == cam_xuyen().full_name

    def test_district_ceases_after_reform(self) -> None:
        """A district exists on 2025-06-30 and not on 2025-07-01."""
        unit = cam_xuyen()
        expected = (True, False)
        actual = (unit.exists_on(datetime.date(2025, 6, 30)),
                  unit.exists_on(datetime.date(2025, 7, 1)))
        assert expected == actual

    def test_validity_window_is_ordered(self) -> None:
        """valid_until before valid_from is refused."""
        with pytest.raises(ModelError, match="before it starts"):
            cam_xuyen(valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2019, 1, 1))

    def test_agency_full_name_and_level(self) -> None:
        """An agency is named with its unit and sits at its unit's level."""
        agency = Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=cam_xuyen())
        assert ("Ủy ban nhân dân huyện Cẩm Xuyên", Level.HUYEN) == (agency.full_name, agency.level)

    def test_central_agency_has_central_level(self) -> None:
        """An agency without a unit is a central body."""
        agency = Agency(name="Bộ Văn hóa, Thể thao và Du lịch", abbreviation="BVHTTDL")
        assert Level.TRUNG_UONG is agency.level


class TestSignature:
    def test_seed_lines(self) -> None:
        """TM. body, KT. head, then the title, all upper case."""
        signature = Signature(
            on_behalf_of="Ủy ban nhân dân",
            mode=SignMode.KT,
            head="Chủ tịch",
            title="Phó Chủ tịch",
            signer="Phạm Văn Thắng",
        )
        assert ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") == signature.lines

    def test_acting_head_has_no_title_line(self) -> None:
        """Q. CHỦ TỊCH is the last line for an acting head."""
        signature = Signature(mode=SignMode.Q, head="Chủ tịch", signer="Nguyễn Văn A")
        assert ("Q. CHỦ TỊCH",) == signature.lines

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"mode": SignMode.Q, "head": "Chủ tịch", "title": "Phó Chủ tịch"}, "title"),
            ({"mode": SignMode.KT, "title": "Phó Chủ tịch"}, "head"),
            ({"head": "Chủ tịch", "title": "Phó Chủ tịch"}, "head"),
            ({}, "title"),
        ],
    )
    def test_inconsistent_blocks_are_refused(self, changes: dict[str, object], field: str) -> None:
        """Mode, head and title must agree; the error names the field to fix."""
        with pytest.raises(ModelError) as info:
            Signature(signer="Nguyễn Văn A", **changes)  # type: ignore[arg-type]
        assert field == info.value.field


class TestMovement:
    def test_ids_are_unique(self) -> None:
        """Two contents with one id are refused, naming the second."""
        item = model.CatalogItem(id="a", text="A")
        with pytest.raises(ModelError) as info:
            Movement(name="X", start_year=2000, contents=(item, item))
        assert "contents[1].id" == info.value.field

    def test_ids_are_stable_slugs(self) -> None:
        """Ids are lower-case ASCII slugs."""
        with pytest.raises(ModelError, match="not a stable id"):
            model.CatalogItem(id="Gia Dinh", text="Gia đình văn hóa")


class TestText:
    def test_text_is_stored_nfc(self) -> None:
        """Decomposed text given to the model is stored composed."""
        decomposed = unicodedata.normalize("NFD", "Cẩm Xuyên")
        assert "Cẩm Xuyên" == cam_xuyen(name=decomposed).name

    def test_non_text_is_refused(self) -> None:
        """A number given for text raises ModelError, never becomes '5'."""
        with pytest.raises(ModelError) as info:
            cam_xuyen(name=5)
        assert "AdministrativeUnit.name: expected text, got a whole number (5)" == str(info.value)

    @given(plan=strategies.plans)
    def test_plans_are_frozen_and_hashable(self, plan: model.Plan) -> None:
        """Every plan is immutable and hashable."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            plan.title = "x"  # type: ignore[misc]
        assert hash(plan) == hash(attrs.evolve(plan))


class TestDocumentation:
    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_every_field_has_meanings(self, cls: type) -> None:
        """Every field has a Vietnamese and an English meaning, listed in the docstring."""
        missing = [f.name for f in attrs.fields(cls) if not all(meaning(f))]
        doc = inspect.getdoc(cls) or ""
        unlisted = [f.name for f in attrs.fields(cls) if f"    {f.name}: " not in doc]
        assert ([], []) == (missing, unlisted)
