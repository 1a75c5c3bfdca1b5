"""Files that are not documents, or are built to hurt, give exit 2 and one line, quickly and small.

Each case runs ``python -m phongtrao lint FILE`` in a subprocess started by a
small probe process, which reports the command's exit code, its wall time
and the peak memory of its children (``RUSAGE_CHILDREN``, so nothing else
the test session ran is counted). The budgets are generous: 5 s and 300 MB.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import phongtrao
from phongtrao import DocumentError, Limits

from .documents import build_docx

SECONDS = 5.0
MEGABYTES = 300
PROBE = """
import json, resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run([sys.executable, "-m", "phongtrao", "lint", sys.argv[1]],
                      capture_output=True, text=True, timeout=60)
print(json.dumps({"code": done.returncode, "seconds": time.monotonic() - start,
                  "kilobytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "out": done.stdout, "err": done.stderr}))
"""


def run_cli(path: Path) -> dict[str, object]:
    import json

    environment = dict(os.environ, PHONGTRAO_PLUGINS="none")
    probe = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                           text=True, timeout=90, env=environment, check=True)
    result: dict[str, object] = json.loads(probe.stdout)
    return result


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_document(document_xml: bytes) -> bytes:
    """A real document (python-docx's) whose document.xml is replaced."""
    with zipfile.ZipFile(io.BytesIO(build_docx())) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    entries["word/document.xml"] = document_xml
    return _zip(entries)


def _zeros_zip(size: int) -> bytes:
    """A zip of one part of ``size`` zero bytes, compressed (about a thousandth of it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as part:
        chunk = b"\0" * (1 << 20)
        for _ in range(size // len(chunk)):
            part.write(chunk)
    return out.getvalue()


def _lying_zip() -> bytes:
    """A part that declares 1,000 bytes and inflates to 200 MB (its sizes rewritten)."""
    data = bytearray(_zeros_zip(200 << 20))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        data[at + offset:at + offset + 4] = struct.pack("<I", 1000)
    return bytes(data)


def _declared_huge() -> bytes:
    """A small part whose central directory declares 4 GB uncompressed."""
    data = bytearray(_zip({"word/document.xml": b"<w:document/>"}))
    at = data.find(b"PK\x01\x02")
    data[at + 24:at + 28] = struct.pack("<I", 0xFFFFFFF0)
    return bytes(data)


_ENTITIES = ['<!ENTITY lol "lol">', *(
    f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
    for n in range(1, 10))]
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(_ENTITIES) + "]>"
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>").encode()
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
DEEP = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + b"<w:sdt><w:sdtContent>" * 20000 + b"</w:sdtContent></w:sdt>" * 20000
        + b"</w:body></w:document>")

#: Each hostile file: how to make it, and the words its one line must hold.
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {}


def case(name: str, reason: str) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
        CASES[name] = (make, reason)
        return make

    return register


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


case("not-a-docx", "not a .docx (not a zip package)")(
    _file("notes.docx", "Kế hoạch (chỉ là văn bản thuần)".encode()))
case("empty", "it is empty")(_file("empty.docx", b""))
case("ole-encrypted", "password-protected")(
    _file("protected.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096))
case("a-workbook", "no main document part")(
    _file("book.docx", _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<T/>"})))
case("doctype-entities", "word/document.xml")(_file("laughs.docx", _with_document(BILLION_LAUGHS)))
case("external-entity", "DOCTYPE")(_file("external.docx", _with_document(EXTERNAL)))
case("deep-nesting", "not well-formed XML")(_file("deep.docx", _with_document(DEEP)))
case("zip-bomb-declared", "unpacks to")(_file("declared.docx", _declared_huge()))
case("paragraph-flood", "more paragraphs and runs")(
    _file("flood.docx", _with_document(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + b"<w:p/>" * 150_000 + b"</w:body></w:document>")))
case("zip-bomb-many-parts", "parts")(
    _file("parts.docx", _zip({f"word/media/{n}.xml": b"" for n in range(2100)})))


@case("zip-bomb-honest", "unpacks to")
def _honest(folder: Path) -> Path:
    path = folder / "bomb.docx"
    path.write_bytes(_zeros_zip(100 << 20))
    return path


@case("zip-bomb-lying", "damaged")
def _lying(folder: Path) -> Path:
    path = folder / "lying.docx"
    path.write_bytes(_lying_zip())
    return path


@case("fifo", "FIFO")
def _fifo(folder: Path) -> Path:
    path = folder / "pipe.docx"
    os.mkfifo(path)
    return path


@case("folder", "a folder")
def _folder(folder: Path) -> Path:
    path = folder / "folder.docx"
    path.mkdir()
    return path


class TestHostileFiles:
    @pytest.mark.parametrize("name", sorted(CASES))
    def test_exit_2_one_line_bounded(self, name: str, tmp_path: Path) -> None:
        """Exit 2, one line naming the file and why, no traceback, under 5 s and 300 MB."""
        make, reason = CASES[name]
        if name == "fifo" and not hasattr(os, "mkfifo"):
            pytest.skip("this system has no FIFOs")
        path = make(tmp_path)
        result = run_cli(path)
        err = str(result["err"])
        lines = err.splitlines()
        assert (2, "", 1) == (result["code"], result["out"], len(lines)), err
        assert lines[0].startswith(f"phongtrao: error: {path}: cannot be read as a .docx: ")
        assert reason in lines[0]
        assert "Traceback" not in err
        assert float(str(result["seconds"])) < SECONDS
        assert int(str(result["kilobytes"])) < MEGABYTES * 1024


class TestTheApi:
    def test_bytes_that_are_not_a_docx_raise_document_error(self) -> None:
        """phongtrao.lint raises DocumentError (a PhongtraoError and a ValueError), one line."""
        with pytest.raises(DocumentError) as raised:
            phongtrao.lint(b"not a zip")
        error = raised.value
        assert (None, "it is not a .docx (not a zip package)", True, True) == (
            error.source, error.reason, isinstance(error, phongtrao.PhongtraoError),
            isinstance(error, ValueError))
        assert "\n" not in str(error)

    def test_a_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a DocumentError naming it."""
        path = tmp_path / "missing.docx"
        with pytest.raises(DocumentError, match=r"missing\.docx: cannot be read as a \.docx: "
                           "there is no such file"):
            phongtrao.lint(path)

    def test_a_file_beyond_the_limit_is_refused_before_it_is_read(self, tmp_path: Path) -> None:
        """A file larger than Limits.document_bytes is refused by its size."""
        path = tmp_path / "big.docx"
        path.write_bytes(build_docx())
        with pytest.raises(DocumentError, match="the limit is 1,000"):
            phongtrao.lint(path, limits=Limits(document_bytes=1_000))

    def test_an_xml_part_beyond_the_limit(self) -> None:
        """A document part larger than Limits.document_part_bytes is refused."""
        with pytest.raises(DocumentError, match="bytes of XML"):
            phongtrao.lint(build_docx(), limits=Limits(document_part_bytes=1_000))

    def test_paragraphs_and_runs_beyond_the_limit(self) -> None:
        """A document holding more paragraphs and runs than Limits.document_elements is refused."""
        with pytest.raises(DocumentError, match="the limit is 50"):
            phongtrao.lint(build_docx(), limits=Limits(document_elements=50))

    def test_a_document_error_pickles(self) -> None:
        """DocumentError survives pickling (batches in worker processes)."""
        import pickle

        error = DocumentError("it is empty", "x.docx")
        copy = pickle.loads(pickle.dumps(error))
        assert (str(error), copy.reason, copy.source) == (str(copy), "it is empty", "x.docx")
