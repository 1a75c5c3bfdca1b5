"""The ``phongtrao`` command: validate, render, new and templates, with their exit codes.

Exit codes: 0 done (warnings allowed), 1 plan problems, 2 usage error or a file
that cannot be read or written, 3 rendering failed. Problems are listed on
standard output one a line as ``FILE: $.path: message``; errors are one line on
standard error, never a traceback unless ``--debug`` is given.

Most tests call :func:`phongtrao._cli.main` in-process; ``TestEntryPoint`` runs
the installed console script and ``python -m phongtrao`` for real.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from importlib.resources import as_file
from pathlib import Path

import docx
import pytest

import phongtrao
from phongtrao import testing
from phongtrao._cli import main
from phongtrao._templates import BUILTIN, builtin_template
from phongtrao.model import AdministrativeUnit, Level, UnitKind

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal.yaml"
LOAD = DATA / "bad" / "load"
CHECK = DATA / "bad" / "check"
SEVERAL_PROBLEMS = LOAD / "several-problems.yaml"
CHECK_ERROR = CHECK / "tm-missing.yaml"
WARNING_ONLY = CHECK / "signer-academic-title.toml"

#: Files in bad/load/ that cannot be read at all (exit 2, not 1).
UNREADABLE = {"not-utf8.yaml"}

PLACEHOLDER = testing.PLACEHOLDER

#: Plausible values for the starter plan's placeholders; any other loses its « ».
PLAUSIBLE = {
    "«Tên đơn vị»": "Cẩm Bình",
    "«Họ và tên người ký»": "Nguyễn Văn A",
    "«Cơ quan cấp trên»": "Ủy ban nhân dân tỉnh Hà Tĩnh",
    "«Cơ quan thường trực Ban Chỉ đạo»": "Phòng Văn hóa - Xã hội",
    "«Nhiệm vụ»": "Tham mưu tổ chức Hội nghị tổng kết.",
    "«Số, ký hiệu kế hoạch cấp trên»": "12/KH-UBND",
}


@dataclass(frozen=True)
class Outcome:
    """What one run of the command gave: its exit code and both outputs."""

    code: int
    out: str
    err: str


Cli = Callable[..., Outcome]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """A function running ``phongtrao ARGS...`` in-process and returning its outcome."""

    def run(*args: str | Path) -> Outcome:
        capsys.readouterr()  # drop anything printed before the run
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture
def docx_path(tmp_path: Path) -> Path:
    """A .docx output path that does not exist yet."""
    return tmp_path / "ke-hoach.docx"


@pytest.fixture
def starter_yaml(cli: Cli, tmp_path: Path) -> Path:
    """A starter plan written by ``phongtrao new`` with the defaults (xã, this year)."""
    path = tmp_path / "plan.yaml"
    assert 0 == cli("new", "-o", path).code
    return path


@pytest.fixture
def filled_starter(starter_yaml: Path) -> Path:
    """The starter plan with every «…» replaced by a plausible value (the cited day left out)."""
    plan = phongtrao.load_plan(starter_yaml)
    phongtrao.dump_plan(testing.fill_placeholders(plan, PLAUSIBLE), starter_yaml)
    return starter_yaml


@pytest.fixture(scope="session")
def script() -> Path:
    """The installed ``phongtrao`` console script."""
    beside = Path(sys.executable).parent / "phongtrao"
    found = beside if beside.exists() else shutil.which("phongtrao")
    assert found is not None, "the phongtrao console script is not installed"
    return Path(found)


@pytest.fixture
def builtin_template_path() -> Iterator[Path]:
    """The file of the built-in ``ke-hoach`` template, as a path on disk."""
    with as_file(builtin_template("ke-hoach")) as path:
        yield path


def listed(source: str | Path) -> list[str]:
    """The lines ``phongtrao validate SOURCE`` should print: load or check problems."""
    try:
        plan = phongtrao.load_plan(Path(source))
    except phongtrao.PlanError as error:
        return [f"{source}: {problem}" for problem in error.problems]
    return [f"{source}: {problem}" for problem in phongtrao.check(plan)]


def issuer_unit(path: Path) -> AdministrativeUnit:
    """The administrative unit of the issuer of the plan in ``path``."""
    unit = phongtrao.load_plan(path).issuer.unit
    assert unit is not None
    return unit


def error_line(err: str) -> str:
    """The one ``phongtrao…: error: …`` line of a standard error output."""
    lines = [line for line in err.splitlines() if re.match(r"phongtrao\S*( \S+)?: error: ", line)]
    assert 1 == len(lines), err
    return lines[0]


class TestValidate:
    def test_valid_plan(self, cli: Cli) -> None:
        """A valid plan exits 0 and prints nothing."""
        assert Outcome(0, "", "") == cli("validate", MINIMAL)

    def test_example_plan(self, cli: Cli, example_path: Path) -> None:
        """The bundled example plan is valid."""
        assert Outcome(0, "", "") == cli("validate", example_path)

    @pytest.mark.parametrize(
        "path", sorted(LOAD.iterdir()), ids=lambda path: path.name
    )
    def test_load_problems(self, cli: Cli, path: Path) -> None:
        """A file the loader refuses lists each problem as 'FILE: $.path: message'."""
        expected_code = 2 if path.name in UNREADABLE else 1
        expected_lines = listed(path)
        outcome = cli("validate", path)
        assert (expected_code, expected_lines, "") == (
            outcome.code, outcome.out.splitlines(), outcome.err
        )

    def test_load_problems_word_for_word(self, cli: Cli) -> None:
        """The listing is the loader's problems, each prefixed by the file name."""
        with pytest.raises(phongtrao.PlanError) as caught:
            phongtrao.load_plan(SEVERAL_PROBLEMS)
        expected = [f"{SEVERAL_PROBLEMS}: {problem}" for problem in caught.value.problems]
        assert 5 == len(expected)
        assert expected == cli("validate", SEVERAL_PROBLEMS).out.splitlines()

    @pytest.mark.parametrize(
        "path", sorted(CHECK.iterdir()), ids=lambda path: path.name
    )
    def test_check_problems(self, cli: Cli, path: Path) -> None:
        """A plan that loads lists its check problems; it exits 1 only for an error."""
        problems = phongtrao.check(phongtrao.load_plan(path))
        expected_code = 1 if any(p.severity is phongtrao.Severity.ERROR for p in problems) else 0
        outcome = cli("validate", path)
        assert (expected_code, listed(path), "") == (
            outcome.code, outcome.out.splitlines(), outcome.err
        )

    def test_check_error(self, cli: Cli) -> None:
        """A plan with a check error exits 1."""
        assert 1 == cli("validate", CHECK_ERROR).code

    def test_warnings_only(self, cli: Cli) -> None:
        """A plan with warnings only exits 0, and each warning is printed as 'warning:'."""
        outcome = cli("validate", WARNING_ONLY)
        assert 0 == outcome.code
        assert [] != outcome.out.splitlines()
        assert all(
            line.startswith(f"{WARNING_ONLY}: $.") and ": warning: " in line
            for line in outcome.out.splitlines()
        )

    def test_missing_file(self, cli: Cli, tmp_path: Path) -> None:
        """A file that does not exist exits 2, named with the reason."""
        missing = tmp_path / "missing.yaml"
        outcome = cli("validate", missing)
        assert (2, [f"{missing}: $: cannot read the file: No such file or directory"]) == (
            outcome.code, outcome.out.splitlines()
        )

    @pytest.mark.parametrize(
        ("names", "expected_code"),
        [
            (["minimal", "example"], 0),
            (["minimal", "warning-only"], 0),
            (["minimal", "several-problems", "check-error"], 1),
            (["several-problems", "missing", "minimal"], 2),
            (["missing", "check-error"], 2),
        ],
        ids=lambda value: "+".join(value) if isinstance(value, list) else str(value),
    )
    def test_several_files(
        self, cli: Cli, tmp_path: Path, example_path: Path, names: list[str], expected_code: int
    ) -> None:
        """With several files the worst exit code wins and every file is reported in order."""
        paths = {
            "minimal": MINIMAL,
            "example": example_path,
            "warning-only": WARNING_ONLY,
            "several-problems": SEVERAL_PROBLEMS,
            "check-error": CHECK_ERROR,
            "missing": tmp_path / "missing.yaml",
        }
        files = [paths[name] for name in names]
        expected_lines = [line for path in files for line in listed(path)]
        outcome = cli("validate", *files)
        assert (expected_code, expected_lines) == (outcome.code, outcome.out.splitlines())

    def test_no_argument(self, cli: Cli) -> None:
        """Without a plan file, validate exits 2 with its usage on standard error."""
        outcome = cli("validate")
        assert (2, "") == (outcome.code, outcome.out)
        assert outcome.err.startswith("usage: phongtrao validate")
        expected = "phongtrao validate: error: the following arguments are required: PLAN"
        assert expected == error_line(outcome.err)

    def test_no_command(self, cli: Cli) -> None:
        """Without a command, phongtrao exits 2 with its help on standard error."""
        outcome = cli()
        assert (2, "") == (outcome.code, outcome.out)
        assert outcome.err.startswith("usage: phongtrao")
        assert all(name in outcome.err for name in ("validate", "render", "new", "templates"))


class TestRender:
    def test_docx(self, cli: Cli, docx_path: Path) -> None:
        """Rendering writes a .docx that opens and holds the plan's title."""
        outcome = cli("render", MINIMAL, "-o", docx_path)
        assert (0, "") == (outcome.code, outcome.err)
        paragraphs = [paragraph.text for paragraph in docx.Document(str(docx_path)).paragraphs]
        assert phongtrao.load_plan(MINIMAL).title in paragraphs

    def test_prints_the_output_path(self, cli: Cli, docx_path: Path) -> None:
        """On success the path written is printed, alone."""
        assert Outcome(0, f"{docx_path}\n", "") == cli("render", MINIMAL, "-o", docx_path)

    def test_warnings_are_shown_and_do_not_stop(self, cli: Cli, docx_path: Path) -> None:
        """A plan with warnings only renders, and each warning is printed on stderr."""
        plan = DATA / "bad" / "check" / "signer-academic-title.toml"
        warnings = [p for p in phongtrao.check(phongtrao.load_plan(plan))
                    if p.severity is phongtrao.Severity.WARNING]
        expected = "".join(f"{plan}: {problem}\n" for problem in warnings)
        assert (1, Outcome(0, f"{docx_path}\n", expected)) == (
            len(warnings), cli("render", plan, "-o", docx_path))

    def test_example_plan(self, cli: Cli, example_path: Path, docx_path: Path) -> None:
        """The example plan renders."""
        assert 0 == cli("render", example_path, "--output", docx_path).code
        assert docx_path.stat().st_size > 0

    def test_refuses_to_overwrite(self, cli: Cli, docx_path: Path) -> None:
        """An existing output is kept without --force: exit 2, one line naming --force."""
        docx_path.write_bytes(b"keep me")
        outcome = cli("render", MINIMAL, "-o", docx_path)
        expected = f"phongtrao: error: {docx_path} exists; pass --force to replace it\n"
        assert Outcome(2, "", expected) == outcome
        assert b"keep me" == docx_path.read_bytes()

    def test_force_replaces(self, cli: Cli, docx_path: Path) -> None:
        """With --force an existing output is replaced by the rendered document."""
        docx_path.write_bytes(b"replace me")
        assert 0 == cli("render", MINIMAL, "-o", docx_path, "--force").code
        assert docx_path.read_bytes().startswith(b"PK")  # a .docx is a zip archive

    @pytest.mark.parametrize("name", ["plan.txt", "plan.doc", "plan"])
    def test_bad_suffix(self, cli: Cli, tmp_path: Path, name: str) -> None:
        """An output that is neither .docx nor .pdf exits 2 and writes nothing."""
        output = tmp_path / name
        outcome = cli("render", MINIMAL, "-o", output)
        expected = (
            f"phongtrao: error: cannot render to {str(output)!r}; expected a .docx or .pdf "
            "file name\n"
        )
        assert Outcome(2, "", expected) == outcome
        assert [] == list(tmp_path.iterdir())

    def test_plan_with_check_errors(self, cli: Cli, docx_path: Path) -> None:
        """A plan with check errors exits 1, lists the errors and writes nothing."""
        outcome = cli("render", CHECK_ERROR, "-o", docx_path)
        assert (1, listed(CHECK_ERROR), "") == (
            outcome.code, outcome.out.splitlines(), outcome.err
        )
        assert not docx_path.exists()

    def test_plan_with_load_problems(self, cli: Cli, docx_path: Path) -> None:
        """A plan the loader refuses exits 1, lists its problems and writes nothing."""
        outcome = cli("render", SEVERAL_PROBLEMS, "-o", docx_path)
        assert (1, listed(SEVERAL_PROBLEMS)) == (outcome.code, outcome.out.splitlines())
        assert not docx_path.exists()

    def test_missing_plan(self, cli: Cli, tmp_path: Path, docx_path: Path) -> None:
        """A plan file that does not exist exits 2 and writes nothing."""
        assert 2 == cli("render", tmp_path / "missing.yaml", "-o", docx_path).code
        assert not docx_path.exists()

    def test_unknown_template(self, cli: Cli, docx_path: Path) -> None:
        """An unknown template name exits 3 with a message listing the built-in names."""
        outcome = cli("render", MINIMAL, "-o", docx_path, "--template", "no-such")
        names = ", ".join(sorted(BUILTIN))
        expected = (
            "phongtrao: error: no template named 'no-such'; expected a path to a .docx file "
            f"or one of: {names}\n"
        )
        assert Outcome(3, "", expected) == outcome
        assert not docx_path.exists()

    def test_missing_template_file(self, cli: Cli, tmp_path: Path, docx_path: Path) -> None:
        """A template path that does not exist exits 3 and writes nothing."""
        outcome = cli("render", MINIMAL, "-o", docx_path, "--template", tmp_path / "no.docx")
        assert (3, "") == (outcome.code, outcome.out)
        assert 1 == len(outcome.err.splitlines())
        assert not docx_path.exists()

    def test_builtin_template_by_name(self, cli: Cli, docx_path: Path) -> None:
        """--template ke-hoach names the built-in template."""
        assert 0 == cli("render", MINIMAL, "-o", docx_path, "--template", "ke-hoach").code

    def test_template_by_path(
        self, cli: Cli, docx_path: Path, tmp_path: Path, builtin_template_path: Path
    ) -> None:
        """--template with the path of the built-in template file gives the same document."""
        by_name = tmp_path / "by-name.docx"
        assert 0 == cli("render", MINIMAL, "-o", by_name).code
        outcome = cli("render", MINIMAL, "-o", docx_path, "--template", builtin_template_path)
        assert Outcome(0, f"{docx_path}\n", "") == outcome
        expected = [p.text for p in docx.Document(str(by_name)).paragraphs]
        assert expected == [p.text for p in docx.Document(str(docx_path)).paragraphs]

    def test_pdf_without_libreoffice(
        self, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """PDF output without LibreOffice exits 3 with one line saying what to install."""
        monkeypatch.setenv("PHONGTRAO_SOFFICE", str(tmp_path / "no-soffice"))
        output = tmp_path / "ke-hoach.pdf"
        outcome = cli("render", MINIMAL, "-o", output)
        assert (3, "") == (outcome.code, outcome.out)
        assert 1 == len(outcome.err.splitlines())
        assert "PDF output needs LibreOffice" in outcome.err
        assert not output.exists()

    def test_parent_is_a_file(self, cli: Cli, tmp_path: Path) -> None:
        """An output inside a regular file exits 2 saying so, even with --force."""
        blocker = tmp_path / "plan.yaml"
        blocker.write_text("not a folder", encoding="utf-8")
        output = blocker / "ke-hoach.docx"
        outcome = cli("render", MINIMAL, "-o", output, "--force")
        expected = f"phongtrao: error: cannot write {output}: {blocker} exists and is not a folder"
        assert Outcome(2, "", expected + "\n") == outcome

    def test_missing_output_option(self, cli: Cli) -> None:
        """Without -o, render exits 2 with its usage."""
        outcome = cli("render", MINIMAL)
        assert 2 == outcome.code
        expected = "phongtrao render: error: the following arguments are required: -o/--output"
        assert expected == error_line(outcome.err)


class TestNew:
    def test_writes_a_plan_that_loads(self, cli: Cli, tmp_path: Path) -> None:
        """New writes a starter plan that loads, and says how many values to fill in."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "-o", path)
        plan = phongtrao.load_plan(path)
        unit = issuer_unit(path)
        count = len(PLACEHOLDER.findall(path.read_text(encoding="utf-8")))
        expected = (
            f"{path}: starter plan written; fill in the {count} values marked «…» "
            f"(phongtrao validate {path} lists them)\n"
        )
        assert Outcome(0, expected, "") == outcome
        assert (Level.XA, date.today().year) == (unit.level, plan.document.date.year)

    def test_validate_names_each_placeholder(self, cli: Cli, starter_yaml: Path) -> None:
        """Validate on a starter plan exits 1 with one 'placeholder' problem per «…»."""
        text = starter_yaml.read_text(encoding="utf-8")
        problems = phongtrao.check(phongtrao.load_plan(starter_yaml))
        outcome = cli("validate", starter_yaml)
        assert (1, listed(starter_yaml)) == (outcome.code, outcome.out.splitlines())
        assert {"placeholder"} == {problem.code for problem in problems}
        assert sorted(PLACEHOLDER.findall(text)) == sorted(
            PLACEHOLDER.search(line).group()  # type: ignore[union-attr]
            for line in outcome.out.splitlines()
        )

    def test_filled_starter_is_valid(self, cli: Cli, filled_starter: Path) -> None:
        """Once every «…» is replaced, the starter plan validates with exit 0 and no output."""
        assert Outcome(0, "", "") == cli("validate", filled_starter)

    def test_filled_starter_renders(self, cli: Cli, filled_starter: Path, docx_path: Path) -> None:
        """Once filled in, the starter plan renders."""
        assert 0 == cli("render", filled_starter, "-o", docx_path).code

    @pytest.mark.skipif(date.today().year <= 2025, reason="the default year is before the reform")
    def test_district_default_year(self, cli: Cli, tmp_path: Path) -> None:
        """--level huyen with the default year (after 2025) exits 2 about the 2025 reform."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--level", "huyen", "-o", path)
        assert (2, "") == (outcome.code, outcome.out)
        assert 1 == len(outcome.err.splitlines())
        assert "districts ceased to operate after 2025-06-30" in outcome.err
        assert not path.exists()

    def test_district_2026(self, cli: Cli, tmp_path: Path) -> None:
        """--level huyen --year 2026 is refused, pointing to xa or tinh."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--level", "huyen", "--year", "2026", "-o", path)
        expected = (
            "phongtrao: error: districts ceased to operate after 2025-06-30; a 2026 plan is "
            "issued by a xã/phường (--level xa) or a tỉnh (--level tinh)\n"
        )
        assert Outcome(2, "", expected) == outcome
        assert not path.exists()

    def test_district_2021(self, cli: Cli, tmp_path: Path) -> None:
        """--level huyen --year 2021 writes a district plan of 2021."""
        path = tmp_path / "plan.yaml"
        assert 0 == cli("new", "--level", "huyen", "--year", "2021", "-o", path).code
        unit = issuer_unit(path)
        expected = (Level.HUYEN, UnitKind.HUYEN, 2021)
        assert expected == (unit.level, unit.kind, phongtrao.load_plan(path).document.date.year)

    def test_province(self, cli: Cli, tmp_path: Path) -> None:
        """--level tinh --unit 'Hà Tĩnh' writes a province plan for Hà Tĩnh."""
        path = tmp_path / "plan.yaml"
        assert 0 == cli("new", "--level", "tinh", "--unit", "Hà Tĩnh", "-o", path).code
        unit = issuer_unit(path)
        assert ("Hà Tĩnh", Level.TINH, UnitKind.TINH) == (unit.name, unit.level, unit.kind)

    def test_ward(self, cli: Cli, tmp_path: Path) -> None:
        """--unit 'phường Bến Thành' gives an issuer of kind phuong named Bến Thành."""
        path = tmp_path / "plan.yaml"
        assert 0 == cli("new", "--unit", "phường Bến Thành", "-o", path).code
        unit = issuer_unit(path)
        assert ("Bến Thành", Level.XA, UnitKind.PHUONG) == (unit.name, unit.level, unit.kind)

    def test_commune_at_province_level(self, cli: Cli, tmp_path: Path) -> None:
        """--unit 'xã X' --level tinh exits 2 and writes nothing."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--unit", "xã X", "--level", "tinh", "-o", path)
        expected = "phongtrao: error: a xã is not at level 'tinh'; expected a unit of level tinh\n"
        assert Outcome(2, "", expected) == outcome
        assert not path.exists()

    @pytest.mark.parametrize(("unit", "said"), [
        ("Không Có Thật", "the unit registry has no Không Có Thật at level 'xa' in 2026"),
        ("phường Hoàn Kím", "did you mean phường Hoàn Kiếm of thành phố Hà Nội"),
        ("phường Hoàng Mai", ("'phường Hoàng Mai' names 2 units in 2026: phường Hoàng Mai of "
                              "thành phố Hà Nội")),
    ])
    def test_a_unit_the_registry_cannot_settle(self, cli: Cli, tmp_path: Path, unit: str,
                                               said: str) -> None:
        """An unknown unit, a typo, a name of two provinces: exit 2, saying so; nothing written."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--unit", unit, "--year", "2026", "-o", path)
        assert (2, "", True, False) == (outcome.code, outcome.out, said in outcome.err,
                                        path.exists())

    def test_a_shared_name_asks_for_the_province(self, cli: Cli, tmp_path: Path) -> None:
        """The shared name's message ends by pointing at --province."""
        outcome = cli("new", "--unit", "phường Hoàng Mai", "--year", "2026", "-o",
                      tmp_path / "plan.yaml")
        assert outcome.err.endswith("(or with --province)\n")

    @pytest.mark.parametrize("args", [
        ("--unit", "phường Hoàng Mai", "--province", "Nghệ An"),
        ("--unit", "phường Hoàng Mai, Nghệ An"),
        ("--unit", "Hoàng Mai (Nghệ An)"),
    ])
    def test_the_province_says_which(self, cli: Cli, tmp_path: Path,
                                     args: tuple[str, ...]) -> None:
        """With its province the unit is found: the plan's issuer has its official code."""
        path = tmp_path / "plan.yaml"
        assert 0 == cli("new", *args, "--year", "2026", "-o", path).code
        unit = issuer_unit(path)
        expected = phongtrao.Plugins(False).units.lookup(
            "phường Hoàng Mai, tỉnh Nghệ An", on=date(2026, 1, 1)).unit
        assert expected == unit

    def test_unlisted_writes_the_unit_as_given(self, cli: Cli, tmp_path: Path) -> None:
        """--unlisted takes a unit the registry does not list as given, without a code."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--unit", "xã Không Có Thật", "--year", "2021", "--unlisted",
                      "-o", path)
        assert (0, AdministrativeUnit(name="Không Có Thật", level=Level.XA, kind=UnitKind.XA)
                ) == (outcome.code, issuer_unit(path))

    def test_unknown_says_how_to_write_it_anyway(self, cli: Cli, tmp_path: Path) -> None:
        """The refusal of an unknown unit ends by naming --unlisted."""
        outcome = cli("new", "--unit", "xã Không Có Thật", "--year", "2021", "-o",
                      tmp_path / "plan.yaml")
        assert outcome.err.endswith("pass --unlisted to write it as given.\n")

    def test_province_without_unit(self, cli: Cli, tmp_path: Path) -> None:
        """--province without --unit exits 2, saying what is missing."""
        outcome = cli("new", "--province", "Nghệ An", "-o", tmp_path / "plan.yaml")
        assert (2, True) == (outcome.code, "a province was given but no unit" in outcome.err)

    @pytest.mark.parametrize("unit", ["", "   "])
    def test_empty_unit(self, cli: Cli, tmp_path: Path, unit: str) -> None:
        """An empty --unit exits 2 and writes nothing."""
        path = tmp_path / "plan.yaml"
        outcome = cli("new", "--unit", unit, "-o", path)
        assert (2, "") == (outcome.code, outcome.out)
        assert "phongtrao: error: --unit is empty" in outcome.err
        assert not path.exists()

    def test_refuses_to_overwrite(self, cli: Cli, tmp_path: Path) -> None:
        """An existing output is kept without --force: exit 2, one line naming --force."""
        path = tmp_path / "plan.yaml"
        path.write_text("keep: me\n", encoding="utf-8")
        expected = f"phongtrao: error: {path} exists; pass --force to replace it\n"
        assert Outcome(2, "", expected) == cli("new", "-o", path)
        assert "keep: me\n" == path.read_text(encoding="utf-8")

    def test_force_replaces(self, cli: Cli, tmp_path: Path) -> None:
        """With --force an existing output is replaced by a starter plan."""
        path = tmp_path / "plan.yaml"
        path.write_text("replace: me\n", encoding="utf-8")
        assert 0 == cli("new", "-o", path, "--force").code
        phongtrao.load_plan(path)

    @pytest.mark.parametrize("suffix", [".json", ".toml", ".yml"])
    def test_other_formats(self, cli: Cli, tmp_path: Path, suffix: str) -> None:
        """-o plan.json, plan.toml and plan.yml write the same plan as plan.yaml."""
        yaml_path, other = tmp_path / "plan.yaml", tmp_path / f"plan{suffix}"
        args = ("--level", "tinh", "--unit", "Hà Tĩnh", "--year", "2025")
        assert 0 == cli("new", *args, "-o", yaml_path).code
        assert 0 == cli("new", *args, "-o", other).code
        assert phongtrao.load_plan(yaml_path) == phongtrao.load_plan(other)

    def test_unknown_format(self, cli: Cli, tmp_path: Path) -> None:
        """An output suffix that names no plan format exits 2 and writes nothing."""
        path = tmp_path / "plan.txt"
        outcome = cli("new", "-o", path)
        expected = (
            f"phongtrao: error: cannot tell the format of {str(path)!r} from its suffix; "
            "expected .yaml, .yml, .json or .toml\n"
        )
        assert Outcome(2, "", expected) == outcome
        assert [] == list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["--level", "trung_uong"], "argument --level: invalid choice: 'trung_uong'"),
            (["--year", "soon"], "argument --year: invalid int value: 'soon'"),
        ],
    )
    def test_bad_option_values(
        self, cli: Cli, tmp_path: Path, args: list[str], expected: str
    ) -> None:
        """A level or year argparse cannot take exits 2 naming the option."""
        outcome = cli("new", *args, "-o", tmp_path / "plan.yaml")
        assert 2 == outcome.code
        assert expected in error_line(outcome.err)

    def test_year_out_of_range(self, cli: Cli, tmp_path: Path) -> None:
        """A year outside 1-9999 exits 2 with one line."""
        outcome = cli("new", "--year", "0", "-o", tmp_path / "plan.yaml")
        assert (2, "") == (outcome.code, outcome.out)
        assert 1 == len(outcome.err.splitlines())
        assert "expected 1-9999" in outcome.err

    def test_parent_is_a_file(self, cli: Cli, tmp_path: Path) -> None:
        """An output inside a regular file exits 2 saying so, not asking for --force."""
        blocker = tmp_path / "plan.yaml"
        blocker.write_text("not a folder", encoding="utf-8")
        output = blocker / "plan.yaml"
        expected = f"phongtrao: error: cannot write {output}: {blocker} exists and is not a folder"
        assert Outcome(2, "", expected + "\n") == cli("new", "-o", output)


class TestCommunes:
    """``phongtrao communes``: the commune plans of a province's or a district's plan."""

    def test_the_district_example_gives_its_23_communes_of_2021(
        self, cli: Cli, tmp_path: Path, example_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The bundled Cẩm Xuyên 2021 plan gives 23 commune plans (the ha-tinh plugin's units).

        It was once refused: "pass the communes", which the command cannot do.
        """
        monkeypatch.setenv("PHONGTRAO_PLUGINS", "ha-tinh")
        out = tmp_path / "communes"
        outcome = cli("communes", example_path, "-o", out)
        written = sorted(path.name for path in out.glob("*.yaml"))
        assert (0, 23, True, True) == (
            outcome.code, len(written), "kh-xa-cam-binh-18685.yaml" in written,
            "kh-xa-cam-vinh-18691.yaml" in written)
        assert outcome.out.startswith(f"{out}: 23 commune plans written")

    def test_a_province_plan_of_2025(self, cli: Cli, tmp_path: Path) -> None:
        """The Hà Tĩnh 2025 example gives the 69 communes of the official list."""
        out = tmp_path / "communes"
        plan = Path(__file__).parents[1] / "examples" / "ha-tinh-2025" / "plan.yaml"
        assert (0, 69) == (cli("communes", plan, "-o", out).code,
                           len(list(out.glob("*.yaml"))))

    def test_a_district_the_registry_does_not_know(
        self, cli: Cli, tmp_path: Path, example_path: Path
    ) -> None:
        """A district no source lists: exit 2 with the registry's reason, nothing written."""
        example = phongtrao.load_plan(example_path)
        plan = example.replace("issuer.unit.name", "Ví Dụ")
        path = phongtrao.dump_plan(plan, tmp_path / "plan.yaml")
        outcome = cli("communes", path, "-o", tmp_path / "communes")
        assert (2, True, False) == (outcome.code, "has no huyện Ví Dụ at level" in outcome.err,
                                    (tmp_path / "communes").exists())


class TestTemplates:
    def test_lists_every_kind(self, cli: Cli) -> None:
        """Templates lists one built-in template a kind: its name, kind, 'built-in', a file."""
        outcome = cli("templates")
        assert (0, "") == (outcome.code, outcome.err)
        rows = [line.split("\t") for line in outcome.out.splitlines()]
        assert sorted(BUILTIN) == [row[0] for row in rows]
        kinds = {name: (kind, origin) for name, kind, origin, _ in rows}
        assert ("KH", "built-in") == kinds["ke-hoach"]
        assert ("QĐ", "built-in") == kinds["quyet-dinh"]
        assert all(Path(row[3]).is_file() for row in rows)


class TestHelp:
    @pytest.mark.parametrize(
        ("command", "mentions"),
        [
            ([], ["--debug", "--version", "--help", "validate", "render", "new", "templates"]),
            (["validate"], ["--debug", "--help", "PLAN"]),
            (["render"], ["--debug", "--help", "PLAN", "-o", "--output", "--template", "--force"]),
            (["new"], ["--debug", "--help", "--level", "--unit", "--year", "-o", "--output",
                       "--force"]),
            (["templates"], ["--debug", "--help"]),
        ],
        ids=["phongtrao", "validate", "render", "new", "templates"],
    )
    def test_help(self, cli: Cli, command: list[str], mentions: list[str]) -> None:
        """--help exits 0 and prints a usage that mentions every option."""
        outcome = cli(*command, "--help")
        assert (0, "") == (outcome.code, outcome.err)
        assert outcome.out.startswith(" ".join(["usage: phongtrao", *command]))
        assert [] == [option for option in mentions if option not in outcome.out]

    def test_version(self, cli: Cli) -> None:
        """--version prints the installed version."""
        expected = f"phongtrao {version('phongtrao')}\n"
        assert Outcome(0, expected, "") == cli("--version")
        assert phongtrao.__version__ == version("phongtrao")


def _boom(*args: object) -> None:
    raise RuntimeError("boom")


class TestErrors:
    @pytest.mark.parametrize(
        "args",
        [
            ["validate", "missing.yaml"],
            ["render", str(MINIMAL), "-o", "out.txt"],
            ["render", str(MINIMAL), "-o", "out.docx", "--template", "no-such"],
            ["new", "--level", "huyen", "--year", "2026", "-o", "plan.yaml"],
            ["new", "--unit", "xã X", "--level", "tinh", "-o", "plan.yaml"],
            ["new", "-o", "plan.txt"],
        ],
        ids=lambda args: " ".join(args[:1] + args[-2:]),
    )
    def test_one_line_without_traceback(
        self, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
    ) -> None:
        """An error is at most one line on standard error, never a traceback."""
        monkeypatch.chdir(tmp_path)
        outcome = cli(*args)
        assert 0 != outcome.code
        assert "Traceback" not in outcome.err
        assert len(outcome.err.splitlines()) <= 1

    @pytest.mark.parametrize(
        "args",
        [["validate"], ["render", "plan.yaml"], ["new"], ["bogus"], ["--bogus"]],
        ids=" ".join,
    )
    def test_usage_errors(self, cli: Cli, args: list[str]) -> None:
        """A usage error exits 2 with the usage and one error line, no traceback."""
        outcome = cli(*args)
        assert (2, "") == (outcome.code, outcome.out)
        assert "Traceback" not in outcome.err
        assert outcome.err.startswith("usage: phongtrao")
        error_line(outcome.err)

    def test_unexpected_error(self, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
        """An unexpected error is one line naming it and --debug, with no traceback."""
        monkeypatch.setattr(phongtrao.Renderer, "check", _boom)
        outcome = cli("validate", MINIMAL)
        expected = "phongtrao: error: RuntimeError: boom (run with --debug for details)\n"
        assert Outcome(2, "", expected) == outcome

    @pytest.mark.parametrize(
        "args",
        [["--debug", "validate", str(MINIMAL)], ["validate", str(MINIMAL), "--debug"]],
        ids=["before the command", "after the command"],
    )
    def test_unexpected_error_with_debug(
        self, cli: Cli, monkeypatch: pytest.MonkeyPatch, args: list[str]
    ) -> None:
        """With --debug (before or after the command) an unexpected error shows its traceback."""
        monkeypatch.setattr(phongtrao.Renderer, "check", _boom)
        outcome = cli(*args)
        assert 2 == outcome.code
        assert outcome.err.startswith("Traceback (most recent call last):")
        assert "phongtrao: error: RuntimeError: boom" == outcome.err.splitlines()[-1]

    def test_debug_changes_nothing_else(self, cli: Cli) -> None:
        """--debug after the command is accepted and leaves the outcome as it was."""
        assert cli("validate", CHECK_ERROR) == cli("validate", CHECK_ERROR, "--debug")

    def test_interrupted(self, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C exits 130 with one line."""

        def interrupt(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(phongtrao.Renderer, "check", interrupt)
        assert Outcome(130, "", "phongtrao: interrupted\n") == cli("validate", MINIMAL)


class TestEntryPoint:
    def run(self, *command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command], capture_output=True, text=True, encoding="utf-8",
            check=False, cwd=cwd, timeout=60,
        )

    def test_help(self, script: Path, tmp_path: Path) -> None:
        """The console script answers --help with exit 0."""
        result = self.run(script, "--help", cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        assert result.stdout.startswith("usage: phongtrao")

    def test_python_m(self, tmp_path: Path) -> None:
        """'python -m phongtrao --help' is the same command."""
        result = self.run(sys.executable, "-m", "phongtrao", "--help", cwd=tmp_path)
        assert (0, "") == (result.returncode, result.stderr)
        assert result.stdout.startswith("usage: phongtrao")

    def test_validate(self, script: Path, tmp_path: Path) -> None:
        """The console script validates: exit 1 and the problems, one a line."""
        result = self.run(script, "validate", MINIMAL, SEVERAL_PROBLEMS, cwd=tmp_path)
        expected = listed(MINIMAL) + listed(SEVERAL_PROBLEMS)
        assert (1, expected, "") == (result.returncode, result.stdout.splitlines(), result.stderr)

    def test_new_then_render(self, script: Path, tmp_path: Path) -> None:
        """The console script writes a starter plan, refuses it unfilled, renders a valid one."""
        assert 0 == self.run(script, "new", "-o", "plan.yaml", cwd=tmp_path).returncode
        refused = self.run(script, "render", "plan.yaml", "-o", "plan.docx", cwd=tmp_path)
        assert (1, "") == (refused.returncode, refused.stderr)
        rendered = self.run(script, "render", MINIMAL, "-o", "out.docx", cwd=tmp_path)
        assert (0, "out.docx\n", "") == (rendered.returncode, rendered.stdout, rendered.stderr)
        assert (tmp_path / "out.docx").is_file()
        assert not (tmp_path / "plan.docx").exists()

    def test_error_is_one_line(self, script: Path, tmp_path: Path) -> None:
        """A refused command exits 2 with one line on standard error and no traceback."""
        result = self.run(script, "new", "--level", "huyen", "--year", "2026", "-o", "p.yaml",
                          cwd=tmp_path)
        assert (2, "") == (result.returncode, result.stdout)
        assert 1 == len(result.stderr.splitlines())
        assert "Traceback" not in result.stderr


SET = Path(__file__).parent.parent / "examples" / "cam-xuyen-2021-set" / "plan.yaml"
EXAMPLE = SET.parent.parent / "cam-xuyen-2021" / "plan.yaml"


class TestPackage:
    def test_writes_the_set_and_lists_the_files(self, cli: Cli, tmp_path: Path) -> None:
        """package: exit 0, one written path a line, in the set's order."""
        outcome = cli("package", SET, "-o", tmp_path / "ho-so")
        assert (0, "") == (outcome.code, outcome.err)
        assert ["01-ke-hoach.docx", "02-de-cuong.docx", "03-giay-moi.docx",
                "04-chuong-trinh.docx", "05-to-trinh.docx", "06-quyet-dinh.docx",
                "07-bao-cao.docx", "08-cong-van.docx"] == [
            Path(line).name for line in outcome.out.splitlines()]

    def test_a_second_run_asks_for_force(self, cli: Cli, tmp_path: Path) -> None:
        """An existing set: exit 2 naming the files and --force; nothing changes."""
        assert 0 == cli("package", SET, "-o", tmp_path, "--document", "giay-moi").code
        before = (tmp_path / "03-giay-moi.docx").read_bytes()
        outcome = cli("package", SET, "-o", tmp_path, "--document", "giay-moi")
        assert (2, True, True) == (outcome.code, "03-giay-moi.docx" in outcome.err,
                                   "--force" in outcome.err)
        assert "overwrite=True" not in outcome.err
        assert before == (tmp_path / "03-giay-moi.docx").read_bytes()
        assert 0 == cli("package", SET, "-o", tmp_path, "--document", "giay-moi",
                        "--force").code

    def test_a_document_lacking_facts_is_left_out_with_exit_1(
            self, cli: Cli, tmp_path: Path) -> None:
        """The seed plan asks for no conference detail: a giấy mời is left out, saying why."""
        plan = tmp_path / "plan.yaml"
        plan.write_text(EXAMPLE.read_text(encoding="utf-8") + "\ndocuments:\n  invitation: {}\n",
                        encoding="utf-8")
        outcome = cli("package", plan, "-o", tmp_path / "out")
        assert (1, ["01-ke-hoach.docx"]) == (
            outcome.code, [Path(line).name for line in outcome.out.splitlines()])
        assert "Giấy mời (giay-moi) left out: it needs" in outcome.err
        assert "--draft" in outcome.err
        drafted = cli("package", plan, "-o", tmp_path / "draft", "--draft")
        # The giấy mời, and its chương trình (attached to it by default), as drafts.
        assert (0, 3) == (drafted.code, len(drafted.out.splitlines()))

    def test_render_one_kind(self, cli: Cli, tmp_path: Path) -> None:
        """Render --document quyet-dinh writes the decision alone."""
        out = tmp_path / "qd.docx"
        outcome = cli("render", SET, "--document", "quyet-dinh", "-o", out)
        assert (0, "") == (outcome.code, outcome.err)
        assert "QUYẾT ĐỊNH:" in testing.document_lines(out)

    def test_render_a_kind_lacking_facts_says_what(self, cli: Cli, tmp_path: Path) -> None:
        """A giấy mời of the seed plan: exit 3 naming what it needs; no file."""
        out = tmp_path / "gm.docx"
        outcome = cli("render", EXAMPLE, "--document", "giay-moi", "-o", out)
        assert (3, True, False) == (outcome.code, "it needs the conference's start time"
                                    in outcome.err, out.exists())
