"""The one cattrs converter for plan files, made by :func:`make_converter`.

It is strict where cattrs is lenient by default (DESIGN.md §6): text must be
text, numbers must be whole numbers and flags must be booleans — ``None``,
floats and booleans are never turned into text or numbers. Dates are ISO
strings or the native dates of YAML and TOML; partial dates (``2021-02``) and
document numbers (``03/KH-UBND``) are written as strings.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from phongtrao import model
from phongtrao.model._convert import (
    SCALARS,
    ConversionError,
    choice,
    day,
    describe_value,
    flag,
    text,
    whole,
)
from phongtrao.model._pending import to_pending

__all__ = ["ShapeError", "describe_value", "make_converter"]

#: What plan files get wrong about a value's kind: the message, with the code.
ShapeError = ConversionError


def _structure_str(value: Any, _: Any) -> str:
    try:
        return text(value)
    except ConversionError as conversion:
        hint = ""
        if isinstance(value, bool):
            hint = (
                "; put the text in quotes (YAML reads unquoted yes, no, on and off as "
                "yes/no values)"
            )
        elif isinstance(value, (int, float)):
            hint = "; put it in quotes if it is meant as text"
        elif isinstance(value, Mapping) and len(value) == 1:
            key, item = next(iter(value.items()))
            scalar = isinstance(item, (str, int, float)) and not isinstance(item, bool)
            if isinstance(key, str) and scalar:
                # "- Lưu: VT" in a YAML list is a mapping: the ': ' makes a key and a value.
                hint = (
                    f"; YAML reads '{key}: {item}' as a key and a value because of the ': ', "
                    f"so put the text in quotes: \"{key}: {item}\""
                )
        raise ConversionError(conversion.message + hint, conversion.code) from None


def _structure_int(value: Any, _: Any) -> int:
    try:
        return whole(value)
    except ConversionError as conversion:
        hint = ""
        if isinstance(value, str) and value.strip().isdigit():
            digits = value.strip()
            hint = (f"; write it without quotes: {digits}" if len(digits) <= 40
                    else "; write it without quotes")
        elif isinstance(value, float) and value.is_integer():
            hint = f"; write it without the decimal point: {int(value)}"
        raise ConversionError(conversion.message + hint, conversion.code) from None


def _hook(convert: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    """A cattrs structure hook from one of the model's conversions."""

    def structure(value: Any, _: Any) -> Any:
        return convert(value)

    return structure


def _enum_hook(cl: type[Enum]) -> Callable[[Any, Any], Any]:
    return _hook(choice(cl))


def _enum_value(member: Enum) -> Any:
    return member.value


def _model_enums() -> list[type[Enum]]:
    exported = (getattr(model, name) for name in model.__all__)
    return [item for item in exported if isinstance(item, type) and issubclass(item, Enum)]


def _is_tuple(cl: Any) -> bool:
    return typing.get_origin(cl) is tuple


def _is_pending_union(cl: Any) -> bool:
    """``X | Pending`` (optionally ``| None``): a value, or a «…» placeholder for it."""
    import types

    return (typing.get_origin(cl) in (typing.Union, types.UnionType)
            and model.Pending in typing.get_args(cl))


def _make_pending_hook(converter: cattrs.Converter, cl: Any) -> Any:
    value_type = next(arg for arg in typing.get_args(cl)
                      if arg not in (model.Pending, type(None)))
    structure_value = converter.get_structure_hook(value_type)
    optional = type(None) in typing.get_args(cl)

    def structure(value: Any, _: Any) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, str) and value.strip().startswith("«"):
            return to_pending(value)
        return structure_value(value, value_type)

    return structure


def _make_tuple_hook(converter: cattrs.Converter, cl: Any) -> Any:
    args = typing.get_args(cl)
    if len(args) != 2 or args[1] is not Ellipsis:
        raise TypeError(f"only homogeneous tuples (tuple[X, ...]) are supported, not {cl}")
    item_type = args[0]
    structure_item = converter.get_structure_hook(item_type)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise ShapeError(f"expected a list, got {describe_value(value)}")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(structure_item(item, item_type))
            except Exception as error:  # noqa: BLE001 - each item's problem is collected
                note = IterableValidationNote(f"Structuring item @ index {index}", index, item_type)
                notes = [*getattr(error, "__notes__", []), note]
                error.__notes__ = notes  # type: ignore[attr-defined, unused-ignore]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(items)

    return structure_tuple


def _field_name(error: BaseException) -> str | None:
    """The field a sub-error of a class is about, from its cattrs note."""
    for note in getattr(error, "__notes__", []):
        if isinstance(note, AttributeValidationNote):
            return note.name
    return None


def _in_file_order(
    error: ClassValidationError, value: Mapping[str, Any], cl: type[Any]
) -> ClassValidationError:
    """The same errors, one per key, in the order of the keys in the file.

    cattrs reports the fields in class order and every unknown key at the end;
    a reader expects the problems in the order of the file. Keys the file lacks
    come after the keys it has, in class order.
    """
    keys = {key: index for index, key in enumerate(value)}
    fields = {field.name: index for index, field in enumerate(attrs.fields(cl))}
    ranked: list[tuple[int, int, Exception]] = []
    for sub in typing.cast("tuple[Exception, ...]", error.exceptions):
        if isinstance(sub, ForbiddenExtraKeysError):
            for key in sorted(sub.extra_fields, key=keys.__getitem__):
                ranked.append((keys[key], 0, ForbiddenExtraKeysError("", sub.cl, {key})))
            continue
        name = _field_name(sub)
        if name is not None and name in keys:
            ranked.append((keys[name], 0, sub))
        else:
            ranked.append((len(keys), fields.get(name or "", len(fields)), sub))
    ranked.sort(key=lambda item: item[:2])
    return ClassValidationError(error.message, [item[2] for item in ranked], cl)


def _make_class_hook(converter: cattrs.Converter, cl: type[Any]) -> Any:
    structure_fields = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)

    def structure_class(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ShapeError(f"expected a mapping of keys to values, got {describe_value(value)}")
        for key in value:
            if not isinstance(key, str):
                raise ShapeError(f"expected text keys, got the key {describe_value(key)}")
        try:
            return structure_fields(value, cl)
        except ClassValidationError as error:
            raise _in_file_order(error, value, cl) from None

    return structure_class


def make_converter() -> cattrs.Converter:
    """Make the strict converter for plan files.

    Structuring rejects unknown keys and wrong types and collects every problem
    (``detailed_validation``); unstructuring leaves out fields at their default,
    so files stay short and TOML, which has no null, can hold every plan.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=True, omit_if_default=True
    )
    # Class hooks, not predicates: cattrs registers str and int by class (singledispatch),
    # and class hooks win over predicate hooks, so predicates would never run and
    # cattrs would turn a mapping, a number or null into text. The model's str-based
    # enums get their own class hooks below, which singledispatch prefers as the
    # more specific class; bool gets its own so it does not fall to the int hook.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _hook(flag))
    converter.register_structure_hook(datetime.date, _hook(day))
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for scalar, convert in SCALARS.items():  # PartialDate, DocumentNumber: one string each
        converter.register_structure_hook(scalar, _hook(convert))
        converter.register_unstructure_hook(scalar, str)
    # The model's enums derive from str, so cattrs would pass them through as
    # text: each gets its own hooks, which win over cattrs' str handling.
    for enum_class in _model_enums():
        converter.register_structure_hook(enum_class, _enum_hook(enum_class))
        converter.register_unstructure_hook(enum_class, _enum_value)
    converter.register_structure_hook_factory(_is_tuple, lambda cl: _make_tuple_hook(converter, cl))
    converter.register_structure_hook_factory(
        _is_pending_union, lambda cl: _make_pending_hook(converter, cl))
    converter.register_structure_hook_factory(
        attrs.has, lambda cl: _make_class_hook(converter, cl)
    )
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True)
    )
    return converter
