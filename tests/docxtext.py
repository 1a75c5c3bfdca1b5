"""Read rendered .docx files back with python-docx, in document order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(source: bytes | Path) -> Document:
    """Open a .docx from bytes or a path."""
    data = source if isinstance(source, bytes) else source.read_bytes()
    return docx.Document(io.BytesIO(data))


def paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every body paragraph, table cells included, in reading order."""
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def body_lines(source: bytes | Path) -> list[str]:
    """The text of every body paragraph, in reading order, empty ones left out."""
    return [p.text for p in paragraphs(open_docx(source)) if p.text]


def body_text(source: bytes | Path) -> str:
    """All body text, one paragraph a line."""
    return "\n".join(body_lines(source))


def find(document: Document, text: str) -> Paragraph:
    """The first paragraph whose text is ``text``."""
    for paragraph in paragraphs(document):
        if paragraph.text == text:
            return paragraph
    raise AssertionError(f"no paragraph reads {text!r}")
