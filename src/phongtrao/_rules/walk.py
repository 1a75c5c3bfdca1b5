"""Walk every text of a plan with its JSON path, as the plan file spells it."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs

from phongtrao.model import DocumentNumber, PartialDate

__all__ = ["texts"]

#: Values written as one string in plan files: walked as that string.
_SCALARS = (DocumentNumber, PartialDate)


def texts(value: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for every text in ``value`` (not enum choices), in field order."""
    if isinstance(value, Enum):
        return  # a choice from a fixed list, not text the user wrote
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, _SCALARS):
        yield path, str(value)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from texts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from texts(item, f"{path}[{index}]")
