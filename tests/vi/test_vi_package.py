"""The phongtrao.vi package surface and its import cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import phongtrao.vi

PUBLIC_API = [
    "UNIT_NOUNS",
    "UnitName",
    "date_line",
    "date_line_for",
    "day_number",
    "day_phrase",
    "document_number",
    "fold",
    "format_number",
    "format_percent",
    "from_roman",
    "letter",
    "month_number",
    "month_phrase",
    "name_key",
    "nfc",
    "normalize_tones",
    "number_line",
    "parse_spelled",
    "period_phrase",
    "quarter_phrase",
    "roman",
    "short_date",
    "slug",
    "sort_key",
    "spell_money",
    "spell_number",
    "split_unit_name",
    "time_phrase",
    "wrap_words",
    "year_phrase",
]

# Loads phongtrao.vi without running phongtrao/__init__.py, then lists the
# modules the import added.
IMPORT_PROBE = """
import sys, types
package = types.ModuleType("phongtrao")
package.__path__ = [sys.argv[1]]
sys.modules["phongtrao"] = package
before = set(sys.modules)
import phongtrao.vi
print(" ".join(sorted(set(sys.modules) - before)))
"""


class TestPackage:
    def test_exports_the_public_api(self) -> None:
        """__all__ lists exactly the documented public names."""
        expected = PUBLIC_API
        assert expected == sorted(phongtrao.vi.__all__)

    def test_every_export_is_documented(self) -> None:
        """Every exported function has a docstring with an Args or Returns section."""
        undocumented = [
            name
            for name in PUBLIC_API
            if callable(getattr(phongtrao.vi, name))
            and not isinstance(getattr(phongtrao.vi, name), type)
            and "Returns:" not in (getattr(phongtrao.vi, name).__doc__ or "")
        ]
        assert not undocumented

    def test_imports_only_cheap_modules(self) -> None:
        """Importing phongtrao.vi loads nothing else of phongtrao, and no decimal or babel."""
        package_dir = Path(phongtrao.vi.__file__).parent.parent
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE, str(package_dir)],
            capture_output=True,
            text=True,
            check=True,
        )
        loaded = set(result.stdout.split())
        assert not loaded & {"decimal", "babel"}
        own = {"_checks", "_dates", "_names", "_numbering", "_numbers", "_text"}
        expected = {"phongtrao.vi", *(f"phongtrao.vi.{name}" for name in own)}
        assert expected == {name for name in loaded if name.startswith("phongtrao.")}
