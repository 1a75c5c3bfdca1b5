"""Shared fixtures: the bundled example plan, and Hypothesis profiles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import phongtrao
from phongtrao._default import reset_default_renderer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"

# Tests see only the built-in national defaults unless they load plugins themselves
# (the plugins under plugins/ are installed for their own tests). Set here, before
# any fixture of any scope, and again around each test below.
os.environ["PHONGTRAO_PLUGINS"] = "none"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def no_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see only the built-in national defaults unless they load plugins themselves.

    The plugins under plugins/ are installed for their own tests; without this,
    they would choose their templates for every plan in every test.
    """
    monkeypatch.setenv("PHONGTRAO_PLUGINS", "none")
    reset_default_renderer()
    yield
    reset_default_renderer()


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The path of the Cẩm Xuyên 2021 example plan."""
    return EXAMPLE


@pytest.fixture(scope="session")
def example_plan() -> phongtrao.Plan:
    """The Cẩm Xuyên 2021 example plan, loaded."""
    return phongtrao.load_plan(EXAMPLE)


def require_soffice() -> None:
    """Skip without LibreOffice, unless PHONGTRAO_REQUIRE_SOFFICE says it must be there (CI)."""
    if phongtrao.find_soffice() is None:
        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
        pytest.skip("LibreOffice (soffice) is not installed; PDF output cannot be tested")


def processes_mentioning(text: str) -> list[str]:
    """The command lines of the running processes that mention ``text`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                "utf-8", "replace")
        except OSError:
            continue
        if text in command:
            found.append(f"{entry.name}: {command[:160]}")
    return found


@pytest.fixture
def private_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A TMPDIR of this test's own: LibreOffice's profiles go there, and only this test's."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder
