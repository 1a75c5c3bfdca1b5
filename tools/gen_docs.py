"""Write the documentation's generated parts (docs/_generated/) from the code.

``python tools/gen_docs.py`` writes the parts that changed;
``python tools/gen_docs.py --check`` exits 1 naming the stale parts and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen  # the path above makes tools/ importable

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "_generated"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, check) the generated parts; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which parts are stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = docgen.stale(FOLDER)
        for name in stale:
            print(f"docs/_generated/{name} is stale; run python tools/gen_docs.py")
        return 1 if stale else 0
    for name in docgen.write(FOLDER):
        print(f"wrote docs/_generated/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
