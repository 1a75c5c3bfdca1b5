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
from phongtrao._plugins import Plugins, PluginsConfig
from phongtrao._rendering import Renderer
from phongtrao.errors import BatchError, BatchFailure, PlanError, RenderError
from phongtrao.model import Plan
from phongtrao.vi import slug

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = ["BatchError", "BatchFailure", "output_names", "render_many"]

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


def output_names(plans: Sequence[Plan], suffix: str = ".docx") -> list[str]:
    """Stable, safe file names for the plans: the kind, the unit's name in ASCII, its code.

    The same plans in the same order always get the same names; names that would
    repeat get ``-2``, ``-3`` … in order. Names hold only ``a-z``, ``0-9`` and
    ``-``, whatever the unit's name.
    """
    seen: dict[str, int] = {}
    names = []
    for plan in plans:
        base = _base_name(plan)
        count = seen.get(base, 0) + 1
        seen[base] = count
        names.append(f"{base}{'' if count == 1 else f'-{count}'}{suffix}")
    return names


#: A worker process's renderers, by plugin configuration: built on the first job
#: a worker runs, used for every later one (a process cannot share the caller's).
_WORKERS: dict[PluginsConfig, Renderer] = {}


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
        return (_worker_handle, (config,))


def _worker_handle(config: PluginsConfig) -> _RendererHandle:
    renderer = _WORKERS.get(config)
    if renderer is None:
        renderer = _WORKERS[config] = Renderer(Plugins.from_config(config))
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
    try:
        plan = job.plan if job.plan is not None else load_plan(job.source)
        path = job.renderer.renderer.render(plan, job.target, job.template,
                                            overwrite=job.overwrite, draft=job.draft).path
    except PlanError as error:
        summary = "; ".join(str(problem) for problem in error.problems[:5])
        more = len(error.problems) - 5
        if more > 0:
            summary += f"; and {more} more"
        return job.index, None, BatchFailure(job.source, summary, error.problems)
    except (RenderError, OSError, ValueError) as error:
        return job.index, None, BatchFailure(job.source, f"{type(error).__name__}: {error}")
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
    objects = [item for item in items if isinstance(item, Plan)]
    object_names = iter(output_names(objects, suffix))
    jobs = []
    for index, item in enumerate(items):
        if isinstance(item, Plan):
            jobs.append(_Job(handle, index, f"#{index + 1}", item, folder / next(object_names),
                             template, overwrite, draft, pdf))
        else:
            source = Path(item)
            name = _slug(source.stem) + suffix
            jobs.append(_Job(handle, index, str(source), None, folder / name, template,
                             overwrite, draft, pdf))
    _unique_targets(jobs)
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


def _unique_targets(jobs: list[_Job]) -> None:
    """Give plan files whose names collide (a/plan.yaml, b/plan.yaml) the endings -2, -3."""
    seen: dict[Path, int] = {}
    for position, job in enumerate(jobs):
        count = seen.get(job.target, 0) + 1
        seen[job.target] = count
        if count > 1:
            target = job.target.with_name(f"{job.target.stem}-{count}{job.target.suffix}")
            jobs[position] = attrs.evolve(job, target=target)
