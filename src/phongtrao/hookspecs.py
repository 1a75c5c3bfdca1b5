"""The hooks a phongtrao plugin can implement — the plugin author's reference.

A plugin is a module (or object) with functions marked ``@hookimpl`` and named
after the hooks below, published in the entry-point group ``phongtrao``::

    # pyproject.toml of the plugin
    [project.entry-points.phongtrao]
    ha-tinh = "phongtrao_hatinh.plugin"

    # phongtrao_hatinh/plugin.py
    from phongtrao.hookspecs import Catalog, hookimpl

    @hookimpl
    def phongtrao_catalog() -> Catalog:
        return Catalog(recipients=("Sở Văn hóa, Thể thao và Du lịch",))

An implementation may accept fewer arguments than the spec (only those it
uses). Hooks marked *first result wins* stop at the first implementation that
returns something other than None; the others collect every result. Plugins
registered later are called first; ``@hookimpl(tryfirst=True)`` and
``trylast=True`` move one to the front or back. The built-in national defaults
are a plugin too, registered first and called last.

A plugin that raises inside a hook is reported (plugin and hook named) and
left out; the others and the core go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from phongtrao._outline import Section
from phongtrao._problems import Problem
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    AwardForm,
    DocumentKind,
    Level,
    Movement,
    Plan,
)

if TYPE_CHECKING:
    import sys

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["PROJECT", "Catalog", "TemplateSpec", "hookimpl", "hookspec"]

#: The pluggy project name, and the entry-point group plugins are published in.
PROJECT = "phongtrao"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Mark a plugin's function as the implementation of the hook of the same name.
hookimpl = pluggy.HookimplMarker(PROJECT)


@attrs.frozen(kw_only=True)
class TemplateSpec:
    """Một mẫu văn bản — a .docx template a plugin provides.

    Attributes:
        name: tên — the name users pass to ``--template`` (``ha-tinh-2021``).
        file: tệp — the .docx, found with :func:`importlib.resources.files`
            (``files("my_plugin") / "templates" / "x.docx"``) or a path.
        kind: loại văn bản — the document kind it lays out (KH by default).
        priority: ưu tiên — among templates of the same name, the highest wins;
            the built-in templates have -1000.
        description: mô tả — one line shown by ``phongtrao templates``.
    """

    name: str
    file: Traversable | Path
    kind: DocumentKind = DocumentKind.KH
    priority: int = 0
    description: str = ""


@attrs.frozen(kw_only=True)
class Catalog:
    """Danh mục — reference data a plugin contributes.

    Attributes:
        movements: phong trào — movements, each with its contents and campaigns
            in this issuer's wording.
        units: đơn vị hành chính — administrative units, with codes and validity.
        agencies: cơ quan — agencies of those units (issuers, parents).
        recipients: nơi nhận — standard recipient lines.
        award_forms: hình thức khen thưởng — the award forms used.
    """

    movements: tuple[Movement, ...] = ()
    units: tuple[AdministrativeUnit, ...] = ()
    agencies: tuple[Agency, ...] = ()
    recipients: tuple[str, ...] = ()
    award_forms: tuple[AwardForm, ...] = ()


@hookspec
def phongtrao_templates() -> Iterable[TemplateSpec]:
    """Register templates.

    Returns:
        The plugin's templates. All results are collected; a name given by
        several plugins resolves to the highest priority.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def phongtrao_choose_template(plan: Plan) -> str | None:
    """Choose the template for a plan rendered without an explicit template.

    First result wins. Return a template name, or None to let the next plugin
    (and finally the built-in ``ke-hoach``) choose.
    """
    raise NotImplementedError


@hookspec
def phongtrao_catalog() -> Catalog | None:
    """Contribute reference data: movements, units, agencies, recipients, award forms.

    All results are merged, in call order.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def phongtrao_new_plan(
    level: Level, unit: str | None, year: int, movement: Movement
) -> Plan | None:
    """Make the starter plan ``phongtrao new`` writes for a unit.

    First result wins; return None for units the plugin does not know. Values
    the user must supply are written as placeholders between « and », which
    ``phongtrao validate`` reports until they are filled. Never invent document
    numbers, dates or people. Raise :class:`ValueError` with a message for
    the user to refuse a combination (a district after the 2025 reform).

    Args:
        level: the issuer's level.
        unit: the unit's name as the user gave it (may start with its generic
            noun, "phường Bến Thành"), or None.
        year: the plan's year.
        movement: the movement summarised (from the merged catalog).
    """
    raise NotImplementedError


@hookspec
def phongtrao_adjust_outline(
    plan: Plan, sections: tuple[Section, ...]
) -> tuple[Section, ...] | None:
    """Adjust the body's sections before they are numbered.

    Chained: each plugin gets the sections the previous one returned; return
    None to leave them as they are. Numbering is given afterwards, so removing
    or adding a section leaves no gap.
    """
    raise NotImplementedError


@hookspec
def phongtrao_template_context(plan: Plan, context: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Add variables to the template context.

    Returns:
        New names and their values; they may not replace the documented names
        (docs/templates.md). Values should be typed objects, tuples or text.
    """
    raise NotImplementedError


@hookspec
def phongtrao_jinja_filters() -> Mapping[str, Callable[..., Any]] | None:
    """Add Jinja filters templates can use (``{{ plan.period.start | my_filter }}``)."""
    raise NotImplementedError


@hookspec
def phongtrao_check(plan: Plan) -> Iterable[Problem] | None:
    """Add semantic checks: yield the problems found in the plan.

    Problems use the plan file's JSON paths (``$.issuer.unit.name``) and a code
    of the plugin's own, prefixed with its name (``ha-tinh-unit``).
    """
    raise NotImplementedError
