"""Field helpers: every model field carries its meaning in Vietnamese and English.

The meanings feed the generated ``Attributes:`` docstring block, the error
messages of the plan-file loader ("what the field is") and the file-format
reference, so a field is described once.
"""

from __future__ import annotations

import unicodedata
from typing import Any, TypeVar

import attrs

__all__ = [
    "describe",
    "documented",
    "is_tuple",
    "meaning",
    "nfc",
    "nfc_optional",
    "nfc_tuple",
]

_C = TypeVar("_C", bound=type)

VI = "phongtrao.vi"
EN = "phongtrao.en"
EXAMPLE = "phongtrao.example"


def describe(vi: str, en: str, example: Any = None) -> dict[str, Any]:
    """Return attrs field metadata holding a field's meaning and an example value."""
    meta: dict[str, Any] = {VI: vi, EN: en}
    if example is not None:
        meta[EXAMPLE] = example
    return meta


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


def nfc(value: str) -> str:
    """Normalise text to Unicode NFC, so equal-looking text compares equal."""
    if not isinstance(value, str):
        raise TypeError(f"expected text (str), got {type(value).__name__}: {value!r}")
    return unicodedata.normalize("NFC", value)


def nfc_optional(value: str | None) -> str | None:
    """Normalise optional text to NFC."""
    return None if value is None else nfc(value)


def nfc_tuple(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Normalise a sequence of texts to a tuple of NFC texts."""
    return tuple(nfc(item) for item in value)


def is_tuple(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a tuple, so plans stay immutable and hashable."""
    if not isinstance(value, tuple):
        raise TypeError(
            f"{attribute.name} must be a tuple, got {type(value).__name__}; "
            f"write tuple(...) around it"
        )
