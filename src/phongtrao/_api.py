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
from phongtrao._rendering.dossier import Package
from phongtrao._rules import Check
from phongtrao._rules import check as builtin_checks
from phongtrao.model import Plan

__all__ = ["check", "render", "render_bytes", "render_package", "template_context"]


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
    document: str = "ke-hoach",
) -> bytes:
    """Render ``plan``'s ``document`` (its Kế hoạch by default) to the bytes of a .docx.

    Args:
        plan: the plan to render.
        template: a template name or a path to a .docx template; by default
            the plugins choose for the Kế hoạch, and another kind uses the
            template of its name.
        check: refuse plans with errors (the default); empty texts and
            characters a document cannot hold are refused either way.
        draft: allow values still marked «…», and print «…» where a document
            lacks a fact it needs.
        renderer: the renderer to use; the default one when None.
        document: which document of the conference's set: one of
            :data:`phongtrao.DOCUMENTS` (``"giay-moi"``, ``"quyet-dinh"`` …).

    Raises:
        PlanError: when the plan has errors.
        RenderError: when the template fails, or the document lacks facts it
            needs (the message lists them) and ``draft`` is false.
        KeyError: for a ``document`` that is no kind of document.
    """
    return _renderer(renderer).render_bytes(plan, template, check=check, draft=draft,
                                            document=document)


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
    document: str = "ke-hoach",
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
        document: which document of the conference's set to render: one of
            :data:`phongtrao.DOCUMENTS`; the Kế hoạch by default.

    Every document carries the plan's title, the issuer as author, a subject,
    keywords and the language vi-VN (:meth:`phongtrao.Renderer.document_properties`),
    in the .docx and in the PDF.

    Returns:
        The path written, and the plan's warnings (``.path``, ``.warnings``).

    Raises:
        ValueError: when ``out`` has another suffix, or ``pdfa`` is asked of a .docx.
        FileExistsError: when ``out`` exists and ``overwrite`` is false.
        PlanError: when the plan has errors.
        RenderError: when the template or the PDF conversion fails, or the
            document lacks facts it needs and ``draft`` is false.
        KeyError: for a ``document`` that is no kind of document.
    """
    return _renderer(renderer).render(plan, out, template, overwrite=overwrite, check=check,
                                      draft=draft, pdfa=pdfa, converter=converter,
                                      document=document)


def render_package(
    plan: Plan,
    folder: str | os.PathLike[str],
    *,
    documents: Iterable[str] | None = None,
    pdf: bool = False,
    pdfa: bool = False,
    draft: bool = False,
    overwrite: bool = False,
    check: bool = True,
    converter: PdfConverter | None = None,
    renderer: Renderer | None = None,
) -> Package:
    """Write the conference's document set of ``plan`` into ``folder``, one file a document.

    The documents are those the plan asks for (its Kế hoạch always; the others
    under ``documents:`` in the plan file), named by their place in the set —
    ``01-ke-hoach``, ``02-de-cuong``, ``03-giay-moi``, ``04-chuong-trinh``,
    ``05-to-trinh``, ``06-quyet-dinh``, ``07-bao-cao``, ``08-cong-van``,
    ``09-quyet-dinh-ban-hanh`` — so a name never depends on which others are
    there. They are all made first; nothing is written unless every document to
    write could be made.

    Args:
        plan: the plan, with its ``documents`` and ``nominees``.
        folder: the folder to write into; made when missing.
        documents: only these kinds (names of :data:`phongtrao.DOCUMENTS`),
            instead of those the plan asks for.
        pdf: write .pdf instead of .docx (needs LibreOffice).
        pdfa: write PDF/A-2b, the archival form of PDF (implies ``pdf``).
        draft: make every document, printing «…» where a fact is missing;
            otherwise a document lacking facts is left out and listed in
            :attr:`Package.left_out` with what it needs.
        overwrite: replace files of the same names; by default an existing
            file stops the whole set before anything is written.
        check: refuse plans with errors (the default).
        converter: the :class:`~phongtrao.PdfConverter` to convert with.
        renderer: the renderer to use; the default one when None.

    Returns:
        The files written, the documents left out, and the plan's warnings.

    Raises:
        PlanError: when the plan has errors.
        RenderError: when a template or a PDF conversion fails (nothing is written).
        FileExistsError: when a file of the set exists and ``overwrite`` is false.
        NotADirectoryError: when ``folder`` is a file.
        KeyError: for a name in ``documents`` that is no kind of document.
    """
    return _renderer(renderer).render_package(plan, folder, documents=documents, pdf=pdf,
                                              pdfa=pdfa, draft=draft, overwrite=overwrite,
                                              check=check, converter=converter)


def template_context(plan: Plan, *, renderer: Renderer | None = None,
                     document: str = "ke-hoach") -> dict[str, Any]:
    """The names a template sees when ``plan``'s ``document`` is rendered (docs/templates.md).

    The documented names (``context_version``, ``plan``, ``document``,
    ``header``, ``kind_title``, ``title``, ``addressees``, ``authority``,
    ``bases``, ``introduction``, ``body``, ``closing``, ``recipients_title``,
    ``recipients``, ``signature``, ``annexes``), built from the outline as the
    plugins adjust it for the Kế hoạch, then the names plugins add.

    Raises:
        KeyError: for a ``document`` that is no kind of document.
    """
    return _renderer(renderer).context(plan, document)
