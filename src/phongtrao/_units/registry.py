"""The national registry of administrative units over time, and its dated lookups.

A :class:`UnitRegistry` is built from the rows of ``vietnam-provinces``
(:func:`phongtrao._units.package.read_package`) and the rows plugins add. It
answers, for a day or a period: which unit a name or a code means
(:meth:`UnitRegistry.lookup`), which units lie in a province or a district
(:meth:`UnitRegistry.communes`), and what a row of a plan file agrees with
(:meth:`UnitRegistry.same_unit`, :meth:`UnitRegistry.holders`).

Several rows may describe one unit (the same level, code, kind and name): a
plugin's list of 2021 and the package's list of 2025-01-04 may both list xã
Cẩm Bình, under two districts. On a given day the row whose ``as_of`` is
nearest that day says where the unit lay.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from phongtrao._units.lookup import LookupOutcome, Query, Span, UnitLookup, When
from phongtrao._units.package import FIRST_DAY, PackageData
from phongtrao._units.records import UnitRecord, UnitSource
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level
from phongtrao.vi import fold, name_key, normalize_tones, split_unit_name

__all__ = ["UnitRegistry"]

#: The most candidates a message lists.
_LISTED = 5
#: How close two folded names must be (difflib's ratio) for one to be suggested for the other.
_CLOSE = 0.85
_LEVELS = (Level.TINH, Level.HUYEN, Level.XA)


def _code_key(code: str | None) -> int | None:
    return int(code) if code is not None and code.isdigit() else None


def _loose(name: str) -> str:
    """A name for suggestions: no case, marks or spacing, and i for y ("Vỹ Dạ", "Vĩ Dạ")."""
    return fold(name).replace("y", "i")


def _toned(name: str) -> str:
    """A name with its tone marks placed one way ("Thuận Hoá" and "Thuận Hóa" alike)."""
    return name_key(normalize_tones(name))


def _then(message: str, sentence: str) -> str:
    """``message`` followed by another sentence (which starts with a space), if any."""
    if not sentence:
        return message
    return message + ("" if message.endswith((".", "?")) else ".") + sentence


def _joined(items: Sequence[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


class UnitRegistry:
    """The administrative units of the country over time, with their codes and sources.

    Built once per :class:`~phongtrao.Plugins` (``plugins.units``) from the
    installed ``vietnam-provinces`` and every plugin's ``Catalog.unit_records``;
    see docs/units.md for which release gives what.

    Args:
        records: the rows, in the order lookups list them.
        sources: where they come from.
        notes: what the registry lacks and why (no units of before the reform …).
        before_reform: whether the package gives the units of before 2025-07-01.
    """

    def __init__(self, records: Iterable[UnitRecord] = (), *,
                 sources: Iterable[UnitSource] = (), notes: Iterable[str] = (),
                 before_reform: bool = False) -> None:
        self._records = tuple(records)
        self._sources = tuple(sources)
        self._notes = tuple(notes)
        self._before_reform = before_reform
        self._by_name: dict[str, list[UnitRecord]] = defaultdict(list)
        self._by_code: dict[tuple[Level, int], list[UnitRecord]] = defaultdict(list)
        self._by_level: dict[Level, list[UnitRecord]] = defaultdict(list)
        self._by_tones: dict[str, list[UnitRecord]] = defaultdict(list)
        self._folds: dict[Level, dict[str, list[UnitRecord]]] = defaultdict(
            lambda: defaultdict(list))
        for record in self._records:
            unit = record.unit
            self._by_name[name_key(unit.name)].append(record)
            self._by_tones[_toned(unit.name)].append(record)
            self._by_level[unit.level].append(record)
            self._folds[unit.level][_loose(unit.name)].append(record)
            code = _code_key(unit.code)
            if code is not None:
                self._by_code[unit.level, code].append(record)

    @classmethod
    def build(
        cls,
        package: PackageData,
        plugins: Iterable[tuple[str, Sequence[UnitRecord], Sequence[AdministrativeUnit]]] = (),
    ) -> UnitRegistry:
        """The registry of the package's rows and what each plugin adds.

        Args:
            package: what vietnam-provinces gives.
            plugins: for each plugin, its name, its ``Catalog.unit_records`` and
                its ``Catalog.units``. Every record is added. A plain unit is
                added (with no province, the plugin as its source) only when no
                record has its level, code, kind and name: it may add a unit,
                never widen the dates of one listed.
        """
        records = list(package.records)
        sources = list(package.sources)
        plain: list[tuple[str, AdministrativeUnit]] = []
        for plugin, rows, units in plugins:
            records.extend(rows)
            plain.extend((plugin, unit) for unit in units)
            count = len(rows)
            if count:
                sources.append(UnitSource(name=f"plugin {plugin}", gives=f"{count} units",
                                          rows=count))
        listed = {record.identity for record in records}
        added: dict[str, int] = defaultdict(int)
        for plugin, unit in plain:
            record = UnitRecord(unit=unit, source=f"plugin {plugin} (its catalog)")
            if record.identity in listed or unit.level not in _LEVELS:
                continue
            records.append(record)
            listed.add(record.identity)
            added[plugin] += 1
        sources += [UnitSource(name=f"plugin {plugin}", gives=f"{count} units of its catalog",
                               rows=count) for plugin, count in added.items()]
        return cls(records, sources=sources, notes=package.notes,
                   before_reform=package.before_reform)

    # -- what it holds -----------------------------------------------------------------

    @property
    def records(self) -> tuple[UnitRecord, ...]:
        """Every row, the package's first."""
        return self._records

    @property
    def sources(self) -> tuple[UnitSource, ...]:
        """Where the rows come from: the package's lists, then each plugin."""
        return self._sources

    @property
    def notes(self) -> tuple[str, ...]:
        """What the registry lacks and why (empty when the package gives everything)."""
        return self._notes

    @property
    def before_reform(self) -> bool:
        """Whether vietnam-provinces gives the units of before 2025-07-01 (releases from 2026.1)."""
        return self._before_reform

    # -- rows on a date ----------------------------------------------------------------

    def _nearest(self, rows: Iterable[UnitRecord], span: Span) -> list[UnitRecord]:
        """One row per unit: of the rows describing it, the one that says it best for ``span``.

        That is a row holding on the span's last day, if any (in "2025", the commune
        as it is after the reform rather than as it was before), then the row whose
        ``as_of`` is nearest the span.
        """
        def rank(row: UnitRecord) -> tuple[bool, int]:
            return (not row.holds(span.last, span.last), span.distance(row.as_of))

        chosen: dict[object, UnitRecord] = {}
        for row in rows:
            key = row.identity
            best = chosen.get(key)
            if best is None or rank(row) < rank(best):
                chosen[key] = row
        return list(chosen.values())

    def _holding(self, rows: Iterable[UnitRecord], span: Span) -> list[UnitRecord]:
        return self._nearest((row for row in rows if row.holds(span.first, span.last)), span)

    def _parent(self, level: Level, code: str | None, child: UnitRecord) -> UnitRecord | None:
        """The row of the province or district ``code`` that ``child`` lies in, at its time.

        Codes are reused across the reform (44 was Quảng Bình, then Quảng Trị): the
        rows of that code that hold while the child's row does come first, and
        among them the one whose data is nearest the child's.
        """
        key = _code_key(code)
        if key is None:
            return None
        rows = self._by_code.get((level, key), [])
        during = [row for row in rows if row.holds(child.first, child.last)] or rows
        if not during or child.as_of is None:
            return during[0] if during else None
        day = child.as_of
        return min(during, key=lambda row: Span(day, day, "").distance(row.as_of))

    def province(self, record: UnitRecord) -> UnitRecord | None:
        """The row of the province ``record`` lies in, if the registry has it."""
        return self._parent(Level.TINH, record.province, record)

    def district(self, record: UnitRecord) -> UnitRecord | None:
        """The row of the district ``record`` lay in, if it had one and the registry has it."""
        return self._parent(Level.HUYEN, record.district, record)

    def provinces(self, on: When = None) -> tuple[UnitRecord, ...]:
        """The provinces on ``on`` (a day or a partial date), in the registry's order."""
        return tuple(self._holding(self._by_level.get(Level.TINH, []), Span.of(on)))

    def communes(self, parent: UnitRecord, on: When = None) -> tuple[UnitRecord, ...]:
        """The commune-level units of a province, or of a district, on ``on``.

        For a district, the communes whose row on that day names it; for a
        province, those whose row names it as their province.
        """
        span = Span.of(on)
        rows = self._holding(self._by_level.get(Level.XA, []), span)
        code = parent.unit.code
        if parent.unit.level is Level.HUYEN:
            return tuple(row for row in rows if row.district == code)
        return tuple(row for row in rows if row.province == code)

    def same_unit(self, unit: AdministrativeUnit) -> tuple[UnitRecord, ...]:
        """The rows of ``unit``: its level, kind and name, and its code when it has one."""
        wanted = name_key(unit.name)
        code = _code_key(unit.code)
        return tuple(row for row in self._by_name.get(wanted, [])
                     if row.unit.level is unit.level and row.unit.kind is unit.kind
                     and (code is None or _code_key(row.unit.code) == code))

    def named(self, unit: AdministrativeUnit, on: When = None) -> tuple[UnitRecord, ...]:
        """The units with ``unit``'s level, kind and name on ``on``, whatever their codes."""
        span = Span.of(on)
        rows = [row for row in self._by_name.get(name_key(unit.name), [])
                if row.unit.level is unit.level and row.unit.kind is unit.kind]
        return tuple(self._holding(rows, span))

    def holders(self, level: Level, code: str, on: When = None) -> tuple[UnitRecord, ...]:
        """The units at ``level`` that have the code ``code`` on ``on``."""
        key = _code_key(code)
        if key is None:
            return ()
        return tuple(self._holding(self._by_code.get((level, key), []), Span.of(on)))

    # -- describing rows ---------------------------------------------------------------

    def describe(self, record: UnitRecord, *, window: bool = False,
                 level: Level | None = None) -> str:
        """A row for a message: "xã Cẩm Quan of huyện Cẩm Xuyên, tỉnh Hà Tĩnh (code 18724)".

        Args:
            record: the row.
            window: say when the unit existed ("until 2025-06-30").
            level: the level the reader asked about; a row at another level says its own.
        """
        unit = record.unit
        notes = [f"code {unit.code}"] if unit.code is not None else []
        if level is not None and unit.level is not level:
            notes.append(f"level {unit.level.value}")
        if window:
            notes += self._window(record)
        above = [row.unit.full_name for row in (self.district(record), self.province(record))
                 if row is not None]
        where = f" of {', '.join(above)}" if above else ""
        return unit.full_name + where + (f" ({', '.join(notes)})" if notes else "")

    @staticmethod
    def _window(record: UnitRecord) -> list[str]:
        unit, words = record.unit, []
        if unit.valid_from is not None:
            words.append(f"from {unit.valid_from.isoformat()}")
        elif record.known_from is not None:
            words.append(f"known to the registry from {record.known_from.isoformat()}")
        if unit.valid_until is not None:
            words.append(f"until {unit.valid_until.isoformat()}")
        elif record.known_until is not None:
            words.append(f"known to the registry until {record.known_until.isoformat()}")
        return words

    def _coverage(self, span: Span, *, suggested: bool = False) -> str:
        """Why the registry may lack a unit on these days, as a sentence; empty if it should not.

        For days on both sides of the reform (a plan of "2025") it is not said
        when a unit of the same name (but for marks) is suggested: the units
        after the reform are all there.
        """
        if not self._records:
            return " " + " ".join(f"{note[0].upper()}{note[1:]}." for note in self._notes)
        if not span.before_reform or self._before_reform:
            return ""
        if suggested and span.last > REFORM_DATE:
            return ""
        plugins = [f"{source.name.removeprefix('plugin ')}: {source.rows}"
                   for source in self._sources if source.name.startswith("plugin ")]
        added = f" ({', '.join(plugins)})" if plugins else " (none here)"
        return (f" Before {FIRST_DAY.isoformat()} the registry knows only the units plugins "
                f"add{added}: {self._package_name()} has none (releases from 2026.1, on Python "
                "3.12 or later, have them all).")

    def _package_name(self) -> str:
        names = [source.name for source in self._sources
                 if source.name.startswith("vietnam-provinces")]
        return names[0] if names else "vietnam-provinces"

    # -- lookups -----------------------------------------------------------------------

    def lookup(self, text: str, *, level: Level | None = None, on: When = None,
               province: str | None = None) -> UnitLookup:
        """What ``text`` names on ``on``: found, unknown, shared, or not on that date.

        Args:
            text: a name, with or without its generic noun ("phường Hoàng Mai",
                "Hoàng Mai"), optionally with the units above it ("phường Hoàng
                Mai, Nghệ An", "Hoàng Mai (Nghệ An)"); or an official code ("17110").
            level: the level of the unit meant, if known.
            on: a day or a partial date (a year spans all its days); None for any time.
            province: the province (or district) it lies in, by name or code.

        Returns:
            The outcome with its candidates and a message saying what would be right.
        """
        query = Query.parse(text, province)
        span = Span.of(on)
        if not query.name and query.code is None:
            return UnitLookup(query=text, outcome=LookupOutcome.UNKNOWN,
                              message="the unit's name is empty; expected a name such as "
                              "'phường Hoàng Mai' or an official code such as '17110'")
        rows = [row for row in self._candidates(query, level) if self._within(row, query)]
        if not rows:
            return self._unknown(query, level, span)
        holding = self._holding(rows, span)
        if len(holding) == 1:
            return UnitLookup(query=text, outcome=LookupOutcome.FOUND, candidates=(holding[0],),
                              message=self.describe(holding[0]))
        if holding:
            return self._shared(query, level, span, holding)
        return self._not_on_date(query, level, span, self._nearest(rows, span))

    def _candidates(self, query: Query, level: Level | None) -> list[UnitRecord]:
        levels = (level,) if level is not None else _LEVELS
        if query.code is not None:
            key = int(query.code)
            return [row for each in levels for row in self._by_code.get((each, key), [])]
        return [row for row in self._by_name.get(name_key(query.name), [])
                if row.unit.level in levels
                and (query.kind is None or row.unit.kind is query.kind)]

    def _within(self, row: UnitRecord, query: Query) -> bool:
        """Whether each unit named above it in the query is its province or its district."""
        above = [each for each in (self.district(row), self.province(row)) if each is not None]
        return all(any(self._names(each, text) for each in above) for text in query.parents)

    @staticmethod
    def _names(row: UnitRecord, text: str) -> bool:
        kind, name, _ = split_unit_name(text)
        if kind is None and name.isascii() and name.isdigit():
            return _code_key(row.unit.code) == int(name)
        return name_key(name) == name_key(row.unit.name) and kind in (None, row.unit.kind.value)

    def _asked(self, query: Query, level: Level | None) -> str:
        at = f" at level '{level.value}'" if level is not None else ""
        if query.code is not None:
            where = f" in {_joined([repr(p) for p in query.parents])}" if query.parents else ""
            return f"no unit{at} with the code {query.code}{where}"
        noun = f"{query.kind.vi} " if query.kind is not None else ""
        where = f" in {_joined([repr(p) for p in query.parents])}" if query.parents else ""
        return f"no {noun}{query.name}{at}{where}"

    def _unknown(self, query: Query, level: Level | None, span: Span) -> UnitLookup:
        near = self._near(query, level, span)
        head = f"the unit registry has {self._asked(query, level)} {span.label}"
        if near:
            listed = _joined([self.describe(row, level=level,
                                            window=not row.holds(span.first, span.last))
                              for row in near], "or")
            message = f"{head}; did you mean {listed}?"
        elif query.code is not None:
            message = (f"{head}; expected the official code of a unit, such as '42' for a "
                       "province or '18724' for a commune")
        else:
            what = {Level.TINH: "a province", Level.HUYEN: "a district",
                    Level.XA: "a commune-level unit"}.get(level, "a unit") if level else "a unit"
            message = (f"{head}; expected the official name of {what}, with or without its "
                       "generic noun ('phường Hoàng Mai', 'Hoàng Mai')")
        # Only a suggestion of the same name but for marks settles it; a merely close
        # name ("Quảng Ninh" for the Quảng Bình of before the reform) may not.
        same = any(_loose(row.unit.name) == _loose(query.name) for row in near)
        message = _then(message, self._coverage(span, suggested=same))
        return UnitLookup(query=query.text, outcome=LookupOutcome.UNKNOWN,
                          candidates=tuple(near), message=message)

    def _near(self, query: Query, level: Level | None, span: Span) -> list[UnitRecord]:
        """The units a misspelt name may mean, best first.

        First the same name of another kind, level or place; then the same name
        with its tone marks placed the other way ("Thuận Hoá"); then names equal
        but for case, marks and i/y ("Thuan Hoa", "Vĩ Dạ"); then names
        ``difflib`` finds close. Among equals, those of the kind asked for, those
        that exist on the date and those in the place asked for come first.
        """
        if query.code is not None or not query.name:
            return []
        levels = (level,) if level is not None else _LEVELS
        # The same name at another level or place, or of another kind when none was given.
        ranked: list[tuple[int, float, UnitRecord]] = [
            (0, 0.0, row) for row in self._by_name.get(name_key(query.name), [])
            if query.kind is None or row.unit.kind is query.kind or row.unit.level in levels]
        ranked += [(1, 0.0, row) for row in self._by_tones.get(_toned(query.name), [])
                   if row.unit.level in levels]
        loose = _loose(query.name)
        for each in levels:
            folds = self._folds.get(each, {})
            ranked += [(2, 0.0, row) for row in folds.get(loose, [])]
            for close in difflib.get_close_matches(loose, list(folds), n=_LISTED, cutoff=_CLOSE):
                ratio = difflib.SequenceMatcher(None, loose, close).ratio()
                ranked += [(3, -ratio, row) for row in folds[close]]
        def order(item: tuple[int, float, UnitRecord]) -> tuple[int, float, bool, bool, bool]:
            rank, ratio, row = item
            other_kind = query.kind is not None and row.unit.kind is not query.kind
            return (rank, ratio, other_kind, not row.holds(span.first, span.last),
                    not self._within(row, query))

        ranked.sort(key=order)
        # One row per unit, in the order of its best rank.
        by_unit: dict[object, list[UnitRecord]] = {}
        for *_, row in ranked:
            by_unit.setdefault(row.identity, []).append(row)
        return [self._nearest(rows, span)[0] for rows in by_unit.values()][:_LISTED]

    def _shared(self, query: Query, level: Level | None, span: Span,
                rows: list[UnitRecord]) -> UnitLookup:
        rows = sorted(rows, key=lambda row: (self.describe(row), _code_key(row.unit.code) or 0))
        windows = len({(row.first, row.last) for row in rows}) > 1
        listed = "; ".join(self.describe(row, window=windows) for row in rows[:_LISTED * 2])
        more = f" and {len(rows) - _LISTED * 2} more" if len(rows) > _LISTED * 2 else ""
        hints = []
        first = rows[0]
        provinces = {row.province for row in rows}
        if len(provinces) > 1 and first.province is not None:
            place = self.province(first)
            if place is not None:
                hints.append(f"its province ('{first.unit.full_name}, {place.unit.full_name}')")
        if len({row.unit.kind for row in rows}) > 1:
            hints.append(f"its generic noun ('{first.unit.full_name}')")
        if len({row.unit.level for row in rows}) > 1:
            hints.append("its level")
        if len({_code_key(row.unit.code) for row in rows}) == len(rows) and first.unit.code:
            hints.append(f"its code ('{first.unit.code}')")
        if windows:
            hints.append("a date when only one of them existed")
        how = f"; say which by {_joined(hints, 'or')}" if hints else ""
        message = (f"{query.text!r} names {len(rows)} units {span.label}: {listed}{more}{how}")
        return UnitLookup(query=query.text, outcome=LookupOutcome.SHARED, candidates=tuple(rows),
                          message=message)

    def _not_on_date(self, query: Query, level: Level | None, span: Span,
                     rows: list[UnitRecord]) -> UnitLookup:
        parts = []
        for row in rows[:_LISTED]:
            text = self.describe(row)
            if row.last < span.first:
                ended = row.unit.valid_until or row.known_until
                verb = ("existed" if row.unit.valid_until is not None
                        else "is known to the registry")
                part = f"{text} {verb} until {ended.isoformat() if ended else '?'}"
                successors = [self._successor(row, code) for code in row.successors]
                if successors:
                    part += f"; its area went to {_joined(successors)}"
            else:
                began = row.unit.valid_from or row.known_from
                verb = ("exists" if row.unit.valid_from is not None
                        else "is known to the registry")
                part = f"{text} {verb} from {began.isoformat() if began else '?'}"
            parts.append(part)
        # Only the same name (another kind, or marks aside) that exists then: the unit
        # meant is known, and a merely close name would be noise.
        existing = [row for row in self._near(query, level, span)
                    if row.holds(span.first, span.last)
                    and _loose(row.unit.name) == _loose(query.name)]
        instead = (f"; did you mean {_joined([self.describe(row) for row in existing], 'or')}?"
                   if existing else
                   f"; expected a unit that exists {span.label}, or a date when it existed")
        message = _then(f"{query.text!r} names no unit {span.label}: {'; '.join(parts)}{instead}",
                        self._coverage(span, suggested=bool(existing)))
        return UnitLookup(query=query.text, outcome=LookupOutcome.NOT_ON_DATE,
                          candidates=tuple(rows), message=message)

    def _successor(self, row: UnitRecord, code: str) -> str:
        level = Level.TINH if row.unit.level is Level.TINH else Level.XA
        found = [each for each in self._by_code.get((level, int(code)), [])
                 if each.first > row.last]
        return self.describe(found[0]) if found else f"the unit of code {code}"
