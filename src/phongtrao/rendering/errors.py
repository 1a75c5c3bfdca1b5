"""The exception rendering raises when a template or a converter fails."""

from __future__ import annotations

__all__ = ["RenderError"]


class RenderError(RuntimeError):
    """A plan could not be rendered: a template error, or PDF conversion failed.

    The message names the template (or program) and what would fix it. Problems
    in the plan itself raise :class:`~phongtrao.problems.PlanError` instead.
    """
