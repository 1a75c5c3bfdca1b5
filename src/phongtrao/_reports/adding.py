"""Adding up: the lower units' counts into an :class:`~phongtrao.model.Aggregate`.

Counts are added; shares are computed from the sums, never averaged (DESIGN
§4). Rows follow the order of the units the plan expects (or, when they are
not known, the order of the reports); a unit expected that sent nothing is
listed as missing, by name.
"""

from __future__ import annotations

from phongtrao._reports.keys import plan_key
from phongtrao._reports.reading import unit_key
from phongtrao.model import Aggregate, IndicatorTotal, Plan, Results, UnitCount

__all__ = ["aggregate"]


def aggregate(plan: Plan, results: Results) -> Aggregate:
    """Add up the lower units' counts of ``plan``.

    Args:
        plan: the plan the results answer (:func:`phongtrao.read_results` read them for it).
        results: the reports, every one sound.

    Returns:
        The sums per indicator, one row per unit, the targets, the units that
        reported, did not report, or were left out.

    Raises:
        ValueError: when the results were read for another plan.
    """
    key = plan_key(plan)
    if results.plan_key != key:
        raise ValueError(f"the results were read for another plan (key {results.plan_key}); "
                         f"read them for this one (key {key}) with phongtrao.read_results")
    order = {unit_key(unit): position for position, unit in enumerate(results.expected)}
    reports = sorted(results.units,
                     key=lambda item: order.get(unit_key(item.unit), len(order)))
    targets = {target.indicator: target
               for target in (plan.orientation.targets if plan.orientation else ())}
    totals = []
    for indicator in plan.indicators:
        rows = []
        for report in reports:
            result = report.result(indicator.id)
            if result is not None:
                rows.append(UnitCount(unit=report.unit, achieved=result.achieved,
                                      total=result.total if indicator.paired else None))
        totals.append(IndicatorTotal(indicator=indicator, rows=tuple(rows),
                                     target=targets.get(indicator.id)))
    reported = {unit_key(report.unit) for report in reports}
    left = {unit_key(item.unit) for item in results.left_out if item.unit is not None}
    missing = tuple(unit for unit in results.expected
                    if unit_key(unit) not in reported | left)
    carried = tuple(f"{name}, {report.unit.full_name}"
                    for report in reports for name in report.left_out)
    return Aggregate(
        plan_key=key, unit=plan.issuer.unit,
        issuer=f"{plan.issuer.abbreviation or plan.issuer.name} "
        f"{plan.issuer.unit.full_name if plan.issuer.unit else ''}".strip(),
        period=plan.period, indicators=tuple(totals),
        reported=tuple(report.unit for report in reports), missing=missing,
        left_out=results.left_out, carried=carried)
