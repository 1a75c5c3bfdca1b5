"""The bundled Cẩm Xuyên 2021 example: complete, sound, and runnable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import phongtrao
from phongtrao._rules.walk import texts

from .conftest import ROOT

SEED = ROOT / "tests" / "data" / "seed" / "ke-hoach-cam-xuyen-2021.txt"


class TestExample:
    def test_checks_clean(self, example_plan: phongtrao.Plan) -> None:
        """The example plan has no problem at all."""
        assert [] == phongtrao.check(example_plan)

    def test_counts_match_the_seed(self, example_plan: phongtrao.Plan) -> None:
        """5 contents, 7 campaigns, 8 direction items, 7 orientation items, 5 units."""
        assessment = example_plan.assessment
        orientation = example_plan.orientation
        assert assessment is not None
        assert orientation is not None
        expected = (5, 7, 8, 7, 5, 2)
        actual = (
            len(example_plan.movement.contents),
            len(example_plan.movement.campaigns),
            len(assessment.direction.items),
            len(orientation.items),
            len(example_plan.responsibilities),
            len(example_plan.schedule),
        )
        assert expected == actual

    def test_seed_texts_are_in_the_seed(self, example_plan: phongtrao.Plan) -> None:
        """Every stored text of the example occurs in the seed (spacing and case aside)."""
        def spaced(text: str) -> str:  # spacing aside, after a colon too ("Lưu:VT")
            return " ".join(text.replace(":", ": ").split()).casefold()

        seed = spaced(SEED.read_text(encoding="utf-8"))
        skipped = {"$.issuer.abbreviation", "$.document.number", "$.document.date"}
        missing = [
            path
            for path, text, _ in texts(example_plan)
            if path not in skipped
            and not path.endswith((".id", ".level", ".kind", ".start", ".end", ".valid_until"))
            and spaced(text) not in seed
        ]
        assert [] == missing

    def test_summarise_script_runs(self, tmp_path: Path) -> None:
        """The README's main job prints the summary and exits 0."""
        script = ROOT / "examples" / "cam-xuyen-2021" / "summarise.py"
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, check=False,
            cwd=tmp_path,
        )
        assert (0, "") == (result.returncode, result.stderr)
        lines = result.stdout.splitlines()
        assert "HUYỆN CẨM XUYÊN" in lines[0]
        assert "Số:      /KH-UBND" == lines[1]
        assert "0 errors, 0 warnings" == lines[-1]
