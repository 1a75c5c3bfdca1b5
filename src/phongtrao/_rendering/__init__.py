"""Rendering: plan -> outline -> context -> .docx (docxtpl) -> .pdf (LibreOffice).

Templates are found in this order (docs/templates.md): an explicit path to a
.docx file; then the templates plugins register, by name, the highest priority
winning; the built-in national ``ke-hoach`` last. Without an explicit template
the plugins choose one for the plan (``phongtrao_choose_template``).
"""

from __future__ import annotations

import os
from importlib.resources import as_file
from pathlib import Path

from jinja2.sandbox import SandboxedEnvironment

from phongtrao._files import write_atomically
from phongtrao._outline import build_outline, number_outline
from phongtrao._plugins import Plugins, default_plugins
from phongtrao._plugins import check as check_plan
from phongtrao._problems import Severity
from phongtrao._rendering.context import CONTEXT_VERSION, template_context
from phongtrao._rendering.engine import PreparedTemplate, make_environment, prepare
from phongtrao._rendering.pdf import docx_to_pdf
from phongtrao._rules.checks import check_texts
from phongtrao.errors import PlanError, RenderError
from phongtrao.model import Plan

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


def resolve_template(
    template: str | os.PathLike[str] | None = None,
    plan: Plan | None = None,
    plugins: Plugins | None = None,
) -> PreparedTemplate:
    """Find and prepare a template: a path to a .docx, or a registered name.

    Args:
        template: a path, a template name, or None to let the plugins choose
            for ``plan`` (the built-in ``ke-hoach`` when none does).
        plan: the plan the template is for, when the plugins choose.
        plugins: the plugins whose templates count; the default ones when None.

    Raises:
        RenderError: when no template has that name or path.
    """
    manager = default_plugins() if plugins is None else plugins
    if template is None:
        template = manager.choose_template(plan) if plan is not None else "ke-hoach"
    registered = manager.templates()
    if isinstance(template, str) and template in registered:
        _, spec = registered[template]
        with as_file(spec.file) as path:
            return prepare(Path(path), name=template, environment=_environment(manager))
    path = Path(template)
    if path.suffix.lower() == ".docx" or path.exists():
        return prepare(path, environment=_environment(manager))
    names = ", ".join(sorted(registered))
    raise RenderError(
        f"no template named {str(template)!r}; expected a path to a .docx file or one of: {names}"
    )


_ENVIRONMENTS: dict[tuple[tuple[str, int], ...], SandboxedEnvironment] = {}


def _environment(plugins: Plugins) -> SandboxedEnvironment:
    """The Jinja environment with the plugins' filters, one per set of filters.

    A plugin left out takes its filters with it, and the set (the key) changes.
    """
    filters = plugins.filters()
    key = tuple(sorted((name, id(function)) for name, function in filters.items()))
    environment = _ENVIRONMENTS.get(key)
    if environment is None:
        environment = _ENVIRONMENTS[key] = make_environment(filters)
    return environment


def _refuse_problems(plan: Plan, plugins: Plugins, *, check: bool, draft: bool) -> None:
    # Without the semantic checks, texts are still checked: an empty text or a
    # character a document cannot hold would be lost, not printed.
    problems = check_plan(plan, plugins=plugins) if check else list(check_texts(plan))
    errors = [problem for problem in problems if problem.severity is Severity.ERROR
              and not (draft and problem.code == "placeholder")]
    if errors:
        raise PlanError(errors)


def render_bytes(
    plan: Plan,
    template: str | os.PathLike[str] | None = None,
    *,
    check: bool = True,
    draft: bool = False,
    plugins: Plugins | None = None,
) -> bytes:
    """Render ``plan`` to the bytes of a .docx.

    Raises:
        PlanError: when the plan has errors (with ``check=False``, only empty texts
            and characters a document cannot hold are refused; with ``draft=True``,
            «…» placeholders are allowed).
        RenderError: when the template fails.
    """
    manager = default_plugins() if plugins is None else plugins
    _refuse_problems(plan, manager, check=check, draft=draft)
    prepared = resolve_template(template, plan, manager)
    return prepared.render(template_context(plan, manager))


def render(
    plan: Plan,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    *,
    check: bool = True,
    draft: bool = False,
    plugins: Plugins | None = None,
) -> Path:
    """Render ``plan`` to ``out``, a ``.docx`` or ``.pdf`` file, atomically.

    Args:
        plan: the plan to render.
        out: the file to write; its suffix chooses the format.
        template: a template name (``"ke-hoach"``) or a path to a .docx
            template; by default the plugins choose (the built-in national
            Kế hoạch when none does).
        overwrite: replace ``out`` if it exists; by default an existing file is kept.
        check: refuse plans with :func:`phongtrao.check` errors (the default);
            empty texts and characters a document cannot hold are refused either way.
        draft: render a draft: values still marked «…» are printed as they are
            instead of refusing the plan (other errors are still refused).
        plugins: the plugins to use; the default ones (``PHONGTRAO_PLUGINS``) when None.

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
    data = render_bytes(plan, template, check=check, draft=draft, plugins=plugins)
    if suffix == ".pdf":
        data = docx_to_pdf(data)
    write_atomically(target, data)
    return target
