"""The generated part of the lint rule reference, from the built-in rule table.

Each rule of :data:`phongtrao.LINT_RULES`, grouped by the part of the document
it reads, with its code, severity, what it checks (in English and in
Vietnamese), its basis in Nghị định 30/2020/NĐ-CP and an example of what
conforms. ``docs/lint-rules.md`` is written by hand and includes this.
"""

from __future__ import annotations

from phongtrao import LINT_RULES
from phongtrao.hookspecs import DocumentPart

__all__ = ["markdown"]

#: The headings the rules are grouped under, in the order of a document.
_GROUPS = (
    ("The page", (DocumentPart.PAGE, DocumentPart.PAGE_NUMBER)),
    ("Fonts and the body", (DocumentPart.BODY,)),
    ("Quốc hiệu and Tiêu ngữ", (DocumentPart.NATIONAL_NAME, DocumentPart.MOTTO)),
    ("The issuing body", (DocumentPart.ISSUER,)),
    ("Số and ký hiệu", (DocumentPart.NUMBER,)),
    ("Place and date", (DocumentPart.DATE,)),
    ("Tên loại and trích yếu", (DocumentPart.TITLE, DocumentPart.SUBJECT)),
    ("Căn cứ", (DocumentPart.BASIS,)),
    ("Nơi nhận", (DocumentPart.RECIPIENTS,)),
    ("The signature", (DocumentPart.SIGNATURE, DocumentPart.SIGNER)),
)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def markdown() -> str:
    """The table of every built-in rule, grouped by part."""
    rules = list(LINT_RULES.values())
    grouped = [part for _, parts in _GROUPS for part in parts]
    missing = sorted(rule.code for rule in rules if rule.part not in grouped)
    if missing:  # a new part needs a heading above
        raise ValueError(f"rules of parts without a heading: {', '.join(missing)}")
    errors = sum(1 for rule in rules if rule.severity.value == "error")
    summary = (f"{len(rules)} rules: {errors} errors (the decree states them) and "
               f"{len(rules) - errors} warnings (practice).")
    lines = [summary, ""]
    for title, parts in _GROUPS:
        lines += [f"## {title}", "",
                  "| code | severity | what it checks | basis | conforming example |",
                  "|---|---|---|---|---|"]
        for rule in rules:
            if rule.part in parts:
                checks = f"{_cell(rule.summary_en)} — *{_cell(rule.summary)}*"
                lines.append(f"| `{rule.code}` | {rule.severity.value} | {checks} | "
                             f"{_cell(rule.basis)} | {_cell(rule.example)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
