"""The generated part of docs/security.md: every limit of phongtrao.Limits, with its default."""

from __future__ import annotations

import inspect
import re

import attrs

from phongtrao import Limits

__all__ = ["limits_markdown"]

_ENTRY = re.compile(r"^ {8}(\w+): (.*)$")


def _meanings() -> dict[str, str]:
    """Each field's description, from the class's Attributes block."""
    meanings: dict[str, str] = {}
    current = ""
    for line in (inspect.getdoc(Limits) or "").splitlines():
        found = _ENTRY.match("    " + line)
        if found:
            current = found.group(1)
            meanings[current] = found.group(2)
        elif current and line.startswith("        "):
            meanings[current] += " " + line.strip()
    return meanings


def _shown(value: object) -> str:
    if isinstance(value, int) and value >= 2**20 and value % 2**20 == 0:
        return f"{value // 2**20} MiB ({value:,} bytes)"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value}"


def limits_markdown() -> str:
    """A table: each limit, its default, what it bounds."""
    meanings = _meanings()
    rows = ["| limit | default | what it bounds |", "|---|---|---|"]
    for field in attrs.fields(Limits):
        text = re.sub(r"\s*\([^()]*\)\.?$", "", meanings.get(field.name, "")).rstrip(".")
        rows.append(f"| `{field.name}` | {_shown(field.default)} | {text} |")
    return "\n".join(rows) + "\n"
