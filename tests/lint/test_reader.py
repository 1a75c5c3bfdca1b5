"""The reader reads formatting as Word shows it, from hand-written XML (tests/lint/package.py).

Direct formatting, then the character style, the paragraph style and the table
style with their base styles, then the document defaults; toggles; theme
fonts and colours; list numbers; text boxes, fields, hidden and deleted text;
sections, page headers and page counts.
"""

from __future__ import annotations

import pytest

import phongtrao
from phongtrao import Limits, Plugins
from phongtrao._lint.document import LintDocument, LintParagraph
from phongtrao._lint.engine import read
from phongtrao.hookspecs import DocumentPart

from .package import A4, package, style, theme
from .package import p as para


def read_doc(data: bytes) -> LintDocument:
    return read(data, Limits())


def only(data: bytes) -> LintParagraph:
    """The one paragraph with words of a document."""
    (paragraph,) = [paragraph for paragraph in read_doc(data).paragraphs if paragraph.is_text]
    return paragraph


def run_of(data: bytes) -> tuple[float | None, bool, bool, tuple[str, ...]]:
    """(size, bold, italic, fonts) of the one run of the one paragraph."""
    (run,) = only(data).visible_runs
    return run.size, run.bold, run.italic, run.fonts


class TestRunFormatting:
    def test_direct_beats_the_character_style_beats_the_paragraph_style(self) -> None:
        """Size: 14 pt set directly wins over 13 pt of the character and 12 pt of the paragraph."""
        styles = (style("P", rpr='<w:sz w:val="24"/>')
                  + style("C", kind="character", rpr='<w:sz w:val="26"/>'))
        direct = package(para("x", ppr='<w:pStyle w:val="P"/>',
                              rpr='<w:rStyle w:val="C"/><w:sz w:val="28"/>'), styles=styles)
        character = package(para("x", ppr='<w:pStyle w:val="P"/>', rpr='<w:rStyle w:val="C"/>'),
                            styles=styles)
        paragraph = package(para("x", ppr='<w:pStyle w:val="P"/>'), styles=styles)
        assert [14.0, 13.0, 12.0] == [run_of(data)[0] for data in (direct, character, paragraph)]

    def test_the_defaults_when_no_style_sets_it(self) -> None:
        """The document defaults give what no style sets; with none, Word's 10 pt."""
        defaults = '<w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault>'
        assert [13.0, 10.0] == [run_of(package(para("x"), defaults=defaults))[0],
                                run_of(package(para("x")))[0]]

    def test_base_styles_are_inherited_nearest_first(self) -> None:
        """A style based on another takes what it does not set itself from its base."""
        styles = (style("A", rpr='<w:b/><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                                 '<w:sz w:val="20"/>')
                  + style("B", based_on="A", rpr='<w:sz w:val="28"/>'))
        assert (14.0, True, False, ("Arial",)) == run_of(
            package(para("x", ppr='<w:pStyle w:val="B"/>'), styles=styles))

    def test_a_loop_of_base_styles_ends(self) -> None:
        """Styles based on each other in a circle are read, not followed for ever."""
        styles = (style("A", based_on="B", rpr="<w:i/>")
                  + style("B", based_on="A", rpr='<w:sz w:val="28"/>'))
        assert (14.0, False, True) == run_of(
            package(para("x", ppr='<w:pStyle w:val="A"/>'), styles=styles))[:3]

    def test_the_default_paragraph_style_applies_without_a_style(self) -> None:
        """A paragraph naming no style (or an unknown one) uses the default paragraph style."""
        styles = style("Normal", default=True, rpr='<w:sz w:val="26"/>')
        assert [13.0, 13.0] == [
            run_of(package(para("x"), styles=styles))[0],
            run_of(package(para("x", ppr='<w:pStyle w:val="Missing"/>'), styles=styles))[0]]

    @pytest.mark.parametrize(("paragraph_bold", "character_bold", "direct", "expected"), [
        (True, False, "", True),
        (True, True, "", False),  # bold in two style levels toggles off
        (True, True, "<w:b/>", True),  # direct formatting is what it says
        (True, False, '<w:b w:val="0"/>', False),
        (False, False, '<w:b w:val="false"/>', False),
    ])
    def test_bold_toggles_between_styles(self, paragraph_bold: bool, character_bold: bool,
                                         direct: str, expected: bool) -> None:
        """Bold set in the paragraph and the character style cancels; direct bold is absolute."""
        styles = (style("P", rpr="<w:b/>" if paragraph_bold else "")
                  + style("C", kind="character", rpr="<w:b/>" if character_bold else ""))
        data = package(para("x", ppr='<w:pStyle w:val="P"/>',
                            rpr=f'<w:rStyle w:val="C"/>{direct}'), styles=styles)
        assert expected == run_of(data)[1]

    def test_theme_fonts_resolve_through_the_theme(self) -> None:
        """A theme font (minorHAnsi) is the theme's font, and wins over a font named beside it."""
        defaults = ('<w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
                    'w:hAnsiTheme="minorHAnsi" w:ascii="Times New Roman"/></w:rPr>'
                    '</w:rPrDefault>')
        data = package(para("Độc lập"), defaults=defaults, theme_xml=theme(minor="Calibri"))
        assert ("Calibri",) == run_of(data)[3]

    def test_vietnamese_letters_use_the_other_latin_slot(self) -> None:
        """ASCII letters use the ascii font, Vietnamese letters the hAnsi font."""
        fonts = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Arial"/>'
        assert [("Times New Roman",), ("Times New Roman", "Arial")] == [
            run_of(package(para("Ha Noi", rpr=fonts)))[3],
            run_of(package(para("Hà Nội", rpr=fonts)))[3]]

    def test_a_table_style_formats_the_text_of_its_cells(self) -> None:
        """A table style's run formatting reaches its cells' text, not the text outside."""
        styles = style("Grid", kind="table", rpr="<w:i/>")
        table = ('<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tr><w:tc>'
                 f"{para('cell')}</w:tc></w:tr></w:tbl>{para('outside')}")
        document = read_doc(package(table, styles=styles))
        assert [("cell", True), ("outside", False)] == [
            (paragraph.text, paragraph.italic) for paragraph in document.paragraphs]

    def test_capitals_show_as_capitals(self) -> None:
        """Text formatted with capitals (w:caps) is read as it shows: in capitals."""
        assert "CỘNG HÒA" == only(package(para("Cộng hòa", rpr="<w:caps/>"))).text

    def test_theme_colours_resolve_through_the_theme(self) -> None:
        """A run coloured with a theme colour has that colour's RGB."""
        data = package(para("x", rpr='<w:color w:val="000000" w:themeColor="accent1"/>'),
                       theme_xml=theme(accent1="4472C4"))
        (run,) = only(data).visible_runs
        assert "4472C4" == run.color

    def test_hidden_deleted_and_field_code_text_is_not_read(self) -> None:
        """Hidden and deleted text and field codes are left out; a field's result is read."""
        body = ('<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r>'
                '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'
                '<w:del w:id="1" w:author="x"><w:r><w:delText>xóa</w:delText></w:r></w:del>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                '<w:ins w:id="2" w:author="x"><w:r><w:t> mới</w:t></w:r></w:ins></w:p>')
        assert "Trang 2 mới" == only(package(body)).text


class TestParagraphFormatting:
    def test_indents_merge_attribute_by_attribute(self) -> None:
        """A style's left indent stays when the paragraph sets only its first line."""
        styles = style("P", ppr='<w:ind w:left="720" w:firstLine="200"/>')
        paragraph = only(package(para("x", ppr='<w:pStyle w:val="P"/><w:ind w:firstLine="567"/>'),
                                 styles=styles))
        assert (36.0, 28.35) == (paragraph.indent_left, paragraph.first_line)

    @pytest.mark.parametrize(("ind", "expected"), [
        ('<w:ind w:hanging="360"/>', -18.0),
        ('<w:ind w:start="0" w:firstLine="720"/>', 36.0),  # LibreOffice writes start/end
        ('<w:ind w:firstLine="200" w:firstLineChars="100"/>', 14.0),  # one character of 14 pt
    ])
    def test_first_line_as_word_reads_it(self, ind: str, expected: float) -> None:
        """A hanging indent is negative; a first line in characters counts the font size."""
        paragraph = only(package(para("x", ppr=ind, rpr='<w:sz w:val="28"/>')))
        assert expected == pytest.approx(paragraph.first_line)

    @pytest.mark.parametrize(("jc", "expected"), [
        ("both", "justify"), ("distribute", "justify"), ("start", "left"), ("end", "right"),
        ("center", "center"),
    ])
    def test_alignment(self, jc: str, expected: str) -> None:
        """Word's and LibreOffice's alignment values read as four alignments."""
        assert expected == only(package(para("x", ppr=f'<w:jc w:val="{jc}"/>'))).alignment

    def test_spacing_and_line_spacing(self) -> None:
        """Spacing in twips, in lines (of 12 pt) and automatic (14 pt); multiple line spacing."""
        paragraph = only(package(para("x", ppr='<w:spacing w:beforeLines="50" w:before="0" '
                                               'w:afterAutospacing="1" w:after="0" '
                                               'w:line="360" w:lineRule="auto"/>')))
        assert (6.0, 14.0, "auto", 1.5) == (paragraph.space_before, paragraph.space_after,
                                            paragraph.line_rule, paragraph.line)


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1."/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2.%3."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="-"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
    '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def listed(num_id: int, level: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


class TestListNumbers:
    def test_labels_as_word_counts_them(self) -> None:
        """Roman sections, Arabic items restarting under each, 1.1. sub-items, bullets."""
        body = "".join(para(text, ppr=listed(num, level)) for num, level, text in [
            (1, 0, "MỤC ĐÍCH"), (1, 1, "Mục đích"), (1, 2, "Một"), (1, 2, "Hai"),
            (1, 1, "Yêu cầu"), (1, 0, "NỘI DUNG"), (1, 1, "Đánh giá"), (3, 0, "gạch"),
        ])
        labels = [paragraph.label for paragraph in
                  read_doc(package(body, numbering=NUMBERING)).paragraphs]
        assert ["I.", "1.", "1.1.", "1.2.", "2.", "II.", "1.", "-"] == labels

    def test_another_instance_of_a_list_continues_it_unless_restarted(self) -> None:
        """Two instances of one list continue each other; a level override restarts one."""
        body = "".join(para(text, ppr=listed(num)) for num, text in [
            (1, "A"), (4, "B"), (2, "a"), (2, "b"), (5, "again")])
        labels = [paragraph.label for paragraph in
                  read_doc(package(body, numbering=NUMBERING)).paragraphs]
        assert ["I.", "II.", "a)", "b)", "a)"] == labels

    def test_a_list_level_gives_its_indent(self) -> None:
        """The list level's first-line indent applies to the paragraph it numbers."""
        paragraph = read_doc(package(para("MỤC", ppr=listed(1)), numbering=NUMBERING))
        assert 28.35 == paragraph.paragraphs[0].first_line

    def test_words_lettered_lists_break_the_vietnamese_sequence(self) -> None:
        """Word letters a b c d e: the fifth point should be đ), and the rule says so."""
        body = "".join(para(f"Điểm thứ {n}.", ppr=listed(2)) for n in range(6))
        document = read_doc(package(body, numbering=NUMBERING))
        from phongtrao._lint.checks.body import check_numbering_letters

        found = [(issue.where.text, "«đ)»" in issue.message_en)
                 for issue in check_numbering_letters(document)]
        assert ["a)", "b)", "c)", "d)", "e)", "f)"] == [p.label for p in document.paragraphs]
        assert [("e) Điểm thứ 4.", True), ("f) Điểm thứ 5.", False)] == found


def textbox(text: str, *, twice: bool = True) -> str:
    """A text box holding ``text``, stored as Word does: wps, then the same again in VML."""
    content = f"<w:txbxContent>{para(text)}</w:txbxContent>"
    wps = ('<w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>0'
           '</wp:posOffset></wp:positionH><wp:extent cx="2000000" cy="500000"/><a:graphic>'
           f'<a:graphicData><wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData>'
           '</a:graphic></wp:anchor></w:drawing>')
    vml = f'<w:pict><v:shape style="margin-left:0;width:150pt"><v:textbox>{content}</v:textbox>'
    vml += "</v:shape></w:pict>"
    if not twice:
        return f"<w:p><w:r>{wps}</w:r></w:p>"
    return (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{wps}</mc:Choice>'
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>")


class TestStructure:
    def test_a_text_box_is_read_once(self) -> None:
        """A text box Word stores twice (wps and VML) is read once, after its anchor."""
        document = read_doc(package(textbox("Trong khung") + para("Sau khung")))
        assert [("", "body"), ("Trong khung", "textbox"), ("Sau khung", "body")] == [
            (paragraph.text, paragraph.container) for paragraph in document.paragraphs]

    def test_reading_order_goes_through_tables_and_content_controls(self) -> None:
        """Cells row by row, then a content control's paragraphs, in the order they stand."""
        table = ('<w:tbl><w:tr><w:tc>' + para("a") + "</w:tc><w:tc>" + para("b")
                 + "</w:tc></w:tr></w:tbl>")
        control = f"<w:sdt><w:sdtContent>{para('c')}</w:sdtContent></w:sdt>"
        document = read_doc(package(table + control))
        assert [("a", (1, 1, 1)), ("b", (1, 1, 2)), ("c", None)] == [
            (paragraph.text, paragraph.table) for paragraph in document.paragraphs]

    def test_each_section_has_its_page_and_headers(self) -> None:
        """Margins per section, the gutter in the left one; a header carries on to the next."""
        first = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:pgSz '
                 'w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
                 'w:left="1417" w:gutter="284"/><w:titlePg/></w:sectPr>')
        body = para("một") + f"<w:p><w:pPr>{first}</w:pPr></w:p>" + para("hai")
        header = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE ">'
                  "<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>")
        document = read_doc(package(body, headers={"rIdH1": header}))
        assert [(round(section.left, 1), section.title_page, sorted(section.headers))
                for section in document.sections] == [
            (30.0, True, [("header", "default")]), (30.0, False, [("header", "default")])]
        assert all(header.page_number is not None and header.page_number_centred
                   for _, header in document.page_headers())

    @pytest.mark.parametrize(("settings", "title_page", "expected"), [
        ("", "", [("header", "default")]),
        ("<w:evenAndOddHeaders/>", "", [("header", "default"), ("header", "even")]),
        ("", "<w:titlePg/>", [("header", "default"), ("header", "first")]),
    ])
    def test_headers_shown_as_word_shows_them(self, settings: str, title_page: str,
                                              expected: list[tuple[str, str]]) -> None:
        """A first-page header needs a different first page; an even one, odd and even pages."""
        section = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
                   '<w:headerReference w:type="even" r:id="rIdH2"/>'
                   '<w:headerReference w:type="first" r:id="rIdH3"/><w:pgSz w:w="11906" '
                   f'w:h="16838"/>{title_page}</w:sectPr>')
        headers = {"rIdH1": para("mặc định"), "rIdH2": para("chẵn"), "rIdH3": para("đầu")}
        document = read_doc(package(para("x"), headers=headers, settings=settings,
                                    section=section))
        assert expected == sorted(document.sections[0].headers)

    def test_pages_are_known_when_word_recorded_its_page_breaks(self) -> None:
        """Word's rendered page breaks give the page count and each paragraph's page."""
        body = (para("một") + '<w:p><w:r><w:lastRenderedPageBreak/><w:t>hai</w:t></w:r></w:p>'
                + para("ba"))
        document = read_doc(package(body))
        assert (2, [1, 2, 2]) == (document.pages,
                                  [paragraph.page for paragraph in document.paragraphs])

    def test_without_them_the_page_count_is_estimated(self) -> None:
        """A long text is estimated at several pages, a short one at less than one."""
        long_text = "Nội dung của văn bản hành chính. " * 40
        long = read_doc(package("".join(para(long_text) for _ in range(30))))
        short = read_doc(package(para("Ngắn.")))
        assert (None, True, True) == (long.pages, long.estimated_pages > 3,
                                      short.estimated_pages < 0.2)


class TestNotEvaluated:
    def test_a_scanned_document_is_not_evaluated_never_passed(self) -> None:
        """A document of pictures only: every rule that reads text says 'not evaluated'."""
        picture = ('<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic/>'
                   "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")
        findings = phongtrao.lint(package(picture), plugins=Plugins(False))
        text_rules = sorted(code for code, rule in phongtrao.LINT_RULES.items()
                            if rule.needs_text)
        not_evaluated = sorted(finding.code for finding in findings if not finding.evaluated)
        assert (text_rules, [], True) == (
            not_evaluated, [finding.code for finding in findings if finding.evaluated],
            all("scan" in finding.message_en for finding in findings if not finding.evaluated))

    def test_a_document_of_unknown_length_without_page_numbers(self) -> None:
        """Between one page and two, with no recorded breaks, page numbers are not evaluated."""
        text = "Nội dung của văn bản hành chính, canh đều hai lề. " * 30
        document = read_doc(package("".join(para(text) for _ in range(5))))
        from phongtrao._lint.checks.page import check_page_number_missing

        results = list(check_page_number_missing(document))
        assert (True, ["NotEvaluated"]) == (0.8 < document.estimated_pages < 1.3,
                                            [type(result).__name__ for result in results])


class TestParts:
    def test_a_header_in_the_first_table_is_split_by_its_columns(self) -> None:
        """The Quốc hiệu anchors the right column; the issuing body and Số are on the left."""
        cells = ("<w:tbl><w:tr><w:tc>" + para("ỦY BAN NHÂN DÂN") + para("Số: 01/KH-UBND")
                 + "</w:tc><w:tc>" + para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                 + para("Độc lập - Tự do - Hạnh phúc") + para("Huế, ngày 05 tháng 01 năm 2025")
                 + "</w:tc></w:tr></w:tbl>" + para("KẾ HOẠCH") + para("Về việc gì đó"))
        document = read_doc(package(cells, section=A4))
        assert [("ỦY BAN NHÂN DÂN", DocumentPart.ISSUER, "left"),
                ("Số: 01/KH-UBND", DocumentPart.NUMBER, "left"),
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DocumentPart.NATIONAL_NAME, "right"),
                ("Độc lập - Tự do - Hạnh phúc", DocumentPart.MOTTO, "right"),
                ("Huế, ngày 05 tháng 01 năm 2025", DocumentPart.DATE, "right"),
                ("KẾ HOẠCH", DocumentPart.TITLE, None)] == [
            (paragraph.text, paragraph.part, paragraph.column)
            for paragraph in document.paragraphs[:6]]
        assert ("KẾ HOẠCH", "KH") == (document.kind, document.kind_symbol)

    def test_a_cong_van_has_no_type_name_and_a_v_v_subject(self) -> None:
        """No tên loại, and "V/v" under Số: a công văn, whose symbol carries no type."""
        cells = ("<w:tbl><w:tr><w:tc>" + para("ỦY BAN NHÂN DÂN") + para("Số: 12/UBND-VX")
                 + para("V/v tổ chức Hội nghị tổng kết") + "</w:tc><w:tc>"
                 + para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                 + "</w:tc></w:tr></w:tbl>" + para("Kính gửi: Các xã."))
        document = read_doc(package(cells))
        subject = document.first(DocumentPart.SUBJECT)
        assert (None, True, "V/v tổ chức Hội nghị tổng kết") == (
            document.kind, document.is_cong_van, subject.text if subject else None)
