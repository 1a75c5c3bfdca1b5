"""Work in chunks on any executor: a bounded number ahead, results as each chunk finishes.

The mechanism behind :func:`phongtrao.render_many` and
:func:`phongtrao.read_results`: chunks of jobs go to any
:class:`concurrent.futures.Executor` (or run in the calling thread), at most
``window`` of them in flight, so that progress is reported as they finish
and a stop does not wait on a queue. The work function must be importable
by name (a worker process or a dask worker calls it).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["Dispatch", "parallelism"]

_C = TypeVar("_C")
_R = TypeVar("_R")


def parallelism(executor: Executor) -> int:
    """How many jobs the executor runs at once, as far as it tells (duck-typed).

    The standard pools say ``_max_workers``; a ``dask.distributed`` executor
    has its client, whose workers' threads add up; otherwise the CPU count.
    """
    for name in ("max_workers", "_max_workers"):
        value = getattr(executor, name, None)
        if isinstance(value, int) and value > 0:
            return value
    client = getattr(executor, "_client", None)
    threads = getattr(client, "nthreads", None)
    if callable(threads):
        try:
            total = sum(int(count) for count in threads().values())
        except Exception:  # noqa: BLE001 - only a hint: fall back to the CPU count
            total = 0
        if total > 0:
            return total
    return os.cpu_count() or 1


class Dispatch(Generic[_C, _R]):
    """Chunks submitted a bounded number ahead, results as each chunk finishes."""

    def __init__(self, work: Callable[[_C], _R], chunks: Iterable[_C],
                 executor: Executor | None, window: int) -> None:
        self._work = work
        self._chunks = iter(chunks)
        self._executor = executor
        self._window = window
        self.pending: set[Future[_R]] = set()

    def __iter__(self) -> Iterator[_R]:
        if self._executor is None:
            for chunk in self._chunks:
                yield self._work(chunk)
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        self._fill()
        while self.pending:
            done, self.pending = wait(self.pending, return_when=FIRST_COMPLETED)
            self._fill()
            for future in done:
                yield future.result()

    def _fill(self) -> None:
        assert self._executor is not None
        while len(self.pending) < self._window:
            chunk = next(self._chunks, None)
            if chunk is None:
                return
            self.pending.add(self._executor.submit(self._work, chunk))

    def stop(self, grace: float) -> list[_R]:
        """Start nothing more; the results of chunks that finish within ``grace`` seconds."""
        self._chunks = iter(())
        for future in self.pending:
            future.cancel()
        deadline = time.monotonic() + grace
        finished = []
        for future in self.pending:
            if future.cancelled():
                continue
            try:
                finished.append(future.result(timeout=max(0.0, deadline - time.monotonic())))
            except Exception:  # noqa: BLE001 - unfinished or broken: not done
                continue
        self.pending = set()
        return finished
