"""One converter server (:mod:`phongtrao._rendering.office_server`) as phongtrao drives it.

An :class:`Office` is one server process and the LibreOffice it runs. It is
started in its own session, so a Ctrl-C at the terminal reaches phongtrao and
not LibreOffice, and phongtrao decides how a batch stops. It is ended in every
outcome:

- :meth:`Office.close` closes the server's standard input; the server quits
  LibreOffice and removes its folder;
- :meth:`Office.kill` — after a timeout, or when the server does not answer —
  kills the server's and LibreOffice's process groups and removes what they
  left: the private folder, LibreOffice's sockets in /tmp;
- when this process dies, even by SIGKILL, the server reads the end of its
  input and does the same by itself;
- at interpreter exit, every office still running is closed (:data:`_LIVE`, the
  bookkeeping of running processes — not a cache: nothing is reused from it);
  and at the exit of a :mod:`multiprocessing` child too, which skips
  :mod:`atexit` (a ``fork`` worker ends in ``os._exit``): its exit waits until
  its LibreOffice and folders are gone, so a pool that has joined its workers
  leaves nothing behind;
- a signal handler ends them all with :func:`end_all_and_exit`, which lets
  the code it interrupted finish first when that code was starting or ending
  an office (it cannot be entered again from the same thread);
- a process forked from this one (a worker of a ``fork`` process pool) lets go
  of the inherited pipes at once, so that the server still sees the end of
  input when this process ends, and never uses nor ends this process's offices.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from phongtrao.errors import RenderError

__all__ = ["DocumentFailure", "Office", "OfficeStoppedError", "OfficeTimeoutError", "end_all",
           "end_all_and_exit"]

#: The server script, run by the interpreter that can ``import uno``.
SERVER = Path(__file__).with_name("office_server.py")
#: Seconds added to every wait for an answer: the server's own work around LibreOffice's.
_SLACK = 2.0
_CLOSE_SECONDS = 10.0


class OfficeStoppedError(Exception):
    """The server or its LibreOffice stopped; a new one can be started."""


class OfficeTimeoutError(Exception):
    """No answer in time: the office was killed."""


class DocumentFailure:
    """One document LibreOffice could not convert, and whether to try it alone."""

    def __init__(self, message: str, *, retry: bool = False) -> None:
        self.message = message
        self.retry = retry

    def __repr__(self) -> str:
        return f"DocumentFailure({self.message!r}, retry={self.retry})"


_LIVE: set[Office] = set()
#: Re-entrant: a signal handler that ends the offices may run in a thread holding it.
_LIVE_LOCK = threading.RLock()
#: Offices inherited by a forked child: kept referenced (never closed nor killed there).
_FOREIGN: list[Office] = []
#: How deep the main thread is in code starting or ending an office (see _uninterrupted).
_busy = 0
#: The exit code asked for by a signal that came while the main thread was so busy.
_exit_requested: int | None = None
#: The process whose multiprocessing exit ends its offices (see _end_with_this_process).
_finalized_pid: int | None = None


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Code starting or ending an office: :func:`end_all_and_exit` from a signal waits for it.

    Signal handlers run in the main thread, between any two steps of what it
    was doing; ending offices there, in the middle of starting or ending one,
    would re-enter its pipes and locks. Other threads need nothing: a handler
    waits for them on the locks as any thread would.
    """
    global _busy
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _busy += 1
    try:
        yield
    finally:
        _busy -= 1
        if _busy == 0 and _exit_requested is not None:
            end_all_and_exit(_exit_requested)


def _end_with_this_process() -> None:
    """In a multiprocessing child, close the offices as it exits, which skips atexit."""
    global _finalized_pid
    if _finalized_pid == os.getpid():
        return
    _finalized_pid = os.getpid()
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is None or multiprocessing.parent_process() is None:
        return
    from multiprocessing import util

    # Run by the child's exit (multiprocessing.util._exit_function), before os._exit.
    util.Finalize(None, end_all, exitpriority=100)


class Office:
    """One running converter server and its LibreOffice.

    Args:
        program: the LibreOffice program (``soffice``).
        interpreter: the Python that runs the server.
        mode: ``auto``, ``uno`` or ``convert-to`` (see the server's docstring).
        startup_seconds: how long LibreOffice may take to start.

    Raises:
        RenderError: when the server or LibreOffice cannot start.
    """

    def __init__(self, program: str, interpreter: str, mode: str, *,
                 startup_seconds: float = 60.0) -> None:
        self.program = program
        self.office_group: int | None = None
        self.folder: Path | None = None
        self.sockets: tuple[str, ...] = ()
        self._pid = os.getpid()
        self._messages: queue.Queue[tuple[dict[str, Any], bytes] | None] = queue.Queue()
        self._ended = False
        with _uninterrupted():  # a signal now would leave a server no one knows of
            self._process = subprocess.Popen(
                [interpreter, "-I", str(SERVER), "--soffice", program, "--mode", mode],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                start_new_session=os.name == "posix", close_fds=True)
            self._reader = threading.Thread(target=self._read, name="phongtrao-office-reader",
                                            daemon=True)
            self._reader.start()
            with _LIVE_LOCK:
                _LIVE.add(self)
                _end_with_this_process()
        try:
            ready, _ = self._next(startup_seconds + _SLACK)
        except (OfficeStoppedError, OfficeTimeoutError) as error:
            self.kill()
            raise RenderError(f"LibreOffice ({program}) could not be started: {error}") from None
        except BaseException:
            self.kill()
            raise
        if not ready.get("ready"):
            self.kill()
            raise RenderError(f"LibreOffice ({program}) could not be started: "
                              f"{ready.get('error', 'no reason given')}")
        self.mode = str(ready["mode"])
        self.folder = Path(ready["folder"])
        self.sockets = tuple(ready.get("sockets", ()))

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self._process.pid

    @property
    def running(self) -> bool:
        """Whether the server is still there to convert."""
        return not self._ended and self._process.poll() is None

    # -- messages ----------------------------------------------------------------------

    def _read(self) -> None:
        """Read the server's messages into the queue; None at its end (the reader thread)."""
        stream = self._process.stdout
        assert stream is not None
        try:
            while True:
                line = stream.readline()
                if not line:
                    break
                header = json.loads(line)
                size = int(header.get("size", 0))
                payload = stream.read(size) if size else b""
                if len(payload) != size:
                    break
                if "office" in header and len(header) == 1:
                    self.office_group = int(header["office"])
                    continue
                if "folder" in header and len(header) == 1:
                    self.folder = Path(header["folder"])
                    continue
                if header.get("office"):
                    self.office_group = int(header["office"])
                self._messages.put((header, payload))
        except (OSError, ValueError):
            pass
        self._messages.put(None)

    def _next(self, timeout: float) -> tuple[dict[str, Any], bytes]:
        try:
            message = self._messages.get(timeout=timeout)
        except queue.Empty:
            raise OfficeTimeoutError(f"no answer in {timeout:.0f} s") from None
        if message is None:
            code = self._process.poll()
            raise OfficeStoppedError("the converter stopped"
                                     + (f" (exit code {code})" if code else ""))
        return message

    def convert(self, documents: Sequence[bytes], *, pdfa: bool, timeout: float
                ) -> list[bytes | DocumentFailure]:
        """Convert ``documents``; a PDF or a :class:`DocumentFailure` for each, in order.

        ``timeout`` is per document (the whole request's, for ``convert-to``).

        Raises:
            OfficeStoppedError: when the server or LibreOffice stopped; the office is unusable.
            OfficeTimeoutError: when it did not answer in time; it has been killed.
        """
        stdin = self._process.stdin
        assert stdin is not None
        header = {"op": "convert", "sizes": [len(document) for document in documents],
                  "pdfa": pdfa, "timeout": timeout}
        try:
            stdin.write(json.dumps(header).encode("ascii") + b"\n" + b"".join(documents))
            stdin.flush()
        except OSError:
            raise OfficeStoppedError("the converter stopped") from None
        wait = timeout * (len(documents) if self.mode == "convert-to" else 1) + _SLACK
        results: list[bytes | DocumentFailure] = []
        try:
            for _ in documents:
                answer, payload = self._next(wait)
                if answer.get("ok"):
                    results.append(payload)
                elif answer.get("fatal"):
                    raise OfficeStoppedError(str(answer.get("error", "LibreOffice stopped")))
                else:
                    results.append(DocumentFailure(str(answer.get("error", "")),
                                                   retry=bool(answer.get("retry"))))
        except OfficeTimeoutError:
            self.kill()
            raise
        return results

    # -- ending ------------------------------------------------------------------------

    def close(self) -> None:
        """End the server and its LibreOffice, gracefully; kill them if they do not go."""
        if self._ended or self._pid != os.getpid():
            return
        with _uninterrupted():
            stdin = self._process.stdin
            if stdin is not None:
                # The server's end of input: it quits LibreOffice and cleans up.
                with contextlib.suppress(OSError):
                    stdin.close()
            try:
                self._process.wait(_CLOSE_SECONDS)
            except subprocess.TimeoutExpired:
                self.kill()
                return
            self._finish()

    def kill(self) -> None:
        """Kill the server's and LibreOffice's process groups and remove what they left."""
        if self._ended or self._pid != os.getpid():
            return
        with _uninterrupted():
            for group in (self._process.pid, self.office_group):
                if group is not None:
                    _kill_group(group)
            self._process.kill()
            self._process.wait()  # reaped here: a zombie of ours would look alive in its group
            if self.office_group is not None:
                _wait_gone(self.office_group)
            self._finish()

    def _finish(self) -> None:
        """Once the server has exited: remove anything it could not, close the pipes."""
        self._ended = True
        stdin = self._process.stdin
        if stdin is not None:
            with contextlib.suppress(OSError):
                stdin.close()
        # The server has exited, so its output ends: once the reader has read all of
        # it, the folder and LibreOffice's group are known even if announced at the
        # last moment.
        self._reader.join(_CLOSE_SECONDS)
        if self.office_group is not None and _group_alive(self.office_group):
            _kill_group(self.office_group)  # the server died before it could end LibreOffice
            _wait_gone(self.office_group)
        if self.folder is not None and self.folder.name.startswith("phongtrao-office-"):
            shutil.rmtree(self.folder, ignore_errors=True)
        for path in self.sockets:
            try:
                if stat.S_ISSOCK(os.lstat(path).st_mode):
                    Path(path).unlink()
            except OSError:
                pass
        stdout = self._process.stdout
        if stdout is not None:
            with contextlib.suppress(OSError):
                stdout.close()
        with _LIVE_LOCK:
            _LIVE.discard(self)

    def _let_go(self) -> None:
        """In a forked child: drop the inherited pipe ends without touching the server."""
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                _replace_with_null(stream)
        self._ended = True


def _group_alive(group: int) -> bool:
    """Whether a process of the group still runs (Linux: zombies, dead already, do not count)."""
    if os.name != "posix":
        return False
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                return True
        return False
    try:
        os.killpg(group, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _kill_group(group: int) -> None:
    """SIGKILL a process group."""
    if os.name != "posix":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(group)], capture_output=True,
                       check=False)
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)


def _wait_gone(group: int, seconds: float = 5.0) -> None:
    """Wait until no process of the group runs, so that its files can be removed."""
    deadline = time.monotonic() + seconds
    while _group_alive(group) and time.monotonic() < deadline:
        time.sleep(0.01)


def _replace_with_null(stream: IO[bytes]) -> None:
    """Point the stream's descriptor at /dev/null: the pipe end it held is released."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    try:
        os.dup2(null, stream.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(null)


def end_all() -> None:
    """Close every office this process started (at exit, also a multiprocessing child's)."""
    with _uninterrupted():
        with _LIVE_LOCK:
            offices = list(_LIVE)
        for office in offices:
            try:
                office.close()
            except Exception:  # noqa: BLE001 - ending the others matters more
                office.kill()


def end_all_and_exit(code: int) -> None:
    """From a signal handler: close every office, then end this process with ``code``.

    When the signal interrupted the main thread starting or ending an office,
    this returns at once, and is done as soon as that code is through.
    """
    global _exit_requested
    if _busy:
        _exit_requested = code
        return
    _exit_requested = None
    end_all()
    os._exit(code)


def _after_fork_in_child() -> None:
    global _LIVE_LOCK, _busy, _exit_requested  # held or set by a thread that is gone
    _LIVE_LOCK = threading.RLock()
    _busy, _exit_requested = 0, None
    for office in list(_LIVE):
        office._let_go()
        _FOREIGN.append(office)
    _LIVE.clear()


atexit.register(end_all)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def python_for_uno(program: str) -> str | None:
    """An interpreter that can ``import uno`` for this LibreOffice, or None to use our own.

    In order: ``$PHONGTRAO_UNO_PYTHON``; this interpreter, when it has ``uno``;
    the Python LibreOffice bundles (Windows, macOS, libreoffice.org builds);
    ``/usr/bin/python3`` (Debian's ``python3-uno``). The server falls back to
    ``--convert-to`` by itself when the one chosen has no ``uno``.
    """
    import importlib.util

    configured = os.environ.get(UNO_PYTHON_ENV)
    if configured:
        return configured
    if importlib.util.find_spec("uno") is not None:
        return sys.executable
    real = Path(os.path.realpath(program))
    for candidate in (real.with_name("python"), real.with_name("python.exe"),
                      real.parent.parent / "Resources" / "python", Path("/usr/bin/python3")):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


#: Environment variable naming the Python that can ``import uno`` (overrides the search).
UNO_PYTHON_ENV = "PHONGTRAO_UNO_PYTHON"
