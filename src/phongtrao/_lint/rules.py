"""The built-in lint rules, as data: code, severity, part, what, basis, example, check.

Each rule is an error when Nghị định 30/2020/NĐ-CP states it (a margin, a
size, a form of words) and a warning when it is practice the decree leaves
open; its basis cites the appendix, part and item (Phụ lục I, Phần I, mục II,
khoản 3), or says "practice". The national plugin gives these rules through
the hook ``phongtrao_lint_rules``, as a province plugin gives its own; the
reference page ``docs/lint-rules.md`` is generated from this table.
"""

from __future__ import annotations

from phongtrao._lint.checks import body, foot, header, page
from phongtrao._lint.checks.common import APPENDIX_I, DECREE
from phongtrao._lint.types import DocumentPart, LintCheck, LintRule
from phongtrao._problems import Severity

__all__ = ["LINT_RULES", "RULES"]

E, W = Severity.ERROR, Severity.WARNING
P = DocumentPart

_GENERAL = f"{APPENDIX_I}, mục I"
_MAIN = f"{APPENDIX_I}, mục II"


def _rule(code: str, severity: Severity, part: DocumentPart, summary: str, summary_en: str,
          basis: str, example: str, check: LintCheck, *, needs_text: bool = True) -> LintRule:
    return LintRule(code=code, severity=severity, part=part, summary=summary,
                    summary_en=summary_en, basis=basis, example=example, check=check,
                    needs_text=needs_text)


#: Every built-in rule, in the order of the document: page, header, title, body, foot.
RULES: tuple[LintRule, ...] = (
    # -- the page ---------------------------------------------------------------------------
    _rule("page-size", E, P.PAGE, "Khổ giấy A4 (210 × 297 mm).",
          "A4 paper (210 × 297 mm).", f"{_GENERAL}, khoản 1", "A4, 210 × 297 mm",
          page.check_paper, needs_text=False),
    _rule("page-orientation", E, P.PAGE,
          "Trình bày theo chiều dài khổ A4; chỉ phần có bảng, biểu mới được trình bày theo chiều "
          "rộng.", "Portrait; landscape only for pages that hold tables.",
          f"{_GENERAL}, khoản 2", "portrait", page.check_orientation, needs_text=False),
    _rule("margin-top", E, P.PAGE, "Lề trên cách mép trên từ 20 đến 25 mm.",
          "Top margin 20-25 mm.", f"{_GENERAL}, khoản 3", "20 mm",
          page.check_margin_top, needs_text=False),
    _rule("margin-bottom", E, P.PAGE, "Lề dưới cách mép dưới từ 20 đến 25 mm.",
          "Bottom margin 20-25 mm.", f"{_GENERAL}, khoản 3", "20 mm",
          page.check_margin_bottom, needs_text=False),
    _rule("margin-left", E, P.PAGE, "Lề trái cách mép trái từ 30 đến 35 mm.",
          "Left margin 30-35 mm (the gutter counted in).", f"{_GENERAL}, khoản 3", "30 mm",
          page.check_margin_left, needs_text=False),
    _rule("margin-right", E, P.PAGE, "Lề phải cách mép phải từ 15 đến 20 mm.",
          "Right margin 15-20 mm.", f"{_GENERAL}, khoản 3", "15 mm",
          page.check_margin_right, needs_text=False),
    _rule("font-family", E, P.BODY,
          "Phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), cho mọi phần "
          "chữ.", "Times New Roman (Unicode, TCVN 6909:2001) for all text.",
          f"{_GENERAL}, khoản 4", "Times New Roman", page.check_font_family),
    _rule("font-color", E, P.BODY, "Chữ màu đen.", "Black text.", f"{_GENERAL}, khoản 4",
          "black (automatic or #000000)", page.check_font_color),
    _rule("page-number-first", E, P.PAGE_NUMBER, "Không hiển thị số trang thứ nhất.",
          "No page number on page 1.", f"{_GENERAL}, khoản 7",
          "Word: Different First Page", page.check_page_number_first, needs_text=False),
    _rule("page-number-missing", E, P.PAGE_NUMBER,
          "Văn bản nhiều trang được đánh số trang từ trang 2.",
          "A document of several pages numbers its pages from page 2 (not evaluated when its "
          "page count cannot be told).", f"{_GENERAL}, khoản 7", "2, 3, 4 … in the header",
          page.check_page_number_missing, needs_text=False),
    _rule("page-number-format", E, P.PAGE_NUMBER,
          "Số trang bằng chữ số Ả Rập, cỡ chữ 13 đến 14, chữ đứng, canh giữa trong phần lề trên.",
          "Page numbers in Arabic figures, 13-14 pt upright, centred in the top margin.",
          f"{_GENERAL}, khoản 7", "2 (centred in the header, 13 pt)",
          page.check_page_number_format, needs_text=False),
    # -- Quốc hiệu và Tiêu ngữ ----------------------------------------------------------------
    _rule("national-name", E, P.NATIONAL_NAME,
          "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», chữ in hoa, ở đầu trang thứ nhất.",
          "The Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» in capitals atop page 1.",
          f"{_MAIN}, khoản 1, điểm a", header.NATIONAL_NAME, header.check_national_name),
    _rule("national-name-format", E, P.NATIONAL_NAME,
          "Quốc hiệu cỡ chữ 12 đến 13, kiểu chữ đứng, đậm.",
          "The Quốc hiệu in bold upright 12-13 pt.", f"{_MAIN}, khoản 1, điểm a",
          "bold, 13 pt", header.check_national_name_format),
    _rule("motto-text", E, P.MOTTO,
          "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»: chữ cái đầu các cụm từ viết hoa, giữa các cụm "
          "từ có gạch nối (-), có cách chữ.",
          "The motto «Độc lập - Tự do - Hạnh phúc»: each phrase capitalised, joined by hyphens "
          "with spaces (not dashes).", f"{_MAIN}, khoản 1, điểm b", header.MOTTO,
          header.check_motto_text),
    _rule("motto-format", E, P.MOTTO,
          "Tiêu ngữ cỡ chữ 13 đến 14, kiểu chữ đứng, đậm, canh giữa dưới Quốc hiệu.",
          "The motto in bold upright 13-14 pt, centred under the Quốc hiệu.",
          f"{_MAIN}, khoản 1, điểm b", "bold, 14 pt, centred", header.check_motto_format),
    _rule("motto-rule", E, P.MOTTO,
          "Phía dưới Tiêu ngữ có đường kẻ ngang, nét liền, dài bằng dòng chữ.",
          "A solid rule under the motto, as long as it.", f"{_MAIN}, khoản 1, điểm b",
          "a bottom border, or a line shape", header.check_motto_rule),
    # -- tên cơ quan ban hành --------------------------------------------------------------------
    _rule("issuer-format", E, P.ISSUER,
          "Tên cơ quan ban hành chữ in hoa, cỡ chữ 12 đến 13, đứng, đậm (tên cơ quan chủ quản "
          "phía trên, nếu có: in hoa, đứng).",
          "The issuing body in bold upright capitals, 12-13 pt (its parent body above it, if "
          "any, in upright capitals).", f"{_MAIN}, khoản 2",
          "ỦY BAN NHÂN DÂN / HUYỆN CẨM XUYÊN (bold, 13 pt)", header.check_issuer_format),
    _rule("issuer-rule", E, P.ISSUER,
          "Phía dưới tên cơ quan ban hành có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 dòng "
          "chữ, đặt cân đối.", "A short solid rule centred under the issuing body.",
          f"{_MAIN}, khoản 2", "a centred bottom border, 1/3-1/2 of the line",
          header.check_issuer_rule),
    # -- số, ký hiệu ---------------------------------------------------------------------------
    _rule("number-form", E, P.NUMBER,
          "«Số» chữ in thường, sau có dấu hai chấm; giữa số và ký hiệu có dấu gạch chéo (/); giữa "
          "các nhóm chữ viết tắt của ký hiệu có gạch nối (-), không cách chữ.",
          "«Số» then a colon; a slash between number and symbol; the symbol's groups joined "
          "by hyphens with no spaces.", f"{_MAIN}, khoản 3", "Số: 15/KH-UBND",
          header.check_number_form),
    _rule("number-zero", E, P.NUMBER, "Số nhỏ hơn 10 ghi thêm số 0 phía trước.",
          "A number below 10 takes a leading zero.", f"{_MAIN}, khoản 3, điểm c",
          "Số: 03/KH-UBND", header.check_number_zero),
    _rule("number-symbol", E, P.NUMBER,
          "Ký hiệu bắt đầu bằng chữ viết tắt của tên loại (KH cho Kế hoạch); ký hiệu công văn "
          "không có chữ viết tắt tên loại.",
          "The symbol starts with the type's abbreviation (KH for a Kế hoạch); a công văn's "
          "has none.", f"{_MAIN}, khoản 3; {DECREE}, Phụ lục III",
          "Số: 15/KH-UBND (Kế hoạch); Số: 12/UBND-VX (công văn)", header.check_number_symbol),
    _rule("number-format", E, P.NUMBER, "Số, ký hiệu cỡ chữ 13, kiểu chữ đứng.",
          "The number line in upright regular 13 pt.", f"{_MAIN}, khoản 3, điểm c",
          "13 pt, regular", header.check_number_format),
    # -- địa danh và thời gian ---------------------------------------------------------------------
    _rule("date-place", E, P.DATE,
          "Địa danh đứng trước ngày tháng, chữ cái đầu viết hoa, sau địa danh có dấu phẩy.",
          "The place comes first, capitalised, followed by a comma.", f"{_MAIN}, khoản 4",
          "Cẩm Xuyên, ngày 05 tháng 01 năm 2021", header.check_date_place),
    _rule("date-padding", E, P.DATE,
          "Ngày dưới 10 và tháng 1, 2 ghi thêm số 0 phía trước; các tháng khác không.",
          "Days below 10 and months 1 and 2 take a leading zero; other months do not.",
          f"{_MAIN}, khoản 4", "ngày 05 tháng 01 … ; ngày 29 tháng 6 …",
          header.check_date_padding),
    _rule("date-format", E, P.DATE, "Địa danh và thời gian cỡ chữ 13 đến 14, kiểu chữ nghiêng.",
          "The date line in italic 13-14 pt.", f"{_MAIN}, khoản 4", "italic, 14 pt",
          header.check_date_format),
    _rule("date-position", E, P.DATE,
          "Địa danh và thời gian đặt dưới, canh giữa so với Quốc hiệu và Tiêu ngữ.",
          "The date line centred under the Quốc hiệu and the motto.", f"{_MAIN}, khoản 4",
          "centred in the right column", header.check_date_position),
    # -- tên loại và trích yếu -------------------------------------------------------------------
    _rule("title-format", E, P.TITLE,
          "Tên loại văn bản chữ in hoa, cỡ chữ 13 đến 14, kiểu chữ đứng, đậm, canh giữa.",
          "The tên loại in bold upright capitals, 13-14 pt, centred.", f"{_MAIN}, khoản 5",
          "KẾ HOẠCH", body.check_title_format),
    _rule("subject-format", E, P.SUBJECT,
          "Trích yếu ngay dưới tên loại, cỡ chữ 13 đến 14, đứng, đậm, canh giữa (trích yếu công "
          "văn: cỡ chữ 12 đến 13, đứng).",
          "The subject line under the tên loại in bold upright 13-14 pt, centred (a công văn's: "
          "12-13 pt upright).", f"{_MAIN}, khoản 5", "bold, 14 pt, centred",
          body.check_subject_format),
    _rule("subject-rule", E, P.SUBJECT,
          "Bên dưới trích yếu có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 dòng chữ.",
          "A short solid rule under the subject line.", f"{_MAIN}, khoản 5",
          "a centred bottom border", body.check_subject_rule),
    _rule("subject-vv", E, P.SUBJECT,
          "Chỉ trích yếu công văn bắt đầu bằng «V/v»; văn bản khác ghi tên loại.",
          "Only a công văn's subject starts «V/v»; other documents name their type.",
          f"{_MAIN}, khoản 5", "V/v tổ chức Hội nghị … (công văn)", body.check_subject_vv),
    # -- căn cứ ---------------------------------------------------------------------------------
    _rule("basis-format", E, P.BASIS, "Căn cứ ban hành bằng chữ in thường, kiểu chữ nghiêng.",
          "The legal bases in italic.", f"{_MAIN}, khoản 6",
          "Căn cứ Luật Thi đua, khen thưởng …; (italic)", body.check_basis_format),
    _rule("basis-punctuation", E, P.BASIS,
          "Mỗi căn cứ xuống dòng, cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc bằng "
          "dấu chấm (.).", "Each basis on its own line ending «;», the last ending «.».",
          f"{_MAIN}, khoản 6", "Căn cứ …; / Căn cứ ….", body.check_basis_punctuation),
    # -- nội dung ------------------------------------------------------------------------------
    _rule("body-size", E, P.BODY, "Nội dung cỡ chữ từ 13 đến 14.", "Body text in 13-14 pt.",
          f"{_MAIN}, khoản 6", "14 pt", body.check_body_size),
    _rule("body-justified", E, P.BODY,
          "Nội dung canh đều cả hai lề (đoạn chỉ một dòng không xét).",
          "The body justified on both sides (a paragraph of one line is not judged).",
          f"{_MAIN}, khoản 6", "justified", body.check_body_justified),
    _rule("body-indent", E, P.BODY, "Chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm.",
          "A first-line indent of 1-1.27 cm.", f"{_MAIN}, khoản 6", "1.27 cm",
          body.check_body_indent),
    _rule("body-spacing", E, P.BODY, "Khoảng cách giữa các đoạn văn tối thiểu là 6 pt.",
          "At least 6 pt between paragraphs.", f"{_MAIN}, khoản 6", "6 pt after",
          body.check_body_spacing),
    _rule("body-line-spacing", E, P.BODY,
          "Khoảng cách giữa các dòng tối thiểu là dòng đơn, tối đa là 1,5 dòng.",
          "Line spacing from single to 1.5 lines.", f"{_MAIN}, khoản 6", "1.15 lines",
          body.check_body_line_spacing),
    _rule("body-size-uniform", W, P.BODY,
          "Phần lời văn dùng cùng một cỡ chữ.", "One size for the body's running text.",
          "practice (Thông tư 01/2011/TT-BNV required it; Nghị định 30 leaves it open)",
          "14 pt throughout", body.check_body_size_uniform),
    _rule("numbering-roman", E, P.BODY, "Các mục đánh số La Mã I., II., III. … liên tiếp.",
          "Sections numbered I., II., III. … in order.", f"{_MAIN}, khoản 6",
          "I. MỤC ĐÍCH, YÊU CẦU / II. NỘI DUNG", body.check_numbering_roman),
    _rule("numbering-arabic", E, P.BODY,
          "Các khoản đánh số Ả Rập 1., 2. … liên tiếp trong mỗi mục (1.1., 1.2. … trong mỗi "
          "khoản; Điều 1., Điều 2. …).",
          "Items numbered 1., 2. … in order in each section (1.1., 1.2. … in each item; Điều "
          "1., Điều 2. …).", f"{_MAIN}, khoản 6", "1. Mục đích / 2. Yêu cầu",
          body.check_numbering_arabic),
    _rule("numbering-letters", E, P.BODY,
          "Các điểm đánh thứ tự bằng chữ cái tiếng Việt a), b), c), d), đ), e), g) …",
          "Points lettered in the Vietnamese alphabet a), b), c), d), đ), e), g) … (no f, j, "
          "w, z).", f"{_MAIN}, khoản 6", "d) … / đ) … / e) …", body.check_numbering_letters),
    _rule("section-format", W, P.BODY, "Tiêu đề các mục La Mã viết in hoa, in đậm.",
          "Roman-numbered section headings in bold capitals.",
          "practice (the forms of Phụ lục III)", "I. MỤC ĐÍCH, YÊU CẦU (bold)",
          body.check_section_format),
    _rule("end-mark", E, P.BODY, "Nội dung văn bản kết thúc bằng dấu «./.».",
          "The body ends with «./.».", f"{DECREE}, Phụ lục III (the forms of administrative "
          "documents end their content with ./.)", "… để được hướng dẫn./.",
          body.check_end_mark),
    # -- nơi nhận -------------------------------------------------------------------------------
    _rule("recipients-title", E, P.RECIPIENTS,
          "Từ «Nơi nhận» chữ in thường, cỡ chữ 12, nghiêng, đậm, sau có dấu hai chấm.",
          "«Nơi nhận:» in bold italic 12 pt, with its colon.", f"{_MAIN}, khoản 9",
          "Nơi nhận: (bold italic, 12 pt)", foot.check_recipients_title),
    _rule("recipients-lines", E, P.RECIPIENTS,
          "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng, cuối dòng có dấu chấm phẩy; cỡ chữ "
          "11, chữ đứng; dòng cuối cùng kết thúc bằng dấu chấm.",
          "One recipient a line «- …;» in upright 11 pt, the last ending «.».",
          f"{_MAIN}, khoản 9", "- Sở Văn hóa, Thể thao và Du lịch;", foot.check_recipients_lines),
    _rule("recipients-archive", E, P.RECIPIENTS,
          "Dòng cuối cùng là «- Lưu: VT, …».", "The last line is «- Lưu: VT, …».",
          f"{_MAIN}, khoản 9", "- Lưu: VT, VHTT.", foot.check_recipients_archive),
    _rule("recipients-drafter", W, P.RECIPIENTS,
          "Sau «VT» ghi chữ viết tắt tên đơn vị soạn thảo (cảnh báo: nhiều văn bản chỉ ghi "
          "«Lưu: VT»).",
          "The archive line names the drafting unit after «VT» (a warning: many documents write "
          "only «Lưu: VT», as phongtrao's plan check allows).",
          f"{_MAIN}, khoản 9", "- Lưu: VT, VHTT.",
          foot.check_recipients_drafter),
    # -- chữ ký ---------------------------------------------------------------------------------
    _rule("signature-format", E, P.SIGNATURE,
          "Thẩm quyền ký và chức vụ người ký chữ in hoa, cỡ chữ 13 đến 14, đứng, đậm.",
          "The authority and title lines in bold upright capitals, 13-14 pt.",
          f"{_MAIN}, khoản 7", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", foot.check_signature_format),
    _rule("signature-prefix", E, P.SIGNATURE,
          "Viết tắt thẩm quyền ký «TM.», «KT.», «Q.», «TL.», «TUQ.» trước chức vụ, kèm các dòng "
          "chức vụ phù hợp.",
          "The authority written TM./KT./Q./TL./TUQ. before the title, with the lines each "
          "needs below it (Q. stands alone).", f"{_MAIN}, khoản 7",
          "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", foot.check_signature_prefix),
    _rule("signature-deputy", E, P.SIGNATURE, "Cấp phó ký thay ghi «KT.» trước chức vụ người "
          "đứng đầu.", "A deputy signs under «KT. <head>».", f"{_MAIN}, khoản 7",
          "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", foot.check_signature_deputy),
    _rule("signer-format", E, P.SIGNER, "Họ tên người ký cỡ chữ 13 đến 14, đứng, đậm.",
          "The signer's name in bold upright 13-14 pt.", f"{_MAIN}, khoản 7",
          "Phạm Văn Thắng (bold)", foot.check_signer_format),
    _rule("signer-academic", E, P.SIGNER,
          "Trước họ tên người ký không ghi học hàm, học vị.",
          "No academic title before the signer's name.", f"{_MAIN}, khoản 7",
          "Nguyễn Văn A (not «TS. Nguyễn Văn A»)", foot.check_signer_academic),
)

#: The built-in rules by code (docs/lint-rules.md); plugins add theirs through a hook.
LINT_RULES: dict[str, LintRule] = {rule.code: rule for rule in RULES}
