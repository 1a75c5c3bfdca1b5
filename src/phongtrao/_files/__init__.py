"""Plan files: load and dump YAML, JSON and TOML through one strict converter.

Loading either returns a complete :class:`~phongtrao.model.Plan` or raises one
:class:`~phongtrao._problems.PlanError` listing every problem with its JSON path.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import cattrs

from phongtrao._files.converter import describe_value, make_converter
from phongtrao._files.formats import Format, ParseError, dump_text, parse_text, sniff_format
from phongtrao._files.paths import problems_from
from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._problems import Problem
from phongtrao.errors import PlanError
from phongtrao.model import Plan

__all__ = [
    "Format",
    "SetExistsError",
    "dump_plan",
    "dumps_plan",
    "load_plan",
    "load_plan_bytes",
    "loads_plan",
    "make_converter",
    "read_plan_file",
    "refuse_existing",
    "structure_plan",
    "unstructure_plan",
    "write_all",
    "write_atomically",
]


#: The converter for plan files: configuration only, the same for every plan.
_CONVERTER: cattrs.Converter = make_converter()


def _format_of(fmt: Format | str | None, path: Path | None, text: str) -> Format:
    if fmt is not None:
        try:
            return Format(fmt)
        except ValueError:
            allowed = ", ".join(member.value for member in Format)
            raise ValueError(f"unknown plan format {fmt!r}; expected one of {allowed}") from None
    if path is not None:
        by_suffix = Format.from_suffix(path.suffix)
        if by_suffix is not None:
            return by_suffix
    return sniff_format(text)


def _with_line(problem: Problem, lines: dict[str, int]) -> Problem:
    path = problem.path
    while path and path not in lines:
        # Walk up to the nearest enclosing value the parser saw (missing keys, bad items).
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    line = lines.get(path) if path else lines.get("$")
    return problem if line is None or problem.line is not None else attrs.evolve(problem, line=line)




def load_plan(
    path: str | os.PathLike[str],
    format: Format | str | None = None,
    *,
    limits: Limits | None = None,
) -> Plan:
    """Load a plan from a file.

    Args:
        path: the path of a ``.yaml``, ``.yml``, ``.json`` or ``.toml`` file.
            (Plan text is read by :func:`loads_plan`.)
        format: ``"yaml"``, ``"json"`` or ``"toml"``; by default taken from the
            file suffix, or guessed from the text.
        limits: how large a file may be (docs/security.md); the defaults when None.

    Returns:
        The plan, complete and validated.

    Raises:
        PlanError: when the file cannot be read or is not a valid plan; it lists
            every problem with its JSON path (and line, for YAML).
        ValueError: when ``format`` names no known format.
    """
    if isinstance(path, str) and ("\n" in path or path.lstrip().startswith("{")):
        raise PlanError(
            [Problem(path="$", code="unreadable", message="this looks like plan text, not a "
                     "file's path; read text with phongtrao.loads_plan(text)")],
        )
    return load_plan_bytes(read_plan_file(path, limits=limits), path, format, limits=limits)


def read_plan_file(path: str | os.PathLike[str], *, limits: Limits | None = None) -> bytes:
    """The bytes of a plan file, refused before reading when too large or not a file.

    A batch reads its plan files here, in the caller's process, and parses
    them in its workers (:func:`load_plan_bytes`), which need no access to
    the caller's disk.

    Raises:
        PlanError: when the file cannot be read, is not a regular file, or is too large.
    """
    target = Path(path)
    return _read_bounded(target, str(target), DEFAULT_LIMITS if limits is None else limits)


def load_plan_bytes(
    payload: bytes,
    path: str | os.PathLike[str],
    format: Format | str | None = None,
    *,
    limits: Limits | None = None,
) -> Plan:
    """Load a plan from the bytes of the file at ``path`` (its name, suffix and messages).

    Raises:
        PlanError: when the bytes are not a valid plan.
    """
    bounds = DEFAULT_LIMITS if limits is None else limits
    target = Path(path)
    label = str(target)
    if len(payload) > bounds.plan_bytes:
        raise PlanError([Problem(path="$", code="too-large", message=f"the file has more "
                                 f"than {bounds.plan_bytes:,} bytes; a plan file has far "
                                 "fewer (Limits.plan_bytes)")], label)
    text = _decode(payload, label)
    return _load(text, _format_of(format, target, text), label, bounds)


def _read_bounded(target: Path, label: str, limits: Limits) -> bytes:
    """The file's bytes: refused before reading when it is not a regular file or too large."""

    def refuse(message: str, code: str = "unreadable") -> PlanError:
        return PlanError([Problem(path="$", code=code, message=message)], label)

    try:
        # Non-blocking, so that opening a pipe with no writer does not wait for one.
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            os.close(descriptor)
            if stat.S_ISDIR(mode):
                raise refuse("cannot read the file: it is a folder")
            raise refuse("cannot read the file: it is not a regular file (a pipe, a socket "
                         "or a device); give the plan file itself")
        with os.fdopen(descriptor, "rb") as stream:
            payload = stream.read(limits.plan_bytes + 1)
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    if len(payload) > limits.plan_bytes:
        raise refuse(f"the file has more than {limits.plan_bytes:,} bytes; a plan file has "
                     "far fewer (Limits.plan_bytes)", "too-large")
    return payload


def loads_plan(
    text: str, format: Format | str | None = None, *, limits: Limits | None = None
) -> Plan:
    """Load a plan from its text.

    Args:
        text: the plan, as YAML, JSON or TOML text.
        format: ``"yaml"``, ``"json"`` or ``"toml"``; guessed from the text by
            default (JSON when it opens with ``{``, TOML when its first
            statement is a table or ``key = value``, YAML otherwise).
        limits: how large a plan may be (docs/security.md); the defaults when None.

    Returns:
        The plan, complete and validated.

    Raises:
        PlanError: when the text is not a valid plan.
        ValueError: when ``format`` names no known format.
    """
    if not isinstance(text, str):
        raise TypeError(f"loads_plan reads text (str), got {type(text).__name__}; for a "
                        "file, use phongtrao.load_plan(path)")
    bounds = DEFAULT_LIMITS if limits is None else limits
    if len(text) > bounds.plan_bytes or len(text.encode("utf-8", "surrogatepass")) > (
            bounds.plan_bytes):
        raise PlanError([Problem(path="$", code="too-large", message=f"the text has more "
                                 f"than {bounds.plan_bytes:,} bytes; a plan has far fewer "
                                 "(Limits.plan_bytes)")])
    return _load(text, _format_of(format, None, text), None, bounds)


def _load(text: str, fmt: Format, label: str | None, limits: Limits) -> Plan:
    try:
        data, lines = parse_text(text, fmt, limits)
    except ParseError as error:
        raise PlanError(error.problems, label) from None
    return structure_plan(data, lines, label)


def _decode(payload: bytes, label: str | None) -> str:
    """Read a file's bytes as UTF-8, with or without the BOM Windows editors write.

    Raises:
        PlanError: naming the line of the first byte that is not UTF-8.
    """
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = payload.count(b"\n", 0, error.start) + 1
        column = error.start - (payload.rfind(b"\n", 0, error.start) + 1) + 1
        bad = payload[error.start]
        raise PlanError(
            [
                Problem(
                    path="$",
                    code="unreadable",
                    message=f"the file is not UTF-8 text: byte 0x{bad:02X} on line {line}, "
                    f"column {column} is not UTF-8; save the file as UTF-8 (text in an old "
                    "Vietnamese encoding such as Windows-1258 or TCVN3 must be converted)",
                    line=line,
                )
            ],
            label,
        ) from None


def structure_plan(
    data: Any, lines: dict[str, int] | None = None, source: str | None = None
) -> Plan:
    """Build a plan from plain data (as parsed from a file).

    Raises:
        PlanError: listing every problem, when the data is not a valid plan.
    """
    if not isinstance(data, Mapping):
        # Say what a plan file is, rather than only "expected a mapping".
        got = "nothing" if data is None else describe_value(data)
        raise PlanError(
            [
                Problem(
                    path="$",
                    code="wrong-type",
                    message=f"a plan file holds keys and values at its top level (issuer, "
                    f"document, title, …), but this one holds {got}",
                    line=(lines or {}).get("$"),
                )
            ],
            source,
        )
    try:
        return _CONVERTER.structure(data, Plan)
    except Exception as error:  # noqa: BLE001 - every failure becomes a listed problem
        problems = [_with_line(problem, lines or {}) for problem in problems_from(error, root=Plan)]
        raise PlanError(problems, source) from None


def unstructure_plan(plan: Plan) -> dict[str, Any]:
    """The plain data of a plan, as written to files (defaults left out)."""
    data: dict[str, Any] = _CONVERTER.unstructure(plan)
    return data


def dumps_plan(plan: Plan, format: Format | str = Format.YAML) -> str:
    """Return a plan as text in ``format`` (``"yaml"``, ``"json"`` or ``"toml"``)."""
    return dump_text(unstructure_plan(plan), Format(format))


def dump_plan(plan: Plan, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write a plan to ``path`` in the format its suffix names, atomically.

    The file is written beside the target and renamed into place, so a crash
    leaves either the old file or the new one, never half of one.

    Returns:
        The path written.

    Raises:
        ValueError: when the suffix is not ``.yaml``, ``.yml``, ``.json`` or ``.toml``.
        FileExistsError: when the file exists and ``overwrite`` is false.
    """
    target = Path(path)
    fmt = Format.from_suffix(target.suffix)
    if fmt is None:
        raise ValueError(
            f"cannot tell the format of {str(target)!r} from its suffix; expected .yaml, .yml, "
            ".json or .toml"
        )
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} exists; pass overwrite=True to replace it")
    text = dumps_plan(plan, fmt)
    write_atomically(target, text.encode("utf-8"), overwrite=overwrite)
    return target


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once, at import: os.umask can only be read by setting it, which would race
# with other threads writing files.
_UMASK = _read_umask()


def write_atomically(target: Path, payload: bytes, *, overwrite: bool = True) -> None:
    """Write ``payload`` to ``target`` through a temporary file put into place at once.

    A crash leaves the old file or the new one, never half of one. With
    ``overwrite`` the new file replaces an existing one and keeps its
    permission bits; without it, a file that exists — even one that appeared
    while this one was being written — is never replaced: the new file is
    linked into place only if the name is free (two writers cannot clobber
    each other).

    Raises:
        FileExistsError: when ``target`` exists and ``overwrite`` is false.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            _replace_keeping_mode(temporary, target)
        else:
            temporary.chmod(0o666 & ~_UMASK)  # mkstemp makes 0600; files follow the umask
            _link_if_free(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _replace_keeping_mode(temporary: Path, target: Path) -> None:
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    temporary.chmod(mode)
    temporary.replace(target)


def _link_if_free(temporary: Path, target: Path) -> None:
    """Put ``temporary`` at ``target`` only if no file is there, atomically."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise FileExistsError(f"{target} exists; pass overwrite=True to replace it") from None
    except OSError:
        # No hard links here (some network or FAT file systems): reserve the name
        # exclusively, then move the finished file onto it.
        try:
            reserved = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666 & ~_UMASK)
        except FileExistsError:
            raise FileExistsError(f"{target} exists; pass overwrite=True to replace it"
                                  ) from None
        os.close(reserved)
        temporary.replace(target)


class SetExistsError(FileExistsError):
    """Files of a set that exist already: ``filename`` is the first, ``filenames`` all.

    A :class:`FileExistsError` whose text is its message alone (an
    ``OSError`` given a ``filename`` afterwards would print ``[Errno None]``).
    """

    def __init__(self, message: str, paths: list[Path]) -> None:
        super().__init__(message)
        self.filename = str(paths[0])
        self.filenames = tuple(str(path) for path in paths)

    def __str__(self) -> str:
        return str(self.args[0])


def refuse_existing(paths: Iterable[Path]) -> None:
    """Raise :class:`SetExistsError` naming those of ``paths`` that exist, if any."""
    existing = [path for path in paths if path.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        them = "them" if len(existing) > 1 else "it"
        raise SetExistsError(f"{existing[0]} exists{more}; nothing was written (pass "
                        f"overwrite=True to replace {them})", existing)


def write_all(files: Mapping[Path, bytes], *, overwrite: bool) -> list[Path]:
    """Write several files as one set: all of them, or none.

    Forms for every lower unit, an aggregate's summary and charts, a
    conference's document set: they are made in memory first; then, unless
    ``overwrite``, nothing is written when any of them exists; each is
    written atomically; and a failure half way removes the files this call
    newly made, so a folder never holds half of a set.

    Raises:
        SetExistsError: (a FileExistsError) when a file exists and ``overwrite``
            is false; its ``filename`` is the first such file, and nothing is
            written.
        OSError: when a file cannot be written; the files this call had
            newly made are removed again.
    """
    if not overwrite:
        refuse_existing(files)
    made: list[Path] = []
    try:
        for path, data in files.items():
            new = not path.exists()
            write_atomically(path, data, overwrite=overwrite)
            if new:
                made.append(path)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return list(files)
