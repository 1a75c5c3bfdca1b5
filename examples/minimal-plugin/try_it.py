"""Install the minimal plugin into a folder and watch phongtrao pick it up.

Run from anywhere::

    python examples/minimal-plugin/try_it.py [OUT]

OUT is the folder to write into; by default a new temporary folder, printed.
The script installs this folder with pip into OUT/site (``pip install --target``,
so your environment is left as it was), then runs the ``phongtrao`` command with
OUT/site on ``PYTHONPATH``:

1. ``phongtrao plugins`` lists ``minimal`` with its check and its template;
2. ``phongtrao validate`` on the Cẩm Xuyên plan without its funding shows the
   plugin's warning ``minimal-funding`` (a warning: the exit code stays 0);
3. ``phongtrao render --template minimal`` renders the plan with its template.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

import phongtrao

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "cam-xuyen-2021" / "plan.yaml"


def run(command: list[str], env: dict[str, str]) -> int:
    print("$ phongtrao", " ".join(command))
    result = subprocess.run([sys.executable, "-m", "phongtrao", *command], env=env, check=False)
    return result.returncode


def main(argv: list[str]) -> int:
    given = Path(argv[1]) if len(argv) > 1 else None
    out = (given or Path(tempfile.mkdtemp(prefix="phongtrao-minimal-"))).resolve()
    out.mkdir(parents=True, exist_ok=True)
    print(f"writing to {out}")
    site = out / "site"

    install = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "--no-deps", "--upgrade",
               "--target", str(site), str(HERE)]
    if importlib.util.find_spec("hatchling") is not None:
        install.insert(4, "--no-build-isolation")  # build with the installed hatchling, offline
    print("$", " ".join(install[2:]))
    if subprocess.run(install, check=False).returncode != 0:
        print("pip could not install the plugin", file=sys.stderr)
        return 2

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(site), *filter(None, [os.environ.get("PYTHONPATH")])]))
    env.pop("PHONGTRAO_PLUGINS", None)  # every installed plugin, this one included

    plan = phongtrao.load_plan(SEED)
    unfunded = phongtrao.dump_plan(attrs.evolve(plan, funding=()), out / "no-funding.yaml")

    steps = [
        ["plugins"],
        ["validate", str(unfunded)],
        ["render", str(SEED), "--template", "minimal", "-o",
         str(out / "ke-hoach-minimal.docx"), "--force"],
    ]
    for step in steps:
        code = run(step, env)
        if code != 0:
            print(f"phongtrao {step[0]} exited with {code}", file=sys.stderr)
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
