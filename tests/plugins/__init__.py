"""Helpers for the plugin tests: templates with one more paragraph, real installs, the command.

Plugins are installed for real with pip into a folder of their own
(``--target``), offline (``--no-deps --no-build-isolation --no-index``: hatchling
is in the test extra), and the command runs in a subprocess with that folder on
``PYTHONPATH`` and ``PHONGTRAO_PLUGINS`` unset, as a user would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import docx

from phongtrao import builtin_template
from phongtrao._plugins import ENV


def template_with(folder: Path, paragraph: str, name: str = "custom.docx") -> Path:
    """The built-in template with one more paragraph holding ``paragraph``."""
    return add_paragraph(Path(str(builtin_template("ke-hoach"))), paragraph, folder / name)


def add_paragraph(template: Path, paragraph: str, out: Path | None = None) -> Path:
    """Add a paragraph at the end of the .docx ``template``, saved to ``out`` (or in place)."""
    document = docx.Document(str(template))
    document.add_paragraph(paragraph)
    target = template if out is None else out
    document.save(str(target))
    return target


def pip_install(project: Path, target: Path) -> None:
    """Install the distribution in ``project`` into the folder ``target``, offline."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps",
         "--no-index", "--disable-pip-version-check", "--target", str(target), str(project)],
        check=True, capture_output=True, text=True,
    )


def environment(site: Path) -> dict[str, str]:
    """This process's environment with ``site`` on PYTHONPATH and PHONGTRAO_PLUGINS unset."""
    env = {key: value for key, value in os.environ.items()
           if key not in (ENV, "PYTHONPATH", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(site)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(*args: str | Path, site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` with the plugins installed in ``site``."""
    return subprocess.run([sys.executable, *map(str, args)], cwd=cwd, env=environment(site),
                          capture_output=True, text=True, encoding="utf-8", check=False)


def command(*args: str | Path, site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command ``phongtrao ARGS`` with the plugins installed in ``site``."""
    return run("-m", "phongtrao", *args, site=site, cwd=cwd)


@attrs.frozen
class Site:
    """A folder on ``sys.path`` where distributions with entry points are written."""

    folder: Path

    def add(self, name: str, source: str, version: str = "1.0") -> None:
        """Write the distribution ``fake-NAME`` with the entry point ``NAME`` for ``source``."""
        module = "fake_" + name.replace("-", "_")
        (self.folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = self.folder / f"fake_{module[5:]}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: fake-{name}\nVersion: {version}\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[phongtrao]\n{name} = {module}\n",
                                               encoding="utf-8")
