"""The repository stands on its own: nothing reads what lies beside a clone."""

from __future__ import annotations

import re
import subprocess

from .conftest import ROOT

# A path that leaves the repository for the folder beside it: "../shared", or
# ROOT.parent / "shared", or parents[2] / "shared".
_OUTSIDE = re.compile(
    r"\.\./shared|\.parent\s*/\s*[\"']shared[\"']|parents\[\d+\]\s*/\s*[\"']shared"
)


def _tracked(*patterns: str) -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in listed.stdout.splitlines() if line]


class TestSelfContained:
    def test_no_file_reads_beside_the_clone(self) -> None:
        """No source, test, example, tool, benchmark or config file names ../shared."""
        files = _tracked("*.py", "*.toml", "*.cfg", "*.ini", "*.sh", ".ci/*")
        offenders = [
            f"{name}:{number}"
            for name in files
            if name != "tests/test_layout.py"
            for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(),
                                          start=1)
            if _OUTSIDE.search(line)
        ]
        assert [] == offenders

    def test_the_pattern_catches_the_old_forms(self) -> None:
        """The check above would see each way the old tests named the folder."""
        for line in ('SEED = ROOT.parent / "shared" / "seeds" / "x.txt"',
                     "open('../shared/seeds/x.txt')", "Path(__file__).parents[2] / 'shared'"):
            assert _OUTSIDE.search(line) is not None, line

    def test_seed_is_in_the_repository(self) -> None:
        """The reference text the fidelity tests compare against is test data here."""
        seed = ROOT / "tests" / "data" / "seed" / "ke-hoach-cam-xuyen-2021.txt"
        assert "Toàn dân đoàn kết xây dựng" in seed.read_text(encoding="utf-8")
