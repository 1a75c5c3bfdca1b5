"""The plugin module the entry point ``minimal`` names: one template, one check.

Each function marked ``@hookimpl`` implements the phongtrao hook of the same
name (see phongtrao's hook reference, docs/hooks.md, or ``phongtrao.hookspecs``).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from phongtrao.hookspecs import Problem, Severity, TemplateSpec, hookimpl
from phongtrao.model import Plan

#: The template's name, as ``--template minimal`` and ``render(plan, out, "minimal")`` take it.
TEMPLATE = "minimal"
#: The code of the plugin's check: prefixed with the plugin's name, like every plugin code.
FUNDING = "minimal-funding"


@hookimpl
def phongtrao_templates() -> list[TemplateSpec]:
    """The template: a copy of the national ``ke-hoach``, to restyle in Word or LibreOffice."""
    return [
        TemplateSpec(
            name=TEMPLATE,
            file=files("phongtrao_minimal") / "templates" / "minimal.docx",
            description="Kế hoạch (minimal plugin: the national layout, to restyle)",
        )
    ]


@hookimpl
def phongtrao_check(plan: Plan) -> Iterator[Problem]:
    """Warn when the plan says nothing of funding (its Kinh phí section would be missing)."""
    if not plan.funding:
        yield Problem(
            path="$.funding",
            code=FUNDING,
            message="the plan names no source of funding, so it has no 'Kinh phí' section; "
            "expected at least one, such as {source: ngân sách Nhà nước theo phân cấp}",
            severity=Severity.WARNING,
        )
