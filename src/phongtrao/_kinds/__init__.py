"""The kinds of document a conference's file holds, each one place that plugs into the frame.

Each module here is one kind: whether the plan asks for it (``wanted``), what
it still needs (``missing``: a line each, empty when it can be made), and its
:class:`~phongtrao._kinds.paper.Paper` (``paper``) — the shared frame of
Nghị định 30/2020 with the kind's own body. :data:`KINDS` lists them in the
order a file is read; :func:`kind` finds one by name.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

import attrs

from phongtrao._kinds import (
    decision,
    enactment,
    invitation,
    letter,
    outline,
    plan,
    programme,
    proposal,
    report,
)
from phongtrao._kinds.paper import CONTEXT_VERSION, Paper, paper_context
from phongtrao.model import DocumentKind, Plan

__all__ = ["CONTEXT_VERSION", "KINDS", "Kind", "Paper", "kind", "paper_context"]


@attrs.frozen(kw_only=True)
class Kind:
    """Một loại văn bản — one kind of the conference's documents.

    Attributes:
        key: tên — how users name it ("giay-moi"), and its built-in template's name.
        document: loại văn bản — the kind its number's symbol comes from.
        name: tên gọi — in Vietnamese, for messages ("Giấy mời").
        wanted: whether a plan asks for it.
        missing: what a plan still lacks to make it, a line each.
        paper: the document, worded.
    """

    key: str
    document: DocumentKind
    name: str
    wanted: Callable[[Plan], bool]
    missing: Callable[[Plan], tuple[str, ...]]
    paper: Callable[[Plan], Paper]


#: The kinds, in the order a conference's file holds them.
KINDS: tuple[Kind, ...] = (
    Kind(key=plan.KEY, document=DocumentKind.KH, name="Kế hoạch", wanted=plan.wanted,
         missing=plan.missing, paper=plan.plan_paper),
    Kind(key=outline.KEY, document=DocumentKind.HD, name="Đề cương báo cáo",
         wanted=outline.wanted, missing=outline.missing, paper=outline.paper),
    Kind(key=invitation.KEY, document=DocumentKind.GM, name="Giấy mời",
         wanted=invitation.wanted, missing=invitation.missing, paper=invitation.paper),
    Kind(key=programme.KEY, document=DocumentKind.CTR, name="Chương trình hội nghị",
         wanted=programme.wanted, missing=programme.missing, paper=programme.paper),
    Kind(key=proposal.KEY, document=DocumentKind.TTR, name="Tờ trình đề nghị khen thưởng",
         wanted=proposal.wanted, missing=proposal.missing, paper=proposal.paper),
    Kind(key=decision.KEY, document=DocumentKind.QD, name="Quyết định khen thưởng",
         wanted=decision.wanted, missing=decision.missing, paper=decision.paper),
    Kind(key=report.KEY, document=DocumentKind.BC, name="Báo cáo tổng kết",
         wanted=report.wanted, missing=report.missing, paper=report.paper),
    Kind(key=letter.KEY, document=DocumentKind.CV, name="Công văn", wanted=letter.wanted,
         missing=letter.missing, paper=letter.paper),
    Kind(key=enactment.KEY, document=DocumentKind.QD, name="Quyết định ban hành Kế hoạch",
         wanted=enactment.wanted, missing=enactment.missing, paper=enactment.paper),
)
_BY_KEY = {item.key: item for item in KINDS}


def kind(key: str) -> Kind:
    """The kind named ``key``.

    Raises:
        KeyError: for a name that is none of them, with the closest and the list.
    """
    if key in _BY_KEY:
        return _BY_KEY[key]
    close = difflib.get_close_matches(key, list(_BY_KEY), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise KeyError(f"no kind of document {key!r}{hint}; expected one of {', '.join(_BY_KEY)}")
