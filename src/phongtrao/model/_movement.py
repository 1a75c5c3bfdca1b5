"""The movement being summarised: its contents and campaigns, in the issuer's wording."""

from __future__ import annotations

import re
from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._convert import excerpt
from phongtrao.model._fields import Model, converting, describe, model

__all__ = ["CatalogItem", "Movement"]

_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


def check_id(instance: Any, attribute: Any, value: str) -> None:
    """Require a stable id: lower-case ASCII words joined by '-' or '_'."""
    if not _ID.fullmatch(value):
        raise ModelError(
            attribute.name,
            f"{excerpt(value)} is not a stable id; expected lower-case ASCII letters and digits "
            "joined by '-' or '_', like 'gia-dinh-van-hoa'",
        )


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class CatalogItem(Model):
    """Nội dung / phong trào thành phần — one content or campaign, with a stable id.

    The id stays the same across issuers; the text is this issuer's wording.
    """

    id: str = attrs.field(
        validator=check_id,
        metadata=describe("Mã ổn định", "stable id shared by every issuer's wording",
                          "gia-dinh-van-hoa", identifier=True),
    )
    text: str = attrs.field(
        metadata=describe("Cách diễn đạt của cơ quan ban hành", "the issuer's wording",
                          "Phong trào xây dựng gia đình văn hóa"),
    )


def unique_ids(field: str) -> Any:
    """A validator: each item's id once."""
    def check(instance: Movement, attribute: Any, items: tuple[CatalogItem, ...]) -> None:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.id in seen:
                raise ModelError(
                    f"{field}[{index}].id",
                    f"the id {excerpt(item.id)} is used twice; expected each id once",
                )
            seen.add(item.id)

    return check


def _check_start_year(instance: Movement, attribute: Any, year: int) -> None:
    if not 1900 <= year <= 9999:
        raise ModelError("start_year", f"year {year} is out of range; expected 1900-9999")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Movement(Model):
    """Phong trào — the movement, with its contents (nội dung) and campaigns (phong trào)."""

    name: str = attrs.field(
        metadata=describe("Tên phong trào", "full name, without quotation marks",
                          "Toàn dân đoàn kết xây dựng đời sống văn hóa"),
    )
    abbreviation: str | None = attrs.field(
        default=None,
        metadata=describe("Tên viết tắt", "abbreviation", "TDĐKXDĐSVH"),
    )
    start_year: int = attrs.field(
        validator=_check_start_year,
        metadata=describe("Năm phát động", "year the movement started", 2000),
    )
    contents: tuple[CatalogItem, ...] = attrs.field(
        default=(),
        validator=unique_ids("contents"),
        metadata=describe("Các nội dung", "its contents, in the issuer's order and wording"),
    )
    campaigns: tuple[CatalogItem, ...] = attrs.field(
        default=(),
        validator=unique_ids("campaigns"),
        metadata=describe("Các phong trào, cuộc vận động thành phần",
                          "its campaigns and sub-movements, in the issuer's order and wording"),
    )
