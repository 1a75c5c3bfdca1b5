"""Outline -> template context: the documented, versioned names a template sees.

The context is the contract for template authors (docs/templates.md). It holds
typed, frozen objects and tuples — never raw dicts, whose keys would shadow
dict methods in Jinja (``items``). Adding a name is a minor change; renaming or
removing one raises :data:`CONTEXT_VERSION`.
"""

from __future__ import annotations

from typing import Any

import attrs

from phongtrao import vi
from phongtrao._outline import Block, build_outline, number_outline, phrases
from phongtrao._plugins import Plugins, default_plugins
from phongtrao.model import Agency, Plan

__all__ = ["CONTEXT_VERSION", "Header", "SignatureBlock", "template_context"]

#: The version of the context contract; templates may test it.
CONTEXT_VERSION = 1


@attrs.frozen(kw_only=True)
class Header:
    """Phần đầu văn bản — the two header columns, ready to print.

    Attributes:
        parent: cơ quan chủ quản — the parent body in capitals, or None.
        issuer_lines: cơ quan ban hành — the issuing body in capitals, one line each
            ("ỦY BAN NHÂN DÂN", "HUYỆN CẨM XUYÊN").
        number_line: số, ký hiệu — "Số: 03/KH-UBND", or "Số:      /KH-UBND" in a draft.
        nation: quốc hiệu — "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
        motto: tiêu ngữ — "Độc lập - Tự do - Hạnh phúc".
        date_line: địa danh, ngày tháng — "Cẩm Xuyên, ngày 05 tháng 01 năm 2021".
    """

    parent: str | None
    issuer_lines: tuple[str, ...]
    number_line: str
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    date_line: str


@attrs.frozen(kw_only=True)
class SignatureBlock:
    """Chữ ký — the authority lines and the signer's name.

    Attributes:
        lines: thẩm quyền ký — "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
        signer: họ tên — "Phạm Văn Thắng".
    """

    lines: tuple[str, ...]
    signer: str


def _parent_line(parent: Agency) -> str:
    if parent.unit is None:
        return parent.name.upper()
    return f"{parent.abbreviation} {parent.unit.full_name}".upper()


def _issuer_lines(plan: Plan) -> tuple[str, ...]:
    issuer, parent = plan.issuer, plan.parent
    lines = [issuer.name.upper()]
    same_unit = parent is not None and parent.unit == issuer.unit
    if issuer.unit is not None and not same_unit:
        lines.append(issuer.unit.full_name.upper())
    return tuple(lines)


def header(plan: Plan) -> Header:
    """The header columns of ``plan``."""
    number = plan.document.number
    date = plan.document.date
    return Header(
        parent=None if plan.parent is None else _parent_line(plan.parent),
        issuer_lines=_issuer_lines(plan),
        number_line=vi.number_line(number.number, number.symbol, number.year),
        date_line=vi.date_line(plan.place, date.day, date.month, date.year),
    )


def _with_end_mark(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Put the end mark on the last paragraph when there is no closing paragraph."""
    if not blocks:
        return blocks
    last = blocks[-1]
    return (*blocks[:-1], attrs.evolve(last, text=phrases.closing_with_end_mark(last.text)))


def template_context(plan: Plan, plugins: Plugins | None = None) -> dict[str, Any]:
    """The names a template sees when ``plan`` is rendered.

    Args:
        plan: the plan.
        plugins: the plugins that may adjust the outline and add names; the
            default ones when None.

    Returns:
        A mapping of the documented names (see docs/templates.md):
        ``context_version``, ``plan``, ``header``, ``kind_title``, ``title``,
        ``bases``, ``introduction``, ``body``, ``closing``, ``recipients_title``,
        ``recipients`` and ``signature``, then any names plugins add.
    """
    manager = default_plugins() if plugins is None else plugins
    sections = manager.adjust_outline(plan, build_outline(plan))
    body = number_outline(sections)
    closing = None
    if plan.closing is not None:
        closing = phrases.closing_with_end_mark(plan.closing)
    else:
        body = _with_end_mark(body)
    context: dict[str, Any] = {
        "context_version": CONTEXT_VERSION,
        "plan": plan,
        "header": header(plan),
        "kind_title": plan.document.kind.vi.upper(),
        "title": plan.title,
        "bases": phrases.basis_lines(plan.bases),
        "introduction": plan.introduction,
        "body": body,
        "closing": closing,
        "recipients_title": "Nơi nhận:",
        "recipients": phrases.recipient_lines(plan.recipients),
        "signature": SignatureBlock(lines=plan.signature.lines, signer=plan.signature.signer),
    }
    context.update(manager.extra_context(plan, context))
    return context
