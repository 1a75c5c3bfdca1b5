"""The built-in national templates, shipped as package data in ``phongtrao/templates/``.

``ke-hoach`` is the Kế hoạch of Nghị định 30/2020/NĐ-CP; each other kind of
the conference's documents has its own (``giay-moi``, ``quyet-dinh`` …), and
``phu-luc`` prints an annex sent on its own. All are built by
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

__all__ = ["ANNEX", "BUILTIN", "KIND_TEMPLATES", "builtin_template"]

#: Built-in template names and the document kinds they serve.
BUILTIN: dict[str, str] = {
    "ke-hoach": "KH",
    "de-cuong": "HD",
    "giay-moi": "GM",
    "chuong-trinh": "CTr",
    "to-trinh": "TTr",
    "quyet-dinh": "QĐ",
    "bao-cao": "BC",
    "cong-van": "CV",
    "quyet-dinh-ban-hanh": "QĐ",
    "phu-luc": "KH",
}

#: The template of an annex printed on its own (no header, no signature).
ANNEX = "phu-luc"
#: The templates of the kinds of document, in the order of the set; each is named as its
#: kind (:data:`phongtrao.DOCUMENTS`), so the command line can list them without loading them.
KIND_TEMPLATES: tuple[str, ...] = tuple(name for name in BUILTIN if name != ANNEX)


def builtin_template(name: str) -> Traversable:
    """The file of a built-in template, to copy and restyle (``builtin_template("ke-hoach")``).

    Raises:
        KeyError: when ``name`` is not a built-in template; the message lists them.
    """
    if name not in BUILTIN:
        raise KeyError(f"no built-in template {name!r}; expected one of {', '.join(BUILTIN)}")
    return files("phongtrao") / "templates" / f"{name}.docx"
