"""Argument checks shared by the ``phongtrao.vi`` modules.

Every public function validates its integers the same way, so callers see
the same kind of message everywhere: the name of the argument, what is
allowed and the value that was given.
"""

from __future__ import annotations


def require_int(name: str, value: object) -> int:
    """Return ``value`` if it is an ``int`` (``bool`` excluded).

    Args:
        name: Argument name used in the error message.
        value: The value to check.

    Returns:
        The value, typed as ``int``.

    Raises:
        TypeError: If ``value`` is not an ``int`` or is a ``bool``.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    return value


def require_range(name: str, value: object, low: int, high: int) -> int:
    """Return ``value`` if it is an ``int`` with ``low <= value <= high``.

    Args:
        name: Argument name used in the error message.
        value: The value to check.
        low: Smallest allowed value.
        high: Largest allowed value.

    Returns:
        The value, typed as ``int``.

    Raises:
        TypeError: If ``value`` is not an ``int``.
        ValueError: If ``value`` is outside ``low..high``, e.g.
            ``month must be 1-12, got 13``.
    """
    number = require_int(name, value)
    if not low <= number <= high:
        raise ValueError(f"{name} must be {low}-{high}, got {number}")
    return number
