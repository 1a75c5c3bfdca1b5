"""phongtrao: typed plans for the summary conferences of Vietnamese mass movements.

Load a plan, check it, and render it to a Decree-30 document::

    import phongtrao

    plan = phongtrao.load_plan("examples/cam-xuyen-2021/plan.yaml")
    for problem in phongtrao.check(plan):
        print(problem)
    phongtrao.render(plan, "ke-hoach.docx")

Rendering (docxtpl, lxml) is imported on first use, so ``import phongtrao``
stays quick for programs that only load and check plans.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from phongtrao._files import dump_plan, dumps_plan, load_plan
from phongtrao._plugins import Plugins, check
from phongtrao._problems import Problem, Severity
from phongtrao._version import __version__ as __version__
from phongtrao.errors import PlanError
from phongtrao.model import Plan

if TYPE_CHECKING:
    from phongtrao._batch import BatchError, render_many
    from phongtrao._rendering import RenderError, render, render_bytes, template_context

__all__ = [
    "BatchError",
    "Plan",
    "PlanError",
    "Plugins",
    "Problem",
    "RenderError",
    "Severity",
    "check",
    "dump_plan",
    "dumps_plan",
    "load_plan",
    "render",
    "render_bytes",
    "render_many",
    "template_context",
]

_LAZY_RENDERING = {"RenderError", "render", "render_bytes", "template_context"}
_LAZY_BATCH = {"BatchError", "render_many"}


def __getattr__(name: str) -> Any:
    # Rendering pulls in docxtpl, lxml and Jinja: loaded on first use, not at import.
    if name in _LAZY_RENDERING:
        from phongtrao import _rendering

        return getattr(_rendering, name)
    if name in _LAZY_BATCH:
        from phongtrao import _batch

        return getattr(_batch, name)
    raise AttributeError(f"module 'phongtrao' has no attribute {name!r}")
