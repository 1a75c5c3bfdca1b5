"""Rendering: plan -> outline -> context -> .docx (docxtpl) -> .pdf (LibreOffice).

Templates are found in this order (docs/templates.md): an explicit path to a
.docx file; then the templates plugins register, by name, the highest priority
winning; the built-in national ``ke-hoach`` last. Without an explicit template
the plugins choose one for the plan (``phongtrao_choose_template``).

The heavy parts (docxtpl, lxml, Jinja) are imported when a template is first
prepared, so checking plans stays quick.
"""

from phongtrao._rendering.context import CONTEXT_VERSION, template_context
from phongtrao._rendering.dossier import DOCUMENTS, MissingDocument, Package
from phongtrao._rendering.pdf import PdfConverter, docx_to_pdf, find_soffice
from phongtrao._rendering.renderer import OUTPUT_SUFFIXES, Rendered, Renderer

__all__ = [
    "CONTEXT_VERSION",
    "DOCUMENTS",
    "OUTPUT_SUFFIXES",
    "MissingDocument",
    "Package",
    "PdfConverter",
    "Rendered",
    "Renderer",
    "docx_to_pdf",
    "find_soffice",
    "template_context",
]
