"""The exception the model's validators raise for a broken invariant."""

from __future__ import annotations

__all__ = ["ModelError"]


class ModelError(ValueError):
    """A value breaks an invariant of a model class.

    The loader reports it at ``<path of the object>.<field>`` with ``message``,
    so validators name the field and say what would be right.

    Attributes:
        field: tên trường — the name of the offending field.
        message: thông báo — what is wrong and what is expected.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
