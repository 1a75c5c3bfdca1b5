"""Render the Cẩm Xuyên 2021 plan to .docx and, with LibreOffice, .pdf.

Run from anywhere::

    python examples/cam-xuyen-2021/render.py [OUT] [--template NAME_OR_PATH]

OUT is the folder to write into (made if missing); by default a new temporary
folder, whose path is printed. The national template ``ke-hoach`` is used
unless ``--template`` names another (a plugin's ``ha-tinh-2021``, or a .docx).
Without LibreOffice the .pdf is skipped with a message and the exit code is 0.
Exit 1 when the plan has problems, 2 when it cannot be read, 3 when rendering
fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import phongtrao

HERE = Path(__file__).resolve().parent
PLAN = HERE / "plan.yaml"
NAME = "ke-hoach-cam-xuyen-2021"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        help="folder to write into (default: a new temporary folder)")
    parser.add_argument("--template", default="ke-hoach",
                        help="template name or .docx path (default: the national ke-hoach)")
    args = parser.parse_args(argv)
    out: Path = (args.out or Path(tempfile.mkdtemp(prefix="phongtrao-cam-xuyen-"))).resolve()
    out.mkdir(parents=True, exist_ok=True)
    print(f"writing to {out}")

    try:
        plan = phongtrao.load_plan(PLAN)
    except phongtrao.PlanError as error:
        print(error, file=sys.stderr)
        return 2
    renderer = phongtrao.Renderer()  # the installed plugins, as PHONGTRAO_PLUGINS says
    try:
        docx = renderer.render(plan, out / f"{NAME}.docx", args.template, overwrite=True)
        print(f"wrote {docx.path} (template {args.template})")
        soffice = phongtrao.find_soffice()
        if soffice is None:
            print("LibreOffice (soffice) was not found, so no .pdf was written; install it "
                  "(Debian: apt-get install libreoffice-writer-nogui) or set PHONGTRAO_SOFFICE")
            return 0
        pdf = renderer.render(plan, out / f"{NAME}.pdf", args.template, overwrite=True)
        print(f"wrote {pdf.path} (LibreOffice: {soffice})")
    except phongtrao.PlanError as error:
        print(error, file=sys.stderr)
        return 1
    except phongtrao.RenderError as error:
        print(f"rendering failed: {error}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
