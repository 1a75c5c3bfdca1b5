"""Effective formatting, resolved as Word resolves it.

A run's formatting comes from, nearest first: direct formatting, the character
style and its base styles, the paragraph style and its base styles, the table
style, then the document defaults (``w:docDefaults``). A paragraph's comes from
direct formatting, its style (or the default paragraph style), its list level
and the table style, then the defaults. Bold, italic and the other toggle
properties follow Word's rule: set in styles at several levels they toggle
(bold paragraph style + bold character style = not bold); set directly they
are what they say. Theme fonts (``minorHAnsi``) and theme colours resolve
through the theme part. Automatic list numbers are counted as Word counts them
(a counter per abstract list, restarted by a level override) and formatted
into the label the reader sees (``I.``, ``1.1.``, ``a)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from phongtrao.vi import roman

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["Numbering", "Props", "Styles", "Theme", "W", "integer", "on_off", "parse_ppr",
           "parse_rpr", "tag_of"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

#: Formatting read from one element: a flat mapping of property names to values.
Props = dict[str, Any]

#: The properties that toggle when styles at several levels set them.
TOGGLES = ("b", "i", "caps", "vanish", "smallCaps")

#: Style inheritance deeper than this is a loop or an attack; it stops there.
_MAX_DEPTH = 32


def tag_of(element: etree._Element) -> str:
    """An element's tag, or "" for a comment or a processing instruction."""
    tag: Any = element.tag
    return tag if isinstance(tag, str) else ""


def on_off(element: etree._Element) -> bool:
    """The value of an on/off property: absent ``w:val`` means on."""
    value = element.get(W + "val")
    return value is None or value.lower() not in ("0", "false", "off", "none")


#: Lengths and sizes beyond this are not a document's; they are read as not given.
_LARGEST = 10**7


def integer(element: etree._Element, name: str) -> int | None:
    """The whole number a ``w:`` attribute holds, or None when it holds none (or a wild one)."""
    value = element.get(W + name)
    if value is None:
        return None
    try:
        number = int(float(value))
    except (ValueError, OverflowError):
        return None
    return number if -_LARGEST <= number <= _LARGEST else None


def parse_rpr(element: etree._Element | None, theme: Theme) -> Props:
    """The run properties an ``w:rPr`` element sets."""
    props: Props = {}
    if element is None:
        return props
    for child in element:
        tag = tag_of(child)
        if not tag.startswith(W):
            continue
        name = tag[len(W):]
        if name in TOGGLES:
            props[name] = on_off(child)
        elif name == "sz":
            half_points = integer(child, "val")
            if half_points is not None:
                props["sz"] = half_points / 2
        elif name == "u":
            props["u"] = (child.get(W + "val") or "single") != "none"
        elif name == "color":
            color = theme.color(child.get(W + "themeColor"))
            props["color"] = color or (child.get(W + "val") or "auto").upper()
        elif name == "rFonts":
            for slot in ("ascii", "hAnsi"):
                themed = theme.font(child.get(W + slot + "Theme"))
                font = themed or child.get(W + slot)
                if font:
                    props["font." + slot] = font
        elif name == "rStyle":
            props["rStyle"] = child.get(W + "val")
    return props


def _indent(child: etree._Element, props: Props) -> None:
    for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            value = integer(child, name)
            if value is not None:
                props["ind." + key] = value / 20
                break
    hanging, first = integer(child, "hanging"), integer(child, "firstLine")
    if hanging is not None:
        props["ind.first"] = -hanging / 20
    elif first is not None:
        props["ind.first"] = first / 20
    chars = integer(child, "hangingChars"), integer(child, "firstLineChars")
    if chars[0]:
        props["ind.first_chars"] = -chars[0] / 100
    elif chars[1]:
        props["ind.first_chars"] = chars[1] / 100
    elif hanging is not None or first is not None:
        props["ind.first_chars"] = None  # set in points here: a style's chars no longer apply


def _spacing(child: etree._Element, props: Props) -> None:
    for key in ("before", "after"):
        lines = integer(child, key + "Lines")
        auto = child.get(W + key + "Autospacing")
        value = integer(child, key)
        if auto is not None and auto.lower() in ("1", "true", "on"):
            props["spacing." + key] = 14.0  # Word's automatic (HTML) spacing
        elif lines:
            props["spacing." + key + "_lines"] = lines / 100
        elif value is not None:
            props["spacing." + key] = value / 20
            props["spacing." + key + "_lines"] = None
    line = integer(child, "line")
    if line is not None:
        rule = child.get(W + "lineRule") or "auto"
        props["spacing.rule"] = rule if rule in ("exact", "atLeast") else "auto"
        props["spacing.line"] = line / 240 if props["spacing.rule"] == "auto" else line / 20


def parse_ppr(element: etree._Element | None) -> Props:
    """The paragraph properties an ``w:pPr`` element sets (not its run properties)."""
    props: Props = {}
    if element is None:
        return props
    for child in element:
        tag = tag_of(child)
        if not tag.startswith(W):
            continue
        name = tag[len(W):]
        if name == "pStyle":
            props["pStyle"] = child.get(W + "val")
        elif name == "jc":
            props["jc"] = child.get(W + "val")
        elif name == "ind":
            _indent(child, props)
        elif name == "spacing":
            _spacing(child, props)
        elif name == "contextualSpacing":
            props["contextual"] = on_off(child)
        elif name == "pageBreakBefore":
            props["page_break_before"] = on_off(child)
        elif name == "pBdr":
            for edge in ("top", "bottom"):
                border = child.find(W + edge)
                if border is not None:
                    props["border." + edge] = (border.get(W + "val") or "nil") not in (
                        "nil", "none")
        elif name == "numPr":
            level = child.find(W + "ilvl")
            number = child.find(W + "numId")
            if number is not None:
                props["numId"] = number.get(W + "val")
                props["ilvl"] = (integer(level, "val") or 0) if level is not None else 0
        elif name == "tabs":
            props["tabs"] = tuple(
                (tab.get(W + "val") or "left", (integer(tab, "pos") or 0) / 20)
                for tab in child.iter(W + "tab"))
    return props


class Theme:
    """The theme's fonts and colours, by the names styles give them."""

    _SLOTS: ClassVar[dict[str, str]] = {"major": "majorFont", "minor": "minorFont"}
    _SCRIPTS: ClassVar[dict[str, str]] = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea",
                                          "Bidi": "cs"}
    _COLORS: ClassVar[dict[str, str]] = {
        "text1": "dk1", "dark1": "dk1", "background1": "lt1", "light1": "lt1", "text2": "dk2",
        "dark2": "dk2", "background2": "lt2", "light2": "lt2", "hyperlink": "hlink",
        "followedHyperlink": "folHlink"}

    def __init__(self, root: etree._Element | None) -> None:
        self._fonts: dict[str, str] = {}
        self._colors: dict[str, str] = {}
        if root is None:
            return
        for prefix, element in self._SLOTS.items():
            font = root.find(f".//{_A}{element}")
            if font is None:
                continue
            for suffix, script in self._SCRIPTS.items():
                typeface = font.find(_A + script)
                if typeface is not None and typeface.get("typeface"):
                    self._fonts[prefix + suffix] = str(typeface.get("typeface"))
        scheme = root.find(f".//{_A}clrScheme")
        if scheme is not None:
            for entry in scheme:
                if not tag_of(entry):
                    continue
                for value in entry:
                    found = value.get("val") if value.tag == _A + "srgbClr" else (
                        value.get("lastClr") if value.tag == _A + "sysClr" else None)
                    if found:
                        self._colors[tag_of(entry)[len(_A):]] = found.upper()

    def font(self, name: str | None) -> str | None:
        """The typeface of a theme font name (``minorHAnsi``), or None."""
        return self._fonts.get(name) if name else None

    def color(self, name: str | None) -> str | None:
        """The ``RRGGBB`` of a theme colour name (``text1``, ``accent1``), or None."""
        if not name:
            return None
        return self._colors.get(self._COLORS.get(name, name))


class _Style:
    """One style's own definition, before inheritance, its formatting read when first asked."""

    __slots__ = ("_ppr", "_rpr", "based_on", "element", "kind", "name", "theme")

    def __init__(self, kind: str, name: str, based_on: str | None, element: etree._Element,
                 theme: Theme) -> None:
        self.kind = kind
        self.name = name
        self.based_on = based_on
        self.element = element
        self.theme = theme
        self._ppr: Props | None = None
        self._rpr: Props | None = None

    @property
    def ppr(self) -> Props:
        if self._ppr is None:
            self._ppr = parse_ppr(self.element.find(W + "pPr"))
        return self._ppr

    @property
    def rpr(self) -> Props:
        if self._rpr is None:
            self._rpr = parse_rpr(self.element.find(W + "rPr"), self.theme)
        return self._rpr


class Styles:
    """The document's styles and defaults, resolving effective formatting.

    Built once per document; resolved styles and run formatting are memoised
    on the instance.
    """

    def __init__(self, root: etree._Element | None, theme: Theme) -> None:
        self.theme = theme
        self._styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_table: str | None = None
        self.default_rpr: Props = {}
        self.default_ppr: Props = {}
        self._resolved: dict[str, tuple[Props, Props]] = {}
        self._runs: dict[tuple[Any, ...], Props] = {}
        if root is None:
            return
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self.default_rpr = parse_rpr(defaults.find(f"{W}rPrDefault/{W}rPr"), theme)
            self.default_ppr = parse_ppr(defaults.find(f"{W}pPrDefault/{W}pPr"))
        for element in root.iter(W + "style"):
            style_id = element.get(W + "styleId")
            if not style_id:
                continue
            kind = element.get(W + "type") or "paragraph"
            name_element = element.find(W + "name")
            name = (name_element.get(W + "val") if name_element is not None else None) or style_id
            based = element.find(W + "basedOn")
            # A table style's own paragraph and run formatting apply to its cells' text.
            self._styles[style_id] = _Style(
                kind, name, based.get(W + "val") if based is not None else None, element, theme)
            if (element.get(W + "default") or "").lower() in ("1", "true", "on"):
                if kind == "paragraph" and self.default_paragraph is None:
                    self.default_paragraph = style_id
                elif kind == "table" and self.default_table is None:
                    self.default_table = style_id

    def name(self, style_id: str | None) -> str:
        """A style's display name (``PT Body``), or its id when it has none."""
        style = self._styles.get(style_id or "")
        return style.name if style is not None else (style_id or "")

    def paragraph_style(self, style_id: str | None) -> str | None:
        """The style a paragraph uses: its own when defined, else the default one."""
        if style_id and style_id in self._styles and self._styles[style_id].kind == "paragraph":
            return style_id
        return self.default_paragraph

    def resolved(self, style_id: str | None) -> tuple[Props, Props]:
        """A style's paragraph and run properties with its base styles', nearest winning."""
        if not style_id:
            return {}, {}
        found = self._resolved.get(style_id)
        if found is not None:
            return found
        chain: list[_Style] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and len(chain) < _MAX_DEPTH:
            style = self._styles.get(current)
            if style is None:
                break
            seen.add(current)
            chain.append(style)
            current = style.based_on
        ppr: Props = {}
        rpr: Props = {}
        for style in reversed(chain):
            ppr.update(style.ppr)
            rpr.update(style.rpr)
        self._resolved[style_id] = (ppr, rpr)
        return ppr, rpr

    def run(self, paragraph_style: str | None, table_style: str | None,
            direct: Mapping[str, Any]) -> Props:
        """A run's effective properties, from the styles down to its direct formatting."""
        character_style = direct.get("rStyle")
        key = (paragraph_style, table_style, tuple(sorted(direct.items())))
        found = self._runs.get(key)
        if found is not None:
            return found
        levels = [
            self.resolved(table_style)[1],
            self.resolved(paragraph_style)[1],
            self.resolved(character_style)[1] if character_style in self._styles else {},
        ]
        props: Props = dict(self.default_rpr)
        for level in levels:
            for name, value in level.items():
                if name not in TOGGLES:
                    props[name] = value
        for name in TOGGLES:
            given = [level[name] for level in levels if name in level]
            if given:
                props[name] = sum(1 for value in given if value) % 2 == 1
        props.update(direct)
        self._runs[key] = props
        return props

    def paragraph(self, paragraph_style: str | None, table_style: str | None,
                  numbering: Props, direct: Props, direct_numbering: bool) -> Props:
        """A paragraph's effective properties.

        ``numbering`` is its list level's paragraph formatting: below the
        paragraph style when the style brings the list, above it when the
        paragraph is numbered directly (as Word does).
        """
        style_ppr = self.resolved(paragraph_style)[0]
        levels = [self.default_ppr, self.resolved(table_style)[0]]
        levels += [style_ppr, numbering] if direct_numbering else [numbering, style_ppr]
        levels.append(direct)
        props: Props = {}
        for level in levels:
            props.update(level)
        return props


def _letters(value: int, upper: bool) -> str:
    """Word's lettered list numbers: a … z, then aa, bb … (the letter repeated)."""
    if value < 1:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter.upper() if upper else letter


def _formatted(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and 1 <= value <= 3999:
        numeral = roman(value)
        return numeral if fmt == "upperRoman" else numeral.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(value, fmt == "upperLetter")
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class _Level:
    __slots__ = ("fmt", "ppr", "start", "text")

    def __init__(self, start: int, fmt: str, text: str, ppr: Props) -> None:
        self.start = start
        self.fmt = fmt
        self.text = text
        self.ppr = ppr


class Numbering:
    """The document's lists: each paragraph's label, counted as Word counts them.

    Counters are kept per abstract list, so two list instances of the same
    abstract list continue each other unless a level override restarts one.
    The object counts as it is asked: ask in reading order, once per paragraph.
    """

    def __init__(self, root: etree._Element | None, styles: Styles | None = None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        links: dict[str, str] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for level in abstract.iter(W + "lvl"):
                index = integer(level, "ilvl") or 0
                start = level.find(W + "start")
                fmt = level.find(W + "numFmt")
                text = level.find(W + "lvlText")
                levels[index] = _Level(
                    (integer(start, "val") or 0) if start is not None else 1,
                    (fmt.get(W + "val") or "decimal") if fmt is not None else "decimal",
                    (text.get(W + "val") or "") if text is not None else "",
                    parse_ppr(level.find(W + "pPr")),
                )
            abstract_id = abstract.get(W + "abstractNumId") or ""
            self._abstract[abstract_id] = levels
            link = abstract.find(W + "numStyleLink")
            if link is not None and not levels:
                links[abstract_id] = link.get(W + "val") or ""
        for num in root.iter(W + "num"):
            reference = num.find(W + "abstractNumId")
            overrides: dict[int, int] = {}
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    overrides[integer(override, "ilvl") or 0] = integer(start, "val") or 0
            self._nums[num.get(W + "numId") or ""] = (
                (reference.get(W + "val") or "") if reference is not None else "", overrides)
        # A list that only names a numbering style (numStyleLink) takes that style's list.
        for abstract_id, style_id in links.items():
            linked = styles.resolved(style_id)[0].get("numId") if styles is not None else None
            target = self._nums.get(linked or "")
            if target is not None and target[0] != abstract_id:
                self._abstract[abstract_id] = self._abstract.get(target[0], {})

    def level_ppr(self, num_id: str | None, ilvl: int) -> Props:
        """The paragraph formatting a list level brings (its indents), or nothing."""
        level = self._level(num_id, ilvl)
        return level.ppr if level is not None else {}

    def _level(self, num_id: str | None, ilvl: int) -> _Level | None:
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        abstract, _ = self._nums[num_id]
        return self._abstract.get(abstract, {}).get(ilvl)

    def label(self, num_id: str | None, ilvl: int) -> str:
        """The label of the next paragraph of this list and level (``II.``, ``b)``, ``-``)."""
        level = self._level(num_id, ilvl)
        if level is None or num_id is None:
            return ""
        abstract, overrides = self._nums[num_id]
        levels = self._abstract[abstract]
        counters = self._counters.setdefault(abstract, [None] * 10)
        if num_id not in self._started:
            self._started.add(num_id)
            for index, start in overrides.items():
                if 0 <= index < len(counters):
                    counters[index] = start - 1
        if not 0 <= ilvl < len(counters) - 1:
            return ""
        current = counters[ilvl]
        counters[ilvl] = (level.start - 1 if current is None else current) + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None
        if level.fmt == "bullet":
            return level.text.strip() or "•"
        text = level.text
        for index in range(min(ilvl, 8), -1, -1):
            marker = f"%{index + 1}"
            if marker not in text:
                continue
            other = levels.get(index)
            value = counters[index]
            if value is None:
                value = other.start if other is not None else 1
            text = text.replace(marker, _formatted(value, other.fmt if other else "decimal"))
        return text.strip()
