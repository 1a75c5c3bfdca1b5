"""The smallest .docx packages, written from XML by hand, to test the reader on exact markup."""

from __future__ import annotations

import io
import zipfile

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A4 = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" '
      'w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')


def p(text: str = "", *, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def theme(minor: str = "Calibri", major: str = "Cambria", accent1: str = "4472C4") -> str:
    """A theme part with its Latin fonts and colours."""
    return (
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="T">'
        '<a:themeElements><a:clrScheme name="C"><a:dk1><a:sysClr val="windowText" '
        'lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        f'<a:accent1><a:srgbClr val="{accent1}"/></a:accent1></a:clrScheme>'
        f'<a:fontScheme name="F"><a:majorFont><a:latin typeface="{major}"/></a:majorFont>'
        f'<a:minorFont><a:latin typeface="{minor}"/></a:minorFont></a:fontScheme>'
        '</a:themeElements></a:theme>')


def package(body: str, *, styles: str = "", defaults: str = "", numbering: str | None = None,
            theme_xml: str | None = None, settings: str | None = None,
            headers: dict[str, str] | None = None, section: str | None = A4) -> bytes:
    """A .docx whose body is ``body`` (then ``section``), with the parts given.

    ``styles`` are ``w:style`` elements; ``defaults`` the ``w:rPrDefault``
    and ``w:pPrDefault`` of ``w:docDefaults``; ``headers`` maps relationship
    ids (``rIdH1``) to the XML inside ``w:hdr``.
    """
    parts: dict[str, str] = {}
    relationships = [("rIdS", "styles", "styles.xml")]
    parts["word/styles.xml"] = (f'<w:styles {NS}><w:docDefaults>{defaults}</w:docDefaults>'
                                f"{styles}</w:styles>")
    if numbering is not None:
        parts["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>"
        relationships.append(("rIdN", "numbering", "numbering.xml"))
    if theme_xml is not None:
        parts["word/theme/theme1.xml"] = theme_xml
        relationships.append(("rIdT", "theme", "theme/theme1.xml"))
    if settings is not None:
        parts["word/settings.xml"] = f"<w:settings {NS}>{settings}</w:settings>"
        relationships.append(("rIdX", "settings", "settings.xml"))
    for number, (rel_id, content) in enumerate((headers or {}).items(), start=1):
        parts[f"word/header{number}.xml"] = f"<w:hdr {NS}>{content}</w:hdr>"
        relationships.append((rel_id, "header", f"header{number}.xml"))
    parts["word/document.xml"] = (f'<w:document {NS}><w:body>{body}{section or ""}</w:body>'
                                  "</w:document>")
    rels = "".join(f'<Relationship Id="{rel_id}" Type="{_REL}/{kind}" Target="{target}"/>'
                   for rel_id, kind, target in relationships)
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>")
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>")
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def style(style_id: str, *, kind: str = "paragraph", based_on: str | None = None,
          ppr: str = "", rpr: str = "", default: bool = False) -> str:
    """A ``w:style`` element."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"{flag}><w:name w:val="{style_id}"/>'
            f"{base}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
