"""Keep reading a plan file linear in its size: limits on values, depth, aliases, numbers, texts.

YAML aliases (``*a``) let a 400-byte file stand for billions of values; a walk
that follows them again and again never ends (DESIGN.md §6). Here every walk
visits each node once, the values a file expands to are counted with each
shared node counted once per use (but computed once), and a file that breaks
a :class:`~phongtrao._limits.Limits` is refused with one problem naming the
limit and the path. Numbers too long for Python to read (over 4,300 digits)
are kept as :class:`HugeNumber` markers by the parsers and refused here with
their path, never echoed whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from phongtrao._limits import Limits
from phongtrao._problems import Problem

__all__ = ["HugeNumber", "data_problems", "node_problems", "yaml_nodes"]

#: Longer numerals than this are not read as numbers at all (Python refuses 4,300 digits).
READABLE_DIGITS = 1_000


class HugeNumber:
    """A whole number in a file with too many digits to be read; only its length is kept."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = sum(char.isdigit() for char in text)

    def __repr__(self) -> str:
        return f"HugeNumber(digits={self.digits})"


def read_int(text: str) -> int | HugeNumber:
    """A JSON integer as the parser gives it, or a marker when it is too long to read."""
    return HugeNumber(text) if len(text) > READABLE_DIGITS else int(text)


def _too_large(path: str, message: str, line: int | None = None) -> Problem:
    return Problem(path=path, code="too-large", message=message, line=line)


def _children(node: yaml.Node) -> list[tuple[str, yaml.Node]]:
    """A node's children, each with the step of its path (".key" or "[index]")."""
    if isinstance(node, yaml.MappingNode):
        steps = []
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            steps += [(f".{name}", key), (f".{name}", value)]
        return steps
    if isinstance(node, yaml.SequenceNode):
        return [(f"[{index}]", item) for index, item in enumerate(node.value)]
    return []


def yaml_nodes(root: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    """Each node of a YAML document once, with the JSON path of its first occurrence.

    Depth first, in document order, without recursion; a node reached again
    through an alias is not entered again.
    """
    if root is None:
        return
    seen: set[int] = set()
    stack: list[tuple[str, yaml.Node]] = [("$", root)]
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield path, node
        if isinstance(node, yaml.MappingNode):
            children = [(f"{path}.{key.value}", value) for key, value in node.value
                        if isinstance(key, yaml.ScalarNode)]
        elif isinstance(node, yaml.SequenceNode):
            children = [(f"{path}[{index}]", item) for index, item in enumerate(node.value)]
        else:
            children = []
        stack.extend(reversed(children))


def node_problems(root: yaml.Node | None, limits: Limits) -> list[Problem]:
    """What is too large about a YAML document's node graph, before it is constructed.

    The values it expands to (each use of an alias counted, each node sized
    once), its aliases, its depth, and any node that contains itself.
    """
    if root is None:
        return []
    sizes: dict[int, int] = {}
    entered: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, str, int, bool]] = [(root, "$", 0, False)]
    while stack:
        node, path, depth, finished = stack.pop()
        line = node.start_mark.line + 1
        if finished:
            size = 1
            for _, child in _children(node):
                child_size = sizes.get(id(child))
                if child_size is None:
                    return [_too_large(path, "the value contains itself through an alias; "
                                       "a plan file cannot refer to itself", line)]
                size += child_size
            if size > limits.plan_values:
                return [_too_large("$", f"the file stands for more than "
                                   f"{limits.plan_values:,} values once its aliases are "
                                   "expanded; a plan has far fewer (Limits.plan_values)")]
            sizes[id(node)] = size
            continue
        if id(node) in entered:
            aliases += 1
            if aliases > limits.plan_aliases:
                return [_too_large(path, f"the file uses more than {limits.plan_aliases:,} "
                                   "aliases (*name); write the values out (Limits.plan_aliases)",
                                   line)]
            continue
        entered.add(id(node))
        if depth > limits.plan_depth:
            return [_too_large(path, f"the file nests lists and mappings more than "
                               f"{limits.plan_depth} deep; a plan needs far fewer levels "
                               "(Limits.plan_depth)", line)]
        stack.append((node, path, depth, True))
        stack.extend((child, f"{path}{step}", depth + 1, False)
                     for step, child in reversed(_children(node)))
    return []


def _digits(value: int) -> int:
    # Below READABLE_DIGITS, so str() is safe (the parsers keep longer ones as markers).
    return len(str(abs(value)))


def _scalar_problem(path: str, value: Any, limits: Limits) -> Problem | None:
    if isinstance(value, HugeNumber) or (
        type(value) is int and abs(value) >= 10 ** limits.number_digits
    ):
        digits = value.digits if isinstance(value, HugeNumber) else _digits(value)
        return _too_large(path, f"a whole number of {digits:,} digits; a plan holds numbers "
                          f"of at most {limits.number_digits} digits (Limits.number_digits)")
    if isinstance(value, str) and len(value) > limits.text_length:
        return _too_large(path, f"a text of {len(value):,} characters; a plan's texts have at "
                          f"most {limits.text_length:,} (Limits.text_length), so split it")
    return None


def data_problems(data: Any, limits: Limits) -> list[Problem]:
    """What is too large in parsed data: numbers, texts, and (for JSON, TOML) size and depth.

    Shared lists and mappings (YAML aliases, already bounded by
    :func:`node_problems`) are entered once.
    """
    seen: set[int] = set()
    count = 0
    stack: list[tuple[Any, str, int]] = [(data, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        count += 1
        if count > limits.plan_values:
            return [_too_large("$", f"the file holds more than {limits.plan_values:,} values; "
                               "a plan has far fewer (Limits.plan_values)")]
        if isinstance(value, Mapping):
            items = [(f"{path}.{key}" if isinstance(key, str) else path, item)
                     for key, item in value.items()]
            keys = [key for key in value if isinstance(key, str)]
        elif isinstance(value, list):
            items = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
            keys = []
        else:
            problem = _scalar_problem(path, value, limits)
            if problem is not None:
                return [problem]
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        if depth > limits.plan_depth:
            return [_too_large(path, f"the file nests lists and mappings more than "
                               f"{limits.plan_depth} deep; a plan needs far fewer levels "
                               "(Limits.plan_depth)")]
        for key in keys:
            if len(key) > limits.text_length:
                return [_too_large(path, f"a key of {len(key):,} characters; a plan's keys "
                                   "are single words")]
        stack.extend((item, item_path, depth + 1) for item_path, item in reversed(items))
    return []
