"""Batch rendering: the same documents as one by one, failures isolated, stable names."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest

import phongtrao
from phongtrao import (
    BatchError,
    BatchFailure,
    Plugins,
    commune_plan,
    commune_plans,
    official_communes,
    official_provinces,
    output_names,
    render_bytes,
    render_many,
    starter_plan,
    testing,
)
from phongtrao._rendering import engine
from phongtrao.model import AdministrativeUnit, Level, PartialDate, Plan, UnitKind
from phongtrao.testing import document_text


def province_plan(name: str = "tỉnh Hà Tĩnh", code: str | None = "42") -> Plan:
    """A starter province plan of 2025, after the reform."""
    plan = starter_plan(Level.TINH, name, 2025)
    unit = attrs.evolve(plan.issuer.unit, code=code) if plan.issuer.unit else None
    return attrs.evolve(
        plan,
        issuer=attrs.evolve(plan.issuer, unit=unit),
        document=attrs.evolve(plan.document, date=PartialDate(year=2025, month=8)),
    )


@pytest.fixture(scope="module")
def ha_tinh_communes() -> list[Plan]:
    """The 69 commune plans of Hà Tĩnh."""
    return list(commune_plans(province_plan()))


class TestCommunePlans:
    def test_every_commune_of_the_country(self) -> None:
        """All 34 provinces give their communes' plans: 3,321 in all, each one sound."""
        total = 0
        for province in official_provinces():
            parent = province_plan(province.full_name, province.code)
            plans = list(commune_plans(parent))
            assert len(plans) == len(official_communes(province))
            total += len(plans)
        assert (34, 3321) == (len(official_provinces()), total)

    def test_ha_tinh_has_69(self, ha_tinh_communes: list[Plan]) -> None:
        """Hà Tĩnh has 69 commune-level units after the reform."""
        assert 69 == len(ha_tinh_communes)

    def test_commune_plan_only_lacks_what_the_commune_knows(
        self, ha_tinh_communes: list[Plan]
    ) -> None:
        """A commune plan's only problems are its «…» values; it renders as a draft."""
        plan = ha_tinh_communes[0]
        codes = {problem.code for problem in phongtrao.check(plan)}
        assert {"placeholder"} == codes
        assert render_bytes(plan, draft=True).startswith(b"PK")

    def test_commune_plan_cites_its_parent(self, ha_tinh_communes: list[Plan]) -> None:
        """The basis is the province plan; the issuer is the commune with its official code."""
        plan = ha_tinh_communes[0]
        unit = plan.issuer.unit
        assert unit is not None
        assert ("UBND tỉnh Hà Tĩnh", Level.XA, 5) == (plan.bases[0].issuer, unit.level,
                                                      len(unit.code or ""))
        assert plan.title.endswith(f"{unit.full_name} (giai đoạn 2000-2025)")

    def test_names_by_code_and_name(self) -> None:
        """A province is found by code, by name, or with its generic noun."""
        assert official_communes("42") == official_communes("Hà Tĩnh")
        assert official_communes("tỉnh Hà Tĩnh") == official_communes("42")
        with pytest.raises(KeyError, match="no province 'Atlantis'"):
            official_communes("Atlantis")

    def test_district_parent_with_its_communes(self, example_plan: Plan) -> None:
        """A 2021 district plan gives its communes' plans when told the communes."""
        commune = AdministrativeUnit(name="Cẩm Quan", level=Level.XA, kind=UnitKind.XA,
                                     code="18724")
        plan = commune_plan(example_plan, commune)
        assert "xã Cẩm Quan" in plan.title
        window = plan.schedule[0].window
        assert (window.first_day, window.last_day) == (
            example_plan.schedule[0].window.first_day, example_plan.schedule[0].window.last_day)
        assert {"placeholder"} == {p.code for p in phongtrao.check(plan)}

    def test_district_plan_of_2021_gives_its_23_communes(self, example_plan: Plan) -> None:
        """Without communes, the 2021 plan of huyện Cẩm Xuyên gives its 23 communes of 2021.

        They are the ha-tinh plugin's rows of the unit registry (the GSO list of
        2021-02-03), xã Cẩm Bình and xã Cẩm Vịnh among them.
        """
        plans = list(commune_plans(example_plan, plugins=Plugins(["ha-tinh"])))
        names = [plan.issuer.unit.full_name for plan in plans if plan.issuer.unit is not None]
        assert (23, True, True) == (len(plans), "xã Cẩm Bình" in names, "xã Cẩm Vịnh" in names)

    def test_province_plan_before_the_reform_is_refused(self) -> None:
        """A province plan of 2021 goes to districts, not communes: refused with the reason."""
        plan = attrs.evolve(province_plan(), document=attrs.evolve(
            province_plan().document, date=PartialDate(year=2021)))
        with pytest.raises(ValueError, match="a province's plan goes to its districts"):
            list(commune_plans(plan))

    def test_district_unknown_to_the_registry_is_refused(self, example_plan: Plan) -> None:
        """A district the registry does not know is refused, the registry saying so."""
        assert example_plan.issuer.unit is not None
        unit = attrs.evolve(example_plan.issuer.unit, name="Ví Dụ")
        plan = attrs.evolve(example_plan, issuer=attrs.evolve(example_plan.issuer, unit=unit))
        with pytest.raises(phongtrao.UnitLookupError, match="has no huyện Ví Dụ at level"):
            list(commune_plans(plan))


class TestRenderMany:
    def test_same_as_one_by_one(self, ha_tinh_communes: list[Plan], tmp_path: Path) -> None:
        """Each batch document is byte for byte the document rendered alone."""
        plans = ha_tinh_communes[:5]
        paths = render_many(plans, tmp_path, draft=True)
        assert [render_bytes(plan, draft=True) for plan in plans] == [
            path.read_bytes() for path in paths]

    def test_processes_give_the_same_files(
        self, ha_tinh_communes: list[Plan], tmp_path: Path
    ) -> None:
        """Two worker processes write the same files as one thread, in plan order."""
        plans = ha_tinh_communes[:6]
        alone = render_many(plans, tmp_path / "alone", draft=True)
        with ProcessPoolExecutor(2) as pool:
            parallel = render_many(plans, tmp_path / "parallel", draft=True, executor=pool)
        assert [p.name for p in alone] == [p.name for p in parallel]
        assert [p.read_bytes() for p in alone] == [p.read_bytes() for p in parallel]

    def test_bad_plan_leaves_the_others_written(
        self, ha_tinh_communes: list[Plan], tmp_path: Path
    ) -> None:
        """A plan with an error is reported with its path; the others are written."""
        plans = list(ha_tinh_communes[:3])
        plans[1] = attrs.evolve(plans[1], recipients=("Sở Văn hóa",))
        with pytest.raises(BatchError) as info:
            render_many(plans, tmp_path, draft=True)
        error = info.value
        assert 2 == len(error.written)
        assert all(path.exists() for path in error.written)
        assert [("#2", "$.recipients[0]")] == [
            (failure.source, failure.problems[0].path) for failure in error.failures]

    def test_bad_plan_file_is_reported_with_its_file(
        self, tmp_path: Path, example_path: Path
    ) -> None:
        """A broken plan file among good ones is reported by file name and path."""
        bad = tmp_path / "bad.yaml"
        bad.write_text(example_path.read_text(encoding="utf-8").replace(
            "level: huyen\n    kind: huyen", "level: huyen\n    kind: district"), encoding="utf-8")
        failures: list[BatchFailure] = []
        written = render_many([example_path, bad], tmp_path / "out", on_failure=failures.append)
        assert ["plan.docx"] == [path.name for path in written]
        assert [(str(bad), "$.issuer.unit.kind")] == [
            (failure.source, failure.problems[0].path) for failure in failures]

    def test_threads_and_progress(self, ha_tinh_communes: list[Plan], tmp_path: Path) -> None:
        """Any executor works; progress counts every document."""
        seen: list[tuple[int, int]] = []
        with ThreadPoolExecutor(2) as pool:
            paths = render_many(ha_tinh_communes[:4], tmp_path, draft=True, executor=pool,
                                progress=lambda done, total: seen.append((done, total)))
        assert (4, [(1, 4), (2, 4), (3, 4), (4, 4)]) == (len(paths), seen)

    def test_existing_files_are_failures_unless_overwrite(
        self, ha_tinh_communes: list[Plan], tmp_path: Path
    ) -> None:
        """A second batch into the same folder needs overwrite=True."""
        plans = ha_tinh_communes[:2]
        render_many(plans, tmp_path, draft=True)
        with pytest.raises(BatchError, match="exists"):
            render_many(plans, tmp_path, draft=True)
        assert 2 == len(render_many(plans, tmp_path, draft=True, overwrite=True))

    def test_each_template_is_prepared_once(self, ha_tinh_communes: list[Plan], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
        """A batch of 69 documents on one renderer prepares its template once."""
        calls: list[str] = []
        real = engine.prepare_bytes

        def counted(data: bytes, name: str, environment: Any) -> Any:
            calls.append(name)
            return real(data, name, environment)

        monkeypatch.setattr(engine, "prepare_bytes", counted)
        renderer = testing.make_renderer()
        written = render_many(ha_tinh_communes, tmp_path, draft=True, renderer=renderer)
        assert (69, ["ke-hoach"], 1) == (len(written), calls, renderer.preparations)

    def test_a_renderer_with_an_object_plugin_cannot_go_to_processes(
        self, ha_tinh_communes: list[Plan], tmp_path: Path
    ) -> None:
        """Worker processes load plugins by module: a plugin object is refused, by name."""
        renderer = testing.make_renderer(("thu", object()))
        with ProcessPoolExecutor(1) as pool, pytest.raises(ValueError, match="'thu'"):
            render_many(ha_tinh_communes[:2], tmp_path, draft=True, renderer=renderer,
                        executor=pool)

    def test_text_of_every_document(self, ha_tinh_communes: list[Plan], tmp_path: Path) -> None:
        """Each document names its own commune."""
        paths = render_many(ha_tinh_communes[:3], tmp_path, draft=True)
        for plan, path in zip(ha_tinh_communes[:3], paths, strict=True):
            unit = plan.issuer.unit
            assert unit is not None
            assert unit.full_name.upper() in document_text(path)


class TestOutputNames:
    def test_names_are_ascii_and_stable(self, ha_tinh_communes: list[Plan]) -> None:
        """Names hold a-z, 0-9 and '-' only, and do not change between runs."""
        names = output_names(ha_tinh_communes)
        assert names == output_names(ha_tinh_communes)
        assert all(set(name.removesuffix(".docx")) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
                   for name in names)
        assert len(set(names)) == len(names)

    def test_any_unit_name_is_safe(self, example_plan: Plan) -> None:
        """Slashes, dots and emoji in a unit's name cannot escape the folder."""
        unit = attrs.evolve(example_plan.issuer.unit, name="../../etc/passwd 😀 Đà")
        plan = attrs.evolve(example_plan, issuer=attrs.evolve(example_plan.issuer, unit=unit))
        assert ["kh-huyen-etc-passwd-da.docx"] == output_names([plan])

    def test_any_unit_code_is_safe(self, example_plan: Plan) -> None:
        """A unit code from a plan file is slugged like the name, never used raw."""
        unit = attrs.evolve(example_plan.issuer.unit, code="../../x/Ú 1")
        plan = attrs.evolve(example_plan, issuer=attrs.evolve(example_plan.issuer, unit=unit))
        assert ["kh-huyen-cam-xuyen-x-u-1.docx"] == output_names([plan])

    def test_repeated_units_are_numbered(self, example_plan: Plan) -> None:
        """The same unit twice gets -2 on the second file."""
        assert ["kh-huyen-cam-xuyen.docx", "kh-huyen-cam-xuyen-2.docx"] == output_names(
            [example_plan, example_plan])
