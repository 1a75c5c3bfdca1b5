"""phongtrao-hatinh: the phongtrao plugin of Hà Tĩnh as it stood in 2021.

phongtrao loads it through the entry point ``ha-tinh`` (module
:mod:`phongtrao_hatinh.plugin`); the data is in :mod:`phongtrao_hatinh.catalog`.
"""

__version__ = "0.1.0"
