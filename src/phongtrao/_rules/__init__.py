"""Semantic checks of a plan: :func:`check` and the problem codes it reports."""

from __future__ import annotations

from collections.abc import Iterable

from phongtrao._problems import Problem
from phongtrao._rules.awards_table import AWARD_RULES, AwardRule
from phongtrao._rules.checks import BUILTIN_CHECKS, CODES, Check, registry_checks
from phongtrao._units import UnitRegistry
from phongtrao.model import Plan

__all__ = ["AWARD_RULES", "CODES", "AwardRule", "Check", "check", "registry_checks"]


def check(plan: Plan, *, extra: Iterable[Check] = (),
          units: UnitRegistry | None = None) -> list[Problem]:
    """Check a plan and return its problems, errors and warnings alike.

    Args:
        plan: the plan to check.
        extra: more checks to run after the built-in ones; each takes the plan
            and yields :class:`~phongtrao._problems.Problem` objects.
        units: the unit registry the issuer's and parent's units are checked
            against (after the built-in checks); None leaves those checks out.

    Returns:
        The problems found, in the order of the checks; empty for a sound plan.
        Codes are listed in :data:`CODES`.
    """
    problems: list[Problem] = []
    registered = registry_checks(units) if units is not None else ()
    for rule in (*BUILTIN_CHECKS, *registered, *extra):
        problems.extend(rule(plan))
    return problems
