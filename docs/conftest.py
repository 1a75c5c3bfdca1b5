"""What the doctests of the docs pages see.

pytest collects the ``>>>`` examples of docs/*.md (``--doctest-glob=*.md`` in
pyproject.toml). They run with only the built-in national defaults as plugins,
so that their output does not depend on the plugins installed, from the
repository's root — or, for the tutorials, from docs/tutorial/, which holds the
plan the tutorial writes, so that the examples read as a reader types them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from phongtrao._default import reset_default_renderer

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

#: Where a page's examples run, when not at the repository's root.
WORKING_FOLDERS = {
    "tutorial.md": DOCS / "tutorial",
    "tutorial-vi.md": DOCS / "tutorial",
}

# Sphinx's configuration and its output are not doctests.
collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]


@pytest.fixture(autouse=True)
def _docs_environment(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    monkeypatch.chdir(WORKING_FOLDERS.get(request.node.path.name, ROOT))
    monkeypatch.setenv("PHONGTRAO_PLUGINS", "none")
    reset_default_renderer()
    yield
    reset_default_renderer()
