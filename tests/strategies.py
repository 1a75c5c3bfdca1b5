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
    Assessment,
    Authority,
    AuthorityTitle,
    AwardForm,
    AwardGrant,
    Awards,
    CatalogItem,
    Document,
    DocumentKind,
    DocumentNumber,
    FundingSource,
    LegalBasis,
    Level,
    Milestone,
    Modality,
    Movement,
    Orientation,
    PartialDate,
    Period,
    Plan,
    RecipientKind,
    Responsibility,
    Signature,
    SignMode,
    Topic,
    UnitKind,
    Window,
)

__all__ = [
    "administrative_units",
    "agencies",
    "assessments",
    "authorities",
    "award_grants",
    "awards",
    "catalog_items",
    "document_numbers",
    "document_plans",
    "documents",
    "funding_sources",
    "legal_bases",
    "milestones",
    "movements",
    "orientations",
    "partial_dates",
    "periods",
    "plans",
    "responsibilities",
    "signatures",
    "texts",
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
    collective=st.booleans(),
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


@st.composite
def legal_bases(draw: st.DrawFn) -> LegalBasis:
    """Cited documents with at least a number, a title or a subject."""
    number = draw(st.none() | document_numbers())
    title = draw(optional_texts)
    subject = draw(texts) if number is None and title is None else draw(optional_texts)
    return LegalBasis(
        kind=draw(st.sampled_from(list(DocumentKind))),
        number=number,
        title=title,
        date=draw(st.none() | dates),
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
assessments = st.builds(
    Assessment,
    direction=topics,
    impact=text_tuples,
    shortcomings=st.none() | topics,
    lessons=st.none() | topics,
)
orientations = st.builds(Orientation, period=periods(), items=text_tuples)


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """Offices at a level they can act at."""
    title = draw(st.sampled_from(list(AuthorityTitle)))
    if title is AuthorityTitle.CHU_TICH_UBND:
        level = draw(st.sampled_from([Level.XA, Level.HUYEN, Level.TINH]))
    else:
        level = Level.TRUNG_UONG
    return Authority(title=title, level=level)


recipient_kinds = st.lists(st.sampled_from(list(RecipientKind)), min_size=1, max_size=3,
                           unique=True).map(tuple)
award_grants = st.builds(
    AwardGrant,
    form=st.sampled_from(list(AwardForm)),
    authority=authorities(),
    recipients=recipient_kinds,
    criteria=optional_texts,
    quota=st.none() | st.integers(min_value=1, max_value=1000),
)
awards = st.builds(
    Awards,
    lead=texts,
    coordinators=text_tuples,
    recipients=recipient_kinds,
    criteria=texts,
    grants=st.lists(award_grants, max_size=2).map(tuple),
    deadline=st.none() | partial_dates(),
)
milestones = st.builds(
    Milestone,
    level=st.sampled_from(list(Level)),
    title=texts,
    window=windows(),
    modality=st.sampled_from(list(Modality)),
    note=optional_texts,
)
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


plans = st.builds(
    Plan,
    issuer=agencies,
    parent=st.none() | agencies,
    document=documents(),
    title=texts,
    movement=movements,
    period=periods(),
    bases=_tuples(legal_bases()),
    introduction=optional_texts,
    purposes=text_tuples,
    requirements=text_tuples,
    assessment=st.none() | assessments,
    orientation=st.none() | orientations,
    awards=st.none() | awards,
    schedule=_tuples(milestones),
    funding=_tuples(funding_sources, max_size=2),
    responsibilities=_tuples(responsibilities),
    closing=optional_texts,
    recipients=text_tuples,
    signature=signatures(),
)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _map_texts(value: Any, change: Callable[[str], str]) -> Any:
    """Rebuild ``value`` with ``change`` applied to every free text in it."""
    if isinstance(value, (Enum, PartialDate, DocumentNumber)):
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
