"""Plan -> outline: the plan's parts as numbered sections, in the conventional order.

The outline is a tree of :class:`Section` and :class:`Node` objects; numbering
is given only when it is flattened to :class:`Block` objects, so parts that are
absent (or removed by a plugin) leave no gap: "I., II., III." close up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum

import attrs

from phongtrao import vi
from phongtrao._outline import phrases
from phongtrao.model import AuthorityTitle, Plan

__all__ = ["Block", "BlockKind", "Node", "NodeKind", "Section", "build_outline", "number_outline"]


class NodeKind(str, Enum):
    """What a node of the outline is."""

    HEADING = "heading"  # numbered and titled, with children
    ITEM = "item"  # numbered text
    BULLET = "bullet"  # "- " text
    PARAGRAPH = "paragraph"  # plain text


@attrs.frozen(kw_only=True)
class Node:
    """Một mục — a heading, item, bullet or paragraph, with children under a heading.

    Attributes:
        kind: loại — what it is.
        text: nội dung — its text.
        lead: phần dẫn — text put before ``text`` and set apart (bold), such as
            "Hội nghị Tổng kết cấp xã:".
        children: mục con — the nodes under a heading.
    """

    kind: NodeKind
    text: str
    lead: str = ""
    children: tuple[Node, ...] = ()


@attrs.frozen(kw_only=True)
class Section:
    """Một phần (I., II. …) — a titled part of the plan's body.

    Attributes:
        key: mã — a stable name plugins can find it by: ``purposes``, ``assessment``,
            ``orientation``, ``awards``, ``schedule``, ``funding``, ``responsibilities``.
        title: tiêu đề — the title, written in capitals.
        children: nội dung — its nodes.
    """

    key: str
    title: str
    children: tuple[Node, ...]


class BlockKind(str, Enum):
    """How a paragraph of the body is set; templates branch on it."""

    SECTION = "section"
    HEADING = "heading"
    SUBHEADING = "subheading"
    ITEM = "item"
    BULLET = "bullet"
    PARAGRAPH = "paragraph"


@attrs.frozen(kw_only=True)
class Block:
    """Một đoạn — one paragraph of the body, numbered, ready for a template.

    Attributes:
        kind: kiểu — section, heading, subheading, item, bullet or paragraph.
        number: số thứ tự — "I.", "1.", "1.1.", "a)", "-" or "".
        lead: phần dẫn — set apart before the text (bold in the built-in template).
        text: nội dung — the text.
        depth: cấp — 0 for sections, 1 for their children, and so on.
    """

    kind: BlockKind
    number: str
    lead: str
    text: str
    depth: int

    @property
    def prefix(self) -> str:
        """The number and a space, or nothing: "1.1. ", "- ", ""."""
        return f"{self.number} " if self.number else ""

    @property
    def line(self) -> str:
        """The whole paragraph as plain text: prefix, lead and text."""
        lead = f"{self.lead} " if self.lead and self.text else self.lead
        return f"{self.prefix}{lead}{self.text}"


def _bullets(texts: Sequence[str]) -> tuple[Node, ...]:
    return tuple(Node(kind=NodeKind.BULLET, text=text) for text in texts)


def _list_bullets(texts: Sequence[str]) -> tuple[Node, ...]:
    """Bullets of a list of short items: ";" after each, "." after the last."""
    cleaned = [text.rstrip().rstrip(";.") for text in texts]
    return _bullets([
        text + ("." if index == len(cleaned) - 1 else ";") for index, text in enumerate(cleaned)
    ])


def _items(texts: Sequence[str]) -> tuple[Node, ...]:
    return tuple(Node(kind=NodeKind.ITEM, text=text) for text in texts)


def _purposes(plan: Plan) -> Iterator[Section]:
    headings = []
    if plan.purposes:
        headings.append(Node(kind=NodeKind.HEADING, text="Mục đích",
                             children=_bullets(plan.purposes)))
    if plan.requirements:
        headings.append(Node(kind=NodeKind.HEADING, text="Yêu cầu",
                             children=_bullets(plan.requirements)))
    if headings:
        title = ", ".join(node.text.upper() for node in headings)
        yield Section(key="purposes", title=title, children=tuple(headings))


def _results_heading(plan: Plan) -> str:
    movement = plan.movement
    counts = []
    if movement.contents:
        counts.append(f"{len(movement.contents)} nội dung")
    if movement.campaigns:
        counts.append(f"{len(movement.campaigns)} phong trào")
    by = f" theo {', '.join(counts)}" if counts else ""
    return (f"Đánh giá kết quả {plan.period.years} năm thực hiện phong trào "
            f"“{movement.name}”{by}")


def _assessment(plan: Plan) -> Iterator[Section]:
    assessment = plan.assessment
    if assessment is None:
        return
    movement = plan.movement
    results: list[Node] = []
    if movement.contents:
        results.append(Node(
            kind=NodeKind.HEADING,
            text=f"Kết quả thực hiện {len(movement.contents)} nội dung của phong trào",
            children=_list_bullets([item.text for item in movement.contents]),
        ))
    if movement.campaigns:
        results.append(Node(
            kind=NodeKind.HEADING,
            text=f"Kết quả thực hiện {len(movement.campaigns)} phong trào",
            children=_list_bullets([item.text for item in movement.campaigns]),
        ))
    results.extend(_items(assessment.impact))
    topics = [
        Node(kind=NodeKind.HEADING, text=assessment.direction.heading,
             children=_items(assessment.direction.items)),
    ]
    if results:
        topics.append(Node(kind=NodeKind.HEADING, text=_results_heading(plan),
                           children=tuple(results)))
    for topic in (assessment.shortcomings, assessment.lessons):
        if topic is not None:
            topics.append(Node(kind=NodeKind.HEADING, text=topic.heading,
                               children=_items(topic.items)))
    yield Section(key="assessment", title="NỘI DUNG", children=tuple(topics))


def _orientation(plan: Plan) -> Iterator[Section]:
    orientation = plan.orientation
    if orientation is None:
        return
    period = vi.period_phrase(orientation.period.start, orientation.period.end)
    yield Section(
        key="orientation",
        title=f"ĐỊNH HƯỚNG, MỤC TIÊU THỰC HIỆN PHONG TRÀO {period.upper()}",
        children=_items(orientation.items),
    )


def _awards(plan: Plan) -> Iterator[Section]:
    awards = plan.awards
    if awards is None:
        return
    children = [Node(kind=NodeKind.PARAGRAPH, text=phrases.award_assignment(awards))]
    for grant in awards.grants:
        authority = grant.authority
        noun = authority.level.vi
        unit = plan.issuer.unit
        if unit is not None and authority.level is unit.level:
            noun = unit.kind.vi
        if authority.title is not AuthorityTitle.CHU_TICH_UBND:
            noun = ""
        children.append(Node(kind=NodeKind.BULLET, text=phrases.grant_sentence(grant, noun)))
    if awards.deadline is not None:
        children.append(Node(
            kind=NodeKind.PARAGRAPH,
            text=f"Hồ sơ đề nghị khen thưởng gửi về {awards.lead} trước "
            f"{phrases.date_phrase(awards.deadline)}.",
        ))
    yield Section(key="awards", title="THI ĐUA KHEN THƯỞNG", children=tuple(children))


def _schedule(plan: Plan) -> Iterator[Section]:
    if not plan.schedule:
        return
    children = tuple(
        Node(kind=NodeKind.ITEM, lead=f"{milestone.title}:",
             text=phrases.milestone_sentence(milestone))
        for milestone in plan.schedule
    )
    yield Section(key="schedule", title="THỜI GIAN TỔNG KẾT", children=children)


def _funding(plan: Plan) -> Iterator[Section]:
    if not plan.funding:
        return
    children = tuple(
        Node(kind=NodeKind.PARAGRAPH, text=phrases.funding_sentence(source))
        for source in plan.funding
    )
    yield Section(key="funding", title="KINH PHÍ", children=children)


def _responsibilities(plan: Plan) -> Iterator[Section]:
    if not plan.responsibilities:
        return
    children = []
    for responsibility in plan.responsibilities:
        duties = responsibility.duties
        kind = NodeKind.PARAGRAPH if len(duties) == 1 else NodeKind.BULLET
        children.append(Node(
            kind=NodeKind.HEADING,
            text=phrases.responsibility_heading(responsibility),
            children=tuple(Node(kind=kind, text=duty) for duty in duties),
        ))
    yield Section(key="responsibilities", title="TỔ CHỨC THỰC HIỆN", children=tuple(children))


_PARTS = (_purposes, _assessment, _orientation, _awards, _schedule, _funding, _responsibilities)


def build_outline(plan: Plan) -> tuple[Section, ...]:
    """The body's sections, in the conventional order; absent parts are left out."""
    return tuple(section for part in _PARTS for section in part(plan))


def _number(prefix: str, index: int, depth: int) -> str:
    if depth <= 2:
        return f"{prefix}{index}."
    return f"{vi.letter(index - 1)})"


def _flatten(nodes: Sequence[Node], prefix: str, depth: int) -> Iterator[Block]:
    counter = 0
    for node in nodes:
        if node.kind in (NodeKind.HEADING, NodeKind.ITEM):
            counter += 1
            number = _number(prefix, counter, depth)
            if node.kind is NodeKind.HEADING:
                kind = BlockKind.HEADING if depth == 1 else BlockKind.SUBHEADING
            else:
                kind = BlockKind.ITEM
            yield Block(kind=kind, number=number, lead=node.lead, text=node.text, depth=depth)
            yield from _flatten(node.children, number if depth < 2 else "", depth + 1)
        elif node.kind is NodeKind.BULLET:
            yield Block(kind=BlockKind.BULLET, number="-", lead=node.lead, text=node.text,
                        depth=depth)
        else:
            yield Block(kind=BlockKind.PARAGRAPH, number="", lead=node.lead, text=node.text,
                        depth=depth)


def number_outline(sections: Sequence[Section]) -> tuple[Block, ...]:
    """Flatten sections into numbered blocks: I. / 1. / 1.1. / a) / -."""
    blocks: list[Block] = []
    for index, section in enumerate(sections, start=1):
        blocks.append(Block(kind=BlockKind.SECTION, number=f"{vi.roman(index)}.", lead="",
                            text=section.title, depth=0))
        blocks.extend(_flatten(section.children, "", 1))
    return tuple(blocks)
