"""Problems found in a plan: by the loader (always errors) or by :func:`phongtrao.check`."""

from __future__ import annotations

from enum import Enum

import attrs

__all__ = ["Problem", "Severity"]


class Severity(str, Enum):
    """Mức độ — how serious a problem is."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Problem:
    """Một vấn đề — one thing wrong with a plan, and where.

    Attributes:
        path: đường dẫn — where, as a JSON path into the plan file: ``$.schedule[1].window``.
        code: mã — a stable code for the kind of problem, such as ``unknown-key``.
        message: thông báo — what is wrong and what would be right.
        severity: mức độ — error or warning.
        line: dòng — the line in the plan file, when the format tells it (YAML).
    """

    path: str
    code: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path} (line {self.line})"
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"
