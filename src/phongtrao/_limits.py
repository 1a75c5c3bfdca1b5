"""The limits that keep hostile input from exhausting time or memory.

phongtrao reads plan files officers send in and templates and plugins from other
provinces, and documents to check (``phongtrao lint``) from anywhere; each
limit below bounds what one of them can cost. The defaults are
far above anything a real plan or template needs. Raise one by passing your own
``Limits`` (``phongtrao.load_plan(path, limits=Limits(plan_bytes=...))``,
``phongtrao.Renderer(plugins, limits=...)``); docs/security.md lists them.
"""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]

_MIB = 2**20


@attrs.frozen(kw_only=True)
class Limits:
    """Giới hạn — how much a plan file, a template or a render may take.

    Attributes:
        plan_bytes: the largest plan file, in bytes (8 MiB).
        plan_values: the most values — texts, numbers, lists, mappings — a plan
            file may hold, counted as its aliases expand them (100,000).
        plan_depth: the deepest nesting of lists and mappings (32).
        plan_aliases: the most YAML aliases, ``*name``, a plan file may use (1,000).
        number_digits: the most digits of a whole number (30).
        text_length: the longest text, in characters (100,000).
        package_entries: the most parts in a .docx package (2,000).
        package_entry_bytes: the largest part of a .docx, uncompressed (64 MiB).
        package_bytes: the largest .docx, all parts uncompressed (256 MiB).
        render_seconds: the longest a template may take to render one document (60).
        pdf_seconds: the longest LibreOffice may take to convert one document to
            PDF (120); it is then killed and started again for the next one.
        render_output_bytes: the largest text a template may produce for one
            part of a document (32 MiB).
        repeat_length: the longest text or list a template may make by
            repetition, as ``'a' * n`` does (1,000,000).
        power_digits: the most digits of a power a template may compute, as
            ``10 ** n`` does (1,000).
        format_width: the widest field a template may pad to, as ``'%999999d'``
            or ``center(n)`` do (10,000).
        document_bytes: the largest .docx file :func:`phongtrao.lint` reads
            (128 MiB; a scanned document's pictures can be large).
        document_part_bytes: the largest XML part of a document to check,
            uncompressed (16 MiB; the text of a 300-page document is a few).
        document_elements: the most paragraphs and runs of text a document to
            check may hold (100,000; a 300-page document holds some tens of
            thousands), which bounds the memory a check takes.
        form_bytes: the largest returned form (.xlsx) or results file read
            (16 MiB; a filled form has some tens of kilobytes).
        form_part_bytes: the largest part of a returned form read, uncompressed
            (8 MiB): a sheet, its shared texts; this bounds a sheet's cells.
        result_files: the most result files one aggregate reads (100,000).
    """

    plan_bytes: int = 8 * _MIB
    plan_values: int = 100_000
    plan_depth: int = 32
    plan_aliases: int = 1_000
    number_digits: int = 30
    text_length: int = 100_000
    package_entries: int = 2_000
    package_entry_bytes: int = 64 * _MIB
    package_bytes: int = 256 * _MIB
    render_seconds: float = 60.0
    pdf_seconds: float = 120.0
    render_output_bytes: int = 32 * _MIB
    repeat_length: int = 1_000_000
    power_digits: int = 1_000
    format_width: int = 10_000
    document_bytes: int = 128 * _MIB
    document_part_bytes: int = 16 * _MIB
    document_elements: int = 100_000
    form_bytes: int = 16 * _MIB
    form_part_bytes: int = 8 * _MIB
    result_files: int = 100_000


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()
