"""The docs keep up with the code: every template context name is documented."""

from __future__ import annotations

import attrs
import pytest

import phongtrao
from phongtrao._outline import Block, BlockKind
from phongtrao._outline.frame import Header, SignatureBlock

from .conftest import ROOT

TEMPLATES_DOC = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")


def _names(cls: type, prefix: str) -> list[str]:
    fields = [field.name for field in attrs.fields(cls)]
    properties = [name for name, value in vars(cls).items() if isinstance(value, property)]
    return [f"{prefix}.{name}" for name in (*fields, *properties)]


class TestTemplateDocs:
    def test_every_context_name_is_documented(self, example_plan: phongtrao.Plan) -> None:
        """Each name of template_context() is in docs/templates.md."""
        context = phongtrao.template_context(example_plan)
        missing = [name for name in context if f"| `{name}` |" not in TEMPLATES_DOC]
        assert [] == missing

    @pytest.mark.parametrize(
        ("cls", "prefix"),
        [(Header, "header"), (Block, "block"), (SignatureBlock, "signature")],
    )
    def test_every_attribute_is_documented(self, cls: type, prefix: str) -> None:
        """Each attribute a template can reach is in docs/templates.md."""
        missing = [name for name in _names(cls, prefix) if f"`{name}`" not in TEMPLATES_DOC]
        assert [] == missing

    def test_block_kinds_are_documented(self) -> None:
        """Each block kind a template branches on is listed."""
        missing = [kind.value for kind in BlockKind if f"`{kind.value}`" not in TEMPLATES_DOC]
        assert [] == missing
