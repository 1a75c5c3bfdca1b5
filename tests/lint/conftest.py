"""The documents the lint tests read, made once per session.

- phongtrao's: the ward-2025 plan rendered with each template (zero findings);
- python-docx's, built another way (:mod:`tests.lint.documents`), with each
  header layout (zero findings), and broken once per rule;
- LibreOffice's: all of those converted in ONE ``soffice --convert-to docx``
  run with a private profile, removed afterwards. Without LibreOffice these
  tests skip, unless ``PHONGTRAO_REQUIRE_SOFFICE`` is set: then they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import phongtrao
from phongtrao import Plugins, Renderer

from .documents import BREAKERS, LAYOUTS, broken, build_docx

ROOT = Path(__file__).resolve().parents[2]
WARD = ROOT / "examples" / "ward-2025" / "plan.yaml"
TEMPLATES = ("ke-hoach", "ha-tinh-2021", "hue-2025")
#: The rules are broken in these documents of each source.
BASE = {"phongtrao": "ke-hoach", "python-docx": "table"}
_SOFFICE_TIMEOUT = 300


@pytest.fixture(scope="session")
def builtin_only() -> Plugins:
    """The national defaults only: the built-in rules, no plugin's."""
    return Plugins(False)


@pytest.fixture(scope="session")
def phongtrao_documents() -> dict[str, bytes]:
    """The ward-2025 plan rendered with the built-in template and both plugins' templates."""
    renderer = Renderer(Plugins(["ha-tinh", "hue"]))
    plan = phongtrao.load_plan(WARD)
    return {template: renderer.render_bytes(plan, template) for template in TEMPLATES}


@pytest.fixture(scope="session")
def python_docx_documents() -> dict[str, bytes]:
    """A conforming Kế hoạch built with python-docx, for each header layout."""
    return {layout: build_docx(layout) for layout in LAYOUTS}


@pytest.fixture(scope="session")
def broken_documents(phongtrao_documents: dict[str, bytes],
                     python_docx_documents: dict[str, bytes]) -> dict[tuple[str, str], bytes]:
    """Each rule broken in phongtrao's and python-docx's document: ``(source, code)``."""
    sources = {"phongtrao": phongtrao_documents[BASE["phongtrao"]],
               "python-docx": python_docx_documents[BASE["python-docx"]]}
    return {(source, code): broken(data, code)
            for source, data in sources.items() for code in BREAKERS}


def soffice_or_skip() -> str:
    """The LibreOffice program, or skip (fail when PHONGTRAO_REQUIRE_SOFFICE is set)."""
    program = phongtrao.find_soffice()
    if program is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
        pytest.skip("LibreOffice (soffice) is not installed; its documents cannot be made")
    return program


def convert(program: str, sources: list[Path], out: Path, profile: Path) -> None:
    """Convert every source to .docx in one LibreOffice run, its process group ended after."""
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", "docx", "--outdir", str(out),
               *map(str, sources)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        _, error = process.communicate(timeout=_SOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice did not convert {len(sources)} files in {_SOFFICE_TIMEOUT} s")
    finally:
        # LibreOffice may leave soffice.bin behind its launcher: end the whole group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    missing = [source.name for source in sources if not (out / source.name).exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {error!r}"


@pytest.fixture(scope="session")
def libreoffice_documents(
    tmp_path_factory: pytest.TempPathFactory, phongtrao_documents: dict[str, bytes],
    python_docx_documents: dict[str, bytes], broken_documents: dict[tuple[str, str], bytes],
) -> Iterator[dict[str, bytes]]:
    """Those documents as LibreOffice saves them again, by name.

    ``clean-<layout>`` and ``clean-ke-hoach`` conform; ``<code>`` is
    python-docx's document with that rule broken.
    """
    program = soffice_or_skip()
    folder = tmp_path_factory.mktemp("libreoffice")
    source, out, profile = folder / "in", folder / "out", folder / "profile"
    source.mkdir()
    out.mkdir()
    written: dict[str, bytes] = {}
    for layout, data in python_docx_documents.items():
        written[f"clean-{layout}"] = data
    written["clean-ke-hoach"] = phongtrao_documents["ke-hoach"]
    for (origin, code), data in broken_documents.items():
        if origin == "python-docx":
            written[code] = data
    for name, data in written.items():
        (source / f"{name}.docx").write_bytes(data)
    convert(program, sorted(source.iterdir()), out, profile)
    yield {path.stem: path.read_bytes() for path in out.iterdir()}
    shutil.rmtree(profile, ignore_errors=True)
