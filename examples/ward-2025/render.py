"""Check and render the 25-year plan of phường Thuận Hóa (2025, after the reform).

Run from anywhere::

    python examples/ward-2025/render.py [OUT] [--template NAME_OR_PATH] [--pdf]

OUT is the folder to write into; by default a new temporary folder, printed.
Without ``--template`` the plugins choose: the ``hue`` plugin (plugins/phongtrao-hue)
chooses its ``hue-2025`` for a plan of a ward of Huế after 2025-06-30, otherwise
the national ``ke-hoach`` is used. ``--pdf`` also writes a .pdf when LibreOffice
is found (without it, a message and exit 0). Exit 1 when the plan has errors,
2 when it cannot be read, 3 when rendering fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import phongtrao

HERE = Path(__file__).resolve().parent
PLAN = HERE / "plan.yaml"
NAME = "ke-hoach-thuan-hoa-2025"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        help="folder to write into (default: a new temporary folder)")
    parser.add_argument("--template", help="template name or .docx path (default: the "
                        "plugins' choice)")
    parser.add_argument("--pdf", action="store_true", help="also write a .pdf (LibreOffice)")
    args = parser.parse_args(argv)
    out: Path = (args.out or Path(tempfile.mkdtemp(prefix="phongtrao-ward-2025-"))).resolve()
    out.mkdir(parents=True, exist_ok=True)
    print(f"writing to {out}")

    try:
        plan = phongtrao.load_plan(PLAN)
    except phongtrao.PlanError as error:
        print(error, file=sys.stderr)
        return 2
    renderer = phongtrao.Renderer()  # plugins as PHONGTRAO_PLUGINS says; all by default
    plugins = renderer.plugins
    unit = plan.issuer.unit
    assert unit is not None
    print(f"{plan.issuer.name} {unit.full_name} (code {unit.code}, level {unit.level.value}), "
          f"{plan.document.number}, {plan.document.date}; plugins: {', '.join(plugins.names())}")
    problems = renderer.check(plan)
    for problem in problems:
        print(f"{PLAN.name}: {problem}")
    if any(problem.severity is phongtrao.Severity.ERROR for problem in problems):
        return 1
    print(f"checks: {len(problems)} problems")

    template = args.template or renderer.template_name(plan)
    try:
        docx = renderer.render(plan, out / f"{NAME}.docx", template, overwrite=True)
        print(f"wrote {docx.path} (template {template})")
        if args.pdf:
            if phongtrao.find_soffice() is None:
                print("LibreOffice (soffice) was not found, so no .pdf was written")
                return 0
            pdf = renderer.render(plan, out / f"{NAME}.pdf", template, overwrite=True)
            print(f"wrote {pdf.path}")
    except phongtrao.RenderError as error:
        print(f"rendering failed: {error}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
