"""The conversions every typed field makes, shared by the constructors and the file loader.

A model field accepts exactly what a plan file may write for it, and nothing
else: text for text (never a number or ``None`` turned into text), whole
numbers for numbers (never a float or a boolean), ``"2021-02"`` or a
:class:`datetime.date` for a partial date, ``"03/KH-UBND"`` for a document
number, an enum's value (``"KT"``) for its member, and a list or a tuple for a
tuple. Each conversion raises :class:`ConversionError` saying what was given and what
was expected; the constructors turn it into a :class:`~phongtrao.errors.ModelError`
naming the class and the field, the loader into a problem at its JSON path.

:func:`converter_for` builds the conversion of a field from its type, so the
classes declare their fields' types once and the conversions follow them.
"""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

from phongtrao.vi import fold

__all__ = [
    "ConversionError",
    "choice",
    "converter_for",
    "day",
    "describe_value",
    "excerpt",
    "flag",
    "text",
    "whole",
]

Convert = Callable[[Any], Any]


class ConversionError(TypeError):
    """A value of the wrong kind or form, with what was expected instead.

    Attributes:
        code: ``wrong-type`` for a value of the wrong kind, ``bad-value`` for one of
            the right kind in the wrong form.
        index: for an item of a list, its position (innermost last), so the
            field can be named ``purposes[1]``.
    """

    def __init__(self, message: str, code: str = "wrong-type") -> None:
        super().__init__(message)
        self.code = code
        self.index: tuple[int, ...] = ()

    @property
    def message(self) -> str:
        """What is wrong and what was expected."""
        return str(self.args[0])


def excerpt(text: str, limit: int = 60) -> str:
    """A text as a message quotes it: its repr, cut short when long.

    A hostile file's value is never echoed whole.
    """
    return repr(text) if len(text) <= limit else repr(text[:limit - 3]) + "..."


def describe_value(value: Any) -> str:
    """Name a value as a reader of a plan file would: "a whole number (5)", "a list"."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10**60 else None
        if digits is None:
            return "a whole number (of more than 60 digits)"
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


# -- scalars -------------------------------------------------------------------------


def text(value: Any) -> str:
    """Text, normalised to NFC; anything else is refused.

    A ``str`` subclass (a str-valued enum member such as ``AwardForm.GIAY_KHEN``)
    is stored as the plain text of its value.
    """
    if isinstance(value, str):
        plain = value if type(value) is str else str.__str__(value)
        return unicodedata.normalize("NFC", plain)
    raise ConversionError(f"expected text, got {describe_value(value)}")


def whole(value: Any) -> int:
    """A whole number; a float, a boolean or a numeral in text is refused."""
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, (bool, Enum)):
        return int(value)
    raise ConversionError(f"expected a whole number, got {describe_value(value)}")


def flag(value: Any) -> bool:
    """True or False; 0, 1 and "yes" are refused."""
    if type(value) is bool:
        return value
    raise ConversionError(f"expected true or false, got {describe_value(value)}")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WITH_TIME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ]+\d{1,2}:\d{2}.*")
# How Vietnamese documents write dates: 05/01/2021 (day first) or 01/2021.
_DAY_FIRST = re.compile(r"(?:(?P<day>\d{1,2})[/.])?(?P<month>\d{1,2})[/.](?P<year>\d{4})")


def date_text_hint(text: str) -> str | None:
    """Say how to write a date given as text in a form plan files do not use."""
    with_time = _WITH_TIME.fullmatch(text)
    if with_time is not None:
        return (
            f"expected a date without a time, got {excerpt(text)}; write only the date: "
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


def without_time(value: datetime.datetime) -> ConversionError:
    """The conversion of a date and time where a date is expected."""
    # bad-value, as for the same date and time written as text (YAML, JSON).
    return ConversionError(
        f"expected a date without a time, got {describe_value(value)}; write only the date: "
        f"'{value.date().isoformat()}'",
        "bad-value",
    )


def day(value: Any) -> datetime.date:
    """A day: a :class:`datetime.date` (not a date and time) or ISO text ``2021-01-05``."""
    if isinstance(value, datetime.datetime):
        raise without_time(value)
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if _ISO_DATE.fullmatch(stripped):
            try:
                return datetime.date.fromisoformat(stripped)
            except ValueError as error:
                message = f"{excerpt(value)} is not a real date: {error}"
                raise ConversionError(message, "bad-value") from None
        hint = date_text_hint(stripped)
        if hint is not None:
            raise ConversionError(hint, "bad-value")
        raise ConversionError(f"expected a date like '2021-01-05', got {excerpt(value)}",
                              "bad-value")
    raise ConversionError(f"expected a date like '2021-01-05', got {describe_value(value)}")


# -- enums -----------------------------------------------------------------------------


def fold_key(text: str) -> str:
    """Text without accents, case or separators: 'Thị trấn' -> 'thi_tran', 'QĐ' -> 'qd'."""
    return re.sub(r"[\s.\-]+", "_", fold(text).strip())


#: English words (or other spellings) a user may write for an enum's value, by enum name.
ALIASES: dict[str, dict[str, str]] = {}


def _enum_hint(value: str, cl: type[Enum], allowed: list[str]) -> str:
    folded = fold_key(value)
    close = [item for item in allowed if fold_key(item) == folded]
    if not close:
        alias = ALIASES.get(cl.__name__, {}).get(folded)
        close = [alias] if alias is not None else []
    if not close:
        close = difflib.get_close_matches(value, allowed, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def choice(cl: type[Enum]) -> Convert:
    """The conversion to a member of ``cl``: the member itself, or its value as text."""
    allowed = [str(member.value) for member in cl]
    by_value = {member.value: member for member in cl}

    def convert(value: Any) -> Enum:
        if isinstance(value, cl):
            return value
        if isinstance(value, str):
            member = by_value.get(value)
            if member is not None:
                return member
            raise ConversionError(
                f"{excerpt(value)} is not allowed here; expected one of {', '.join(allowed)}"
                f"{_enum_hint(value, cl, allowed)}",
                "bad-value",
            )
        raise ConversionError(f"expected one of {', '.join(allowed)}, got {describe_value(value)}")

    return convert


# -- composite types -----------------------------------------------------------------------

#: Conversions of model value types written as one string in files (PartialDate,
#: DocumentNumber), registered by the classes themselves.
SCALARS: dict[type, Convert] = {}

_BASIC: dict[Any, Convert] = {str: text, int: whole, bool: flag, datetime.date: day}


def _optional(convert: Convert) -> Convert:
    def optional(value: Any) -> Any:
        return None if value is None else convert(value)

    return optional


def _sequence(convert: Convert) -> Convert:
    def sequence(value: Any) -> tuple[Any, ...]:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (list, tuple)):
            hint = ""
            if isinstance(value, str):
                hint = f"; for one item write a list of one: [{value[:30]!r}]"
            raise ConversionError(f"expected a list, got {describe_value(value)}{hint}")
        items = []
        for index, item in enumerate(value):
            try:
                items.append(convert(item))
            except ConversionError as conversion:
                conversion.index = (index, *conversion.index)
                raise
        return tuple(items)

    return sequence


def _instance(cl: type[Any]) -> Convert:
    name = cl.__name__

    def instance(value: Any) -> Any:
        if isinstance(value, cl):
            return value
        hint = ""
        if isinstance(value, Mapping):
            hint = f"; build it with {name}(...), or load plan files with phongtrao.load_plan"
        article = "an" if name[:1] in "AEIOUaeiou" else "a"
        raise ConversionError(f"expected {article} {name}, got {describe_value(value)}{hint}")

    return instance


#: The name of the placeholder type (phongtrao.model._pending.Pending), which this
#: module cannot import: it registers itself in SCALARS.
_PENDING = "Pending"


def _is_pending(tp: Any) -> bool:
    return isinstance(tp, type) and tp.__name__ == _PENDING and tp in SCALARS


def _or_pending(convert: Convert, pending_type: type) -> Convert:
    pending = SCALARS[pending_type]

    def value_or_pending(value: Any) -> Any:
        if isinstance(value, pending_type) or (isinstance(value, str)
                                               and value.strip().startswith("«")):
            return pending(value)
        try:
            return convert(value)
        except ConversionError as conversion:
            hint = "; or a «…» placeholder while it is not known"
            conversion.args = (conversion.message + hint,)
            raise

    return value_or_pending


def converter_for(tp: Any) -> Convert:
    """The conversion a field of type ``tp`` makes.

    Raises:
        TypeError: for a type the model does not use (a programming error).
    """
    if tp in _BASIC:
        return _BASIC[tp]
    if isinstance(tp, type) and tp in SCALARS:
        return SCALARS[tp]
    if isinstance(tp, type) and issubclass(tp, Enum):
        return choice(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return _instance(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(tp))
        if len(args) == 2 and _is_pending(args[1]):  # a value, or a «…» until it is known
            convert = _or_pending(converter_for(args[0]), args[1])
            return _optional(convert) if optional else convert
        if len(args) == 1 and optional:
            return _optional(converter_for(args[0]))
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return _sequence(converter_for(items[0]))
    raise TypeError(f"no conversion for the field type {tp!r}")
