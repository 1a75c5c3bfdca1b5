"""The conference's document set (hồ sơ hội nghị): its names, and what writing it gives.

Every document of the set is worded from the same plan, so the facts two of
them print agree by construction (:mod:`phongtrao._kinds.common`). Writing
the set keeps the promise of a single render: every document is made in
memory first, and the files are written only when all of them could be made,
under names that do not depend on which documents the plan asks for
(``01-ke-hoach.docx`` … ``09-quyet-dinh-ban-hanh.docx``), each written atomically. A
document whose facts are missing is left out with what it needs, unless a
draft is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from phongtrao._kinds import KINDS, kind
from phongtrao._problems import Problem
from phongtrao.model import Plan

__all__ = ["DOCUMENTS", "MissingDocument", "Package", "chosen", "package_name"]

#: The kinds of document of a conference's set, in the order the set holds them.
DOCUMENTS: tuple[str, ...] = tuple(item.key for item in KINDS)


def package_name(document: str) -> str:
    """The file name of ``document`` in a set, without its suffix: ``03-giay-moi``.

    Raises:
        KeyError: for a name that is no kind of document.
    """
    kind(document)
    return f"{DOCUMENTS.index(document) + 1:02d}-{document}"


@attrs.frozen
class MissingDocument:
    """A document of the set that was not written, and what it still needs.

    Attributes:
        document: its kind by name ("giay-moi").
        name: its kind in Vietnamese ("Giấy mời").
        needs: what the plan lacks to make it, one line each.
    """

    document: str
    name: str
    needs: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.name} ({self.document}) left out: it needs {'; '.join(self.needs)}"


@attrs.frozen
class Package:
    """What :func:`phongtrao.render_package` wrote.

    Attributes:
        folder: the folder written into.
        written: the files written, in the order of :data:`DOCUMENTS`.
        left_out: the documents the plan asks for but lacks facts to make.
        warnings: the plan's warnings, for the caller to show.
    """

    folder: Path
    written: tuple[Path, ...]
    left_out: tuple[MissingDocument, ...] = ()
    warnings: tuple[Problem, ...] = ()


def chosen(plan: Plan, documents: Iterable[str] | None) -> list[str]:
    """The kinds to write, in the set's order: ``documents``, or those the plan asks for.

    Raises:
        KeyError: for a name in ``documents`` that is no kind of document.
    """
    if documents is None:
        return [item.key for item in KINDS if item.wanted(plan)]
    asked = list(dict.fromkeys(documents))
    for name in asked:
        kind(name)
    return [key for key in DOCUMENTS if key in asked]
