"""Reading and writing the three plan-file formats: YAML, JSON and TOML.

Parsing is strict about what would otherwise be lost silently: a key given
twice is an error in every format. YAML parsing also records the line of every
value, so problems can name it.
"""

from __future__ import annotations

import json
import re
import sys
from enum import Enum
from typing import Any

import yaml

from phongtrao.problems import Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["Format", "ParseError", "dump_text", "parse_text", "sniff_format"]


class Format(str, Enum):
    """A plan-file format."""

    YAML = "yaml"
    JSON = "json"
    TOML = "toml"

    @classmethod
    def from_suffix(cls, suffix: str) -> Format | None:
        """The format for a file suffix such as ``.yml``, or None."""
        return _SUFFIXES.get(suffix.lower())


_SUFFIXES = {
    ".yaml": Format.YAML,
    ".yml": Format.YAML,
    ".json": Format.JSON,
    ".toml": Format.TOML,
}

_TOML_START = re.compile(r"\s*(\[|[A-Za-z0-9_\"'.-]+\s*=)")


class ParseError(Exception):
    """The text is not well-formed in its format; carries one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def sniff_format(text: str) -> Format:
    """Guess the format of plan text.

    JSON if it opens with ``{``, TOML if its first statement is a table header
    or ``key = value``, YAML otherwise.
    """
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("{"):
            return Format.JSON
        if _TOML_START.match(stripped) and not stripped.startswith("- "):
            return Format.TOML
        return Format.YAML
    return Format.YAML


class _StrictLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses keys given twice instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} is given twice (first on line {seen[key] + 1}); "
                    "expected each key once",
                    key_node.start_mark,
                )
            if isinstance(key, str):
                seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def _yaml_lines(node: yaml.Node | None, path: str, lines: dict[str, int]) -> None:
    """Record the 1-based line of the value at each JSON path below ``node``."""
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = f"{path}.{key_node.value}"
                lines[child] = key_node.start_mark.line + 1
                _yaml_lines(value_node, child, lines)
                lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _yaml_lines(item, f"{path}[{index}]", lines)


def _parse_yaml(text: str) -> tuple[Any, dict[str, int]]:
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = None if mark is None else mark.line + 1
        where = "" if mark is None else f" (line {mark.line + 1}, column {mark.column + 1})"
        raise ParseError(
            Problem(path="$", code="syntax", message=f"not valid YAML{where}: {error.problem}",
                    line=line)
        ) from None
    except yaml.YAMLError as error:
        problem = Problem(path="$", code="syntax", message=f"not valid YAML: {error}")
        raise ParseError(problem) from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    _yaml_lines(node, "$", lines)
    return data, lines


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} is given twice; expected each key once")
        result[key] = value
    return result


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise ParseError(
            Problem(
                path="$",
                code="syntax",
                message=f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}",
                line=error.lineno,
            )
        ) from None
    except ValueError as error:
        problem = Problem(path="$", code="syntax", message=f"not valid JSON: {error}")
        raise ParseError(problem) from None


def _parse_toml(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ParseError(
            Problem(path="$", code="syntax", message=f"not valid TOML: {error}")
        ) from None


def parse_text(text: str, fmt: Format) -> tuple[Any, dict[str, int]]:
    """Parse plan text into plain data and, for YAML, the line of each path.

    Raises:
        ParseError: when the text is not well-formed.
    """
    if fmt is Format.YAML:
        return _parse_yaml(text)
    if fmt is Format.JSON:
        return _parse_json(text), {}
    return _parse_toml(text), {}


def dump_text(data: Any, fmt: Format) -> str:
    """Write plain data (dicts, lists, strings, numbers, booleans) in a format."""
    if fmt is Format.YAML:
        return yaml.dump(
            data,
            Dumper=yaml.SafeDumper,
            allow_unicode=True,
            sort_keys=False,
            width=sys.maxsize,  # never fold long texts across lines
        )
    if fmt is Format.JSON:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import tomli_w  # deferred: only writing TOML needs it

    return tomli_w.dumps(data)
