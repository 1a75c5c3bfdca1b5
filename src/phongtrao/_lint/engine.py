"""``phongtrao.lint``: read a document safely, run every rule, return the findings.

A path is checked before it is opened: it must be a regular file (not a FIFO,
a device or a folder) no larger than ``Limits.document_bytes``, and it is read
no further than that. The bytes are then read as an untrusted package
(:mod:`phongtrao._lint.reader`). Anything that keeps the file from being read
as a .docx is one :class:`~phongtrao.errors.DocumentError` with a reason a
person understands; nothing else escapes.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._lint.document import LintDocument
from phongtrao._lint.types import Finding, Issue, LintRule, Location, NotEvaluated
from phongtrao._package import UnsafePackage
from phongtrao.errors import DocumentError

if TYPE_CHECKING:
    from phongtrao._plugins import Plugins

__all__ = ["lint", "read_source", "run_rules"]

#: The first bytes of an OLE compound file: a password-protected .docx, or a Word 97-2003 .doc.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def read_source(source: str | os.PathLike[str] | bytes, limits: Limits) -> tuple[str | None,
                                                                                bytes]:
    """The name to report and the bytes of a document given as a path or as bytes.

    Raises:
        DocumentError: when the path is not a regular file, cannot be read or is
            larger than ``limits.document_bytes``.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > limits.document_bytes:
            raise DocumentError(f"it holds {len(data):,} bytes (the limit is "
                                f"{limits.document_bytes:,})")
        return None, data
    path = Path(source)
    name = str(source)
    try:
        status = path.stat()
    except OSError as error:
        raise DocumentError(_os_reason(error), name) from None
    if not stat.S_ISREG(status.st_mode):
        kind = next((what for test, what in _KINDS if test(status.st_mode)), "not a regular file")
        raise DocumentError(f"it is {kind}, not a file", name)
    if status.st_size > limits.document_bytes:
        raise DocumentError(f"it holds {status.st_size:,} bytes (the limit is "
                            f"{limits.document_bytes:,})", name)
    try:
        with path.open("rb") as stream:
            data = stream.read(limits.document_bytes + 1)
    except OSError as error:
        raise DocumentError(_os_reason(error), name) from None
    if len(data) > limits.document_bytes:  # it grew since it was measured
        raise DocumentError(f"it holds more than {limits.document_bytes:,} bytes (the limit)",
                            name)
    return name, data


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file"
    if isinstance(error, PermissionError):
        return "permission to read it is denied"
    return f"it cannot be read ({error.strerror or type(error).__name__})"


def read(data: bytes, limits: Limits, name: str | None = None) -> LintDocument:
    """The document the rules read, from the bytes of a .docx.

    Raises:
        DocumentError: when the bytes are not a .docx phongtrao reads.
    """
    from phongtrao._lint.reader import read_document

    if not data:
        raise DocumentError("it is empty (0 bytes); a .docx is a zip package", name)
    if data.startswith(_OLE):
        raise DocumentError("it is an OLE file: a password-protected document or an old Word "
                            "97-2003 .doc; save it as .docx without a password", name)
    try:
        return read_document(data, limits)
    except UnsafePackage as error:
        raise DocumentError(str(error), name) from None
    except RecursionError:
        raise DocumentError("it nests its content too deeply to be a real document", name) from None


def _finding(rule: LintRule, result: object) -> Finding:
    if isinstance(result, Issue):
        return Finding(code=rule.code, severity=rule.severity, message=result.message,
                       message_en=result.message_en, where=result.where, basis=rule.basis)
    reason = getattr(result, "reason", "")
    reason_en = getattr(result, "reason_en", "")
    where = getattr(result, "where", Location(part=rule.part))
    return Finding(code=rule.code, severity=rule.severity,
                   message=f"Không đánh giá được: {reason}.",
                   message_en=f"not evaluated: {reason_en}", where=where, basis=rule.basis,
                   evaluated=False)


def run_rules(document: LintDocument, rules: Iterable[LintRule]) -> list[Finding]:
    """Every rule's findings on ``document``, rule by rule.

    A rule that reads text is not evaluated on a document without any (a
    scanned image); a rule whose check raises is reported not evaluated,
    with the error, rather than stopping the others.
    """
    findings: list[Finding] = []
    text = document.has_text
    for rule in rules:
        if rule.needs_text and not text:
            what = "ảnh chụp" if document.images else "không có chữ"
            findings.append(_finding(rule, NotEvaluated(
                reason=f"văn bản không có chữ để đọc ({what}, chẳng hạn bản scan)",
                reason_en="the document shows no text to read ("
                + ("only pictures, such as a scan" if document.images else "it is empty") + ")",
                where=Location(part=rule.part))))
            continue
        try:
            results = list(rule.check(document))
        except Exception as error:  # noqa: BLE001 - one failing rule must not stop the others
            findings.append(_finding(rule, NotEvaluated(
                reason=f"quy tắc gặp lỗi {type(error).__name__}",
                reason_en=f"the rule failed with {type(error).__name__}: "
                + " ".join(str(error).split())[:200],
                where=Location(part=rule.part))))
            continue
        findings.extend(_finding(rule, result) for result in results)
    return findings


def lint(
    source: str | os.PathLike[str] | bytes,
    *,
    plugins: Plugins | None = None,
    limits: Limits | None = None,
) -> list[Finding]:
    """Check a .docx against the format rules of Nghị định 30/2020/NĐ-CP.

    The document may come from any program (Word, LibreOffice, phongtrao);
    its formatting is read as Word shows it. The rules are
    :data:`phongtrao.LINT_RULES` and those the plugins add
    (``phongtrao_lint_rules``).

    Args:
        source: the document: a path, or the bytes of a .docx.
        plugins: the plugins whose rules run too; the default renderer's when None.
        limits: how large a document may be (``document_bytes``,
            ``document_part_bytes`` and the package limits); the defaults when None.

    Returns:
        The findings, rule by rule in the order of the rule table (the page,
        the header block, the title, the bases and body, the Nơi nhận and the
        signature; then the plugins' rules): errors (the document breaks a
        rule the decree states), warnings (practice), and rules that could
        not be evaluated (``evaluated`` is False). A document conforms when no
        finding is an evaluated error (``finding.is_error``).

    Raises:
        DocumentError: when the source cannot be read as a .docx: not a regular
            file, empty, not a zip package, encrypted, damaged, an XML part with
            a DOCTYPE, or beyond a limit.
    """
    used = DEFAULT_LIMITS if limits is None else limits
    name, data = read_source(source, used)
    document = read(data, used, name)
    if plugins is None:
        from phongtrao._default import default_renderer

        plugins = default_renderer().plugins
    return run_rules(document, plugins.lint_rules())
