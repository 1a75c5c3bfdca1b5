"""How model classes are declared: typed fields that convert strictly, with their meaning.

Every model class is a frozen, keyword-only attrs class that converts its
fields (``@model`` over ``@attrs.frozen(kw_only=True, field_transformer=converting)``)
and derives from :class:`Model`. Each field's value is converted from
exactly what a plan file may write for its type (:mod:`phongtrao.model._convert`)
or refused with a :class:`~phongtrao.errors.ModelError` naming the class, the
field and the value. Each field carries its meaning in Vietnamese and English
(:func:`describe`), which feeds the ``Attributes:`` docstring block, the
loader's error messages and the generated plan-file reference.
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import ConversionError, converter_for, describe_value

__all__ = [
    "Model",
    "converting",
    "describe",
    "documented",
    "is_identifier",
    "may_be_blank",
    "meaning",
    "model",
]

_C = TypeVar("_C", bound=type)
_M = TypeVar("_M", bound="Model")

VI = "phongtrao.vi"
EN = "phongtrao.en"
EXAMPLE = "phongtrao.example"
IDENTIFIER = "phongtrao.identifier"
BLANK = "phongtrao.blank"


def describe(vi: str, en: str, example: Any = None, *, identifier: bool = False,
             blank: bool = False) -> dict[str, Any]:
    """Return attrs field metadata holding a field's meaning and an example value.

    ``identifier`` marks a field that holds ids (stable names other parts refer
    to), not text a document prints; ``blank`` a field whose texts may be empty
    (a table's cell left for the reader to fill in).
    """
    meta: dict[str, Any] = {VI: vi, EN: en}
    if example is not None:
        meta[EXAMPLE] = example
    if identifier:
        meta[IDENTIFIER] = True
    if blank:
        meta[BLANK] = True
    return meta


def may_be_blank(field: attrs.Attribute[Any]) -> bool:
    """Whether the field's texts may be empty."""
    return bool(field.metadata.get(BLANK, False))


def is_identifier(field: attrs.Attribute[Any]) -> bool:
    """Whether the field holds ids rather than text."""
    return bool(field.metadata.get(IDENTIFIER, False))


def meaning(field: attrs.Attribute[Any]) -> tuple[str, str]:
    """Return a field's (Vietnamese, English) meaning; empty strings when undescribed."""
    return field.metadata.get(VI, ""), field.metadata.get(EN, "")


def documented(cls: _C) -> _C:
    """Append an ``Attributes:`` block built from the fields' meanings to the docstring."""
    lines = ["", "Attributes:"]
    for field in attrs.fields(cls):
        vi, en = meaning(field)
        lines.append(f"    {field.name}: {vi} — {en}")
    cls.__doc__ = (cls.__doc__ or cls.__name__).rstrip() + "\n" + "\n".join(lines) + "\n"
    return cls


def _field_name(name: str, index: tuple[int, ...]) -> str:
    return name + "".join(f"[{position}]" for position in index)


class _FieldConversion:
    """The conversion of one field, resolved from its annotation on first use.

    Annotations are strings (``from __future__ import annotations``) that may
    name classes defined later in the module, so they are resolved when the
    first object is built, not when the class is.
    """

    __slots__ = ("_annotation", "_class", "_convert", "_module", "_name")

    def __init__(self, cls: type, name: str, annotation: Any) -> None:
        self._class = cls.__name__
        self._module = cls.__module__
        self._name = name
        self._annotation = annotation
        self._convert: Callable[[Any], Any] | None = None

    def _resolve(self) -> Callable[[Any], Any]:
        annotation = self._annotation
        if isinstance(annotation, str):
            namespace = vars(sys.modules[self._module])
            annotation = eval(annotation, namespace)  # the class's own annotation
        self._convert = converter_for(annotation)
        return self._convert

    def __call__(self, value: Any) -> Any:
        convert = self._convert or self._resolve()
        try:
            return convert(value)
        except ConversionError as conversion:
            raise ModelError(_field_name(self._name, conversion.index), conversion.message,
                             cls=self._class, value=value) from None


def _add_conversions(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Give each field the conversion of its type (an attrs field transformer)."""
    return [
        field if field.converter is not None
        else field.evolve(converter=_FieldConversion(cls, field.name, field.type))
        for field in fields
    ]


def _naming_errors(cls: _C) -> _C:
    """Make the class fill in its name on the ModelErrors its validators raise."""
    original: Callable[..., None] = cls.__init__  # type: ignore[misc]

    @functools.wraps(original)
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            original(self, *args, **kwargs)
        except ModelError as error:
            if error.cls is None:
                error.cls = cls.__name__
            raise

    cls.__init__ = init  # type: ignore[misc]
    return cls


#: The attrs field transformer of every model class: each field converts by its type.
converting = _add_conversions


def model(cls: _C) -> _C:
    """Finish a model class built by ``attrs.frozen(kw_only=True, field_transformer=converting)``.

    It documents the fields in the docstring and makes the constructor name the
    class in the ModelErrors its validators raise. (The attrs decorator stays
    on each class, so type checkers know it for an attrs class.)
    """
    return _naming_errors(documented(cls))


# -- changing a deep field ---------------------------------------------------------------

_STEP = re.compile(r"\.?(?P<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<index>\d+)\]")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    position = 0
    text = path.strip()
    while position < len(text):
        match = _STEP.match(text, position)
        if match is None or (position == 0 and text.startswith(".")):
            raise ModelError(path, f"{path!r} is not a field path; expected names joined by "
                             "'.' with list positions in brackets, like 'schedule[1].window'")
        name, index = match["name"], match["index"]
        steps.append(name if name is not None else int(index))
        position = match.end()
    if not steps:
        raise ModelError(path, "the field path is empty; expected a field name, like "
                         "'document.date'")
    return steps


def _within(step: str | int, error: ModelError, owner: str) -> ModelError:
    """The error of a part, said of the whole: ``start`` of ``window`` is ``window.start``."""
    inner = error.field if error.field.startswith("[") else f".{error.field}"
    where = f"[{step}]{inner}" if isinstance(step, int) else f"{step}{inner}"
    return ModelError(where, error.message, cls=owner, value=error.value)


def _replaced(obj: Any, steps: list[str | int], value: Any) -> Any:
    """``obj`` with the field at ``steps`` set to ``value``; errors are named from ``obj``."""
    step, rest = steps[0], steps[1:]
    owner = type(obj).__name__
    if isinstance(step, int):
        if not isinstance(obj, tuple):
            raise ModelError(f"[{step}]", f"{describe_value(obj)} is not a list; it has no "
                             f"item [{step}]", cls=owner)
        if step >= len(obj):
            raise ModelError(f"[{step}]", f"the list has {len(obj)} items; expected a position "
                             f"from 0 to {len(obj) - 1}", cls=owner)
        try:
            item = value if not rest else _replaced(obj[step], rest, value)
        except ModelError as error:
            raise _within(step, error, owner) from None
        return (*obj[:step], item, *obj[step + 1:])
    if not attrs.has(type(obj)):
        raise ModelError(step, f"{describe_value(obj)} has no field {step!r}", cls=owner)
    names = [field.name for field in attrs.fields(type(obj))]
    if step not in names:
        close = difflib.get_close_matches(step, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ModelError(step, f"{owner} has no field {step!r}{hint}; its fields are "
                         f"{', '.join(names)}", cls=owner)
    if rest:
        try:
            new = _replaced(getattr(obj, step), rest, value)
        except ModelError as error:
            raise _within(step, error, owner) from None
    else:
        new = value
    return attrs.evolve(obj, **{step: new})


class Model:
    """The base of every model class: frozen, typed, strictly converting.

    Change a field with :func:`attrs.evolve`, or a deep one with :meth:`replace`.
    """

    __slots__ = ()

    if TYPE_CHECKING:
        # What attrs' functions (attrs.evolve, attrs.fields) know an attrs class by;
        # the decorator makes every subclass one, but type checkers see the base.
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

    def replace(self: _M, path: str, value: Any) -> _M:
        """A copy with the field at ``path`` set to ``value``, converted and checked.

        ``plan.replace("document.date", "2025-08-05")``,
        ``plan.replace("schedule[1].window.start", "2021-05")``: names joined
        by ``.``, list positions in brackets. The value is converted exactly as
        the constructor of the field's class converts it, and every class on
        the way is rebuilt, so its checks run again.

        Raises:
            ModelError: when the path names no field, or the value does not fit.
        """
        result: _M = _replaced(self, _steps(path), value)
        return result
