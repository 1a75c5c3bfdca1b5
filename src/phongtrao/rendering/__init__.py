"""Rendering: plan -> outline -> context -> .docx (docxtpl) -> .pdf (LibreOffice)."""

from __future__ import annotations

import os
from importlib.resources import as_file
from pathlib import Path

from phongtrao.files import write_atomically
from phongtrao.model import Plan
from phongtrao.problems import PlanError, Severity
from phongtrao.rendering.context import CONTEXT_VERSION, template_context
from phongtrao.rendering.engine import PreparedTemplate, prepare
from phongtrao.rendering.errors import RenderError
from phongtrao.rendering.outline import build_outline, number_outline
from phongtrao.rendering.pdf import docx_to_pdf
from phongtrao.rules import check as check_plan
from phongtrao.rules.checks import check_texts
from phongtrao.templates import BUILTIN, builtin_template

__all__ = [
    "CONTEXT_VERSION",
    "OUTPUT_SUFFIXES",
    "RenderError",
    "build_outline",
    "number_outline",
    "render",
    "render_bytes",
    "resolve_template",
    "template_context",
]

#: The output formats, by file suffix.
OUTPUT_SUFFIXES = (".docx", ".pdf")

DEFAULT_TEMPLATE = "ke-hoach"


def resolve_template(template: str | os.PathLike[str] | None = None) -> PreparedTemplate:
    """Find and prepare a template: a path to a .docx, or a built-in name.

    Raises:
        RenderError: when no template has that name or path.
    """
    if template is None:
        template = DEFAULT_TEMPLATE
    if isinstance(template, str) and template in BUILTIN:
        with as_file(builtin_template(template)) as path:
            return prepare(path, name=template)
    path = Path(template)
    if path.suffix.lower() == ".docx" or path.exists():
        return prepare(path)
    names = ", ".join(sorted(BUILTIN))
    raise RenderError(
        f"no template named {str(template)!r}; expected a path to a .docx file or one of: {names}"
    )


def _refuse_problems(plan: Plan, *, check: bool) -> None:
    # Without the semantic checks, texts are still checked: an empty text or a
    # character a document cannot hold would be lost, not printed.
    problems = check_plan(plan) if check else list(check_texts(plan))
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise PlanError(errors)


def render_bytes(
    plan: Plan, template: str | os.PathLike[str] | None = None, *, check: bool = True
) -> bytes:
    """Render ``plan`` to the bytes of a .docx.

    Raises:
        PlanError: when the plan has errors (with ``check=False``, only empty texts
            and characters a document cannot hold are refused).
        RenderError: when the template fails.
    """
    _refuse_problems(plan, check=check)
    prepared = resolve_template(template)
    return prepared.render(template_context(plan))


def render(
    plan: Plan,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    *,
    check: bool = True,
) -> Path:
    """Render ``plan`` to ``out``, a ``.docx`` or ``.pdf`` file, atomically.

    Args:
        plan: the plan to render.
        out: the file to write; its suffix chooses the format.
        template: a template name (``"ke-hoach"``) or a path to a .docx
            template; the built-in national Kế hoạch by default.
        overwrite: replace ``out`` if it exists; by default an existing file is kept.
        check: refuse plans with :func:`phongtrao.check` errors (the default);
            empty texts and characters a document cannot hold are refused either way.

    Returns:
        The path written.

    Raises:
        ValueError: when ``out`` has another suffix.
        FileExistsError: when ``out`` exists and ``overwrite`` is false.
        PlanError: when the plan has errors.
        RenderError: when the template or the PDF conversion fails.
    """
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise ValueError(f"cannot render to {str(target)!r}; expected a .docx or .pdf file name")
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists; pass overwrite=True to replace it")
    data = render_bytes(plan, template, check=check)
    if suffix == ".pdf":
        data = docx_to_pdf(data)
    write_atomically(target, data)
    return target
