"""Rendering many plans at once: one renderer, any executor, progress, a clean stop.

Every document of a batch goes through one :class:`~phongtrao._rendering.Renderer`,
so each template is prepared once (docxtpl's XML patching, the Jinja compile and
the package's untouched parts); each document then costs its checks, its
context, the Jinja render and — for PDF — its conversion by a LibreOffice kept
running (:class:`~phongtrao.PdfConverter`, one per worker thread or process).

Work runs in any :class:`concurrent.futures.Executor` — in the calling thread
by default, in processes for real parallelism, on a ``dask.distributed``
cluster. Workers only compute: they read nothing from the caller's disk (plan
files are read here and sent as bytes) and write nothing to theirs (each
document comes back as bytes and is written here, atomically, into the
caller's folder or the mapping the caller gave). A worker process cannot
share the caller's renderer: it builds its own from the renderer's plugin
configuration on its first job and keeps it, with its converter, for the
others (``_WORKERS``, the worker's one piece of state).

Jobs travel in chunks sized for the work (one document for PDF, up to 16 for
.docx), a bounded number ahead of the results, so that progress is reported
document by document as they finish and a stop does not wait on a queue. A
plan that fails is reported with its source and the problems' paths; the
others are still written. Ctrl-C stops the batch: nothing more is started,
what finishes within half a second is written, and :class:`BatchInterrupted`
says what was done.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import attrs

from phongtrao._default import default_renderer
from phongtrao._dispatch import Dispatch, parallelism
from phongtrao._files import load_plan_bytes, read_plan_file, write_atomically
from phongtrao._limits import Limits
from phongtrao._plugins import Plugins, PluginsConfig
from phongtrao._problems import Problem
from phongtrao._rendering import PdfConverter, Renderer
from phongtrao.errors import BatchError, BatchFailure, BatchInterrupted, PlanError, RenderError
from phongtrao.model import Plan
from phongtrao.vi import slug

if TYPE_CHECKING:
    from concurrent.futures import Executor, ProcessPoolExecutor

__all__ = ["BatchError", "BatchFailure", "BatchInterrupted", "output_names", "render_many",
           "unique_names", "worker_pool"]

#: Called with (documents done, documents in all) as the batch goes.
Progress = Callable[[int, int], None]
#: How long a stopping batch waits for the documents in flight.
STOP_GRACE_SECONDS = 0.5
#: The most .docx documents a chunk holds (about 80 ms of work).
_DOCX_CHUNK = 16


def _slug(text: str) -> str:
    """ASCII, lower case, words joined by '-': 'phường Sông Trí' -> 'phuong-song-tri'."""
    return slug(text, fallback="ke-hoach")


def _base_name(plan: Plan) -> str:
    unit = plan.issuer.unit
    name = unit.full_name if unit is not None else plan.issuer.name
    # The code is the plan file's text too: slugged like the name, never used raw.
    code = _slug(unit.code) if unit is not None and unit.code else ""
    suffix = f"-{code}" if code and code != "ke-hoach" else ""
    return f"{plan.document.kind.value.lower()}-{_slug(name)}{suffix}"


def unique_names(stems: Iterable[str], suffix: str) -> list[str]:
    """File names from stems, unique by construction: a stem already taken gets -2, -3 ….

    A number is added until the name is free, so stems that already end in a
    number ("a", "a", "a-2") still give distinct names ("a", "a-2", "a-2-2").
    """
    taken: set[str] = set()
    names = []
    for stem in stems:
        name, count = stem, 1
        while name.casefold() in taken:  # case-insensitive file systems too
            count += 1
            name = f"{stem}-{count}"
        taken.add(name.casefold())
        names.append(f"{name}{suffix}")
    return names


def output_names(plans: Sequence[Plan], suffix: str = ".docx") -> list[str]:
    """Stable, safe, unique file names for the plans: the kind, the unit's name in ASCII, its code.

    The same plans in the same order always get the same names; a name already
    given gets ``-2``, ``-3`` … until it is free. Names hold only ``a-z``,
    ``0-9`` and ``-``, whatever the unit's name.
    """
    return unique_names((_base_name(plan) for plan in plans), suffix)


# -- the workers' side ---------------------------------------------------------------


class _Converters:
    """A :class:`PdfConverter` for each thread that asks, all closed together."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._local = threading.local()
        self._all: list[PdfConverter] = []
        self._lock = threading.Lock()

    def get(self) -> PdfConverter:
        converter: PdfConverter | None = getattr(self._local, "converter", None)
        if converter is None:
            converter = self._local.converter = PdfConverter(timeout=self._timeout)
            with self._lock:
                self._all.append(converter)
        return converter

    def close(self) -> None:
        with self._lock:
            converters, self._all = self._all, []
        for converter in converters:
            converter.close()


#: A worker process's renderers and converters, by plugin configuration: built on
#: the first job a worker runs, used for every later one (a process cannot share
#: the caller's). Their LibreOffice ends with the process (phongtrao._rendering.office).
_WORKERS: dict[tuple[PluginsConfig, Limits], _RendererHandle] = {}
_WORKERS_LOCK = threading.Lock()


class _RendererHandle:
    """The batch's renderer and converters as a job carries them.

    In this process it is the renderer itself, with the batch's converters;
    sent to another process, it is the renderer's plugin configuration, and
    the worker rebuilds it once, with converters of its own.
    """

    def __init__(self, renderer: Renderer, converters: _Converters) -> None:
        self.renderer = renderer
        self.converters = converters

    def __reduce__(self) -> tuple[Any, ...]:
        config = self.renderer.plugins.config
        if not config.portable:
            Plugins.from_config(config)  # raises, saying which plugins cannot travel
        return (_worker_handle, (config, self.renderer.limits))


def _worker_handle(config: PluginsConfig, limits: Limits) -> _RendererHandle:
    with _WORKERS_LOCK:
        handle = _WORKERS.get((config, limits))
        if handle is None:
            renderer = Renderer(Plugins.from_config(config), limits=limits)
            handle = _WORKERS[config, limits] = _RendererHandle(
                renderer, _Converters(limits.pdf_seconds))
        return handle


@attrs.frozen
class _Job:
    index: int
    source: str
    plan: Plan | None  # None: parse ``payload``, the bytes of the plan file ``source``
    payload: bytes | None
    name: str


@attrs.frozen
class _Chunk:
    handle: _RendererHandle
    jobs: tuple[_Job, ...]
    template: str | None
    draft: bool
    pdf: bool
    pdfa: bool


#: What a worker sends back for one document: its index, and its bytes or why not.
_Result = tuple[int, bytes | None, BatchFailure | None]


def _failure(job: _Job, message: str, kind: str, problems: tuple[Problem, ...] = ()
             ) -> _Result:
    return job.index, None, BatchFailure(job.source, message, problems, kind=kind,
                                         target=job.name)


def _exists(source: str, target: Path | str) -> BatchFailure:
    return BatchFailure(source, f"{target} exists and is kept (overwrite=True replaces it, "
                        "skip_existing=True counts it as done)", kind="exists", target=target)


def _plan_failure(job: _Job, error: PlanError) -> _Result:
    summary = "; ".join(str(problem) for problem in error.problems[:5])
    more = len(error.problems) - 5
    if more > 0:
        summary += f"; and {more} more"
    return _failure(job, summary, "plan", error.problems)


def _render_chunk(chunk: _Chunk) -> list[_Result]:
    """Render a chunk's documents; every failure becomes a BatchFailure (runs in workers)."""
    renderer = chunk.handle.renderer
    results: list[_Result] = []
    documents: list[tuple[_Job, bytes]] = []
    for job in chunk.jobs:
        try:
            plan = job.plan
            if plan is None:
                assert job.payload is not None
                plan = load_plan_bytes(job.payload, job.source, limits=renderer.limits)
            data = renderer.render_bytes(plan, chunk.template, draft=chunk.draft)
        except PlanError as error:
            results.append(_plan_failure(job, error))
        except RenderError as error:
            results.append(_failure(job, f"{job.name} could not be made: {error}", "render"))
        else:
            documents.append((job, data))
    if not chunk.pdf:
        return results + [(job.index, data, None) for job, data in documents]
    if documents:
        converter = chunk.handle.converters.get()
        try:
            pdfs = converter.convert_many([data for _, data in documents], pdfa=chunk.pdfa)
        except RenderError as error:  # no LibreOffice at all: each document says so
            pdfs = [error] * len(documents)
        for (job, _), pdf in zip(documents, pdfs, strict=True):
            if isinstance(pdf, RenderError):
                results.append(_failure(job, f"{job.name} could not be made: {pdf}", "render"))
            else:
                results.append((job.index, pdf, None))
    return results


# -- where documents go --------------------------------------------------------------


class _Folder:
    """Documents written as files into a folder, atomically."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder

    def exists(self, name: str) -> bool:
        return (self.folder / name).exists()

    def target(self, name: str) -> Path:
        return self.folder / name

    def write(self, name: str, data: bytes, *, overwrite: bool) -> Path:
        target = self.folder / name
        write_atomically(target, data, overwrite=overwrite)
        return target


class _Mapping:
    """Documents stored in a mapping the caller gave, by file name."""

    def __init__(self, mapping: MutableMapping[str, bytes]) -> None:
        self.mapping = mapping

    def exists(self, name: str) -> bool:
        return name in self.mapping

    def target(self, name: str) -> str:
        return name

    def write(self, name: str, data: bytes, *, overwrite: bool) -> str:
        if not overwrite and name in self.mapping:
            raise FileExistsError(f"{name} exists; pass overwrite=True to replace it")
        self.mapping[name] = data
        return name


# -- dispatching ---------------------------------------------------------------------


#: How many jobs an executor runs at once (kept under its old name for the tests).
_parallelism = parallelism


def _chunk_size(documents: int, parallelism: int, *, pdf: bool) -> int:
    """Documents per task: one for PDF, runs of at most 16 for .docx.

    A conversion is long enough to be worth its own message; .docx documents
    go in runs small enough to keep progress moving and a stop quick, at
    least four runs a worker.
    """
    if pdf:
        return 1
    return max(1, min(_DOCX_CHUNK, documents // (4 * parallelism)))


# -- the batch -----------------------------------------------------------------------


@overload
def render_many(
    plans: Iterable[Plan | str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    template: str | None = ...,
    executor: Executor | None = ...,
    progress: Progress | None = ...,
    pdf: bool = ...,
    pdfa: bool = ...,
    overwrite: bool = ...,
    skip_existing: bool = ...,
    draft: bool = ...,
    on_failure: Callable[[BatchFailure], None] | None = ...,
    renderer: Renderer | None = ...,
) -> list[Path]: ...


@overload
def render_many(
    plans: Iterable[Plan | str | os.PathLike[str]],
    out_dir: MutableMapping[str, bytes],
    *,
    template: str | None = ...,
    executor: Executor | None = ...,
    progress: Progress | None = ...,
    pdf: bool = ...,
    pdfa: bool = ...,
    overwrite: bool = ...,
    skip_existing: bool = ...,
    draft: bool = ...,
    on_failure: Callable[[BatchFailure], None] | None = ...,
    renderer: Renderer | None = ...,
) -> list[str]: ...


def render_many(
    plans: Iterable[Plan | str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | MutableMapping[str, bytes],
    *,
    template: str | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
    pdf: bool = False,
    pdfa: bool = False,
    overwrite: bool = False,
    skip_existing: bool = False,
    draft: bool = False,
    on_failure: Callable[[BatchFailure], None] | None = None,
    renderer: Renderer | None = None,
) -> list[Path] | list[str]:
    """Render many plans, one document each, into a folder or a mapping.

    Args:
        plans: plans, or paths of plan files (read here, parsed in the workers).
        out_dir: the folder to write into (made if missing); or a mutable
            mapping — a ``dict``, or any store that takes ``name -> bytes``,
            such as an fsspec mapper onto a bucket — that receives each
            document's bytes under its file name.
        template: a template name or path for every plan; by default the
            plugins choose for each plan.
        executor: where to render; the calling thread when None. Any
            :class:`~concurrent.futures.Executor` works — a
            :class:`~concurrent.futures.ProcessPoolExecutor` (or
            :func:`worker_pool`) on this machine, ``Client.get_executor()``
            of a ``dask.distributed`` cluster: workers send documents back,
            and they are written here.
        progress: called with (done, total) after each document.
        pdf: write .pdf files (through LibreOffice) instead of .docx.
        pdfa: write PDF/A-2b, the archival form of PDF (implies ``pdf``).
        overwrite: replace documents that exist; by default they are failures.
        skip_existing: leave documents that exist as they are and count them
            as done: run a batch again with it to finish one that was stopped.
        draft: render plans whose only errors are «…» placeholders.
        on_failure: called for each plan that fails; when None, a
            :class:`BatchError` listing them is raised after the others are written.
        renderer: the renderer (its plugins and prepared templates); the
            default one when None.

    Returns:
        The paths written (for a mapping, the names), in the order of
        ``plans``; failed and skipped plans left out. File names come from
        :func:`output_names` (from each plan file's name for plan files).

    Raises:
        BatchError: when plans failed and ``on_failure`` is None.
        BatchInterrupted: on Ctrl-C (a :class:`KeyboardInterrupt`): what was
            written, what failed, how many were not done.
        ValueError: when ``overwrite`` and ``skip_existing`` are both given.
    """
    if overwrite and skip_existing:
        raise ValueError("overwrite and skip_existing exclude each other: replace the "
                         "documents that exist, or keep them")
    pdf = pdf or pdfa
    base = renderer if renderer is not None else default_renderer()
    output: _Folder | _Mapping = (
        _Mapping(out_dir) if isinstance(out_dir, MutableMapping) else _Folder(Path(out_dir)))
    items = list(plans)
    suffix = ".pdf" if pdf else ".docx"
    # One name per document, unique across plan objects and plan files alike.
    stems = [_base_name(item) if isinstance(item, Plan) else _slug(Path(item).stem)
             for item in items]
    names = unique_names(stems, suffix)
    total = len(items)
    done = 0
    written: dict[int, Path | str] = {}
    failures: list[BatchFailure] = []

    def finished(failure: BatchFailure | None = None) -> None:
        nonlocal done
        done += 1
        if failure is not None:
            failures.append(failure)
            if on_failure is not None:
                on_failure(failure)
        if progress is not None:
            progress(done, total)

    sources = [f"#{index + 1}" if isinstance(item, Plan) else str(Path(item))
               for index, item in enumerate(items)]
    converters = _Converters(base.limits.pdf_seconds)
    handle = _RendererHandle(base, converters)
    jobs: list[_Job] = []
    for index, (item, name, source) in enumerate(zip(items, names, sources, strict=True)):
        if output.exists(name) and not overwrite:
            if skip_existing:
                finished()
            else:
                finished(_exists(source, output.target(name)))
            continue
        if isinstance(item, Plan):
            jobs.append(_Job(index, source, item, None, name))
            continue
        try:
            payload = read_plan_file(item, limits=base.limits)
        except PlanError as error:
            finished(_plan_failure(_Job(index, source, None, None, name), error)[2])
            continue
        jobs.append(_Job(index, source, None, payload, name))

    def store(result: _Result) -> None:
        index, data, failure = result
        if data is None:
            finished(failure if failure is None else
                     attrs.evolve(failure, target=output.target(names[index])))
            return
        name, source = names[index], sources[index]
        try:
            written[index] = output.write(name, data, overwrite=overwrite)
        except FileExistsError:
            if skip_existing:  # made meanwhile by another run: kept, and done
                finished()
            else:
                finished(_exists(source, output.target(name)))
            return
        except (OSError, ValueError) as error:
            finished(BatchFailure(source, f"{type(error).__name__}: {error}", kind="unwritable",
                                  target=output.target(name)))
            return
        finished()

    workers = 1 if executor is None else parallelism(executor)
    size = _chunk_size(len(jobs), workers, pdf=pdf)
    chunks = [_Chunk(handle, tuple(jobs[start:start + size]), template, draft, pdf, pdfa)
              for start in range(0, len(jobs), size)]
    dispatch = Dispatch(_render_chunk, chunks, executor, window=2 * workers)
    try:
        for results in dispatch:
            for result in results:
                store(result)
    except KeyboardInterrupt:
        converters.close()
        for results in dispatch.stop(STOP_GRACE_SECONDS):
            for result in results:
                store(result)
        raise BatchInterrupted([written[index] for index in sorted(written)], failures,
                               total - done) from None
    finally:
        converters.close()
    paths = [written[index] for index in sorted(written)]
    if failures and on_failure is None:
        raise BatchError(failures, paths)
    return paths  # type: ignore[return-value]  # Path for a folder, str for a mapping


# -- a process pool that stops with the batch ------------------------------------------


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A process pool for batches, whose workers never outlive the batch.

    Its workers ignore Ctrl-C (the batch decides how to stop: see
    :func:`render_many`), end when this process ends — even by ``kill -9``
    (Linux) — and end their LibreOffice on SIGTERM. Leaving its ``with``
    block on an error or an interrupt ends the workers at once instead of
    waiting for queued work. ``phongtrao batch --jobs N`` uses it.

    Raises:
        ValueError: when ``jobs`` is less than 1.
    """
    from concurrent.futures import ProcessPoolExecutor

    if jobs < 1:
        raise ValueError(f"a worker pool needs 1 or more workers, got {jobs}")

    class _WorkerPool(ProcessPoolExecutor):
        def __exit__(self, kind: Any, error: Any, trace: Any) -> bool | None:
            if error is not None:
                _end_workers(self)
            return super().__exit__(kind, error, trace)

    return _WorkerPool(jobs, initializer=_start_worker, initargs=(os.getpid(),))


def _start_worker(parent: int) -> None:
    """In a worker of :func:`worker_pool`: ignore Ctrl-C, die with the parent, clean up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def on_term(signum: int, frame: object) -> None:
        # Its LibreOffice and their profiles, then out; nothing half-written: workers
        # write nothing. No office module (or one still being imported): no office.
        import sys

        office = sys.modules.get("phongtrao._rendering.office")
        end_all_and_exit = getattr(office, "end_all_and_exit", None)
        if end_all_and_exit is None:
            os._exit(128 + signum)
        end_all_and_exit(128 + signum)  # returns when interrupting an office's start or end

    signal.signal(signal.SIGTERM, on_term)
    if _set_parent_death_signal(signal.SIGTERM) and os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was armed


def _set_parent_death_signal(signum: int) -> bool:
    """Ask Linux to send ``signum`` when the parent dies (prctl PR_SET_PDEATHSIG)."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(1, signum, 0, 0, 0) == 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (SIGTERM: each ends its LibreOffice), then wait for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if callable(terminate):
        terminate()
        return
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        if process.is_alive():
            process.terminate()
    for process in processes.values():
        process.join(10)
