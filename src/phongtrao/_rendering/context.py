"""Outline -> context: the documented, versioned names a template sees.

The context is the contract for template authors (docs/templates.md). It holds
typed, frozen objects and tuples — never raw dicts, whose keys would shadow
dict methods in Jinja (``items``). Adding a name is a minor change; renaming or
removing one raises :data:`CONTEXT_VERSION`.

:func:`template_context` is a pure function of the plan and its outline: the
plugins have adjusted the outline before (``phongtrao_adjust_outline``) and
add their names after (``phongtrao_template_context``), in
:class:`~phongtrao._rendering.renderer.Renderer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from phongtrao._kinds import CONTEXT_VERSION, paper_context
from phongtrao._kinds.plan import plan_paper
from phongtrao._outline import Section
from phongtrao.model import Plan

__all__ = ["CONTEXT_VERSION", "template_context"]


def template_context(plan: Plan, sections: Sequence[Section] | None = None) -> dict[str, Any]:
    """The names a template sees when ``plan``'s Kế hoạch is rendered, before plugins add theirs.

    Args:
        plan: the plan.
        sections: the body's sections as the plugins adjusted them; the
            built-in outline of ``plan`` when None.

    Returns:
        A mapping of the documented names (see docs/templates.md):
        ``context_version``, ``plan``, ``document``, ``header``, ``kind_title``,
        ``title``, ``addressees``, ``authority``, ``bases``, ``introduction``,
        ``body``, ``closing``, ``recipients_title``, ``recipients``,
        ``signature`` and ``annexes``. The other kinds of document see the same
        names (:mod:`phongtrao._kinds`).
    """
    return paper_context(plan_paper(plan, sections), plan)
