"""``phongtrao plugin new NAME``: a plugin distribution that installs, registers and works.

The last classes install plugins for real (pip, into a folder of their own)
and run the command in subprocesses: the scaffold as written, and a plugin
written from the scaffold and docs/hooks.md alone, adding a movement, a
template and a check.
"""

from __future__ import annotations

import ast
import datetime
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import phongtrao
from phongtrao import PluginInfo, Plugins, Renderer, builtin_template, render_bytes
from phongtrao._cli import main
from phongtrao._scaffold import plugin_names, write_plugin
from phongtrao.model import DocumentKind, LegalBasis, Plan
from phongtrao.testing import document_lines, fill_placeholders

from .conftest import EXAMPLE
from .plugins import add_paragraph, command, pip_install, run

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


class TestPluginNames:
    @pytest.mark.parametrize("name", ["quang-tri", "phongtrao-quang-tri"])
    def test_names_of_a_plugin(self, name: str) -> None:
        """quang-tri gives its entry point, distribution and package names."""
        assert ("quang-tri", "phongtrao-quang-tri", "phongtrao_quang_tri") == plugin_names(name)

    @pytest.mark.parametrize("name", ["Quang-Tri", "quảng-trị", "quang_tri", "quang tri",
                                      "-quang", "quang-", "2tri", ""])
    def test_a_bad_name_is_refused(self, name: str) -> None:
        """A name that is not lower-case ASCII words joined by '-' is a ValueError."""
        with pytest.raises(ValueError, match="is not a plugin name; expected lower-case ASCII"):
            plugin_names(name)

    @pytest.mark.parametrize("name", ["national", "all", "none", "phongtrao-none"])
    def test_a_reserved_name_is_refused(self, name: str) -> None:
        """The built-in plugin's name and PHONGTRAO_PLUGINS's words cannot be plugin names."""
        with pytest.raises(ValueError, match="choose another name"):
            plugin_names(name)


@pytest.fixture
def scaffold(tmp_path: Path) -> Path:
    """The distribution ``phongtrao plugin new quang-tri`` writes."""
    return write_plugin("quang-tri", tmp_path)


@pytest.fixture
def scaffold_module(scaffold: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The scaffold's plugin module, imported from its source folder."""
    monkeypatch.syspath_prepend(str(scaffold / "src"))
    import phongtrao_quang_tri.plugin

    yield phongtrao_quang_tri.plugin
    for name in [name for name in sys.modules if name.startswith("phongtrao_quang_tri")]:
        del sys.modules[name]


class TestWritePlugin:
    def test_files(self, scaffold: Path) -> None:
        """The distribution holds its project file, module, template, README and test."""
        expected = ["README.md", "pyproject.toml", "src/phongtrao_quang_tri/__init__.py",
                    "src/phongtrao_quang_tri/plugin.py",
                    "src/phongtrao_quang_tri/templates/quang-tri.docx", "tests/test_plugin.py"]
        assert ("phongtrao-quang-tri", expected) == (scaffold.name, sorted(
            path.relative_to(scaffold).as_posix() for path in scaffold.rglob("*")
            if path.is_file()))

    def test_entry_point(self, scaffold: Path) -> None:
        """pyproject.toml publishes the plugin module in the entry-point group phongtrao."""
        project = tomllib.loads((scaffold / "pyproject.toml").read_text(encoding="utf-8"))
        assert ("phongtrao-quang-tri", {"quang-tri": "phongtrao_quang_tri.plugin"}) == (
            project["project"]["name"], project["project"]["entry-points"]["phongtrao"])

    def test_template_is_the_national_one(self, scaffold: Path) -> None:
        """The template to restyle starts as a copy of the built-in ke-hoach."""
        copy = scaffold / "src" / "phongtrao_quang_tri" / "templates" / "quang-tri.docx"
        assert builtin_template("ke-hoach").read_bytes() == copy.read_bytes()

    def test_an_existing_folder_is_kept(self, scaffold: Path) -> None:
        """Writing the same plugin twice is a FileExistsError; nothing is overwritten."""
        with pytest.raises(FileExistsError, match="phongtrao-quang-tri exists"):
            write_plugin("quang-tri", scaffold.parent)

    def test_the_plugin_registers(self, scaffold_module: ModuleType) -> None:
        """The scaffold's module registers cleanly with a template, a catalog and a check."""
        manager = Plugins(False)
        assert (True, (), PluginInfo(
            "quang-tri", "unknown", ("phongtrao_catalog", "phongtrao_check", "phongtrao_templates"),
            ("quang-tri",))) == (manager.register(scaffold_module, "quang-tri"),
                                 manager.failures, manager.info()[1])

    def test_its_template_renders_as_the_national_one(self, scaffold_module: ModuleType,
                                                      example_plan: Plan) -> None:
        """Until restyled, the plugin's template renders the same bytes as ke-hoach."""
        manager = Plugins(False)
        manager.register(scaffold_module, "quang-tri")
        assert render_bytes(example_plan, renderer=Renderer(Plugins(False))) == render_bytes(
            example_plan, "quang-tri", renderer=Renderer(manager))

    def test_its_check_warns_of_a_short_title(self, scaffold_module: ModuleType,
                                              example_plan: Plan) -> None:
        """The example check warns with the code quang-tri-title."""
        manager = Plugins(False)
        manager.register(scaffold_module, "quang-tri")
        plan = attrs.evolve(example_plan, title="Hội nghị")
        assert [("$.title", "quang-tri-title", "warning")] == [
            (p.path, p.code, p.severity.value) for p in phongtrao.check(plan, plugins=manager)]


class TestPluginNewCommand:
    def test_writes_and_says_what_next(self, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """`phongtrao plugin new quang-tri -o DIR` prints the folder and the next step."""
        code = main(["plugin", "new", "quang-tri", "-o", str(tmp_path)])
        root = tmp_path / "phongtrao-quang-tri"
        assert (0, f"{root}\nnext: pip install -e {root} && phongtrao plugins\n", True) == (
            code, capsys.readouterr().out, (root / "pyproject.toml").is_file())

    @pytest.mark.parametrize(("name", "message"), [
        ("Quảng Trị", "'Quảng Trị' is not a plugin name"),
        ("national", "'national' is the name of phongtrao's built-in plugin"),
    ])
    def test_a_bad_name_is_a_usage_error(self, name: str, message: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
        """A bad or reserved name exits 2 with one error line, writing nothing."""
        code = main(["plugin", "new", name, "-o", str(tmp_path)])
        err = capsys.readouterr().err
        assert (2, [], True) == (code, list(tmp_path.iterdir()),
                                 err.startswith(f"phongtrao: error: {message}"))

    def test_an_existing_plugin_is_a_usage_error(self, scaffold: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
        """Writing over an existing plugin folder exits 2."""
        code = main(["plugin", "new", "quang-tri", "-o", str(scaffold.parent)])
        assert (2, f"phongtrao: error: {scaffold} exists; choose another name or folder\n") == (
            code, capsys.readouterr().err)


# -- installed for real ------------------------------------------------------------


@pytest.fixture(scope="module")
def quang_tri(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The scaffold written by the command and installed: (its folder, the site folder)."""
    root = tmp_path_factory.mktemp("quang-tri")
    site = root / "site"
    written = command("plugin", "new", "quang-tri", "-o", root, site=site, cwd=root)
    assert 0 == written.returncode, written.stderr
    project = root / "phongtrao-quang-tri"
    pip_install(project, site)
    return project, site


class TestScaffoldInstalled:
    def test_its_own_tests_pass(self, quang_tri: tuple[Path, Path]) -> None:
        """The generated tests pass against the installed plugin."""
        project, site = quang_tri
        result = run("-m", "pytest", "-q", "-p", "no:cacheprovider", site=site, cwd=project)
        assert (0, "3 passed") == (result.returncode,
                                   result.stdout.strip().splitlines()[-1].split(" in ")[0])

    def test_plugins_lists_it(self, quang_tri: tuple[Path, Path], tmp_path: Path) -> None:
        """`phongtrao plugins` lists quang-tri with its hooks and template, exit 0."""
        result = command("plugins", site=quang_tri[1], cwd=tmp_path)
        expected = ("quang-tri 0.1.0\n"
                    "  hooks: phongtrao_catalog, phongtrao_check, phongtrao_templates\n"
                    "  templates: quang-tri\n")
        assert (0, True, "") == (result.returncode, expected in result.stdout, result.stderr)


# -- a plugin written from the scaffold and docs/hooks.md alone ------------------------

HO_CHI_MINH = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
MARKER = "Mẫu kế hoạch học tập và làm theo Bác"

#: What a plugin author writes from docs/hooks.md, over the scaffold's plugin.py.
PLUGIN_SOURCE = '''\
"""phongtrao plugin phongtrao-hoc-tap-hcm: the movement of Chỉ thị 05-CT/TW.

It adds the movement "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí
Minh" with its contents and campaigns, a template, and a check that a plan of
the movement cites the Politburo's Chỉ thị.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from phongtrao.hookspecs import Catalog, Problem, Severity, TemplateSpec, hookimpl
from phongtrao.model import CatalogItem, DocumentKind, Movement, Plan

TEMPLATE = "hoc-tap-hcm"

HOC_TAP_HCM = Movement(
    name="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    abbreviation="HTLTHCM",
    start_year=2016,
    contents=(
        CatalogItem(id="hoc-tap", text="Học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
        CatalogItem(
            id="lam-theo",
            text="Làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với nhiệm vụ chính "
            "trị của cơ quan, đơn vị",
        ),
        CatalogItem(
            id="neu-guong", text="Cán bộ, đảng viên, trước hết là người đứng đầu nêu gương"
        ),
    ),
    campaigns=(
        CatalogItem(
            id="dien-hinh-tien-tien",
            text="Phong trào biểu dương điển hình tiên tiến học tập và làm theo Bác",
        ),
        CatalogItem(
            id="sang-tac-quang-ba",
            text="Cuộc thi sáng tác, quảng bá tác phẩm về học tập và làm theo Bác",
        ),
    ),
)


@hookimpl
def phongtrao_catalog() -> Catalog:
    """The movement, in this plugin's wording."""
    return Catalog(movements=(HOC_TAP_HCM,))


@hookimpl
def phongtrao_templates() -> list[TemplateSpec]:
    """The Kế hoạch template of the movement."""
    return [
        TemplateSpec(
            name=TEMPLATE,
            file=files("phongtrao_hoc_tap_hcm") / "templates" / "hoc-tap-hcm.docx",
            description="Kế hoạch tổng kết học tập và làm theo Bác",
        )
    ]


@hookimpl
def phongtrao_check(plan: Plan) -> Iterator[Problem]:
    """A plan of the movement cites the Chỉ thị of the Bộ Chính trị among its bases."""
    if plan.movement.name != HOC_TAP_HCM.name:
        return
    if not any(basis.kind is DocumentKind.CT and basis.issuer == "Bộ Chính trị"
               for basis in plan.bases):
        yield Problem(
            path="$.bases",
            code="hoc-tap-hcm-chi-thi-05",
            message="the plan cites no Chỉ thị of the Bộ Chính trị; expected a basis of kind "
            "CT issued by 'Bộ Chính trị' (Chỉ thị 05-CT/TW ngày 15/5/2016)",
            severity=Severity.ERROR,
        )
'''

PROBLEM_LINE = ("$.bases: the plan cites no Chỉ thị of the Bộ Chính trị; expected a basis of "
                "kind CT issued by 'Bộ Chính trị' (Chỉ thị 05-CT/TW ngày 15/5/2016)")

CHI_THI_05 = LegalBasis(kind=DocumentKind.CT, issuer="Bộ Chính trị",
                        date=datetime.date(2016, 5, 15),
                        subject="tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                        "phong cách Hồ Chí Minh")


@pytest.fixture(scope="module")
def hcm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site folder where the plugin written from the hook reference is installed."""
    root = tmp_path_factory.mktemp("hoc-tap-hcm")
    project = write_plugin("hoc-tap-hcm", root)
    package = project / "src" / "phongtrao_hoc_tap_hcm"
    (package / "plugin.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    add_paragraph(package / "templates" / "hoc-tap-hcm.docx",
                  f"{MARKER}: {{{{ header.number_line }}}}")
    pip_install(project, root / "site")
    return root / "site"


@pytest.fixture
def hcm_plan(hcm: Path, tmp_path: Path) -> Path:
    """A plan of the movement written by `phongtrao new`, its «…» filled in."""
    path = tmp_path / "plan.yaml"
    result = command("new", "--movement", HO_CHI_MINH, "--unit", "Cam Lộ", "--year", "2026",
                     "-o", path, site=hcm, cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    plan = fill_placeholders(phongtrao.load_plan(path), {"«Họ và tên người ký»": "Nguyễn Văn A"})
    phongtrao.dump_plan(plan, path)
    return path


class TestPluginFromTheReference:
    def test_it_uses_only_the_public_modules(self) -> None:
        """The plugin imports phongtrao.hookspecs and phongtrao.model, nothing internal."""
        tree = ast.parse(PLUGIN_SOURCE)
        modules = {node.module for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom) and node.module}
        assert ["phongtrao.hookspecs", "phongtrao.model"] == sorted(
            module for module in modules if module.startswith("phongtrao"))

    def test_plugins_lists_its_three_hooks(self, hcm: Path, tmp_path: Path) -> None:
        """`phongtrao plugins` lists the plugin, its three hooks and its template."""
        result = command("plugins", site=hcm, cwd=tmp_path)
        expected = ("hoc-tap-hcm 0.1.0\n"
                    "  hooks: phongtrao_catalog, phongtrao_check, phongtrao_templates\n"
                    "  templates: hoc-tap-hcm\n")
        assert (0, True, "") == (result.returncode, expected in result.stdout, result.stderr)

    @pytest.mark.parametrize("movement", [HO_CHI_MINH, "HTLTHCM"])
    def test_new_writes_a_plan_of_its_movement(self, movement: str, hcm: Path,
                                               tmp_path: Path) -> None:
        """`phongtrao new --movement` finds the plugin's movement by name or abbreviation."""
        path = tmp_path / "plan.yaml"
        result = command("new", "--movement", movement, "--year", "2026", "-o", path, site=hcm,
                         cwd=tmp_path)
        plan = phongtrao.load_plan(path)
        assert (0, HO_CHI_MINH, 2016, ["hoc-tap", "lam-theo", "neu-guong"],
                ["dien-hinh-tien-tien", "sang-tac-quang-ba"]) == (
            result.returncode, plan.movement.name, plan.period.start,
            [item.id for item in plan.movement.contents],
            [item.id for item in plan.movement.campaigns])

    def test_templates_lists_its_template(self, hcm: Path, tmp_path: Path) -> None:
        """`phongtrao templates` lists hoc-tap-hcm as the plugin's, beside ke-hoach."""
        result = command("templates", site=hcm, cwd=tmp_path)
        rows = {line.split("\t")[0]: line.split("\t")[1:3] for line in result.stdout.splitlines()}
        assert (0, ["KH", "plugin hoc-tap-hcm"], ["KH", "built-in"]) == (
            result.returncode, rows.get("hoc-tap-hcm"), rows.get("ke-hoach"))

    def test_render_uses_its_template(self, hcm: Path, tmp_path: Path) -> None:
        """`phongtrao render --template hoc-tap-hcm` renders with the plugin's template."""
        out = tmp_path / "out.docx"
        result = command("render", EXAMPLE, "--template", "hoc-tap-hcm", "-o", out, site=hcm,
                         cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        assert f"{MARKER}: Số:      /KH-UBND" in document_lines(out)

    def test_validate_prints_its_problem(self, hcm: Path, hcm_plan: Path) -> None:
        """`phongtrao validate` reports the plugin's problem, the only one left: exit 1."""
        result = command("validate", hcm_plan, site=hcm, cwd=hcm_plan.parent)
        assert (1, f"{hcm_plan}: {PROBLEM_LINE}\n", "") == (
            result.returncode, result.stdout, result.stderr)

    def test_check_gives_its_code(self, hcm: Path, hcm_plan: Path) -> None:
        """phongtrao.check, with the installed plugins, gives the plugin's problem code."""
        code = ("import sys, phongtrao\n"
                "plan = phongtrao.load_plan(sys.argv[1])\n"
                "print(*[problem.code for problem in phongtrao.check(plan)])\n")
        result = run("-c", code, hcm_plan, site=hcm, cwd=hcm_plan.parent)
        assert (0, "hoc-tap-hcm-chi-thi-05\n") == (result.returncode, result.stdout)

    def test_validate_passes_once_the_basis_is_cited(self, hcm: Path, hcm_plan: Path) -> None:
        """With the Chỉ thị among its bases, the plan validates: exit 0, nothing printed."""
        plan = phongtrao.load_plan(hcm_plan)
        phongtrao.dump_plan(attrs.evolve(plan, bases=(*plan.bases, CHI_THI_05)), hcm_plan,
                            overwrite=True)
        result = command("validate", hcm_plan, site=hcm, cwd=hcm_plan.parent)
        assert (0, "", "") == (result.returncode, result.stdout, result.stderr)
