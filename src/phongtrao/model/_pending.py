"""A value still to be filled in, where the field is not text: a number, a date.

Derived plans and starters cannot know everything: the number and the day of
the plan they carry out, for one. Such a field holds a :class:`Pending` — a
«…» placeholder that says what is missing (``«Số kế hoạch của UBND huyện»``) —
which the document prints as it is and :func:`phongtrao.check` reports (code
``placeholder``) until the real value replaces it. Plan files write it as the
placeholder text.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import SCALARS, ConversionError, describe_value, excerpt
from phongtrao.model._fields import describe

__all__ = ["PENDING_TEXT", "Pending", "to_pending"]

#: A whole value still to be supplied: text between « and ».
PENDING_TEXT = re.compile(r"«[^«»]+»")


def _check_text(instance: Pending, attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not PENDING_TEXT.fullmatch(value):
        raise ModelError("text", f"{excerpt(value) if isinstance(value, str) else value!r} is "
                         "no placeholder; expected text between « and », such as "
                         "'«Số kế hoạch của UBND huyện»'", cls="Pending", value=value)


@attrs.frozen
class Pending:
    """Giá trị còn phải điền — a placeholder where a number or a date will go.

    Attributes:
        text: Nội dung cần điền — what is still to be filled in, between « and ».
    """

    text: str = attrs.field(
        validator=_check_text,
        metadata=describe("Nội dung cần điền", "what is still to be filled in, between « and »",
                          "«Số kế hoạch của UBND huyện»"))

    def __str__(self) -> str:
        return self.text


def is_pending_text(value: Any) -> bool:
    """Whether ``value`` is a placeholder as a file writes it."""
    return isinstance(value, str) and PENDING_TEXT.fullmatch(value.strip()) is not None


def to_pending(value: Any) -> Pending:
    """A placeholder from what a plan file may write: ``"«Ngày ban hành»"``."""
    if isinstance(value, Pending):
        return value
    if is_pending_text(value):
        return Pending(value.strip())
    raise ConversionError(f"expected a placeholder between « and », got {describe_value(value)}")


SCALARS[Pending] = to_pending
