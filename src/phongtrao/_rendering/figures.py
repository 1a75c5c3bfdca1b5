"""Pictures in a rendered document: each figure block's marker replaced by its PNG.

A template prints a figure block as a paragraph holding only
``block.marker`` (a private-use character, ``figure:NAME``, and another);
after the render, :func:`embed_figures` puts the picture of that name in
the package (``word/media/NAME``, a relationship, the PNG content type) and
replaces the paragraph's text with an inline drawing, as wide as the text
(or the picture's own width, if narrower), its height in proportion. Only
names given to it are replaced; any other paragraph is left as it is.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Mapping

from phongtrao.errors import RenderError

__all__ = ["embed_figures", "png_size"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_MARKER = re.compile("\ue000figure:([A-Za-z0-9._-]+)\ue000")
_EMU_PER_CM = 360_000
#: The widest a figure is set: the text width of the built-in templates (15.5 cm).
TEXT_WIDTH_CM = 15.5
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.png$")


def png_size(data: bytes) -> tuple[int, int, float]:
    """A PNG's width and height in pixels, and its pixels per centimetre (96 dpi if unsaid).

    Raises:
        ValueError: when ``data`` is no PNG.
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("the picture is no PNG")
    width, height = struct.unpack(">II", data[16:24])
    per_cm = 96 / 2.54
    found = data.find(b"pHYs", 0, 4096)
    if found > 0:
        x, _, unit = struct.unpack(">IIB", data[found + 4:found + 13])
        if unit == 1 and x:
            per_cm = x / 100
    return width, height, per_cm


def _drawing(relation: str, number: int, name: str, data: bytes) -> str:
    width, height, per_cm = png_size(data)
    width_cm = min(TEXT_WIDTH_CM, width / per_cm)
    cx = int(width_cm * _EMU_PER_CM)
    cy = int(cx * height / width)
    return (
        f'<w:r xmlns:w="{_W}"><w:drawing>'
        f'<wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="{name}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A}">'
        f'<a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{_R}" r:embed="{relation}"/>'
        f"<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        f"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def embed_figures(docx: bytes, figures: Mapping[str, bytes]) -> bytes:
    """``docx`` with each figure marker whose name is in ``figures`` replaced by its picture.

    Raises:
        RenderError: when a name is no plain ``.png`` file name, a picture is no
            PNG, or a figure the document asks for is not given.
    """
    if not figures:
        return docx
    from lxml import etree

    for name, data in figures.items():
        if not _NAME.match(name):
            raise RenderError(f"the figure {name!r} has no plain .png file name")
        try:
            png_size(data)
        except (ValueError, struct.error):
            raise RenderError(f"the figure {name!r} is no PNG picture") from None
    source = zipfile.ZipFile(io.BytesIO(docx))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    document = etree.fromstring(source.read("word/document.xml"), parser)
    relations = etree.fromstring(source.read("word/_rels/document.xml.rels"), parser)
    types = etree.fromstring(source.read("[Content_Types].xml"), parser)
    used = {element.get("Id") for element in relations}
    numbers = [int(str(element.get("id"))) for element in document.iter(f"{{{_WP}}}docPr")
               if str(element.get("id")).isdigit()]
    number = max(numbers, default=0)
    media: dict[str, bytes] = {}
    for paragraph in document.iter(f"{{{_W}}}p"):
        text = "".join(str(piece) for piece in paragraph.itertext())
        found = _MARKER.fullmatch(text)
        if found is None:
            continue
        name = found.group(1)
        if name not in figures:
            raise RenderError(f"the document shows the figure {name!r}, which was not given; "
                              f"expected one of {', '.join(sorted(figures)) or 'none'}")
        relation = next(f"rIdFigure{index}" for index in range(1, 10_000)
                        if f"rIdFigure{index}" not in used)
        used.add(relation)
        number += 1
        for run in paragraph.findall(f"{{{_W}}}r"):
            paragraph.remove(run)
        paragraph.append(etree.fromstring(_drawing(relation, number, name, figures[name])))
        etree.SubElement(relations, f"{{{_PACKAGE_RELS}}}Relationship", Id=relation,
                         Type=_IMAGE, Target=f"media/{name}")
        media[f"word/media/{name}"] = figures[name]
    if not any(element.get("Extension") == "png" for element in types):
        etree.SubElement(types, f"{{{_TYPES}}}Default", Extension="png",
                         ContentType="image/png")
    replaced = {
        "word/document.xml": etree.tostring(document, xml_declaration=True, encoding="UTF-8",
                                            standalone=True),
        "word/_rels/document.xml.rels": etree.tostring(relations, xml_declaration=True,
                                                       encoding="UTF-8", standalone=True),
        "[Content_Types].xml": etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                              standalone=True),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in media:
                continue
            target.writestr(info, replaced.get(info.filename, source.read(info)))
        for name, data in sorted(media.items()):
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED
            target.writestr(entry, data)
    return out.getvalue()
