"""Rendering many plans at once: one renderer, any executor, progress.

Every document of a batch goes through one :class:`~phongtrao._rendering.Renderer`,
so each template is prepared once (docxtpl's XML patching, the Jinja compile and
the package's untouched parts); each document then costs its checks, its
context, the Jinja render and the writing of its own package. Work runs in any
:class:`concurrent.futures.Executor` — in the calling thread by default, in
processes for real parallelism. A worker process cannot share the caller's
renderer: it builds its own from the renderer's plugin configuration on its
first job and keeps it for the others (``_WORKERS``, the worker's one piece of
state). A plan that fails is reported with its source and the problems' paths;
the others are still written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from phongtrao._default import default_renderer
from phongtrao._files import load_plan
from phongtrao._limits import Limits
from phongtrao._plugins import Plugins, PluginsConfig
from phongtrao._problems import Problem
from phongtrao._rendering import Renderer
from phongtrao.errors import BatchError, BatchFailure, PlanError, RenderError
from phongtrao.model import Plan
from phongtrao.vi import slug

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["BatchError", "BatchFailure", "output_names", "render_many", "unique_names"]

#: Called with (documents done, documents in all) as the batch goes.
Progress = Callable[[int, int], None]


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


#: A worker process's renderers, by plugin configuration: built on the first job
#: a worker runs, used for every later one (a process cannot share the caller's).
_WORKERS: dict[tuple[PluginsConfig, Limits], Renderer] = {}


class _RendererHandle:
    """The batch's renderer as a job carries it.

    In this process it is the renderer itself; sent to another process, it is
    the renderer's plugin configuration, and the worker rebuilds it once.
    """

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def __reduce__(self) -> tuple[Any, ...]:
        config = self.renderer.plugins.config
        if not config.portable:
            Plugins.from_config(config)  # raises, saying which plugins cannot travel
        return (_worker_handle, (config, self.renderer.limits))


def _worker_handle(config: PluginsConfig, limits: Limits) -> _RendererHandle:
    renderer = _WORKERS.get((config, limits))
    if renderer is None:
        renderer = _WORKERS[config, limits] = Renderer(Plugins.from_config(config),
                                                       limits=limits)
    return _RendererHandle(renderer)


@attrs.frozen
class _Job:
    renderer: _RendererHandle
    index: int
    source: str
    plan: Plan | None  # None: load it from ``source`` in the worker
    target: Path
    template: str | None
    overwrite: bool
    draft: bool
    pdf: bool


def _render_job(job: _Job) -> tuple[int, Path | None, BatchFailure | None]:
    """Render one job; every failure becomes a BatchFailure (runs in workers)."""
    def failed(message: str, kind: str, problems: tuple[Problem, ...] = ()) -> tuple[
            int, None, BatchFailure]:
        return job.index, None, BatchFailure(job.source, message, problems, kind=kind,
                                             target=job.target)

    try:
        plan = job.plan if job.plan is not None else load_plan(job.source)
        path = job.renderer.renderer.render(plan, job.target, job.template,
                                            overwrite=job.overwrite, draft=job.draft).path
    except PlanError as error:
        summary = "; ".join(str(problem) for problem in error.problems[:5])
        more = len(error.problems) - 5
        if more > 0:
            summary += f"; and {more} more"
        return failed(summary, "plan", error.problems)
    except FileExistsError:
        return failed(f"{job.target} exists and is kept (overwrite=True replaces it)", "exists")
    except RenderError as error:
        return failed(f"RenderError: {error}", "render")
    except (OSError, ValueError) as error:
        return failed(f"{type(error).__name__}: {error}", "unwritable")
    return job.index, path, None


def render_many(
    plans: Iterable[Plan | str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    template: str | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
    pdf: bool = False,
    overwrite: bool = False,
    draft: bool = False,
    on_failure: Callable[[BatchFailure], None] | None = None,
    renderer: Renderer | None = None,
) -> list[Path]:
    """Render many plans into ``out_dir``, one file each.

    Args:
        plans: plans, or paths of plan files (loaded in the workers).
        out_dir: the folder to write into; made if missing.
        template: a template name or path for every plan; by default the
            plugins choose for each plan.
        executor: where to run the work; the calling thread when None. A
            :class:`~concurrent.futures.ProcessPoolExecutor` renders in parallel
            (each worker loads the renderer's plugins again, by their
            configuration).
        progress: called with (done, total) after each document.
        pdf: write .pdf files (through LibreOffice) instead of .docx.
        overwrite: replace files that exist; by default they are failures.
        draft: render plans whose only errors are «…» placeholders.
        on_failure: called for each plan that fails; when None, a
            :class:`BatchError` listing them is raised after the others are written.
        renderer: the renderer (its plugins and prepared templates); the
            default one when None.

    Returns:
        The paths written, in the order of ``plans`` (failed plans left out).
        File names come from :func:`output_names` (from each plan file's name
        for plan files).

    Raises:
        BatchError: when plans failed and ``on_failure`` is None.
    """
    handle = _RendererHandle(renderer if renderer is not None else default_renderer())
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".pdf" if pdf else ".docx"
    items = list(plans)
    # One name per document, unique across plan objects and plan files alike.
    stems = [_base_name(item) if isinstance(item, Plan) else _slug(Path(item).stem)
             for item in items]
    jobs = [
        _Job(handle, index, f"#{index + 1}" if isinstance(item, Plan) else str(Path(item)),
             item if isinstance(item, Plan) else None, folder / name, template, overwrite,
             draft, pdf)
        for index, (item, name) in enumerate(zip(items, unique_names(stems, suffix),
                                                 strict=True))
    ]
    results: Iterator[tuple[int, Path | None, BatchFailure | None]]
    if executor is None:
        results = map(_render_job, jobs)
    elif _is_process_pool(executor):
        # Few large messages: each worker takes a run of jobs at a time.
        chunk = max(1, min(32, len(jobs) // (4 * (os.cpu_count() or 1)) or 1))
        results = executor.map(_render_job, jobs, chunksize=chunk)
    else:
        results = executor.map(_render_job, jobs)
    written: dict[int, Path] = {}
    failures: list[BatchFailure] = []
    for done, (index, path, failure) in enumerate(results, start=1):
        if path is not None:
            written[index] = path
        if failure is not None:
            failures.append(failure)
            if on_failure is not None:
                on_failure(failure)
        if progress is not None:
            progress(done, len(jobs))
    paths = [written[index] for index in sorted(written)]
    if failures and on_failure is None:
        raise BatchError(failures, paths)
    return paths


def _is_process_pool(executor: Executor) -> bool:
    # Imported here: multiprocessing is not needed to import phongtrao.
    from concurrent.futures import ProcessPoolExecutor

    return isinstance(executor, ProcessPoolExecutor)
