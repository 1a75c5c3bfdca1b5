"""Load, check and summarise the Cẩm Xuyên 2021 plan.

Run from anywhere: ``python examples/cam-xuyen-2021/summarise.py [PLAN]``.
Exits 1 when the plan has errors, 2 when it cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import phongtrao
from phongtrao import vi

HERE = Path(__file__).resolve().parent


def summarise(plan: phongtrao.Plan) -> list[str]:
    """Return the lines of a short summary of ``plan``."""
    document = plan.document
    date = document.date
    movement = plan.movement
    lines = [
        plan.issuer.full_name.upper(),
        vi.number_line(document.number.number, document.number.symbol, document.number.year),
        vi.date_line(plan.place, date.day, date.month, date.year),
        f"{document.kind.vi.upper()}: {plan.title}",
        (
            f"Phong trào “{movement.name}” ({movement.abbreviation}), "
            f"{vi.period_phrase(plan.period.start, plan.period.end)}: "
            f"{plan.period.years} năm, {len(movement.contents)} nội dung, "
            f"{len(movement.campaigns)} phong trào"
        ),
        (
            f"Căn cứ: {len(plan.bases)} văn bản; trách nhiệm: {len(plan.responsibilities)} "
            f"đơn vị; nơi nhận: {len(plan.recipients)}"
        ),
    ]
    for milestone in plan.schedule:
        window = milestone.window
        lines.append(
            f"  {milestone.title}: {window.first_day.isoformat()} → {window.last_day.isoformat()}"
        )
    lines.append(" / ".join(plan.signature.lines) + f" — {plan.signature.signer}")
    return lines


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else HERE / "plan.yaml"
    try:
        plan = phongtrao.load_plan(path)
    except phongtrao.PlanError as error:
        print(error, file=sys.stderr)
        return 2
    print("\n".join(summarise(plan)))
    problems = phongtrao.check(plan)
    for problem in problems:
        print(f"{path}: {problem}")
    errors = [p for p in problems if p.severity is phongtrao.Severity.ERROR]
    print(f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
