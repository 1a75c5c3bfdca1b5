"""The built-in national templates, shipped as package data in ``phongtrao/templates/``.

``ke-hoach`` is the Kế hoạch of Nghị định 30/2020/NĐ-CP, built by
``tools/build_templates.py``.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["BUILTIN", "builtin_template"]

#: Built-in template names and the document kinds they serve.
BUILTIN: dict[str, str] = {"ke-hoach": "KH"}


def builtin_template(name: str) -> Traversable:
    """The file of a built-in template, to copy and restyle (``builtin_template("ke-hoach")``).

    Raises:
        KeyError: when ``name`` is not a built-in template; the message lists them.
    """
    if name not in BUILTIN:
        raise KeyError(f"no built-in template {name!r}; expected one of {', '.join(BUILTIN)}")
    return files("phongtrao") / "templates" / f"{name}.docx"
