"""``phongtrao lint``: one line per finding, a summary per file, exit codes, JSON, any terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from phongtrao._cli import main

from .documents import broken, build_docx

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """``phongtrao ARGS…`` run in-process: (exit code, standard output, standard error)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="module")
def conforming() -> bytes:
    return build_docx()


@pytest.fixture
def files(tmp_path: Path, conforming: bytes) -> dict[str, Path]:
    """A conforming document, one with an error, one with a warning only, and a text file."""
    made = {"good": conforming, "bad": broken(conforming, "margin-left"),
            "warned": broken(conforming, "recipients-drafter"),
            "notes": "chỉ là văn bản".encode()}
    paths = {}
    for name, data in made.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        paths[name] = path
    return paths


class TestExitCodes:
    def test_a_conforming_document(self, cli: Run, files: dict[str, Path]) -> None:
        """Exit 0 and one summary line saying it conforms."""
        assert (0, f"{files['good']}: conforms\n", "") == cli("lint", files["good"])

    def test_warnings_do_not_fail(self, cli: Run, files: dict[str, Path]) -> None:
        """A document with warnings only conforms: exit 0, the warning listed."""
        code, out, _ = cli("lint", files["warned"])
        lines = out.splitlines()
        assert (0, 2, f"{files['warned']}: conforms (1 warning)") == (code, len(lines), lines[-1])
        assert lines[0].startswith(f"{files['warned']}: warning recipients-drafter: ")

    def test_an_error(self, cli: Run, files: dict[str, Path]) -> None:
        """Exit 1; the finding in Vietnamese and English with where it is and its basis."""
        code, out, err = cli("lint", files["bad"])
        first, summary = out.splitlines()
        expected = (f"{files['bad']}: error margin-left: Định dạng trang, phần (section) 1: Lề "
                    "trái 20 mm; lề trái phải cách mép trái từ 30 đến 35 mm. | page setup, "
                    "section 1: the left margin is 20 mm; it must be 30-35 mm [Nghị định "
                    "30/2020/NĐ-CP, Phụ lục I, Phần I, mục I, khoản 3]")
        assert (1, expected, f"{files['bad']}: does not conform: 1 error", "") == (
            code, first, summary, err)

    def test_an_unreadable_file_among_others(self, cli: Run, files: dict[str, Path]) -> None:
        """Exit 2 with one line for the file that cannot be read; the others are still checked."""
        code, out, err = cli("lint", files["notes"], files["good"], files["bad"])
        line = (f"phongtrao: error: {files['notes']}: cannot be read as a .docx: it is not a "
                ".docx (not a zip package)")
        assert (2, [line]) == (code, err.splitlines())
        assert [f"{files['good']}: conforms", f"{files['bad']}: does not conform: 1 error"] == [
            line for line in out.splitlines() if "conform" in line]

    def test_the_worst_exit_code_wins(self, cli: Run, files: dict[str, Path]) -> None:
        """An error in one file and a conforming other: exit 1."""
        assert 1 == cli("lint", files["good"], files["bad"])[0]

    def test_no_file_is_a_usage_error(self, cli: Run) -> None:
        """Without a file: exit 2 and the usage."""
        code, _, err = cli("lint")
        assert (2, True) == (code, err.startswith("usage: phongtrao lint"))


class TestOutput:
    def test_a_reader_that_stops_reading_ends_it_quietly(self, files: dict[str, Path]) -> None:
        """Piped into a reader that closes early (| head), the command ends without a word."""
        environment = dict(os.environ, PHONGTRAO_PLUGINS="none")
        command = [sys.executable, "-m", "phongtrao", "lint", *[str(files["bad"])] * 200]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=environment)
        assert process.stdout is not None
        process.stdout.readline()
        process.stdout.close()
        _, err = process.communicate(timeout=60)
        assert (141, b"") == (process.returncode, err)


class TestJson:
    def test_a_list_of_files_with_their_findings(self, cli: Run, files: dict[str, Path]) -> None:
        """--format json prints one object per file, findings with where and basis."""
        code, out, _ = cli("lint", "--format", "json", files["bad"], files["notes"])
        report = json.loads(out)
        bad, notes = report
        finding = bad["findings"][0]
        assert (2, True, False, 1, 0) == (code, bad["readable"], bad["conforms"], bad["errors"],
                                          bad["warnings"])
        assert {"code": "margin-left", "severity": "error", "evaluated": True,
                "part": "page", "section": 1} == {
            "code": finding["code"], "severity": finding["severity"],
            "evaluated": finding["evaluated"], "part": finding["where"]["part"],
            "section": finding["where"]["section"]}
        assert finding["basis"].startswith("Nghị định 30/2020/NĐ-CP")
        assert (False, "it is not a .docx (not a zip package)") == (notes["readable"],
                                                                   notes["error"])


class TestAnyTerminal:
    def test_a_terminal_without_vietnamese_letters(self, files: dict[str, Path]) -> None:
        """Where the output encoding lacks Vietnamese letters, they are escaped, not a crash."""
        environment = dict(os.environ, PYTHONIOENCODING="ascii", PHONGTRAO_PLUGINS="none")
        done = subprocess.run([sys.executable, "-m", "phongtrao", "lint", str(files["bad"]),
                               str(files["notes"])], capture_output=True, env=environment,
                              timeout=60, check=False)
        out = done.stdout.decode("ascii")
        assert (2, True, True, False) == (done.returncode, "L\\u1ec1 tr\\xe1i" in out,
                                          done.stderr.startswith(b"phongtrao: error: "),
                                          b"Traceback" in done.stderr)
