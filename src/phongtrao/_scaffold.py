"""``phongtrao plugin new NAME``: write a plugin distribution that installs and works.

The scaffold holds a ``pyproject.toml`` with the entry point, a plugin module
implementing a template, a catalog and a check as examples, a copy of the
national template to restyle, a README, and a test that the plugin registers.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

__all__ = ["plugin_names", "write_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
#: Names a plugin cannot take: the built-in plugin's (phongtrao._plugins.NATIONAL), and the
#: words PHONGTRAO_PLUGINS reads as "every plugin" and "no plugin".
_RESERVED = {
    "national": "the name of phongtrao's built-in plugin, which a plugin cannot replace",
    "all": "a word PHONGTRAO_PLUGINS reads as 'every plugin'",
    "none": "a word PHONGTRAO_PLUGINS reads as 'no plugin'",
}


def plugin_names(name: str) -> tuple[str, str, str]:
    """The entry-point name, distribution name and package name for a plugin name.

    ``quang-tri`` gives (``quang-tri``, ``phongtrao-quang-tri``, ``phongtrao_quang_tri``).

    Raises:
        ValueError: when the name is not lower-case ASCII words joined by '-', or is
            reserved (``national``, ``all``, ``none``).
    """
    short = name.removeprefix("phongtrao-")
    if not _NAME.fullmatch(short):
        raise ValueError(
            f"{name!r} is not a plugin name; expected lower-case ASCII words joined by '-', "
            "such as 'quang-tri'"
        )
    if short in _RESERVED:
        raise ValueError(
            f"{name!r} is {_RESERVED[short]}; choose another name, such as 'quang-tri'"
        )
    return short, f"phongtrao-{short}", "phongtrao_" + short.replace("-", "_")


_PYPROJECT = '''\
[build-system]
requires = ["hatchling>=1.18"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "phongtrao plugin: {short}"
requires-python = ">=3.10"
dependencies = ["phongtrao"]

[project.optional-dependencies]
test = ["pytest>=8"]

[project.entry-points.phongtrao]
{short} = "{package}.plugin"

[tool.hatch.build.targets.wheel]
packages = ["src/{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
filterwarnings = ["error"]
'''

_PLUGIN = '''\
"""phongtrao plugin {dist}: templates, catalog data and checks for {short}.

Each function below implements the hook of the same name; see the hook
reference (docs/hooks.md of phongtrao) for every hook and its arguments.
Delete the ones you do not need.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from phongtrao.hookspecs import Catalog, Problem, Severity, TemplateSpec, hookimpl
from phongtrao.model import Plan

TEMPLATE = "{short}"


@hookimpl
def phongtrao_templates() -> list[TemplateSpec]:
    """The plugin's template: a copy of the national one, to restyle in Word."""
    return [
        TemplateSpec(
            name=TEMPLATE,
            file=files("{package}") / "templates" / "{short}.docx",
            description="Kế hoạch ({short})",
        )
    ]


@hookimpl
def phongtrao_catalog() -> Catalog:
    """Reference data: recipients every plan of {short} sends to."""
    return Catalog(recipients=("Lưu: VT",))


@hookimpl
def phongtrao_check(plan: Plan) -> Iterator[Problem]:
    """An example check: the plan has a title of some length."""
    if len(plan.title) < 10:
        yield Problem(
            path="$.title",
            code="{short}-title",
            message="the title is very short; expected the full trích yếu",
            severity=Severity.WARNING,
        )
'''

_TEST = '''\
"""The plugin registers with phongtrao, provides its template and renders a plan."""

from phongtrao import testing


def test_plugin_registers_without_failures() -> None:
    """phongtrao finds the plugin through its entry point and loads it cleanly."""
    plugins = testing.make_plugins(installed=["{short}"])
    assert [] == [str(failure) for failure in plugins.failures]
    assert "{short}" in plugins.names()


def test_template_is_registered() -> None:
    """The plugin's template can be chosen by name."""
    plugins = testing.make_plugins(installed=["{short}"])
    assert "{short}" == plugins.templates()["{short}"][0]


def test_a_plan_renders_with_the_template() -> None:
    """The smallest sound plan renders with the plugin's template, its checks passing."""
    renderer = testing.make_renderer(installed=["{short}"])
    plan = testing.minimal_plan()
    assert [] == renderer.check(plan)
    assert "KẾ HOẠCH" in testing.render_text(plan, "{short}", renderer=renderer)
'''

_README = '''\
# {dist}

A [phongtrao](https://pypi.org/project/phongtrao/) plugin for {short}.

```sh
pip install -e .            # phongtrao finds it through its entry point
phongtrao plugins           # lists {short}, its hooks and templates
pip install -e '.[test]' && pytest
```

Edit `src/{package}/plugin.py` (see phongtrao's hook reference) and restyle
`src/{package}/templates/{short}.docx` in Word or LibreOffice, keeping its tags.
'''


def write_plugin(name: str, folder: Path) -> Path:
    """Write the plugin distribution for ``name`` under ``folder``.

    Returns:
        The distribution's folder (``folder/phongtrao-NAME``).

    Raises:
        ValueError: when the name is not valid.
        FileExistsError: when the distribution's folder exists.
    """
    short, dist, package = plugin_names(name)
    root = folder / dist
    if root.exists():
        raise FileExistsError(f"{root} exists; choose another name or folder")
    values = {"short": short, "dist": dist, "package": package}
    texts = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        f"src/{package}/__init__.py": '"""phongtrao plugin {dist}."""\n',
        f"src/{package}/plugin.py": _PLUGIN,
        "tests/test_plugin.py": _TEST,
    }
    for relative, text in texts.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(**values), encoding="utf-8")
    template = root / "src" / package / "templates" / f"{short}.docx"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_bytes((files("phongtrao") / "templates" / "ke-hoach.docx").read_bytes())
    return root
