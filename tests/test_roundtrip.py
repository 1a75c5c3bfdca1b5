"""Plans survive a dump and a load in every format, unchanged."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import phongtrao
from phongtrao._files import Format, unstructure_plan

from . import strategies

FORMATS = [f.value for f in Format]


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", FORMATS)
    @given(plan=strategies.plans)
    def test_any_plan_survives_text(self, fmt: str, plan: phongtrao.Plan) -> None:
        """dumps_plan then load_plan gives an equal plan, for any plan and format."""
        assert plan == phongtrao.loads_plan(phongtrao.dumps_plan(plan, fmt), fmt)

    @pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".toml"])
    def test_example_survives_files(
        self, suffix: str, example_plan: phongtrao.Plan, tmp_path: Path
    ) -> None:
        """The example plan written to a file of each suffix loads back equal."""
        path = phongtrao.dump_plan(example_plan, tmp_path / f"plan{suffix}")
        assert example_plan == phongtrao.load_plan(path)

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_format_is_sniffed_from_text(self, fmt: str, example_plan: phongtrao.Plan) -> None:
        """Plan text loads without naming its format."""
        assert example_plan == phongtrao.loads_plan(phongtrao.dumps_plan(example_plan, fmt))

    def test_text_is_nfc_after_load(self, example_plan: phongtrao.Plan) -> None:
        """Decomposed (NFD) text in a file is normalised to NFC on load."""
        text = unicodedata.normalize("NFD", phongtrao.dumps_plan(example_plan, "yaml"))
        assert "Cẩm Xuyên" not in text
        loaded = phongtrao.loads_plan(text, "yaml")
        assert example_plan == loaded

    def test_defaults_are_left_out(self, example_plan: phongtrao.Plan) -> None:
        """Fields at their default are not written, so files stay short."""
        data = unstructure_plan(example_plan)
        assert "parent" not in data
        assert {"number", "date", "place"} == set(data["document"])  # no default kind

    def test_dump_refuses_unknown_suffix(
        self, example_plan: phongtrao.Plan, tmp_path: Path
    ) -> None:
        """A suffix that names no format is an error, and nothing is written."""
        with pytest.raises(ValueError, match=r"expected \.yaml, \.yml, \.json or \.toml"):
            phongtrao.dump_plan(example_plan, tmp_path / "plan.txt")
        assert [] == list(tmp_path.iterdir())

    def test_dump_keeps_existing_file_unless_told(
        self, example_plan: phongtrao.Plan, tmp_path: Path
    ) -> None:
        """overwrite=False keeps an existing file untouched."""
        target = tmp_path / "plan.yaml"
        target.write_text("keep me", encoding="utf-8")
        with pytest.raises(FileExistsError, match="overwrite=True"):
            phongtrao.dump_plan(example_plan, target, overwrite=False)
        assert "keep me" == target.read_text(encoding="utf-8")

    def test_dump_leaves_no_temporary_file(
        self, example_plan: phongtrao.Plan, tmp_path: Path
    ) -> None:
        """An atomic write leaves only the target in the folder."""
        phongtrao.dump_plan(example_plan, tmp_path / "plan.json")
        assert ["plan.json"] == [p.name for p in tmp_path.iterdir()]

    def test_evolved_plan_round_trips(self, example_plan: phongtrao.Plan) -> None:
        """A plan changed with attrs.evolve dumps and loads like any other."""
        changed = attrs.evolve(example_plan, closing=None, funding=())
        assert changed == phongtrao.loads_plan(phongtrao.dumps_plan(changed, "toml"), "toml")
