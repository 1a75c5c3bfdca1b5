"""The parts of a document's text beyond the conventional ones: topics, own sections, annexes."""

from __future__ import annotations

from typing import Any

import attrs

from phongtrao.errors import ModelError
from phongtrao.model._fields import Model, converting, describe, model
from phongtrao.model._movement import check_id

__all__ = ["BUILTIN_PARTS", "Annex", "AnnexTable", "PlanSection", "Topic"]

#: The keys of a Kế hoạch's built-in parts, in their conventional order. A plan's
#: ``sections`` may rename, leave out or move each of them.
BUILTIN_PARTS = ("purposes", "assessment", "orientation", "awards", "schedule", "funding",
                 "responsibilities")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Topic(Model):
    """Một mục — a numbered heading with its numbered items."""

    heading: str = attrs.field(
        metadata=describe("Tiêu đề", "heading", "Đánh giá những tồn tại, hạn chế"),
    )
    items: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Các nội dung", "its items, each a sentence"),
    )


def _optional_key(instance: Any, attribute: Any, value: str | None) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class PlanSection(Model):
    """Một phần (I., II. …) — a built-in part changed, or a part of the plan's own.

    A built-in part may be renamed, left out or moved; it is named by its key:
    ``purposes``, ``assessment``, ``orientation``, ``awards``, ``schedule``,
    ``funding``, ``responsibilities``. Any other key is a part of the plan's
    own, with its title and text.
    """

    key: str = attrs.field(
        validator=check_id,
        metadata=describe("Mã", "a built-in part's key, or the id of the plan's own part",
                          "tuyen-truyen", identifier=True))
    title: str | None = attrs.field(
        default=None,
        metadata=describe("Tiêu đề", "its title (a built-in part keeps its own when not given)",
                          "Công tác tuyên truyền"))
    omit: bool = attrs.field(
        default=False,
        metadata=describe("Bỏ phần này", "leave the built-in part out", True))
    after: str | None = attrs.field(
        default=None, validator=_optional_key,
        metadata=describe("Đặt sau phần", "the key of the part it comes after ('start' for the "
                          "first); by default in place (a built-in part) or at the end",
                          "assessment", identifier=True))
    paragraphs: tuple[str, ...] = attrs.field(
        default=(),
        metadata=describe("Các đoạn", "paragraphs, for a part of the plan's own"))
    topics: tuple[Topic, ...] = attrs.field(
        default=(),
        metadata=describe("Các mục", "numbered headings with their items, for a part of the "
                          "plan's own"))


def _rows_fit(instance: AnnexTable, attribute: Any, rows: tuple[tuple[str, ...], ...]) -> None:
    width = len(instance.columns)
    for index, row in enumerate(rows):
        if len(row) != width:
            raise ModelError(f"rows[{index}]", f"the row has {len(row)} cells, but the table "
                             f"has {width} columns; expected {width} cells")


def _some_columns(instance: AnnexTable, attribute: Any, columns: tuple[str, ...]) -> None:
    if not columns:
        raise ModelError("columns", "a table with no columns; expected at least one heading")


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class AnnexTable(Model):
    """Bảng — a table of an annex: its column headings and rows of text."""

    columns: tuple[str, ...] = attrs.field(
        validator=_some_columns,
        metadata=describe("Tiêu đề cột", "the column headings", ["STT", "Nội dung"]))
    rows: tuple[tuple[str, ...], ...] = attrs.field(
        default=(), validator=_rows_fit,
        metadata=describe("Các hàng", "its rows, each a list of cells; a cell may be empty, "
                          "for the reader to fill in", [["1", "…", ""]], blank=True))


@model
@attrs.frozen(kw_only=True, field_transformer=converting)
class Annex(Model):
    """Phụ lục — a part attached to the document, numbered Phụ lục I, II … after it."""

    title: str = attrs.field(
        metadata=describe("Tên phụ lục", "its title, printed in capitals",
                          "Đề cương báo cáo tổng kết"))
    subtitle: str | None = attrs.field(
        default=None,
        metadata=describe("Dòng dưới tên", "a line under the title", "(Dành cho cấp xã)"))
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), metadata=describe("Các đoạn", "its paragraphs"))
    topics: tuple[Topic, ...] = attrs.field(
        default=(), metadata=describe("Các mục", "numbered headings with their items"))
    table: AnnexTable | None = attrs.field(
        default=None, metadata=describe("Bảng", "a table, after the text"))
