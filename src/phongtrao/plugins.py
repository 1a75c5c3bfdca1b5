"""Loading plugins and calling their hooks, with every failure isolated.

:class:`Plugins` registers the built-in national defaults
(:mod:`phongtrao.national`) and then every distribution in the entry-point
group ``phongtrao``. Which entry points load is set by the ``plugins``
argument or the ``PHONGTRAO_PLUGINS`` environment variable:

- unset (or ``all``): every installed plugin;
- ``none`` (or ``0``, or empty): only the built-in national defaults;
- ``ha-tinh,hue``: only the entry points of these names.

A plugin that fails to import, implements an unknown hook, or raises inside a
hook is left out, and the failure — naming the plugin and the hook — is kept
in :attr:`Plugins.failures` and logged as a warning on the
``phongtrao.plugins`` logger. The core goes on without it.
"""

from __future__ import annotations

import difflib
import functools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.metadata import entry_points
from typing import Any

import attrs
import pluggy

from phongtrao import hookspecs
from phongtrao.hookspecs import PROJECT, Catalog, TemplateSpec
from phongtrao.model import Level, Movement, Plan
from phongtrao.outline import Section
from phongtrao.problems import Problem
from phongtrao.rules import Check
from phongtrao.rules import check as builtin_checks

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
        self._environment: Any = None
        from phongtrao import __version__, national

        self.register(national, NATIONAL, __version__)
        selection = _selection(plugins)
        if selection is not False:
            self._load_entry_points(selection)

    # -- loading ---------------------------------------------------------------

    def _load_entry_points(self, selection: bool | frozenset[str]) -> None:
        wanted = None if isinstance(selection, bool) else selection
        found = set()
        for entry_point in sorted(entry_points(group=PROJECT), key=lambda ep: ep.name):
            if wanted is not None and entry_point.name not in wanted:
                continue
            found.add(entry_point.name)
            try:
                plugin = entry_point.load()
            except Exception as error:  # noqa: BLE001 - a broken plugin is left out, not fatal
                self._fail(entry_point.name, "import", _describe(error))
                continue
            version = entry_point.dist.version if entry_point.dist is not None else "unknown"
            self.register(plugin, entry_point.name, version)
        if wanted is not None:
            for name in sorted(wanted - found):
                self._fail(name, "import", f"no plugin of that name is installed ({ENV})")

    def register(self, plugin: object, name: str, version: str = "unknown") -> bool:
        """Register a plugin object (a module or any object with hook functions).

        Unknown hook names (a misspelt ``phongtrao_templats``) and signatures
        that do not fit the specs are failures: the plugin is left out.

        Returns:
            Whether the plugin was registered.
        """
        unknown = [
            attribute
            for attribute in dir(plugin)
            if attribute.startswith("phongtrao_")
            and not hasattr(self._manager.hook, attribute)
            and callable(getattr(plugin, attribute, None))
        ]
        if unknown:
            hooks = sorted(hook for hook in dir(self._manager.hook)
                           if hook.startswith("phongtrao_"))
            messages = []
            for attribute in unknown:
                close = difflib.get_close_matches(attribute, hooks, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                messages.append(f"{attribute!r} is not a phongtrao hook{hint}")
            self._fail(name, "register", "; ".join(messages))
            return False
        try:
            self._manager.register(plugin, name=name)
            self._manager.check_pending()
        except Exception as error:  # noqa: BLE001 - pluggy's validation errors name the problem
            if self._manager.is_registered(plugin):
                self._manager.unregister(plugin)
            self._fail(name, "register", _describe(error))
            return False
        self._versions[name] = version
        return True

    def _fail(self, plugin: str, hook: str, message: str) -> None:
        failure = PluginFailure(plugin, hook, message)
        self._failures.append(failure)
        logger.warning("%s", failure)
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
        for provider, specs in self._each("phongtrao_templates"):
            for template in specs or ():
                templates.setdefault(provider, []).append(template.name)
        result = []
        for name, plugin in self._manager.list_name_plugin():
            hooks = sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or [])
            result.append(PluginInfo(name, self._versions.get(name, "unknown"), tuple(hooks),
                                     tuple(templates.get(name, ()))))
        return result

    # -- calling hooks -----------------------------------------------------------

    def _each(
        self, hook: str, passthrough: tuple[type[Exception], ...] = (), **kwargs: Any
    ) -> Iterator[tuple[str, Any]]:
        """Call each implementation of ``hook`` in pluggy's order, isolating failures.

        Exceptions of the ``passthrough`` types are the hook's documented way to
        refuse the input; they reach the caller instead of leaving the plugin out.
        """
        caller = getattr(self._manager.hook, hook)
        for implementation in reversed(caller.get_hookimpls()):
            name = implementation.plugin_name
            if not self._manager.has_plugin(name):
                continue  # left out by an earlier failure in this call
            if implementation.wrapper or implementation.hookwrapper:
                self._fail(name, hook, "hook wrappers are not supported")
                continue
            arguments = {key: kwargs[key] for key in
                         (*implementation.argnames, *implementation.kwargnames) if key in kwargs}
            try:
                result = implementation.function(**arguments)
            except passthrough:
                raise
            except Exception as error:  # noqa: BLE001 - a failing plugin is left out, not fatal
                self._fail(name, hook, _describe(error))
                continue
            yield name, result

    def _first(
        self, hook: str, passthrough: tuple[type[Exception], ...] = (), **kwargs: Any
    ) -> Any:
        for _, result in self._each(hook, passthrough, **kwargs):
            if result is not None:
                return result
        return None

    def templates(self) -> dict[str, tuple[str, TemplateSpec]]:
        """Every template name, with the plugin and spec that win it (highest priority)."""
        chosen: dict[str, tuple[str, TemplateSpec]] = {}
        for plugin, specs in self._each("phongtrao_templates"):
            for spec in specs or ():
                if not isinstance(spec, TemplateSpec):
                    self._fail(plugin, "phongtrao_templates",
                               f"returned {type(spec).__name__}, expected TemplateSpec")
                    break
                current = chosen.get(spec.name)
                if current is None or spec.priority > current[1].priority:
                    chosen[spec.name] = (plugin, spec)
        return chosen

    def choose_template(self, plan: Plan) -> str:
        """The template name the plugins choose for ``plan``."""
        name = self._first("phongtrao_choose_template", plan=plan)
        return str(name) if name is not None else "ke-hoach"

    def catalog(self) -> Catalog:
        """Every plugin's catalog, merged in call order."""
        merged = Catalog()
        for plugin, catalog in self._each("phongtrao_catalog"):
            if catalog is None:
                continue
            if not isinstance(catalog, Catalog):
                self._fail(plugin, "phongtrao_catalog",
                           f"returned {type(catalog).__name__}, expected Catalog")
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
        movements = self.catalog().movements
        if name is None:
            from phongtrao.national import TDDKXDDSVH

            name = TDDKXDDSVH.name
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
        plan = self._first("phongtrao_new_plan", (ValueError,), level=level, unit=unit,
                           year=year, movement=movement)
        if not isinstance(plan, Plan):
            raise ValueError(f"no plugin could make a plan for level {level.value!r}")
        return plan

    def adjust_outline(self, plan: Plan, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections after every plugin's adjustment, chained."""
        caller = self._manager.hook.phongtrao_adjust_outline
        for implementation in reversed(caller.get_hookimpls()):
            name = implementation.plugin_name
            if not self._manager.has_plugin(name):
                continue
            try:
                result = implementation.function(
                    **{key: {"plan": plan, "sections": sections}[key]
                       for key in implementation.argnames})
            except Exception as error:  # noqa: BLE001 - a failing plugin is left out, not fatal
                self._fail(name, "phongtrao_adjust_outline", _describe(error))
                continue
            if result is not None:
                if not isinstance(result, (tuple, list)) or not all(
                    isinstance(section, Section) for section in result
                ):
                    self._fail(name, "phongtrao_adjust_outline",
                               "returned something other than Section objects")
                    continue
                sections = tuple(result)
        return sections

    def extra_context(self, plan: Plan, context: Mapping[str, Any]) -> dict[str, Any]:
        """Variables plugins add to the template context (never replacing one)."""
        extra: dict[str, Any] = {}
        for plugin, values in self._each("phongtrao_template_context", plan=plan,
                                         context=context):
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
        """Jinja filters from every plugin."""
        found: dict[str, Callable[..., Any]] = {}
        for _, filters in self._each("phongtrao_jinja_filters"):
            found.update(filters or {})
        return found

    def environment(self) -> Any:
        """The Jinja environment for this set of plugins (their filters added), made once."""
        if self._environment is None:
            from phongtrao.rendering.engine import make_environment

            self._environment = make_environment(self.filters())
        return self._environment

    def plugin_problems(self, plan: Plan) -> list[Problem]:
        """The problems every plugin's ``phongtrao_check`` finds."""
        problems: list[Problem] = []
        for plugin, found in self._each("phongtrao_check", plan=plan):
            for problem in found or ():
                if not isinstance(problem, Problem):
                    self._fail(plugin, "phongtrao_check",
                               f"yielded {type(problem).__name__}, expected Problem")
                    break
                problems.append(problem)
        return problems


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


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
            and yields :class:`~phongtrao.problems.Problem` objects.
        plugins: the plugins whose checks run; the default ones when None.

    Returns:
        The problems found, errors and warnings alike; empty for a sound plan.
        The built-in codes are listed in :data:`phongtrao.rules.CODES`.
    """
    manager = default_plugins() if plugins is None else plugins
    return [*builtin_checks(plan, extra=extra), *manager.plugin_problems(plan)]
