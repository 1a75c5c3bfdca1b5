"""The built-in semantic checks. Each yields problems with a stable code.

A check reads a valid plan (the model already guarantees its shape) and says
what a careful officer would: dates out of order, bodies that no longer exist
on the plan's date, awards the authority may not give, a signature that does
not fit the issuer, text a document cannot hold.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from phongtrao import vi
from phongtrao._layout import HEADER_POINTS, HEADER_SIZE, line_points
from phongtrao._problems import Problem, Severity
from phongtrao._rules.archive_table import archive_rule
from phongtrao._rules.awards_table import AWARD_RULES, FREE_FORMS, AwardRule, rules_for
from phongtrao._rules.sources import TT_01_2011
from phongtrao._rules.walk import texts
from phongtrao._units import FIRST_DAY, UnitRecord, UnitRegistry
from phongtrao.model import BUILTIN_PARTS as BUILTIN_SECTIONS
from phongtrao.model import (
    NATIONAL_WORDING,
    REFORM_DATE,
    AdministrativeUnit,
    Agency,
    AwardForm,
    AwardGrant,
    DocumentKind,
    Level,
    MilestoneKind,
    Nominee,
    Plan,
    SignMode,
    UnitKind,
)
from phongtrao.model._convert import excerpt

__all__ = ["ACADEMIC_TITLE", "BUILTIN_CHECKS", "CODES", "Check", "registry_checks"]

Check = Callable[[Plan], Iterator[Problem]]

#: Every problem code the built-in checks report, with what it means.
CODES: dict[str, str] = {
    "empty-text": "a text is empty or only whitespace",
    "placeholder": "a text still holds a value to fill in, written «…» (phongtrao new writes them)",
    "control-character": "a text holds a control character that a document cannot hold",
    "basis-after-plan": "a cited document is dated after the plan",
    "basis-law-number": "a Luật is cited with its number; the practice cites it by name and date",
    "period-before-movement": "the period summarised starts before the movement did",
    "milestone-order": "milestones are not ordered from the lower level up, or a higher level "
    "meets before a lower one",
    "milestone-before-plan": "a milestone is over before the plan is issued",
    "milestone-beyond-horizon": "a milestone lies after the end of the year following the plan",
    "district-after-reform": "a district (huyện, quận, thị xã) acts after 2025-06-30, when "
    "districts ceased to operate",
    "town-after-reform": "a thị trấn acts after 2025-06-30, when thị trấn ceased to exist",
    "special-zone-before-reform": "an đặc khu acts before 2025-07-01, when the đặc khu came "
    "into being",
    "unit-not-existing": "a unit is used outside its validity window: its own, or the one the "
    "unit registry knows",
    "unit-code": "on the plan's date the unit's code is another unit's, or the unit registry "
    "gives the unit named another code",
    "award-authority": "the authority may not give that award on the plan's date",
    "award-rule-unknown": "the rule table does not say who may give that award on that date",
    "award-wording-missing": "a form of award or kind of recipient is no national one and the "
    "plan gives no wording for it",
    "award-tier-unknown": "an award is given at a milestone id no milestone has",
    "indicator-unknown": "a target or result names an indicator the plan does not define",
    "indicator-total-missing": "a result of an indicator counted of a total gives no total "
    "(or a plain count gives one)",
    "section-invalid": "a part of the plan's own has no title, a part is named twice, or "
    "'after' names no part",
    "header-line-long": "a header line the issuer gives is wider than the built-in "
    "templates' header column, so a word processor would break it inside",
    "signature-prefix": "the signature's TM. line does not fit the issuer",
    "signature-body": "the TM. line names another body than the issuer",
    "signer-title": "the signer's name carries an academic title",
    "recipients-archive": "the recipients do not end with the archive line of the plan's date "
    "('Lưu: VT' from Nghị định 30/2020; 'Lưu: VT' or 'Lưu: Văn thư' before it)",
    "archive-line-form": "the archive line is spaced otherwise than its form ('Lưu:VT' for "
    "'Lưu: VT')",
    "nominee-grant-unknown": "a nominee is proposed for a grant the plan does not have, or "
    "names none where the plan has several",
    "nominee-recipient": "a nominee is of a kind of recipient its grant does not go to",
    "nominee-duplicate": "the same nominee is listed twice for one grant",
    "nominee-count": "a grant has more nominees than its total or a kind's count allows, or "
    "another number than an exact one",
    "nominee-award-date": "on the decision's date the grant's authority may not give its form",
}

# XML 1.0 forbids these; docxtpl drops them silently or crashes (DESIGN.md §6).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: A value still to be supplied: text between « and », as ``phongtrao new`` writes it.
PLACEHOLDER = re.compile(r"«[^«»]*»")
#: One or more academic titles before a name, each with a dot or a space after it: "TS. ",
#: "PGS.TS. ", "ThS " (the plan checks and ``phongtrao lint`` share it).
ACADEMIC_TITLE = re.compile(r"^(?:(?:GS|PGS|TSKH|TS|ThS|KS|BS|CN)(?:\.\s*|\s+))+", re.IGNORECASE)


def _problem(path: str, code: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(path=path, code=code, message=message, severity=severity)


#: Names for the control characters met in practice; unicodedata names none of them.
_CONTROL_NAMES = {
    "\x00": "null",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1f": "unit separator",
}


def _char_name(char: str) -> str:
    name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    return name.lower() if name else "a control character"


def _context(text: str, start: int) -> str:
    """Where in a text a character is, for a reader: the words just before it."""
    before = text[:start].rstrip()
    if not before:
        return "at the start of the text"
    if len(before) <= 24:
        return f"after {before!r}"
    tail = before[-24:]
    if " " in tail:
        tail = tail.split(" ", 1)[1]  # drop the word the cut went through
    return f"after {'…' + tail!r}"


def check_texts(plan: Plan) -> Iterator[Problem]:
    """Empty texts and XML-illegal characters, anywhere in the plan."""
    for path, text, may_be_blank in texts(plan):
        if not text.strip() and not may_be_blank:
            what = "empty" if not text else "only whitespace"
            yield _problem(path, "empty-text", f"the text is {what}; expected some words, or "
                           "leave the key out where it is optional")
        for match in _ILLEGAL.finditer(text):
            char, start = match.group(), match.start()
            yield _problem(
                path,
                "control-character",
                f"the text holds U+{ord(char):04X} ({_char_name(char)}) at position {start}, "
                f"{_context(text, start)}, which a document cannot hold; delete it or replace "
                "it with a space (it often comes from copying out of a PDF)",
            )


def check_placeholders(plan: Plan) -> Iterator[Problem]:
    """Values still to be filled in: text between « and »."""
    for path, text, _ in texts(plan):
        for match in PLACEHOLDER.finditer(text):
            yield _problem(
                path,
                "placeholder",
                f"{match.group()} is still to be filled in; replace it with the real value",
            )


def check_bases(plan: Plan) -> Iterator[Problem]:
    """Every cited document predates the plan; a Luật is cited by its name and date."""
    latest = plan.document.date.last_day
    for index, basis in enumerate(plan.bases):
        if isinstance(basis.date, datetime.date) and basis.date > latest:
            yield _problem(
                f"$.bases[{index}].date",
                "basis-after-plan",
                f"the cited document is dated {basis.date.isoformat()}, after the plan "
                f"({plan.document.date}); expected a document issued before the plan",
            )
        if basis.kind is DocumentKind.LUAT and basis.number is not None:
            name = f"Luật {basis.title}" if basis.title else "Luật …"
            when = (f" ngày {vi.short_date(basis.date)}" if isinstance(basis.date, datetime.date)
                    else f" ngày {basis.date or '…'}")
            yield _problem(
                f"$.bases[{index}].number",
                "basis-law-number",
                f"a Luật is cited by its name and the day it was passed, without its number "
                f"({basis.number}); expected 'Căn cứ {name}{when};' (leave number out)",
                Severity.WARNING,
            )


def check_period(plan: Plan) -> Iterator[Problem]:
    """The period summarised starts no earlier than the movement."""
    period, movement = plan.period, plan.movement
    if period is not None and movement is not None and period.start < movement.start_year:
        yield _problem(
            "$.period.start",
            "period-before-movement",
            f"the period starts in {period.start}, before the movement started "
            f"({movement.start_year}); expected {movement.start_year} or later",
        )


def _horizon_end(plan: Plan) -> datetime.date:
    return datetime.date(plan.document.date.year + 1, 12, 31)


def check_schedule(plan: Plan) -> Iterator[Problem]:
    """Milestones go from the lower level up, and lie within the plan's horizon.

    The horizon runs from the plan's date to the end of the following year.
    """
    issued = plan.document.date.first_day
    horizon = _horizon_end(plan)
    for index, milestone in enumerate(plan.schedule):
        path = f"$.schedule[{index}]"
        window = milestone.window
        if window.last_day < issued:
            yield _problem(
                f"{path}.window",
                "milestone-before-plan",
                f"the window ends on {window.last_day.isoformat()}, before the plan is issued "
                f"({plan.document.date}); expected a time after the plan",
            )
        if window.first_day > horizon:
            yield _problem(
                f"{path}.window",
                "milestone-beyond-horizon",
                f"the window starts on {window.first_day.isoformat()}, after the end of the "
                f"year following the plan ({horizon.isoformat()}); check the year",
                Severity.WARNING,
            )
        if milestone.kind is not MilestoneKind.CONFERENCE:
            continue  # deadlines and reports may come in any order
        for earlier_index, earlier in enumerate(plan.schedule[:index]):
            if earlier.kind is not MilestoneKind.CONFERENCE:
                continue
            if milestone.level.rank < earlier.level.rank:
                yield _problem(
                    f"{path}.level",
                    "milestone-order",
                    f"the {milestone.level.vi} milestone is listed after the "
                    f"{earlier.level.vi} one ($.schedule[{earlier_index}]); expected milestones "
                    "from the lower level up",
                )
            elif (
                milestone.level.rank > earlier.level.rank
                and window.last_day < earlier.window.first_day
            ):
                # Windows are compared as intervals: the higher tier may not be over
                # before the lower one can begin (a quarter holds the days inside it).
                yield _problem(
                    f"{path}.window",
                    "milestone-order",
                    f"the {milestone.level.vi} level's conference is over "
                    f"({window.last_day.isoformat()}) before the {earlier.level.vi} level's "
                    f"can begin ({earlier.window.first_day.isoformat()}, "
                    f"$.schedule[{earlier_index}]); expected the lower level first",
                )


def _agency_on(agency: Agency, path: str, plan: Plan) -> Iterator[Problem]:
    unit = agency.unit
    if unit is None:
        return
    first, last = plan.document.date.first_day, plan.document.date.last_day
    if first > REFORM_DATE and unit.level is Level.HUYEN:
        yield _problem(
            f"{path}.unit",
            "district-after-reform",
            f"{unit.full_name} is a district, and districts ceased to operate after "
            f"{REFORM_DATE.isoformat()}; the plan is dated {plan.document.date}. Expected a "
            "province or a commune-level issuer",
        )
    elif first > REFORM_DATE and unit.kind is UnitKind.THI_TRAN:
        yield _problem(
            f"{path}.unit",
            "town-after-reform",
            f"{unit.full_name} is a thị trấn, and thị trấn ceased to exist after "
            f"{REFORM_DATE.isoformat()}; the plan is dated {plan.document.date}. Expected the "
            "xã or phường that replaced it",
        )
    elif last <= REFORM_DATE and unit.kind is UnitKind.DAC_KHU:
        yield _problem(
            f"{path}.unit.kind",
            "special-zone-before-reform",
            f"{unit.full_name} is an đặc khu, and đặc khu exist only from "
            f"{FIRST_DAY.isoformat()}; the plan is dated {plan.document.date}. Expected the "
            "district or commune that governed the area then, or a plan dated from "
            f"{FIRST_DAY.isoformat()}",
        )
    elif unit.valid_until is not None and first > unit.valid_until:
        yield _problem(
            f"{path}.unit.valid_until",
            "unit-not-existing",
            f"{unit.full_name} existed until {unit.valid_until.isoformat()}, before the plan's "
            f"date ({plan.document.date}); expected the unit that replaced it, or a plan dated "
            "while it existed",
        )
    elif unit.valid_from is not None and last < unit.valid_from:
        yield _problem(
            f"{path}.unit.valid_from",
            "unit-not-existing",
            f"{unit.full_name} exists from {unit.valid_from.isoformat()}, after the plan's "
            f"date ({plan.document.date}); expected the unit that existed then, or a plan dated "
            "while it exists",
        )


def check_units(plan: Plan) -> Iterator[Problem]:
    """The issuer, its parent and the milestones' levels exist on the plan's dates."""
    yield from _agency_on(plan.issuer, "$.issuer", plan)
    if plan.parent is not None:
        yield from _agency_on(plan.parent, "$.parent", plan)
    for index, milestone in enumerate(plan.schedule):
        if milestone.level is Level.HUYEN and milestone.window.last_day > REFORM_DATE:
            yield _problem(
                f"$.schedule[{index}].level",
                "district-after-reform",
                f"a district-level milestone runs until {milestone.window.last_day.isoformat()}, "
                f"but districts ceased to operate after {REFORM_DATE.isoformat()}; expected "
                "level 'xa' or 'tinh'",
            )


def _registered(unit: AdministrativeUnit, path: str, plan: Plan,
                units: UnitRegistry) -> Iterator[Problem]:
    """What the unit registry says of one unit of the plan, on the plan's date."""
    date = plan.document.date
    first = date.first_day
    if first > REFORM_DATE and (unit.level is Level.HUYEN or unit.kind is UnitKind.THI_TRAN):
        return  # district-after-reform or town-after-reform says it
    rows = units.same_unit(unit)
    if rows:
        if not any(row.holds(first, date.last_day) for row in rows) and all(
                row.last < first for row in rows) and unit.valid_until is None:
            yield _ceased(unit, path, plan, units, rows)
        return
    if unit.code is None:
        return
    holders = units.holders(unit.level, unit.code, date)
    if not holders:
        return  # a code the registry does not know then: it cannot say
    named = units.named(unit, date)
    if named:
        yield _code_of_another(unit, path, plan, units, holders, named)
        return
    close = [row for row in holders if _close(row.unit, unit)]
    if close:
        yield _named_otherwise(unit, path, plan, units, close[0])


def _close(official: AdministrativeUnit, given: AdministrativeUnit) -> bool:
    """Whether two names are one misspelt: equal but for marks, or nearly equal."""
    a, b = vi.fold(official.name), vi.fold(given.name)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _ceased(unit: AdministrativeUnit, path: str, plan: Plan, units: UnitRegistry,
            rows: tuple[UnitRecord, ...]) -> Problem:
    row = max(rows, key=lambda each: each.last)
    successors = [units.describe(each) for code in row.successors
                  for each in units.holders(Level.TINH if unit.level is Level.TINH
                                            else Level.XA, code, FIRST_DAY)]
    took_over = f" ({', '.join(successors)})" if successors else ""
    return _problem(
        path,
        "unit-not-existing",
        f"{units.describe(row)} existed until {row.last.isoformat()}, before the plan's date "
        f"({plan.document.date}), as the unit registry has it ({row.source}); expected the "
        f"unit that took it over{took_over}, or a plan dated while it existed",
    )


def _code_of_another(unit: AdministrativeUnit, path: str, plan: Plan, units: UnitRegistry,
                     holders: tuple[UnitRecord, ...], named: tuple[UnitRecord, ...]) -> Problem:
    when = f"on the plan's date ({plan.document.date})"
    holder = " or ".join(units.describe(row) for row in holders)
    listed = "; ".join(units.describe(row) for row in named)
    codes = sorted({row.unit.code for row in named if row.unit.code is not None})
    expected = (f"expected code: {codes[0]!r}" if len(codes) == 1 else
                f"expected the code of the one meant ({', '.join(codes)})")
    return _problem(
        f"{path}.code",
        "unit-code",
        f"the code {unit.code} is that of {holder} {when}, not of {unit.full_name}, which the "
        f"unit registry has as {listed}; {expected}",
    )


def _named_otherwise(unit: AdministrativeUnit, path: str, plan: Plan, units: UnitRegistry,
                     holder: UnitRecord) -> Problem:
    official = holder.unit
    field = "kind" if official.name == unit.name else "name"
    return _problem(
        f"{path}.{field}",
        "unit-code",
        f"the code {unit.code} is that of {units.describe(holder)} on the plan's date "
        f"({plan.document.date}), but the plan names {unit.full_name}; expected name: "
        f"{official.name!r} and kind: {official.kind.value} for that code, or the code of "
        f"{unit.full_name}",
    )


def registry_checks(units: UnitRegistry) -> tuple[Check, ...]:
    """The checks that read the unit registry: the issuer's and parent's units on the plan's date.

    - ``unit-not-existing``: the registry knows the unit ended before the
      plan's date (the plan file giving no ``valid_until``);
    - ``unit-code``: the unit's code is another unit's on that date (and the
      registry gives the unit named another code, or the code's unit is named
      nearly as the plan names it).
    """

    def check_registered_units(plan: Plan) -> Iterator[Problem]:
        """The issuer's and the parent's units agree with the unit registry."""
        for path, agency in (("$.issuer", plan.issuer), ("$.parent", plan.parent)):
            unit = agency.unit if agency is not None else None
            if unit is not None and unit.level in (Level.XA, Level.HUYEN, Level.TINH):
                yield from _registered(unit, f"{path}.unit", plan, units)

    return (check_registered_units,)


def _form_name(form: str) -> str:
    return NATIONAL_WORDING.get(form, form)


def _coverage(form: str) -> str:
    """The span of dates the table covers for a form, as a parenthesis; empty if none."""
    known = [rule for rule in AWARD_RULES if rule.form == form]
    if not known:
        return ""
    since = min(rule.since for rule in known)
    ends = [rule.until for rule in known]
    until = None if None in ends else max(end for end in ends if end is not None)
    span = f"from {since.isoformat()}" + ("" if until is None else f" to {until.isoformat()}")
    return f" (it covers {_form_name(form)} {span})"


def _allowed(rules: tuple[AwardRule, ...]) -> str:
    """The offices the rules allow, grouped by the law that says so."""
    by_source: dict[str, list[str]] = {}
    for rule in rules:
        by_source.setdefault(rule.source.cite(), []).append(
            f"{rule.title.vi} cấp {rule.level.vi}")
    return "; ".join(f"{' or '.join(offices)} ({source})" for source, offices in by_source.items())


def check_awards(plan: Plan) -> Iterator[Problem]:
    """Each award is given by an authority the law allows on the plan's date."""
    if plan.awards is None:
        return
    day = plan.document.date.first_day
    national = {form.value for form in AwardForm}
    for index, grant in enumerate(plan.awards.grants):
        if grant.form not in national or grant.form in FREE_FORMS:
            continue  # a form of the plan's own, or outside the awards law: no rule applies
        path = f"$.awards.grants[{index}]"
        rules = rules_for(grant.form, day)
        if not rules:
            yield _problem(
                f"{path}.form",
                "award-rule-unknown",
                f"the rule table does not say who may give {_form_name(grant.form)} on "
                f"{day.isoformat()}{_coverage(grant.form)}; check the authority by hand",
                Severity.WARNING,
            )
            continue
        authority = grant.authority
        if not any(r.title is authority.title and r.level is authority.level for r in rules):
            allowed = _allowed(rules)
            yield _problem(
                f"{path}.authority",
                "award-authority",
                f"{authority.title.vi} cấp {authority.level.vi} may not give "
                f"{_form_name(grant.form)} on {day.isoformat()}; expected {allowed}",
            )


def check_award_words(plan: Plan) -> Iterator[Problem]:
    """Every form and recipient kind has its wording; a grant's tier is a milestone."""
    awards = plan.awards
    if awards is None:
        return
    known = sorted({*NATIONAL_WORDING, *(item.id for item in awards.wording)})
    milestones = [milestone.id for milestone in plan.schedule if milestone.id]

    def unworded(id_: str, path: str, what: str) -> Problem | None:
        if awards.text(id_) is not None:
            return None
        close = difflib.get_close_matches(id_, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return _problem(path, "award-wording-missing",
                        f"{id_!r} is no national {what}{hint}; give its wording under "
                        "awards.wording (id and text), or use a plugin that knows it")

    for index, kind in enumerate(awards.recipients):
        found = unworded(kind, f"$.awards.recipients[{index}]", "recipient kind")
        if found is not None:
            yield found
    for index, grant in enumerate(awards.grants):
        path = f"$.awards.grants[{index}]"
        found = unworded(grant.form, f"{path}.form", "form of award")
        if found is not None:
            yield found
        for position, kind in enumerate(grant.recipients):
            found = unworded(kind, f"{path}.recipients[{position}]", "recipient kind")
            if found is not None:
                yield found
        if grant.at is not None and grant.at not in milestones:
            listed = ", ".join(repr(item) for item in milestones) or "none has an id"
            yield _problem(f"{path}.at", "award-tier-unknown",
                           f"no milestone has the id {grant.at!r}; expected the id of the "
                           f"conference where it is given ({listed})")


def _nominee_key(nominee: Nominee) -> tuple[str, str]:
    """A nominee as a careful reader compares them: case, spacing and dashes aside."""
    return vi.name_key(nominee.name), vi.name_key(nominee.unit or "")


def _grant_of(nominee: Nominee, grants: tuple[AwardGrant, ...]) -> AwardGrant | None:
    if nominee.grant is None:
        return grants[0] if len(grants) == 1 else None
    return next((grant for grant in grants if grant.id == nominee.grant), None)


def check_nominees(plan: Plan) -> Iterator[Problem]:
    """Each nominee has its grant, a kind it goes to, is listed once, within the numbers."""
    if not plan.nominees:
        return
    grants = plan.awards.grants if plan.awards is not None else ()
    ids = [grant.id for grant in grants if grant.id]
    listed = ", ".join(repr(id_) for id_ in ids) or "no grant has an id"
    seen: dict[tuple[str | None, tuple[str, str]], int] = {}
    per_grant: dict[int, list[Nominee]] = {}
    for index, nominee in enumerate(plan.nominees):
        path = f"$.nominees[{index}]"
        grant = _grant_of(nominee, grants)
        if grant is None:
            if not grants:
                message = "the plan gives no award (awards.grants) to propose it for"
            elif nominee.grant is None:
                message = f"the plan has {len(grants)} grants; say which one (grant: {listed})"
            else:
                close = difflib.get_close_matches(nominee.grant, ids, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                message = f"no grant has the id {nominee.grant!r}{hint}; expected one of {listed}"
            yield _problem(f"{path}.grant", "nominee-grant-unknown", message)
            continue
        per_grant.setdefault(id(grant), []).append(nominee)
        if nominee.recipient not in grant.recipients:
            kinds = ", ".join(repr(kind) for kind in grant.recipients)
            yield _problem(f"{path}.recipient", "nominee-recipient",
                           f"{nominee.name} is proposed as {nominee.recipient!r}, but "
                           f"{_form_name(grant.form)} goes to {kinds}; expected one of them")
        key = (grant.id, _nominee_key(nominee))
        if key in seen:
            yield _problem(path, "nominee-duplicate",
                           f"{nominee.name} is listed twice for the same award (first as "
                           f"$.nominees[{seen[key]}]); expected each nominee once")
        else:
            seen[key] = index
    for position, grant in enumerate(grants):
        yield from _nominee_counts(grant, f"$.awards.grants[{position}]",
                                   per_grant.get(id(grant), []))
    yield from _nominees_on_decision_day(plan, grants, per_grant)


def _nominee_counts(grant: AwardGrant, path: str, nominees: list[Nominee]) -> Iterator[Problem]:
    if not nominees:
        return
    total = len(nominees)
    if grant.quota is not None and (total > grant.quota or (grant.exact and total != grant.quota)):
        bound = "exactly" if grant.exact else "at most"
        yield _problem(f"{path}.quota", "nominee-count",
                       f"{total} nominees are proposed for {_form_name(grant.form)}, which is "
                       f"given to {bound} {grant.quota}; expected {bound} {grant.quota} nominees")
    for index, count in enumerate(grant.counts):
        found = sum(1 for nominee in nominees if nominee.recipient == count.recipient)
        if found > count.count or (grant.exact and found != count.count):
            bound = "exactly" if grant.exact else "at most"
            yield _problem(f"{path}.counts[{index}]", "nominee-count",
                           f"{found} nominees of kind {count.recipient!r} are proposed, but the "
                           f"grant gives {bound} {count.count}; expected {bound} {count.count}")


def _nominees_on_decision_day(plan: Plan, grants: tuple[AwardGrant, ...],
                              per_grant: dict[int, list[Nominee]]) -> Iterator[Problem]:
    """On the decision's own day, when not the plan's, the authority may still give it.

    Reported once a grant, at its first nominee's grant: where a list read from
    a file names the form.
    """
    documents = plan.documents
    decision = documents.decision if documents is not None else None
    if decision is None or decision.issued.date is None:
        return
    day = decision.issued.date.first_day
    if day == plan.document.date.first_day:
        return  # award-authority has said it for the plan's day
    national = {form.value for form in AwardForm}
    for grant in grants:
        proposed = per_grant.get(id(grant), [])
        if not proposed or grant.form not in national or grant.form in FREE_FORMS:
            continue
        rules = rules_for(grant.form, day)
        authority = grant.authority
        if rules and not any(r.title is authority.title and r.level is authority.level
                             for r in rules):
            first = next(index for index, nominee in enumerate(plan.nominees)
                         if nominee is proposed[0])
            others = (f" (and {len(proposed) - 1} other nominees proposed for it)"
                      if len(proposed) > 1 else "")
            yield _problem(f"$.nominees[{first}].grant", "nominee-award-date",
                           f"{authority.title.vi} cấp {authority.level.vi} may not give "
                           f"{_form_name(grant.form)} on {day.isoformat()}, the day of the "
                           f"decision (documents.decision.issued.date){others}; expected "
                           f"{_allowed(rules)}")


def check_indicators(plan: Plan) -> Iterator[Problem]:
    """Targets and results name the plan's indicators; a paired indicator's result has a total."""
    known = [indicator.id for indicator in plan.indicators]

    def unknown(id_: str, path: str) -> Problem:
        close = difflib.get_close_matches(id_, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        listed = ", ".join(repr(item) for item in known) or "the plan has none"
        return _problem(path, "indicator-unknown", f"no indicator has the id {id_!r}{hint}; "
                        f"expected one of the plan's indicators ({listed})")

    if plan.orientation is not None:
        for index, target in enumerate(plan.orientation.targets):
            if plan.indicator(target.indicator) is None:
                yield unknown(target.indicator, f"$.orientation.targets[{index}].indicator")
    if plan.assessment is not None:
        for index, result in enumerate(plan.assessment.results):
            path = f"$.assessment.results[{index}]"
            indicator = plan.indicator(result.indicator)
            if indicator is None:
                yield unknown(result.indicator, f"{path}.indicator")
            elif indicator.paired and result.total is None:
                yield _problem(f"{path}.total", "indicator-total-missing",
                               f"{indicator.name} is counted of a total ({indicator.counted}); "
                               "expected the total, as achieved/total")
            elif not indicator.paired and result.total is not None:
                yield _problem(f"{path}.total", "indicator-total-missing",
                               f"{indicator.name} is a plain count; expected no total",
                               Severity.WARNING)


def check_sections(plan: Plan) -> Iterator[Problem]:
    """A plan's own parts have titles; each part is named once; ``after`` names a part."""
    keys = [*BUILTIN_SECTIONS, *(spec.key for spec in plan.sections
                                 if spec.key not in BUILTIN_SECTIONS)]
    seen: set[str] = set()
    for index, spec in enumerate(plan.sections):
        path = f"$.sections[{index}]"
        if spec.key in seen:
            yield _problem(f"{path}.key", "section-invalid", f"the part {spec.key!r} is given "
                           "twice; expected each part once")
        seen.add(spec.key)
        own = spec.key not in BUILTIN_SECTIONS
        if own and spec.title is None and not spec.omit:
            yield _problem(f"{path}.title", "section-invalid",
                           f"{spec.key!r} is not a built-in part ({', '.join(BUILTIN_SECTIONS)}), "
                           "so it is a part of the plan's own and needs a title")
        if not own and (spec.paragraphs or spec.topics):
            yield _problem(f"{path}.paragraphs", "section-invalid",
                           f"the built-in part {spec.key!r} is written from the plan's fields; "
                           "expected its text there, or a part of the plan's own")
        if spec.after is not None and spec.after not in (*keys, "start"):
            close = difflib.get_close_matches(spec.after, keys, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            yield _problem(f"{path}.after", "section-invalid",
                           f"no part has the key {spec.after!r}{hint}; expected 'start' or one "
                           f"of {', '.join(keys)}")


def _same_name(text: str, names: Iterable[str | None]) -> bool:
    wanted = vi.name_key(text)
    return any(name is not None and vi.name_key(name) == wanted for name in names)


def _issuers(plan: Plan) -> Iterator[tuple[str, Agency]]:
    """The plan's issuer, and each body a document of the set is issued by instead."""
    yield "$.issuer", plan.issuer
    documents = plan.documents
    if documents is None:
        return
    for name in ("invitation", "programme", "proposal", "decision", "report", "letter"):
        settings = getattr(documents, name)
        issuer = getattr(settings, "issuer", None) if settings is not None else None
        if issuer is not None:
            yield f"$.documents.{name}.issuer", issuer


def check_header(plan: Plan) -> Iterator[Problem]:
    """Each header line an issuer gives fits the built-in templates' header column."""
    for where, issuer in _issuers(plan):
        yield from _header_lines(where, issuer)


def _header_lines(where: str, issuer: Agency) -> Iterator[Problem]:
    for index, line in enumerate(issuer.header_lines):
        points = line_points(line.upper())
        if points > HEADER_POINTS:
            fitted = ", ".join(repr(part) for part in
                               vi.wrap_words(line.upper(), HEADER_POINTS, line_points))
            yield _problem(
                f"{where}.header_lines[{index}]", "header-line-long",
                f"{excerpt(line)} sets {points:.0f} pt wide in bold {HEADER_SIZE} pt, more than "
                f"the {HEADER_POINTS:.0f} pt of the header column, so it would break where the "
                f"line runs out; expected it split into lines, such as {fitted}",
                Severity.WARNING)


def check_signature(plan: Plan) -> Iterator[Problem]:
    """TM. for a collective issuer and only then, never with TL./TUQ.; it names the issuer."""
    signature, issuer = plan.signature, plan.issuer
    collective = issuer.signs_collectively
    delegated = signature.mode in (SignMode.TL, SignMode.TUQ)
    if delegated and signature.on_behalf_of is not None:
        mode = signature.mode.value if signature.mode is not None else ""
        yield _problem(
            "$.signature.on_behalf_of",
            "signature-prefix",
            f"a document signed {mode}. (for the head, by an officer he or she names) has no TM. "
            f"line; expected no on_behalf_of, so that it reads '{mode}. "
            f"{(signature.head or '').upper()}'",
        )
    elif collective and not delegated and signature.on_behalf_of is None:
        yield _problem(
            "$.signature.on_behalf_of",
            "signature-prefix",
            f"{issuer.name} is a collective body, so the plan is signed on its behalf; "
            f"expected on_behalf_of: {issuer.called!r} (the 'TM. {issuer.called.upper()}' line)",
        )
    elif not collective and signature.on_behalf_of is not None:
        yield _problem(
            "$.signature.on_behalf_of",
            "signature-prefix",
            f"{issuer.name} is headed by one person, so 'TM.' does not fit; expected no "
            "on_behalf_of, or mark the issuer collective: true",
        )
    elif (
        signature.on_behalf_of is not None
        and not _same_name(signature.on_behalf_of, (issuer.name, issuer.short_name))
    ):
        yield _problem(
            "$.signature.on_behalf_of",
            "signature-body",
            f"the TM. line names {signature.on_behalf_of!r}, not the issuer {issuer.name!r}; "
            f"expected on_behalf_of: {issuer.called!r}",
            Severity.WARNING,
        )
    academic = ACADEMIC_TITLE.match(signature.signer)
    if academic is not None:
        yield _problem(
            "$.signature.signer",
            "signer-title",
            f"{signature.signer!r} carries an academic title; the decree signs with the name "
            f"alone: {signature.signer[academic.end():]!r}",
            Severity.WARNING,
        )


def check_recipients(plan: Plan) -> Iterator[Problem]:
    """The recipients end with the archive line of the plan's date, and only the last is one."""
    recipients = plan.recipients
    rule = archive_rule(plan.document.date.first_day)
    example = "'Lưu: VT'" if rule.source is not TT_01_2011 else "'Lưu: VT' or 'Lưu: Văn thư'"
    if not recipients:
        yield _problem(
            "$.recipients",
            "recipients-archive",
            f"no recipients; expected at least the archive line {example}",
        )
        return
    for index, line in enumerate(recipients[:-1]):
        if rule.loose.match(line.strip()):
            yield _problem(
                f"$.recipients[{index}]",
                "recipients-archive",
                "the archive line comes before other recipients; expected it last",
            )
    last = len(recipients) - 1
    line = recipients[last].strip()
    if not rule.loose.match(line):
        yield _problem(
            f"$.recipients[{last}]",
            "recipients-archive",
            f"the last recipient is {excerpt(recipients[last])}; expected the archive line "
            f"of {plan.document.date}: {rule.form} ({rule.source.cite()})",
        )
    elif not rule.line.match(line):
        spaced = re.sub(r"^Lưu\s*:\s*", "Lưu: ", line)
        yield _problem(
            f"$.recipients[{last}]",
            "archive-line-form",
            f"the archive line {excerpt(line)} is spaced otherwise than its form "
            f"({rule.source.text}); expected {spaced!r}",
            Severity.WARNING,
        )


#: The built-in checks, in the order their problems are reported.
BUILTIN_CHECKS: tuple[Check, ...] = (
    check_texts,
    check_placeholders,
    check_bases,
    check_period,
    check_schedule,
    check_units,
    check_awards,
    check_award_words,
    check_nominees,
    check_indicators,
    check_sections,
    check_header,
    check_signature,
    check_recipients,
)
