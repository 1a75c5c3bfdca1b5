"""Every document phongtrao renders conforms to the rules it checks.

The bundled examples with each template (the built-in ``ke-hoach``, the
plugins' ``ha-tinh-2021`` and ``hue-2025``, the minimal plugin's copy), the
tutorial's plan, the commune drafts of the Cẩm Xuyên cascade, the starter plans
of each level as drafts, a province's commune plans after the reform, and the
testing module's minimal plan. The project renders one kind of document, the
Kế hoạch; each is rendered as phongtrao renders it and linted: no error, and
every rule evaluated (warnings allowed: the seed's archive line names no
drafting unit, as the real document did not).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import phongtrao
from phongtrao import Finding, Plugins, Renderer, testing
from phongtrao.model import Level, Plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "cam-xuyen-2021" / "plan.yaml"
WARD = EXAMPLES / "ward-2025" / "plan.yaml"
TUTORIAL = ROOT / "docs" / "tutorial" / "ke-hoach.yaml"
MINIMAL_TEMPLATE = (EXAMPLES / "minimal-plugin" / "src" / "phongtrao_minimal" / "templates"
                    / "minimal.docx")


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    """The national defaults with both province plugins, as a user with them installed has."""
    return Renderer(Plugins(["ha-tinh", "hue"]))


def problems(findings: list[Finding]) -> list[str]:
    """The findings that keep a document from being clean: errors, and rules not evaluated."""
    return [str(finding) for finding in findings if finding.is_error or not finding.evaluated]


def _renders(renderer: Renderer) -> list[tuple[str, Plan, str | Path | None, bool]]:
    """(name, plan, template, draft) for every document the examples and docs render."""
    seed, ward, tutorial = (phongtrao.load_plan(path) for path in (SEED, WARD, TUTORIAL))
    found: list[tuple[str, Plan, str | Path | None, bool]] = [
        *((f"seed-{template}", seed, template, False)
          for template in ("ke-hoach", "ha-tinh-2021", "hue-2025")),
        ("seed-minimal-plugin", seed, MINIMAL_TEMPLATE, False),
        ("ward-chosen", ward, None, False),
        ("ward-ke-hoach", ward, "ke-hoach", False),
        ("tutorial", tutorial, None, True),
        ("minimal-plan", testing.minimal_plan(), None, False),
    ]
    units = [unit for unit in renderer.plugins.catalog().units
             if unit.level is Level.XA and unit.valid_until is not None]
    found += [(f"commune-{unit.code}", phongtrao.commune_plan(seed, unit), None, True)
              for unit in units[:21]]
    found += [(f"starter-{level.value}-{year}",
               phongtrao.starter_plan(level, unit, year), None, True)
              for level, unit, year in ((Level.XA, "Cẩm Bình", 2025),
                                        (Level.HUYEN, "Cẩm Xuyên", 2021),
                                        (Level.TINH, "Hà Tĩnh", 2025))]
    province = phongtrao.starter_plan(Level.TINH, "Hà Tĩnh", 2025)
    found += [(f"province-commune-{n}", plan, None, True)
              for n, plan in enumerate(itertools.islice(phongtrao.commune_plans(province), 3))]
    return found


class TestRenderedDocumentsConform:
    def test_the_examples_and_every_plan_phongtrao_makes(self, renderer: Renderer) -> None:
        """Each document phongtrao renders lints without an error or a rule not evaluated."""
        renders = _renders(renderer)
        results = {
            name: problems(phongtrao.lint(renderer.render_bytes(plan, template, draft=draft),
                                          plugins=renderer.plugins))
            for name, plan, template, draft in renders}
        assert (True, {}) == (len(results) >= 30,
                              {name: found for name, found in results.items() if found})

    def test_the_only_warning_of_the_seed_is_its_archive_line(self, renderer: Renderer) -> None:
        """The seed renders with one warning: its «- Lưu: VT.» names no drafting unit."""
        seed = phongtrao.load_plan(SEED)
        findings = phongtrao.lint(renderer.render_bytes(seed, "ke-hoach"),
                                  plugins=renderer.plugins)
        assert [("recipients-drafter", "- Lưu: VT.")] == [
            (finding.code, finding.where.text) for finding in findings]
