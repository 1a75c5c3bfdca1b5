"""Turn cattrs' nested exception groups into problems with JSON paths and meanings."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from phongtrao._files.converter import ShapeError
from phongtrao._problems import Problem
from phongtrao.model import ModelError
from phongtrao.model._convert import excerpt
from phongtrao.model._fields import meaning

__all__ = ["problems_from"]


def _attrs_class(tp: Any) -> type[Any] | None:
    """The attrs class inside ``tp`` (``X``, ``X | None``, ``tuple[X, ...]``), if any."""
    if isinstance(tp, type) and attrs.has(tp):
        return tp
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType) or origin is tuple:
        for arg in typing.get_args(tp):
            found = _attrs_class(arg)
            if found is not None:
                return found
    return None


def _field_label(cl: type[Any] | None, name: str) -> str:
    """Say what a field is: "start of the window (Bắt đầu)"."""
    if cl is None:
        return ""
    fields = attrs.fields_dict(cl)
    field = fields.get(name.split("[", 1)[0])
    if field is None:
        return ""
    vi, en = meaning(field)
    if not en:
        return ""
    return f" [{vi} — {en}]" if vi else f" [{en}]"


def _step(path: str, note: object) -> str:
    if isinstance(note, AttributeValidationNote):
        return f"{path}.{note.name}"
    if isinstance(note, IterableValidationNote):
        return f"{path}[{note.index}]"
    return path


def problems_from(
    error: BaseException,
    path: str = "$",
    owner: type[Any] | None = None,
    name: str = "",
    root: type[Any] | None = None,
) -> Iterator[Problem]:
    """Yield a problem for each leaf of a structuring error.

    Args:
        error: what structuring raised.
        path: the JSON path of the value that raised it.
        owner: the attrs class whose field ``name`` holds that value, if known.
        name: that field's name.
        root: the class being structured at ``$``, for its own validators.
    """
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = [field.name for field in attrs.fields(error.cl)]
        for key in sorted(error.extra_fields):
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            yield Problem(
                path=f"{path}.{key}",
                code="unknown-key",
                message=f"unknown key {excerpt(key)}; expected one of {', '.join(allowed)}{hint}",
            )
        return
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        cl = error.cl if isinstance(error, ClassValidationError) else None
        for sub in error.exceptions:
            sub_path, sub_name, sub_owner = path, name, owner
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote):
                    sub_owner, sub_name = cl, note.name
                sub_path = _step(sub_path, note)
            yield from problems_from(sub, sub_path, sub_owner, sub_name, root)
        return
    if isinstance(error, ModelError):
        # A validator of the object at ``path`` failed: point at its field.
        cl = _attrs_class(_field_type(owner, name)) if owner is not None else root
        yield Problem(
            path=f"{path}.{error.field}",
            code="invalid",
            message=error.message + _field_label(cl, error.field),
        )
        return
    if isinstance(error, KeyError) and not isinstance(error, ShapeError):
        yield Problem(
            path=path,
            code="missing-key",
            message=f"required key {name!r} is missing" + _field_label(owner, name),
        )
        return
    code = error.code if isinstance(error, ShapeError) else "bad-value"
    yield Problem(path=path, code=code, message=str(error) + _field_label(owner, name))


def _field_type(owner: type[Any], name: str) -> Any:
    return typing.get_type_hints(owner).get(name)
