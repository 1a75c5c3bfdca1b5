"""Reading a .docx package (a zip of XML parts) that may be hostile.

A template from another province or a document an officer sends in is
inspected before it is read: the number of parts, their declared and actual
uncompressed sizes and their names (no absolute path, no ``..``, no part given
twice), and no encryption. Each XML part is parsed strictly, with no DTD and
no entities. Whatever is wrong raises :class:`UnsafePackage` with a reason a
reader understands; the callers say whose package it is (a template, a
document to check).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from phongtrao._limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["Part", "UnsafePackage", "parse_xml", "read_package"]

Part = tuple[zipfile.ZipInfo, bytes]

_CHUNK = 1 << 16


class UnsafePackage(Exception):  # noqa: N818 - read as "the package is unsafe: reason"
    """A package phongtrao will not read; the message says why, for a person."""


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if (not name or name.startswith(("/", "\\")) or "\\" in name or ".." in path.parts
            or (path.parts and ":" in path.parts[0])):
        raise UnsafePackage(f"it holds a part named {name[:80]!r}, which points outside the "
                            "package; a .docx names its parts like 'word/document.xml'")


def _infos(package: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    infos = package.infolist()
    if len(infos) > limits.package_entries:
        raise UnsafePackage(f"it holds {len(infos):,} parts; a .docx has a few dozen (the "
                            f"limit is {limits.package_entries:,})")
    seen: set[str] = set()
    declared = 0
    for info in infos:
        _check_name(info.filename)
        if info.filename in seen:
            raise UnsafePackage(f"the part {info.filename!r} is given twice; a .docx holds "
                                "each part once")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise UnsafePackage("it is encrypted (protected with a password); save it "
                                "without protection")
        if info.file_size > limits.package_entry_bytes:
            raise UnsafePackage(f"the part {info.filename!r} unpacks to {info.file_size:,} "
                                f"bytes (the limit is {limits.package_entry_bytes:,})")
        declared += info.file_size
    if declared > limits.package_bytes:
        raise UnsafePackage(f"it unpacks to {declared:,} bytes (the limit is "
                            f"{limits.package_bytes:,})")
    return infos


def _read(package: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, limits: Limits) -> bytes:
    """A part's bytes, read in small steps and no further than the limits allow.

    zipfile returns no more than a part declares (and the declared sizes are
    within the limits), but asked for everything at once it inflates the whole
    compressed stream first: a part that lies about its size would unpack to
    gigabytes before being cut. In small steps it stops at the part's limit
    (or what is left of the package's), and a lie is refused.
    """
    cap = min(limits.package_entry_bytes, budget)
    chunks: list[bytes] = []
    size = 0
    with package.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise UnsafePackage(f"the part {info.filename!r} unpacks to more than it "
                                    f"declares ({info.file_size:,} bytes); the package is "
                                    "damaged or built to exhaust memory")
            chunks.append(chunk)
    return b"".join(chunks)


def read_package(
    data: bytes, limits: Limits = DEFAULT_LIMITS, wanted: Callable[[str], bool] | None = None
) -> list[Part]:
    """The parts of a package in their stored order, each with its bytes.

    Every entry is inspected; with ``wanted``, only the parts it accepts (by
    name) are unpacked and returned, so a reader that needs the XML parts
    never inflates the pictures.

    Raises:
        UnsafePackage: when the data is not a zip package, is encrypted, or
            breaks a limit or a naming rule.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = _infos(package, limits)
            parts: list[Part] = []
            budget = limits.package_bytes
            for info in infos:
                if wanted is not None and not wanted(info.filename):
                    continue
                content = _read(package, info, budget, limits)
                budget -= len(content)
                parts.append((info, content))
            return parts
    except UnsafePackage:
        raise
    except zipfile.BadZipFile as error:
        reason = str(error)
        if "File is not a zip file" in reason or not data:
            raise UnsafePackage("it is not a .docx (not a zip package)") from None
        raise UnsafePackage(f"the package is damaged ({reason})") from None
    except (OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as error:
        raise UnsafePackage(f"the package cannot be read ({type(error).__name__}: "
                            f"{str(error)[:120]})") from None


def parse_xml(data: bytes, name: str, *, huge: bool = True) -> etree._Element:
    """Parse one XML part strictly: no DTD, no entities, nothing recovered.

    ``huge=False`` keeps libxml2's own bounds on nesting depth (256) and on
    the size of one text node, for parts from a source that may be hostile.

    Raises:
        UnsafePackage: when the part is not well-formed XML or declares a DOCTYPE.
    """
    from lxml import etree

    parser = etree.XMLParser(recover=False, resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=huge)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnsafePackage(f"the part {name!r} is not well-formed XML ({error})") from None
    if getattr(root.getroottree().docinfo, "doctype", ""):
        raise UnsafePackage(f"the part {name!r} declares a DOCTYPE, which a .docx never "
                            "needs (it could hold entities)")
    return root
