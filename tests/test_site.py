"""The documentation site stays true to the code: generated pages, API, toctrees, examples.

The doctests of the pages (``>>>`` in docs/*.md) and of the modules run through
pytest's own doctest collection (pyproject.toml); this file checks the rest.
"""

from __future__ import annotations

import importlib
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import phongtrao
from phongtrao import _cli as cli

from .conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
TUTORIALS = [DOCS / "tutorial.md", DOCS / "tutorial-vi.md"]
TUTORIAL_PLAN = DOCS / "tutorial" / "ke-hoach.yaml"

#: The modules api.md documents with automodule, besides the top-level names.
PUBLIC_MODULES = (
    "phongtrao.model",
    "phongtrao.vi",
    "phongtrao.errors",
    "phongtrao.hookspecs",
    "phongtrao.testing",
)

_FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[\w-]+\}|[\w-]*)\s*(.*)$")


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """The fenced blocks of a MyST page: (info word, lines), nested fences skipped."""
    blocks: list[tuple[str, list[str]]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index].lstrip())
        if opening is None or not opening.group(2):
            index += 1
            continue
        fence, info = opening.group(1), opening.group(2)
        body: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            body.append(lines[index])
            index += 1
        blocks.append((info, body))
        index += 1
    return blocks


def _toctree_entries(text: str) -> list[str]:
    entries = []
    for info, body in _blocks(text):
        if info != "{toctree}":
            continue
        for line in body:
            entry = line.strip()
            if not entry or entry.startswith(":"):
                continue
            titled = re.search(r"<([^>]+)>$", entry)
            entries.append(titled.group(1) if titled else entry)
    return entries


def _autodoc(text: str) -> tuple[set[str], dict[str, set[str]]]:
    """What api.md documents: objects named directly, and automodules with their exclusions."""
    direct = set(re.findall(r"^\.\. auto(?:function|class|exception|data)::\s+(\S+)\s*$",
                            text, re.MULTILINE))
    modules: dict[str, set[str]] = {}
    for match in re.finditer(r"^\.\. automodule::\s+(\S+)\s*\n((?:[ \t]+:.*\n?)*)", text,
                             re.MULTILINE):
        options = match.group(2)
        if ":members:" not in options:
            continue
        excluded = re.search(r":exclude-members:\s*(.+)", options)
        names = {name.strip() for name in excluded.group(1).split(",")} if excluded else set()
        modules[match.group(1)] = names
    return direct, modules


class TestApiPage:
    def test_every_public_name_is_documented(self) -> None:
        """Each name of phongtrao.__all__ has an autodoc directive or an automodule's members."""
        direct, modules = _autodoc((DOCS / "api.md").read_text(encoding="utf-8"))
        missing = []
        for name in phongtrao.__all__:
            if f"phongtrao.{name}" in direct:
                continue
            value = getattr(phongtrao, name)
            owners = [
                module for module, excluded in modules.items()
                if name in getattr(importlib.import_module(module), "__all__", ())
                and getattr(importlib.import_module(module), name) is value
                and name not in excluded
            ]
            if not owners:
                missing.append(name)
        assert [] == missing

    def test_every_public_module_is_documented(self) -> None:
        """Each public module has an automodule with its members in api.md."""
        _, modules = _autodoc((DOCS / "api.md").read_text(encoding="utf-8"))
        assert [] == [module for module in PUBLIC_MODULES if module not in modules]

    def test_names_left_out_of_a_module_are_documented_elsewhere(self) -> None:
        """A name excluded from an automodule is documented under phongtrao instead."""
        direct, modules = _autodoc((DOCS / "api.md").read_text(encoding="utf-8"))
        lost = [
            f"{module}.{name}"
            for module, excluded in modules.items()
            for name in excluded
            if f"phongtrao.{name}" not in direct
            or getattr(phongtrao, name) is not getattr(importlib.import_module(module), name)
        ]
        assert [] == lost


class TestToctrees:
    def test_every_page_is_in_a_toctree(self) -> None:
        """Each docs/*.md page but the root is listed in some toctree."""
        listed = {entry for page in PAGES for entry in _toctree_entries(page.read_text("utf-8"))}
        pages = {page.stem for page in PAGES} - {"index"}
        assert [] == sorted(pages - listed)

    def test_every_toctree_entry_is_a_page(self) -> None:
        """Each toctree entry names a page that exists."""
        listed = {entry for page in PAGES for entry in _toctree_entries(page.read_text("utf-8"))}
        assert [] == sorted(listed - {page.stem for page in PAGES})


class TestCommandsInTheDocs:
    @pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
    def test_documented_command_lines_parse(
        self, page: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each `phongtrao …` line of a console or sh block is valid for the current parser."""
        bad = []
        for info, body in _blocks(page.read_text(encoding="utf-8")):
            if info not in ("console", "sh"):
                continue
            for line in body:
                command = line.removeprefix("$ ").strip()
                if not command.startswith("phongtrao "):
                    continue
                words = shlex.split(command, comments=True)[1:]
                try:
                    cli._parser().parse_args(words)
                except cli._CommandError as stop:
                    if stop.code != 0:  # --version and --help leave with 0
                        bad.append(f"{command}: {stop.message}")
        capsys.readouterr()
        assert [] == bad


class TestTutorial:
    @pytest.fixture
    def folder(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        """An empty folder to work in, as the reader's."""
        monkeypatch.chdir(tmp_path)
        return tmp_path

    def _run(self, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
        code = cli.main(args)
        return code, capsys.readouterr().out.splitlines()

    def test_starter_plan_output_is_shown(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """What `phongtrao new` and `validate` print for the starter plan is in both tutorials."""
        code, written = self._run(
            ["new", "--unit", "xã Cẩm Bình, Hà Tĩnh", "--year", "2025", "-o", "ke-hoach.yaml"],
            capsys
        )
        assert 0 == code
        code, problems = self._run(["validate", "ke-hoach.yaml"], capsys)
        assert 1 == code
        for page in TUTORIALS:
            text = page.read_text(encoding="utf-8")
            assert [] == [line for line in written + problems if line not in text], page.name

    def test_the_filled_plan_is_clean(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The tutorial's finished plan validates with no output and exit code 0."""
        (folder / "ke-hoach.yaml").write_text(TUTORIAL_PLAN.read_text("utf-8"), "utf-8")
        assert (0, []) == self._run(["validate", "ke-hoach.yaml"], capsys)

    def test_the_slip_shown_is_real(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The day-first date the tutorials show gives exactly the error they print."""
        lines = TUTORIAL_PLAN.read_text("utf-8").splitlines(keepends=True)
        # The reader's file has no header comment: line numbers are counted without it.
        text = "".join(lines[next(i for i, line in enumerate(lines) if line.strip()
                                  and not line.startswith("#")):])
        (folder / "ke-hoach.yaml").write_text(
            text.replace("  date: 2025-08-05", "  date: 05/08/2025"), "utf-8"
        )
        code, output = self._run(["validate", "ke-hoach.yaml"], capsys)
        assert 1 == code
        for page in TUTORIALS:
            text = page.read_text(encoding="utf-8")
            assert [] == [line for line in output if line not in text], page.name

    def test_the_filled_plan_is_offered_for_download(self) -> None:
        """Both tutorials link the finished plan file."""
        for page in TUTORIALS:
            assert "<tutorial/ke-hoach.yaml>" in page.read_text(encoding="utf-8"), page.name


class TestBuild:
    def test_site_builds_without_warnings(self, tmp_path: Path) -> None:
        """`python -m sphinx -W --keep-going -b html docs …` passes (about 10 s)."""
        pytest.importorskip("sphinx", reason="the docs extra is not installed: "
                            "python -m pip install -e '.[docs]'")
        pytest.importorskip("myst_parser", reason="the docs extra is not installed")
        pytest.importorskip("furo", reason="the docs extra is not installed")
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
             "-d", str(tmp_path / "doctrees"), str(DOCS), str(tmp_path / "html")],
            capture_output=True, text=True, check=False, timeout=300,
        )
        assert (0, "") == (result.returncode, result.stderr)
