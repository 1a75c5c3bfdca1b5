"""Plugins: every hook, the order of calls, failure isolation, selection, and the hook docs.

Fake plugins are objects whose ``phongtrao_*`` attributes are functions marked
``@hookimpl``, registered in-process with ``Plugins(False).register(plugin,
name)``. Entry points are real: ``installed`` writes distributions (a module
and its ``.dist-info``) into a folder on ``sys.path``, and ``TestBrokenPlugin``
installs one with pip and runs the command in a subprocess.
"""

from __future__ import annotations

import ast
import inspect
import logging
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

import phongtrao
from phongtrao import (
    PluginFailure,
    PluginInfo,
    Plugins,
    Renderer,
    RenderError,
    hookspecs,
    render_bytes,
    template_context,
)
from phongtrao._national import TDDKXDDSVH, starter_plan
from phongtrao._outline import Node, NodeKind, Section
from phongtrao._plugins import ENV
from phongtrao._templates import BUILTIN
from phongtrao.hookspecs import (
    Catalog,
    DocumentPart,
    Issue,
    LintDocument,
    LintRule,
    Problem,
    Severity,
    TemplateSpec,
    hookimpl,
)
from phongtrao.model import CatalogItem, Level, Movement, PartialDate, Plan
from phongtrao.testing import document_lines

from .conftest import EXAMPLE, ROOT
from .plugins import Site, command, pip_install, template_with

HOOKS_DOC = ROOT / "docs" / "_generated" / "hooks.md"
TM_MISSING = Path(__file__).parent / "data" / "bad" / "check" / "tm-missing.yaml"


# -- helpers -------------------------------------------------------------------


def plugin(**hooks: Callable[..., Any]) -> SimpleNamespace:
    """A plugin object implementing ``phongtrao_<key>`` with each function given."""
    return SimpleNamespace(**{f"phongtrao_{name}": hookimpl(function)
                              for name, function in hooks.items()})


def registered(*plugins: tuple[str, object]) -> Plugins:
    """The national defaults plus these (name, plugin) pairs, registered in this order."""
    manager = Plugins(False)
    for name, each in plugins:
        assert manager.register(each, name), manager.failures
    return manager


def templates_plugin(name: str, file: Path, priority: int = 0) -> SimpleNamespace:
    """A plugin providing one template."""
    return plugin(templates=lambda: [TemplateSpec(name=name, file=file, priority=priority)])


def boom() -> None:
    """A hook implementation that fails (it takes no argument, as any hook allows)."""
    raise RuntimeError("boom")


def section_lines(plan: Plan, plugins: Plugins) -> list[tuple[str, str]]:
    """The numbers and titles of the body's sections."""
    body = template_context(plan, renderer=Renderer(plugins))["body"]
    return [(block.number, block.text) for block in body if block.kind.value == "section"]


@pytest.fixture
def plugin_log() -> Iterator[list[str]]:
    """The messages logged on the ``phongtrao._plugins`` logger during the test.

    A handler of its own: the command line stops that logger propagating to
    the root logger (and so to caplog) once ``main()`` has run in-process.
    """
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(f"{record.levelname}: {record.getMessage()}")

    logger = logging.getLogger("phongtrao._plugins")
    handler = Collect()
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


GOOD_SOURCE = """\
from phongtrao.hookspecs import Catalog, hookimpl


@hookimpl
def phongtrao_catalog():
    return Catalog(recipients=({name!r},))
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A site folder on ``sys.path`` holding the plugins ``alpha`` and ``beta``."""
    folder = tmp_path / "site"
    folder.mkdir()
    site = Site(folder)
    for name in ("alpha", "beta"):
        site.add(name, GOOD_SOURCE.format(name=name))
    monkeypatch.syspath_prepend(str(folder))
    before = set(sys.modules)
    yield site
    for module in set(sys.modules) - before:
        if module.startswith("fake_"):
            del sys.modules[module]


OURS = frozenset({"national", "alpha", "beta", "broken", "gamma"})


def ours(manager: Plugins) -> tuple[str, ...]:
    """The names of the registered plugins this test installed (and the built-in one).

    Plugins installed in the environment by others (plugins/) are left aside.
    """
    return tuple(name for name in manager.names() if name in OURS)


def our_failures(manager: Plugins) -> list[PluginFailure]:
    """The failures of the plugins this test installed (not those of plugins/)."""
    return [failure for failure in manager.failures if failure.plugin in OURS]


# -- the hooks, one class each ------------------------------------------------------


class TestHookTemplates:
    def test_higher_priority_wins_over_the_built_in(self, tmp_path: Path) -> None:
        """A plugin template named ke-hoach (priority 0 > -1000) replaces the built-in one."""
        path = template_with(tmp_path, "Mẫu tỉnh")
        manager = registered(("tinh", templates_plugin("ke-hoach", path)))
        assert ("tinh", path) == (manager.templates()["ke-hoach"][0],
                                  manager.templates()["ke-hoach"][1].file)

    def test_lower_priority_loses_to_the_built_in(self, tmp_path: Path) -> None:
        """A plugin template of lower priority than the built-in one is not chosen."""
        path = template_with(tmp_path, "Mẫu tỉnh")
        manager = registered(("tinh", templates_plugin("ke-hoach", path, priority=-2000)))
        assert "national" == manager.templates()["ke-hoach"][0]

    def test_equal_priority_goes_to_the_plugin_called_first(self, tmp_path: Path) -> None:
        """Between equal priorities, the plugin registered later (called first) wins."""
        first, second = template_with(tmp_path, "1", "a.docx"), template_with(tmp_path, "2",
                                                                              "b.docx")
        manager = registered(("a", templates_plugin("mau", first)),
                             ("b", templates_plugin("mau", second)))
        assert "b" == manager.templates()["mau"][0]

    def test_render_bytes_uses_the_plugin_template(self, example_plan: Plan,
                                                   tmp_path: Path) -> None:
        """render_bytes(plan, "name", plugins=...) renders the plugin's template."""
        path = template_with(tmp_path, "Mẫu Quảng Trị: {{ header.number_line }}")
        manager = registered(("quang-tri", templates_plugin("quang-tri", path)))
        lines = document_lines(render_bytes(example_plan, "quang-tri", renderer=Renderer(manager)))
        assert "Mẫu Quảng Trị: Số:      /KH-UBND" in lines

    def test_lookup_order_path_then_plugin_then_built_in(self, example_plan: Plan,
                                                         tmp_path: Path) -> None:
        """An explicit path beats a plugin's ke-hoach, which beats the built-in one."""
        plugin_file = template_with(tmp_path, "từ plugin", "plugin.docx")
        explicit = template_with(tmp_path, "từ đường dẫn", "explicit.docx")
        manager = registered(("tinh", templates_plugin("ke-hoach", plugin_file)))
        by_path = document_lines(render_bytes(example_plan, explicit, renderer=Renderer(manager)))
        by_name = document_lines(render_bytes(example_plan, "ke-hoach", renderer=Renderer(manager)))
        built_in = document_lines(render_bytes(example_plan, "ke-hoach", renderer=Renderer(
            Plugins(False))))
        expected = [(True, False), (False, True), (False, False)]
        assert expected == [("từ đường dẫn" in lines, "từ plugin" in lines)
                            for lines in (by_path, by_name, built_in)]

    def test_sandbox_refuses_internals_in_a_plugin_template(self, example_plan: Plan,
                                                            tmp_path: Path) -> None:
        """A plugin's template is data too: {{ ''.__class__.__mro__ }} is a RenderError."""
        path = template_with(tmp_path, "{{ ''.__class__.__mro__ }}")
        manager = registered(("quang-tri", templates_plugin("quang-tri", path)))
        with pytest.raises(RenderError, match=r"'quang-tri'.*sandbox forbids"):
            render_bytes(example_plan, "quang-tri", renderer=Renderer(manager))

    def test_one_spec_instead_of_a_list_is_a_failure(self, tmp_path: Path) -> None:
        """Returning a bare TemplateSpec (not a list) leaves the plugin out, naming the hook."""
        spec = TemplateSpec(name="mau", file=template_with(tmp_path, "x"))
        manager = registered(("tinh", plugin(templates=lambda: spec)))
        assert (sorted(BUILTIN), [PluginFailure(
            "tinh", "phongtrao_templates",
            "returned one TemplateSpec, expected an iterable of them (a list)")],
        ) == (sorted(manager.templates()), list(manager.failures))

    @pytest.mark.parametrize("name", ["mau.docx", "mau/tinh", ""])
    def test_a_name_like_a_path_is_a_failure(self, name: str, tmp_path: Path) -> None:
        """A template name that looks like a path could hide a file: the plugin is left out."""
        manager = registered(("tinh", templates_plugin(name, template_with(tmp_path, "x"))))
        assert (sorted(BUILTIN), [("tinh", "phongtrao_templates")]) == (
            sorted(manager.templates()), [(f.plugin, f.hook) for f in manager.failures])


class TestHookChooseTemplate:
    def test_first_result_wins(self, example_plan: Plan, tmp_path: Path) -> None:
        """Of two plugins choosing, the one registered later (called first) decides."""
        path = template_with(tmp_path, "x")
        manager = registered(
            ("a", plugin(choose_template=lambda plan: "mau-a",
                         templates=lambda: [TemplateSpec(name="mau-a", file=path)])),
            ("b", plugin(choose_template=lambda: "mau-b",
                         templates=lambda: [TemplateSpec(name="mau-b", file=path)])))
        assert "mau-b" == manager.choose_template(example_plan)

    @pytest.mark.parametrize("choice", ["khong-co", "/etc/passwd", "../ke-hoach.docx"])
    def test_a_name_no_one_registers_is_a_failure(self, example_plan: Plan, choice: str) -> None:
        """A choice of an unknown name (or a path) leaves the plugin out; the next one chooses."""
        manager = registered(("a", plugin(choose_template=lambda plan: choice)))
        assert ("ke-hoach", [PluginFailure(
            "a", "phongtrao_choose_template", f"chose the template {choice!r}, which no plugin "
            f"registers; expected one of {', '.join(sorted(BUILTIN))}")],
        ) == (manager.choose_template(example_plan), list(manager.failures))

    def test_none_falls_through_to_ke_hoach(self, example_plan: Plan) -> None:
        """A plugin answering None lets the national plugin choose ke-hoach."""
        manager = registered(("a", plugin(choose_template=lambda plan: None)))
        assert "ke-hoach" == manager.choose_template(example_plan)

    def test_render_without_template_uses_the_choice(self, example_plan: Plan,
                                                     tmp_path: Path) -> None:
        """render_bytes without a template renders the template the plugin chose."""
        path = template_with(tmp_path, "Mẫu đã chọn")
        chooser = plugin(templates=lambda: [TemplateSpec(name="chon", file=path)],
                         choose_template=lambda plan: "chon")
        renderer = Renderer(registered(("a", chooser)))
        lines = document_lines(render_bytes(example_plan, renderer=renderer))
        assert "Mẫu đã chọn" in lines

    def test_a_name_that_is_not_text_is_a_failure(self, example_plan: Plan) -> None:
        """A choice that is not a str leaves the plugin out; the next one chooses."""
        manager = registered(("a", plugin(choose_template=lambda plan: 3)))
        assert ("ke-hoach", [PluginFailure(
            "a", "phongtrao_choose_template", "returned int, expected a template name (str)")],
        ) == (manager.choose_template(example_plan), list(manager.failures))


HO_CHI_MINH = Movement(
    name="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    abbreviation="HTLT",
    start_year=2016,
    contents=(
        CatalogItem(id="hoc-tap", text="Học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
        CatalogItem(id="lam-theo", text="Làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ),
)


class TestHookCatalog:
    def test_merged_in_call_order(self) -> None:
        """Catalogs merge field by field: the plugin called first, then the next, national last."""
        manager = registered(
            ("a", plugin(catalog=lambda: Catalog(recipients=("Sở A",)))),
            ("b", plugin(catalog=lambda: Catalog(recipients=("Sở B",), movements=(HO_CHI_MINH,)))),
        )
        catalog = manager.catalog()
        assert (("Sở B", "Sở A"), (HO_CHI_MINH, TDDKXDDSVH)) == (catalog.recipients,
                                                                  catalog.movements)

    @pytest.mark.parametrize("name", [HO_CHI_MINH.name, "HTLT", "htlt", HO_CHI_MINH.name.upper()])
    def test_movement_by_name_or_abbreviation(self, name: str) -> None:
        """Plugins.movement finds a plugin's movement by name or abbreviation, any case."""
        manager = registered(("a", plugin(catalog=lambda: Catalog(movements=(HO_CHI_MINH,)))))
        assert HO_CHI_MINH == manager.movement(name)

    def test_default_movement_is_the_national_one(self) -> None:
        """Without a name, the movement is TDĐKXDĐSVH."""
        assert TDDKXDDSVH == Plugins(False).movement()

    def test_a_plugin_wording_of_a_movement_comes_first(self) -> None:
        """A plugin's own wording of TDĐKXDĐSVH is found before the national one."""
        local = attrs.evolve(TDDKXDDSVH, contents=TDDKXDDSVH.contents[:2])
        manager = registered(("tinh", plugin(catalog=lambda: Catalog(movements=(local,)))))
        assert local == manager.movement("TDĐKXDĐSVH")

    def test_unknown_movement_names_the_known_ones(self) -> None:
        """An unknown movement is a KeyError listing the known ones."""
        with pytest.raises(KeyError, match=r"no movement 'Khác'.*TDĐKXDĐSVH"):
            Plugins(False).movement("Khác")

    def test_something_else_than_a_catalog_is_a_failure(self) -> None:
        """A catalog hook returning a dict leaves the plugin out; the rest merges."""
        manager = registered(("a", plugin(catalog=lambda: {"recipients": ["x"]})))
        assert ((), [PluginFailure("a", "phongtrao_catalog", "returned dict, expected Catalog")],
                ) == (manager.catalog().recipients, list(manager.failures))


def titled(title: str) -> Callable[..., Plan]:
    """A new_plan implementation: the national starter plan with this title."""

    def new_plan(level: Level, unit: str | None, year: int, movement: Movement) -> Plan:
        return attrs.evolve(starter_plan(level, unit, year, movement), title=title)

    return new_plan


class TestHookNewPlan:
    def test_first_result_wins(self) -> None:
        """The plugin called first that returns a plan decides; national is not asked."""
        manager = registered(("a", plugin(new_plan=titled("Kế hoạch A"))),
                             ("b", plugin(new_plan=titled("Kế hoạch B"))))
        assert "Kế hoạch B" == manager.new_plan(Level.XA, "Cam Lộ", 2026, TDDKXDDSVH).title

    def test_none_falls_through_to_the_national_plan(self) -> None:
        """A plugin that does not know the unit returns None: the national starter plan.

        It is issued by the unit the registry found: xã Cam Lộ with its official code.
        """
        manager = registered(("a", plugin(new_plan=lambda unit: None)))
        official = manager.units.lookup("Cam Lộ", level=Level.XA, on=PartialDate(year=2026))
        expected = starter_plan(Level.XA, official.unit, 2026, TDDKXDDSVH)
        assert (expected, "19597") == (
            manager.new_plan(Level.XA, "Cam Lộ", 2026, TDDKXDDSVH), official.resolve().unit.code)

    def test_the_movement_is_passed_on(self) -> None:
        """The movement given reaches the plan."""
        assert HO_CHI_MINH == Plugins(False).new_plan(Level.TINH, None, 2026,
                                                      HO_CHI_MINH).movement

    def test_value_error_reaches_the_caller(self) -> None:
        """A ValueError is the hook's way to refuse: it reaches the caller, the plugin stays."""

        def refuse(level: Level) -> None:
            raise ValueError("huyện không còn sau 2025")

        manager = registered(("a", plugin(new_plan=refuse)))
        with pytest.raises(ValueError, match="huyện không còn sau 2025"):
            manager.new_plan(Level.HUYEN, None, 2026, TDDKXDDSVH)
        assert ((), ("national", "a")) == (manager.failures, manager.names())

    def test_something_else_than_a_plan_is_a_failure(self) -> None:
        """A new_plan returning a dict is left out and the national plugin answers."""
        manager = registered(("a", plugin(new_plan=lambda: {"title": "x"})))
        plan = manager.new_plan(Level.XA, None, 2026, TDDKXDDSVH)
        assert (starter_plan(Level.XA, None, 2026), [PluginFailure(
            "a", "phongtrao_new_plan", "returned dict, expected Plan")]) == (
            plan, list(manager.failures))


NOTES = Section(key="notes", title="GHI CHÚ",
                children=(Node(kind=NodeKind.PARAGRAPH, text="Ghi chú của tỉnh."),))


class TestHookAdjustOutline:
    def test_chained_and_numbering_closes_up(self, example_plan: Plan) -> None:
        """One plugin adds a section, the next removes KINH PHÍ from what it got: I-VII, no gap."""
        seen: list[tuple[str, ...]] = []

        def add_notes(sections: tuple[Section, ...]) -> tuple[Section, ...]:
            return (*sections, NOTES)

        def drop_funding(plan: Plan, sections: tuple[Section, ...]) -> tuple[Section, ...]:
            seen.append(tuple(section.key for section in sections))
            return tuple(section for section in sections if section.key != "funding")

        manager = registered(("drop", plugin(adjust_outline=drop_funding)),
                             ("add", plugin(adjust_outline=add_notes)))
        national = dict(section_lines(example_plan, Plugins(False)))
        expected = [("I.", national["I."]), ("II.", "NỘI DUNG"), ("III.", national["III."]),
                    ("IV.", "THI ĐUA KHEN THƯỞNG"), ("V.", "THỜI GIAN TỔNG KẾT"),
                    ("VI.", "TỔ CHỨC THỰC HIỆN"), ("VII.", "GHI CHÚ")]
        assert expected == section_lines(example_plan, manager)
        assert "notes" == seen[0][-1]  # "drop" got the sections "add" returned

    def test_none_keeps_the_outline(self, example_plan: Plan) -> None:
        """A plugin returning None leaves the sections as they were."""
        manager = registered(("a", plugin(adjust_outline=lambda plan, sections: None)))
        assert section_lines(example_plan, Plugins(False)) == section_lines(example_plan,
                                                                            manager)

    def test_something_else_than_sections_is_a_failure(self, example_plan: Plan) -> None:
        """A plugin returning strings is left out; the outline is kept."""
        manager = registered(("a", plugin(adjust_outline=lambda sections: ["I. X"])))
        expected = (section_lines(example_plan, Plugins(False)),
                    [("a", "phongtrao_adjust_outline")])
        assert expected == (section_lines(example_plan, manager),
                            [(f.plugin, f.hook) for f in manager.failures])


class TestHookTemplateContext:
    def test_adds_names(self, example_plan: Plan, tmp_path: Path) -> None:
        """A plugin's names join the context and templates can print them."""

        def context(plan: Plan, context: Any) -> dict[str, Any]:
            return {"so_nam": plan.period.years, "tieu_de": context["title"].upper()}

        manager = registered(("a", plugin(template_context=context)))
        values = template_context(example_plan, renderer=Renderer(manager))
        path = template_with(tmp_path, "Sau {{ so_nam }} năm")
        lines = document_lines(render_bytes(example_plan, path, renderer=Renderer(manager)))
        assert (20, example_plan.title.upper(), True) == (
            values["so_nam"], values["tieu_de"], "Sau 20 năm" in lines)

    def test_replacing_a_documented_name_is_a_failure(self, example_plan: Plan) -> None:
        """A plugin replacing "title" is left out, with its other names; the title stays."""
        manager = registered(("a", plugin(
            template_context=lambda: {"title": "Khác", "them": 1})))
        values = template_context(example_plan, renderer=Renderer(manager))
        assert (example_plan.title, False, [PluginFailure(
            "a", "phongtrao_template_context", "would replace the context names title")]) == (
            values["title"], "them" in values, list(manager.failures))

    def test_two_plugins_may_not_give_the_same_name(self, example_plan: Plan) -> None:
        """The second plugin adding a name already added is the one left out."""
        manager = registered(("a", plugin(template_context=lambda: {"ten": "a"})),
                             ("b", plugin(template_context=lambda: {"ten": "b"})))
        assert ("b", ["a"]) == (template_context(example_plan, renderer=Renderer(manager))["ten"],
                                [failure.plugin for failure in manager.failures])


class TestHookJinjaFilters:
    def test_a_filter_usable_from_a_template(self, example_plan: Plan, tmp_path: Path) -> None:
        """A plugin's filter works in a template rendered with that plugin."""
        manager = registered(("a", plugin(jinja_filters=lambda: {"chu_hoa": str.upper})))
        path = template_with(tmp_path, "Hoa: {{ title | chu_hoa }}")
        lines = document_lines(render_bytes(example_plan, path, renderer=Renderer(manager)))
        assert f"Hoa: {example_plan.title.upper()}" in lines

    def test_without_the_plugin_the_filter_is_unknown(self, example_plan: Plan,
                                                      tmp_path: Path) -> None:
        """The same template without the plugin fails with a RenderError."""
        path = template_with(tmp_path, "Hoa: {{ title | chu_hoa }}")
        with pytest.raises(RenderError, match="chu_hoa"):
            render_bytes(example_plan, path, renderer=Renderer(Plugins(False)))

    def test_replacing_a_jinja_filter_is_a_failure(self) -> None:
        """A plugin redefining Jinja's "upper" (or "safe") is left out."""
        manager = registered(("a", plugin(jinja_filters=lambda: {"upper": str.lower,
                                                                   "them": str.strip})))
        assert ({}, [PluginFailure("a", "phongtrao_jinja_filters",
                                   "would replace the filters upper")]) == (
            manager.filters(), list(manager.failures))

    def test_a_filter_that_is_not_callable_is_a_failure(self) -> None:
        """Filters must be callables."""
        manager = registered(("a", plugin(jinja_filters=lambda: {"ten": "không gọi được"})))
        assert ({}, ["the filters ten are not callable"]) == (
            manager.filters(), [failure.message for failure in manager.failures])


SHORT_TITLE = Problem(path="$.title", code="quang-tri-title", message="the title is short",
                      severity=Severity.WARNING)


class TestHookCheck:
    def test_plugin_problems_come_after_the_built_in_ones(self) -> None:
        """phongtrao.check lists the built-in problems, then the plugins'."""
        plan = phongtrao.load_plan(TM_MISSING)
        manager = registered(("quang-tri", plugin(check=lambda plan: [SHORT_TITLE])))
        problems = phongtrao.check(plan, plugins=manager)
        assert (["signature-prefix", "quang-tri-title"], SHORT_TITLE) == (
            [problem.code for problem in problems], problems[-1])

    def test_a_generator_check(self, example_plan: Plan) -> None:
        """A check may yield its problems."""

        def check(plan: Plan) -> Iterator[Problem]:
            if plan.period.years > 10:
                yield SHORT_TITLE

        manager = registered(("quang-tri", plugin(check=check)))
        assert [SHORT_TITLE] == phongtrao.check(example_plan, plugins=manager)

    def test_a_generator_raising_midway_is_a_failure(self, example_plan: Plan) -> None:
        """A generator check that raises after a problem is left out, its problems dropped."""

        def check(plan: Plan) -> Iterator[Problem]:
            yield SHORT_TITLE
            raise KeyError("title")

        manager = registered(("quang-tri", plugin(check=check)))
        assert ([], [PluginFailure("quang-tri", "phongtrao_check", "KeyError: 'title'")]) == (
            phongtrao.check(example_plan, plugins=manager), list(manager.failures))

    def test_yielding_something_else_is_a_failure(self, example_plan: Plan) -> None:
        """A check yielding text instead of Problem objects is left out."""
        manager = registered(("quang-tri", plugin(check=lambda: ["$.title: ngắn"])))
        assert ([], ["yielded str, expected Problem"]) == (
            phongtrao.check(example_plan, plugins=manager),
            [failure.message for failure in manager.failures])


def seal_rule(code: str = "quang-tri-seal", check: Any = None) -> LintRule:
    """A province's house rule: the signer's name is followed by no other line."""

    def no_note_after_the_name(document: LintDocument) -> Iterator[Issue]:
        name = document.first(DocumentPart.SIGNER)
        if name is not None and name.text.strip().endswith(")"):
            yield Issue(message="Không ghi chú sau họ tên người ký.",
                        message_en="no note after the signer's name", where=name.location())

    return LintRule(code=code, severity=Severity.WARNING, part=DocumentPart.SIGNER,
                    summary="Không ghi chú sau họ tên người ký.",
                    summary_en="No note after the signer's name.",
                    basis="practice: Quy chế công tác văn thư tỉnh Quảng Trị (illustrative)",
                    example="Nguyễn Văn A", check=check or no_note_after_the_name)


@pytest.fixture(scope="module")
def signed_with_a_note() -> bytes:
    """A conforming document whose signer's name ends with a note in brackets."""
    from .lint.documents import Docx, build_docx

    doc = Docx(build_docx())
    Docx.replace(doc.one("^Nguyễn Văn A$"), "$", " (đã ký)")
    return doc.save()


class TestHookLintRules:
    def test_a_plugin_rule_runs_after_the_built_in_ones(self, signed_with_a_note: bytes) -> None:
        """A plugin's rule is checked too; its findings carry its code, severity and basis."""
        manager = registered(("quang-tri", plugin(lint_rules=lambda: [seal_rule()])))
        findings = phongtrao.lint(signed_with_a_note, plugins=manager)
        assert [("quang-tri-seal", Severity.WARNING, "no note after the signer's name",
                 "practice: Quy chế công tác văn thư tỉnh Quảng Trị (illustrative)")] == [
            (f.code, f.severity, f.message_en, f.basis) for f in findings]
        assert [*phongtrao.LINT_RULES, "quang-tri-seal"] == [
            rule.code for rule in manager.lint_rules()]

    def test_without_the_plugin_the_rule_is_not_checked(self, signed_with_a_note: bytes) -> None:
        """The same document with only the built-in rules has no finding."""
        assert [] == phongtrao.lint(signed_with_a_note, plugins=registered())

    def test_a_code_already_taken_is_a_failure(self) -> None:
        """A plugin giving a built-in rule's code (or another plugin's) is left out."""
        manager = registered(("a", plugin(lint_rules=lambda: [seal_rule("margin-left")])),
                             ("b", plugin(lint_rules=lambda: [seal_rule(), seal_rule()])))
        rules = manager.lint_rules()
        assert (list(phongtrao.LINT_RULES), ["a", "b"]) == (
            [rule.code for rule in rules], sorted(f.plugin for f in manager.failures))
        assert all("which is taken" in failure.message for failure in manager.failures)

    @pytest.mark.parametrize(("result", "message"), [
        (lambda: seal_rule(), "returned one LintRule, expected an iterable of them (a list)"),
        (lambda: [seal_rule("Quang Tri seal")], "the rule code 'Quang Tri seal' is not a code"),
        (lambda: ["quang-tri-seal"], "returned str, expected LintRule"),
    ], ids=["one rule", "bad code", "not a rule"])
    def test_something_else_than_rules_is_a_failure(self, result: Callable[[], Any],
                                                    message: str) -> None:
        """A hook result that is not an iterable of LintRule with codes is left out."""
        manager = registered(("quang-tri", plugin(lint_rules=result)))
        rules = manager.lint_rules()
        assert (len(phongtrao.LINT_RULES), True) == (
            len(rules), manager.failures[0].message.startswith(message))

    def test_a_rule_that_raises_is_not_evaluated(self, signed_with_a_note: bytes) -> None:
        """A rule whose check raises is reported 'not evaluated'; the other rules still run."""

        def broken_check(document: LintDocument) -> Iterator[Issue]:
            raise KeyError("title")

        manager = registered(("quang-tri", plugin(
            lint_rules=lambda: [seal_rule(check=broken_check)])))
        findings = phongtrao.lint(signed_with_a_note, plugins=manager)
        assert [("quang-tri-seal", False, "not evaluated: the rule failed with KeyError: 'title'")
                ] == [(f.code, f.evaluated, f.message_en) for f in findings]


# -- failures --------------------------------------------------------------------


def _good(hook: str, tmp_path: Path) -> tuple[Callable[..., Any], Callable[[Plugins, Plan], Any],
                                                Any]:
    """For each hook: a working implementation, a call of it, and what the call gives."""
    path = template_with(tmp_path, "x")
    plan = starter_plan(Level.XA, "Cam Lộ", 2026)
    cases: dict[str, tuple[Callable[..., Any], Callable[[Plugins, Plan], Any], Any]] = {
        "templates": (lambda: [TemplateSpec(name="tot", file=path)],
                      lambda m, p: sorted(m.templates()), sorted([*BUILTIN, "tot"])),
        "choose_template": (lambda: "ke-hoach", lambda m, p: m.choose_template(p), "ke-hoach"),
        "catalog": (lambda: Catalog(recipients=("Tốt",)),
                    lambda m, p: m.catalog().recipients, ("Tốt",)),
        "new_plan": (lambda: plan, lambda m, p: m.new_plan(Level.XA, None, 2026, TDDKXDDSVH),
                     plan),
        "adjust_outline": (lambda sections: sections[:1],
                           lambda m, p: [s.key for s in m.adjust_outline(p, (NOTES, NOTES))],
                           ["notes"]),
        "template_context": (lambda: {"tot": 1}, lambda m, p: m.extra_context(p, {}),
                             {"tot": 1}),
        "jinja_filters": (lambda: {"tot": str.upper}, lambda m, p: sorted(m.filters()),
                          ["tot"]),
        "check": (lambda: [SHORT_TITLE], lambda m, p: m.plugin_problems(p), [SHORT_TITLE]),
        "lint_rules": (lambda: [seal_rule()],
                       lambda m, p: [rule.code for rule in m.lint_rules()][-1],
                       "quang-tri-seal"),
    }
    return cases[hook]


HOOK_NAMES = [name.removeprefix("phongtrao_") for name in vars(hookspecs)
              if name.startswith("phongtrao_")]


class TestFailureIsolation:
    @pytest.mark.parametrize("hook", HOOK_NAMES)
    def test_a_plugin_raising_is_left_out_and_others_work(self, hook: str,
                                                          tmp_path: Path) -> None:
        """A plugin raising in any hook is a PluginFailure naming it and the hook; others work."""
        implementation, call, expected = _good(hook, tmp_path)
        manager = registered(("tot", plugin(**{hook: implementation})),
                             ("hong", plugin(**{hook: boom})))  # called first
        result = call(manager, starter_plan(Level.XA, "Cam Lộ", 2026))
        assert (expected, [PluginFailure("hong", f"phongtrao_{hook}", "RuntimeError: boom")],
                ("national", "tot")) == (result, list(manager.failures), manager.names())

    def test_a_failed_plugin_is_not_called_again(self, example_plan: Plan) -> None:
        """After failing in one hook, the plugin's other hooks are not called."""
        manager = registered(("hong", plugin(check=boom,
                                             catalog=lambda: Catalog(recipients=("Hỏng",)))))
        phongtrao.check(example_plan, plugins=manager)
        assert ((), 1) == (manager.catalog().recipients, len(manager.failures))

    def test_failures_are_logged_as_warnings(self, example_plan: Plan,
                                             plugin_log: list[str]) -> None:
        """Each failure is one warning on the phongtrao._plugins logger."""
        manager = registered(("hong", plugin(check=boom)))
        phongtrao.check(example_plan, plugins=manager)
        expected = [("WARNING: plugin 'hong' failed in phongtrao_check: RuntimeError: boom; "
                     "it is left out")]
        assert expected == plugin_log

    def test_a_message_on_several_lines_is_one_line(self) -> None:
        """A failure's message is one line, so the command prints one warning line."""

        def fail() -> None:
            raise RuntimeError("dòng một\n  dòng hai\n")

        manager = registered(("hong", plugin(catalog=fail)))
        manager.catalog()
        assert ["RuntimeError: dòng một; dòng hai"] == [f.message for f in manager.failures]

    def test_hook_wrappers_are_refused(self) -> None:
        """A hook wrapper is not supported: the plugin is left out when the hook is called."""

        def wrapper() -> Iterator[None]:
            yield None

        wrapping = SimpleNamespace(phongtrao_catalog=hookimpl(wrapper=True)(wrapper))
        manager = registered(("a", wrapping))
        assert ((TDDKXDDSVH,), ["hook wrappers are not supported"]) == (
            manager.catalog().movements, [f.message for f in manager.failures])


class TestRegister:
    def test_a_misspelt_hook_is_refused_with_a_suggestion(self) -> None:
        """phongtrao_templats is refused at register, suggesting phongtrao_templates."""
        manager = Plugins(False)
        registered_ok = manager.register(plugin(templats=lambda: ()), "typo")
        assert (False, ("national",), [PluginFailure(
            "typo", "register",
            "'phongtrao_templats' is not a phongtrao hook (did you mean 'phongtrao_templates'?)",
        )]) == (registered_ok, manager.names(), list(manager.failures))

    def test_a_wrong_argument_name_is_refused(self) -> None:
        """An implementation taking an argument the hook does not pass is refused."""

        def check(plna: Plan) -> list[Problem]:
            return []

        manager = Plugins(False)
        assert (False, [("phongtrao_check takes the argument 'plna', which the hook does not "
                         "pass (did you mean 'plan'?); its arguments are: plan")]) == (
            manager.register(plugin(check=check), "a"),
            [failure.message for failure in manager.failures])

    def test_an_unmarked_hook_function_is_refused(self) -> None:
        """A function named like a hook but without @hookimpl would never run: refused."""
        unmarked = SimpleNamespace(phongtrao_catalog=lambda: Catalog())
        manager = Plugins(False)
        assert (False, "register") == (manager.register(unmarked, "a"),
                                       manager.failures[0].hook)
        assert "not marked @hookimpl" in manager.failures[0].message

    def test_fewer_arguments_are_accepted(self) -> None:
        """An implementation may take only the arguments it uses, in any order."""

        def new_plan(year: int, level: Level) -> None:
            return None

        manager = Plugins(False)
        assert (True, ()) == (manager.register(plugin(new_plan=new_plan), "a"),
                              manager.failures)

    def test_a_name_already_taken_keeps_the_first(self) -> None:
        """A plugin registered as "national" is refused and the built-in one stays."""
        manager = Plugins(False)
        refused = manager.register(plugin(catalog=lambda: Catalog()), "national")
        assert (False, ("national",), "national") == (
            refused, manager.names(), manager.templates()["ke-hoach"][0])
        assert [("national", "register", "a plugin named 'national' is already registered")
                ] == [(f.plugin, f.hook, f.message) for f in manager.failures]

    def test_the_same_plugin_twice_keeps_the_first(self) -> None:
        """Registering one plugin object under a second name is refused; the first stays."""
        once = plugin(catalog=lambda: Catalog(recipients=("Một",)))
        manager = registered(("a", once))
        assert (False, ("national", "a"), ("Một",)) == (
            manager.register(once, "b"), manager.names(), manager.catalog().recipients)


class TestSelection:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (None, ("national", "alpha", "beta")),
            ("all", ("national", "alpha", "beta")),
            ("ALL", ("national", "alpha", "beta")),
            ("none", ("national",)),
            ("0", ("national",)),
            ("", ("national",)),
            ("beta", ("national", "beta")),
            (" alpha , beta ", ("national", "alpha", "beta")),
            ("national", ("national",)),
        ],
    )
    def test_phongtrao_plugins_chooses(self, value: str | None, expected: tuple[str, ...],
                                       installed: Site, monkeypatch: pytest.MonkeyPatch) -> None:
        """PHONGTRAO_PLUGINS: unset/all loads every plugin, none/0/empty none, a list those."""
        if value is None:
            monkeypatch.delenv(ENV)
        else:
            monkeypatch.setenv(ENV, value)
        manager = Plugins()
        assert (expected, []) == (ours(manager), our_failures(manager))

    def test_a_name_not_installed_is_a_failure(self, installed: Site,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
        """A name in PHONGTRAO_PLUGINS that no plugin has is an import failure."""
        monkeypatch.setenv(ENV, "alpha,gamma")
        manager = Plugins()
        assert (("national", "alpha"), [PluginFailure(
            "gamma", "import", "no plugin of that name is installed (PHONGTRAO_PLUGINS)")]) == (
            ours(manager), our_failures(manager))

    def test_the_argument_wins_over_the_variable(self, installed: Site) -> None:
        """Plugins(["alpha"]) loads alpha although PHONGTRAO_PLUGINS=none (set for every test)."""
        assert ("national", "alpha") == Plugins(["alpha"]).names()

    def test_a_plugin_failing_to_import_is_left_out(self, installed: Site) -> None:
        """An entry point whose module raises is an import failure; the others load."""
        installed.add("broken", "raise RuntimeError('không có mạng')\n")
        manager = Plugins(["alpha", "broken"])
        assert (("national", "alpha"), [PluginFailure(
            "broken", "import", "RuntimeError: không có mạng")]) == (
            manager.names(), list(manager.failures))

    @pytest.mark.parametrize("selection", [False, True, ["alpha"], ["gamma"]])
    def test_national_is_always_registered(self, selection: bool | list[str],
                                           installed: Site) -> None:
        """Whatever is chosen, the built-in national plugin is registered, first."""
        manager = Plugins(selection)
        assert ("national", "ke-hoach") == (manager.names()[0],
                                            manager.choose_template(starter_plan(Level.XA)))

    def test_an_entry_point_named_national_cannot_replace_it(self, installed: Site) -> None:
        """An installed plugin named "national" is refused; the built-in one stays."""
        installed.add("national", GOOD_SOURCE.format(name="giả"))
        manager = Plugins(True)
        national = [info for info in manager.info() if info.name == "national"]
        assert ([phongtrao.__version__], [("national", "register")], ()) == (
            [info.version for info in national],
            [(f.plugin, f.hook) for f in manager.failures if f.plugin == "national"],
            tuple(r for r in manager.catalog().recipients if r == "giả"))

    def test_entry_points_are_registered_by_name(self, installed: Site) -> None:
        """Installed plugins register in name order, so the last name is called first."""
        manager = Plugins(["alpha", "beta"])
        assert (("national", "alpha", "beta"), ("beta", "alpha")) == (
            manager.names(), manager.catalog().recipients)


class TestInfo:
    def test_versions_hooks_templates(self, installed: Site) -> None:
        """Plugins.info lists each plugin's version, hooks and templates, the built-in first."""
        installed.add("gamma", """\
            from pathlib import Path
            from phongtrao.hookspecs import TemplateSpec, hookimpl


            @hookimpl
            def phongtrao_templates():
                return [TemplateSpec(name="gamma-2026", file=Path(__file__))]  # a file that exists


            @hookimpl
            def phongtrao_check(plan):
                return []
            """, version="2.3.4")
        expected = [
            PluginInfo("national", phongtrao.__version__,
                       ("phongtrao_catalog", "phongtrao_choose_template", "phongtrao_lint_rules",
                        "phongtrao_new_plan", "phongtrao_templates"), tuple(BUILTIN)),
            PluginInfo("gamma", "2.3.4", ("phongtrao_check", "phongtrao_templates"),
                       ("gamma-2026",)),
        ]
        assert expected == Plugins(["gamma"]).info()

    def test_a_plugin_registered_in_process(self) -> None:
        """A plugin registered by hand has the version given, or "unknown"."""
        manager = Plugins(False)
        manager.register(plugin(catalog=lambda: None), "a")
        manager.register(plugin(check=lambda: None), "b", "0.9")
        assert [("a", "unknown", ("phongtrao_catalog",)), ("b", "0.9", ("phongtrao_check",))] == [
            (info.name, info.version, info.hooks) for info in manager.info()[1:]]


# -- a broken plugin installed for real ------------------------------------------------


BROKEN_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "phongtrao-broken"
version = "0.0.1"

[project.entry-points.phongtrao]
broken = "phongtrao_broken"

[tool.hatch.build.targets.wheel]
packages = ["phongtrao_broken"]
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an installed plugin whose module raises on import."""
    root = tmp_path_factory.mktemp("broken")
    project = root / "phongtrao-broken"
    (project / "phongtrao_broken").mkdir(parents=True)
    (project / "pyproject.toml").write_text(BROKEN_PYPROJECT, encoding="utf-8")
    (project / "phongtrao_broken" / "__init__.py").write_text(
        "raise ImportError('phongtrao_broken needs a module that is not installed')\n",
        encoding="utf-8")
    pip_install(project, root / "site")
    return root / "site"


class TestBrokenPlugin:
    def test_plugins_warns_once_and_lists_national(self, broken_site: Path,
                                                   tmp_path: Path) -> None:
        """`phongtrao plugins` prints one warning naming the plugin and import, exits 1."""
        result = command("plugins", site=broken_site, cwd=tmp_path)
        warnings = [line for line in result.stderr.splitlines() if "broken" in line]
        expected = [("phongtrao: warning: plugin 'broken' failed in import: ImportError: "
                     "phongtrao_broken needs a module that is not installed; it is left out")]
        first = result.stdout.splitlines()[:1]
        assert (1, expected, [f"national {phongtrao.__version__}"]) == (
            result.returncode, warnings, first)

    def test_render_still_works(self, broken_site: Path, tmp_path: Path) -> None:
        """`phongtrao render` renders the example with the broken plugin installed."""
        result = command("render", EXAMPLE, "-o", tmp_path / "X.docx", site=broken_site,
                         cwd=tmp_path)
        warnings = [line for line in result.stderr.splitlines() if "broken" in line]
        assert (0, f"{tmp_path / 'X.docx'}\n", 1) == (result.returncode, result.stdout,
                                                      len(warnings))
        assert any("Cẩm Xuyên" in line for line in document_lines(tmp_path / "X.docx"))


# -- the hook reference ------------------------------------------------------------------


def spec_functions() -> dict[str, Callable[..., Any]]:
    """The hook specs, found by pluggy's marker (not by docgen.hooks)."""
    marker = f"{hookspecs.PROJECT}_spec"
    return {name: value for name, value in vars(hookspecs).items()
            if callable(value) and getattr(value, marker, None) is not None}


def _expression(text: str) -> str:
    return ast.unparse(ast.parse(text, mode="eval").body)


def spec_shape(function: Callable[..., Any]) -> tuple[Any, ...]:
    """A spec's parameters (name, kind, annotation, default), its result, its firstresult."""
    signature = inspect.signature(function)
    parameters = tuple(
        (p.name, p.kind.name,
         None if p.annotation is p.empty else _expression(str(p.annotation)),
         None if p.default is p.empty else repr(p.default))
        for p in signature.parameters.values())
    result = (None if signature.return_annotation is signature.empty
              else _expression(str(signature.return_annotation)))
    return parameters, result, hookspecs.HOOKS[function.__name__].call.value


def documented_shapes(doc: str) -> dict[str, tuple[Any, ...]]:
    """Each ``def phongtrao_…`` line of the doc's reference, parsed, with how it is "Called".

    The reference is the "## Hooks" section; the examples before it are plugin code.
    """
    shapes: dict[str, tuple[Any, ...]] = {}
    lines = doc.split("\n## Hooks\n", 1)[-1].split("\n## ", 1)[0].splitlines()
    for index, line in enumerate(lines):
        if not line.startswith("def phongtrao_"):
            continue
        node = ast.parse(line + ": ...").body[0]
        assert isinstance(node, ast.FunctionDef)
        arguments = node.args
        kinds = ([(a, "POSITIONAL_ONLY") for a in arguments.posonlyargs]
                 + [(a, "POSITIONAL_OR_KEYWORD") for a in arguments.args]
                 + ([(arguments.vararg, "VAR_POSITIONAL")] if arguments.vararg else [])
                 + [(a, "KEYWORD_ONLY") for a in arguments.kwonlyargs]
                 + ([(arguments.kwarg, "VAR_KEYWORD")] if arguments.kwarg else []))
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults = dict(zip([a.arg for a in positional[len(positional)
                                                       - len(arguments.defaults):]],
                            arguments.defaults, strict=True))
        defaults.update({a.arg: d for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults,
                                                   strict=True) if d is not None})
        parameters = tuple(
            (a.arg, kind, None if a.annotation is None else ast.unparse(a.annotation),
             None if a.arg not in defaults else repr(ast.literal_eval(defaults[a.arg])))
            for a, kind in kinds)
        result = None if node.returns is None else ast.unparse(node.returns)
        verdicts = [re.match(r"Called: \*\*([^*]+)\*\*", text)
                    for text in lines[index + 1:index + 6]]
        called = next((verdict.group(1) for verdict in verdicts if verdict), None)
        shapes[node.name] = (parameters, result, called)
    return shapes


def signature_problems(doc: str) -> list[str]:
    """Hooks missing from ``doc``, documented with another signature, or not hooks at all."""
    documented = documented_shapes(doc)
    problems = []
    for name, function in spec_functions().items():
        if name not in documented:
            problems.append(f"{name}: not in docs/hooks.md")
        elif documented[name] != spec_shape(function):
            problems.append(f"{name}: documented as {documented[name]}, "
                            f"the spec is {spec_shape(function)}")
    problems += [f"{name}: documented but not a hook" for name in documented
                 if name not in spec_functions()]
    return problems


class TestHookDocs:
    def test_the_page_includes_the_generated_reference(self) -> None:
        """docs/hooks.md (by hand) includes the reference generated from the hook table."""
        assert "```{include} _generated/hooks.md" in (ROOT / "docs" / "hooks.md").read_text(
            encoding="utf-8")

    def test_every_hook_is_documented_with_its_signature(self) -> None:
        """Each hook spec is in the reference with its exact signature and call policy."""
        assert [] == signature_problems(HOOKS_DOC.read_text(encoding="utf-8"))

    def test_the_signature_check_finds_a_missing_hook(self) -> None:
        """The check above fails for a doc without phongtrao_check."""
        doc = HOOKS_DOC.read_text(encoding="utf-8").replace("def phongtrao_check(", "def x(")
        assert ["phongtrao_check: not in docs/hooks.md"] == signature_problems(doc)

    @pytest.mark.parametrize(("hook", "written", "changed"), [
        ("phongtrao_check", "def phongtrao_check(plan: Plan)",
         "def phongtrao_check(plan: Plan, strict: bool)"),
        ("phongtrao_check", "def phongtrao_check(plan: Plan)", "def phongtrao_check(plan)"),
        ("phongtrao_check", "def phongtrao_check(plan: Plan) -> Iterable[Problem] | None",
         "def phongtrao_check(plan: Plan) -> Iterable[Problem]"),
        ("phongtrao_templates", "Called: **each result collected**",
         "Called: **first result wins**"),
    ])
    def test_the_signature_check_finds_another_signature(self, hook: str, written: str,
                                                         changed: str) -> None:
        """The check above fails for a hook documented with another signature."""
        doc = HOOKS_DOC.read_text(encoding="utf-8")
        assert written in doc
        problems = signature_problems(doc.replace(written, changed, 1))
        assert [f"{hook}: documented as"] == [problem[:len(hook) + 15] for problem in problems]

    def test_every_hook_has_a_test_class(self) -> None:
        """Each hook has a TestHook… class of specifications in this module."""
        names = {name.removeprefix("phongtrao_").replace("_", "") for name in spec_functions()}
        classes = {name.removeprefix("TestHook").lower() for name, value in globals().items()
                   if name.startswith("TestHook") and isinstance(value, type)
                   and any(attribute.startswith("test_") for attribute in vars(value))}
        assert sorted(names) == sorted(names & classes)

    def test_documented_types_have_every_field(self) -> None:
        """TemplateSpec and Catalog are documented with a row for each field."""
        doc = HOOKS_DOC.read_text(encoding="utf-8")
        missing = [f"{cls.__name__}.{field.name}" for cls in (TemplateSpec, Catalog)
                   for field in attrs.fields(cls) if f"| `{field.name}` |" not in doc]
        assert [] == missing
