"""The one default: the renderer the top-level functions use when given none.

``phongtrao.render(plan, "x.docx")`` and the other top-level functions take a
``renderer=`` (or, for :func:`phongtrao.check`, ``plugins=``). Without one they
use :func:`default_renderer`: built on first use from the installed plugins
that ``PHONGTRAO_PLUGINS`` selects, then kept for the process. It is the only
state phongtrao keeps between calls; programs that want other plugins build
their own :class:`~phongtrao.Renderer` and pass it.
"""

from __future__ import annotations

import threading

from phongtrao._rendering import Renderer

__all__ = ["default_renderer", "reset_default_renderer"]

_LOCK = threading.Lock()
_DEFAULT: list[Renderer] = []


def default_renderer() -> Renderer:
    """The process's default renderer, built on first use (``PHONGTRAO_PLUGINS`` selects)."""
    with _LOCK:
        if not _DEFAULT:
            _DEFAULT.append(Renderer())
        return _DEFAULT[0]


def reset_default_renderer() -> None:
    """Forget the default renderer, so the next use loads the plugins again."""
    with _LOCK:
        _DEFAULT.clear()
