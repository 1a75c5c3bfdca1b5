"""PDF output through LibreOffice: a converter that stays up for many documents.

A :class:`PdfConverter` keeps one LibreOffice running, with a private profile,
and converts one document after another through it — about 0.07 s a document
here, where starting a LibreOffice for each one costs a second or more
(docs/performance.md). It drives LibreOffice over UNO when an interpreter
that can ``import uno`` is found (Debian's ``python3-uno``, or the Python
LibreOffice bundles), and runs ``soffice --convert-to`` over all the
documents of a call otherwise. Either way LibreOffice runs under a small
server process (:mod:`phongtrao._rendering.office_server`) that ends it and
removes its profile in every outcome (:mod:`phongtrao._rendering.office`).
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from phongtrao._limits import DEFAULT_LIMITS
from phongtrao.errors import RenderError

if TYPE_CHECKING:  # imported when a conversion starts: the process machinery waits till then
    from phongtrao._rendering.office import Office

__all__ = ["METHODS", "PdfConverter", "docx_to_pdf", "find_soffice"]

#: Environment variable naming the LibreOffice program to use.
SOFFICE_ENV = "PHONGTRAO_SOFFICE"
#: How a converter drives LibreOffice: ``auto`` chooses ``uno`` when it can.
METHODS = ("auto", "uno", "convert-to")


def find_soffice() -> str | None:
    """The LibreOffice program: ``$PHONGTRAO_SOFFICE``, else ``soffice`` or ``libreoffice``."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return shutil.which(configured) or (configured if Path(configured).exists() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def _missing_soffice() -> RenderError:
    return RenderError(
        "PDF output needs LibreOffice, and no 'soffice' or 'libreoffice' program was found; "
        "install it (Debian: apt-get install libreoffice-writer-nogui) or set "
        f"{SOFFICE_ENV} to its path"
    )


class PdfConverter:
    """LibreOffice kept running to convert .docx documents to PDF, one after another.

    LibreOffice starts on the first conversion and stays up until :meth:`close`
    (or the end of a ``with`` block); each document then costs its conversion
    alone. A document LibreOffice cannot read fails alone, with a
    :class:`~phongtrao.RenderError`. A LibreOffice that crashes is started
    again and the document tried once more; one that takes longer than
    ``timeout`` on a document is killed, that document fails, and the next one
    gets a new LibreOffice. No LibreOffice process nor profile outlives the
    converter — nor this process, however it ends.

    One converter converts one document at a time (calls from several threads
    wait for each other); use one converter per thread or process to convert
    in parallel, as :func:`phongtrao.render_many` does.

    Args:
        timeout: the seconds LibreOffice may take for one document
            (:attr:`phongtrao.Limits.pdf_seconds` by default, 120).
        method: ``"uno"`` (a LibreOffice listener driven over UNO; needs an
            interpreter with ``uno``, such as Debian's ``python3-uno``),
            ``"convert-to"`` (``soffice --convert-to`` over the documents of
            each call, with the profile kept), or ``"auto"``: ``uno`` when it
            can, else ``convert-to``.
        program: the LibreOffice program; by default :func:`phongtrao.find_soffice`.

    Raises:
        ValueError: for an unknown ``method`` or a timeout that is not positive.
    """

    def __init__(self, *, timeout: float | None = None, method: str = "auto",
                 program: str | None = None) -> None:
        if method not in METHODS:
            raise ValueError(f"unknown PDF conversion method {method!r}; expected one of "
                             f"{', '.join(METHODS)}")
        seconds = DEFAULT_LIMITS.pdf_seconds if timeout is None else float(timeout)
        if not seconds > 0:
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        self.timeout = seconds
        self.requested_method = method
        self.program = program
        #: How many times this converter started LibreOffice (1 unless one was restarted).
        self.starts = 0
        self._office: Office | None = None
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._closed = False

    def __enter__(self) -> PdfConverter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else (f"running {self.method}" if self.method
                                               else "not started")
        return f"<PdfConverter {state}>"

    @property
    def method(self) -> str | None:
        """How LibreOffice is driven now (``uno`` or ``convert-to``); None when not running."""
        office = self._office
        return office.mode if office is not None and office.running else None

    @property
    def pids(self) -> tuple[int, ...]:
        """The process ids of the converter server and its LibreOffice group, when running."""
        office = self._office
        if office is None or not office.running:
            return ()
        return (office.pid,) + ((office.office_group,) if office.office_group else ())

    def convert(self, docx: bytes, *, pdfa: bool = False) -> bytes:
        """Convert the bytes of a .docx to the bytes of a PDF (PDF/A-2b with ``pdfa``).

        Raises:
            RenderError: when LibreOffice is missing, cannot start, or cannot
                convert this document.
            ValueError: when the converter is closed.
        """
        result = self.convert_many([docx], pdfa=pdfa)[0]
        if isinstance(result, RenderError):
            raise result
        return result

    def convert_many(self, documents: Sequence[bytes], *, pdfa: bool = False
                     ) -> list[bytes | RenderError]:
        """Convert several documents; a PDF or the :class:`RenderError` of each, in order.

        A document that fails does not stop the others.

        Raises:
            RenderError: when LibreOffice is missing or cannot start at all.
            ValueError: when the converter is closed.
        """
        if self._pid != os.getpid():
            self._forked()
        with self._lock:
            if self._closed:
                raise ValueError("this PdfConverter is closed")
            if not documents:
                return []
            office = self._running()
            if office.mode == "convert-to" and len(documents) > 1:
                return self._together(list(documents), pdfa)
            return [self._alone(document, pdfa) for document in documents]

    def close(self) -> None:
        """Stop LibreOffice and remove its profile; the converter cannot be used again."""
        if self._pid != os.getpid():
            return  # a forked child's copy: the parent's LibreOffice is not the child's to end
        with self._lock:
            self._closed = True
            self._discard(gracefully=True)

    # -- the office ------------------------------------------------------------------

    def _forked(self) -> None:
        """In a forked child: forget the parent's LibreOffice, start afresh when used."""
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._office = None

    def _running(self) -> Office:
        if self._office is not None and self._office.running:
            return self._office
        self._discard(gracefully=False)
        from phongtrao._rendering.office import Office, python_for_uno

        program = self.program or find_soffice()
        if program is None:
            raise _missing_soffice()
        method = self.requested_method
        interpreter = None if method == "convert-to" else python_for_uno(program)
        if method == "uno" and interpreter is None:
            raise RenderError("PDF conversion over UNO needs a Python that can 'import uno' "
                              "(Debian: apt-get install python3-uno), or set "
                              "PHONGTRAO_UNO_PYTHON to one; method='auto' falls back to "
                              "soffice --convert-to")
        self._office = Office(program, interpreter or sys.executable, method)
        self.starts += 1
        return self._office

    def _discard(self, *, gracefully: bool) -> None:
        office, self._office = self._office, None
        if office is not None:
            if gracefully:
                office.close()
            else:
                office.kill()

    def _alone(self, document: bytes, pdfa: bool) -> bytes | RenderError:
        """One document; after a crash, once more with a new LibreOffice."""
        from phongtrao._rendering.office import OfficeStoppedError, OfficeTimeoutError

        for attempt in (1, 2):
            office = self._running()
            try:
                [result] = office.convert([document], pdfa=pdfa, timeout=self.timeout)
            except OfficeStoppedError as died:
                self._discard(gracefully=True)  # the server is ending by itself: let it
                if attempt == 2:
                    return RenderError(f"LibreOffice stopped twice while converting the "
                                       f"document to PDF ({died})")
                continue
            except OfficeTimeoutError:
                self._discard(gracefully=False)
                return RenderError(
                    f"LibreOffice did not convert the document to PDF in {self.timeout:g} s "
                    "(Limits.pdf_seconds); it was stopped, and a new one converts the next")
            except BaseException:
                # Interrupted mid-conversion (Ctrl-C): the answer is lost with this office.
                self._discard(gracefully=False)
                raise
            if isinstance(result, bytes):
                return result
            return RenderError(f"LibreOffice could not convert the document to PDF: "
                               f"{result.message}")
        raise AssertionError("unreachable")  # pragma: no cover

    def _together(self, documents: list[bytes], pdfa: bool) -> list[bytes | RenderError]:
        """One ``--convert-to`` call for all; the ones it could not finish, each alone."""
        from phongtrao._rendering.office import OfficeStoppedError, OfficeTimeoutError

        try:
            results = self._running().convert(documents, pdfa=pdfa, timeout=self.timeout)
        except (OfficeStoppedError, OfficeTimeoutError):
            self._discard(gracefully=False)
            return [self._alone(document, pdfa) for document in documents]
        except BaseException:
            self._discard(gracefully=False)
            raise
        done: list[bytes | RenderError] = []
        for document, result in zip(documents, results, strict=True):
            if isinstance(result, bytes):
                done.append(result)
            elif result.retry:
                done.append(self._alone(document, pdfa))
            else:
                done.append(RenderError(f"LibreOffice could not convert the document to PDF: "
                                        f"{result.message}"))
        return done


def docx_to_pdf(docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
    """Convert the bytes of a .docx to the bytes of a PDF with a LibreOffice of its own.

    The LibreOffice is started for this document and ended after it; to
    convert many, keep a :class:`PdfConverter`.

    Raises:
        RenderError: when LibreOffice is not installed or the conversion fails.
    """
    with PdfConverter(timeout=timeout) as converter:
        return converter.convert(docx, pdfa=pdfa)
