"""The Jinja sandbox templates render in, bounded in time and memory.

Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` guards
attributes (no ``__class__``, no ``mro``) and refuses to change lists, dicts
and sets, but it does not bound resources (DESIGN.md §6). This one adds, from
:class:`~phongtrao._limits.Limits`:

- a deadline per document: every ``range`` a template loops over, every call
  and every piece of output checks it, so nested loops stop;
- no repetition beyond ``repeat_length`` (``'a' * 10**9``, ``[0] * n``,
  ``replace`` and padding methods), no power beyond ``power_digits`` digits
  (``10 ** 10**9``), no field wider than ``format_width`` (``'%999999999d'``,
  ``center(n)``, ``'{:>999999999}'.format``);
- no ``{% include %}``, ``{% import %}`` or ``{% extends %}``: a template is
  one file.

Whatever breaks a limit raises :class:`LimitError` (a Jinja
``SecurityError``); the engine turns it into a
:class:`~phongtrao.errors.RenderError` naming the template and the part.
"""

from __future__ import annotations

import contextvars
import math
import re
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from phongtrao._limits import DEFAULT_LIMITS, Limits

__all__ = ["BoundedEnvironment", "LimitError", "check_deadline", "deadline", "make_environment"]

#: When the document being rendered must be done (time.monotonic), if any.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "phongtrao_render_deadline", default=None)

# A printf width or precision ("%999999d", "%.999999f", "%*d") and a format-spec width
# ("{:>999999}", "{0:999999.2f}").
_PRINTF_WIDTH = re.compile(r"%[-+ #0]*(\d+|\*)?(?:\.(\d+|\*))?[a-zA-Z%]")
_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}\d]*(\d+)(?:\.(\d+))?[^{}]*\}")
_PADDING = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})


class LimitError(SecurityError):
    """A template went beyond one of the limits; the message names it."""


class deadline:  # noqa: N801 - used as a context manager, like contextlib's
    """Set the deadline of the document being rendered, for the code of this context."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._token: contextvars.Token[float | None] | None = None

    def __enter__(self) -> None:
        self._token = _DEADLINE.set(time.monotonic() + self._seconds)

    def __exit__(self, *exc: object) -> None:
        assert self._token is not None
        _DEADLINE.reset(self._token)


def check_deadline() -> None:
    """Raise SecurityError when the document's time is up."""
    due = _DEADLINE.get()
    if due is not None and time.monotonic() > due:
        raise LimitError("the template took longer than its time limit "
                            "(Limits.render_seconds) to render one document")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with phongtrao's limits (see the module's docs)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, limits: Limits = DEFAULT_LIMITS, **options: Any) -> None:
        super().__init__(**options)
        self.limits = limits
        self.globals["range"] = self._range
        for name, bounded in self._bounded_filters().items():
            self.filters[name] = bounded

    # -- loops ---------------------------------------------------------------------------

    def _range(self, *args: int) -> Iterator[int]:
        numbers = safe_range(*args)  # at most Jinja's MAX_RANGE items
        for count, number in enumerate(numbers):
            if count % 256 == 0:
                check_deadline()
            yield number

    # -- operators ---------------------------------------------------------------------

    def _repeat(self, size: int) -> None:
        if size > self.limits.repeat_length:
            raise LimitError(f"the template repeats a text or list to {size:,} items; the "
                                f"limit is {self.limits.repeat_length:,} (Limits.repeat_length)")

    def _width(self, width: int) -> None:
        if width > self.limits.format_width:
            raise LimitError(f"the template pads a field to {width:,} characters; the limit "
                                f"is {self.limits.format_width:,} (Limits.format_width)")

    def _printf(self, text: str, args: Any) -> None:
        values = args if isinstance(args, tuple) else (args,)
        stars = [value for value in values if isinstance(value, int)]
        for width, precision in _PRINTF_WIDTH.findall(text):
            for field in (width, precision):
                if field == "*":
                    for value in stars:
                        self._width(value)
                elif field:
                    self._width(int(field))

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        """Refuse repetition, powers and padding beyond the limits, then compute."""
        check_deadline()
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, bytes, list, tuple)) and isinstance(times, int):
                    self._repeat(len(sequence) * max(times, 0))
        elif operator == "**":
            if (isinstance(left, int) and isinstance(right, int) and right > 0
                    and abs(left) > 1):
                digits = right * math.log10(abs(left))
                if digits > self.limits.power_digits:
                    raise LimitError(
                        f"the template computes a power of about {digits:,.0f} digits; the "
                        f"limit is {self.limits.power_digits:,} (Limits.power_digits)")
        elif operator == "%" and isinstance(left, str):
            self._printf(left, right)
        return super().call_binop(context, operator, left, right)

    # -- calls ---------------------------------------------------------------------------

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any,  # noqa: N805
             **kwargs: Any) -> Any:
        """Check the deadline and the bounded str methods, then call."""
        check_deadline()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str):
            if name in _PADDING:
                for value in (*args, *kwargs.values()):
                    if isinstance(value, int):
                        __self._width(value)
            elif name == "replace" and len(args) >= 2:
                __self._replaced(owner, *args[:3])
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``'{:>9}'.format`` and ``format_map``: refuse fields wider than the limit."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            for width, precision in _FORMAT_WIDTH.findall(value.__self__):
                self._width(int(width))
                if precision:
                    self._width(int(precision))
        return wrapped

    def _replaced(self, text: str, old: Any, new: Any, count: Any = -1) -> None:
        if not isinstance(old, str) or not isinstance(new, str):
            return
        found = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            found = min(found, count)
        self._repeat(len(text) + found * max(len(new) - len(old), 0))

    def _bounded_filters(self) -> dict[str, Callable[..., Any]]:
        filters = dict(self.filters)  # Jinja's own, before these replace them

        def center(value: Any, width: int = 80) -> Any:
            self._width(width)
            return filters["center"](value, width)

        def indent(value: Any, width: int | str = 4, *args: Any, **kwargs: Any) -> Any:
            self._width(width if isinstance(width, int) else len(width))
            return filters["indent"](value, width, *args, **kwargs)

        def format_(value: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(value, str):
                self._printf(value, args)
            return filters["format"](value, *args, **kwargs)

        @jinja2.pass_eval_context
        def replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
            self._replaced(str(value), old, new, -1 if count is None else count)
            return filters["replace"](eval_ctx, value, old, new, count)

        return {"center": center, "indent": indent, "format": format_, "replace": replace}

    # -- templates are one file ------------------------------------------------------------

    def compile_checked(self, source: str) -> jinja2.Template:
        """Compile a template's source, refusing include, import and extends.

        Raises:
            jinja2.exceptions.TemplateSyntaxError: for a syntax error.
            SecurityError: for a tag that would load another template.
        """
        tree = self.parse(source)
        for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport,
                                   nodes.Extends)):
            tag = {nodes.Include: "include", nodes.Import: "import",
                   nodes.FromImport: "from … import", nodes.Extends: "extends"}[type(node)]
            raise SecurityError(f"the template uses {{% {tag} %}} (line {node.lineno}), but a "
                                "template is one .docx: it cannot load another template")
        return self.from_string(tree)


def make_environment(
    filters: Mapping[str, Callable[..., Any]] | None = None, limits: Limits = DEFAULT_LIMITS
) -> BoundedEnvironment:
    """The Jinja environment every template renders in.

    Sandboxed and bounded (see the module's docs), autoescaping (``&``, ``<``,
    ``>`` and quotes reach the document intact) and strict about undefined names.
    """
    environment = BoundedEnvironment(limits, autoescape=True, undefined=jinja2.StrictUndefined)
    if filters:
        environment.filters.update(filters)
    return environment
