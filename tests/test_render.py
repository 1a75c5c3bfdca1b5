"""Rendering plans to Decree-30 documents: text, format, determinism, errors."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st

import phongtrao
from phongtrao import RenderError, render_bytes, template_context, testing, vi
from phongtrao.model import BUILTIN_PARTS, MilestoneKind, Pending, Plan, Signature, Topic
from phongtrao.testing import (
    document_lines,
    document_text,
    find_paragraph,
    open_document,
    paragraphs,
)

from . import strategies
from .conftest import ROOT

SEED = ROOT / "tests" / "data" / "seed" / "ke-hoach-cam-xuyen-2021.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def example_docx(example_plan: Plan) -> bytes:
    """The example plan rendered with the built-in template."""
    return render_bytes(example_plan)


def _normal(text: str) -> str:
    """Spacing, case, tone placement (the seed writes both hoá and hóa), ';' and '-' aside.

    The outline ends list items with ';' where the seed forgot some, so ';' is
    not compared; it marks a unit's only duty with "-" as it marks several
    (the seed leaves the only one bare), so a lone "-" is not compared either.
    """
    text = vi.normalize_tones(text).casefold().replace(";", " ")
    words = text.replace(":", ": ").split()  # "Lưu:VT" is "Lưu: VT", spacing aside
    return " ".join(word for word in words if word != "-")


def seed_sentences() -> list[str]:
    """The seed's sentences: PDF lines joined, the page number dropped, split at . ; :."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines()
             if line.strip() != "4"]
    text = " ".join(" ".join(lines).split())
    parts = re.split(r"(?<=[.;:])\s+", text)
    return [part.strip() for part in parts if part.strip()]


class TestSeed:
    def test_every_seed_sentence_in_order(self, example_docx: bytes) -> None:
        """Each sentence of the seed appears in the rendered plan, in the seed's order."""
        document = _normal(" ".join(document_lines(example_docx)))
        cursor, missing = 0, []
        for sentence in seed_sentences():
            found = document.find(_normal(sentence).rstrip(":."), cursor)
            if found < 0:
                missing.append(sentence)
            else:
                cursor = found
        assert [] == missing

    def test_seed_has_many_sentences(self) -> None:
        """The order test compares a real number of sentences, not a handful."""
        assert len(seed_sentences()) > 100

    def test_ampersand_survives(self, example_docx: bytes) -> None:
        """"Sở Văn hóa, Thể thao &Du lịch" comes out whole (docxtpl would drop the &)."""
        assert "- Sở Văn hóa, Thể thao &Du lịch;" in document_lines(example_docx)

    def test_header_parts_the_extraction_lost(self, example_docx: bytes) -> None:
        """Issuer, number, national name, motto, date line and KẾ HOẠCH head the plan."""
        expected = [
            "ỦY BAN NHÂN DÂN",
            "HUYỆN CẨM XUYÊN",
            "Số:      /KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Cẩm Xuyên, ngày      tháng      năm 2021",
            "KẾ HOẠCH",
        ]
        assert expected == document_lines(example_docx)[:7]

    def test_body_ends_with_end_mark(self, example_docx: bytes) -> None:
        """The closing paragraph ends with the decree's './.'."""
        lines = document_lines(example_docx)
        closing = lines[lines.index("Nơi nhận:") - 1]
        assert closing.endswith("để được hướng dẫn./.")

    def test_signature_block(self, example_docx: bytes) -> None:
        """The signature lines and the signer close the document."""
        expected = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Văn Thắng"]
        assert expected == document_lines(example_docx)[-4:]


def _paragraph_format(document: object, text: str) -> tuple[object, ...]:
    paragraph = find_paragraph(document, text)  # type: ignore[arg-type]
    style = paragraph.style
    font = style.font
    return (font.name, font.size, font.bold, font.italic, style.paragraph_format.alignment)


class TestFormat:
    def test_page_is_a4_with_decree_margins(self, example_docx: bytes) -> None:
        """A4 portrait; margins 20/20/30/15 mm, within the decree's ranges."""
        section = open_document(example_docx).sections[0]
        expected = (210.0, 297.0, 20.0, 20.0, 30.0, 15.0)
        actual = tuple(round(length.mm, 1) for length in (
            section.page_width, section.page_height, section.top_margin,
            section.bottom_margin, section.left_margin, section.right_margin))
        assert expected == actual

    def test_page_numbers_from_page_two(self, example_docx: bytes) -> None:
        """A PAGE field centred in the header; the first page's header has none."""
        document = open_document(example_docx)
        section = document.sections[0]
        default = section.header._element.xml
        first = section.first_page_header._element.xml
        assert section.different_first_page_header_footer
        assert 'w:instr="PAGE"' in default
        assert "PAGE" not in first
        alignment = section.header.paragraphs[0].style.paragraph_format.alignment
        assert WD_ALIGN_PARAGRAPH.CENTER == alignment

    def test_times_new_roman_everywhere(self, example_docx: bytes) -> None:
        """The document defaults and every paragraph style use Times New Roman in all slots."""
        with zipfile.ZipFile(__import__("io").BytesIO(example_docx)) as package:
            styles = package.read("word/styles.xml").decode("utf-8")
        slots = re.findall(r"<w:rFonts ([^>]*)/>", styles)
        fonts = {font for slot in slots
                 for font in re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', slot)}
        assert {"Times New Roman"} == fonts
        assert "Theme=" not in styles

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             ("Times New Roman", Pt(12), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("Độc lập - Tự do - Hạnh phúc",
             ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("HUYỆN CẨM XUYÊN",
             ("Times New Roman", Pt(12), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("Số:      /KH-UBND",
             ("Times New Roman", Pt(13), False, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("Cẩm Xuyên, ngày      tháng      năm 2021",
             ("Times New Roman", Pt(14), False, True, WD_ALIGN_PARAGRAPH.CENTER)),
            ("KẾ HOẠCH", ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("I. MỤC ĐÍCH, YÊU CẦU",
             ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.JUSTIFY)),
            ("1. Mục đích", ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.JUSTIFY)),
            ("Nơi nhận:", ("Times New Roman", Pt(12), True, True, WD_ALIGN_PARAGRAPH.LEFT)),
            ("- Lưu: VT.", ("Times New Roman", Pt(11), False, False, WD_ALIGN_PARAGRAPH.LEFT)),
            ("TM. ỦY BAN NHÂN DÂN",
             ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
            ("Phạm Văn Thắng", ("Times New Roman", Pt(14), True, False, WD_ALIGN_PARAGRAPH.CENTER)),
        ],
    )
    def test_decree_weights_and_sizes(
        self, example_docx: bytes, text: str, expected: tuple[object, ...]
    ) -> None:
        """Each header, title, heading and signature part has the decree's size and weight."""
        assert expected == _paragraph_format(open_document(example_docx), text)

    def test_bases_are_italic(self, example_docx: bytes) -> None:
        """Legal bases are set in italics."""
        document = open_document(example_docx)
        basis = next(p for p in paragraphs(document) if p.text.startswith("Căn cứ Kế hoạch"))
        assert (True, "PT Basis") == (basis.style.font.italic, basis.style.name)

    def test_body_is_justified_with_first_line_indent(self, example_docx: bytes) -> None:
        """Body text: 14 pt, justified, 1.27 cm first-line indent, 6 pt after."""
        document = open_document(example_docx)
        body = next(p for p in paragraphs(document) if p.text.startswith("Từ nguồn"))
        fmt = body.style.paragraph_format
        expected = (Pt(14), WD_ALIGN_PARAGRAPH.JUSTIFY, Cm(1.27), Pt(6))
        assert expected == (body.style.font.size, fmt.alignment, fmt.first_line_indent,
                            fmt.space_after)

    def test_milestone_title_is_bold(self, example_docx: bytes) -> None:
        """The milestone's title is set apart in bold, its sentence in regular weight."""
        document = open_document(example_docx)
        item = next(p for p in paragraphs(document) if "Hội nghị Tổng kết cấp huyện:" in p.text)
        runs = [(run.text, bool(run.bold)) for run in item.runs if run.text]
        assert [("2. ", False), ("Hội nghị Tổng kết cấp huyện:", True),
                (" Dự kiến tổ chức vào tháng 6/2021.", False)] == runs

    def test_header_and_signature_tables_are_borderless(self, example_docx: bytes) -> None:
        """The two layout tables draw no borders."""
        document = open_document(example_docx)
        tables = document.element.body.findall(f"{W}tbl")
        values = {border.get(f"{W}val") for table in tables
                  for border in table.find(f"{W}tblPr").find(f"{W}tblBorders")}
        assert (2, {"nil"}) == (len(tables), values)

    def test_rules_under_issuer_motto_and_title(self, example_docx: bytes) -> None:
        """Three short rules: under the issuer, under the motto, under the trích yếu."""
        xml = open_document(example_docx).element.body.xml
        assert 3 == xml.count("<w:pBdr>")


class TestDeterminism:
    def test_two_renders_are_identical(self, example_plan: Plan) -> None:
        """The same plan renders to the same bytes."""
        assert render_bytes(example_plan) == render_bytes(example_plan)

    def test_identical_across_processes(self, example_docx: bytes, tmp_path: Path) -> None:
        """A fresh interpreter writes the same bytes (no cached state hides a timestamp)."""
        out = tmp_path / "plan.docx"
        code = (
            "import phongtrao; phongtrao.render(phongtrao.load_plan("
            f"{str(ROOT / 'examples/cam-xuyen-2021/plan.yaml')!r}), {str(out)!r})"
        )
        subprocess.run([sys.executable, "-c", code], check=True)
        assert example_docx == out.read_bytes()


def _header_texts(plan: Plan) -> list[str]:
    """The issuer's lines; its unit is left out under a parent of the same unit."""
    issuer = plan.issuer
    if issuer.header_lines:
        return [line.upper() for line in issuer.header_lines]
    same_unit = plan.parent is not None and plan.parent.unit == issuer.unit
    unit = [issuer.unit.name.upper()] if issuer.unit and not same_unit else []
    return [issuer.name.upper(), *unit]


def _part_texts(plan: Plan) -> dict[str, list[str]]:
    """The input strings each built-in part prints, by the part's key."""
    parts: dict[str, list[str]] = {key: [] for key in BUILTIN_PARTS}
    parts["purposes"] += [*plan.purposes, *plan.requirements]
    if plan.assessment is not None:
        a = plan.assessment
        texts = parts["assessment"]
        texts += [a.direction.heading, *a.direction.items, *a.impact]
        for topic in (a.shortcomings, a.lessons):
            if topic is not None:
                texts += [topic.heading, *topic.items]
        measured = [plan.indicator(result.indicator) for result in a.results]
        for indicator in measured:
            if indicator is not None:
                texts += [indicator.counted, indicator.achieved_as]
        if plan.movement is not None:
            items = [item.text for item in (*plan.movement.contents, *plan.movement.campaigns)]
            results = items or [i for i in measured if i is not None] or a.impact
            texts += [*items, *([plan.movement.name] if results else [])]
    if plan.orientation is not None:
        texts = parts["orientation"]
        texts += plan.orientation.items
        for target in plan.orientation.targets:
            indicator = plan.indicator(target.indicator)
            if indicator is not None:
                texts += [indicator.counted, indicator.achieved_as]
    if plan.awards is not None:
        awards = plan.awards
        texts = parts["awards"]
        texts += [awards.lead, *awards.coordinators, awards.criteria]
        texts += [awards.text(kind) or kind for kind in awards.recipients]
        for grant in awards.grants:
            form = awards.text(grant.form) or grant.form
            texts += [form[:1].upper() + form[1:],  # it begins the sentence
                      *(awards.text(kind) or kind for kind in grant.recipients)]
            texts += [t for t in (grant.criteria, grant.authority.wording) if t]
            if grant.authority.body and not grant.authority.wording:
                texts.append(grant.authority.body)
    for milestone in plan.schedule:
        texts = parts["schedule"]
        texts += [milestone.title, *([milestone.note] if milestone.note else [])]
        if milestone.recipient and milestone.kind is MilestoneKind.REPORT:
            texts.append(milestone.recipient)
        if milestone.conference is not None:
            conference = milestone.conference
            texts += [*([conference.venue] if conference.venue else []),
                      *conference.chairs, *conference.participants]
    parts["funding"] += [source.source for source in plan.funding]
    for responsibility in plan.responsibilities:
        parts["responsibilities"] += [responsibility.unit, *responsibility.duties]
    return parts


def _free_texts(paragraphs: Sequence[str], topics: Sequence[Topic]) -> list[str]:
    return [*paragraphs, *(text for topic in topics for text in (topic.heading, *topic.items))]


def rendered_texts(plan: Plan) -> list[str]:
    """The input strings the built-in template prints, as it prints them."""
    texts = [plan.title, *_header_texts(plan)]
    for basis in plan.bases:
        texts += [t for t in (basis.title, basis.issuer, basis.subject) if t]
        texts += [str(value) for value in (basis.number, basis.date) if isinstance(value, Pending)]
    texts += [t for t in (plan.introduction,) if t]
    omitted = {spec.key for spec in plan.sections if spec.omit}
    for key, part in _part_texts(plan).items():
        if key not in omitted:
            texts += part
    for spec in plan.sections:
        if spec.key not in BUILTIN_PARTS and not spec.omit:
            texts += [(spec.title or spec.key).upper(),
                      *_free_texts(spec.paragraphs, spec.topics)]
    if plan.closing is not None:
        texts.append(plan.closing)
    texts += [*plan.recipients, *plan.signature.lines, plan.signature.signer]
    for annex in plan.annexes:
        texts += [annex.title.upper(), *([annex.subtitle] if annex.subtitle else [])]
        texts += _free_texts(annex.paragraphs, annex.topics)
        if annex.table is not None:
            texts += [*annex.table.columns, *(cell for row in annex.table.rows for cell in row)]
    return texts


def _as_printed(text: str) -> str:
    """Line endings become line breaks; list punctuation is trimmed by the outline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _spaced(text: str) -> str:
    """Runs of white space as one space: the header wraps long names over lines."""
    return " ".join(text.split())


class TestNoCharacterLoss:
    @settings(max_examples=60)
    @given(plan=strategies.document_plans)
    def test_every_input_string_is_in_the_output(self, plan: Plan) -> None:
        """Any plan (arbitrary Unicode, & < > " ', emoji, combining marks) loses no text."""
        text = _spaced(document_text(render_bytes(plan, check=False)))
        if plan.documents is not None and plan.documents.enactment is not None:
            # A Kế hoạch a quyết định issues: its bases and recipients are the decision's.
            text += _spaced(document_text(render_bytes(plan, check=False,
                                                       document="quyet-dinh-ban-hanh")))
        expected = rendered_texts(plan)
        if plan.documents is not None and plan.documents.enactment is not None and (
                plan.documents.enactment.recipients):
            # The decision's own Nơi nhận replaces the plan's (docs/howto-documents.md).
            expected = [text for text in expected if text not in plan.recipients]
            expected += list(plan.documents.enactment.recipients)
        missing = [s for s in expected
                   if _spaced(_as_printed(s).strip().rstrip(";.")) not in text]
        assert [] == missing

    @pytest.mark.parametrize(
        "value",
        [
            "Sở Văn hóa, Thể thao &Du lịch",
            "a < b > c \" d ' e & f",
            "{{ title }} {% if x %} {# c #}",
            "Tiếng Việt tổ hợp: Cẩm Xuyên",
            "😀👍🏽 🇻🇳",
            "x" * 20000,
            "  đầu và cuối  ",
            "dòng một\ndòng hai\ttab",
        ],
    )
    def test_awkward_text_survives(self, example_plan: Plan, value: str) -> None:
        """Markup, Jinja syntax, combining marks, emoji, 20,000 characters, edges of space."""
        plan = attrs.evolve(example_plan, signature=attrs.evolve(
            example_plan.signature, signer=value))
        text = document_text(render_bytes(plan))
        assert vi.nfc(value) in text

    def test_carriage_return_is_a_line_break(self, example_plan: Plan) -> None:
        r"""\r\n in a text becomes one line break, not a lost character."""
        plan = attrs.evolve(example_plan, closing="Dòng một\r\nDòng hai.")
        assert "Dòng một\nDòng hai./." in document_text(render_bytes(plan))

    def test_control_character_is_refused_with_its_path(self, example_plan: Plan) -> None:
        """A vertical tab from a PDF is an error naming the field, never dropped."""
        plan = attrs.evolve(example_plan, title="Kế hoạch\x0btổng kết")
        with pytest.raises(phongtrao.PlanError) as info:
            render_bytes(plan, check=False)
        assert [("$.title", "control-character")] == [
            (p.path, p.code) for p in info.value.problems
        ]


class TestErrors:
    def test_plan_with_errors_is_refused(self, example_plan: Plan, tmp_path: Path) -> None:
        """A plan check() finds errors in is not rendered, and nothing is written."""
        plan = attrs.evolve(example_plan, recipients=("Sở Văn hóa",))
        with pytest.raises(phongtrao.PlanError, match=r"recipients-archive|Lưu: VT"):
            phongtrao.render(plan, tmp_path / "plan.docx")
        assert [] == list(tmp_path.iterdir())

    def test_existing_file_is_kept(self, example_plan: Plan, tmp_path: Path) -> None:
        """An existing output is kept unless overwrite=True."""
        out = tmp_path / "plan.docx"
        out.write_bytes(b"old")
        with pytest.raises(FileExistsError, match="overwrite=True"):
            phongtrao.render(example_plan, out)
        assert b"old" == out.read_bytes()
        phongtrao.render(example_plan, out, overwrite=True)
        assert out.read_bytes().startswith(b"PK")

    def test_unknown_suffix(self, example_plan: Plan, tmp_path: Path) -> None:
        """Only .docx and .pdf can be rendered."""
        with pytest.raises(ValueError, match=r"expected a \.docx or \.pdf"):
            phongtrao.render(example_plan, tmp_path / "plan.odt")

    def test_unknown_template_name(self, example_plan: Plan) -> None:
        """An unknown template name lists the available ones."""
        with pytest.raises(RenderError, match=r"no template named 'quoc-gia'.*ke-hoach"):
            render_bytes(example_plan, "quoc-gia")


def _template_with(tmp_path: Path, paragraph: str) -> Path:
    """The built-in template with one more paragraph holding ``paragraph``."""
    import docx

    from phongtrao import builtin_template

    document = docx.Document(str(builtin_template("ke-hoach")))
    document.add_paragraph(paragraph)
    path = tmp_path / "custom.docx"
    document.save(str(path))
    return path


class TestTemplates:
    def test_undefined_name_is_an_error(self, example_plan: Plan, tmp_path: Path) -> None:
        """A template using a name the context lacks fails, naming the template and the name."""
        template = _template_with(tmp_path, "{{ ngay_ky }}")
        with pytest.raises(RenderError, match=r"custom\.docx.*'ngay_ky' is undefined"):
            render_bytes(example_plan, template)

    def test_sandbox_refuses_internals(self, example_plan: Plan, tmp_path: Path) -> None:
        """{{ ''.__class__.__mro__ }} is refused by the sandbox, with a clear error."""
        template = _template_with(tmp_path, "{{ ''.__class__.__mro__ }}")
        with pytest.raises(RenderError, match=r"sandbox forbids|unsafe"):
            render_bytes(example_plan, template)

    def test_template_by_path(self, example_plan: Plan, tmp_path: Path) -> None:
        """A template given by path renders, with its own additions."""
        template = _template_with(tmp_path, "Bản sao: {{ header.number_line }}")
        assert "Bản sao: Số:      /KH-UBND" in document_lines(render_bytes(example_plan, template))

    @pytest.mark.parametrize("look", ["national", "ha-tinh", "hue"])
    def test_committed_template_is_rebuilt_identically(self, look: str) -> None:
        """tools/build_templates.py writes exactly each committed template."""
        builder = _builder()
        spec, target = builder.LOOKS[look]
        assert target.read_bytes() == builder.build(spec)

    def test_prepared_once(self, example_plan: Plan) -> None:
        """A renderer prepares a template file once, however many documents it renders."""
        renderer = testing.make_renderer()
        for _ in range(3):
            renderer.render_bytes(example_plan)
        renderer.render_bytes(example_plan, "ke-hoach")
        assert (1, True) == (renderer.preparations, renderer.template() is renderer.template())

    def test_each_renderer_prepares_its_own(self, example_plan: Plan) -> None:
        """Two renderers share nothing: each prepares the template for itself."""
        first, second = testing.make_renderer(), testing.make_renderer()
        assert first.template() is not second.template()
        assert (1, 1) == (first.preparations, second.preparations)


class TestContext:
    def test_version_and_names(self, example_plan: Plan) -> None:
        """The context holds the documented names and its version."""
        context = template_context(example_plan)
        expected = {"context_version", "plan", "header", "kind_title", "title", "bases",
                    "introduction", "body", "closing", "recipients_title", "recipients",
                    "signature", "annexes", "document", "addressees", "authority", "enacted_by"}
        assert (expected, 1) == (set(context), context["context_version"])

    def test_counts_come_from_the_movement(self, example_plan: Plan) -> None:
        """"theo 5 nội dung, 7 phong trào" is computed: one campaign less, one count less."""
        movement = attrs.evolve(example_plan.movement,
                                campaigns=example_plan.movement.campaigns[:-1])
        body = template_context(attrs.evolve(example_plan, movement=movement))["body"]
        headings = [block.text for block in body if "theo 5 nội dung" in block.text]
        assert 1 == len(headings)
        assert headings[0].endswith("theo 5 nội dung, 6 phong trào")

    def test_absent_parts_close_up(self, example_plan: Plan) -> None:
        """Without awards and funding, sections renumber I-V with no gap."""
        plan = attrs.evolve(example_plan, awards=None, funding=())
        sections = [b.line for b in template_context(plan)["body"] if b.kind == "section"]
        assert ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG",
                "III. ĐỊNH HƯỚNG, MỤC TIÊU THỰC HIỆN PHONG TRÀO GIAI ĐOẠN 2021-2025",
                "IV. THỜI GIAN TỔNG KẾT", "V. TỔ CHỨC THỰC HIỆN"] == sections

    def test_requested_body_is_asked(self, example_plan: Plan) -> None:
        """A body the issuer cannot command is introduced with 'Đề nghị'."""
        body = template_context(example_plan)["body"]
        assert "2. Đề nghị Ủy ban Mặt trận tổ quốc huyện" in [b.line for b in body]

    def test_acting_head_signs_q(self, example_plan: Plan) -> None:
        """An acting chairman's block reads TM. … / Q. CHỦ TỊCH."""
        signature = Signature(on_behalf_of="Ủy ban nhân dân", mode=phongtrao.model.SignMode.Q,
                              head="Chủ tịch", signer="Nguyễn Văn A")
        context = template_context(attrs.evolve(example_plan, signature=signature))
        assert ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH") == context["signature"].lines


def _builder() -> Any:
    """The template builder of tools/, imported from its file."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_templates
    finally:
        sys.path.remove(str(ROOT / "tools"))
    return build_templates


def _soffice_or_skip() -> None:
    from phongtrao import find_soffice

    if find_soffice() is None:
        import os

        if os.environ.get("PHONGTRAO_REQUIRE_SOFFICE"):
            pytest.fail("LibreOffice is required here (PHONGTRAO_REQUIRE_SOFFICE is set)")
        pytest.skip("LibreOffice (soffice) is not installed; PDF output cannot be tested")


def _pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                            text=True, check=True)
    return result.stdout


class TestPdf:
    def test_example_converts_with_its_text(self, example_plan: Plan, tmp_path: Path) -> None:
        """The .pdf holds the plan's sentences (LibreOffice reads our .docx)."""
        _soffice_or_skip()
        out = phongtrao.render(example_plan, tmp_path / "plan.pdf")
        text = " ".join(_pdf_text(out).split())
        for expected in ("KẾ HOẠCH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Sở Văn hóa, Thể thao &Du lịch", "Phạm Văn Thắng",
                         "Dự kiến tổ chức vào tháng 6/2021.", "để được hướng dẫn./."):
            assert expected in text
        assert out.path.read_bytes().startswith(b"%PDF")

    @pytest.mark.parametrize("look", ["national", "ha-tinh", "hue"])
    def test_national_name_fits_one_line(
        self, example_plan: Plan, tmp_path: Path, look: str
    ) -> None:
        """Every look keeps "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line."""
        _soffice_or_skip()
        _, template = _builder().LOOKS[look]
        out = phongtrao.render(example_plan, tmp_path / "plan.pdf", template=template)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _pdf_text(out)

    def test_parallel_conversions_do_not_collide(
        self, example_plan: Plan, tmp_path: Path
    ) -> None:
        """Two conversions at once both succeed (each has its own LibreOffice profile)."""
        _soffice_or_skip()
        from concurrent.futures import ThreadPoolExecutor

        outs = [tmp_path / f"plan-{index}.pdf" for index in range(2)]
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda out: phongtrao.render(example_plan, out), outs))
        assert all(out.read_bytes().startswith(b"%PDF") for out in outs)

    def test_missing_libreoffice_names_the_program(
        self, example_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without LibreOffice, PDF output fails naming what to install, writing nothing."""
        monkeypatch.setenv("PHONGTRAO_SOFFICE", str(tmp_path / "no-such-soffice"))
        with pytest.raises(RenderError, match="libreoffice-writer-nogui"):
            phongtrao.render(example_plan, tmp_path / "plan.pdf")
        assert [] == list(tmp_path.iterdir())


class TestStrategies:
    @given(st.data())
    def test_rendered_texts_cover_the_fields(self, data: st.DataObject) -> None:
        """The no-loss property looks at many fields of each plan."""
        plan = data.draw(strategies.plans)
        assert len(rendered_texts(plan)) >= 3
