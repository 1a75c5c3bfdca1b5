"""Every error phongtrao raises on purpose, under one base: :class:`PhongtraoError`.

Catch :class:`PhongtraoError` to handle them all; each message says what is
wrong, where, and what would be right:

- :class:`ModelError` — a model class was given a value it cannot hold
  (``Plan(purposes="…")``), raised at construction;
- :class:`PlanError` — a plan file or text is not a valid plan, or a plan has
  errors that stop it from being rendered; it lists every problem;
- :class:`RenderError` — a template or the PDF conversion failed;
- :class:`BatchError` — some documents of a batch failed (the others were written);
- :class:`DocumentError` — a document given to :func:`phongtrao.lint` cannot be
  read as a .docx (not a .docx, encrypted, damaged, or beyond a limit);
- :class:`UnitLookupError` — the unit registry cannot settle a unit's name or
  code: no unit has it, several do, or none on the date asked about.
- :class:`ResultsError` — returned forms or results files have problems (each
  with its file, sheet and cell); it lists every problem.

One exception is not a :class:`PhongtraoError`: :class:`BatchInterrupted`,
raised when a batch was stopped by Ctrl-C (or by SIGTERM in the ``phongtrao``
command). It is a :class:`KeyboardInterrupt` carrying what the batch had done,
so that the interrupt goes on where the caller expects one and an ``except
PhongtraoError`` (or ``except Exception``) never swallows it.

Arguments a function cannot take (a file suffix it cannot write, a format it
does not know) raise :class:`ValueError` or :class:`TypeError`, as in the
standard library.

The module imports nothing else of phongtrao but the problem type, so every
layer may raise these.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from phongtrao._problems import Problem

__all__ = [
    "BatchError",
    "BatchFailure",
    "BatchInterrupted",
    "DocumentError",
    "ModelError",
    "NomineeListError",
    "PhongtraoError",
    "PlanError",
    "RenderError",
    "ResultProblem",
    "ResultsError",
    "UnitLookupError",
]


class PhongtraoError(Exception):
    """The base of every error phongtrao raises on purpose."""


#: Marks that no value was recorded with a :class:`ModelError`.
_UNSET: Any = object()


def _shown(value: Any) -> str:
    """A value as an error message shows it: short, on one line, never a huge repr."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ModelError(PhongtraoError, ValueError):
    """A value a model class cannot hold, or a broken invariant of the class.

    Raised when a model object is constructed (or changed with ``replace``);
    the plan-file loader reports the same errors at ``<path>.<field>``.

    Attributes:
        field: tên trường — the offending field, with an index for an item of
            a list (``purposes[1]``).
        message: thông báo — what is wrong and what is expected.
        cls: lớp — the model class's name, when known (``Plan``).
        value: giá trị — the value given, when recorded.
    """

    def __init__(
        self, field: str, message: str, *, cls: str | None = None, value: Any = _UNSET
    ) -> None:
        self.field = field
        self.message = message
        self.cls = cls
        self.value = value
        super().__init__(self._format())

    @property
    def where(self) -> str:
        """``Class.field``, or the field alone when the class is not known."""
        return f"{self.cls}.{self.field}" if self.cls else self.field

    def _format(self) -> str:
        return f"{self.where}: {self.message}"

    def __str__(self) -> str:
        # The class is filled in by the class's constructor after the error is made.
        return self._format()

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_model_error, (self.field, self.message, self.cls, self.value))


def _rebuild_model_error(field: str, message: str, cls: str | None, value: Any) -> ModelError:
    return ModelError(field, message, cls=cls, value=value)


class PlanError(PhongtraoError, ValueError):
    """A plan file or text cannot be read as a plan, or a plan cannot be rendered.

    It holds every problem found. The message lists one problem a line, each
    ``$.path: message``, preceded by the source when it is a file.

    Attributes:
        problems: the problems, in file order.
        source: the file read, or None for text and plan objects.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self._format())

    def _format(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: " if self.source else ""
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}not a valid plan ({count} {noun}):"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PlanError, (self.problems, self.source))


class RenderError(PhongtraoError, RuntimeError):
    """A document could not be rendered: a template failed, or the PDF conversion did.

    The message names the template (or program), the part, and what would fix
    it. Problems in the plan itself raise :class:`PlanError` instead.
    """


@attrs.frozen
class BatchFailure:
    """A document of a batch that was not written.

    Attributes:
        source: the plan file, or ``#N`` for the N-th plan object given.
        message: why, one line (for plan errors, their paths and messages).
        problems: the plan's problems, when it was a plan error.
        kind: what failed: ``plan`` (the plan has errors), ``exists`` (the
            document exists and is kept), ``render`` (the template or the PDF
            conversion), ``unwritable`` (the file could not be written).
        target: the document that was to be written (its path, or its name in
            a mapping the caller gave).
    """

    source: str
    message: str
    problems: tuple[Problem, ...] = ()
    kind: str = attrs.field(default="plan", kw_only=True)
    target: Path | str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class BatchError(PhongtraoError):
    """Some documents of a batch failed; the others were written.

    Attributes:
        failures: the documents not written, and why.
        written: the paths written (names, for a mapping the caller gave).
    """

    def __init__(self, failures: Sequence[BatchFailure], written: Sequence[Path | str]) -> None:
        self.failures = tuple(failures)
        self.written = tuple(written)
        total = len(self.failures) + len(self.written)
        lines = [f"{len(self.failures)} of {total} plans failed; the others were written:"]
        lines += [f"  {failure}" for failure in self.failures]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (BatchError, (self.failures, self.written))


class DocumentError(PhongtraoError, ValueError):
    """A document to check cannot be read as a .docx.

    Raised by :func:`phongtrao.lint` (``phongtrao lint`` exits 2 with this
    message): the file is not a .docx, is encrypted or damaged, is not a
    regular file, or breaks a :class:`~phongtrao.Limits` bound. The message is
    one line: the source, then why, for the person who sent the file.

    Attributes:
        source: the file read, or None for bytes.
        reason: why it cannot be read ("it is not a .docx (not a zip package)").
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        head = f"{source}: " if source else ""
        super().__init__(f"{head}cannot be read as a .docx: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (DocumentError, (self.reason, self.source))
@attrs.frozen(kw_only=True)
class ResultProblem:
    """Một lỗi số liệu — one thing wrong with a file read, and where.

    A returned form, a results file or a nominee list.

    Attributes:
        source: tệp — the file, as it was given.
        where: vị trí — the sheet and cell (``Biểu 1!D7``), or the path in a
            results file (``$.units[0].results[1].achieved (line 12)``); empty
            for the file as a whole.
        code: mã — a stable code for the kind of problem (docs/problem-codes.md).
        message: thông báo — what is wrong and what would be right.
    """

    source: str
    where: str
    code: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}" if self.where else ""
        return f"{self.source}{where}: {self.message}"


class ResultsError(PhongtraoError, ValueError):
    """Returned forms or results files that cannot be added up as they are.

    It holds every problem of every file read, so that each commune can be
    told at once all that its form needs; nothing was added up.

    Attributes:
        problems: the problems, file by file in the order given, cell by cell.
    """

    def __init__(self, problems: Sequence[ResultProblem]) -> None:
        self.problems = tuple(problems)
        files = len({problem.source for problem in self.problems})
        count = len(self.problems)
        lines = [(f"{count} {'problem' if count == 1 else 'problems'} in {files} "
                 f"{'file' if files == 1 else 'files'}; nothing was added up:")]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (ResultsError, (self.problems,))


class NomineeListError(PhongtraoError, ValueError):
    """A nominee list (.xlsx) that cannot be read as it is.

    It holds every problem of the list, each with its file, sheet and cell
    (:class:`ResultProblem`), so that the list is mended in one go; no nominee
    was taken from it.

    Attributes:
        problems: the problems, row by row.
    """

    def __init__(self, problems: Sequence[ResultProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [(f"{count} {'problem' if count == 1 else 'problems'} in the nominee list; "
                  "no nominee was read:")]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (NomineeListError, (self.problems,))


class BatchInterrupted(KeyboardInterrupt):
    """A batch stopped by Ctrl-C (SIGINT), or SIGTERM in the ``phongtrao`` command.

    The documents finished before the stop are written; the one in flight is
    finished or discarded whole (never half written); the rest are not done.
    Rendering the same batch again with ``skip_existing=True`` (``phongtrao
    batch --skip-existing``) does the rest.

    Attributes:
        written: the paths written (names, for a mapping the caller gave).
        failures: the documents that failed before the stop.
        not_done: how many documents were neither written nor failed.
    """

    def __init__(self, written: Sequence[Path | str], failures: Sequence[BatchFailure],
                 not_done: int) -> None:
        self.written = tuple(written)
        self.failures = tuple(failures)
        self.not_done = not_done
        super().__init__(f"batch interrupted: {len(self.written)} written, {not_done} not done")

    def __reduce__(self) -> tuple[Any, ...]:
        return (BatchInterrupted, (self.written, self.failures, self.not_done))


class UnitLookupError(PhongtraoError, ValueError):
    """The unit registry cannot settle a unit's name or code.

    Raised by :meth:`phongtrao.UnitLookup.resolve` and so by
    :meth:`phongtrao.Plugins.new_plan` (``phongtrao new`` exits 2 with the
    message): no unit has that name or code, several units have it (the
    message lists them, with their provinces and codes, and asks which), or
    none has it on the date asked about (it had ceased, or did not exist yet).

    Attributes:
        query: the name or code as given.
        outcome: ``unknown``, ``shared`` or ``not-on-date``.
        candidates: the registry's rows the message names (``phongtrao.UnitRecord``).
    """

    def __init__(self, message: str, *, query: str, outcome: str,
                 candidates: Sequence[Any] = ()) -> None:
        self.query = query
        self.outcome = outcome
        self.candidates = tuple(candidates)
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unit_error, (str(self), self.query, self.outcome, self.candidates))


def _rebuild_unit_error(message: str, query: str, outcome: str,
                        candidates: tuple[Any, ...]) -> UnitLookupError:
    return UnitLookupError(message, query=query, outcome=outcome, candidates=candidates)
