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
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

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
from phongtrao.model import DocumentNumber, PartialDate
from phongtrao.model.documents import NUMBER_FORMS
from phongtrao.model.time import PARTIAL_DATE_FORMS

__all__ = ["ShapeError", "make_converter"]

T = TypeVar("T")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WITH_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ]+\d{1,2}:\d{2}.*")
# How Vietnamese documents write dates: 05/01/2021 (day first) or 01/2021.
_DAY_FIRST = re.compile(r"(?:(?P<day>\d{1,2})[/.])?(?P<month>\d{1,2})[/.](?P<year>\d{4})")
_NUMBER_WITH_DASH = re.compile(r"(?P<number>\d+)-(?P<symbol>[^\s/]+)")


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
    raise ShapeError(f"expected text, got {describe_value(value)}{hint}")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    hint = ""
    if isinstance(value, str) and value.strip().isdigit():
        hint = f"; write it without quotes: {value.strip()}"
    elif isinstance(value, float) and value.is_integer():
        hint = f"; write it without the decimal point: {int(value)}"
    raise ShapeError(f"expected a whole number, got {describe_value(value)}{hint}")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise ShapeError(f"expected true or false, got {describe_value(value)}")


def _date_text_hint(text: str) -> str | None:
    """Say how to write a date given as text in a form plan files do not use."""
    with_time = _WITH_TIME.fullmatch(text)
    if with_time is not None:
        return (
            f"expected a date without a time, got {text!r}; write only the date: "
            f"'{with_time['date']}'"
        )
    day_first = _DAY_FIRST.fullmatch(text)
    if day_first is not None:
        day, month, year = (int(day_first[name]) for name in ("day", "month", "year"))
        if day_first["day"] is None:
            return f"{text!r} is written month first; write the year first: '{year}-{month:02d}'"
        return (
            f"{text!r} is written day first; write the year first, as year-month-day: "
            f"'{year}-{month:02d}-{day:02d}'"
        )
    return None


def _without_time(value: datetime.datetime) -> ShapeError:
    # bad-value, as for the same date and time written as text (YAML, JSON).
    return ShapeError(
        f"expected a date without a time, got {describe_value(value)}; write only the date: "
        f"'{value.date().isoformat()}'",
        "bad-value",
    )


def _structure_date(value: Any, _: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise _without_time(value)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return datetime.date.fromisoformat(text)
            except ValueError as error:
                raise ShapeError(f"{value!r} is not a real date: {error}", "bad-value") from None
        hint = _date_text_hint(text)
        if hint is not None:
            raise ShapeError(hint, "bad-value")
        raise ShapeError(f"expected a date like '2021-01-05', got {value!r}", "bad-value")
    raise ShapeError(f"expected a date like '2021-01-05', got {describe_value(value)}")


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if isinstance(value, datetime.datetime):
        raise _without_time(value)
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
            hint = _date_text_hint(value.strip())
            raise ShapeError(str(error) if hint is None else hint, "bad-value") from None
    raise ShapeError(f"expected a date such as {PARTIAL_DATE_FORMS}, got {describe_value(value)}")


def _structure_document_number(value: Any, _: Any) -> DocumentNumber:
    if isinstance(value, str):
        try:
            return DocumentNumber.parse(value)
        except ValueError as error:
            dashed = _NUMBER_WITH_DASH.fullmatch(value.strip())
            hint = "" if dashed is None else (
                f" (did you mean '{dashed['number']}/{dashed['symbol']}'?)"
            )
            raise ShapeError(f"{error}{hint}", "bad-value") from None
    raise ShapeError(f"expected a number and symbol such as {NUMBER_FORMS}, "
                     f"got {describe_value(value)}")


#: English words a user may write for a level or a unit kind, and the value meant.
_ENUM_ALIASES: dict[type[Enum], dict[str, str]] = {
    model.Level: {
        "commune": "xa", "ward": "xa", "district": "huyen", "province": "tinh",
        "central": "trung_uong", "national": "trung_uong",
    },
    model.UnitKind: {
        "province": "tinh", "city": "thanh_pho", "district": "huyen", "urban_district": "quan",
        "commune": "xa", "ward": "phuong", "township": "thi_tran", "special_zone": "dac_khu",
        "country": "quoc_gia",
    },
}


def _fold(text: str) -> str:
    """Text without accents, case or separators: 'Thị trấn' -> 'thi_tran', 'QĐ' -> 'qd'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s.\-]+", "_", bare.strip()).casefold()


def _enum_hint(value: str, cl: type[Enum], allowed: list[str]) -> str:
    folded = _fold(value)
    close = [item for item in allowed if _fold(item) == folded]
    if not close:
        alias = _ENUM_ALIASES.get(cl, {}).get(folded)
        close = [alias] if alias is not None else []
    if not close:
        close = difflib.get_close_matches(value, allowed, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _structure_enum(value: Any, cl: type[Enum]) -> Enum:
    allowed = [str(member.value) for member in cl]
    if isinstance(value, str):
        for member in cl:
            if member.value == value:
                return member
        raise ShapeError(
            f"{value!r} is not allowed here; expected one of {', '.join(allowed)}"
            f"{_enum_hint(value, cl, allowed)}",
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
    converter.register_structure_hook(bool, _structure_bool)
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
