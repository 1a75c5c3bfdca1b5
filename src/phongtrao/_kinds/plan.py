"""Kế hoạch (KH) — the plan itself: its outline, and the đề cương when attached to it."""

from __future__ import annotations

from collections.abc import Sequence

from phongtrao._kinds.enactment import enacted_line
from phongtrao._kinds.outline import outline_annex, renumbered
from phongtrao._kinds.paper import Paper
from phongtrao._outline import Section, build_outline, number_outline, phrases
from phongtrao._outline.frame import annex_blocks, signature_block
from phongtrao.model import Plan

__all__ = ["KEY", "missing", "plan_paper", "wanted"]

KEY = "ke-hoach"


def wanted(plan: Plan) -> bool:
    """A plan always has its Kế hoạch."""
    return True


def missing(plan: Plan) -> tuple[str, ...]:
    """Nothing: every plan that loads makes its Kế hoạch."""
    return ()


def plan_paper(plan: Plan, sections: Sequence[Section] | None = None) -> Paper:
    """The Kế hoạch of ``plan``, its body from ``sections`` (the built-in outline by default)."""
    outline = build_outline(plan) if sections is None else sections
    annexes = annex_blocks(plan)
    attached = outline_annex(plan)
    if attached is not None:  # the đề cương, after the plan's own annexes
        annexes = renumbered((*annexes, attached))
    enacted = enacted_line(plan)
    return Paper(
        key=KEY,
        kind=plan.document.kind,
        issuer=plan.issuer,
        parent=plan.parent,
        number=plan.document.number,
        date=plan.document.date,
        place=plan.place,
        kind_title=plan.document.kind.vi.upper(),
        title=plan.title,
        bases=() if enacted else phrases.basis_lines(plan.bases),
        introduction=plan.introduction,
        body=number_outline(outline),
        closing=plan.closing,
        signature=signature_block(plan),
        recipients=() if enacted else plan.recipients,
        annexes=annexes,
        enacted_by=enacted,
    )
