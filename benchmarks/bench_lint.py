"""Benchmark ``phongtrao.lint`` over the documents the examples render.

    python benchmarks/bench_lint.py [--rounds 5]

The documents are rendered once, before any timing, as the examples render
them: the Cẩm Xuyên 2021 plan with each template (``ke-hoach``,
``ha-tinh-2021``, ``hue-2025``; five pages each, as LibreOffice lays them
out), the ward-2025 plan, the tutorial's plan, and the 21 commune drafts of
the Cẩm Xuyên cascade (with the province plugins installed; without them, the
national template only). Then every document is linted from its bytes (reading
the package, resolving the formatting, locating the parts, running all
rules), ``--rounds`` times over, in one run; each lint is timed on its own.
A 5-page document's figure is the median over the seed's three renders.

The last lines are machine-readable, one ``name=value`` a line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import phongtrao
from phongtrao import Plugins, Renderer
from phongtrao.model import Level

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"
WARD = ROOT / "examples" / "ward-2025" / "plan.yaml"
TUTORIAL = ROOT / "docs" / "tutorial" / "ke-hoach.yaml"
SEED_TEMPLATES = ("ke-hoach", "ha-tinh-2021", "hue-2025")


def documents(renderer: Renderer) -> dict[str, bytes]:
    """The example outputs, by name, rendered now (not timed)."""
    seed = phongtrao.load_plan(SEED)
    found = {f"seed-{template}": renderer.render_bytes(seed, template)
             for template in SEED_TEMPLATES if template in renderer.templates()}
    found["ward-2025"] = renderer.render_bytes(phongtrao.load_plan(WARD))
    found["tutorial"] = renderer.render_bytes(phongtrao.load_plan(TUTORIAL), draft=True)
    units = [unit for unit in renderer.plugins.catalog().units
             if unit.level is Level.XA and unit.valid_until is not None]
    for unit in units[:21]:
        plan = phongtrao.commune_plan(seed, unit)
        found[f"commune-{unit.code}"] = renderer.render_bytes(plan, draft=True)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each document is linted")
    args = parser.parse_args(argv)
    # The province plugins when installed (their templates and catalog), whatever
    # PHONGTRAO_PLUGINS says; without them, the national template alone.
    renderer = Renderer(Plugins(["ha-tinh", "hue"]))
    docs = documents(renderer)
    plugins = renderer.plugins
    phongtrao.lint(docs["seed-ke-hoach"], plugins=plugins)  # imports and first calls, untimed

    times: dict[str, list[float]] = {name: [] for name in docs}
    errors = 0
    start = time.perf_counter()
    for _ in range(args.rounds):
        for name, data in docs.items():
            began = time.perf_counter()
            findings = phongtrao.lint(data, plugins=plugins)
            times[name].append(time.perf_counter() - began)
            errors += sum(1 for finding in findings if finding.is_error)
    total = time.perf_counter() - start

    count = len(docs) * args.rounds
    every = [seconds for spans in times.values() for seconds in spans]
    five_pages = statistics.median(
        seconds for name in times if name.startswith("seed-") for seconds in times[name])
    kilobytes = sum(len(data) for data in docs.values()) / len(docs) / 1024
    print(f"{len(docs)} example outputs ({kilobytes:.0f} KB on average), {args.rounds} rounds, "
          f"plugins: {', '.join(plugins.names())}, {len(plugins.lint_rules())} rules")
    print(f"lint: {count / total:.1f} docs/s; median {statistics.median(every) * 1000:.1f} ms, "
          f"slowest {max(every) * 1000:.1f} ms; a 5-page plan {five_pages * 1000:.1f} ms")
    print(f"docs_per_s={count / total:.1f}")
    print(f"ms_per_5_page_doc={five_pages * 1000:.1f}")
    print(f"ms_median={statistics.median(every) * 1000:.1f}")
    print(f"ms_max={max(every) * 1000:.1f}")
    print(f"error_findings={errors}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
