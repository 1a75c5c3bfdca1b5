"""phongtrao: typed plans for the summary conferences of Vietnamese mass movements.

Load a plan, check it, and render it to a Decree-30 document; check any
.docx against the decree's format rules; send the statistics forms down and
add up what comes back (``write_forms``, ``read_results``, ``aggregate``)::

    import phongtrao

    plan = phongtrao.load_plan("examples/cam-xuyen-2021/plan.yaml")
    for problem in phongtrao.check(plan):
        print(problem)
    phongtrao.render(plan, "ke-hoach.docx")
    for finding in phongtrao.lint("ke-hoach.docx"):
        print(finding)

This module is the API. Besides it, users import on purpose
:mod:`phongtrao.model` (the plan and its parts), :mod:`phongtrao.vi`
(Vietnamese text rules), :mod:`phongtrao.errors` (every error phongtrao
raises), :mod:`phongtrao.hookspecs` (for plugin authors) and
:mod:`phongtrao.testing` (for their tests). Every other module is private.

Rendering's heavy parts (docxtpl, lxml, Jinja) are imported when a template
is first prepared, so ``import phongtrao`` stays quick for programs that only
load and check plans.
"""

import typing as _typing

from phongtrao._files import (
    Format,
    dump_plan,
    dumps_plan,
    load_plan,
    loads_plan,
    structure_plan,
    unstructure_plan,
)
from phongtrao._limits import Limits
from phongtrao._lint.types import Finding
from phongtrao._plugins import PluginFailure, PluginInfo, Plugins
from phongtrao._problems import Problem, Severity
from phongtrao._rules import CODES as _CODES
from phongtrao._units import LookupOutcome, UnitLookup, UnitRecord, UnitRegistry, UnitSource
from phongtrao._version import __version__ as __version__
from phongtrao.errors import (
    BatchError,
    BatchFailure,
    BatchInterrupted,
    DocumentError,
    ModelError,
    NomineeListError,
    PhongtraoError,
    PlanError,
    RenderError,
    ResultProblem,
    ResultsError,
    UnitLookupError,
)
from phongtrao.model import Plan

if _typing.TYPE_CHECKING:
    from phongtrao._api import check, render, render_bytes, render_package, template_context
    from phongtrao._batch import output_names, render_many, worker_pool
    from phongtrao._cascade import (
        commune_plan,
        commune_plans,
        official_communes,
        official_provinces,
    )
    from phongtrao._default import default_renderer
    from phongtrao._lint.engine import lint
    from phongtrao._lint.types import LintRule

    #: Every built-in lint rule by its code, as ``phongtrao lint`` checks them
    #: (docs/lint-rules.md); plugins add theirs with ``phongtrao_lint_rules``.
    #: Loaded on first use.
    LINT_RULES: dict[str, LintRule]
    from phongtrao._national import starter_plan
    from phongtrao._nominees import NomineeList, load_nominees
    from phongtrao._rendering import (
        CONTEXT_VERSION,
        DOCUMENTS,
        MissingDocument,
        Package,
        PdfConverter,
        Rendered,
        Renderer,
        find_soffice,
    )
    from phongtrao._reports.adding import aggregate
    from phongtrao._reports.forms import form_bytes, form_names, write_form, write_forms
    from phongtrao._reports.keys import FORM_VERSION, plan_key
    from phongtrao._reports.reading import read_results
    from phongtrao._reports.summary import aggregate_files, write_aggregate
    from phongtrao._reports.units import load_units, lower_units
    from phongtrao._templates import builtin_template

    #: Every problem code of returned forms and results files, with what it means
    #: (docs/problem-codes.md). Loaded on first use.
    RESULT_CODES: dict[str, str]

#: Every problem code :func:`check` reports, with what it means (docs/problem-codes.md).
PROBLEM_CODES: dict[str, str] = _CODES

# Loaded on first use, so that ``import phongtrao`` stays quick for programs that
# only load plans: rendering, batches, the cascade and the starters.
_LAZY = {
    "check": "_api", "render": "_api", "render_bytes": "_api", "template_context": "_api",
    "render_package": "_api", "DOCUMENTS": "_rendering", "MissingDocument": "_rendering",
    "Package": "_rendering",
    "output_names": "_batch", "render_many": "_batch", "worker_pool": "_batch",
    "commune_plan": "_cascade", "commune_plans": "_cascade",
    "official_communes": "_cascade", "official_provinces": "_cascade",
    "default_renderer": "_default", "starter_plan": "_national",
    "CONTEXT_VERSION": "_rendering", "PdfConverter": "_rendering", "Rendered": "_rendering",
    "Renderer": "_rendering",
    "find_soffice": "_rendering", "builtin_template": "_templates",
    "lint": "_lint.engine", "LINT_RULES": "_lint.rules",
    "aggregate": "_reports.adding", "form_bytes": "_reports.forms",
    "form_names": "_reports.forms", "write_form": "_reports.forms",
    "write_forms": "_reports.forms", "FORM_VERSION": "_reports.keys",
    "plan_key": "_reports.keys", "read_results": "_reports.reading",
    "RESULT_CODES": "_reports.reading", "aggregate_files": "_reports.summary",
    "write_aggregate": "_reports.summary", "load_units": "_reports.units",
    "lower_units": "_reports.units",
    "load_nominees": "_nominees", "NomineeList": "_nominees",
}
#: Names whose object has another name in its module.
_RENAMED = {"RESULT_CODES": "CODES"}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'phongtrao' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"phongtrao.{module}"), _RENAMED.get(name, name))
    globals()[name] = value
    return value


__all__ = [
    "CONTEXT_VERSION",
    "DOCUMENTS",
    "FORM_VERSION",
    "LINT_RULES",
    "PROBLEM_CODES",
    "RESULT_CODES",
    "BatchError",
    "BatchFailure",
    "BatchInterrupted",
    "DocumentError",
    "Finding",
    "Format",
    "Limits",
    "LookupOutcome",
    "MissingDocument",
    "ModelError",
    "NomineeList",
    "NomineeListError",
    "Package",
    "PdfConverter",
    "PhongtraoError",
    "Plan",
    "PlanError",
    "PluginFailure",
    "PluginInfo",
    "Plugins",
    "Problem",
    "RenderError",
    "Rendered",
    "Renderer",
    "ResultProblem",
    "ResultsError",
    "Severity",
    "UnitLookup",
    "UnitLookupError",
    "UnitRecord",
    "UnitRegistry",
    "UnitSource",
    "aggregate",
    "aggregate_files",
    "builtin_template",
    "check",
    "commune_plan",
    "commune_plans",
    "default_renderer",
    "dump_plan",
    "dumps_plan",
    "find_soffice",
    "form_bytes",
    "form_names",
    "lint",
    "load_nominees",
    "load_plan",
    "load_units",
    "loads_plan",
    "lower_units",
    "official_communes",
    "official_provinces",
    "output_names",
    "plan_key",
    "read_results",
    "render",
    "render_bytes",
    "render_many",
    "render_package",
    "starter_plan",
    "structure_plan",
    "template_context",
    "unstructure_plan",
    "worker_pool",
    "write_aggregate",
    "write_form",
    "write_forms",
]
