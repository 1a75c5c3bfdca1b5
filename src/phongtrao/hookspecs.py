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

This module is all a plugin needs besides :mod:`phongtrao.model`: the marker,
the types plugins return (among them :class:`UnitRecord`, the rows a plugin
adds to the unit registry), and the types hooks receive (:class:`Problem`,
:class:`Severity`, the outline's :class:`Section` and :class:`Node`; for lint
rules, the :class:`LintDocument` a rule reads, with its paragraphs, runs and
page setup, and the :class:`Issue` and :class:`NotEvaluated` it reports).

Each hook is declared once, here: its specification (arguments, docstring)
and, in :data:`HOOKS`, how it is called (:class:`Call`), what each result must
be and how results are combined. The plugin manager calls every hook through
one generic caller that reads this table, and the hook reference
(``docs/hooks.md``) is generated from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pluggy

from phongtrao._lint.document import (
    LintDocument,
    LintParagraph,
    LintRun,
    PageHeader,
    PageSetup,
)
from phongtrao._lint.types import (
    DocumentPart,
    Issue,
    LintCheck,
    LintRule,
    Location,
    NotEvaluated,
)
from phongtrao._outline import Node, NodeKind, Section
from phongtrao._problems import Problem, Severity
from phongtrao._units.records import UnitRecord
from phongtrao.errors import PhongtraoError
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

__all__ = [
    "HOOKS",
    "PROJECT",
    "Call",
    "Catalog",
    "DocumentPart",
    "Hook",
    "HookResultError",
    "Issue",
    "LintCheck",
    "LintDocument",
    "LintParagraph",
    "LintRule",
    "LintRun",
    "Location",
    "Node",
    "NodeKind",
    "NotEvaluated",
    "PageHeader",
    "PageSetup",
    "Problem",
    "Section",
    "Severity",
    "TemplateSpec",
    "UnitRecord",
    "hookimpl",
    "hookspec",
]

#: The pluggy project name, and the entry-point group plugins are published in.
PROJECT = "phongtrao"

hookspec = pluggy.HookspecMarker(PROJECT)
#: Mark a plugin's function as the implementation of the hook of the same name.
hookimpl = pluggy.HookimplMarker(PROJECT)

_F = TypeVar("_F", bound=Callable[..., Any])


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
            The unit registry adds those it does not list (the same level,
            code, kind and name), with no province; to say where a unit lies
            and since when, give ``unit_records``.
        unit_records: sổ đơn vị — rows added to the unit registry: units with
            their province and district codes, validity and source (Hà Tĩnh's
            communes of 2021, say). They extend what vietnam-provinces gives;
            they never replace a row of it (docs/units.md).
        agencies: cơ quan — agencies of those units (issuers, parents).
        recipients: nơi nhận — standard recipient lines.
        award_forms: hình thức khen thưởng — the award forms used.
    """

    movements: tuple[Movement, ...] = ()
    units: tuple[AdministrativeUnit, ...] = ()
    unit_records: tuple[UnitRecord, ...] = ()
    agencies: tuple[Agency, ...] = ()
    recipients: tuple[str, ...] = ()
    award_forms: tuple[AwardForm, ...] = ()


# -- how hooks are called -------------------------------------------------------------


class Call(str, Enum):
    """How the implementations of a hook are called."""

    #: Called in order until one returns something other than None; that result wins.
    FIRST = "first result wins"
    #: Every implementation is called; the results are combined.
    EACH = "each result collected"
    #: Each implementation gets what the previous one returned (None passes it on).
    CHAIN = "chained"


class HookResultError(PhongtraoError):
    """A hook returned something its table entry does not allow; the message says what."""


#: Leave a plugin out with a message (given to a hook's ``combine``).
Reject = Callable[[str, str], None]


@attrs.frozen(kw_only=True)
class Hook:
    """How one hook is called: its call policy and what its results must be.

    Attributes:
        call: how implementations are called (:class:`Call`).
        returns: what one result must be, in words (for the reference and messages).
        accept: checks one result and returns it converted (a generator read
            whole); raises :class:`HookResultError` saying what is wrong.
        combine: for :attr:`Call.EACH`, combines ``[(plugin, result), …]`` into
            the hook's answer, given the call's arguments and a way to reject a
            plugin; by default the list of results.
        chained: for :attr:`Call.CHAIN`, the argument that carries the result on.
        refuses: exception types that are the hook's documented way to refuse
            its input: they reach the caller instead of leaving the plugin out.
    """

    call: Call
    returns: str
    accept: Callable[[Any], Any]
    combine: Callable[[list[tuple[str, Any]], Mapping[str, Any], Reject], Any] | None = None
    chained: str | None = None
    refuses: tuple[type[Exception], ...] = ()


#: Every hook, by name: how it is called. Filled in by the declarations below.
HOOKS: dict[str, Hook] = {}


def _declare(hook: Hook) -> Callable[[_F], _F]:
    def declare(function: _F) -> _F:
        HOOKS[function.__name__] = hook
        marked: _F = hookspec(function)
        return marked

    return declare


# -- what results must be -------------------------------------------------------------


def _one(expected: type) -> Callable[[Any], Any]:
    def accept(result: Any) -> Any:
        if not isinstance(result, expected):
            raise HookResultError(f"returned {type(result).__name__}, expected "
                                  f"{expected.__name__}")
        return result

    return accept


def _items(expected: type, verb: str = "returned") -> Callable[[Any], tuple[Any, ...]]:
    """The items of an iterable result, each checked to be ``expected``.

    A generator is consumed here, so an exception it raises is the plugin's
    failure in that hook, not the caller's.
    """

    def accept(result: Any) -> tuple[Any, ...]:
        if isinstance(result, expected):
            raise HookResultError(f"returned one {expected.__name__}, expected an iterable of "
                                  "them (a list)")
        if not isinstance(result, Iterable) or isinstance(result, (str, bytes, Mapping)):
            raise HookResultError(f"returned {type(result).__name__}, expected an iterable of "
                                  f"{expected.__name__}")
        items = tuple(result)
        for item in items:
            if not isinstance(item, expected):
                raise HookResultError(f"{verb} {type(item).__name__}, expected "
                                      f"{expected.__name__}")
        return items

    return accept


def _template_specs(result: Any) -> tuple[TemplateSpec, ...]:
    specs: tuple[TemplateSpec, ...] = _items(TemplateSpec)(result)
    for spec in specs:
        name = spec.name
        if (not isinstance(name, str) or not name.strip() or name.lower().endswith(".docx")
                or "/" in name or "\\" in name):
            raise HookResultError(
                f"template name {name!r} looks like a path (or is empty); a path given as "
                "template is always the file itself, so expected a plain name such as "
                "'ha-tinh-2021'"
            )
        try:
            present = spec.file.is_file()
        except (OSError, ValueError, TypeError):
            present = False
        if not present:
            raise HookResultError(f"the file of template {name!r} does not exist ({spec.file}); "
                                  "expected a .docx shipped with the plugin")
    return specs


def _template_name(result: Any) -> str:
    if not isinstance(result, str):
        raise HookResultError(f"returned {type(result).__name__}, expected a template name "
                              "(str)")
    return result


def _sections(result: Any) -> tuple[Section, ...]:
    if not isinstance(result, (tuple, list)) or not all(
        isinstance(section, Section) for section in result
    ):
        raise HookResultError("returned something other than a tuple of Section objects")
    return tuple(result)


def _mapping(values: str) -> Callable[[Any], dict[str, Any]]:
    def accept(result: Any) -> dict[str, Any]:
        if not isinstance(result, Mapping) or not all(isinstance(key, str) for key in result):
            raise HookResultError(f"returned {type(result).__name__}, expected a mapping of "
                                  f"names to {values}")
        return dict(result)

    return accept


def _filters(result: Any) -> dict[str, Any]:
    found: dict[str, Any] = _mapping("filters")(result)
    bad = sorted(name for name, function in found.items() if not callable(function))
    if bad:
        raise HookResultError(f"the filters {', '.join(bad)} are not callable")
    return found


# -- how results are combined ---------------------------------------------------------


def _by_priority(results: list[tuple[str, Any]], kwargs: Mapping[str, Any],
                 reject: Reject) -> dict[str, tuple[str, TemplateSpec]]:
    """Templates by name: the highest priority wins; between equals, the plugin called first."""
    chosen: dict[str, tuple[str, TemplateSpec]] = {}
    for plugin, specs in results:
        for spec in specs:
            current = chosen.get(spec.name)
            if current is None or spec.priority > current[1].priority:
                chosen[spec.name] = (plugin, spec)
    return chosen


def _merged(results: list[tuple[str, Any]], kwargs: Mapping[str, Any], reject: Reject) -> Catalog:
    """Every catalog's entries, in call order."""
    merged = Catalog()
    for _, catalog in results:
        merged = Catalog(**{
            field.name: (*getattr(merged, field.name), *getattr(catalog, field.name))
            for field in attrs.fields(Catalog)
        })
    return merged


def _added(taken: Callable[[Mapping[str, Any]], Iterable[str]], what: str) -> Callable[
    [list[tuple[str, Any]], Mapping[str, Any], Reject], dict[str, Any]
]:
    """Names added by every plugin; a plugin that would replace a name already there is left out."""

    def combine(results: list[tuple[str, Any]], kwargs: Mapping[str, Any],
                reject: Reject) -> dict[str, Any]:
        found: dict[str, Any] = {}
        existing = set(taken(kwargs))
        for plugin, values in results:
            clash = sorted(set(values) & (existing | set(found)))
            if clash:
                reject(plugin, f"would replace the {what} {', '.join(clash)}")
                continue
            found.update(values)
        return found

    return combine


def _jinja_filters(kwargs: Mapping[str, Any]) -> Iterable[str]:
    from jinja2.filters import FILTERS  # deferred: only rendering needs Jinja

    return FILTERS


def _context_names(kwargs: Mapping[str, Any]) -> Iterable[str]:
    context: Mapping[str, Any] = kwargs["context"]
    return context


def _listed(results: list[tuple[str, Any]], kwargs: Mapping[str, Any],
            reject: Reject) -> list[Problem]:
    return [problem for _, problems in results for problem in problems]


_RULE_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _lint_rules(result: Any) -> tuple[LintRule, ...]:
    rules: tuple[LintRule, ...] = _items(LintRule)(result)
    for rule in rules:
        if not isinstance(rule.code, str) or not _RULE_CODE.fullmatch(rule.code):
            raise HookResultError(f"the rule code {rule.code!r} is not a code; expected lower-case "
                                  "words joined by '-', such as 'ha-tinh-seal'")
        if not isinstance(rule.severity, Severity) or not callable(rule.check):
            raise HookResultError(f"the rule {rule.code!r} needs a Severity and a callable check")
    return rules


def _unique_rules(results: list[tuple[str, Any]], kwargs: Mapping[str, Any],
                  reject: Reject) -> tuple[LintRule, ...]:
    """Every plugin's rules, the built-in ones first; a code given twice leaves its plugin out."""
    from phongtrao._lint.rules import LINT_RULES  # deferred: only linting needs the rule table

    def builtin(rules: tuple[LintRule, ...]) -> bool:
        return all(LINT_RULES.get(rule.code) is rule for rule in rules)

    taken: dict[str, LintRule] = {}
    for plugin, rules in sorted(results, key=lambda item: not builtin(item[1])):
        codes = [rule.code for rule in rules]
        clash = sorted({code for code in codes if code in taken or codes.count(code) > 1
                        or (code in LINT_RULES and LINT_RULES[code] not in rules)})
        if clash:
            reject(plugin, f"gives the rule code {', '.join(clash)}, which is taken")
            continue
        taken.update((rule.code, rule) for rule in rules)
    return tuple(taken.values())


# -- the hooks ------------------------------------------------------------------------


@_declare(Hook(call=Call.EACH, returns="an iterable of TemplateSpec", accept=_template_specs,
               combine=_by_priority))
def phongtrao_templates() -> Iterable[TemplateSpec]:
    """Register templates.

    Returns:
        The plugin's templates. A name given by several plugins resolves to
        the highest priority (between equal priorities, the plugin called
        first). A name that looks like a path is refused.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.FIRST, returns="a template name (str) or None", accept=_template_name))
def phongtrao_choose_template(plan: Plan) -> str | None:
    """Choose the template for a plan rendered without an explicit template.

    Return a template name, or None to let the next plugin (and finally the
    built-in ``ke-hoach``) choose. A name no plugin registers leaves the plugin
    out, and the next one chooses.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.EACH, returns="a Catalog or None", accept=_one(Catalog),
               combine=_merged))
def phongtrao_catalog() -> Catalog | None:
    """Contribute reference data: movements, units, agencies, recipients, award forms.

    All results are merged, in call order.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.FIRST, returns="a Plan or None", accept=_one(Plan),
               refuses=(ValueError,)))
def phongtrao_new_plan(
    level: Level, unit: str | None, year: int, movement: Movement,
    registered: AdministrativeUnit | None,
) -> Plan | None:
    """Make the starter plan ``phongtrao new`` writes for a unit.

    Return None for units the plugin does not know. Values the user must
    supply are written as placeholders between « and », which ``phongtrao
    validate`` reports until they are filled. Never invent document numbers,
    dates or people. Raise :class:`ValueError` with a message for the user to
    refuse a combination (a district after the 2025 reform); it reaches the
    user instead of leaving the plugin out.

    The unit registry has already settled the unit: a name it does not know,
    shares between several units or knows only at other times is refused
    before any plugin is asked (unless the user asks for an unlisted unit).

    Args:
        level: the issuer's level.
        unit: the unit's name as the user gave it (may start with its generic
            noun, "phường Bến Thành"), or None.
        year: the plan's year.
        movement: the movement summarised (from the merged catalog).
        registered: the unit the registry found for ``unit`` in ``year``, with
            its official name, kind, code and validity; None when no unit was
            given or the user asked for a unit the registry does not list.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.CHAIN, returns="a tuple of Section, or None", accept=_sections,
               chained="sections"))
def phongtrao_adjust_outline(
    plan: Plan, sections: tuple[Section, ...]
) -> tuple[Section, ...] | None:
    """Adjust the body's sections before they are numbered.

    Each plugin gets the sections the previous one returned; return None to
    leave them as they are. Numbering is given afterwards, so removing or
    adding a section leaves no gap.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.EACH, returns="a mapping of names to values, or None",
               accept=_mapping("values"),
               combine=_added(_context_names, "context names")))
def phongtrao_template_context(plan: Plan, context: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Add variables to the template context.

    Returns:
        New names and their values; they may not replace the documented names
        (docs/templates.md) or another plugin's. Values should be typed
        objects, tuples or text.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.EACH, returns="a mapping of names to functions, or None",
               accept=_filters, combine=_added(_jinja_filters, "filters")))
def phongtrao_jinja_filters() -> Mapping[str, Callable[..., Any]] | None:
    """Add Jinja filters templates can use (``{{ plan.period.start | my_filter }}``).

    A filter may not replace one of Jinja's or another plugin's.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.EACH, returns="an iterable of Problem, or None",
               accept=_items(Problem, verb="yielded"), combine=_listed))
def phongtrao_check(plan: Plan) -> Iterable[Problem] | None:
    """Add semantic checks: yield the problems found in the plan.

    Problems use the plan file's JSON paths (``$.issuer.unit.name``) and a code
    of the plugin's own, prefixed with its name (``ha-tinh-unit``). They are
    listed after the built-in checks'.
    """
    raise NotImplementedError


@_declare(Hook(call=Call.EACH, returns="an iterable of LintRule, or None", accept=_lint_rules,
               combine=_unique_rules))
def phongtrao_lint_rules() -> Iterable[LintRule] | None:
    """Add rules that ``phongtrao lint`` checks documents against (a province's house rules).

    Each :class:`LintRule` has a code of the plugin's own, prefixed with its
    name (``ha-tinh-…``), a severity (error for a rule that is stated somewhere,
    warning for practice), its basis, and a check that reads a
    :class:`LintDocument` and yields :class:`Issue` (or :class:`NotEvaluated`
    when it cannot tell). The built-in rules come first; a plugin giving a
    code already taken is left out.
    """
    raise NotImplementedError
