"""Reading the few cells of a returned form from an .xlsx that may be hostile.

A form comes back from a commune by e-mail, saved by Excel, LibreOffice,
WPS or an online sheet; it may also be anything else with the same name. So
it is read the way :mod:`phongtrao._package` reads a .docx: the zip's
entries are inspected first (how many, their declared sizes, their names,
no encryption), only the parts needed are inflated, in small steps and
never beyond their limit (a zip bomb is cut at the limit, not after), and
each XML part is parsed strictly with no DTD, no entities and libxml2's own
bounds on depth. Of a sheet only the cells asked for are kept, so the cost
of a huge sheet is bounded by its part's size limit.

Only the SpreadsheetML a form needs is read: the workbook's sheet list,
their parts, the shared strings, and cells' values (numbers, shared and
inline strings, formulas' cached values, booleans, errors), in either the
transitional or the strict namespaces. Excel is not needed, and neither is
openpyxl, which would load every cell of every sheet.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from phongtrao._limits import Limits

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["Cell", "NotReadable", "Workbook", "cell_reference", "column_row"]

_CHUNK = 1 << 16


class NotReadable(Exception):  # noqa: N818 - read as "the file is not readable: reason"
    """A file that cannot be read as a form; the message says why, for the sender."""


@attrs.frozen
class Cell:
    """One cell's stored value: its type as the file says it, and its text.

    Attributes:
        kind: ``n`` a number, ``s`` text, ``b`` a yes/no value, ``e`` an error
            (``#DIV/0!``), ``d`` an ISO date (strict files).
        text: the value as stored (a number's digits, the text itself).
    """

    kind: str
    text: str


def column_row(reference: str) -> tuple[int, int]:
    """``"D7"`` -> (4, 7): the column's number from 1, and the row's."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters):]
    if not letters or not digits or not letters.isalpha() or len(letters) > 3:
        raise ValueError(f"{reference!r} is not a cell reference")
    column = 0
    for letter in letters.upper():
        column = column * 26 + (ord(letter) - 64)
    return column, int(digits)


def cell_reference(column: int, row: int) -> str:
    """(4, 7) -> ``"D7"``: the reference of a cell by its column's number from 1 and row."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def _attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by its local name, in whatever namespace (``r:id`` in either namespace)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return str(value)
    return None


class Workbook:
    """The sheets of an .xlsx, and the cells asked for.

    Raises:
        NotReadable: on construction, when the data is no .xlsx, is encrypted,
            damaged, or beyond a limit.
    """

    def __init__(self, data: bytes, limits: Limits) -> None:
        self._limits = limits
        if len(data) > limits.form_bytes:
            raise NotReadable(f"the file has {len(data):,} bytes; a form has some tens of "
                              f"thousands (the limit is {limits.form_bytes:,}, "
                              "Limits.form_bytes)")
        if data[:4] == b"\xd0\xcf\x11\xe0":
            raise NotReadable("it is an old Excel file (.xls) or a password-protected one; open "
                              "it in Excel or LibreOffice, remove any password and save it as "
                              "Excel Workbook (.xlsx)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise NotReadable("it is not an Excel workbook (.xlsx); save the file as Excel "
                              "Workbook (.xlsx) and send it again") from None
        self._budget = limits.form_part_bytes * 4
        self._infos = self._inspect()
        self._strings: list[str] | None = None
        workbook = self._office_document()
        root = self._xml(workbook)
        self.date1904 = any(
            (_attribute(element, "date1904") or "").lower() in ("1", "true")
            for element in root.iterfind("{*}workbookPr"))
        relationships = self._relationships(workbook)
        targets = {relation: target for relation, _, target in relationships}
        #: Each sheet's name -> (its state: visible, hidden, veryHidden; its part).
        self.sheets: dict[str, tuple[str, str | None]] = {}
        for sheet in root.iterfind("{*}sheets/{*}sheet"):
            name = sheet.get("name") or ""
            relation = _attribute(sheet, "id")
            self.sheets[name] = (sheet.get("state") or "visible",
                                 targets.get(relation or ""))
        strings = [target for _, kind, target in relationships if kind == "sharedStrings"]
        self._strings_part = strings[0] if strings else None

    # -- the package -------------------------------------------------------------------

    def _inspect(self) -> dict[str, zipfile.ZipInfo]:
        limits = self._limits
        infos = self._zip.infolist()
        if len(infos) > limits.package_entries:
            raise NotReadable(f"it holds {len(infos):,} parts; an .xlsx form has a dozen (the "
                              f"limit is {limits.package_entries:,})")
        found: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if name in found:
                raise NotReadable(f"the part {name[:80]!r} is given twice; the file is damaged")
            if info.flag_bits & 0x1:
                raise NotReadable("it is encrypted; remove the password (File > Info > Protect "
                                  "Workbook) and save it again")
            found[name] = info
        return found

    def _read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise NotReadable(f"it has no part {name!r}; it is not an Excel workbook made by a "
                              "spreadsheet program, or it is damaged")
        cap = min(self._limits.form_part_bytes, self._budget)
        if info.file_size > cap:
            raise NotReadable(f"the part {name!r} unpacks to {info.file_size:,} bytes (the "
                              f"limit is {self._limits.form_part_bytes:,}, "
                              "Limits.form_part_bytes); a form's parts are far smaller")
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > cap:
                        raise NotReadable(f"the part {name!r} unpacks to more than it declares "
                                          f"({info.file_size:,} bytes); the file is damaged or "
                                          "built to exhaust memory")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError,
                ValueError) as error:
            raise NotReadable(f"the part {name!r} cannot be unpacked ({type(error).__name__}: "
                              f"{str(error)[:100]}); the file is damaged") from None
        self._budget -= size
        return b"".join(chunks)

    def _xml(self, name: str) -> etree._Element:
        from lxml import etree

        data = self._read(name)
        head = data[:4096].lower()
        if b"<!doctype" in head or b"<!entity" in head:
            raise NotReadable(f"the part {name!r} declares a DOCTYPE, which an .xlsx never "
                              "needs (it could hold entities)")
        parser = etree.XMLParser(recover=False, resolve_entities=False, load_dtd=False,
                                 no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as error:
            raise NotReadable(f"the part {name!r} is not well-formed XML ({error}); the file "
                              "is damaged") from None
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise NotReadable(f"the part {name!r} declares a DOCTYPE, which an .xlsx never needs")
        return root

    def _relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type's last word, target part) of each internal relationship of ``part``."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in self._infos:
            return []
        found = []
        for relation in self._xml(rels).iterfind("{*}Relationship"):
            if relation.get("TargetMode") == "External":
                continue
            target = relation.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found.append((relation.get("Id") or "",
                          (relation.get("Type") or "").rsplit("/", 1)[-1], path))
        return found

    def _office_document(self) -> str:
        for _, kind, target in self._relationships(""):
            if kind == "officeDocument":
                return target
        if "xl/workbook.xml" in self._infos:
            return "xl/workbook.xml"
        raise NotReadable("it is not an Excel workbook (.xlsx): it has no workbook part; save "
                          "the form as Excel Workbook (.xlsx)")

    # -- cells -------------------------------------------------------------------------

    def _shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._strings_part is not None and self._strings_part in self._infos:
                for item in self._xml(self._strings_part).iterfind("{*}si"):
                    self._strings.append(_text_of(item))
        return self._strings

    def cells(self, sheet: str, wanted: Iterable[str]) -> dict[str, Cell]:
        """The cells of ``sheet`` among ``wanted`` that hold a value, by reference ("D7").

        Raises:
            NotReadable: when the sheet's part is missing, too large or not XML.
            KeyError: when the workbook has no sheet of that name.
        """
        _state, part = self.sheets[sheet]
        if part is None:
            raise NotReadable(f"the sheet {sheet!r} has no part; the file is damaged")
        wanted_set = {reference.upper() for reference in wanted}
        found: dict[str, Cell] = {}
        root = self._xml(part)
        row_number = 0
        for row in root.iterfind("{*}sheetData/{*}row"):
            given = row.get("r")
            row_number = int(given) if given and given.isdigit() else row_number + 1
            column = 0
            for cell in row.iterfind("{*}c"):
                reference = cell.get("r")
                if reference:
                    try:
                        column, _ = column_row(reference)
                    except ValueError:
                        continue
                else:
                    column += 1
                    reference = cell_reference(column, row_number)
                reference = reference.upper()
                if reference not in wanted_set:
                    continue
                value = self._value(cell)
                if value is not None:
                    found[reference] = value
        return found

    def _value(self, cell: etree._Element) -> Cell | None:
        kind = cell.get("t") or "n"
        if kind == "inlineStr":
            inline = cell.find("{*}is")
            return None if inline is None else Cell("s", _text_of(inline))
        stored = cell.find("{*}v")
        if stored is None or stored.text is None:
            return None
        text = stored.text
        if kind == "s":
            strings = self._shared_strings()
            try:
                return Cell("s", strings[int(text)])
            except (ValueError, IndexError):
                raise NotReadable(f"a cell refers to shared text {text[:20]!r}, which the "
                                  "file does not have; the file is damaged") from None
        if kind in ("str", "e", "b", "d"):
            return Cell({"str": "s"}.get(kind, kind), text)
        return Cell("n", text.strip())


def _text_of(item: etree._Element) -> str:
    """The text of a string item: its ``t`` elements, without phonetic runs (``rPh``)."""
    parts = []
    for element in item.iter():
        if _local(element.tag) == "t":
            parent = element.getparent()
            if parent is not None and _local(parent.tag) == "rPh":
                continue
            parts.append(element.text or "")
    return "".join(parts)
