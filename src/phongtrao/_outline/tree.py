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
from phongtrao._layout import column_widths
from phongtrao._outline import phrases
from phongtrao.model import AnnexTable, Milestone, Movement, Plan, PlanSection, Result, Topic

__all__ = [
    "BUILTIN_SECTIONS",
    "Block",
    "BlockKind",
    "Node",
    "NodeKind",
    "Section",
    "build_outline",
    "free_nodes",
    "number_nodes",
    "number_outline",
]


class NodeKind(str, Enum):
    """What a node of the outline is."""

    HEADING = "heading"  # numbered and titled, with children
    ITEM = "item"  # numbered text
    BULLET = "bullet"  # "- " text
    PARAGRAPH = "paragraph"  # plain text
    CENTER = "center"  # a line centred and set apart ("QUYẾT ĐỊNH:")
    TABLE = "table"  # a table of columns and rows


@attrs.frozen(kw_only=True)
class Node:
    """Một mục — a heading, item, bullet or paragraph, with children under a heading.

    Attributes:
        kind: loại — what it is.
        text: nội dung — its text.
        lead: phần dẫn — text put before ``text`` and set apart (bold), such as
            "Hội nghị Tổng kết cấp xã:".
        children: mục con — the nodes under a heading.
        table: bảng — the table, for a node of kind table.
    """

    kind: NodeKind
    text: str
    lead: str = ""
    children: tuple[Node, ...] = ()
    table: AnnexTable | None = None


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
    CENTER = "center"
    TABLE = "table"
    FIGURE = "figure"


@attrs.frozen(kw_only=True)
class Block:
    """Một đoạn — one paragraph of the body, numbered, ready for a template.

    Attributes:
        kind: kiểu — section, heading, subheading, item, bullet, paragraph, center
            (a line centred and set apart, such as "QUYẾT ĐỊNH:"), table or figure
            (a picture and its caption).
        number: số thứ tự — "I.", "1.", "1.1.", "a)", "-" or "".
        lead: phần dẫn — set apart before the text (bold in the built-in template).
        text: nội dung — the text.
        depth: cấp — 0 for sections, 1 for their children, and so on.
        table: bảng — for a table: its ``columns`` and ``rows``; else None.
        widths: độ rộng cột — for a table, its column widths in twentieths of a
            point (only their proportions matter); else empty.
        image: hình — for a figure, the name of its picture (``bieu-do-gdvh.png``),
            which the renderer puts where the template prints ``block.marker``;
            its caption is the text. None otherwise.
    """

    kind: BlockKind
    number: str
    lead: str
    text: str
    depth: int
    table: AnnexTable | None = None
    widths: tuple[int, ...] = ()
    image: str | None = None

    @property
    def marker(self) -> str:
        """For a figure, the paragraph text its picture replaces; empty otherwise."""
        return f"\ue000figure:{self.image}\ue000" if self.image else ""

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
    return _bullets(phrases.list_items(texts))


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


def _results_heading(plan: Plan, movement: Movement) -> str:
    counts = []
    if movement.contents:
        counts.append(f"{len(movement.contents)} nội dung")
    if movement.campaigns:
        counts.append(f"{len(movement.campaigns)} phong trào")
    by = f" theo {', '.join(counts)}" if counts else ""
    years = f"{plan.period.years} năm " if plan.period is not None else ""
    return f"Đánh giá kết quả {years}thực hiện phong trào “{movement.name}”{by}"


def _indicator_results(plan: Plan, results: Sequence[Result]) -> tuple[Node, ...]:
    nodes = []
    for result in results:
        indicator = plan.indicator(result.indicator)
        if indicator is not None:  # an unknown indicator is a problem check() reports
            nodes.append(Node(kind=NodeKind.BULLET, text=phrases.sentence(
                indicator.phrase(result.achieved, result.total))))
    return tuple(nodes)


def _assessment(plan: Plan) -> Iterator[Section]:
    assessment = plan.assessment
    if assessment is None:
        return
    movement = plan.movement
    results: list[Node] = []
    if movement is not None and movement.contents:
        results.append(Node(
            kind=NodeKind.HEADING,
            text=f"Kết quả thực hiện {len(movement.contents)} nội dung của phong trào",
            children=_list_bullets([item.text for item in movement.contents]),
        ))
    if movement is not None and movement.campaigns:
        results.append(Node(
            kind=NodeKind.HEADING,
            text=f"Kết quả thực hiện {len(movement.campaigns)} phong trào",
            children=_list_bullets([item.text for item in movement.campaigns]),
        ))
    measured = _indicator_results(plan, assessment.results)
    if measured:
        results.append(Node(kind=NodeKind.HEADING, text="Kết quả theo các chỉ tiêu",
                            children=measured))
    results.extend(_items(assessment.impact))
    topics = [
        Node(kind=NodeKind.HEADING, text=assessment.direction.heading,
             children=_items(assessment.direction.items)),
    ]
    if results:
        heading = (_results_heading(plan, movement) if movement is not None
                   else "Đánh giá kết quả thực hiện")
        topics.append(Node(kind=NodeKind.HEADING, text=heading, children=tuple(results)))
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
    targets = []
    for target in orientation.targets:
        indicator = plan.indicator(target.indicator)
        if indicator is not None:  # an unknown indicator is a problem check() reports
            targets.append(phrases.target_sentence(indicator, target))
    yield Section(
        key="orientation",
        title=f"ĐỊNH HƯỚNG, MỤC TIÊU THỰC HIỆN PHONG TRÀO {period.upper()}",
        children=_items([*orientation.items, *targets]),
    )


def _awards(plan: Plan) -> Iterator[Section]:
    awards = plan.awards
    if awards is None:
        return
    children = [Node(kind=NodeKind.PARAGRAPH, text=phrases.award_assignment(awards))]
    milestones = {milestone.id: milestone for milestone in plan.schedule if milestone.id}
    for grant in awards.grants:
        at = milestones.get(grant.at) if grant.at is not None else None
        children.append(Node(
            kind=NodeKind.BULLET, lead=f"Tại {at.title}:" if at else "",
            text=phrases.grant_sentence(grant, awards, phrases.authority_phrase(
                grant.authority, plan.issuer.unit))))
    if awards.deadline is not None:
        children.append(Node(
            kind=NodeKind.PARAGRAPH,
            text=f"Hồ sơ đề nghị khen thưởng gửi về {awards.lead} trước "
            f"{phrases.date_phrase(awards.deadline)}.",
        ))
    yield Section(key="awards", title="THI ĐUA KHEN THƯỞNG", children=tuple(children))


def _milestone(milestone: Milestone) -> Node:
    details: tuple[Node, ...] = ()
    if milestone.conference is not None:
        details = tuple(Node(kind=NodeKind.BULLET, text=text, children=_bullets(under))
                        for text, under in phrases.conference_lines(milestone.conference,
                                                                  milestone.window))
    return Node(kind=NodeKind.ITEM, lead=f"{milestone.title}:",
                text=phrases.milestone_sentence(milestone), children=details)


def _schedule(plan: Plan) -> Iterator[Section]:
    if not plan.schedule:
        return
    children = tuple(_milestone(milestone) for milestone in plan.schedule)
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
        children.append(Node(
            kind=NodeKind.HEADING,
            text=phrases.responsibility_heading(responsibility),
            children=_bullets(responsibility.duties),  # one duty keeps its "-" too
        ))
    yield Section(key="responsibilities", title="TỔ CHỨC THỰC HIỆN", children=tuple(children))


#: The built-in parts, by key, in the conventional order of a Kế hoạch.
_PARTS = {
    "purposes": _purposes,
    "assessment": _assessment,
    "orientation": _orientation,
    "awards": _awards,
    "schedule": _schedule,
    "funding": _funding,
    "responsibilities": _responsibilities,
}
#: The keys of the built-in parts, which a plan's ``sections`` may rename, leave out or move.
BUILTIN_SECTIONS = tuple(_PARTS)


def free_nodes(paragraphs: Sequence[str], topics: Sequence[Topic]) -> tuple[Node, ...]:
    """The nodes of a text of a plan's own: paragraphs, then numbered topics with items."""
    nodes = [Node(kind=NodeKind.PARAGRAPH, text=text) for text in paragraphs]
    nodes += [Node(kind=NodeKind.HEADING, text=topic.heading, children=_items(topic.items))
              for topic in topics]
    return tuple(nodes)


def _own(spec: PlanSection) -> Section:
    return Section(key=spec.key, title=(spec.title or spec.key).upper(),
                   children=free_nodes(spec.paragraphs, spec.topics))


def _placed(sections: list[Section], section: Section, after: str | None) -> None:
    """Put ``section`` after the one keyed ``after`` ("start": first; None or absent: last)."""
    if after == "start":
        sections.insert(0, section)
        return
    keys = [item.key for item in sections]
    if after in keys:
        sections.insert(keys.index(after) + 1, section)
    else:
        sections.append(section)


def build_outline(plan: Plan) -> tuple[Section, ...]:
    """The body's sections, in the conventional order, as the plan's ``sections`` change it.

    Absent parts are left out. A built-in part may be renamed, left out or moved
    (``after``); a part of the plan's own is placed after the part it names, or
    at the end.
    """
    sections = [section for part in _PARTS.values() for section in part(plan)]
    for spec in plan.sections:
        keys = [section.key for section in sections]
        if spec.key in _PARTS:
            if spec.key not in keys:
                continue
            position = keys.index(spec.key)
            if spec.omit:
                del sections[position]
                continue
            section = sections[position]
            if spec.title is not None:
                section = attrs.evolve(section, title=spec.title.upper())
            if spec.after is not None:
                del sections[position]
                _placed(sections, section, spec.after)
            else:
                sections[position] = section
        elif not spec.omit:
            _placed(sections, _own(spec), spec.after)
    return tuple(sections)


def _number(prefix: str, index: int, depth: int) -> str:
    if depth <= 2:
        return f"{prefix}{index}."
    return f"{vi.letter(index - 1)})"


def _flatten(nodes: Sequence[Node], prefix: str, depth: int, mark: str = "-"
             ) -> Iterator[Block]:
    """Number ``nodes`` below ``prefix``; bullets take ``mark`` ("-", or "+" under a bullet).

    A heading or item alone among its siblings is not numbered: "3.1." with no
    "3.2." is a numbered list of one, which documents do not write.
    """
    numbered = sum(1 for node in nodes if node.kind in (NodeKind.HEADING, NodeKind.ITEM))
    counter = 0
    for node in nodes:
        if node.kind in (NodeKind.HEADING, NodeKind.ITEM):
            counter += 1
            number = _number(prefix, counter, depth) if numbered > 1 else ""
            if node.kind is NodeKind.HEADING:
                kind = BlockKind.HEADING if depth == 1 else BlockKind.SUBHEADING
            else:
                kind = BlockKind.ITEM
            yield Block(kind=kind, number=number, lead=node.lead, text=node.text, depth=depth)
            yield from _flatten(node.children, number if depth < 2 else "", depth + 1, mark)
        elif node.kind is NodeKind.BULLET:
            yield Block(kind=BlockKind.BULLET, number=mark, lead=node.lead, text=node.text,
                        depth=depth)
            # A bullet's own bullets are marked "+", as Vietnamese documents mark them.
            yield from _flatten(node.children, prefix, depth + 1, "+")
        elif node.kind is NodeKind.CENTER:
            yield Block(kind=BlockKind.CENTER, number="", lead=node.lead, text=node.text,
                        depth=depth)
        elif node.kind is NodeKind.TABLE and node.table is not None:
            yield Block(kind=BlockKind.TABLE, number="", lead="", text=node.text, depth=depth,
                        table=node.table,
                        widths=column_widths(node.table.columns, node.table.rows))
        else:
            yield Block(kind=BlockKind.PARAGRAPH, number="", lead=node.lead, text=node.text,
                        depth=depth)


def number_nodes(nodes: Sequence[Node]) -> tuple[Block, ...]:
    """Number nodes standing alone (an annex's text): 1. / 1.1. / a) / -."""
    return tuple(_flatten(nodes, "", 1))


def number_outline(sections: Sequence[Section]) -> tuple[Block, ...]:
    """Flatten sections into numbered blocks: I. / 1. / 1.1. / a) / -."""
    blocks: list[Block] = []
    for index, section in enumerate(sections, start=1):
        blocks.append(Block(kind=BlockKind.SECTION, number=f"{vi.roman(index)}.", lead="",
                            text=section.title, depth=0))
        blocks.extend(_flatten(section.children, "", 1))
    return tuple(blocks)
