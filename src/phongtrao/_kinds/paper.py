"""A document of any kind, ready to print: the shared frame and its kind's body.

Every administrative document has the frame of Nghị định 30/2020 — the
issuing body and its number, the Quốc hiệu and the date line, the tên loại
and trích yếu, the signature and Nơi nhận — and a body of its own. A
:class:`Paper` holds both, already worded; :func:`paper_context` turns it into
the names every template sees (docs/templates.md). A kind of document is a
function from a plan to a Paper (:mod:`phongtrao._kinds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from phongtrao._outline import Block, phrases
from phongtrao._outline.frame import AnnexBlock, SignatureBlock, end_marked, header_for
from phongtrao.model import Agency, DocumentKind, DocumentNumber, PartialDate, Plan

__all__ = ["CONTEXT_VERSION", "Paper", "addressee_lines", "paper_context"]

#: The version of the context contract; templates may test it.
CONTEXT_VERSION = 1


@attrs.frozen(kw_only=True)
class Paper:
    """Một văn bản — a document's frame and body, worded and numbered.

    Attributes:
        key: loại — the document's kind by name ("ke-hoach", "giay-moi" …).
        kind: loại văn bản — its kind, which gives the symbol and the tên loại.
        issuer: cơ quan ban hành — the issuing body; parent: the body above it.
        number: số, ký hiệu; date: ngày ban hành; place: địa danh of the date line.
        kind_title: tên loại — "GIẤY MỜI"; empty for a công văn.
        title: trích yếu — under the tên loại; for a công văn, what "V/v" says.
        addressees: kính gửi — the lines after "Kính gửi:"; empty when there is none.
        authority: thẩm quyền — the line above a decision's bases
            ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN"), or None.
        bases: căn cứ — one line each, the last ending ".".
        introduction: lời dẫn — the sentence after the bases, or None.
        body: nội dung — the numbered paragraphs.
        closing: đoạn kết — the closing paragraph, or None.
        signature: chữ ký — the signature block.
        recipients: nơi nhận — the recipients, the archive line last.
        annexes: phụ lục — what is attached after the signature.
        frame: whether the document prints its frame; False for an annex printed
            on its own (a Phụ lục has neither header nor signature).
        enacted_by: ban hành kèm theo — for a document a quyết định issues, the
            line under its title ("(Ban hành kèm theo Quyết định số …)"); it then
            prints no number, date line or Nơi nhận of its own.
    """

    key: str
    kind: DocumentKind
    issuer: Agency
    parent: Agency | None
    number: DocumentNumber
    date: PartialDate
    place: str
    kind_title: str
    title: str
    addressees: tuple[str, ...] = ()
    authority: str | None = None
    bases: tuple[str, ...] = ()
    introduction: str | None = None
    body: tuple[Block, ...] = ()
    closing: str | None = None
    signature: SignatureBlock
    recipients: tuple[str, ...] = ()
    annexes: tuple[AnnexBlock, ...] = ()
    frame: bool = True
    enacted_by: str | None = None


def addressee_lines(addressees: Sequence[str]) -> tuple[str, ...]:
    """The lines after "Kính gửi:": one name alone, or "- …;" each, the last ending "."."""
    names = [name.strip().rstrip(";.") for name in addressees if name.strip()]
    if len(names) <= 1:
        return tuple(f"{name}." for name in names)
    return tuple(f"- {name}{'.' if index == len(names) - 1 else ';'}"
                 for index, name in enumerate(names))


def paper_context(paper: Paper, plan: Plan) -> dict[str, Any]:
    """The names a template sees for ``paper`` (``plan`` is the plan it comes from)."""
    body, closing = end_marked(paper.body, paper.closing) if paper.frame else (paper.body, None)
    about = paper.title if paper.kind is DocumentKind.CV else None
    header = header_for(paper.issuer, paper.parent, paper.number, paper.date, paper.place, about)
    if paper.enacted_by is not None:  # its number and day are the quyết định's
        header = attrs.evolve(header, number_line="", date_line="")
    return {
        "context_version": CONTEXT_VERSION,
        "plan": plan,
        "document": paper.key,
        "header": header,
        "kind_title": paper.kind_title,
        "title": "" if about is not None else paper.title,
        "enacted_by": paper.enacted_by,
        "addressees": addressee_lines(paper.addressees),
        "authority": paper.authority,
        "bases": paper.bases,
        "introduction": paper.introduction,
        "body": body,
        "closing": closing,
        "recipients_title": "Nơi nhận:" if paper.recipients else "",
        "recipients": phrases.recipient_lines(paper.recipients),
        "signature": paper.signature,
        "annexes": paper.annexes,
    }
