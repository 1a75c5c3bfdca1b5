"""Walk every text of a plan with its JSON path, as the plan file spells it."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs

from phongtrao.model import DocumentNumber, PartialDate, Pending, TimeOfDay
from phongtrao.model._fields import is_identifier, may_be_blank

__all__ = ["texts"]

#: Values written as one string in plan files: walked as that string.
_SCALARS = (DocumentNumber, PartialDate, Pending, TimeOfDay)


def texts(value: Any, path: str = "$") -> Iterator[tuple[str, str, bool]]:
    """Yield ``(path, text, may_be_blank)`` for every text in ``value``, in field order.

    Enum choices and ids (fields marked as identifiers) are not text;
    ``may_be_blank`` is true for the texts of fields marked ``blank`` (a table's
    cells, left for the reader to fill in).
    """
    return _walk(value, path, blank=False)


def _walk(value: Any, path: str, *, blank: bool) -> Iterator[tuple[str, str, bool]]:
    if isinstance(value, Enum):
        return  # a choice from a fixed list, not text the user wrote
    if isinstance(value, str):
        yield path, value, blank
    elif isinstance(value, _SCALARS):
        yield path, str(value), blank
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if not is_identifier(field):  # ids are names other parts use, not printed text
                yield from _walk(getattr(value, field.name), f"{path}.{field.name}",
                                 blank=may_be_blank(field))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", blank=blank)
