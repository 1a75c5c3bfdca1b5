"""Benchmark phongtrao's rendering against the plain docxtpl loop a user would write.

    python benchmarks/bench_batch.py [-n 300] [--memory-plans 3321]

Measured in one run, on the same template and the same contexts:

- the plain loop: a new ``DocxTemplate`` per document, ``render(context,
  autoescape=True)``, ``save`` — with the contexts computed beforehand, outside
  the timing (so the loop is given an advantage);
- ``phongtrao.render_many`` on one worker (checks, outline, context, render and
  write, all timed) and on two worker processes (pool start included);
- a single plan: load the file, check, render .docx, with nothing prepared,
  against one plain docxtpl render of the same document;
- the peak memory of rendering every commune plan in the country (3,321) with
  ``render_many`` on two workers, in a child process;
- the time of ``import phongtrao`` and of ``phongtrao --help`` (bytecode cached).

Both outputs are read back with python-docx and their text compared. The last
lines are machine-readable, one ``name=value`` a line.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ["PHONGTRAO_PLUGINS"] = "none"  # the national template, whatever is installed

import attrs
import docx
from docxtpl import DocxTemplate

import phongtrao
from phongtrao import (
    Plugins,
    Renderer,
    builtin_template,
    commune_plans,
    official_provinces,
    render_many,
    starter_plan,
    template_context,
)
from phongtrao.model import Level, PartialDate, Plan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"


def nationwide_plans(limit: int | None = None) -> list[Plan]:
    """Commune plans of every province after the reform, province by province."""
    plans: list[Plan] = []
    for province in official_provinces():
        parent = starter_plan(Level.TINH, province.full_name, 2025)
        unit = attrs.evolve(province)
        parent = attrs.evolve(
            parent,
            issuer=attrs.evolve(parent.issuer, unit=unit),
            document=attrs.evolve(parent.document, date=PartialDate(year=2025, month=8)),
        )
        plans.extend(commune_plans(parent))
        if limit is not None and len(plans) >= limit:
            return plans[:limit]
    return plans


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(lines)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def plain_loop(template: Path, contexts: list[dict[str, object]], out: Path) -> list[float]:
    """What a user would write: a new DocxTemplate per document."""
    latencies = []
    for index, context in enumerate(contexts):
        start = time.perf_counter()
        document = DocxTemplate(str(template))
        document.render(context, autoescape=True)
        document.save(str(out / f"{index:05d}.docx"))
        latencies.append(time.perf_counter() - start)
    return latencies


def phongtrao_batch(plans: list[Plan], out: Path, workers: int) -> tuple[list[Path], list[float]]:
    stamps = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        stamps.append(time.perf_counter())

    if workers == 1:
        paths = render_many(plans, out, draft=True, progress=progress)
    else:
        with ProcessPoolExecutor(workers) as pool:
            paths = render_many(plans, out, draft=True, progress=progress, executor=pool)
    latencies = [b - a for a, b in itertools.pairwise(stamps)]
    return paths, latencies


def single_plan(template: Path, repeats: int, folder: Path) -> tuple[float, float]:
    """Median seconds of one plan from its file to .docx, each time from nothing prepared."""
    plan = phongtrao.load_plan(EXAMPLE)
    context = template_context(plan)
    plugins = Plugins(False)
    ours, plain = [], []
    for _ in range(repeats):
        def one() -> None:
            # A new renderer: nothing prepared, the cost of a single plan.
            loaded = phongtrao.load_plan(EXAMPLE)
            Renderer(plugins).render(loaded, folder / "ours.docx", overwrite=True)
        ours.append(timed(one))
        def baseline() -> None:
            document = DocxTemplate(str(template))
            document.render(context, autoescape=True)
            document.save(str(folder / "plain.docx"))
        plain.append(timed(baseline))
    return statistics.median(ours), statistics.median(plain)


_MEMORY_CHILD = """
import os, resource, sys, tempfile
os.environ["PHONGTRAO_PLUGINS"] = "none"
sys.path.insert(0, {bench!r})
from concurrent.futures import ProcessPoolExecutor
from bench_batch import nationwide_plans
from phongtrao import render_many
plans = nationwide_plans({limit})
with tempfile.TemporaryDirectory() as out, ProcessPoolExecutor(2) as pool:
    written = render_many(plans, out, draft=True, executor=pool)
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(len(written), max(own, children) / 1024)
"""


def peak_memory(limit: int) -> tuple[int, float]:
    """Documents written and the peak RSS (MB) of any process while rendering them."""
    code = _MEMORY_CHILD.format(bench=str(Path(__file__).parent), limit=limit)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=_bytecode_env())
    written, megabytes = result.stdout.split()
    return int(written), float(megabytes)


def _bytecode_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as users run: bytecode cached
    return env


def startup_times(repeats: int = 5) -> tuple[float, float]:
    """Median seconds of ``import phongtrao`` (in-process) and of ``phongtrao --help``."""
    env = _bytecode_env()
    probe = "import time; t = time.perf_counter(); import phongtrao; print(time.perf_counter() - t)"
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True)
    imports = [float(subprocess.run([sys.executable, "-c", probe], env=env, check=True,
                                    capture_output=True, text=True).stdout)
               for _ in range(repeats)]
    script = Path(sys.executable).with_name("phongtrao")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "phongtrao"]
    subprocess.run([*command, "--help"], env=env, check=True, capture_output=True)
    helps = [timed(lambda: subprocess.run([*command, "--help"], env=env, check=True,
                                          capture_output=True)) for _ in range(repeats)]
    return statistics.median(imports), statistics.median(helps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="documents per run (default 300)")
    parser.add_argument("--memory-plans", type=int, default=3321,
                        help="commune plans for the peak-memory run (default: all 3,321)")
    args = parser.parse_args()

    plans = nationwide_plans(args.n)
    with builtin_template_path() as template:
        contexts = [template_context(plan) for plan in plans]
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            for name in ("plain", "one", "two", "single"):
                (work / name).mkdir()
            print(f"{len(plans)} commune plans, template {template.name}")
            plain_latencies = plain_loop(template, contexts, work / "plain")
            plain_total = sum(plain_latencies)
            start = time.perf_counter()
            ours, one_latencies = phongtrao_batch(plans, work / "one", 1)
            one_total = time.perf_counter() - start
            two_total = timed(lambda: phongtrao_batch(plans, work / "two", 2))
            theirs = sorted((work / "plain").iterdir())  # named by index: plan order
            identical = len(ours) == len(theirs) == len(plans) and all(
                text_of(a) == text_of(b) for a, b in zip(ours, theirs, strict=True))
            single_ours, single_plain = single_plan(template, 15, work / "single")
    written, peak = peak_memory(args.memory_plans)
    import_s, help_s = startup_times()

    throughput_ratio = plain_total / one_total
    speedup = one_total / two_total
    print(f"plain docxtpl loop : {len(plans) / plain_total:7.1f} docs/s, median "
          f"{statistics.median(plain_latencies) * 1000:6.1f} ms/doc")
    print(f"render_many, 1 worker : {len(plans) / one_total:7.1f} docs/s, median "
          f"{statistics.median(one_latencies) * 1000:6.1f} ms/doc")
    print(f"render_many, 2 workers: {len(plans) / two_total:7.1f} docs/s")
    print(f"single plan (load, check, render): {single_ours * 1000:.1f} ms; plain docxtpl "
          f"render of it: {single_plain * 1000:.1f} ms")
    print(f"{written} commune plans rendered on 2 workers, peak RSS {peak:.0f} MB")
    print(f"throughput_ratio={throughput_ratio:.2f}")
    print(f"two_worker_speedup={speedup:.2f}")
    print(f"single_ratio={single_ours / single_plain:.2f}")
    print(f"peak_rss_mb={peak:.0f}")
    print(f"import_s={import_s:.3f}")
    print(f"help_s={help_s:.3f}")
    print(f"identical_text={'true' if identical else 'false'}")
    return 0


class builtin_template_path:  # noqa: N801 - used as a context manager, like as_file
    """The built-in template as a real file."""

    def __enter__(self) -> Path:
        from importlib.resources import as_file

        self._context = as_file(builtin_template("ke-hoach"))
        return Path(self._context.__enter__())

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(None, None, None)


if __name__ == "__main__":
    sys.exit(main())
