"""Sentences made from structured fields, in standard administrative phrasing.

Each function takes model values and returns Vietnamese text. The wording is
the one plans use: "từ tháng 02/2021 đến tháng 4/2021", "Dự kiến tổ chức vào
tháng 6/2021", "Giao … chủ trì, phối hợp với … xét, lựa chọn …", "Đề nghị …".
"""

from __future__ import annotations

from collections.abc import Sequence

from phongtrao import vi
from phongtrao.model import (
    AwardGrant,
    Awards,
    FundingSource,
    LegalBasis,
    Milestone,
    PartialDate,
    RecipientKind,
    Responsibility,
    Window,
)

__all__ = [
    "award_assignment",
    "basis_sentence",
    "capitalize",
    "closing_with_end_mark",
    "date_phrase",
    "funding_sentence",
    "grant_sentence",
    "join_list",
    "milestone_sentence",
    "recipient_lines",
    "responsibility_heading",
    "window_phrase",
]

END_MARK = "./."


def capitalize(text: str) -> str:
    """Upper-case the first letter only ("dự kiến" -> "Dự kiến")."""
    return text[:1].upper() + text[1:]


def join_list(items: Sequence[str], last: str = " và ") -> str:
    """Join "a, b và c"; with ``last=", "`` a plain comma list."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def date_phrase(date: PartialDate) -> str:
    """A partial date as a phrase: "ngày 05/01/2021", "tháng 6/2021", "quý II/2021", "năm 2021"."""
    return date.vi


def window_phrase(window: Window) -> str:
    """"từ tháng 02/2021 đến tháng 4/2021"; a single time "vào tháng 6/2021" ("trong năm 2021")."""
    return window.vi


def milestone_sentence(milestone: Milestone) -> str:
    """The sentence after the milestone's title: "Dự kiến tổ chức vào tháng 6/2021."."""
    action = f"{milestone.modality.vi} {window_phrase(milestone.window)}"
    # The note is the user's text and stays as written; only our own words are capitalised.
    text = f"{milestone.note} {action}" if milestone.note else capitalize(action)
    return _sentence(text)


def _sentence(text: str) -> str:
    """End a sentence with a full stop unless it already ends in punctuation."""
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "!", "?", ":", "…")) else stripped + "."


def basis_sentence(basis: LegalBasis) -> str:
    """"Căn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2021 của UBND tỉnh về …" (no end punctuation)."""
    parts = [f"Căn cứ {basis.kind.vi}"]
    if basis.title:
        parts.append(basis.title)
    if basis.number is not None:
        number = basis.number
        parts.append(f"số {vi.document_number(number.number, number.symbol, number.year)}"
                     if number.number is not None else f"số {number}")
    if basis.date is not None:
        parts.append(f"ngày {vi.short_date(basis.date)}")
    if basis.issuer:
        parts.append(f"của {basis.issuer}")
    if basis.subject:
        parts.append(f"về {basis.subject}")
    return " ".join(parts)


def basis_lines(bases: Sequence[LegalBasis]) -> tuple[str, ...]:
    """Each basis on its line, ";" at line end and "." after the last (Nghị định 30)."""
    sentences = [basis_sentence(basis).rstrip(" ;.") for basis in bases]
    return tuple(
        sentence + ("." if index == len(sentences) - 1 else ";")
        for index, sentence in enumerate(sentences)
    )


def _recipients_phrase(kinds: Sequence[RecipientKind]) -> str:
    return ", ".join(kind.vi for kind in kinds)


def award_assignment(awards: Awards) -> str:
    """"Giao <lead> chủ trì, phối hợp với <…> xét, lựa chọn các <recipients> <criteria>."."""
    text = f"Giao {awards.lead} chủ trì"
    if awards.coordinators:
        text += f", phối hợp với {join_list(awards.coordinators)}"
    text += f" xét, lựa chọn các {_recipients_phrase(awards.recipients)} {awards.criteria}"
    return _sentence(text)


def grant_sentence(grant: AwardGrant, unit_noun: str) -> str:
    """"Giấy khen của Chủ tịch UBND huyện cho các tập thể, cá nhân <criteria>[ (tối đa N)]."."""
    who = grant.authority.title.vi
    if grant.authority.title.value == "chu_tich_ubnd":
        who = f"{who} {unit_noun}"
    text = f"{capitalize(grant.form.vi)} của {who} cho các {_recipients_phrase(grant.recipients)}"
    if grant.criteria:
        text += f" {grant.criteria}"
    if grant.quota is not None:
        text += f" (tối đa {grant.quota:02d})"
    return _sentence(text)


def funding_sentence(source: FundingSource) -> str:
    """"Từ nguồn ngân sách Nhà nước theo phân cấp." with the amount in figures and words."""
    text = f"Từ nguồn {source.source}"
    if source.amount is not None:
        text += f": {vi.format_number(source.amount)} đồng ({vi.spell_money(source.amount)})"
    return _sentence(text)


def responsibility_heading(responsibility: Responsibility) -> str:
    """The unit, prefixed "Đề nghị" when the issuer requests rather than assigns."""
    if responsibility.requested:
        return f"Đề nghị {responsibility.unit}"
    return responsibility.unit


def closing_with_end_mark(text: str) -> str:
    """The closing paragraph ending in the decree's end mark "./."."""
    stripped = text.rstrip()
    if stripped.endswith(END_MARK):
        return stripped
    if stripped.endswith("."):
        return stripped + "/."
    return stripped + END_MARK


def recipient_lines(recipients: Sequence[str]) -> tuple[str, ...]:
    """"- Sở …;" for each recipient, the last ending "." (the archive line)."""
    lines = []
    for index, recipient in enumerate(recipients):
        text = recipient.strip().rstrip(";.")
        end = "." if index == len(recipients) - 1 else ";"
        lines.append(f"- {text}{end}")
    return tuple(lines)
