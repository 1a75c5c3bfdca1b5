"""What a user types for a unit, the dates it is asked about, and what a lookup answers."""

from __future__ import annotations

import datetime
import re
from enum import Enum

import attrs

from phongtrao._units.records import UnitRecord
from phongtrao.errors import UnitLookupError
from phongtrao.model import REFORM_DATE, AdministrativeUnit, PartialDate, Precision, UnitKind
from phongtrao.vi import split_unit_name

__all__ = ["LookupOutcome", "Query", "Span", "UnitLookup", "When"]

#: A day, a partial date (a year, a quarter, a month or a day), or None for any time.
When = datetime.date | PartialDate | None

# "Hoàng Mai (Nghệ An)": the unit above in parentheses at the end.
_PARENTHESIS = re.compile(r"^(?P<base>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*$")


@attrs.frozen
class Span:
    """The days a lookup is about, and how a message says them ("in 2025", "on 2025-08-15")."""

    first: datetime.date
    last: datetime.date
    label: str

    @classmethod
    def of(cls, when: When | Span) -> Span:
        """The span of a day, a partial date, or any time (None)."""
        if isinstance(when, Span):
            return when
        if when is None:
            return cls(datetime.date.min, datetime.date.max, "at any time")
        if isinstance(when, datetime.date):
            return cls(when, when, f"on {when.isoformat()}")
        preposition = "on" if when.precision is Precision.DAY else "in"
        return cls(when.first_day, when.last_day, f"{preposition} {when}")

    @property
    def before_reform(self) -> bool:
        """Whether some of its days are before 2025-07-01."""
        return self.first <= REFORM_DATE

    def distance(self, day: datetime.date | None) -> int:
        """How many days ``day`` lies outside the span (0 inside; very far when unknown)."""
        if day is None:
            return 10**9
        if day < self.first:
            return (self.first - day).days
        if day > self.last:
            return (day - self.last).days
        return 0


@attrs.frozen
class Query:
    """A unit as typed: "phường Hoàng Mai, Nghệ An", "Hoàng Mai (Nghệ An)", "17110".

    Attributes:
        text: the text as given.
        kind: the kind its generic noun names, if it has one.
        name: the proper name (empty for a code).
        code: the code, when the text is one.
        parents: the units above it, as written (after commas or in parentheses).
    """

    text: str
    kind: UnitKind | None
    name: str
    code: str | None
    parents: tuple[str, ...]

    @classmethod
    def parse(cls, text: str, province: str | None = None) -> Query:
        """Read a unit's name or code, with the units above it; ``province`` adds one."""
        base, inner = text.strip(), ""
        match = _PARENTHESIS.match(base)
        if match is not None:
            base, inner = match["base"], match["inner"]
        kind_key, name, parents = split_unit_name(base)
        extra = tuple(" ".join(part.split()) for part in inner.split(",") if part.strip())
        parents = (*parents, *extra, *((province.strip(),) if province and province.strip()
                                       else ()))
        if kind_key is None and name.isascii() and name.isdigit():
            return cls(text, None, "", name, parents)
        return cls(text, None if kind_key is None else UnitKind(kind_key), name, None, parents)


class LookupOutcome(str, Enum):
    """Kết quả tra cứu — what a lookup found."""

    #: One unit has that name (or code) on the date.
    FOUND = "found"
    #: No unit has it: the candidates are the closest names (did you mean …?).
    UNKNOWN = "unknown"
    #: Several units have it on the date: the candidates are all of them.
    SHARED = "shared"
    #: Units have it, but none on the date (it had ceased, or did not exist yet).
    NOT_ON_DATE = "not-on-date"


@attrs.frozen(kw_only=True)
class UnitLookup:
    """What the unit registry says a name or a code means on a date.

    Attributes:
        query: the text looked up, as given.
        outcome: found, unknown, shared or not on the date (:class:`LookupOutcome`).
        candidates: for ``found`` the unit's row; for ``shared`` the row of each
            unit of that name; for ``unknown`` the closest names, best first;
            for ``not-on-date`` the units of that name at other times.
        message: what it means for the person who asked, and what would be right.
    """

    query: str
    outcome: LookupOutcome
    candidates: tuple[UnitRecord, ...] = ()
    message: str

    @property
    def found(self) -> bool:
        """Whether exactly one unit answers."""
        return self.outcome is LookupOutcome.FOUND

    @property
    def record(self) -> UnitRecord | None:
        """The unit's row, when found."""
        return self.candidates[0] if self.found else None

    @property
    def unit(self) -> AdministrativeUnit | None:
        """The unit, when found: its official name, kind, code and validity."""
        return self.candidates[0].unit if self.found else None

    def resolve(self) -> UnitRecord:
        """The unit's row.

        Raises:
            UnitLookupError: when the lookup did not find exactly one unit; its
                message is :attr:`message`.
        """
        if not self.found:
            raise UnitLookupError(self.message, query=self.query, outcome=self.outcome.value,
                                  candidates=self.candidates)
        return self.candidates[0]
