"""The generated part of the plan-file reference: every class and field of the model.

``docs/plan-files.md`` is written by hand and includes this, so the tables
cannot drift from the model; ``python tools/gen_docs.py`` writes it.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from enum import Enum
from typing import Any

import attrs

from phongtrao.model import DocumentNumber, PartialDate, Pending, Plan, TimeOfDay
from phongtrao.model._convert import SCALARS
from phongtrao.model._fields import EXAMPLE, meaning

__all__ = ["classes", "reference_markdown", "type_name"]

def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
        if len(args) < len(typing.get_args(tp)):
            return typing.Union[tuple(args)], True  # noqa: UP007 - rebuilt from its parts
    return tp, False


def type_name(tp: Any) -> str:
    """The type of a field as a plan-file author reads it."""
    inner, _ = _unwrap_optional(tp)
    args = [arg for arg in typing.get_args(inner) if arg is not type(None)]
    if Pending in args and len(args) == 2:
        value = next(arg for arg in args if arg is not Pending)
        return f"{type_name(value)}, or «…» to fill in"
    if typing.get_origin(inner) is tuple:
        name = f"list of {type_name(typing.get_args(inner)[0])}"
    elif inner is str:
        name = "text"
    elif inner is bool:
        name = "true/false"
    elif inner is int:
        name = "whole number"
    elif inner is datetime.date:
        name = "date"
    elif inner is PartialDate:
        name = "partial date"
    elif inner is DocumentNumber:
        name = "document number"
    elif inner is TimeOfDay:
        name = "time of day"
    elif isinstance(inner, type) and issubclass(inner, Enum):
        name = "one of " + ", ".join(f"`{member.value}`" for member in inner)
    elif isinstance(inner, type) and attrs.has(inner):
        name = f"[{inner.__name__}](#{inner.__name__.lower()})"
    else:  # pragma: no cover - every model type is listed above
        raise TypeError(f"no file type for {inner!r}")
    return name


def classes(root: type[Any] = Plan) -> list[type[Any]]:
    """The attrs classes reachable from ``root`` that plan files spell as mappings."""
    seen: list[type[Any]] = []

    def visit(tp: Any) -> None:
        inner, _ = _unwrap_optional(tp)
        if typing.get_origin(inner) is tuple:
            visit(typing.get_args(inner)[0])
        elif isinstance(inner, type) and attrs.has(inner):
            if inner in seen or inner in SCALARS:  # written as one value, not a mapping
                return
            seen.append(inner)
            for hint in typing.get_type_hints(inner).values():
                visit(hint)

    visit(root)
    return seen


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(field: attrs.Attribute[Any]) -> str:
    if EXAMPLE not in field.metadata:
        return ""
    return f"`{json.dumps(field.metadata[EXAMPLE], ensure_ascii=False)}`"


def _default(field: attrs.Attribute[Any]) -> str:
    if field.default is attrs.NOTHING:
        return "**required**"
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return "optional, every key at its default"
    if isinstance(default, Enum):
        default = default.value
    if default is None:
        return "optional"
    return f"optional, default `{json.dumps(default, ensure_ascii=False)}`"


def reference_markdown() -> str:
    """The whole plan-file reference as Markdown."""
    parts = []
    for cls in classes():
        doc = (cls.__doc__ or "").strip().split("\n\n", 1)[0].replace("\n", " ")
        parts.append(f"## {cls.__name__}\n\n{doc}\n")
        parts.append(
            "\n| key | type | use | nghĩa | meaning | example |\n|---|---|---|---|---|---|\n"
        )
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            vi, en = meaning(field)
            row = [
                f"`{field.name}`",
                type_name(hints[field.name]),
                _default(field),
                vi,
                en,
                _example(field),
            ]
            parts.append("| " + " | ".join(_cell(cell) for cell in row) + " |\n")
        parts.append("\n")
    return "".join(parts).rstrip() + "\n"

