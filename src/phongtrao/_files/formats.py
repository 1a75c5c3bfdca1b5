"""Reading and writing the three plan-file formats: YAML, JSON and TOML.

Parsing is strict about what would otherwise be lost silently: a key given
twice is an error in every format. YAML parsing also records the line of every
value, so problems can name it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs
import yaml

from phongtrao._files.bounds import (
    READABLE_DIGITS,
    HugeNumber,
    data_problems,
    node_problems,
    read_int,
    yaml_nodes,
)
from phongtrao._limits import DEFAULT_LIMITS, Limits
from phongtrao._problems import Problem

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
    """The text is not well-formed in its format; carries the problems found."""

    def __init__(self, problems: Problem | list[Problem]) -> None:
        self.problems = (problems,) if isinstance(problems, Problem) else tuple(problems)
        self.problem = self.problems[0]
        super().__init__("; ".join(problem.message for problem in self.problems))


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
    """A safe YAML loader that leaves dates as text for the converter to read.

    PyYAML turns ``2021-02-15`` into a date itself and raises a bare ValueError,
    with no line or path, for ``2021-02-30``; without its timestamp resolver the
    converter reads every date, so a bad one is reported at its path and line.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's class attribute, read-only here
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


# libyaml parses several times faster than PyYAML's pure-Python parser. It reads
# sound files; any error is reported by the pure-Python loader, whose messages
# (and their lines) are the ones phongtrao's errors are written from.
_FastBase: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastLoader(_FastBase):  # type: ignore[misc]
    """libyaml's safe loader with the same resolvers as :class:`_StrictLoader`."""

    yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | HugeNumber:
    # PyYAML reads a numeral of any length with int(), which Python refuses beyond
    # 4,300 digits with a bare ValueError: keep only the length of such a numeral.
    if len(node.value) > READABLE_DIGITS:
        return HugeNumber(node.value)
    number: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    return number


for _loader in (_StrictLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _parse_yaml_fast(text: str, limits: Limits) -> tuple[Any, yaml.Node | None] | None:
    """Parse a sound file quickly; None when anything is wrong (the slow path reports it)."""
    try:
        loader = _FastLoader(text)
    except Exception:  # noqa: BLE001 - the pure-Python loader reports what is wrong
        return None
    try:
        node = loader.get_single_node()
        if node_problems(node, limits) or next(_yaml_duplicates(node), None) is not None:
            return None
        data = None if node is None else loader.construct_document(node)
    except Exception:  # noqa: BLE001 - the pure-Python loader reports what is wrong
        return None
    finally:
        loader.dispose()
    return data, node


def _yaml_duplicates(root: yaml.Node | None) -> Iterator[Problem]:
    """Yield a problem for each key given twice in a mapping of the document."""
    for path, node in yaml_nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key, line = key_node.value, key_node.start_mark.line + 1
            if key in seen and key != "<<":
                yield Problem(
                    path=f"{path}.{key}",
                    code="duplicate-key",
                    message=f"the key {_excerpt(key)} is given twice (first on line "
                    f"{seen[key]}); expected each key once",
                    line=line,
                )
            seen.setdefault(key, line)


def _yaml_lines(root: yaml.Node | None) -> dict[str, int]:
    """The 1-based line of the value at each JSON path (a key's line for a keyed value)."""
    lines: dict[str, int] = {}
    for path, node in yaml_nodes(root):
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    lines[f"{path}.{key_node.value}"] = key_node.start_mark.line + 1
    return lines


def _excerpt(text: str) -> str:
    """A text for a message: quoted, and cut short when long."""
    return repr(text) if len(text) <= 60 else repr(text[:57] + "...")


def _yaml_syntax(error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark
    line = None if mark is None else mark.line + 1
    where = "" if mark is None else f" (line {mark.line + 1}, column {mark.column + 1})"
    context = ""
    if error.context and error.context_mark is not None:
        # "while scanning a quoted scalar" on the line where the quotation opened.
        context = f" ({error.context} on line {error.context_mark.line + 1})"
    message = f"not valid YAML{where}: {error.problem}{context}"
    return Problem(path="$", code="syntax", message=message, line=line)


#: Said of a control character a format does not allow in a file.
_CONTROL_FIX = (
    "delete it or replace it with a space (control characters often come from copying "
    "out of a PDF)"
)


_TOO_DEEP = Problem(
    path="$", code="syntax", message="the file nests lists or mappings too deeply to be a plan"
)


def _yaml_unreadable(text: str, error: yaml.reader.ReaderError) -> Problem:
    """A problem for a character YAML does not allow anywhere in a file."""
    line = text.count("\n", 0, error.position) + 1
    column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
    message = (
        f"not valid YAML (line {line}, column {column}): the file holds U+{error.character:04X}, "
        f"a control character YAML does not allow; {_CONTROL_FIX}"
    )
    return Problem(path="$", code="syntax", message=message, line=line)


def _parse_yaml(text: str, limits: Limits) -> tuple[Any, dict[str, int]]:
    fast = _parse_yaml_fast(text, limits)
    if fast is not None:
        data, node = fast
        return data, _yaml_lines(node)
    try:
        # The reader checks every character as the loader is made.
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as error:
        raise ParseError(_yaml_unreadable(text, error)) from None
    try:
        node = loader.get_single_node()
        too_large = node_problems(node, limits)
        if too_large:
            raise ParseError(too_large)
        duplicates = list(_yaml_duplicates(node))
        if duplicates:
            raise ParseError(duplicates)
        data = None if node is None else loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise ParseError(_yaml_syntax(error)) from None
    except yaml.YAMLError as error:
        problem = Problem(path="$", code="syntax", message=f"not valid YAML: {error}")
        raise ParseError(problem) from None
    except RecursionError:
        raise ParseError(_TOO_DEEP) from None
    finally:
        loader.dispose()
    return data, _yaml_lines(node)


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys given twice in it."""

    duplicates: tuple[str, ...] = ()


def _no_duplicates(pairs: list[tuple[str, Any]]) -> _JsonObject:
    result = _JsonObject()
    duplicates: list[str] = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        else:
            result[key] = value
    result.duplicates = tuple(duplicates)
    return result


def _json_duplicates(value: Any, path: str) -> Iterator[Problem]:
    """Yield a problem for each key given twice in an object below ``value``."""
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", ()):
            yield Problem(
                path=f"{path}.{key}",
                code="duplicate-key",
                message=f"the key {_excerpt(key)} is given twice; expected each key once",
            )
        for key, item in value.items():
            yield from _json_duplicates(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_duplicates(item, f"{path}[{index}]")


def _parse_json(text: str) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=read_int)
    except json.JSONDecodeError as error:
        reason = error.msg
        before = text[: error.pos].rstrip()
        if text[error.pos : error.pos + 1] in ("}", "]") and before.endswith(","):
            reason += "; remove the comma after the last item (JSON allows no trailing comma)"
        elif reason == "Invalid control character at":
            # json's message expects the place after "at"; say which character instead.
            reason = (
                f"the text holds U+{ord(text[error.pos]):04X}, a control character JSON does "
                f"not allow inside a string; {_CONTROL_FIX}"
            )
        raise ParseError(
            Problem(
                path="$",
                code="syntax",
                message=f"not valid JSON (line {error.lineno}, column {error.colno}): {reason}",
                line=error.lineno,
            )
        ) from None
    except RecursionError:
        raise ParseError(_TOO_DEEP) from None
    duplicates = list(_json_duplicates(data, "$"))
    if duplicates:
        raise ParseError(duplicates)
    return data


_TOML_WHERE = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")


_TOML_BARE_TEXT = re.compile(r"(?P<key>[\w\"'.-]+)\s*=\s*(?P<value>[^\W\d_].*)")


def _toml_hint(text: str, line: int) -> str:
    """A hint for the commonest TOML slip: text written without quotes."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    bare = _TOML_BARE_TEXT.fullmatch(lines[line - 1].strip())
    if bare is None or bare["value"].split()[0] in ("true", "false", "inf", "nan"):
        return ""
    value = bare["value"].strip()
    return f"; text must be in double quotes: {bare['key']} = \"{value}\""


_LONG_NUMERAL = re.compile(rf"(?<![\w.])[+-]?\d[\d_]{{{READABLE_DIGITS},}}")


def _parse_toml(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except ValueError as error:
        if isinstance(error, tomllib.TOMLDecodeError):
            raise _toml_error(text, error) from None
        # tomllib reads a numeral of any length with int(), which Python refuses beyond
        # 4,300 digits: say where it is, without the numeral.
        found = _LONG_NUMERAL.search(text)
        line = text.count("\n", 0, found.start()) + 1 if found else None
        raise ParseError(Problem(
            path="$", code="too-large", line=line,
            message="the file holds a whole number too long to read (over 4,300 digits); a "
            "plan holds numbers of at most a few dozen digits (Limits.number_digits)")) from None


def _toml_error(text: str, error: tomllib.TOMLDecodeError) -> ParseError:
    # tomllib puts the place at the end of its message; put it first, as for
    # YAML and JSON, and keep the line.
    reason = str(error)
    where = _TOML_WHERE.search(reason)
    if where is None:
        message, line = f"not valid TOML: {reason}", None
    else:
        line, column = int(where["line"]), int(where["column"])
        reason = reason[: where.start()]
        hint = _CONTROL_FIX if reason.startswith("Illegal character") else ""
        hint = f"; {hint}" if hint else _toml_hint(text, line)
        message = f"not valid TOML (line {line}, column {column}): {reason}{hint}"
    return ParseError(Problem(path="$", code="syntax", message=message, line=line))


def parse_text(
    text: str, fmt: Format, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, dict[str, int]]:
    """Parse plan text into plain data and, for YAML, the line of each path.

    Reading is linear in the text's size: YAML aliases are followed once, and
    text that breaks a limit (values, depth, aliases, digits, text length) is
    refused with the limit and the path.

    Raises:
        ParseError: when the text is not well-formed or breaks a limit.
    """
    if fmt is Format.YAML:
        data, lines = _parse_yaml(text, limits)
    elif fmt is Format.JSON:
        data, lines = _parse_json(text), {}
    else:
        data, lines = _parse_toml(text), {}
    too_large = data_problems(data, limits)
    if too_large:
        raise ParseError([_with_yaml_line(problem, lines) for problem in too_large])
    return data, lines


def _with_yaml_line(problem: Problem, lines: dict[str, int]) -> Problem:
    line = lines.get(problem.path)
    return problem if line is None else attrs.evolve(problem, line=line)


class _Dumper(yaml.SafeDumper):
    """A safe dumper that quotes texts PyYAML would not read back the same."""


# PyYAML writes U+0085 (NEXT LINE) raw in plain and block styles and reads it
# back as a line break; double quotes escape it. The others are line breaks too.
_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(mark in text for mark in _BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_text(data: Any, fmt: Format) -> str:
    """Write plain data (dicts, lists, strings, numbers, booleans) in a format."""
    if fmt is Format.YAML:
        return yaml.dump(
            data,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            width=sys.maxsize,  # never fold long texts across lines
        )
    if fmt is Format.JSON:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import tomli_w  # deferred: only writing TOML needs it

    return tomli_w.dumps(data)
