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

from phongtrao._outline import Section, build_outline, number_outline, phrases
from phongtrao._outline.frame import annex_blocks, end_marked, header, signature_block
from phongtrao.model import Plan

__all__ = ["CONTEXT_VERSION", "template_context"]

#: The version of the context contract; templates may test it.
CONTEXT_VERSION = 1


def template_context(plan: Plan, sections: Sequence[Section] | None = None) -> dict[str, Any]:
    """The names a template sees when ``plan`` is rendered, before plugins add theirs.

    Args:
        plan: the plan.
        sections: the body's sections as the plugins adjusted them; the
            built-in outline of ``plan`` when None.

    Returns:
        A mapping of the documented names (see docs/templates.md):
        ``context_version``, ``plan``, ``header``, ``kind_title``, ``title``,
        ``bases``, ``introduction``, ``body``, ``closing``, ``recipients_title``,
        ``recipients``, ``signature`` and ``annexes``.
    """
    outline = build_outline(plan) if sections is None else sections
    body, closing = end_marked(number_outline(outline), plan.closing)
    return {
        "context_version": CONTEXT_VERSION,
        "plan": plan,
        "header": header(plan),
        "kind_title": plan.document.kind.vi.upper(),
        "title": plan.title,
        "bases": phrases.basis_lines(plan.bases),
        "introduction": plan.introduction,
        "body": body,
        "closing": closing,
        "recipients_title": "Nơi nhận:",
        "recipients": phrases.recipient_lines(plan.recipients),
        "signature": signature_block(plan),
        "annexes": annex_blocks(plan),
    }
