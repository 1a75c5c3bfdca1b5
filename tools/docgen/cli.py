"""The generated parts of the command-line reference and the problem-code list.

:func:`cli_markdown` gives every command of ``phongtrao`` with its
description, usage and options, read from the command's own parser;
:func:`codes_markdown` the codes of :func:`phongtrao.check` from
:data:`phongtrao.PROBLEM_CODES`, and :func:`result_codes_markdown` those of
returned forms and results files from :data:`phongtrao.RESULT_CODES`. The
pages around them are written by hand.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from phongtrao import PROBLEM_CODES as CODES
from phongtrao import _cli as cli

__all__ = ["cli_markdown", "codes_markdown", "result_codes_markdown"]

def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, with its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _subcommands(
    parser: argparse.ArgumentParser,
) -> argparse._SubParsersAction[argparse.ArgumentParser] | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """Each command as (its words, its one-line help, its parser), depth first, in order."""
    group = _subcommands(parser)
    if group is None:
        return
    helps = {choice.dest: choice.help or "" for choice in group._choices_actions}
    for name, sub in group.choices.items():
        words = f"{prefix}{name}"
        yield words, helps.get(name, ""), sub
        yield from _commands(sub, f"{words} ")


def _usage(parser: argparse.ArgumentParser) -> str:
    """The usage line on one line, whatever the terminal's width."""
    formatter = argparse.HelpFormatter(parser.prog, width=10_000)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return " ".join(formatter.format_help().split())


def _invocation(action: argparse.Action) -> str:
    """How an argument is written: `PLAN`, `-o OUT, --output OUT`, `--force`."""
    if not action.option_strings:
        return str(action.metavar or action.dest)
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    if action.metavar is not None:
        value = str(action.metavar)
    elif action.choices is not None:
        value = "{" + ",".join(str(choice) for choice in action.choices) + "}"
    else:
        value = action.dest.upper()
    return ", ".join(f"{option} {value}" for option in action.option_strings)


def _description(action: argparse.Action, prog: str) -> str:
    help_text = action.help or ""
    if "%" in help_text:
        help_text = help_text % {**vars(action), "prog": prog}
    notes = []
    if action.required and action.option_strings:
        notes.append("required")
    if action.choices is not None and action.metavar is not None:
        notes.append("one of " + ", ".join(f"`{choice}`" for choice in action.choices))
    if action.nargs in ("+", "*"):
        notes.append("one or more" if action.nargs == "+" else "any number")
    suffix = f" ({'; '.join(notes)})" if notes else ""
    return _cell(help_text + suffix)


def _arguments(parser: argparse.ArgumentParser) -> list[str]:
    rows = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        rows.append(f"| `{_invocation(action)}` | {_description(action, parser.prog)} |")
    if not rows:
        return []
    return ["| argument | what it is |", "|---|---|", *rows]


def cli_markdown() -> str:
    """The generated part of docs/cli.md: every command, its description and every option."""
    parser = cli._parser()
    commands = list(_commands(parser))
    lines = ["```text", _usage(parser), "```", "", _cell(parser.epilog or ""), "",
             "| command | what it does |", "|---|---|"]
    for words, help_text, _ in commands:
        anchor = "phongtrao-" + words.replace(" ", "-")
        lines.append(f"| [`phongtrao {words}`](#{anchor}) | {_cell(help_text)} |")
    lines += ["", "## Options of every command", "", *_arguments(parser)]
    for words, help_text, sub in commands:
        lines += ["", f"## `phongtrao {words}`", "", _cell(sub.description or help_text), ""]
        lines += ["```text", _usage(sub), "```"]
        arguments = _arguments(sub)
        if arguments:
            lines += ["", *arguments]
    return "\n".join(lines) + "\n"


def codes_markdown() -> str:
    """The generated part of docs/problem-codes.md: each code of the built-in checks."""
    rows = [f"| `{code}` | {_cell(meaning)} |" for code, meaning in CODES.items()]
    return "| code | the problem |\n|---|---|\n" + "\n".join(rows) + "\n"


def result_codes_markdown() -> str:
    """The generated part of docs/problem-codes.md: each code of returned forms and results."""
    import phongtrao

    rows = [f"| `{code}` | {_cell(meaning)} |" for code, meaning in phongtrao.RESULT_CODES.items()]
    return "| code | the problem |\n|---|---|\n" + "\n".join(rows) + "\n"
