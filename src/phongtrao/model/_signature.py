"""The signature block: who signs, for whom, and how (TM., KT., Q., TL., TUQ.)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model

__all__ = ["SignMode", "Signature"]


class SignMode(str, Enum):
    """Thẩm quyền ký — how the signer signs for the head: KT., Q., TL. or TUQ."""

    KT = "KT"
    Q = "Q"
    TL = "TL"
    TUQ = "TUQ"


def _check_title(instance: Signature, attribute: Any, title: str | None) -> None:
    if instance.mode is SignMode.Q and title is not None:
        raise ModelError(
            "title", "an acting head signs 'Q. <head>' with no title line below; expected no title"
        )
    if instance.mode is not SignMode.Q and title is None:
        raise ModelError("title", "the signer's title is missing; expected e.g. 'PHÓ CHỦ TỊCH'")


def _check_head(instance: Signature, attribute: Any, head: str | None) -> None:
    if instance.mode is not None and head is None:
        raise ModelError(
            "head",
            f"signing {instance.mode.value}. needs the head signed for; expected e.g. 'CHỦ TỊCH'",
        )
    if instance.mode is None and head is not None:
        raise ModelError(
            "head", "a head is given but no mode (KT, Q, TL, TUQ); expected a mode or no head"
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Signature(Model):
    """Chữ ký — the signature block: TM./KT./Q./TL./TUQ. lines, title and signer."""

    on_behalf_of: str | None = attrs.field(
        default=None,
        metadata=describe("Thay mặt (TM.)", "the collective body signed for", "Ủy ban nhân dân"),
    )
    mode: SignMode | None = attrs.field(
        default=None,
        metadata=describe("Hình thức ký thay", "KT, Q, TL or TUQ", "KT"),
    )
    head: str | None = attrs.field(
        default=None,
        validator=_check_head,
        metadata=describe("Người đứng đầu", "the head signed for", "Chủ tịch"),
    )
    title: str | None = attrs.field(
        default=None,
        validator=_check_title,
        metadata=describe("Chức vụ người ký", "the signer's own title", "Phó Chủ tịch"),
    )
    signer: str = attrs.field(
        metadata=describe("Họ và tên người ký", "the signer's name, no academic titles",
                          "Phạm Văn Thắng"),
    )

    @property
    def lines(self) -> tuple[str, ...]:
        """The upper-case authority lines above the signature, in order."""
        lines: list[str] = []
        if self.on_behalf_of is not None:
            lines.append(f"TM. {self.on_behalf_of}")
        if self.mode is not None and self.head is not None:
            lines.append(f"{self.mode.value}. {self.head}")
        if self.title is not None:
            lines.append(self.title)
        return tuple(line.upper() for line in lines)
