"""The plan-file reference in docs/ is generated from the model and kept current."""

from __future__ import annotations

import attrs
from docgen.plan_files import classes, reference_markdown

from .conftest import ROOT

REFERENCE = ROOT / "docs" / "plan-files.md"


class TestReference:
    def test_committed_reference_is_current(self) -> None:
        """docs/plan-files.md is what `python -m docgen.plan_files` writes."""
        assert reference_markdown() == REFERENCE.read_text(encoding="utf-8")

    def test_every_field_is_listed(self) -> None:
        """Each field of each class a plan file spells appears under its class."""
        text = REFERENCE.read_text(encoding="utf-8")
        missing = []
        for cls in classes():
            section = text.split(f"\n## {cls.__name__}\n", 1)[1].split("\n## ", 1)[0]
            missing += [
                f"{cls.__name__}.{field.name}"
                for field in attrs.fields(cls)
                if f"| `{field.name}` |" not in section
            ]
        assert [] == missing
