"""Reports up the cascade: forms sent down, results read back, sums at every level.

- :mod:`.forms` writes the .xlsx statistics form (biểu mẫu) of a plan, one per
  lower unit;
- :mod:`.reading` reads returned forms and results files (YAML, JSON) into
  :class:`Results`, bounded against hostile files, every problem at once;
- :mod:`.adding` adds them up into an :class:`~phongtrao.model.Aggregate`;
- :mod:`.summary` writes the aggregate: an .xlsx summary, PNG charts and a
  results file the level above reads as one unit's report.
"""
