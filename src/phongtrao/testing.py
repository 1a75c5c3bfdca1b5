"""Helpers for testing phongtrao plugins: plugins set up in-process, a plan, the text rendered.

A plugin's tests need the same few things: the national defaults plus the
plugin under test (and no other installed plugin), a small valid plan to vary,
its placeholders filled, and the text of a rendered document to compare::

    from phongtrao import testing
    import phongtrao_quang_tri.plugin as plugin

    renderer = testing.make_renderer(("quang-tri", plugin))
    plan = testing.minimal_plan(title="Hội nghị tổng kết …")
    assert [] == renderer.check(plan)
    assert "KẾ HOẠCH" in testing.render_text(plan, renderer=renderer)

phongtrao's own tests use these helpers too.
"""

from __future__ import annotations

import io
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import attrs

from phongtrao._plugins import Plugins
from phongtrao._rendering import Renderer
from phongtrao._rules.checks import PLACEHOLDER
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Document,
    DocumentNumber,
    Level,
    Movement,
    PartialDate,
    Pending,
    Period,
    Plan,
    Signature,
    UnitKind,
)

__all__ = [
    "PLACEHOLDER",
    "document_lines",
    "document_text",
    "fill_placeholders",
    "find_paragraph",
    "make_plugins",
    "make_renderer",
    "minimal_plan",
    "open_document",
    "paragraphs",
    "render_text",
    "replace_texts",
]

_T = TypeVar("_T")

PluginArg = object | tuple[str, object]


def make_plugins(*plugins: PluginArg, installed: bool | Iterable[str] = False) -> Plugins:
    """The national defaults plus the given plugins, registered in this order.

    Args:
        plugins: plugin objects (modules, or objects with hook functions), each
            given alone — named after its module — or as ``(name, plugin)``.
        installed: which installed plugins (entry points) to load as well:
            none by default, so the environment does not change the test.

    Raises:
        AssertionError: when a plugin cannot be registered, with its failures.
    """
    manager = Plugins(installed)
    for given in plugins:
        if isinstance(given, tuple):
            name, plugin = given
        elif isinstance(given, types.ModuleType):
            name, plugin = given.__name__.split(".")[0], given
        else:
            name, plugin = type(given).__name__, given
        if not manager.register(plugin, str(name)):
            failures = "; ".join(str(failure) for failure in manager.failures)
            raise AssertionError(f"plugin {name!r} could not be registered: {failures}")
    return manager


def make_renderer(*plugins: PluginArg, installed: bool | Iterable[str] = False) -> Renderer:
    """A renderer with the national defaults plus the given plugins (see :func:`make_plugins`)."""
    return Renderer(make_plugins(*plugins, installed=installed))


#: The ward of the minimal plan: illustrative, not a real unit.
_WARD = AdministrativeUnit(name="Ví Dụ", level=Level.XA, kind=UnitKind.PHUONG)


def minimal_plan(changes: Mapping[str, Any] | None = None, **fields: Any) -> Plan:
    """The smallest plan with no problem, changed as asked.

    It is the plan of the (illustrative) UBND phường Ví Dụ, 01/KH-UBND of
    15/8/2025, for the 25-year summary of TDĐKXDĐSVH, signed "TM. Ủy ban nhân
    dân / Chủ tịch / Nguyễn Văn A", with the archive line as its only recipient.

    Args:
        changes: deep changes by field path, applied in order
            (``{"document.date": "2021-02-15"}``), as :meth:`~phongtrao.model.Model.replace`.
        fields: top-level fields to set (``title="…"``), converted as the
            constructor converts them.
    """
    plan = Plan(
        issuer=Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=_WARD, collective=True),
        document=Document(number=DocumentNumber(number=1, symbol="KH-UBND"),
                          date=PartialDate(year=2025, month=8, day=15)),
        title="Hội nghị tổng kết 25 năm thực hiện Phong trào “Toàn dân đoàn kết xây dựng đời "
        "sống văn hóa” phường Ví Dụ (giai đoạn 2000-2025)",
        movement=Movement(name="Toàn dân đoàn kết xây dựng đời sống văn hóa", start_year=2000),
        period=Period(start=2000, end=2025),
        recipients=("Lưu: VT",),
        signature=Signature(on_behalf_of="Ủy ban nhân dân", title="Chủ tịch",
                            signer="Nguyễn Văn A"),
    )
    if fields:
        plan = attrs.evolve(plan, **fields)
    for path, value in (changes or {}).items():
        plan = plan.replace(path, value)
    return plan


def _map_texts(value: Any, change: Callable[[str], str],
               pending: Callable[[Pending], Any] = lambda item: item) -> Any:
    """``value`` rebuilt with ``change`` applied to every text, ``pending`` to each Pending."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, Pending):
        return pending(value)
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_map_texts(part, change, pending) for part in value)
    if attrs.has(type(value)):
        return attrs.evolve(value, **{
            field.alias: _map_texts(getattr(value, field.name), change, pending)
            for field in attrs.fields(type(value)) if field.init})
    return value


def replace_texts(value: _T, replacements: Mapping[str, str]) -> _T:
    """``value`` with each key of ``replacements`` replaced in every text by its value.

    For comparing a plan with another that mends its slips:
    ``replace_texts(example, {"hướng ứng": "hưởng ứng"})``. Ids and choices are
    left as they are.
    """
    def change(text: str) -> str:
        for old, new in replacements.items():
            text = text.replace(old, new)
        return text

    replaced: _T = _map_texts(value, change)
    return replaced


def fill_placeholders(value: _T, values: Mapping[str, str] | None = None) -> _T:
    """``value`` with every «…» placeholder in its texts filled in.

    Args:
        value: a plan, a part of one, a tuple or a text.
        values: what to put for given placeholders (``{"«Họ và tên người ký»":
            "Nguyễn Văn A"}``); any other placeholder in a text becomes its own
            words, without « and ». A placeholder standing for a number or a
            date (:class:`~phongtrao.model.Pending`) becomes the value given for
            it, as a plan file writes it (``"12/KH-UBND"``, ``"2025-01-10"``),
            or is left out.
    """
    chosen = values or {}

    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda match: chosen.get(match.group(), match.group()[1:-1]),
                               text)

    filled: _T = _map_texts(value, fill, lambda item: chosen.get(item.text))
    return filled


def open_document(source: bytes | str | Path) -> Any:
    """A .docx opened with python-docx, from its bytes or its path."""
    import docx  # deferred: python-docx comes with docxtpl, needed only here

    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    return docx.Document(io.BytesIO(data))


def paragraphs(document: Any) -> Iterator[Any]:
    """Every body paragraph of a python-docx document in reading order, table cells included."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def find_paragraph(document: Any, text: str) -> Any:
    """The first paragraph whose text is ``text``.

    Raises:
        AssertionError: when no paragraph reads so.
    """
    for paragraph in paragraphs(document):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph reads {text!r}")


def document_lines(source: bytes | str | Path) -> list[str]:
    """The text of every paragraph of a .docx in reading order, table cells included.

    Empty paragraphs are left out. ``source`` is the document's bytes or its path.
    """
    return [paragraph.text for paragraph in paragraphs(open_document(source)) if paragraph.text]


def document_text(source: bytes | str | Path) -> str:
    """All text of a .docx, one paragraph a line (see :func:`document_lines`)."""
    return "\n".join(document_lines(source))


def render_text(
    plan: Plan,
    template: str | Path | None = None,
    *,
    renderer: Renderer | None = None,
    draft: bool = False,
) -> str:
    """Render ``plan`` to .docx in memory and return its text, one paragraph a line.

    Args:
        plan: the plan.
        template: a template name or path; the plugins choose by default.
        renderer: the renderer; one with only the national defaults by default.
        draft: allow «…» placeholders.
    """
    used = renderer if renderer is not None else make_renderer()
    return document_text(used.render_bytes(plan, template, draft=draft))
