"""Whatever a document's values say, lint answers with findings or a DocumentError, nothing else.

Hypothesis rewrites the attribute values of a real document's parts (sizes,
indents, styles, list numbers, section sizes …) to arbitrary text, and drops
or repeats elements; ``phongtrao.lint`` must still return findings — or, for
a package it cannot read, raise :class:`~phongtrao.DocumentError`.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import phongtrao
from phongtrao import DocumentError, Plugins

from .documents import W, build_docx

_DOCUMENT = build_docx("tabs")
_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")
_PLUGINS = Plugins(False)

values = st.one_of(st.sampled_from(["", "0", "-1", "auto", "99999999999", "1.5", "nil", "x",
                                    "true", "%1.%2.%3", "-2147483649"]),
                   st.text(max_size=8))


def _mutated(part: str, edits: list[tuple[int, int, str]], drops: list[int]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_DOCUMENT)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    root = etree.fromstring(entries[part])
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    for position, which, value in edits:
        element = elements[position % len(elements)]
        names = list(element.attrib)
        if names:
            element.set(names[which % len(names)], "".join(
                ch for ch in value if ch.isprintable() and ch not in "\ud800\udfff"))
    for position in drops:
        element = elements[position % len(elements)]
        parent = element.getparent()
        if parent is not None and element.getparent() is not None:
            parent.remove(element)
    entries[part] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


class TestAnyValues:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(part=st.sampled_from(_PARTS),
           edits=st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 5), values),
                          max_size=25),
           drops=st.lists(st.integers(0, 5000), max_size=5))
    def test_findings_or_a_document_error(self, part: str, edits: list[tuple[int, int, str]],
                                          drops: list[int]) -> None:
        """Corrupted values and missing elements give findings or a DocumentError, no crash."""
        data = _mutated(part, edits, drops)
        try:
            findings = phongtrao.lint(data, plugins=_PLUGINS)
        except DocumentError:
            return
        assert all(isinstance(finding, phongtrao.Finding) for finding in findings)
        assert [] == [finding.message_en for finding in findings
                      if "the rule failed" in finding.message_en]


class TestAbsurdPages:
    def test_margins_larger_than_the_page_end_in_findings(self, tmp_path: Path) -> None:
        """A page whose margins leave no room for text is judged, quickly, not paged for ever."""
        from .documents import Docx

        doc = Docx(build_docx())
        doc.section().find(f"{W}pgMar").attrib.update({f"{W}top": "9999999",
                                                        f"{W}bottom": "9999999"})
        path = tmp_path / "absurd.docx"
        path.write_bytes(doc.save())
        done = subprocess.run([sys.executable, "-m", "phongtrao", "lint", str(path)],
                              capture_output=True, text=True, timeout=60, check=False,
                              env=dict(os.environ, PHONGTRAO_PLUGINS="none"))
        assert (1, ["margin-bottom", "margin-top"]) == (done.returncode, sorted(
            line.split()[2].rstrip(":") for line in done.stdout.splitlines()
            if " error " in line))
