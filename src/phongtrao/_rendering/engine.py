"""The docxtpl engine, prepared once per template file and reused for every render.

docxtpl's own ``DocxTemplate.render`` reloads the .docx, re-runs its regex
patching and recompiles the whole document as a Jinja template on every call,
and renders with autoescaping off and undefined variables as blanks (DESIGN.md
§6). Here the template's parts are patched and compiled once
(:func:`prepare`); each render is then a Jinja render of the compiled parts,
a strict XML parse (nothing is dropped silently: a malformed result is an
error) and the writing of a new package from the untouched parts kept in memory.

Rendering is sandboxed and bounded (templates are data;
:mod:`phongtrao._rendering.sandbox`) with autoescaping always on and
``StrictUndefined``; the package is inspected before it is read
(:mod:`phongtrao._package`). Every failure of a template — its package, its
XML, its Jinja, a limit — is a :class:`~phongtrao.errors.RenderError` naming
the template and the part. Output is deterministic: zip entries keep the
template's order and carry a fixed timestamp.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import attrs
import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from phongtrao._package import UnsafePackage, parse_xml, read_package
from phongtrao._rendering.sandbox import (
    BoundedEnvironment,
    LimitError,
    check_deadline,
    deadline,
)
from phongtrao._rendering.sandbox import make_environment as make_environment
from phongtrao.errors import RenderError

__all__ = ["DocumentProperties", "PreparedTemplate", "make_environment", "prepare",
           "prepare_bytes"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_HEADER_FOOTER = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)
_CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_CORE_CONTENT_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_STRICT = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True)
_BODY_MARK = "<!--phongtrao-body-->"


# docxtpl's patch_xml, resolve_listing and fix_tables use no instance state; one
# never-rendered instance lends them. (This module is imported only to render.)
_DOCXTPL: Any = DocxTemplate(io.BytesIO())


def _rels_targets(package: dict[str, bytes], source: str, types: tuple[str, ...]) -> list[str]:
    """The part names a part's relationships of the given types point to."""
    folder = PurePosixPath(source).parent
    rels_name = str(folder / "_rels" / (PurePosixPath(source).name + ".rels")).lstrip("/")
    if source == "":
        rels_name = "_rels/.rels"
    data = package.get(rels_name)
    if data is None:
        return []
    root = parse_xml(data, rels_name)
    targets = []
    for rel in root.iter(f"{{{_REL}}}Relationship"):
        if rel.get("Type") in types and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            if target.startswith("/"):
                targets.append(target.lstrip("/"))
            else:
                targets.append(str(PurePosixPath(folder / target)).lstrip("/"))
    return targets


@attrs.frozen
class _Part:
    name: str
    template: jinja2.Template
    prefix: str  # for the main document: the XML before and after the body
    suffix: str
    fix_tables: bool


@attrs.frozen
class _Entry:
    """A part of the package, compressed once: its local record and its directory data."""

    name: bytes
    crc: int
    size: int
    deflated: bytes


def _deflate(name: str, data: bytes) -> _Entry:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)  # raw deflate, as zip stores it
    deflated = compressor.compress(data) + compressor.flush()
    return _Entry(name.encode("utf-8"), zlib.crc32(data), len(data), deflated)


def _untouched(package: bytes, info: zipfile.ZipInfo, content: bytes) -> _Entry:
    """An entry copied as the template stores it: deflated data is not deflated again."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return _deflate(info.filename, content)
    # The data follows the local header, whose name and extra field lengths end it.
    name_length, extra_length = struct.unpack_from("<HH", package, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    raw = package[start:start + info.compress_size]
    return _Entry(info.filename.encode("utf-8"), info.CRC, info.file_size, raw)


# Every entry carries the same fixed time (2026-01-01 00:00), so output is reproducible.
_DOS_TIME, _DOS_DATE = 0, ((_ZIP_TIME[0] - 1980) << 9) | (_ZIP_TIME[1] << 5) | _ZIP_TIME[2]


def _write_zip(entries: list[_Entry]) -> bytes:
    """A zip package of already deflated entries (what zipfile would write, minus the work)."""
    out = io.BytesIO()
    directory = []
    for entry in entries:
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                              entry.crc, len(entry.deflated), entry.size, len(entry.name), 0))
        out.write(entry.name)
        out.write(entry.deflated)
        directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, 0, 8,
                                     _DOS_TIME, _DOS_DATE, entry.crc, len(entry.deflated),
                                     entry.size, len(entry.name), 0, 0, 0, 0, 0o644 << 16,
                                     offset) + entry.name)
    start = out.tell()
    for record in directory:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                          out.tell() - start, start, 0))
    return out.getvalue()


@attrs.frozen(kw_only=True)
class DocumentProperties:
    """Thuộc tính văn bản — what a document says about itself (``docProps/core.xml``).

    Word shows them under File > Info; LibreOffice carries them into the PDF
    (title, author, subject, keywords; the language as ``/Lang``).

    Attributes:
        title: tiêu đề — the document's title (a plan's trích yếu).
        creator: tác giả — who made it (the issuing body's full name).
        subject: chủ đề — what it is about.
        keywords: từ khóa — words to find it by.
        language: ngôn ngữ — its language, as a BCP 47 tag (``vi-VN``).
        created: ngày tạo — when it was made, as ``YYYY-MM-DD``, or None.
    """

    title: str
    creator: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "vi-VN"
    created: str | None = None

    def to_xml(self) -> bytes:
        """The ``docProps/core.xml`` part holding these properties, escaped by lxml.

        Raises:
            RenderError: when a text holds a character XML cannot hold.
        """
        cp, dc, dcterms, xsi = (_CORE_NAMESPACES[key] for key in ("cp", "dc", "dcterms", "xsi"))
        root = etree.Element(f"{{{cp}}}coreProperties", nsmap=_CORE_NAMESPACES)
        fields = [(dc, "title", self.title), (dc, "subject", self.subject),
                  (dc, "creator", self.creator), (cp, "keywords", ", ".join(self.keywords)),
                  (dc, "language", self.language), (cp, "lastModifiedBy", self.creator),
                  (cp, "revision", "1")]
        try:
            for namespace, name, text in fields:
                etree.SubElement(root, f"{{{namespace}}}{name}").text = text
            if self.created is not None:
                for name in ("created", "modified"):
                    stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
                    stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
                    stamp.text = f"{self.created}T00:00:00Z"
        except ValueError as error:  # lxml refuses control characters
            raise RenderError(f"a document property cannot be written: {error}") from None
        body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True,
                                     standalone=True)
        return body


def _with_core_properties(package: dict[str, bytes],
                          entries: tuple[tuple[str, _Entry | None], ...]) -> tuple[
                              str, tuple[tuple[str, _Entry | None], ...]]:
    """The core-properties part's name, and the entries with that part written per document.

    Most templates have ``docProps/core.xml``; one without gets it added, with
    its content type and the package relationship pointing to it.
    """
    cores = _rels_targets(package, "", (_CORE_PROPERTIES,))
    if cores and cores[0] in package:
        return cores[0], tuple((name, None if name == cores[0] else entry)
                               for name, entry in entries)
    core = "docProps/core.xml"
    patched: list[tuple[str, _Entry | None]] = []
    for name, entry in entries:
        if name == "[Content_Types].xml":
            root = parse_xml(package[name], name)
            etree.SubElement(root, f"{{{_CONTENT_TYPES}}}Override", PartName=f"/{core}",
                             ContentType=_CORE_CONTENT_TYPE)
        elif name == "_rels/.rels":
            root = parse_xml(package[name], name)
            taken = {rel.get("Id") for rel in root}
            number = len(taken) + 1
            while f"rId{number}" in taken:
                number += 1
            etree.SubElement(root, f"{{{_REL}}}Relationship", Id=f"rId{number}",
                             Type=_CORE_PROPERTIES, Target=core)
        else:
            patched.append((name, entry))
            continue
        patched.append((name, _deflate(name, etree.tostring(
            root, encoding="UTF-8", xml_declaration=True, standalone=True))))
    patched.append((core, None))
    return core, tuple(patched)


@attrs.frozen
class PreparedTemplate:
    """A template patched and compiled once, ready to render many documents.

    Attributes:
        name: the template's name, for error messages.
        entries: the package's parts in their original order, the untouched ones
            already compressed (None for the parts rendered per document).
        parts: the parts rendered by Jinja (main document, headers, footers).
        core: the name of the core-properties part.
        core_entries: the entries when the core properties are written per
            document (that part None too; added when the template has none).
    """

    name: str
    entries: tuple[tuple[str, _Entry | None], ...]
    parts: tuple[_Part, ...]
    environment: BoundedEnvironment
    core: str = "docProps/core.xml"
    core_entries: tuple[tuple[str, _Entry | None], ...] = ()

    def render(self, context: Mapping[str, Any],
               properties: DocumentProperties | None = None) -> bytes:
        """Render ``context`` into the bytes of a .docx.

        Args:
            context: the names the template sees.
            properties: the document's own title, author, subject, keywords and
                language; the template's, as it stores them, when None.

        Raises:
            RenderError: when the template uses an undefined name, breaks the
                sandbox, or produces XML that is not well-formed.
        """
        with deadline(self.environment.limits.render_seconds):
            rendered = {part.name: self._render_part(part, context) for part in self.parts}
        entries = self.entries
        if properties is not None:
            rendered[self.core] = properties.to_xml()
            entries = self.core_entries
        return _write_zip([
            entry if entry is not None else _deflate(name, rendered[name])
            for name, entry in entries
        ])

    def _generate(self, part: _Part, context: Mapping[str, Any]) -> str:
        """The part's XML, produced piece by piece within the time and size limits."""
        limit = self.environment.limits.render_output_bytes
        done: list[str] = []  # joined every few thousand pieces: one small string each
        pieces: list[str] = []
        size = 0
        for piece in part.template.generate(context):
            size += len(piece)
            if size > limit:
                raise LimitError(
                    f"the template produced more than {limit:,} characters for one part; "
                    "the limit is Limits.render_output_bytes")
            pieces.append(piece)
            if len(pieces) >= 4096:
                check_deadline()
                done.append("".join(pieces))
                pieces.clear()
        return "".join(done) + "".join(pieces)

    def _render_part(self, part: _Part, context: Mapping[str, Any]) -> bytes:
        where = f"template {self.name!r} ({part.name})"
        try:
            xml = self._generate(part, context)
        except LimitError as error:
            raise RenderError(f"{where} was stopped: {error}") from None
        except jinja2.exceptions.SecurityError as error:
            raise RenderError(
                f"template {self.name!r} ({part.name}) tried something the sandbox forbids: "
                f"{error}; templates may only use the documented context (docs/templates.md)"
            ) from None
        except jinja2.exceptions.UndefinedError as error:
            names = ", ".join(sorted(context))
            raise RenderError(
                f"template {self.name!r} ({part.name}) uses an undefined name: {error.message}; "
                f"the context provides {names} (docs/templates.md)"
            ) from None
        except jinja2.exceptions.TemplateError as error:
            raise RenderError(f"{where} failed: {error}") from None
        except RecursionError:
            raise RenderError(f"{where} calls itself without end (a macro that calls itself, "
                              "or data nested too deep)") from None
        except MemoryError:
            raise RenderError(f"{where} ran out of memory") from None
        except Exception as error:  # noqa: BLE001 - whatever template code raises is its failure
            raise RenderError(f"{where} failed: {type(error).__name__}: "
                              f"{str(error)[:200]}") from None
        # A carriage return would be folded into a line feed by any XML reader;
        # make it one here, so it becomes the line break it means.
        xml = _undo_patch(xml).replace("\r\n", "\n").replace("\r", "\n")
        if any(mark in xml for mark in _LISTING_MARKS):
            xml = _DOCXTPL.resolve_listing(xml)
        try:
            element = etree.fromstring(xml.encode("utf-8"), _STRICT)
        except etree.XMLSyntaxError as error:  # the result, not an input: no DOCTYPE to refuse
            raise RenderError(
                f"template {self.name!r} ({part.name}) produced a document that is not "
                f"well-formed ({error}); a text may hold a character a document cannot hold "
                "(phongtrao.check reports it), or a Jinja tag may split Word's XML"
            ) from None
        _keep_periods_whole(element)
        if part.fix_tables:
            element = _DOCXTPL.fix_tables(etree.tostring(element, encoding="unicode"))
        body = etree.tostring(element, encoding="unicode")
        return (part.prefix + body + part.suffix).encode("utf-8")


_PERIOD_HYPHEN = re.compile(r"(?<=\d{4})-(?=\d{4})")
_T, _NO_BREAK_HYPHEN = f"{{{_W}}}t", f"{{{_W}}}noBreakHyphen"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _keep_periods_whole(element: Any) -> None:
    """Make the hyphen of a period ("2000-2025") one the line never breaks at.

    Word and LibreOffice break a line after a hyphen, which leaves "giai đoạn
    2000-" at the end of one line and "2025" on the next. Each such hyphen
    becomes Word's non-breaking hyphen (``w:noBreakHyphen``), which both show,
    print and copy as "-".
    """
    for text in list(element.iter(_T)):
        value = text.text or ""
        if not _PERIOD_HYPHEN.search(value):
            continue
        pieces = _PERIOD_HYPHEN.split(value)
        text.text = pieces[0]
        text.set(_SPACE, "preserve")
        anchor = text
        for piece in pieces[1:]:
            hyphen = etree.Element(_NO_BREAK_HYPHEN)
            following = etree.Element(_T)
            following.set(_SPACE, "preserve")
            following.text = piece
            anchor.addnext(hyphen)
            hyphen.addnext(following)
            anchor = following


#: Characters docxtpl's resolve_listing turns into tabs, line and page breaks;
#: without them in the rendered XML it has nothing to do.
_LISTING_MARKS = ("\t", "\n", "\a", "\f")


def _undo_patch(xml: str) -> str:
    """Join the paragraphs docxtpl split onto lines for its ``{%p`` tags."""
    return re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)


# docxtpl lets a template write a literal "{{" as "{_{" and replaces it in the
# rendered XML, where it would also rewrite the same four characters in the
# data. Here they are turned into Jinja string literals before compiling.
_LITERALS = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}
_LITERAL = re.compile("|".join(re.escape(mark) for mark in _LITERALS))


def _compile(
    environment: BoundedEnvironment, name: str, part: str, source: str
) -> jinja2.Template:
    patched = _DOCXTPL.patch_xml(source)
    patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
    patched = _LITERAL.sub(lambda match: _LITERALS[match.group()], patched)
    try:
        return environment.compile_checked(patched)
    except jinja2.exceptions.TemplateSyntaxError as error:
        raise RenderError(
            f"template {name!r} ({part}) has a Jinja syntax error near line {error.lineno}: "
            f"{error.message}"
        ) from None
    except jinja2.exceptions.SecurityError as error:
        raise RenderError(f"template {name!r} ({part}) cannot be used: {error}") from None
    except (RecursionError, MemoryError):
        raise RenderError(f"template {name!r} ({part}) nests its tags too deeply to be "
                          "compiled") from None


def prepare_bytes(data: bytes, name: str, environment: BoundedEnvironment) -> PreparedTemplate:
    """Prepare a template from the bytes of its .docx: inspect, patch and compile it once.

    Raises:
        RenderError: when the package is unsafe or damaged, or a part cannot be compiled.
    """
    try:
        return _prepare(data, name, environment)
    except UnsafePackage as error:
        raise RenderError(f"template {name!r} cannot be used: {error}") from None


def _prepare(data: bytes, name: str, environment: BoundedEnvironment) -> PreparedTemplate:
    entries = read_package(data, environment.limits)
    contents = {info.filename: content for info, content in entries}
    documents = _rels_targets(contents, "", (_OFFICE_DOCUMENT,))
    if not documents or documents[0] not in contents:
        raise RenderError(f"template {name!r} has no main document part; is it a .docx?")
    main = documents[0]
    root = parse_xml(contents[main], main)
    body = root.find(f"{{{_W}}}body")
    if body is None:
        raise RenderError(f"template {name!r} has a main document without a body")
    body_source = etree.tostring(body, encoding="unicode")
    root.replace(body, etree.Comment("phongtrao-body"))
    shell_text = etree.tostring(root, encoding="unicode")
    prefix, suffix = shell_text.split(_BODY_MARK)
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = [
        _Part(main, _compile(environment, name, main, body_source), declaration + prefix, suffix,
              "{%tc" in body_source)
    ]
    for header in _rels_targets(contents, main, _HEADER_FOOTER):
        if header in contents:
            source = etree.tostring(parse_xml(contents[header], header), encoding="unicode")
            parts.append(_Part(header, _compile(environment, name, header, source), declaration,
                               "", False))
    rendered = {part.name for part in parts}
    prepared = tuple(
        (info.filename, None if info.filename in rendered else _untouched(data, info, content))
        for info, content in entries
    )
    core, with_core = _with_core_properties(contents, prepared)
    return PreparedTemplate(name=name, entries=prepared, parts=tuple(parts),
                            environment=environment, core=core, core_entries=with_core)


def prepare(path: Path, environment: BoundedEnvironment, name: str | None = None
            ) -> PreparedTemplate:
    """Prepare the template at ``path``: patch and compile its parts once, for many renders.

    Args:
        path: the .docx template.
        environment: the Jinja environment (with the plugins' filters).
        name: its name in error messages; the file name by default.

    Raises:
        RenderError: when the file is missing or not a usable template.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RenderError(f"template {str(path)!r} cannot be read: {error.strerror}") from None
    return prepare_bytes(data, name or path.name, environment)
