"""The top-level functions: check and render with a renderer, or the default one.

Each is a thin call on a :class:`~phongtrao.Renderer`; without one they use
:func:`~phongtrao.default_renderer`, the only default phongtrao keeps.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from phongtrao._default import default_renderer
from phongtrao._plugins import Plugins
from phongtrao._problems import Problem
from phongtrao._rendering import PdfConverter, Rendered, Renderer
from phongtrao._rules import Check
from phongtrao._rules import check as builtin_checks
from phongtrao.model import Plan

__all__ = ["check", "render", "render_bytes", "template_context"]


def check(
    plan: Plan, *, extra: Iterable[Check] = (), plugins: Plugins | None = None
) -> list[Problem]:
    """Check a plan: the built-in checks, the unit registry's, then ``extra``, then every plugin's.

    Args:
        plan: the plan to check.
        extra: more checks to run after the built-in ones; each takes the plan
            and yields :class:`~phongtrao.Problem` objects.
        plugins: the plugins whose checks run, and whose unit registry the
            issuer's and parent's units are checked against; the default
            renderer's when None.

    Returns:
        The problems found, errors and warnings alike; empty for a sound plan.
        The built-in codes are listed in :data:`phongtrao.PROBLEM_CODES`.
    """
    manager = default_renderer().plugins if plugins is None else plugins
    return [*builtin_checks(plan, extra=extra, units=manager.units),
            *manager.plugin_problems(plan)]


def _renderer(renderer: Renderer | None) -> Renderer:
    return default_renderer() if renderer is None else renderer


def render_bytes(
    plan: Plan,
    template: str | os.PathLike[str] | None = None,
    *,
    check: bool = True,
    draft: bool = False,
    renderer: Renderer | None = None,
) -> bytes:
    """Render ``plan`` to the bytes of a .docx.

    Args:
        plan: the plan to render.
        template: a template name or a path to a .docx template; by default
            the plugins choose.
        check: refuse plans with errors (the default); empty texts and
            characters a document cannot hold are refused either way.
        draft: allow values still marked «…».
        renderer: the renderer to use; the default one when None.

    Raises:
        PlanError: when the plan has errors.
        RenderError: when the template fails.
    """
    return _renderer(renderer).render_bytes(plan, template, check=check, draft=draft)


def render(
    plan: Plan,
    out: str | os.PathLike[str],
    template: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    *,
    check: bool = True,
    draft: bool = False,
    pdfa: bool = False,
    converter: PdfConverter | None = None,
    renderer: Renderer | None = None,
) -> Rendered:
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
        pdfa: write PDF/A-2b, the archival form of PDF (a ``.pdf`` ``out`` only).
        converter: the :class:`~phongtrao.PdfConverter` to convert with, kept
            running between documents; by default a LibreOffice is started for
            this document and ended after it.
        renderer: the renderer (plugins and prepared templates); the default
            one (``PHONGTRAO_PLUGINS``) when None.

    Every document carries the plan's title, the issuer as author, a subject,
    keywords and the language vi-VN (:meth:`phongtrao.Renderer.document_properties`),
    in the .docx and in the PDF.

    Returns:
        The path written, and the plan's warnings (``.path``, ``.warnings``).

    Raises:
        ValueError: when ``out`` has another suffix, or ``pdfa`` is asked of a .docx.
        FileExistsError: when ``out`` exists and ``overwrite`` is false.
        PlanError: when the plan has errors.
        RenderError: when the template or the PDF conversion fails.
    """
    return _renderer(renderer).render(plan, out, template, overwrite=overwrite, check=check,
                                      draft=draft, pdfa=pdfa, converter=converter)


def template_context(plan: Plan, *, renderer: Renderer | None = None) -> dict[str, Any]:
    """The names a template sees when ``plan`` is rendered (docs/templates.md).

    The documented names (``context_version``, ``plan``, ``header``,
    ``kind_title``, ``title``, ``bases``, ``introduction``, ``body``,
    ``closing``, ``recipients_title``, ``recipients``, ``signature``), built
    from the outline as the plugins adjust it, then the names plugins add.
    """
    return _renderer(renderer).context(plan)
