"""Loading plugins and calling their hooks, with every failure isolated.

:class:`Plugins` registers the built-in national defaults
(:mod:`phongtrao._national`) and then every distribution in the entry-point
group ``phongtrao``. Which entry points load is set by the ``plugins``
argument or the ``PHONGTRAO_PLUGINS`` environment variable:

- unset (or ``all``): every installed plugin;
- ``none`` (or ``0``, or empty): only the built-in national defaults;
- ``ha-tinh,hue``: only the entry points of these names.

A plugin that fails to import, implements an unknown hook (or a hook with
arguments it does not pass), raises inside a hook or returns something the
hook does not allow is left out, and the failure — naming the plugin and the
hook — is kept in :attr:`Plugins.failures` and logged as a warning on the
``phongtrao._plugins`` logger. The core goes on without it.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.metadata import entry_points
from typing import Any

import attrs
import pluggy

from phongtrao import hookspecs
from phongtrao._outline import Section
from phongtrao._problems import Problem
from phongtrao._rules import Check
from phongtrao._rules import check as builtin_checks
from phongtrao.hookspecs import PROJECT, Catalog, TemplateSpec
from phongtrao.model import Level, Movement, Plan

__all__ = [
    "ENV",
    "PluginFailure",
    "PluginInfo",
    "Plugins",
    "check",
    "default_plugins",
    "reset_default_plugins",
]

#: Environment variable choosing the plugins to load (see the module docs).
ENV = "PHONGTRAO_PLUGINS"
NATIONAL = "national"

logger = logging.getLogger(__name__)


@attrs.frozen
class PluginFailure:
    """A plugin left out: which one, in which hook, and why.

    Attributes:
        plugin: the plugin's name (its entry point).
        hook: the hook it failed in, or ``import`` / ``register``.
        message: what went wrong.
    """

    plugin: str
    hook: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r} failed in {self.hook}: {self.message}; it is left out"


@attrs.frozen
class PluginInfo:
    """A loaded plugin, as ``phongtrao plugins`` lists it.

    Attributes:
        name: its name (the entry point's, or ``national``).
        version: its distribution's version, or phongtrao's for the built-in one.
        hooks: the hooks it implements.
        templates: the names of the templates it provides.
    """

    name: str
    version: str
    hooks: tuple[str, ...]
    templates: tuple[str, ...]


def _selection(plugins: bool | Iterable[str] | None) -> bool | frozenset[str]:
    if plugins is None:
        value = os.environ.get(ENV)
        if value is None or value.strip().lower() == "all":
            return True
        if value.strip().lower() in ("", "0", "none"):
            return False
        return frozenset(name.strip() for name in value.split(",") if name.strip())
    if isinstance(plugins, bool):
        return plugins
    return frozenset(plugins)


class _ResultError(Exception):
    """A hook returned something its spec does not allow; the message says what."""


def _identity(result: Any) -> Any:
    return result


def _text(result: Any) -> str:
    if not isinstance(result, str):
        raise _ResultError(f"returned {type(result).__name__}, expected a template name (str)")
    return result


def _of_type(expected: type) -> Callable[[Any], Any]:
    def accept(result: Any) -> Any:
        if not isinstance(result, expected):
            raise _ResultError(f"returned {type(result).__name__}, expected {expected.__name__}")
        return result

    return accept


def _items(result: Any, expected: type, verb: str = "returned") -> tuple[Any, ...]:
    """The items of an iterable result, each checked to be ``expected``.

    A generator is consumed here, so an exception it raises is the plugin's
    failure in that hook, not the caller's.
    """
    if isinstance(result, expected):
        raise _ResultError(f"returned one {expected.__name__}, expected an iterable of them "
                           "(a list)")
    if not isinstance(result, Iterable) or isinstance(result, (str, bytes, Mapping)):
        raise _ResultError(f"returned {type(result).__name__}, expected an iterable of "
                           f"{expected.__name__}")
    items = tuple(result)
    for item in items:
        if not isinstance(item, expected):
            raise _ResultError(f"{verb} {type(item).__name__}, expected {expected.__name__}")
    return items


def _template_specs(result: Any) -> tuple[TemplateSpec, ...]:
    specs: tuple[TemplateSpec, ...] = _items(result, TemplateSpec)
    for spec in specs:
        name = spec.name
        if not name.strip() or name.lower().endswith(".docx") or "/" in name or "\\" in name:
            raise _ResultError(f"template name {name!r} looks like a path (or is empty); a path "
                               "given as template is always the file itself, so expected a plain "
                               "name such as 'ha-tinh-2021'")
    return specs


def _problems(result: Any) -> tuple[Problem, ...]:
    return _items(result, Problem, verb="yielded")


def _sections(result: Any) -> tuple[Section, ...]:
    if not isinstance(result, (tuple, list)) or not all(
        isinstance(section, Section) for section in result
    ):
        raise _ResultError("returned something other than a tuple of Section objects")
    return tuple(result)


def _mapping(values: str) -> Callable[[Any], dict[str, Any]]:
    def accept(result: Any) -> dict[str, Any]:
        if not isinstance(result, Mapping) or not all(isinstance(key, str) for key in result):
            raise _ResultError(f"returned {type(result).__name__}, expected a mapping of names "
                               f"to {values}")
        return dict(result)

    return accept


def _filters(result: Any) -> dict[str, Any]:
    found: dict[str, Any] = _mapping("filters")(result)
    bad = sorted(name for name, function in found.items() if not callable(function))
    if bad:
        raise _ResultError(f"the filters {', '.join(bad)} are not callable")
    return found


def _one_line(text: str) -> str:
    """A message on one line, so each failure is one line of a log."""
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


class Plugins:
    """The plugin manager: the built-in national defaults plus installed plugins.

    Args:
        plugins: True to load every installed plugin, False for none, or the
            names of the entry points to load; by default ``PHONGTRAO_PLUGINS``
            decides (every plugin when it is unset).
    """

    def __init__(self, plugins: bool | Iterable[str] | None = None) -> None:
        self._manager = pluggy.PluginManager(PROJECT)
        self._manager.add_hookspecs(hookspecs)
        self._versions: dict[str, str] = {}
        self._failures: list[PluginFailure] = []
        from phongtrao import _national as national
        from phongtrao._version import __version__

        self.register(national, NATIONAL, __version__)
        selection = _selection(plugins)
        if selection is not False:
            self._load_entry_points(selection)

    # -- loading ---------------------------------------------------------------

    def _load_entry_points(self, selection: bool | frozenset[str]) -> None:
        # The built-in plugin is always there: naming it selects nothing more.
        wanted = None if isinstance(selection, bool) else selection - {NATIONAL}
        found = set()
        for entry_point in sorted(entry_points(group=PROJECT), key=lambda ep: ep.name):
            if wanted is not None and entry_point.name not in wanted:
                continue
            found.add(entry_point.name)
            try:
                plugin = entry_point.load()
            except Exception as error:  # noqa: BLE001 - a broken plugin is left out, not fatal
                self._record(entry_point.name, "import", _describe(error))
                continue
            version = entry_point.dist.version if entry_point.dist is not None else "unknown"
            self.register(plugin, entry_point.name, version)
        if wanted is not None:
            for name in sorted(wanted - found):
                self._record(name, "import", f"no plugin of that name is installed ({ENV})")

    def register(self, plugin: object, name: str, version: str = "unknown") -> bool:
        """Register a plugin object (a module or any object with hook functions).

        Unknown hook names (a misspelt ``phongtrao_templats``), functions named
        after a hook but not marked ``@hookimpl``, arguments the hook does not
        pass, and a name already taken are failures: the plugin is left out
        (a plugin registered before under that name stays).

        Returns:
            Whether the plugin was registered.
        """
        if self._manager.has_plugin(name):
            self._record(name, "register", f"a plugin named {name!r} is already registered")
            return False
        if self._manager.is_registered(plugin):
            other = self._manager.get_name(plugin)
            self._record(name, "register", f"the same plugin is already registered as {other!r}")
            return False
        problems = self._hook_problems(plugin)
        if problems:
            self._record(name, "register", "; ".join(problems))
            return False
        try:
            self._manager.register(plugin, name=name)
            self._manager.check_pending()
        except Exception as error:  # noqa: BLE001 - pluggy's validation errors name the problem
            if self._manager.is_registered(plugin):
                self._manager.unregister(plugin)
            self._record(name, "register", _describe(error))
            return False
        self._versions[name] = version
        return True

    def _hook_problems(self, plugin: object) -> list[str]:
        """What is wrong with the plugin's ``phongtrao_*`` functions, one message each."""
        hooks = sorted(hook for hook in dir(self._manager.hook) if hook.startswith("phongtrao_"))
        problems = []
        for attribute in sorted(dir(plugin)):
            if not attribute.startswith("phongtrao_"):
                continue
            function = getattr(plugin, attribute, None)
            if not callable(function):
                continue
            if attribute not in hooks:
                close = difflib.get_close_matches(attribute, hooks, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(f"{attribute!r} is not a phongtrao hook{hint}")
                continue
            if self._manager.parse_hookimpl_opts(plugin, attribute) is None:
                problems.append(f"{attribute!r} is not marked @hookimpl, so it would never be "
                                "called; decorate it with phongtrao.hookspecs.hookimpl")
                continue
            spec = getattr(self._manager.hook, attribute).spec
            accepted = tuple(spec.argnames) if spec is not None else ()
            try:
                parameters = inspect.signature(function).parameters.values()
            except (TypeError, ValueError):  # no signature to check: pluggy decides
                continue
            for parameter in parameters:
                if (parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
                        or parameter.default is not parameter.empty
                        or parameter.name in accepted):
                    continue
                close = difflib.get_close_matches(parameter.name, accepted, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(
                    f"{attribute} takes the argument {parameter.name!r}, which the hook does "
                    f"not pass{hint}; its arguments are: {', '.join(accepted) or 'none'}"
                )
        return problems

    def _record(self, plugin: str, hook: str, message: str) -> None:
        """Keep and log a failure; leaving the plugin out is the caller's part."""
        failure = PluginFailure(plugin, hook, _one_line(message))
        self._failures.append(failure)
        logger.warning("%s", failure)

    def _fail(self, plugin: str, hook: str, message: str) -> None:
        """A registered plugin failed in a hook: keep the failure and leave the plugin out."""
        self._record(plugin, hook, message)
        if self._manager.has_plugin(plugin):
            self._manager.unregister(name=plugin)

    @property
    def failures(self) -> tuple[PluginFailure, ...]:
        """Every plugin left out so far, and why."""
        return tuple(self._failures)

    def names(self) -> tuple[str, ...]:
        """The registered plugins' names, the built-in one first."""
        return tuple(name for name, _ in self._manager.list_name_plugin())

    def info(self) -> list[PluginInfo]:
        """The registered plugins: versions, hooks implemented, templates provided."""
        templates: dict[str, list[str]] = {}
        for provider, specs in self._each("phongtrao_templates", accept=_template_specs):
            for template in specs or ():
                templates.setdefault(provider, []).append(template.name)
        result = []
        for name, plugin in self._manager.list_name_plugin():
            hooks = sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or [])
            result.append(PluginInfo(name, self._versions.get(name, "unknown"), tuple(hooks),
                                     tuple(templates.get(name, ()))))
        return result

    # -- calling hooks -----------------------------------------------------------

    def _implementations(self, hook: str) -> Iterator[tuple[str, pluggy.HookImpl]]:
        """The implementations of ``hook`` still registered, in pluggy's call order."""
        caller = getattr(self._manager.hook, hook)
        for implementation in reversed(caller.get_hookimpls()):
            name = implementation.plugin_name
            if not self._manager.has_plugin(name):
                continue  # left out by an earlier failure in this call
            if implementation.wrapper or implementation.hookwrapper:
                self._fail(name, hook, "hook wrappers are not supported")
                continue
            yield name, implementation

    def _call(
        self,
        name: str,
        implementation: pluggy.HookImpl,
        hook: str,
        kwargs: Mapping[str, Any],
        accept: Callable[[Any], Any] = _identity,
        passthrough: tuple[type[Exception], ...] = (),
    ) -> tuple[bool, Any]:
        """Call one implementation; (True, its accepted result) or (False, None) if it failed.

        Exceptions of the ``passthrough`` types are the hook's documented way to
        refuse the input; they reach the caller instead of leaving the plugin out.
        """
        arguments = {key: kwargs[key] for key in
                     (*implementation.argnames, *implementation.kwargnames) if key in kwargs}
        try:
            result = implementation.function(**arguments)
        except passthrough:
            raise
        except Exception as error:  # noqa: BLE001 - a failing plugin is left out, not fatal
            self._fail(name, hook, _describe(error))
            return False, None
        if result is None:
            return True, None
        try:
            return True, accept(result)
        except _ResultError as refusal:
            self._fail(name, hook, str(refusal))
        except Exception as error:  # noqa: BLE001 - raised while its results were read
            self._fail(name, hook, _describe(error))
        return False, None

    def _each(
        self,
        hook: str,
        passthrough: tuple[type[Exception], ...] = (),
        accept: Callable[[Any], Any] = _identity,
        **kwargs: Any,
    ) -> Iterator[tuple[str, Any]]:
        """Call each implementation of ``hook`` in pluggy's order, isolating failures.

        Each result that is not None is checked and converted by ``accept`` (an
        iterable is read whole), inside the isolation; results of plugins that
        failed are left out.
        """
        for name, implementation in self._implementations(hook):
            ok, result = self._call(name, implementation, hook, kwargs, accept, passthrough)
            if ok:
                yield name, result

    def _first(
        self,
        hook: str,
        passthrough: tuple[type[Exception], ...] = (),
        accept: Callable[[Any], Any] = _identity,
        **kwargs: Any,
    ) -> Any:
        for _, result in self._each(hook, passthrough, accept, **kwargs):
            if result is not None:
                return result
        return None

    def templates(self) -> dict[str, tuple[str, TemplateSpec]]:
        """Every template name, with the plugin and spec that win it.

        The highest priority wins; between equal priorities, the plugin called first.
        """
        chosen: dict[str, tuple[str, TemplateSpec]] = {}
        for plugin, specs in self._each("phongtrao_templates", accept=_template_specs):
            for spec in specs or ():
                current = chosen.get(spec.name)
                if current is None or spec.priority > current[1].priority:
                    chosen[spec.name] = (plugin, spec)
        return chosen

    def choose_template(self, plan: Plan) -> str:
        """The template name the plugins choose for ``plan``."""
        name = self._first("phongtrao_choose_template", accept=_text, plan=plan)
        return str(name) if name is not None else "ke-hoach"

    def catalog(self) -> Catalog:
        """Every plugin's catalog, merged in call order."""
        merged = Catalog()
        for _, catalog in self._each("phongtrao_catalog", accept=_of_type(Catalog)):
            if catalog is None:
                continue
            merged = Catalog(**{
                field.name: (*getattr(merged, field.name), *getattr(catalog, field.name))
                for field in attrs.fields(Catalog)
            })
        return merged

    def movement(self, name: str | None = None) -> Movement:
        """A movement of the catalog by name or abbreviation (TDĐKXDĐSVH by default).

        Raises:
            KeyError: when no plugin knows that movement.
        """
        if name is None:
            # The national wording: a province's own wording is for its own plans
            # (its phongtrao_new_plan), not every user's default.
            from phongtrao._national import TDDKXDDSVH

            return TDDKXDDSVH
        movements = self.catalog().movements
        wanted = name.casefold()
        for movement in movements:
            names = {movement.name.casefold(), (movement.abbreviation or "").casefold()}
            if wanted in names:
                return movement
        known = "; ".join(f"{m.name} ({m.abbreviation})" for m in movements)
        raise KeyError(f"no movement {name!r} in the catalog; known: {known}")

    def new_plan(self, level: Level, unit: str | None, year: int, movement: Movement) -> Plan:
        """The starter plan for a unit: the first plugin that knows it, else the national one.

        Raises:
            ValueError: when a plugin refuses the level, unit or year (its message
                says why, such as a district after the 2025 reform).
        """
        plan = self._first("phongtrao_new_plan", (ValueError,), _of_type(Plan), level=level,
                           unit=unit, year=year, movement=movement)
        if not isinstance(plan, Plan):
            raise ValueError(f"no plugin could make a plan for level {level.value!r}")
        return plan

    def adjust_outline(self, plan: Plan, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections after every plugin's adjustment, chained."""
        hook = "phongtrao_adjust_outline"
        for name, implementation in self._implementations(hook):
            _, result = self._call(name, implementation, hook,
                                   {"plan": plan, "sections": sections}, _sections)
            if result is not None:
                sections = result
        return sections

    def extra_context(self, plan: Plan, context: Mapping[str, Any]) -> dict[str, Any]:
        """Variables plugins add to the template context (never replacing one)."""
        extra: dict[str, Any] = {}
        for plugin, values in self._each("phongtrao_template_context",
                                         accept=_mapping("values"), plan=plan, context=context):
            if not values:
                continue
            clash = sorted(set(values) & (set(context) | set(extra)))
            if clash:
                self._fail(plugin, "phongtrao_template_context",
                           f"would replace the context names {', '.join(clash)}")
                continue
            extra.update(values)
        return extra

    def filters(self) -> dict[str, Callable[..., Any]]:
        """Jinja filters from every plugin (never replacing Jinja's or another plugin's)."""
        from jinja2.filters import FILTERS

        found: dict[str, Callable[..., Any]] = {}
        for plugin, filters in self._each("phongtrao_jinja_filters", accept=_filters):
            if not filters:
                continue
            clash = sorted(set(filters) & (set(FILTERS) | set(found)))
            if clash:
                self._fail(plugin, "phongtrao_jinja_filters",
                           f"would replace the filters {', '.join(clash)}")
                continue
            found.update(filters)
        return found

    def plugin_problems(self, plan: Plan) -> list[Problem]:
        """The problems every plugin's ``phongtrao_check`` finds."""
        problems: list[Problem] = []
        for _, found in self._each("phongtrao_check", accept=_problems, plan=plan):
            problems.extend(found or ())
        return problems


def _describe(error: BaseException) -> str:
    return _one_line(f"{type(error).__name__}: {error}")


@functools.lru_cache(maxsize=1)
def default_plugins() -> Plugins:
    """The process's plugins, loaded on first use as ``PHONGTRAO_PLUGINS`` says."""
    return Plugins()


def reset_default_plugins() -> None:
    """Forget the loaded plugins, so the next use loads them again."""
    default_plugins.cache_clear()


def check(
    plan: Plan, *, extra: Iterable[Check] = (), plugins: Plugins | None = None
) -> list[Problem]:
    """Check a plan: the built-in checks, then ``extra``, then every plugin's.

    Args:
        plan: the plan to check.
        extra: more checks to run after the built-in ones; each takes the plan
            and yields :class:`~phongtrao._problems.Problem` objects.
        plugins: the plugins whose checks run; the default ones when None.

    Returns:
        The problems found, errors and warnings alike; empty for a sound plan.
        The built-in codes are listed in :data:`phongtrao._rules.CODES`.
    """
    manager = default_plugins() if plugins is None else plugins
    return [*builtin_checks(plan, extra=extra), *manager.plugin_problems(plan)]
