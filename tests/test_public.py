"""One public line: what users import is documented, everything else is private."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys

import phongtrao
from phongtrao import errors

from .conftest import ROOT

SRC = ROOT / "src" / "phongtrao"
#: The namespaces users import on purpose, besides phongtrao itself.
PUBLIC = ("phongtrao.model", "phongtrao.vi", "phongtrao.errors", "phongtrao.hookspecs",
          "phongtrao.testing")
API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def _module_names() -> list[str]:
    names = []
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


class TestPublicSurface:
    def test_every_name_of_the_api_is_documented_and_nothing_else(self) -> None:
        """phongtrao.__all__ is exactly the names docs/api.md documents under phongtrao."""
        documented = set(re.findall(r"^\.\. auto(?:function|class|exception|data)::\s+"
                                    r"phongtrao\.(\w+)\s*$", API, re.MULTILINE))
        # A name that is another namespace's object is documented there: "`phongtrao.Plan`
        # is {py:class}`phongtrao.model.Plan`".
        documented |= set(re.findall(r"`phongtrao\.(\w+)` is \{py:\w+\}", API))
        assert (set(), set()) == (set(phongtrao.__all__) - documented,
                                  documented - set(phongtrao.__all__))

    def test_import_exposes_only_the_api(self) -> None:
        """A fresh `import phongtrao` has no public attribute but __all__ and the namespaces."""
        probe = ("import phongtrao; print(' '.join(sorted(name for name in vars(phongtrao) "
                 "if not name.startswith('_'))))")
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True)
        namespaces = {name.split(".")[1] for name in PUBLIC}
        assert set() == set(result.stdout.split()) - set(phongtrao.__all__) - namespaces

    def test_every_other_module_is_private(self) -> None:
        """Each module under src/phongtrao is phongtrao, a public namespace, or has a _ name."""
        allowed = {"phongtrao", "phongtrao.__main__", *PUBLIC}
        public = [name for name in _module_names() if name not in allowed
                  and not any(part.startswith("_") for part in name.split(".")[1:])]
        assert [] == public

    def test_the_check_sees_a_public_module(self) -> None:
        """The module names above are read from the files: a public one would be listed."""
        assert "phongtrao.model._plan" in _module_names()
        assert "phongtrao.hookspecs" in _module_names()

    def test_every_public_namespace_lists_its_names(self) -> None:
        """Each public namespace has an __all__ whose names exist and are documented."""
        missing = []
        for module_name in PUBLIC:
            module = importlib.import_module(module_name)
            missing += [f"{module_name}.{name}" for name in module.__all__
                        if not hasattr(module, name)]
        assert [] == missing


class TestErrors:
    def test_every_error_derives_from_the_base(self) -> None:
        """Each exception class of the public namespaces is a PhongtraoError, or an interrupt."""
        found = {
            f"{module_name}.{name}": value
            for module_name in ("phongtrao", *PUBLIC)
            for name, value in vars(importlib.import_module(module_name)).items()
            if inspect.isclass(value) and issubclass(value, BaseException)
            and not name.startswith("_")
        }
        assert len(found) >= 6
        assert [] == sorted(name for name, value in found.items()
                            if not issubclass(value, errors.PhongtraoError | KeyboardInterrupt))

    def test_an_interrupted_batch_is_still_an_interrupt(self) -> None:
        """BatchInterrupted is a KeyboardInterrupt that no `except Exception` swallows."""
        stopped = errors.BatchInterrupted([], [], 3)
        assert (True, False, 3) == (isinstance(stopped, KeyboardInterrupt),
                                    isinstance(stopped, Exception), stopped.not_done)

    def test_the_hierarchy(self) -> None:
        """The four errors share the base, and stay what callers caught before."""
        assert (True, True, True, True, True, True) == (
            issubclass(errors.ModelError, errors.PhongtraoError),
            issubclass(errors.PlanError, errors.PhongtraoError),
            issubclass(errors.RenderError, errors.PhongtraoError),
            issubclass(errors.BatchError, errors.PhongtraoError),
            issubclass(errors.PlanError, ValueError),
            issubclass(errors.RenderError, RuntimeError),
        )
