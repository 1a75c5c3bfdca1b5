"""phongtrao-hue: plans of thành phố Huế and its wards and communes after the 2025 reform.

The plugin (entry point ``hue`` in the group ``phongtrao``) contributes:

- the official units, from the ``vietnam-provinces`` package: thành phố Huế
  (level tinh, code "46") and each of its wards and communes (level xa,
  5-digit codes, in force from 2025-07-01), with their People's Committees;
- the template ``hue-2025``, chosen for their plans dated after 2025-06-30;
- the starter plan of ``phongtrao new`` for them: the 25-year summary
  (2000-2025) of "Toàn dân đoàn kết xây dựng đời sống văn hóa";
- the check ``hue-unit``: a unit of Huế must carry its official name, kind and code.

The units are also usable directly::

    from phongtrao_hue import resolve, wards
    from phongtrao.model import Level

    resolve(Level.XA, "phường Thuận Hóa").code   # '19786'
"""

from __future__ import annotations

from phongtrao_hue.lookup import resolve
from phongtrao_hue.official import CITY_CODE, VALID_FROM, city, units, wards
from phongtrao_hue.starter import hue_plan

__all__ = ["CITY_CODE", "VALID_FROM", "city", "hue_plan", "resolve", "units", "wards"]
