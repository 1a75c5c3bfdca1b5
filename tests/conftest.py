"""Shared fixtures: the bundled example plan, and Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import phongtrao

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cam-xuyen-2021" / "plan.yaml"

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The path of the Cẩm Xuyên 2021 example plan."""
    return EXAMPLE


@pytest.fixture(scope="session")
def example_plan() -> phongtrao.Plan:
    """The Cẩm Xuyên 2021 example plan, loaded."""
    return phongtrao.load_plan(EXAMPLE)
