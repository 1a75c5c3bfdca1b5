"""The unit registry: what vietnam-provinces gives, what plugins add, and dated lookups.

The registry is the real one: built from the installed vietnam-provinces (on
Python 3.11, a release of 2025.x: the units from 2025-07-01 only) and from
plugins registered here. The tests marked ``before_reform`` need the units of
before 2025-07-01 from vietnam-provinces itself (2026.1 or later, on Python
3.12 or later); they run wherever such a release is installed.
"""

from __future__ import annotations

import datetime
import importlib.util

import pytest

import phongtrao
from phongtrao import LookupOutcome, Plugins, UnitLookupError, UnitRecord, UnitRegistry
from phongtrao._units import FIRST_DAY, read_package
from phongtrao.hookspecs import Catalog, hookimpl
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, PartialDate, UnitKind

HAS_LEGACY = importlib.util.find_spec("vietnam_provinces.legacy") is not None
before_reform = pytest.mark.skipif(
    not HAS_LEGACY, reason="needs vietnam-provinces 2026.1 or later (Python 3.12 or later)")

Y2021, Y2025, Y2026 = PartialDate(year=2021), PartialDate(year=2025), PartialDate(year=2026)
#: A month wholly after the reform (a plan of "2025" may be of either side of it).
AUGUST_2025 = PartialDate(year=2025, month=8)


@pytest.fixture(scope="module")
def units() -> UnitRegistry:
    """The registry of the built-in plugins alone: vietnam-provinces."""
    return Plugins(False).units


def commune(name: str, code: str, **window: datetime.date) -> AdministrativeUnit:
    return AdministrativeUnit(name=name, level=Level.XA, kind=UnitKind.XA, code=code, **window)


def district(name: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit(name=name, level=Level.HUYEN, kind=UnitKind.HUYEN, code=code,
                              valid_until=REFORM_DATE)


class _Rows:
    """A plugin giving the registry rows, as a province's plugin would."""

    def __init__(self, *rows: UnitRecord, units: tuple[AdministrativeUnit, ...] = ()) -> None:
        self.rows = rows
        self.units = units

    @hookimpl
    def phongtrao_catalog(self) -> Catalog:
        """The rows, and plain units."""
        return Catalog(unit_records=self.rows, units=self.units)


def with_rows(*rows: UnitRecord, units: tuple[AdministrativeUnit, ...] = ()) -> Plugins:
    plugins = Plugins(False)
    assert plugins.register(_Rows(*rows, units=units), "rows")
    return plugins


class TestPackage:
    def test_the_installed_release_gives_the_units_of_2025(self) -> None:
        """The units from 2025-07-01: 34 provinces and 3,321 communes, each commune dated."""
        package = read_package()
        provinces = [r for r in package.records if r.unit.level is Level.TINH and r.holds(
            FIRST_DAY, FIRST_DAY)]
        communes = [r for r in package.records if r.unit.level is Level.XA
                    and r.unit.valid_from == FIRST_DAY]
        assert (34, 3321) == (len(provinces), len(communes))

    def test_the_source_names_the_release_and_its_data_date(self) -> None:
        """The first source is vietnam-provinces with its version and the date of its data."""
        import vietnam_provinces

        source = read_package().sources[0]
        assert (f"vietnam-provinces {vietnam_provinces.__version__}",
                datetime.date.fromisoformat(vietnam_provinces.__data_version__)) == (
            source.name, source.data_date)

    @pytest.mark.skipif(HAS_LEGACY, reason="a release with the units before the reform")
    def test_without_the_old_units_it_says_so(self) -> None:
        """A release without the units of before the reform: a note says what would give them."""
        package = read_package()
        notes = " ".join(package.notes)
        assert (False, True) == (package.before_reform,
                                 "releases from 2026.1, on Python 3.12 or later" in notes)

    def test_provinces_of_the_2025_list_hold_from_the_reform(self, units: UnitRegistry) -> None:
        """The 2025 row of a province holds from 2025-07-01, without saying the province began then.

        Before the reform the province is what the list of before it says (or, without
        one, what plugins say): its code may have been another's then.
        """
        hanoi = [row for row in units.records if row.unit.code == "01"
                 and row.unit.level is Level.TINH and row.holds(FIRST_DAY, FIRST_DAY)]
        assert [(FIRST_DAY, None)] == [(row.known_from, row.unit.valid_from) for row in hanoi]


class TestLookup:
    def test_found_by_name_noun_and_code(self, units: UnitRegistry) -> None:
        """A name with or without its noun, or the code: one unit, with its official name."""
        found = {units.lookup(text, level=Level.XA, on=AUGUST_2025).unit
                 for text in ("Hoàn Kiếm", "phường Hoàn Kiếm", "PHƯỜNG HOÀN  KIẾM", "00070", "70")}
        assert {AdministrativeUnit(name="Hoàn Kiếm", level=Level.XA, kind=UnitKind.PHUONG,
                                   code="00070", valid_from=FIRST_DAY)} == found

    def test_a_name_of_two_provinces_is_shared(self, units: UnitRegistry) -> None:
        """"phường Hoàng Mai" is in Hà Nội and Nghệ An: both listed, with province and code."""
        found = units.lookup("phường Hoàng Mai", level=Level.XA, on=AUGUST_2025)
        places = [units.province(row) for row in found.candidates]
        assert (LookupOutcome.SHARED, ["thành phố Hà Nội", "tỉnh Nghệ An"]) == (
            found.outcome, [place.unit.full_name for place in places if place is not None])
        first, second = found.candidates
        assert ("'phường Hoàng Mai' names 2 units in 2025-08: phường Hoàng Mai of thành phố Hà "
                f"Nội (code {first.unit.code}); phường Hoàng Mai of tỉnh Nghệ An (code "
                f"{second.unit.code}); say which by its province ('phường Hoàng Mai, thành phố "
                f"Hà Nội') or its code ('{first.unit.code}')") == found.message

    @pytest.mark.parametrize(("text", "province"), [
        ("phường Hoàng Mai, Nghệ An", None),
        ("phường Hoàng Mai, tỉnh Nghệ An", None),
        ("Hoàng Mai (Nghệ An)", None),
        ("Hoàng Mai", "Nghệ An"),
        ("Hoàng Mai", "40"),
        ("17110", None),
    ])
    def test_the_province_or_the_code_says_which(
        self, units: UnitRegistry, text: str, province: str | None
    ) -> None:
        """With its province (after a comma, in parentheses, or given apart) or its code: found."""
        found = units.lookup(text, level=Level.XA, on=AUGUST_2025, province=province)
        assert "17110" == found.resolve().unit.code

    def test_a_typo_is_unknown_with_the_closest_names(self, units: UnitRegistry) -> None:
        """"Hoàn Kím" is no unit's name: did you mean phường Hoàn Kiếm?"""
        found = units.lookup("phường Hoàn Kím", level=Level.XA, on=AUGUST_2025)
        assert (LookupOutcome.UNKNOWN, "00070") == (found.outcome, found.candidates[0].unit.code)
        assert found.message.startswith(
            "the unit registry has no phường Hoàn Kím at level 'xa' in 2025-08; did you mean "
            "phường Hoàn Kiếm of thành phố Hà Nội (code 00070)")

    @pytest.mark.parametrize("text", ["Hoang Mai", "Thuận Hoá", "Vĩ Dạ"])
    def test_marks_tones_and_i_y_aside_a_name_is_suggested(
        self, units: UnitRegistry, text: str
    ) -> None:
        """A name without its marks, with the tone mark elsewhere, or i for y: suggested first."""
        found = units.lookup(text, level=Level.XA, on=AUGUST_2025)
        expected = {"Hoang Mai": "Hoàng Mai", "Thuận Hoá": "Thuận Hóa", "Vĩ Dạ": "Vỹ Dạ"}[text]
        assert (LookupOutcome.UNKNOWN, expected) == (found.outcome,
                                                     found.candidates[0].unit.name)

    def test_an_unknown_name_says_what_is_expected(self, units: UnitRegistry) -> None:
        """A name close to none says what a right one looks like."""
        found = units.lookup("Xyzzyq", level=Level.XA, on=FIRST_DAY)
        assert (LookupOutcome.UNKNOWN, ()) == (found.outcome, found.candidates)
        assert ("the unit registry has no Xyzzyq at level 'xa' on 2025-07-01; expected the "
                "official name of a commune-level unit, with or without its generic noun "
                "('phường Hoàng Mai', 'Hoàng Mai')") == found.message

    def test_a_unit_of_2025_in_2021_is_not_on_the_date(self) -> None:
        """A commune that exists from 2025-07-01 is not there in 2021."""
        row = UnitRecord(unit=commune("Mới Lập", "99902", valid_from=FIRST_DAY),
                         province="42", source="a test row")
        found = with_rows(row).units.lookup("xã Mới Lập", on=Y2021)
        assert LookupOutcome.NOT_ON_DATE == found.outcome
        assert found.message.startswith(
            "'xã Mới Lập' names no unit in 2021: xã Mới Lập of tỉnh Hà Tĩnh (code 99902) "
            "exists from 2025-07-01; ")

    def test_a_year_across_the_reform_may_hold_two_units_of_one_code(self) -> None:
        """In 2025 a code may be an old unit's and a new one's: shared, asking for a date."""
        old = UnitRecord(unit=commune("Cũ", "99903", valid_until=REFORM_DATE), province="42",
                         source="t")
        new = UnitRecord(unit=commune("Mới", "99903", valid_from=FIRST_DAY), province="42",
                         source="t")
        found = with_rows(old, new).units.lookup("99903", level=Level.XA, on=Y2025)
        assert (LookupOutcome.SHARED, True) == (
            found.outcome, found.message.endswith("say which by a date when only one of them "
                                                  "existed"))

    def test_a_unit_that_ceased_is_not_on_the_date(self) -> None:
        """A commune that ended on 2025-06-30 is not there in 2026; in 2025 it still is."""
        row = UnitRecord(unit=commune("Đã Qua", "99901", valid_until=REFORM_DATE),
                         province="42", source="a test row")
        units = with_rows(row).units
        after, during = (units.lookup("xã Đã Qua", on=year) for year in (Y2026, Y2025))
        assert (LookupOutcome.NOT_ON_DATE, LookupOutcome.FOUND) == (after.outcome,
                                                                    during.outcome)
        assert ("'xã Đã Qua' names no unit in 2026: xã Đã Qua of tỉnh Hà Tĩnh (code 99901) "
                "existed until 2025-06-30; expected a unit that exists in 2026, or a date when "
                "it existed") == after.message

    def test_resolve_raises_with_the_outcome(self, units: UnitRegistry) -> None:
        """resolve() gives the row, or raises UnitLookupError (a ValueError) with the message."""
        found = units.lookup("phường Hoàng Mai", level=Level.XA, on=AUGUST_2025)
        with pytest.raises(UnitLookupError) as raised:
            found.resolve()
        error = raised.value
        assert (True, "shared", found.candidates, found.message) == (
            isinstance(error, ValueError), error.outcome, error.candidates, str(error))

    def test_an_empty_name(self, units: UnitRegistry) -> None:
        """An empty name is unknown, saying what a name looks like."""
        assert "the unit's name is empty" in units.lookup("  ").message

    def test_a_generic_noun_narrows_the_kind(self, units: UnitRegistry) -> None:
        """"tỉnh Hà Nội": Hà Nội is a thành phố; the right one is suggested."""
        found = units.lookup("tỉnh Hà Nội", on=Y2025)
        assert (LookupOutcome.UNKNOWN, "thành phố Hà Nội") == (
            found.outcome, found.candidates[0].unit.full_name)


class TestPluginRows:
    def test_rows_extend_the_registry(self) -> None:
        """A plugin's rows of 2021 are found in 2021, with their district."""
        rows = (UnitRecord(unit=district("Ví Dụ", "901"), province="42", source="test"),
                UnitRecord(unit=commune("Một", "99911", valid_until=REFORM_DATE),
                           province="42", district="901", source="test"))
        units = with_rows(*rows).units
        found = units.lookup("xã Một", on=Y2021).resolve()
        assert ("xã Một of huyện Ví Dụ, tỉnh Hà Tĩnh (code 99911)",
                ["99911"]) == (units.describe(found), [
                    row.unit.code for row in units.communes(rows[0], Y2021)])

    def test_the_row_nearest_the_date_says_where_a_unit_lay(self) -> None:
        """Two lists place one commune under two districts: each date takes the nearer list."""
        moved = commune("Đi", "99921", valid_until=REFORM_DATE)
        first = UnitRecord(unit=moved, province="42", district="901", source="list of 2021",
                           as_of=datetime.date(2021, 2, 3))
        later = UnitRecord(unit=moved, province="42", district="902", source="list of 2025",
                           as_of=datetime.date(2025, 1, 4))
        units = with_rows(UnitRecord(unit=district("Cũ", "901"), province="42", source="t"),
                          UnitRecord(unit=district("Mới", "902"), province="42", source="t"),
                          first, later).units
        assert ["901", "902"] == [
            units.lookup("xã Đi", on=PartialDate(year=year)).resolve().district
            for year in (2021, 2024)]

    def test_plain_units_are_added_unless_listed(self) -> None:
        """A catalog's unit the registry lacks is added; a copy of a listed one is not."""
        copy = AdministrativeUnit(name="Hoàn Kiếm", level=Level.XA, kind=UnitKind.PHUONG,
                                  code="00070")  # no validity: it must not widen the real one
        own = commune("Riêng", "99931")
        units = with_rows(units=(copy, own)).units
        assert ([own], LookupOutcome.NOT_ON_DATE) == (
            [row.unit for row in units.records if row.source.startswith("plugin rows")],
            units.lookup("phường Hoàn Kiếm", on=Y2021).outcome)

    def test_the_registry_follows_the_plugins(self) -> None:
        """Built when first used, and again when a plugin is registered."""
        plugins = Plugins(False)
        before = plugins.units
        assert before is plugins.units
        plugins.register(_Rows(UnitRecord(unit=commune("Sau", "99941"), source="t")), "later")
        assert (LookupOutcome.UNKNOWN, LookupOutcome.FOUND) == (
            before.lookup("xã Sau").outcome, plugins.units.lookup("xã Sau").outcome)

    @pytest.mark.parametrize(("changes", "said"), [
        ({"source": " "}, "source must say where the row comes from"),
        ({"province": "Hà Tĩnh"}, "province must be a unit's code"),
        ({"known_from": datetime.date(2021, 1, 1), "known_until": datetime.date(2020, 1, 1)},
         "known_until (2020-01-01) is before known_from (2021-01-01)"),
    ])
    def test_a_bad_row_says_what_is_wrong(self, changes: dict[str, object], said: str) -> None:
        """A row with no source, a name for a code, or its window inverted is refused."""
        values: dict[str, object] = {"unit": commune("Một", "99911"), "source": "t", **changes}
        with pytest.raises(ValueError, match=said.replace("(", r"\(").replace(")", r"\)")):
            UnitRecord(**values)


class TestOfficialLists:
    def test_official_lists_still_given(self) -> None:
        """official_provinces and official_communes give the 2025 list, as before."""
        assert (34, 69, True) == (
            len(phongtrao.official_provinces()), len(phongtrao.official_communes("42")),
            all(unit.valid_from == FIRST_DAY for unit in phongtrao.official_communes("46")))


@before_reform
class TestBeforeTheReform:
    """With vietnam-provinces 2026.1 or later: the units of before 2025-07-01 and successors."""

    def test_the_old_units_are_there(self, units: UnitRegistry) -> None:
        """63 provinces, the districts and the communes of before the reform, as of 2025-01-04."""
        old = [row for row in units.records if row.last == REFORM_DATE]
        assert (63, True, True) == (
            sum(row.unit.level is Level.TINH for row in old),
            sum(row.unit.level is Level.HUYEN for row in old) > 600,
            sum(row.unit.level is Level.XA for row in old) > 10_000)

    def test_a_merged_province_ceased_with_its_successor(self, units: UnitRegistry) -> None:
        """tỉnh Quảng Bình ended on 2025-06-30; its area went to tỉnh Quảng Trị."""
        found = units.lookup("tỉnh Quảng Bình", level=Level.TINH, on=Y2026)
        assert LookupOutcome.NOT_ON_DATE == found.outcome
        assert "its area went to tỉnh Quảng Trị" in found.message

    def test_a_continuing_province_is_one_unit(self, units: UnitRegistry) -> None:
        """tỉnh Hà Tĩnh, code 42, before and after the reform: found in 2021 and in 2026."""
        assert ["42", "42"] == [units.lookup("Hà Tĩnh", level=Level.TINH,
                                             on=year).resolve().unit.code
                                for year in (Y2021, Y2026)]

    def test_a_district_has_its_communes(self, units: UnitRegistry) -> None:
        """huyện Cẩm Xuyên has 21 communes in the list of 2025-01-04."""
        record = units.lookup("huyện Cẩm Xuyên", on=PartialDate(year=2025, month=3)).resolve()
        assert 21 == len(units.communes(record, PartialDate(year=2025, month=3)))
