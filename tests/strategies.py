"""Hypothesis strategies for every model class, and for whole plans.

Texts are arbitrary Unicode (no surrogates, which no file encoding can hold);
the model normalises them to NFC, so generated plans are what a loader would
build. Values with a grammar (ids, symbols, partial dates) follow it.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Callable
from enum import Enum
from typing import Any

import attrs
from hypothesis import strategies as st

from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    AgendaItem,
    Annex,
    AnnexTable,
    Assessment,
    Authority,
    AuthorityTitle,
    AwardCount,
    AwardForm,
    AwardGrant,
    Awards,
    BodyKind,
    CatalogItem,
    Conference,
    Decision,
    Document,
    DocumentKind,
    DocumentNumber,
    Documents,
    Enactment,
    FundingSource,
    Indicator,
    Invitation,
    Issued,
    LegalBasis,
    Letter,
    Level,
    Milestone,
    MilestoneKind,
    Modality,
    Movement,
    Nominee,
    Orientation,
    PartialDate,
    Pending,
    Period,
    Plan,
    PlanSection,
    Programme,
    Proposal,
    RecipientKind,
    ReportOutline,
    Responsibility,
    Result,
    Signature,
    SignMode,
    SummaryReport,
    Target,
    TimeOfDay,
    Topic,
    UnitKind,
    Window,
)

__all__ = [
    "administrative_units",
    "agencies",
    "annex_tables",
    "annexes",
    "assessments",
    "authorities",
    "award_grants",
    "awards",
    "catalog_items",
    "conferences",
    "document_numbers",
    "document_plans",
    "documents",
    "funding_sources",
    "indicators",
    "legal_bases",
    "milestones",
    "movements",
    "orientations",
    "partial_dates",
    "periods",
    "plan_sections",
    "plans",
    "responsibilities",
    "results",
    "signatures",
    "targets",
    "texts",
    "times_of_day",
    "topics",
    "windows",
]

#: Any text: every Unicode character but surrogates, including the XML-illegal
#: control characters (the model holds them; check() reports them).
texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
optional_texts = st.none() | texts
text_tuples = st.lists(texts, max_size=3).map(tuple)

_ID_CHARS = string.ascii_lowercase + string.digits
ids = st.lists(st.text(_ID_CHARS, min_size=1, max_size=6), min_size=1, max_size=3).map("-".join)
_SYMBOL_PART = st.text(
    st.characters(exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc"), exclude_characters="/-"),
    min_size=1,
    max_size=5,
).filter(lambda part: part.split() == [part])
years = st.integers(min_value=1900, max_value=2100)
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Dates known to a day, a month, a quarter or a year."""
    day = draw(dates)
    kind = draw(st.sampled_from(["day", "month", "quarter", "year"]))
    if kind == "day":
        return PartialDate.of(day)
    if kind == "month":
        return PartialDate(year=day.year, month=day.month)
    if kind == "quarter":
        return PartialDate(year=day.year, quarter=(day.month - 1) // 3 + 1)
    return PartialDate(year=day.year)


@st.composite
def windows(draw: st.DrawFn) -> Window:
    """A start and, sometimes, a strictly later end."""
    start = draw(partial_dates())
    if draw(st.booleans()):
        return Window(start=start)
    later = draw(
        st.dates(min_value=start.last_day + datetime.timedelta(days=1),
                 max_value=datetime.date(2101, 12, 31))
    )
    return Window(start=start, end=PartialDate.of(later))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Spans of at least one year."""
    start = draw(years)
    return Period(start=start, end=draw(st.integers(min_value=start + 1, max_value=start + 50)))


@st.composite
def administrative_units(draw: st.DrawFn, level: Level | None = None) -> AdministrativeUnit:
    """Units whose kind fits their level, with an ordered validity window."""
    kind = draw(st.sampled_from([k for k in UnitKind if level is None or level in k.levels]))
    chosen = level if level is not None else draw(st.sampled_from(sorted(kind.levels)))
    valid_from = draw(st.none() | dates)
    valid_until = draw(st.none() | dates)
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        valid_from, valid_until = valid_until, valid_from
    return AdministrativeUnit(
        name=draw(texts),
        level=chosen,
        kind=kind,
        code=draw(st.none() | st.text(string.digits, min_size=1, max_size=5)),
        valid_from=valid_from,
        valid_until=valid_until,
    )


agencies = st.builds(
    Agency,
    name=texts,
    abbreviation=texts,
    unit=st.none() | administrative_units(),
    collective=st.none() | st.booleans(),
    kind=st.none() | st.sampled_from(list(BodyKind)),
    short_name=optional_texts,
    header_lines=text_tuples,
    chair=optional_texts,
    standing_office=optional_texts,
)


@st.composite
def document_numbers(draw: st.DrawFn, prefix: str | None = None) -> DocumentNumber:
    """Numbers and symbols; the symbol starts with ``prefix-`` when given."""
    parts = draw(st.lists(_SYMBOL_PART, min_size=1, max_size=3))
    if prefix is not None:
        parts = [prefix, *parts]
    return DocumentNumber(
        number=draw(st.none() | st.integers(min_value=1, max_value=9999)),
        year=draw(st.none() | years),
        symbol="-".join(parts),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """The plan's own identity, its symbol fitting its kind."""
    kind = draw(st.sampled_from(list(DocumentKind)))
    return Document(
        kind=kind,
        number=draw(document_numbers(prefix=kind.symbol)),
        place=draw(optional_texts),
        date=draw(partial_dates()),
    )


#: Placeholders for a value still to be filled in: "«…»" with some words inside.
pendings = st.text(alphabet=st.characters(blacklist_characters="«»",
                                          blacklist_categories=("Cs", "Cc")),
                   min_size=1, max_size=12).map(lambda words: Pending(f"«{words}»"))


@st.composite
def legal_bases(draw: st.DrawFn) -> LegalBasis:
    """Cited documents with at least a number, a title or a subject."""
    number = draw(st.none() | document_numbers() | pendings)
    title = draw(optional_texts)
    subject = draw(texts) if number is None and title is None else draw(optional_texts)
    return LegalBasis(
        kind=draw(st.sampled_from(list(DocumentKind))),
        number=number,
        title=title,
        date=draw(st.none() | dates | pendings),
        issuer=draw(optional_texts),
        subject=subject,
    )


catalog_items = st.builds(CatalogItem, id=ids, text=texts)


def _unique_items() -> st.SearchStrategy[tuple[CatalogItem, ...]]:
    return st.lists(catalog_items, max_size=4, unique_by=lambda item: item.id).map(tuple)


movements = st.builds(
    Movement,
    name=texts,
    abbreviation=optional_texts,
    start_year=years,
    contents=_unique_items(),
    campaigns=_unique_items(),
)

topics = st.builds(Topic, heading=texts, items=text_tuples)
indicators = st.builds(Indicator, id=ids, name=texts, counted=texts, achieved_as=texts,
                       paired=st.booleans())


@st.composite
def results(draw: st.DrawFn) -> Result:
    """Results whose achieved count is within the total."""
    total = draw(st.none() | st.integers(min_value=0, max_value=10**6))
    achieved = draw(st.integers(min_value=0, max_value=total if total is not None else 10**6))
    return Result(indicator=draw(ids), achieved=achieved, total=total)


@st.composite
def targets(draw: st.DrawFn) -> Target:
    """A share or a count, by a year or not."""
    percent = draw(st.none() | st.integers(min_value=1, max_value=100))
    count = draw(st.integers(min_value=0, max_value=10**6)) if percent is None else None
    return Target(indicator=draw(ids), percent=percent, count=count, by=draw(st.none() | years))


assessments = st.builds(
    Assessment,
    direction=topics,
    impact=text_tuples,
    shortcomings=st.none() | topics,
    lessons=st.none() | topics,
    results=st.lists(results(), max_size=2).map(tuple),
)
orientations = st.builds(Orientation, period=periods(), items=text_tuples,
                         targets=st.lists(targets(), max_size=2).map(tuple))


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """Offices at a level they can act at."""
    title = draw(st.sampled_from(list(AuthorityTitle)))
    level = draw(st.sampled_from(sorted(title.levels, key=lambda level: level.rank)))
    return Authority(title=title, level=level, body=draw(optional_texts),
                     wording=draw(optional_texts))


recipient_kinds = st.lists(st.sampled_from([kind.value for kind in RecipientKind]) | ids,
                           min_size=1, max_size=3, unique=True).map(tuple)


@st.composite
def award_grants(draw: st.DrawFn) -> AwardGrant:
    """Grants whose counts are of their recipients and within their quota."""
    recipients = draw(recipient_kinds)
    counted = draw(st.lists(st.sampled_from(recipients), unique=True, max_size=len(recipients)))
    counts = tuple(AwardCount(recipient=kind, count=draw(st.integers(1, 50))) for kind in counted)
    total = sum(count.count for count in counts)
    exact = draw(st.booleans())
    if counts and exact:
        quota = draw(st.none() | st.just(total))
    else:
        quota = draw(st.none() | st.integers(min_value=max(total, 1), max_value=1000))
    return AwardGrant(form=draw(st.sampled_from([form.value for form in AwardForm]) | ids),
                      authority=draw(authorities()), recipients=recipients,
                      criteria=draw(optional_texts), quota=quota, counts=counts, exact=exact,
                      at=draw(st.none() | ids))


awards = st.builds(
    Awards,
    lead=texts,
    coordinators=text_tuples,
    recipients=recipient_kinds,
    criteria=texts,
    grants=st.lists(award_grants(), max_size=2).map(tuple),
    deadline=st.none() | partial_dates(),
    wording=st.lists(catalog_items, max_size=3, unique_by=lambda item: item.id).map(tuple),
)


@st.composite
def times_of_day(draw: st.DrawFn) -> TimeOfDay:
    return TimeOfDay(hour=draw(st.integers(0, 23)), minute=draw(st.integers(0, 59)))


@st.composite
def conferences(draw: st.DrawFn) -> Conference:
    """Conferences that end after they start, when both are given."""
    start = draw(st.none() | times_of_day())
    end = None
    if start is not None and (start.hour, start.minute) < (23, 59) and draw(st.booleans()):
        end = TimeOfDay(hour=23, minute=59)
    return Conference(
        date=draw(st.none() | partial_dates()), start=start, end=end, venue=draw(optional_texts),
        chairs=draw(text_tuples), participants=draw(text_tuples),
        agenda=draw(st.lists(st.builds(AgendaItem, time=st.none() | times_of_day(), item=texts,
                                       presenter=optional_texts), max_size=2).map(tuple)))


@st.composite
def milestones(draw: st.DrawFn) -> Milestone:
    """Milestones of every kind; only a conference holds a conference."""
    kind = draw(st.sampled_from(list(MilestoneKind)))
    conference = (draw(st.none() | conferences()) if kind is MilestoneKind.CONFERENCE
                  else None)
    return Milestone(
        id=draw(st.none() | ids),
        level=draw(st.sampled_from(list(Level))),
        tier=draw(optional_texts),
        kind=kind,
        title=draw(texts),
        window=draw(windows()),
        modality=draw(st.sampled_from(list(Modality))),
        note=draw(optional_texts),
        recipient=draw(optional_texts),
        conference=conference,
    )


plan_sections = st.builds(
    PlanSection, key=ids, title=optional_texts, omit=st.booleans(), after=st.none() | ids,
    paragraphs=text_tuples, topics=st.lists(topics, max_size=2).map(tuple))


@st.composite
def annex_tables(draw: st.DrawFn) -> AnnexTable:
    """Tables whose rows have one cell a column."""
    columns = draw(st.lists(texts, min_size=1, max_size=3).map(tuple))
    rows = draw(st.lists(st.lists(texts, min_size=len(columns), max_size=len(columns))
                         .map(tuple), max_size=3).map(tuple))
    return AnnexTable(columns=columns, rows=rows)


annexes = st.builds(Annex, title=texts, subtitle=optional_texts, paragraphs=text_tuples,
                    topics=st.lists(topics, max_size=2).map(tuple),
                    table=st.none() | annex_tables())
funding_sources = st.builds(
    FundingSource, source=texts, amount=st.none() | st.integers(min_value=0, max_value=10**15)
)
responsibilities = st.builds(
    Responsibility,
    unit=texts,
    duties=st.lists(texts, min_size=1, max_size=3).map(tuple),
    requested=st.booleans(),
)


@st.composite
def signatures(draw: st.DrawFn) -> Signature:
    """Signature blocks whose mode, head and title agree."""
    mode = draw(st.none() | st.sampled_from(list(SignMode)))
    return Signature(
        on_behalf_of=draw(optional_texts),
        mode=mode,
        head=None if mode is None else draw(texts),
        title=None if mode is SignMode.Q else draw(texts),
        signer=draw(texts),
    )


def _tuples(
    strategy: st.SearchStrategy[object], max_size: int = 3
) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


# -- the conference's other documents ------------------------------------------------------

issued = st.builds(Issued, number=st.none() | document_numbers(), date=st.none() | partial_dates(),
                   place=optional_texts)
_optional_ids = st.none() | ids
_maybe_agency = st.none() | agencies
_maybe_signature = st.none() | signatures()
invitations = st.builds(Invitation, issued=issued, conference=_optional_ids, to=text_tuples,
                        prepare=text_tuples, contact=optional_texts, programme=st.booleans(),
                        issuer=_maybe_agency, signature=_maybe_signature, recipients=text_tuples)
programmes = st.builds(Programme, issued=issued, conference=_optional_ids, issuer=_maybe_agency,
                       signature=_maybe_signature, recipients=text_tuples)
proposals = st.builds(Proposal, issued=issued, grant=_optional_ids, to=optional_texts,
                      proposer=optional_texts, bases=_tuples(legal_bases(), max_size=2),
                      review=optional_texts, issuer=_maybe_agency, signature=_maybe_signature,
                      recipients=text_tuples)
decisions = st.builds(Decision, issued=issued, grant=_optional_ids,
                      bases=_tuples(legal_bases(), max_size=2), prize=optional_texts,
                      executors=text_tuples, issuer=_maybe_agency, signature=_maybe_signature,
                      recipients=text_tuples)
report_outlines = st.builds(ReportOutline, as_annex=st.booleans(), issued=issued,
                            report=_optional_ids, signature=_maybe_signature,
                            recipients=text_tuples)
summary_reports = st.builds(SummaryReport, issued=issued, issuer=_maybe_agency,
                            signature=_maybe_signature, recipients=text_tuples)
letters = st.builds(Letter, issued=issued, about=optional_texts, to=text_tuples,
                    paragraphs=text_tuples, issuer=_maybe_agency, signature=_maybe_signature,
                    recipients=text_tuples)
enactments = st.builds(Enactment, issued=issued, proposer=optional_texts,
                       bases=_tuples(legal_bases(), max_size=2), executors=text_tuples,
                       signature=_maybe_signature, recipients=text_tuples)
document_sets = st.builds(
    Documents, outline=st.none() | report_outlines, invitation=st.none() | invitations,
    programme=st.none() | programmes, proposal=st.none() | proposals,
    decision=st.none() | decisions, report=st.none() | summary_reports,
    letter=st.none() | letters, enactment=st.none() | enactments)
nominees = st.builds(Nominee, name=texts, recipient=st.sampled_from(list(RecipientKind)).map(
    lambda kind: kind.value) | ids, position=optional_texts, unit=optional_texts,
    summary=optional_texts, grant=_optional_ids)


plans = st.builds(
    Plan,
    issuer=agencies,
    parent=st.none() | agencies,
    document=documents(),
    title=texts,
    movement=st.none() | movements,
    period=st.none() | periods(),
    indicators=st.lists(indicators, max_size=2, unique_by=lambda item: item.id).map(tuple),
    bases=_tuples(legal_bases()),
    introduction=optional_texts,
    purposes=text_tuples,
    requirements=text_tuples,
    assessment=st.none() | assessments,
    orientation=st.none() | orientations,
    awards=st.none() | awards,
    schedule=_tuples(milestones()),
    funding=_tuples(funding_sources, max_size=2),
    responsibilities=_tuples(responsibilities),
    sections=_tuples(plan_sections, max_size=2),
    closing=optional_texts,
    recipients=text_tuples,
    signature=signatures(),
    annexes=_tuples(annexes, max_size=2),
    documents=st.none() | document_sets,
    nominees=_tuples(nominees, max_size=3),
)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _map_texts(value: Any, change: Callable[[str], str]) -> Any:
    """Rebuild ``value`` with ``change`` applied to every free text in it."""
    if isinstance(value, (Enum, PartialDate, DocumentNumber, TimeOfDay, Pending)):
        return value
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_map_texts(item, change) for item in value)
    if attrs.has(type(value)):
        changes = {field.name: _map_texts(getattr(value, field.name), change)
                   for field in attrs.fields(type(value))}
        return attrs.evolve(value, **changes)
    return value


def _printable(text: str) -> str:
    cleaned = _XML_ILLEGAL.sub("", text)
    return cleaned if cleaned.strip() else f"{cleaned}x"


#: Plans whose texts a document can hold: XML-illegal characters removed and no
#: blank text (check() refuses both; this is for properties of rendering).
document_plans = plans.map(lambda plan: _map_texts(plan, _printable))
