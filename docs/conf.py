"""Sphinx configuration of the phongtrao documentation (MyST Markdown, furo).

Build it, warnings as errors:
python -m pip install -e '.[docs]' && python -m sphinx -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import enum
from importlib.metadata import version as _version
from typing import Any

from docutils import nodes

project = "phongtrao"
author = "phongtrao developers"
copyright = "phongtrao developers, MIT licence"
release = _version("phongtrao")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# _generated/: parts the pages include, not pages of their own.
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
language = "en"

# -- MyST ----------------------------------------------------------------------
# colon_fence: ::: directives (notes); deflist: term/definition lists.
myst_enable_extensions = ["colon_fence", "deflist"]
# Anchors for headings down to ###, so that links such as plan-files.md#agency and
# hooks.md#phongtrao_templates (written by the generators) resolve.
myst_heading_anchors = 3

# -- autodoc and napoleon (Google-style docstrings) ----------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
# Show the alias, not the nested tuple it stands for.
autodoc_type_aliases = {"SortKey": "phongtrao.vi._text.SortKey"}

# Off on purpose: no network during the build (no intersphinx), and references to
# names outside the documented API (attrs, pluggy, the standard library) are plain
# text rather than errors.
nitpicky = False

# -- HTML -----------------------------------------------------------------------
html_theme = "furo"
html_title = f"phongtrao {release}"


# -- enums ----------------------------------------------------------------------
# The model's enums are the values plan files spell (xa, huyen, KH …): list every
# member with its value, and leave out Enum's own call signature
# "(value, names=None, *, module=None, …)", which says nothing about them.


def _enum_members(
    app: object, what: str, name: str, obj: object, skip: bool, options: object
) -> bool | None:
    """Keep enum members, which have no docstrings of their own."""
    return False if isinstance(obj, enum.Enum) else None


def _enum_signature(
    app: object, what: str, name: str, obj: object, options: object,
    signature: str | None, return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """No call signature for an enum class."""
    if what in ("class", "exception") and isinstance(obj, type) and issubclass(obj, enum.Enum):
        return "", None
    return None


# -- doctest blocks ------------------------------------------------------------
# A `>>>` example in a page must end with a blank line before its closing fence,
# or pytest's doctest would read the fence as expected output; drop that blank
# line from the rendered block. (rawsource is kept equal to the text, or Sphinx
# would take the block for a parsed literal and not highlight it.)


def _strip_trailing_blank_lines(app: object, doctree: nodes.document) -> None:
    for block in doctree.findall(nodes.literal_block):
        text = block.astext()
        if text.endswith("\n") and len(block.children) == 1 and isinstance(block[0], nodes.Text):
            block[0] = nodes.Text(text.rstrip("\n"))
            block.rawsource = text.rstrip("\n")


def setup(app: Any) -> None:
    """Connect the handlers above."""
    app.connect("autodoc-skip-member", _enum_members)
    app.connect("autodoc-process-signature", _enum_signature)
    app.connect("doctree-read", _strip_trailing_blank_lines)
