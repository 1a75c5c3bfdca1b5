"""A LibreOffice kept running to convert .docx to PDF, driven over stdin and stdout.

phongtrao runs this file as a script, with an interpreter that can ``import uno``
(Debian's ``/usr/bin/python3`` with ``python3-uno``, or the Python LibreOffice
bundles on Windows and macOS), or, without one, with its own interpreter. It
imports nothing of phongtrao and only the standard library (and ``uno``), and
keeps to Python 3.8, the oldest a LibreOffice bundles.

It is the one owner of what a conversion leaves on disk and in the process
table: a private folder (the LibreOffice profile, the documents in flight,
LibreOffice's temporary files) and the LibreOffice processes, in their own
process group. Whatever ends it — phongtrao closing its standard input, its
parent dying (the same end of file), SIGTERM, SIGINT, SIGHUP — it ends
LibreOffice's whole group and removes the folder and LibreOffice's sockets.

Two ways to convert, chosen by ``--mode``:

``uno``
    one ``soffice --accept=pipe,...`` started once; each document is loaded
    with the Word filter and stored with ``writer_pdf_Export``
    (``SelectPdfVersion=2`` for PDF/A-2b). A document that LibreOffice cannot
    read fails alone; a LibreOffice that dies is reported as fatal and this
    server exits (phongtrao starts another).
``convert-to``
    no UNO: each request runs one ``soffice --convert-to`` over all its
    documents, with the profile kept between requests.

``auto`` is ``uno`` when ``import uno`` works, ``convert-to`` otherwise.

The protocol: every message is one line of JSON, then as many raw bytes as
its ``size`` says. phongtrao sends ``{"op": "convert", "sizes": [...],
"pdfa": bool, "timeout": seconds}`` followed by the documents; the server
answers one message per document, in order: ``{"ok": true, "size": n}`` and
the PDF, or ``{"ok": false, "error": "...", "fatal": bool, "retry": bool}``.
First of all it says ``{"ready": true, "mode": ..., "folder": ..., "office":
pgid, "sockets": [...]}`` (or ``{"ready": false, "error": ...}``); it
announces ``{"office": pgid}`` whenever it starts a LibreOffice process.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import queue
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

#: The import filter for every document: without it, bytes that are not a
#: .docx are read as plain text and "converted" without complaint.
WORD_FILTER = "MS Word 2007 XML"
#: How long LibreOffice may take to start and accept a connection.
STARTUP_SECONDS = 60.0
#: How long a graceful stop may take before the group is killed.
GRACE_SECONDS = 2.0
_PDFA_SPEC = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


class DocumentError(Exception):
    """This document could not be converted; LibreOffice is still fine."""


class OfficeStoppedError(Exception):
    """LibreOffice stopped or can no longer be reached."""


def _socket_paths(profile_url: str, pipe_name: str | None) -> list[str]:
    """The Unix sockets LibreOffice makes in /tmp (left behind when it is killed).

    One is the ``--accept`` pipe; the other is its single-instance pipe, named
    after the MD5 of the profile's URL in UTF-16 (each byte in hex, unpadded).
    """
    if os.name != "posix":
        return []
    digest = hashlib.md5(profile_url.encode("utf-16-le")).digest()  # a name, not security
    uid = os.getuid()
    names = [f"SingleOfficeIPC_{''.join(format(byte, 'x') for byte in digest)}"]
    if pipe_name is not None:
        names.append(pipe_name)
    return [f"/tmp/OSL_PIPE_{uid}_{name}" for name in names]


class Server:
    """One private folder and the LibreOffice converting in it."""

    def __init__(self, soffice: str, mode: str) -> None:
        self.soffice = soffice
        self.mode = mode
        self.folder = Path(tempfile.mkdtemp(prefix="phongtrao-office-"))
        self.profile_url = (self.folder / "profile").as_uri()
        self.pipe_name: str | None = None
        self.office: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None
        self.output = sys.stdout.buffer
        self._write_lock = threading.Lock()
        self._ended = threading.Lock()
        #: Held while a LibreOffice process starts, so that ending waits to kill it.
        self.starting = threading.Lock()
        (self.folder / "tmp").mkdir()

    # -- messages ------------------------------------------------------------------

    def send(self, header: dict[str, Any], payload: bytes = b"") -> None:
        """Write one message (a JSON line, then the payload)."""
        if payload:
            header = dict(header, size=len(payload))
        line = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n"
        with self._write_lock:
            self.output.write(line + payload)
            self.output.flush()

    # -- LibreOffice -----------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # LibreOffice's own temporary files go into the private folder, removed with it.
        env["TMPDIR"] = env["TMP"] = env["TEMP"] = str(self.folder / "tmp")
        return env

    def _start_process(self, arguments: list[str]) -> subprocess.Popen[bytes]:
        with self.starting:
            return self._spawn(arguments)

    def _spawn(self, arguments: list[str]) -> subprocess.Popen[bytes]:
        command = [
            self.soffice, f"-env:UserInstallation={self.profile_url}", "--headless",
            "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            *arguments,
        ]
        log = (self.folder / "soffice.log").open("ab")
        try:
            # Its own process group: the whole of LibreOffice (the soffice wrapper and
            # soffice.bin under it) can be ended at once, and a Ctrl-C at the terminal
            # does not reach it.
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                env=self._environment(), start_new_session=os.name == "posix",
                cwd=str(self.folder))
        finally:
            log.close()
        self.office = process
        self.send({"office": process.pid})
        return process

    def start_uno(self) -> None:
        """Start LibreOffice listening on a private pipe and connect to it."""
        import uno

        self.pipe_name = f"phongtrao-{os.getpid()}-{os.urandom(6).hex()}"
        connection = f"pipe,name={self.pipe_name};urp;StarOffice.ComponentContext"
        process = self._start_process([f"--accept={connection}"])
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:{connection}")
                break
            except Exception as error:  # noqa: BLE001 - NoConnectException until it listens
                if process.poll() is not None:
                    raise OfficeStoppedError(f"LibreOffice exited with code {process.returncode} "
                                     f"while starting ({self._log_tail()})") from None
                if time.monotonic() > deadline:
                    raise OfficeStoppedError(f"LibreOffice did not start in {STARTUP_SECONDS:.0f} s"
                                     f" ({type(error).__name__})") from None
                time.sleep(0.05)
        self.desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)

    def _log_tail(self) -> str:
        try:
            lines = (self.folder / "soffice.log").read_text("utf-8", "replace").split("\n")
        except OSError:
            return "no output"
        lines = [line for line in lines if line.strip() and "javaldx" not in line]
        return lines[-1].strip() if lines else "no output"

    # -- converting ------------------------------------------------------------------

    def convert_uno(self, source: Path, target: Path, pdfa: bool) -> None:
        """Load ``source`` with the Word filter and store it as a PDF at ``target``."""
        import uno
        from com.sun.star.beans import PropertyValue

        def prop(name: str, value: Any) -> Any:
            item = PropertyValue()
            item.Name, item.Value = name, value
            return item

        load = (prop("Hidden", True), prop("ReadOnly", True), prop("FilterName", WORD_FILTER),
                # Never run macros nor update links: the document is data.
                prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0))
        try:
            document = self.desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, load)
        except Exception as error:  # noqa: BLE001 - UNO exceptions are not Python's
            raise self._failure(error, "reading it") from None
        if document is None:
            raise DocumentError("it is not a .docx document LibreOffice can read")
        try:
            keywords = _keywords(source)
            if keywords:
                document.DocumentProperties.Keywords = keywords
            options = [prop("SelectPdfVersion", 2)] if pdfa else []
            data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(options))
            document.storeToURL(target.as_uri(), (prop("FilterName", "writer_pdf_Export"),
                                                  prop("FilterData", data)))
        except Exception as error:  # noqa: BLE001 - UNO exceptions are not Python's
            raise self._failure(error, "writing its PDF") from None
        finally:
            # A document that cannot close goes with LibreOffice.
            with contextlib.suppress(Exception):
                document.close(True)

    def _failure(self, error: Exception, doing: str) -> Exception:
        """A UNO error as DocumentError, or OfficeStoppedError when LibreOffice is gone."""
        message = getattr(error, "Message", "") or str(error) or type(error).__name__
        name = type(error).__name__  # pyuno names them in full: com.sun.star.lang.…
        if self.office is None or self.office.poll() is not None or name.rsplit(".", 1)[-1] in (
                "DisposedException", "RuntimeException"):
            return OfficeStoppedError(f"LibreOffice stopped ({name}: {message.strip()[:200]})")
        return DocumentError(f"{doing} failed ({name}: {message.strip()[:200]})")

    def convert_chunk(self, sources: list[Path], out: Path, pdfa: bool, timeout: float
                      ) -> list[str | None]:
        """One ``soffice --convert-to`` over ``sources``; an error per document, or None."""
        spec = _PDFA_SPEC if pdfa else "pdf:writer_pdf_Export"
        process = self._start_process([f"--infilter={WORD_FILTER}", "--convert-to", spec,
                                       "--outdir", str(out), *map(str, sources)])
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.stop_office(graceful=False)
            return [f"timeout:LibreOffice did not finish in {timeout:.0f} s"] * len(sources)
        finally:
            self.office = None
        return [None if (out / (source.stem + ".pdf")).exists() else
                "no PDF was written: it is not a .docx document LibreOffice can read"
                for source in sources]

    def handle(self, header: dict[str, Any], payload: bytes) -> bool:
        """Convert the documents of one request; False when this server must end."""
        sizes = [int(size) for size in header.get("sizes", [])]
        pdfa = bool(header.get("pdfa"))
        timeout = float(header.get("timeout", 120))
        work = Path(tempfile.mkdtemp(prefix="job-", dir=str(self.folder)))
        try:
            sources, offset = [], 0
            for index, size in enumerate(sizes):
                source = work / f"{index}.docx"
                source.write_bytes(payload[offset:offset + size])
                sources.append(source)
                offset += size
            if self.mode == "uno":
                return self._handle_uno(sources, work, pdfa)
            errors = self.convert_chunk(sources, work / "out", pdfa, timeout * len(sources))
            for source, error in zip(sources, errors):  # noqa: B905 - Python 3.8 has no strict=
                if error is None:
                    self.send({"ok": True}, (work / "out" / (source.stem + ".pdf")).read_bytes())
                else:
                    retry = error.startswith("timeout:")
                    self.send({"ok": False, "error": error.split(":", 1)[1] if retry else error,
                               "fatal": False, "retry": retry and len(sources) > 1})
            return True
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _handle_uno(self, sources: list[Path], work: Path, pdfa: bool) -> bool:
        for source in sources:
            target = work / (source.stem + ".pdf")
            try:
                self.convert_uno(source, target, pdfa)
            except DocumentError as error:
                self.send({"ok": False, "error": str(error), "fatal": False})
                continue
            except OfficeStoppedError as error:
                self.send({"ok": False, "error": str(error), "fatal": True})
                return False
            self.send({"ok": True}, target.read_bytes())
            target.unlink()
        return True

    # -- ending ----------------------------------------------------------------------

    def stop_office(self, *, graceful: bool) -> None:
        """End LibreOffice's process group: ask it to quit first when ``graceful``."""
        process = self.office
        if process is None:
            return
        if graceful and self.desktop is not None and process.poll() is None:
            # terminate() also removes LibreOffice's sockets; a hung LibreOffice never
            # answers, so it is asked from a thread and killed after the grace period.
            asker = threading.Thread(target=self._terminate, daemon=True)
            asker.start()
            asker.join(GRACE_SECONDS)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(GRACE_SECONDS)
        _kill_group(process)
        self.office = None
        self.desktop = None

    def _terminate(self) -> None:
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            self.desktop.terminate()

    def end(self, *, graceful: bool, waiting: bool = True) -> bool:
        """Stop LibreOffice and remove everything it and this server made; once.

        Returns False, doing nothing, when it is already being done (in another
        thread, or in the code a signal interrupted).
        """
        if not self._ended.acquire(blocking=False):
            return False
        # A LibreOffice being started now is killed once it exists (never from a
        # signal handler, which may have interrupted that very start).
        started = waiting and self.starting.acquire(timeout=10)
        try:
            self.stop_office(graceful=graceful)
        finally:
            for path in _socket_paths(self.profile_url, self.pipe_name):
                try:
                    if stat.S_ISSOCK(os.lstat(path).st_mode):
                        Path(path).unlink()
                except OSError:
                    pass
            shutil.rmtree(self.folder, ignore_errors=True)
            if started:
                self.starting.release()
        return True


def _keywords(source: Path) -> tuple[str, ...]:
    """The package's keywords as the phrases it lists, separated by commas.

    LibreOffice's Word import splits keywords at every space, so a phrase
    such as "Kế hoạch" would reach the PDF as two words.
    """
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(source) as package:
            root = ElementTree.fromstring(package.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return ()
    found = root.find("{http://schemas.openxmlformats.org/package/2006/metadata/"
                      "core-properties}keywords")
    text = found.text if found is not None and found.text else ""
    return tuple(word.strip() for word in text.split(",") if word.strip())


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process and its whole group, and wait until none of them is left."""
    if os.name != "posix":
        if process.poll() is None:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                           capture_output=True, check=False)
        process.wait()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    # soffice.bin is the wrapper's child: orphaned, it comes to this server (a
    # subreaper, where Linux allows) and is reaped here; elsewhere init reaps it.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        try:
            os.killpg(process.pid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.005)


def _become_subreaper() -> None:
    """Adopt orphaned descendants (Linux): a killed soffice.bin is reaped at once here.

    Without it, a zombie soffice.bin waits for init, which in some containers
    reaps only every second or two.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # 36: PR_SET_CHILD_SUBREAPER


def _read_message(stream: BinaryIO) -> tuple[dict[str, Any], bytes] | None:
    line = stream.readline()
    if not line:
        return None
    header = json.loads(line)
    size = int(header.get("size", sum(int(s) for s in header.get("sizes", []))))
    payload = stream.read(size) if size else b""
    if len(payload) != size:
        return None
    return header, payload


def main(argv: list[str] | None = None) -> int:
    """Serve conversions until standard input ends."""
    parser = argparse.ArgumentParser(description="phongtrao's LibreOffice converter")
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--mode", choices=["auto", "uno", "convert-to"], default="auto")
    args = parser.parse_args(argv)
    mode = args.mode
    if mode == "auto":
        try:
            import uno  # noqa: F401
        except ImportError:
            mode = "convert-to"
        else:
            mode = "uno"
    _become_subreaper()
    server = Server(args.soffice, mode)
    server.send({"folder": str(server.folder)})  # first: phongtrao can remove it in any case

    def on_signal(signum: int, frame: object) -> None:
        if server.end(graceful=False, waiting=False):
            os._exit(128 + signum)
        # Otherwise the code ending the server was interrupted: it goes on, then exits.

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), on_signal)

    requests: queue.Queue[tuple[dict[str, Any], bytes] | None] = queue.Queue()

    def read_requests() -> None:
        while True:
            try:
                message = _read_message(sys.stdin.buffer)
            except (OSError, ValueError):
                message = None
            if message is None:
                # phongtrao closed the pipe, or died: end at once, even mid-conversion.
                # Killing is enough: the profile is thrown away, the sockets removed by name.
                server.end(graceful=False)
                os._exit(0)
            requests.put(message)

    threading.Thread(target=read_requests, daemon=True).start()
    try:
        if mode == "uno":
            server.start_uno()
    except Exception as error:  # noqa: BLE001 - reported to phongtrao, which raises it
        server.send({"ready": False, "error": str(error)})
        server.end(graceful=False)
        return 1
    office = server.office.pid if server.office is not None else None
    server.send({"ready": True, "mode": mode, "folder": str(server.folder), "office": office,
                 "sockets": _socket_paths(server.profile_url, server.pipe_name)})
    try:
        while True:
            message = requests.get()
            if message is None or not server.handle(*message):
                return 0
    except Exception as error:  # noqa: BLE001 - the server's own failure, reported
        with contextlib.suppress(OSError):
            server.send({"ok": False, "error": f"converter failed: {error}", "fatal": True})
        return 1
    finally:
        server.end(graceful=True)


if __name__ == "__main__":
    sys.exit(main())
