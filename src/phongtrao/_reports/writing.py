"""Writing several files as one: all of them, or none.

Forms for every lower unit and the aggregate's summary, charts and results
file are each a set of files that belong together. They are made in memory
first; then, unless ``overwrite``, nothing is written when any of them
exists; each is written atomically; and a failure half way removes the new
files this call wrote, so a folder never holds half of a set.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from phongtrao._files import write_atomically

__all__ = ["write_all"]


def write_all(files: Mapping[Path, bytes], *, overwrite: bool) -> list[Path]:
    """Write each file atomically, in order; all or none.

    Raises:
        FileExistsError: when a file exists and ``overwrite`` is false; its
            ``filename`` is the first such file, and nothing is written.
        OSError: when a file cannot be written; the files this call had
            newly made are removed again.
    """
    if not overwrite:
        existing = [path for path in files if path.exists()]
        if existing:
            more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
            error = FileExistsError(f"{existing[0]} exists{more}; pass overwrite=True to "
                                    "replace it")
            error.filename = str(existing[0])
            raise error
    made: list[Path] = []
    try:
        for path, data in files.items():
            new = not path.exists()
            write_atomically(path, data, overwrite=overwrite)
            if new:
                made.append(path)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return list(files)
