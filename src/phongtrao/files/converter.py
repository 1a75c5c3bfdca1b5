"""The one cattrs converter for plan files, made by :func:`make_converter`.

It is strict where cattrs is lenient by default (DESIGN.md §6): text must be
text, numbers must be whole numbers and flags must be booleans — ``None``,
floats and booleans are never turned into text or numbers. Dates are ISO
strings or the native dates of YAML and TOML; partial dates (``2021-02``) and
document numbers (``03/KH-UBND``) are written as strings.
"""

from __future__ import annotations

import datetime
import difflib
import re
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from phongtrao import model
from phongtrao.model import DocumentNumber, PartialDate
from phongtrao.model.documents import NUMBER_FORMS
from phongtrao.model.time import PARTIAL_DATE_FORMS

__all__ = ["ShapeError", "make_converter"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ShapeError(TypeError):
    """A value of the wrong kind or form, with what was expected instead.

    Attributes:
        code: ``wrong-type`` for a value of the wrong kind, ``bad-value`` for one of
            the right kind in the wrong form.
    """

    def __init__(self, message: str, code: str = "wrong-type") -> None:
        super().__init__(message)
        self.code = code


def describe_value(value: Any) -> str:
    """Name what a file gave, as a reader of the file would say it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int):
        return f"a whole number ({value})"
    if isinstance(value, float):
        return f"a decimal number ({value!r})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if isinstance(value, datetime.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, datetime.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _structure_str(value: Any, _: Any) -> str:
    if isinstance(value, str):
        return value
    hint = ""
    if isinstance(value, bool):
        hint = " (YAML reads yes/no/on/off as booleans: put the text in quotes)"
    elif isinstance(value, (int, float)):
        hint = " (put it in quotes if it is meant as text)"
    raise ShapeError(f"expected text, got {describe_value(value)}{hint}")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise ShapeError(f"expected a whole number, got {describe_value(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise ShapeError(f"expected true or false, got {describe_value(value)}")


def _structure_date(value: Any, _: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise ShapeError(f"expected a date without a time, got {describe_value(value)}")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return datetime.date.fromisoformat(text)
            except ValueError as error:
                raise ShapeError(f"{value!r} is not a real date: {error}", "bad-value") from None
        raise ShapeError(f"expected a date like '2021-01-05', got {value!r}", "bad-value")
    raise ShapeError(f"expected a date like '2021-01-05', got {describe_value(value)}")


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if isinstance(value, datetime.datetime):
        raise ShapeError(f"expected a date without a time, got {describe_value(value)}")
    if isinstance(value, datetime.date):
        return PartialDate.of(value)
    if type(value) is int:
        try:
            return PartialDate(year=value)
        except ValueError as error:
            raise ShapeError(str(error), "bad-value") from None
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ShapeError(str(error), "bad-value") from None
    raise ShapeError(f"expected a date such as {PARTIAL_DATE_FORMS}, got {describe_value(value)}")


def _structure_document_number(value: Any, _: Any) -> DocumentNumber:
    if isinstance(value, str):
        try:
            return DocumentNumber.parse(value)
        except ValueError as error:
            raise ShapeError(str(error), "bad-value") from None
    raise ShapeError(f"expected a number and symbol such as {NUMBER_FORMS}, "
                     f"got {describe_value(value)}")


def _structure_enum(value: Any, cl: type[Enum]) -> Enum:
    allowed = [str(member.value) for member in cl]
    if isinstance(value, str):
        for member in cl:
            if member.value == value:
                return member
        close = difflib.get_close_matches(value, allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ShapeError(
            f"{value!r} is not allowed here; expected one of {', '.join(allowed)}{hint}",
            "bad-value",
        )
    raise ShapeError(f"expected one of {', '.join(allowed)}, got {describe_value(value)}")


def _enum_value(member: Enum) -> Any:
    return member.value


def _model_enums() -> list[type[Enum]]:
    exported = (getattr(model, name) for name in model.__all__)
    return [item for item in exported if isinstance(item, type) and issubclass(item, Enum)]


def _is_tuple(cl: Any) -> bool:
    return typing.get_origin(cl) is tuple


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
            except Exception as error:
                note = IterableValidationNote(f"Structuring item @ index {index}", index, item_type)
                notes = [*getattr(error, "__notes__", []), note]
                error.__notes__ = notes  # type: ignore[attr-defined, unused-ignore]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(items)

    return structure_tuple


def _make_class_hook(converter: cattrs.Converter, cl: type[Any]) -> Any:
    structure_fields = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)

    def structure_class(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise ShapeError(f"expected a mapping of keys to values, got {describe_value(value)}")
        for key in value:
            if not isinstance(key, str):
                raise ShapeError(f"expected text keys, got the key {describe_value(key)}")
        return structure_fields(value, cl)

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
    # Predicates, not classes: a class hook for str would also catch str-based enums.
    converter.register_structure_hook_func(lambda cl: cl is str, _structure_str)
    converter.register_structure_hook_func(lambda cl: cl is int, _structure_int)
    converter.register_structure_hook_func(lambda cl: cl is bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(DocumentNumber, _structure_document_number)
    converter.register_unstructure_hook(DocumentNumber, str)
    # The model's enums derive from str, so cattrs would pass them through as
    # text: each gets its own hooks, which win over cattrs' str handling.
    for enum_class in _model_enums():
        converter.register_structure_hook(enum_class, _structure_enum)
        converter.register_unstructure_hook(enum_class, _enum_value)
    converter.register_structure_hook_factory(_is_tuple, lambda cl: _make_tuple_hook(converter, cl))
    converter.register_structure_hook_factory(
        attrs.has, lambda cl: _make_class_hook(converter, cl)
    )
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True)
    )
    return converter
