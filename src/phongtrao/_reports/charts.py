"""The aggregate's charts, as PNG pictures: shares per unit, and results against targets.

Drawn with matplotlib's Agg backend (no display), imported when a chart is
first drawn, in DejaVu Sans, which has every Vietnamese letter. The pictures
carry no date or version, so the same aggregate gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from phongtrao.model import Aggregate, IndicatorTotal
from phongtrao.vi import format_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["indicator_chart", "targets_chart"]

_BAR = "#2f6b9a"
_TOTAL = "#c0392b"
_TARGET = "#27ae60"


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    axes = figure.add_subplot()
    return figure, axes


def _png(figure: Figure) -> bytes:
    output = io.BytesIO()
    figure.savefig(output, format="png", metadata={"Software": None}, bbox_inches="tight")
    return output.getvalue()


def _percent_text(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "%"


def indicator_chart(total: IndicatorTotal, heading: str) -> bytes:
    """One bar per unit, sorted from the highest: the share (or count), with the total's line.

    A paired indicator shows each unit's share, a line at the share of the
    sums and, if the plan sets one, a line at the target; a plain count
    shows each unit's count.
    """
    indicator = total.indicator
    rows = list(reversed(total.by_share()))  # the highest at the top
    names = [row.unit.name for row in rows]
    figure, axes = _figure(8.0, max(2.5, 0.32 * len(rows) + 1.4))
    axes.tick_params(labelsize=8)
    if indicator.paired:
        values = [float(row.percent) if row.percent is not None else 0.0 for row in rows]
        axes.barh(names, values, color=_BAR)
        axes.set_xlim(0, 105)
        axes.set_xlabel(f"Tỷ lệ {indicator.counted} {indicator.achieved_as} (%)", fontsize=8)
        if total.percent is not None:
            axes.axvline(float(total.percent), color=_TOTAL, linewidth=1.2,
                         label=f"Chung: {format_number(total.achieved)}/"
                         f"{format_number(total.total or 0)} ({total.share})")
        target = total.target
        if target is not None and target.percent is not None:
            axes.axvline(target.percent, color=_TARGET, linestyle="--", linewidth=1.2,
                         label=f"Mục tiêu: {target.percent}%")
        for position, value in enumerate(values):
            axes.text(value + 0.5, position, _percent_text(value), va="center", fontsize=7)
        axes.legend(loc="upper left", bbox_to_anchor=(0.0, -0.08), fontsize=7, ncols=2)
    else:
        values = [float(row.achieved) for row in rows]
        axes.barh(names, values, color=_BAR)
        axes.set_xlabel(f"Số {indicator.counted} {indicator.achieved_as}", fontsize=8)
        for position, value in enumerate(values):
            axes.text(value, position, f" {int(value)}", va="center", fontsize=7)
    axes.set_title(f"{indicator.name} — {heading}", fontsize=10)
    figure.tight_layout()
    return _png(figure)


def targets_chart(aggregate: Aggregate, heading: str) -> bytes | None:
    """The share of the sums of each paired indicator that has a target, beside the target.

    None when no paired indicator has a target in percent.
    """
    totals = [total for total in aggregate.indicators
              if total.indicator.paired and total.target is not None
              and total.target.percent is not None]
    if not totals:
        return None
    names = [total.indicator.name for total in totals]
    reached = [float(total.percent) if total.percent is not None else 0.0 for total in totals]
    targets = [float(total.target.percent or 0) for total in totals if total.target]
    figure, axes = _figure(8.0, 1.0 + 0.7 * len(totals) + 1.0)
    positions = list(range(len(totals)))
    axes.barh([p - 0.2 for p in positions], reached, height=0.4, color=_BAR, label="Đạt được")
    axes.barh([p + 0.2 for p in positions], targets, height=0.4, color=_TARGET,
              label="Mục tiêu")
    axes.invert_yaxis()  # the plan's first indicator at the top
    axes.set_yticks(positions, names, fontsize=8)
    axes.set_xlim(0, 110)
    axes.set_xlabel("%", fontsize=8)
    for position, value in zip(positions, reached, strict=True):
        axes.text(value + 0.5, position - 0.2, _percent_text(value), va="center", fontsize=7)
    for position, value in zip(positions, targets, strict=True):
        axes.text(value + 0.5, position + 0.2, _percent_text(value), va="center", fontsize=7)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7)
    axes.set_title(f"Kết quả so với mục tiêu — {heading}", fontsize=10)
    figure.tight_layout()
    return _png(figure)
