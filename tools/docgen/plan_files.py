"""The plan-file reference, generated from the model so it cannot drift.

``python -m docgen.plan_files > docs/plan-files.md`` writes it; a test
checks that the committed file is up to date.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from enum import Enum
from typing import Any

import attrs

from phongtrao.model import DocumentNumber, PartialDate, Plan
from phongtrao.model._fields import EXAMPLE, meaning

__all__ = ["classes", "reference_markdown", "type_name"]

_HEADER = """\
# Plan files

A plan file describes one plan (Kế hoạch) in YAML, JSON or TOML; the three
hold the same keys. `phongtrao.load_plan` reads them and `phongtrao.dump_plan`
writes them. This page is generated from the model
(`python -m docgen.plan_files`); a test keeps it up to date.

Rules for every format:

- Unknown keys are errors, and so is a key given twice.
- Values are never converted silently: text must be text (quote `yes`, `no`,
  `on`, `off` and numbers meant as text in YAML), whole numbers must be whole
  numbers, and `true`/`false` must be booleans.
- Dates are `YYYY-MM-DD` (a string, or a native YAML or TOML date). A
  *partial date* is a day (`2021-02-15`), a month (`2021-02`), a quarter
  (`2021-Q2`) or a year (`2021`).
- A *document number* is written `03/KH-UBND`, `235/1999/QĐ-TTg`, or `/KH-UBND`
  while the number is not yet assigned.
- Text is normalised to Unicode NFC on load.
- Optional keys may be left out; `dump_plan` leaves out every key at its default.

A bad file raises `phongtrao.PlanError`, which lists every problem as
`$.path: message`, for example
`$.schedule[1].window.start: '2021-13' is not a real date: month 13 is out of range; expected 1-12`.
"""


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def type_name(tp: Any) -> str:
    """The type of a field as a plan-file author reads it."""
    inner, _ = _unwrap_optional(tp)
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
            if inner in seen or inner in (PartialDate, DocumentNumber):
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
    if isinstance(default, Enum):
        default = default.value
    if default is None:
        return "optional"
    return f"optional, default `{json.dumps(default, ensure_ascii=False)}`"


def reference_markdown() -> str:
    """The whole plan-file reference as Markdown."""
    parts = [_HEADER]
    for cls in classes():
        doc = (cls.__doc__ or "").strip().split("\n\n", 1)[0].replace("\n", " ")
        parts.append(f"\n## {cls.__name__}\n\n{doc}\n")
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
    return "".join(parts)


if __name__ == "__main__":  # pragma: no cover - a convenience for maintainers
    print(reference_markdown(), end="")
