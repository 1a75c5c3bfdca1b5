"""The generated parts of the docs follow the code; the pages around them include them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import docgen
import pytest
from docgen import cli as clidocs
from docgen.plan_files import classes

from phongtrao import LINT_RULES, PROBLEM_CODES
from phongtrao import _cli as cli

from .conftest import ROOT

DOCS = ROOT / "docs"
GENERATED = DOCS / "_generated"
#: The page that includes each generated part.
PAGES = {"hooks.md": "hooks.md", "cli.md": "cli.md", "problem-codes.md": "problem-codes.md",
         "plan-files.md": "plan-files.md", "limits.md": "security.md",
         "lint-rules.md": "lint-rules.md", "legal-sources.md": "legal-sources.md",
         "result-codes.md": "problem-codes.md"}


class TestGeneratedParts:
    def test_every_part_is_current(self) -> None:
        """docs/_generated/ holds what `python tools/gen_docs.py` writes from the code."""
        assert [] == docgen.stale(GENERATED)

    @pytest.mark.parametrize("name", sorted(docgen.GENERATED))
    def test_each_part_is_included_by_its_page(self, name: str) -> None:
        """The hand-written page includes its generated part with MyST's include."""
        page = (DOCS / PAGES[name]).read_text(encoding="utf-8")
        assert f"```{{include}} _generated/{name}" in page

    def test_no_source_file_generates_docs(self) -> None:
        """The generators live in tools/, not in the wheel: nothing in src/ writes docs pages."""
        sources = (ROOT / "src" / "phongtrao").rglob("*.py")
        offenders = [path.name for path in sources
                     if "docs/" in path.read_text(encoding="utf-8") and "def markdown" in
                     path.read_text(encoding="utf-8")]
        assert ([], False, False) == (offenders, (ROOT / "src/phongtrao/hookdocs.py").exists(),
                                      (ROOT / "src/phongtrao/clidocs.py").exists())

    def test_the_script_checks_and_writes(self, tmp_path: Path) -> None:
        """gen_docs.py --check exits 1 naming a stale part; without --check it mends it."""
        copy = tmp_path / "repo"
        shutil.copytree(ROOT / "tools", copy / "tools")
        shutil.copytree(GENERATED, copy / "docs" / "_generated")
        stale = copy / "docs" / "_generated" / "problem-codes.md"
        stale.write_text("old\n", encoding="utf-8")
        script = [sys.executable, str(copy / "tools" / "gen_docs.py")]
        checked = subprocess.run([*script, "--check"], capture_output=True, text=True,
                                 check=False)
        written = subprocess.run(script, capture_output=True, text=True, check=False)
        again = subprocess.run([*script, "--check"], capture_output=True, text=True, check=False)
        assert (1, "docs/_generated/problem-codes.md is stale", 0,
                "wrote docs/_generated/problem-codes.md\n", 0) == (
            checked.returncode, checked.stdout.split(";")[0], written.returncode,
            written.stdout, again.returncode)
        assert (GENERATED / "problem-codes.md").read_bytes() == stale.read_bytes()


class TestContents:
    def test_every_command_and_option_is_in_the_cli_reference(self) -> None:
        """Each command, subcommand and option string of the parser is in the CLI reference."""
        text = (GENERATED / "cli.md").read_text(encoding="utf-8")
        expected: list[str] = []
        for words, _, parser in clidocs._commands(cli._parser()):
            expected.append(f"## `phongtrao {words}`")
            expected += [option for action in parser._actions for option in action.option_strings]
        assert [] == [item for item in expected if item not in text]

    def test_every_problem_code_is_listed(self) -> None:
        """Each code of phongtrao.PROBLEM_CODES has its row."""
        text = (GENERATED / "problem-codes.md").read_text(encoding="utf-8")
        assert [] == [code for code in PROBLEM_CODES if f"| `{code}` |" not in text]

    def test_every_lint_rule_is_listed(self) -> None:
        """Each built-in lint rule has its row, with its severity and basis."""
        text = (GENERATED / "lint-rules.md").read_text(encoding="utf-8")
        rows = {line.split(" | ")[0].removeprefix("| ").strip("`"): line
                for line in text.splitlines() if line.startswith("| `")}
        assert [] == [code for code, rule in LINT_RULES.items()
                      if code not in rows or f"| {rule.severity.value} |" not in rows[code]
                      or rule.basis.split(",")[0] not in rows[code]]

    def test_every_plan_file_field_is_listed(self) -> None:
        """Each field of each class a plan file spells appears under its class."""
        text = (GENERATED / "plan-files.md").read_text(encoding="utf-8")
        missing = []
        for cls in classes():
            section = text.split(f"## {cls.__name__}\n", 1)[1].split("\n## ", 1)[0]
            missing += [f"{cls.__name__}.{field.name}" for field in attrs.fields(cls)
                        if f"| `{field.name}` |" not in section]
        assert [] == missing
