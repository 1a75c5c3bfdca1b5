"""Derive, write and render the commune plans the Cẩm Xuyên 2021 plan orders.

The district's plan (``examples/cam-xuyen-2021/plan.yaml``) tells each of its
xã and thị trấn to hold its own summary conference between 02/2021 and 4/2021
and to report to the district. This script does that cascade:

1. takes the communes of huyện Cẩm Xuyên in 2021 from the unit registry, to
   which the ``ha-tinh`` plugin adds them (23, with their official codes), or,
   when that plugin is not installed or ``PHONGTRAO_PLUGINS`` leaves it out,
   from the same list kept below;
2. derives each commune's plan with ``phongtrao._cascade.commune_plan``: issued by
   the commune's UBND, citing the district's plan, its conference inside the
   district's commune-level window, its report going up to UBND huyện;
3. writes each plan as a YAML file (OUT/plans/) for the commune to complete;
4. renders them all as drafts (OUT/drafts/) in one batch, the values only the
   commune knows printed as «…».

Run from anywhere::

    python examples/cam-xuyen-2021-communes/derive.py [OUT]

OUT is the folder to write into; by default a new temporary folder, printed.
Exit 1 when a plan has problems other than «…» placeholders or fails to render.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import phongtrao
from phongtrao import BatchFailure, Plugins, commune_plan, output_names, render_many
from phongtrao.model import REFORM_DATE, AdministrativeUnit, Level, Milestone, Plan, UnitKind

HERE = Path(__file__).resolve().parent
DISTRICT_PLAN = HERE.parent / "cam-xuyen-2021" / "plan.yaml"
PLUGIN = "ha-tinh"
PLACEHOLDER = re.compile(r"«[^«»]*»")  # as phongtrao.testing.PLACEHOLDER

# Used only without the ha-tinh plugin: the same 23 communes as its catalog (source:
# vietnam-provinces 0.3.0, the GSO list of 2021-02-03, district 446), valid until
# 2025-06-30 (REFORM_DATE).
FALLBACK_ROWS = (
    ("18673", UnitKind.THI_TRAN, "Cẩm Xuyên"), ("18676", UnitKind.THI_TRAN, "Thiên Cầm"),
    ("18679", UnitKind.XA, "Yên Hòa"), ("18682", UnitKind.XA, "Cẩm Dương"),
    ("18685", UnitKind.XA, "Cẩm Bình"), ("18691", UnitKind.XA, "Cẩm Vịnh"),
    ("18694", UnitKind.XA, "Cẩm Thành"), ("18697", UnitKind.XA, "Cẩm Quang"),
    ("18706", UnitKind.XA, "Cẩm Thạch"), ("18709", UnitKind.XA, "Cẩm Nhượng"),
    ("18712", UnitKind.XA, "Nam Phúc Thăng"), ("18715", UnitKind.XA, "Cẩm Duệ"),
    ("18721", UnitKind.XA, "Cẩm Lĩnh"), ("18724", UnitKind.XA, "Cẩm Quan"),
    ("18727", UnitKind.XA, "Cẩm Hà"), ("18730", UnitKind.XA, "Cẩm Lộc"),
    ("18733", UnitKind.XA, "Cẩm Hưng"), ("18736", UnitKind.XA, "Cẩm Thịnh"),
    ("18739", UnitKind.XA, "Cẩm Mỹ"), ("18742", UnitKind.XA, "Cẩm Trung"),
    ("18745", UnitKind.XA, "Cẩm Sơn"), ("18748", UnitKind.XA, "Cẩm Lạc"),
    ("18751", UnitKind.XA, "Cẩm Minh"),
)


def fallback_communes() -> list[AdministrativeUnit]:
    """The communes of huyện Cẩm Xuyên in 2021, as kept in this script."""
    return [AdministrativeUnit(name=name, level=Level.XA, kind=kind, code=code,
                               valid_until=REFORM_DATE)
            for code, kind, name in FALLBACK_ROWS]


def plugin_selected(name: str) -> bool:
    """Whether PHONGTRAO_PLUGINS lets the plugin ``name`` load (unset: every plugin)."""
    value = os.environ.get("PHONGTRAO_PLUGINS")
    if value is None or value.strip().lower() == "all":
        return True
    return name in {part.strip() for part in value.split(",")}


def communes(parent: Plan) -> list[AdministrativeUnit]:
    """The commune-level units under the district on the parent plan's date."""
    if plugin_selected(PLUGIN):
        plugins = Plugins([PLUGIN])
        if PLUGIN in plugins.names():
            day = parent.document.date.last_day
            registry = plugins.units
            district = registry.lookup("huyện Cẩm Xuyên", level=Level.HUYEN, on=day).resolve()
            units = [row.unit for row in registry.communes(district, day)]
            print(f"communes: {len(units)} from the unit registry, as the {PLUGIN} plugin "
                  "adds them")
            return units
        reason = "; ".join(str(failure) for failure in plugins.failures) or "not loaded"
        print(f"the {PLUGIN} plugin is not available ({reason}).")
    else:
        print(f"PHONGTRAO_PLUGINS={os.environ.get('PHONGTRAO_PLUGINS')!r} leaves out the "
              f"{PLUGIN} plugin.")
    units = fallback_communes()
    print(f"communes: {len(units)} from the list kept in {Path(__file__).name} (install "
          f"plugins/phongtrao-hatinh for the catalog, its unit check and its template)")
    return units


def commune_milestone(plan: Plan) -> Milestone:
    """The plan's one commune-level milestone."""
    (milestone,) = [m for m in plan.schedule if m.level is Level.XA]
    return milestone


def main(argv: list[str]) -> int:
    given = Path(argv[1]) if len(argv) > 1 else None
    out = (given or Path(tempfile.mkdtemp(prefix="phongtrao-communes-"))).resolve()
    print(f"writing to {out}")
    parent = phongtrao.load_plan(DISTRICT_PLAN)
    district = commune_milestone(parent).window

    plans = [commune_plan(parent, unit) for unit in communes(parent)]
    folder = out / "plans"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [phongtrao.dump_plan(plan, folder / name)
             for plan, name in zip(plans, output_names(plans, ".yaml"), strict=True)]

    failures: list[BatchFailure] = []
    drafts = render_many(paths, out / "drafts", draft=True, overwrite=True,
                         on_failure=failures.append)
    written = {path.stem for path in drafts}

    left: Counter[tuple[str, str]] = Counter()
    errors = 0
    for plan, path in zip(plans, paths, strict=True):
        unit = plan.issuer.unit
        assert unit is not None
        window = commune_milestone(plan).window
        problems = phongtrao.check(plan)  # with the plugins PHONGTRAO_PLUGINS loads
        placeholders = [p for p in problems if p.code == "placeholder"]
        others = [p for p in problems if p.code != "placeholder"]
        for problem in placeholders:
            found = PLACEHOLDER.search(problem.message)
            left[problem.path, found.group() if found else problem.message] += 1
        draft = f"{path.stem}.docx" if path.stem in written else "NOT RENDERED"
        print(f"{unit.code} {unit.full_name:<22} {window.vi}: plans/{path.name}, "
              f"drafts/{draft}; {len(placeholders)} «…» to fill")
        if not district.first_day <= window.first_day <= window.last_day <= district.last_day:
            print(f"    {path.name}: the conference falls outside the district's window")
            errors += 1
        for problem in others:
            print(f"    {path.name}: {problem}")
        errors += sum(p.severity is phongtrao.Severity.ERROR for p in others)

    print(f"{len(drafts)} of {len(plans)} drafts written; the district's window for its "
          f"communes: {district.vi}")
    print("left to fill in each commune's plan file:")
    for (where, placeholder), count in sorted(left.items()):
        share = "every plan" if count == len(plans) else f"{count} plans"
        print(f"  {where}: {placeholder} ({share})")
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if errors or failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
