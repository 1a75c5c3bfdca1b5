"""The registry of administrative units over time: where units come from, and lookups.

- :mod:`phongtrao._units.records`: a row (:class:`UnitRecord`) and a source (:class:`UnitSource`);
- :mod:`phongtrao._units.package`: the rows of the installed ``vietnam-provinces``;
- :mod:`phongtrao._units.lookup`: what a user types, and what a lookup answers;
- :mod:`phongtrao._units.registry`: the registry and its dated queries.

It builds on :mod:`phongtrao.model` and :mod:`phongtrao.vi` only; the plugin
manager owns one registry (``Plugins.units``), built from the package and the
plugins' catalogs.
"""

from phongtrao._units.lookup import LookupOutcome, Span, UnitLookup, When
from phongtrao._units.package import FIRST_DAY, PackageData, read_package
from phongtrao._units.records import UnitRecord, UnitSource
from phongtrao._units.registry import UnitRegistry

__all__ = [
    "FIRST_DAY",
    "LookupOutcome",
    "PackageData",
    "Span",
    "UnitLookup",
    "UnitRecord",
    "UnitRegistry",
    "UnitSource",
    "When",
    "read_package",
]
