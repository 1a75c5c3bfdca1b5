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

import contextlib
import difflib
import importlib
import inspect
import logging
import os
import signal
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.metadata import entry_points
from typing import Any

import attrs
import pluggy

from phongtrao import _national as national
from phongtrao import hookspecs
from phongtrao._lint.types import LintRule
from phongtrao._outline import Section
from phongtrao._problems import Problem
from phongtrao._units import UnitRegistry, read_package
from phongtrao._version import __version__
from phongtrao.hookspecs import HOOKS, PROJECT, Call, Catalog, Hook, HookResultError, TemplateSpec
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, Movement, PartialDate, Plan

__all__ = [
    "ENV",
    "PluginFailure",
    "PluginInfo",
    "Plugins",
    "PluginsConfig",
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
class PluginsConfig:
    """The plugins a :class:`Plugins` loaded, as another process can load them again.

    Attributes:
        selection: which installed plugins: all (True), none (False), or by name.
        registered: plugins registered by hand, as (name, module, version); the
            module is None for a plugin object that is not a module.
        timeout: the time limit of each plugin call, if any.
    """

    selection: bool | frozenset[str]
    registered: tuple[tuple[str, str | None, str], ...] = ()
    timeout: float | None = None

    @property
    def portable(self) -> bool:
        """Whether every plugin can be loaded again by its module's name."""
        return all(module is not None for _, module, _ in self.registered)


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


def _one_line(text: str) -> str:
    """A message on one line, so each failure is one line of a log."""
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


class _TimedOut(BaseException):
    """A plugin's code did not finish within the time it was given."""


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the code of this block after ``seconds`` with :class:`_TimedOut`.

    It uses the real-time interval timer (SIGALRM), so it works in the main
    thread of a Unix process only; elsewhere the block runs unbounded.
    """
    usable = (hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if seconds is None or seconds <= 0 or not usable:
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise _TimedOut

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Plugins:
    """The plugin manager: the built-in national defaults plus installed plugins.

    Args:
        plugins: True to load every installed plugin, False for none, or the
            names of the entry points to load; by default ``PHONGTRAO_PLUGINS``
            decides (every plugin when it is unset).
        timeout: the seconds a plugin is given to import and to answer each
            hook call; a plugin that takes longer is stopped and left out. None
            (the default for programs) waits as long as it takes; the command
            gives each call 60 s (``PHONGTRAO_HOOK_TIMEOUT``). It works in the
            main thread on Unix; elsewhere calls are not timed.

    A plugin that raises — even ``SystemExit`` — is left out with one line
    naming it and the hook; a ``KeyboardInterrupt`` is recorded the same way
    and then goes on to the caller.
    """

    def __init__(self, plugins: bool | Iterable[str] | None = None, *,
                 timeout: float | None = None) -> None:
        self.timeout = timeout
        self._manager = pluggy.PluginManager(PROJECT)
        self._manager.add_hookspecs(hookspecs)
        self._versions: dict[str, str] = {}
        self._failures: list[PluginFailure] = []
        # What another process needs to load the same plugins (see ``config``).
        self._selection = _selection(plugins)
        self._registered: list[tuple[str, str | None, str]] = []
        # The unit registry, built when first used and again after the plugins change.
        self._units: UnitRegistry | None = None
        self._units_lock = threading.Lock()
        self.register(national, NATIONAL, __version__)
        if self._selection is not False:
            self._load_entry_points(self._selection)

    # -- loading ---------------------------------------------------------------

    _loading = False

    @property
    def config(self) -> PluginsConfig:
        """What another process needs to load the same plugins.

        The selection, and the modules registered by hand (a plugin registered
        as an object has no module: ``config.portable`` is then false).
        """
        return PluginsConfig(self._selection, tuple(self._registered), self.timeout)

    @classmethod
    def from_config(cls, config: PluginsConfig) -> Plugins:
        """The plugins ``config`` describes, loaded in this process.

        Raises:
            ValueError: when a plugin was registered as an object, not a module.
        """
        if not config.portable:
            objects = ", ".join(repr(name) for name, module, _ in config.registered
                                if module is None)
            raise ValueError(f"the plugins {objects} were registered as objects, which another "
                             "process cannot load; register their modules instead, or render "
                             "in this process (no executor, or threads)")
        plugins = cls(config.selection, timeout=config.timeout)
        for name, module, version in config.registered:
            assert module is not None
            plugins.register(importlib.import_module(module), name, version)
        return plugins

    def _load_entry_points(self, selection: bool | frozenset[str]) -> None:
        # The built-in plugin is always there: naming it selects nothing more.
        wanted = None if isinstance(selection, bool) else selection - {NATIONAL}
        found = set()
        for entry_point in sorted(entry_points(group=PROJECT), key=lambda ep: ep.name):
            if wanted is not None and entry_point.name not in wanted:
                continue
            found.add(entry_point.name)
            try:
                with _time_limit(self.timeout):
                    plugin = entry_point.load()
            except KeyboardInterrupt:
                self._record(entry_point.name, "import", "interrupted (Ctrl-C)")
                raise
            except _TimedOut:
                self._record(entry_point.name, "import",
                             f"did not finish importing within {self.timeout} s")
                continue
            except (Exception, SystemExit) as error:  # noqa: BLE001 - a broken plugin is left out
                self._record(entry_point.name, "import", _describe(error))
                continue
            version = entry_point.dist.version if entry_point.dist is not None else "unknown"
            self._loading = True
            try:
                self.register(plugin, entry_point.name, version)
            finally:
                self._loading = False
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
        self._units = None
        if name != NATIONAL and not self._loading:
            module = plugin.__name__ if isinstance(plugin, types.ModuleType) else None
            self._registered.append((name, module, version))
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
            self._units = None

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
        for provider, specs in self.results("phongtrao_templates"):
            for template in specs:
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
        self, name: str, implementation: pluggy.HookImpl, hook: str, spec: Hook,
        kwargs: Mapping[str, Any],
    ) -> tuple[bool, Any]:
        """Call one implementation; (True, its accepted result) or (False, None) if it failed.

        Exceptions of the hook's ``refuses`` types are its documented way to
        refuse the input; they reach the caller instead of leaving the plugin out.
        """
        arguments = {key: kwargs[key] for key in
                     (*implementation.argnames, *implementation.kwargnames) if key in kwargs}
        try:
            # Generators are read by accept: both steps run the plugin's code.
            with _time_limit(self.timeout):
                result = implementation.function(**arguments)
                accepted = None if result is None else spec.accept(result)
        except spec.refuses:
            raise
        except HookResultError as refusal:
            self._fail(name, hook, str(refusal))
        except KeyboardInterrupt:
            self._fail(name, hook, "interrupted (Ctrl-C)")
            raise
        except _TimedOut:
            self._fail(name, hook, f"did not answer within {self.timeout} s")
        except (Exception, SystemExit) as error:  # noqa: BLE001 - a failing plugin is left out
            self._fail(name, hook, _describe(error))
        else:
            return True, accepted
        return False, None

    def _spec(self, hook: str) -> Hook:
        spec = HOOKS.get(hook)
        if spec is None:
            close = difflib.get_close_matches(hook, HOOKS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise KeyError(f"{hook!r} is not a phongtrao hook{hint}")
        return spec

    def first(self, hook: str, **kwargs: Any) -> tuple[str, Any] | None:
        """The first result of a hook that is not None, with the plugin that gave it.

        The caller may still :meth:`reject` the plugin (a template name no one
        registers) and ask again: the next plugin then answers.
        """
        spec = self._spec(hook)
        for name, implementation in self._implementations(hook):
            ok, result = self._call(name, implementation, hook, spec, kwargs)
            if ok and result is not None:
                return name, result
        return None

    def call(self, hook: str, **kwargs: Any) -> Any:
        """Call a hook as :data:`phongtrao.hookspecs.HOOKS` says, isolating each failure.

        - first result wins: the first result that is not None, or None;
        - each result collected: the results combined (for hooks without a
          ``combine``, the list of ``(plugin, result)``);
        - chained: the value of the chained argument after every plugin.

        Each result is checked by the hook's ``accept`` inside the isolation: a
        plugin that raises or returns what its hook does not allow is left out.

        Raises:
            KeyError: when ``hook`` is not a hook.
        """
        spec = self._spec(hook)
        if spec.call is Call.FIRST:
            found = self.first(hook, **kwargs)
            return None if found is None else found[1]
        if spec.call is Call.CHAIN:
            assert spec.chained is not None
            value = kwargs[spec.chained]
            for name, implementation in self._implementations(hook):
                ok, result = self._call(name, implementation, hook, spec,
                                        {**kwargs, spec.chained: value})
                if ok and result is not None:
                    value = result
            return value
        results = self.results(hook, **kwargs)
        if spec.combine is None:
            return results
        return spec.combine(results, kwargs, lambda plugin, message: self.reject(
            plugin, hook, message))

    def results(self, hook: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Every implementation's accepted result that is not None, with its plugin, in order."""
        spec = self._spec(hook)
        results = []
        for name, implementation in self._implementations(hook):
            ok, result = self._call(name, implementation, hook, spec, kwargs)
            if ok and result is not None:
                results.append((name, result))
        return results

    def reject(self, plugin: str, hook: str, message: str) -> None:
        """Leave a plugin out for what it answered in ``hook`` (a caller's own check)."""
        self._fail(plugin, hook, message)

    # -- what the hooks answer ---------------------------------------------------------

    def templates(self) -> dict[str, tuple[str, TemplateSpec]]:
        """Every template name, with the plugin and spec that win it."""
        found: dict[str, tuple[str, TemplateSpec]] = self.call("phongtrao_templates")
        return found

    def choose_template(self, plan: Plan) -> str:
        """The template name the plugins choose for ``plan`` (``ke-hoach`` when none does).

        A plugin that chooses a name no plugin registers (a misspelling, or a
        path) is left out, and the next plugin chooses.
        """
        hook = "phongtrao_choose_template"
        registered = self.templates()
        while (found := self.first(hook, plan=plan)) is not None:
            plugin, name = found
            if name in registered:
                return str(name)
            known = ", ".join(sorted(registered))
            self.reject(plugin, hook, f"chose the template {name!r}, which no plugin "
                        f"registers; expected one of {known}")
        return "ke-hoach"

    def catalog(self) -> Catalog:
        """Every plugin's catalog, merged in call order."""
        merged: Catalog = self.call("phongtrao_catalog")
        return merged

    def movement(self, name: str | None = None) -> Movement:
        """A movement of the catalog by name or abbreviation (TDĐKXDĐSVH by default).

        Raises:
            KeyError: when no plugin knows that movement.
        """
        if name is None:
            # The national wording: a province's own wording is for its own plans
            # (its phongtrao_new_plan), not every user's default.
            return national.TDDKXDDSVH
        movements = self.catalog().movements
        wanted = name.casefold()
        for movement in movements:
            names = {movement.name.casefold(), (movement.abbreviation or "").casefold()}
            if wanted in names:
                return movement
        known = "; ".join(f"{m.name} ({m.abbreviation})" for m in movements)
        raise KeyError(f"no movement {name!r} in the catalog; known: {known}")

    @property
    def units(self) -> UnitRegistry:
        """The registry of administrative units: vietnam-provinces and what plugins add.

        Built when first used, from the installed ``vietnam-provinces`` and
        every plugin's ``Catalog.unit_records`` (and the units of their
        catalogs it does not list); built again after a plugin is registered
        or left out. See docs/units.md.
        """
        with self._units_lock:
            if self._units is None:
                contributions = [(plugin, catalog.unit_records, catalog.units)
                                 for plugin, catalog in self.results("phongtrao_catalog")]
                self._units = UnitRegistry.build(read_package(), contributions)
            return self._units

    def new_plan(self, level: Level, unit: str | None, year: int, movement: Movement, *,
                 province: str | None = None, unlisted: bool = False) -> Plan:
        """The starter plan for a unit: the first plugin that knows it, else the national one.

        The unit is first looked up in the unit registry (:attr:`units`) for
        ``year``: a name no unit has (a typo), a name several units share
        ("phường Hoàng Mai": Hà Nội and Nghệ An) and a unit that did not exist
        that year are refused, with the candidates. The plugins get the unit
        found (``registered``), with its official name, kind and code.

        Args:
            level: the issuer's level.
            unit: the unit's name or official code, optionally with the units
                above it ("phường Hoàng Mai, Nghệ An", "Hoàng Mai (Nghệ An)"); None
                for a «…» placeholder.
            year: the plan's year.
            movement: the movement summarised.
            province: the province (or district) the unit lies in, by name or
                code, when its name alone does not say which unit it is.
            unlisted: take ``unit`` as given, without looking it up (a unit the
                registry does not list, such as one of before 2025-07-01 on a
                vietnam-provinces without those units).

        Raises:
            UnitLookupError: when the registry cannot settle the unit (a
                :class:`ValueError`; its message lists the candidates).
            ValueError: when a plugin refuses the level, unit or year (its message
                says why, such as a district after the 2025 reform).
        """
        registered: AdministrativeUnit | None = None
        if unit is None and province is not None:
            raise ValueError("a province was given but no unit; give the unit's name too, or "
                             "leave the province out to get a «…» placeholder")
        # A district after the reform is refused by the starter plan, which says why.
        district_after_reform = level is Level.HUYEN and year > REFORM_DATE.year
        if unit is not None and level in (Level.XA, Level.HUYEN, Level.TINH):
            national.split_unit(level, unit)  # a generic noun of another level: say so first
        if unit is not None and not unlisted and not district_after_reform:
            found = self.units.lookup(unit, level=level, on=PartialDate(year=year),
                                      province=province)
            registered = found.resolve().unit
        plan = self.call("phongtrao_new_plan", level=level, unit=unit, year=year,
                         movement=movement, registered=registered)
        if not isinstance(plan, Plan):
            raise ValueError(f"no plugin could make a plan for level {level.value!r}")
        return plan

    def adjust_outline(self, plan: Plan, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        """The sections after every plugin's adjustment, chained."""
        adjusted: tuple[Section, ...] = self.call("phongtrao_adjust_outline", plan=plan,
                                                  sections=sections)
        return adjusted

    def extra_context(self, plan: Plan, context: Mapping[str, Any]) -> dict[str, Any]:
        """Variables plugins add to the template context (never replacing one)."""
        extra: dict[str, Any] = self.call("phongtrao_template_context", plan=plan,
                                          context=context)
        return extra

    def filters(self) -> dict[str, Callable[..., Any]]:
        """Jinja filters from every plugin (never replacing Jinja's or another plugin's)."""
        found: dict[str, Callable[..., Any]] = self.call("phongtrao_jinja_filters")
        return found

    def plugin_problems(self, plan: Plan) -> list[Problem]:
        """The problems every plugin's ``phongtrao_check`` finds."""
        problems: list[Problem] = self.call("phongtrao_check", plan=plan)
        return problems

    def lint_rules(self) -> tuple[LintRule, ...]:
        """The rules ``phongtrao lint`` checks against: the built-in ones, then the plugins'."""
        rules: tuple[LintRule, ...] = self.call("phongtrao_lint_rules")
        return rules


def _describe(error: BaseException) -> str:
    return _one_line(f"{type(error).__name__}: {error}")
