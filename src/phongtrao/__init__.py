"""phongtrao: typed plans for the summary conferences of Vietnamese mass movements.

Load a plan, check it, and (soon) render it::

    import phongtrao

    plan = phongtrao.load_plan("examples/cam-xuyen-2021/plan.yaml")
    for problem in phongtrao.check(plan):
        print(problem)
"""

from phongtrao.files import dump_plan, dumps_plan, load_plan
from phongtrao.model import Plan
from phongtrao.problems import PlanError, Problem, Severity
from phongtrao.rules import check

__all__ = [
    "Plan",
    "PlanError",
    "Problem",
    "Severity",
    "check",
    "dump_plan",
    "dumps_plan",
    "load_plan",
]

__version__ = "0.1.0.dev0"
