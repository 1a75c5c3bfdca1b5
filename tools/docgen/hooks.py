"""The generated part of the plugin author's reference, from :mod:`phongtrao.hookspecs`.

Each hook is documented with its exact signature (annotations as written in
the spec), how it is called and what its results must be (its entry in
:data:`phongtrao.hookspecs.HOOKS`) and its docstring; then the types plugins
return (:class:`~phongtrao.hookspecs.TemplateSpec`,
:class:`~phongtrao.hookspecs.Catalog`) with their fields. ``docs/hooks.md``
is written by hand and includes this; ``python tools/gen_docs.py`` writes it.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from phongtrao import hookspecs

__all__ = ["hook_signature", "hooks", "markdown"]

#: Where the names in the signatures are imported from, in this order of preference.
_PUBLIC_MODULES = (
    "phongtrao.hookspecs",
    "phongtrao.model",
    "collections.abc",
    "typing",
)

#: Names imported only for type checking, whose home differs between Pythons.
_KNOWN_HOMES = {"Traversable": "importlib.resources.abc"}

#: The documented types: what plugins return.
_TYPES = (hookspecs.TemplateSpec, hookspecs.Catalog, hookspecs.UnitRecord, hookspecs.LintRule)

_SECTION = re.compile(r"(Args|Arguments|Attributes|Returns|Yields|Raises):")
_ITEM = re.compile(r"(\*{0,2}\w+)(?: \(([^)]*)\))?: ?(.*)")
_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BUILTIN_NAMES = frozenset({"None", "str", "int", "bool", "bytes", "float", "tuple", "list",
                            "dict", "set", "frozenset", "type", "object"})

def hooks() -> list[tuple[str, Callable[..., Any]]]:
    """The hook specifications of :mod:`phongtrao.hookspecs`, in the order they are written."""
    marker = f"{hookspecs.PROJECT}_spec"
    return [(name, value) for name, value in vars(hookspecs).items()
            if callable(value) and getattr(value, marker, None) is not None]


def _called(name: str) -> str:
    """How a hook is called, as its table entry says, in a sentence."""
    hook = hookspecs.HOOKS[name]
    how = {
        hookspecs.Call.FIRST: "**first result wins** — implementations are called in order "
        "until one returns something other than None",
        hookspecs.Call.EACH: "**each result collected** — every implementation is called and "
        "the results are combined",
        hookspecs.Call.CHAIN: f"**chained** — each implementation gets the `{hook.chained}` "
        "the previous one returned",
    }[hook.call]
    refuses = ""
    if hook.refuses:
        names = ", ".join(f"`{error.__name__}`" for error in hook.refuses)
        refuses = f" Raising {names} refuses the input: it reaches the caller."
    return f"Called: {how}. Each result must be {hook.returns}.{refuses}"


class _Written(str):
    """An annotation as written in the source, shown without quotes by :mod:`inspect`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _written(annotation: Any) -> Any:
    return _Written(annotation) if isinstance(annotation, str) else annotation


def hook_signature(function: Callable[..., Any]) -> str:
    """``def name(arguments) -> result``, from :func:`inspect.signature`, annotations as written."""
    signature = inspect.signature(function)
    signature = signature.replace(
        parameters=[parameter.replace(annotation=_written(parameter.annotation))
                    for parameter in signature.parameters.values()],
        return_annotation=_written(signature.return_annotation),
    )
    return f"def {function.__name__}{signature}"


def _roles(text: str) -> str:
    """``:class:`X``` (Sphinx) becomes `` `X` `` (Markdown)."""
    return _ROLE.sub(lambda match: f"`{match.group(1)}`", text)


def _sections(docstring: str) -> tuple[list[str], dict[str, list[str]]]:
    """The docstring's free text, and its Google-style sections by title."""
    text: list[str] = []
    sections: dict[str, list[str]] = {}
    current = text
    for line in docstring.splitlines():
        match = _SECTION.fullmatch(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        elif current is text or not line.strip():
            current.append(line)
        else:
            current.append(line[4:] if line.startswith("    ") else line.lstrip())
    return text, sections


def _entries(lines: list[str]) -> Iterator[tuple[str, str]]:
    """``name: description`` entries of an Args/Attributes section, continuations joined."""
    name, words = "", list[str]()
    for line in lines:
        if not line.strip():
            continue
        match = _ITEM.fullmatch(line) if not line.startswith(" ") else None
        if match:
            if name:
                yield name, " ".join(words)
            name, words = match.group(1), [match.group(3).strip()]
        else:
            words.append(line.strip())
    if name:
        yield name, " ".join(words)


def _docstring_markdown(docstring: str) -> list[str]:
    """A Google-style docstring as Markdown: its text, then a list per section."""
    text, sections = _sections(docstring)
    out = [_roles(line) for line in text]
    while out and not out[-1].strip():
        out.pop()
    titles = {"Args": "Arguments", "Arguments": "Arguments", "Attributes": "Attributes",
              "Raises": "Raises"}
    for title, lines in sections.items():
        out.append("")
        if title in ("Returns", "Yields"):
            joined = " ".join(line.strip() for line in lines if line.strip())
            out.append(f"**{title}:** {_roles(joined)}")
            continue
        out.append(f"**{titles[title]}:**")
        out.append("")
        out.extend(f"- `{name}`: {_roles(description)}" for name, description in _entries(lines))
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _default(field: attrs.Attribute[Any]) -> str:
    if field.default is attrs.NOTHING:
        return "required"
    value = field.default
    shown = f"{type(value).__name__}.{value.name}" if isinstance(value, enum.Enum) else repr(value)
    return f"`{shown}`"


def _type_markdown(cls: type) -> list[str]:
    docstring = inspect.getdoc(cls) or ""
    text, sections = _sections(docstring)
    described = dict(_entries(sections.get("Attributes", [])))
    out = [f"### `{cls.__name__}`", ""]
    out += [_roles(line) for line in text]
    while out and not out[-1].strip():
        out.pop()
    usage = f"`from {hookspecs.__name__} import {cls.__name__}`; frozen, keyword arguments only."
    out += ["", usage, "", "| field | type | default | what it holds |", "|---|---|---|---|"]
    for field in attrs.fields(cls):
        kind = field.type if isinstance(field.type, str) else getattr(
            field.type, "__name__", str(field.type))
        description = _roles(described.get(field.name, ""))
        out.append(f"| `{field.name}` | `{_cell(kind)}` | {_default(field)} | "
                   f"{_cell(description)} |")
    return out


def _home(name: str) -> str:
    """The public module a name of the signatures is imported from."""
    if name in _KNOWN_HOMES:
        return _KNOWN_HOMES[name]
    value = getattr(hookspecs, name, None)
    for module_name in _PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        if name in getattr(module, "__all__", ()) and getattr(module, name, None) is value:
            return module_name
    home = getattr(value, "__module__", None)
    return home if isinstance(home, str) else hookspecs.__name__


def _signature_names() -> list[str]:
    """The names the hooks' and the types' annotations use, in order of first use."""
    names: dict[str, None] = {}
    annotations: list[Any] = []
    for _, function in hooks():
        signature = inspect.signature(function)
        annotations += [parameter.annotation for parameter in signature.parameters.values()]
        annotations.append(signature.return_annotation)
    annotations += [field.type for cls in _TYPES for field in attrs.fields(cls)]
    for annotation in annotations:
        if isinstance(annotation, str):
            for name in _NAME.findall(annotation):
                if name not in _BUILTIN_NAMES:
                    names.setdefault(name)
    return list(names)


def markdown() -> str:
    """The generated part of ``docs/hooks.md``: each hook and type, from the hook table."""
    specs = hooks()
    out = ["## Hooks", "", "| hook | called | what it is for |", "|---|---|---|"]
    for name, function in specs:
        summary = _roles((inspect.getdoc(function) or "").splitlines()[0])
        called = hookspecs.HOOKS[name].call.value
        out.append(f"| [`{name}`](#{name}) | {called} | {_cell(summary)} |")
    for name, function in specs:
        out += ["", f"### `{name}`", "", "```python", hook_signature(function), "```", ""]
        out += [_called(name), ""]
        out += _docstring_markdown(inspect.getdoc(function) or "")
    out += ["", "## Types", "", "What plugins return. Fields not given take their defaults.",
            ""]
    for cls in _TYPES:
        out += _type_markdown(cls)
        out.append("")
    where = ("Plans, movements and their parts are described field by field in "
             "[Plan files](plan-files.md).")
    out += ["## Names in the signatures and types", "", where, "",
            "| name | import it from |", "|---|---|"]
    out += [f"| `{name}` | `{_home(name)}` |" for name in _signature_names()]
    return "\n".join(out).rstrip() + "\n"
