"""Sentences made from structured fields, in standard administrative phrasing.

Each function takes model values and returns Vietnamese text. The wording is
the one plans use: "từ tháng 02/2021 đến tháng 4/2021", "Dự kiến tổ chức vào
tháng 6/2021", "Giao … chủ trì, phối hợp với … xét, lựa chọn …", "Đề nghị …".
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from phongtrao import vi
from phongtrao.model import (
    AdministrativeUnit,
    Authority,
    AwardGrant,
    Awards,
    Conference,
    DocumentNumber,
    FundingSource,
    Indicator,
    LegalBasis,
    Milestone,
    MilestoneKind,
    PartialDate,
    Responsibility,
    Target,
    Window,
)

__all__ = [
    "authority_phrase",
    "award_assignment",
    "basis_sentence",
    "capitalize",
    "closing_with_end_mark",
    "conference_lines",
    "date_phrase",
    "funding_sentence",
    "grant_sentence",
    "join_list",
    "lower_first",
    "milestone_sentence",
    "recipient_lines",
    "responsibility_heading",
    "sentence",
    "target_sentence",
    "window_phrase",
    "written_date",
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
    """The sentence after the milestone's title, by its kind.

    A conference: "Dự kiến tổ chức vào tháng 6/2021."; a deadline: "Hoàn thành
    trước ngày 30/9/2025."; a report: "Gửi báo cáo về Phòng Văn hóa - Thông tin
    trước ngày 30/9/2025."; a preparation or another step: "Từ tháng 3/2021 đến
    tháng 4/2021.". A note, the user's own words, comes first as written.
    """
    kind = milestone.kind
    window = milestone.window
    due = window.end or window.start
    if kind is MilestoneKind.CONFERENCE:
        action = f"{milestone.modality.vi} {window_phrase(window)}"
    elif kind is MilestoneKind.DEADLINE:
        action = f"hoàn thành trước {date_phrase(due)}"
    elif kind is MilestoneKind.REPORT:
        to = f" về {milestone.recipient}" if milestone.recipient else ""
        action = f"gửi báo cáo{to} trước {date_phrase(due)}"
    else:
        action = window_phrase(window)
    # The note is the user's text and stays as written; only our own words are capitalised.
    text = f"{milestone.note} {action}" if milestone.note else capitalize(action)
    return sentence(text)


def conference_lines(
    conference: Conference, window: Window | None = None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The conference's details, one line each, with the lines under it.

    Time (its day left out when the milestone's ``window`` already is that
    day), venue and chairs are a line each; the participants, each an entry of
    their own, come one a line under "Thành phần:" (";" after each, "." after
    the last), since an entry may hold commas of its own.
    """
    lines: list[tuple[str, tuple[str, ...]]] = []
    when = []
    if conference.start is not None:
        when.append(conference.start.vi + (f" đến {conference.end.vi}" if conference.end
                                           else ""))
    said = window is not None and window.end is None and window.start == conference.date
    if conference.date is not None and not said:
        when.append(date_phrase(conference.date))
    if when:
        lines.append((sentence(f"Thời gian: {', '.join(when)}"), ()))
    if conference.venue:
        lines.append((sentence(f"Địa điểm: {conference.venue}"), ()))
    if conference.chairs:
        lines.append((sentence(f"Chủ trì: {join_list(conference.chairs)}"), ()))
    if len(conference.participants) == 1:
        lines.append((sentence(f"Thành phần: {conference.participants[0]}"), ()))
    elif conference.participants:
        lines.append(("Thành phần:", list_items(conference.participants)))
    return tuple(lines)


def list_items(texts: Sequence[str]) -> tuple[str, ...]:
    """Items of a list: ";" after each, "." after the last (their own end marks trimmed)."""
    cleaned = [text.rstrip().rstrip(";.") for text in texts]
    return tuple(text + ("." if index == len(cleaned) - 1 else ";")
                 for index, text in enumerate(cleaned))


def written_date(date: PartialDate) -> str:
    """A date in words, as an invitation writes it: "ngày 15 tháng 6 năm 2021"."""
    if date.day is not None and date.month is not None:
        return (f"ngày {vi.day_number(date.day)} tháng {vi.month_number(date.month)} "
                f"năm {date.year}")
    return date.vi


def sentence(text: str) -> str:
    """End a sentence with a full stop unless it already ends in punctuation."""
    return _sentence(text)


def lower_first(text: str) -> str:
    """Lower-case the first letter only ("Hội nghị" -> "hội nghị")."""
    return text[:1].lower() + text[1:]


def _sentence(text: str) -> str:
    """End a sentence with a full stop unless it already ends in punctuation."""
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "!", "?", ":", "…")) else stripped + "."


def basis_sentence(basis: LegalBasis) -> str:
    """"Căn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2021 của UBND tỉnh về …" (no end punctuation)."""
    parts = [f"Căn cứ {basis.kind.vi}"]
    if basis.title:
        parts.append(basis.title)
    number = basis.number
    if isinstance(number, DocumentNumber) and number.number is not None:
        parts.append(f"số {vi.document_number(number.number, number.symbol, number.year)}")
    elif number is not None:  # a draft's "/KH-UBND", or a «…» still to fill in
        parts.append(f"số {number}")
    if isinstance(basis.date, datetime.date):
        parts.append(f"ngày {vi.short_date(basis.date)}")
    elif basis.date is not None:
        parts.append(f"ngày {basis.date}")
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


def _recipients_phrase(kinds: Sequence[str], awards: Awards) -> str:
    return ", ".join(awards.text(kind) or kind for kind in kinds)


def award_assignment(awards: Awards) -> str:
    """"Giao <lead> chủ trì, phối hợp với <…> xét, lựa chọn các <recipients> <criteria>."."""
    text = f"Giao {awards.lead} chủ trì"
    if awards.coordinators:
        text += f", phối hợp với {join_list(awards.coordinators)}"
    text += (f" xét, lựa chọn các {_recipients_phrase(awards.recipients, awards)} "
             f"{awards.criteria}")
    return _sentence(text)


def authority_phrase(authority: Authority, issuer_unit: AdministrativeUnit | None) -> str:
    """Who gives an award, as the plan writes it.

    "Chủ tịch UBND huyện" in the plan of that huyện; "Chủ tịch UBND cấp xã" in a
    higher issuer's plan (each commune's chair gives it); "Bộ trưởng Bộ Văn hóa,
    Thể thao và Du lịch" with the body named; the authority's own wording when given.
    """
    if authority.wording:
        return authority.wording
    title = authority.title
    words = [title.vi]
    if title.local:
        same = issuer_unit is not None and issuer_unit.level is authority.level
        words.append(issuer_unit.kind.vi if same and issuer_unit is not None
                     else f"cấp {authority.level.vi}")
    if authority.body:
        words.append(authority.body)
    return " ".join(word for word in words if word)


def _counted(grant: AwardGrant, awards: Awards) -> str:
    """"06 tập thể và 05 cá nhân" from the grant's counts, kinds without a count by name."""
    counted = {count.recipient: count.count for count in grant.counts}
    parts = [f"{counted[kind]:02d} {awards.text(kind) or kind}" if kind in counted
             else f"các {awards.text(kind) or kind}" for kind in grant.recipients]
    return join_list(parts)


def grant_sentence(grant: AwardGrant, awards: Awards, authority: str) -> str:
    """"Bằng khen của Chủ tịch UBND tỉnh cho không quá 06 tập thể và 05 cá nhân <criteria>."."""
    form = awards.text(grant.form) or grant.form
    text = f"{capitalize(form)} của {authority} cho "
    if grant.counts:
        text += _counted(grant, awards) if grant.exact else f"không quá {_counted(grant, awards)}"
    else:
        text += f"các {_recipients_phrase(grant.recipients, awards)}"
    if grant.criteria:
        text += f" {grant.criteria}"
    if grant.quota is not None:
        if grant.counts:
            text += (f" (tổng số {grant.quota:02d})" if grant.exact
                     else f" (tổng số không quá {grant.quota:02d})")
        else:
            text += f" ({grant.quota:02d})" if grant.exact else f" (tối đa {grant.quota:02d})"
    return _sentence(text)


def target_sentence(indicator: Indicator, target: Target) -> str:
    """"Phấn đấu đến năm 2030 có 95% hộ gia đình đạt danh hiệu “Gia đình văn hóa”."."""
    by = f" đến năm {target.by}" if target.by is not None else ""
    amount = (f"{target.percent}%" if target.percent is not None
              else vi.format_number(target.count or 0))
    return _sentence(f"Phấn đấu{by} có {amount} {indicator.counted} {indicator.achieved_as}")


def funding_sentence(source: FundingSource) -> str:
    """"Từ nguồn ngân sách nhà nước theo phân cấp." with the amount in figures and words."""
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
