"""phongtrao-minimal: a minimal phongtrao plugin (examples/minimal-plugin)."""

__version__ = "0.1.0"
