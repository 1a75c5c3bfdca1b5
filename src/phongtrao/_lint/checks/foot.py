"""The Nơi nhận and the signature block (Phụ lục I, Phần I, mục II, khoản 7 và 9)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from phongtrao._lint.checks.common import TOLERANCE_PT, missing, not_found, pt
from phongtrao._lint.document import LintDocument, LintParagraph
from phongtrao._lint.types import DocumentPart, Issue, NotEvaluated
from phongtrao._rules.checks import ACADEMIC_TITLE

__all__ = [
    "check_recipients_archive",
    "check_recipients_drafter",
    "check_recipients_lines",
    "check_recipients_title",
    "check_signature_deputy",
    "check_signature_format",
    "check_signature_prefix",
    "check_signer_academic",
    "check_signer_format",
]

Checked = Iterator[Issue | NotEvaluated]

# The hyphen before "Lưu" is recipients-lines' to ask for; these read the words after it.
_ARCHIVE = re.compile(r"^(?:[-–]\s*)?Lưu\s*:\s*VT\b")
_DRAFTER = re.compile(r"^(?:[-–]\s*)?Lưu\s*:\s*VT\s*,\s*\S")
#: A KT. line, however its dot is written: signature-prefix asks for the dot.
_KT = re.compile(r"^K\s*[./]?\s*T\b")
#: An authority prefix as the decree writes it: TM., KT., Q., TL., TUQ. before the title.
_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s+\S")
#: The same prefixes written another way: "T/M", "KT " without its dot, "Thay mặt".
_LOOSE_PREFIX = re.compile(r"^(T\s*/\s*M|T\s*\.\s*M|K\s*/\s*T|TM|KT|TL|TUQ|Q)(?=\s|/|$)|^(THAY MẶT|"
                           r"KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN|QUYỀN)\b", re.IGNORECASE)
#: How each of those is written, by its letters without spaces and dots.
_SPELLED = {"TM": "TM.", "T/M": "TM.", "KT": "KT.", "K/T": "KT.", "TL": "TL.", "TUQ": "TUQ.",
            "Q": "Q.", "THAYMẶT": "TM.", "KÝTHAY": "KT.", "THỪALỆNH": "TL.",
            "THỪAỦYQUYỀN": "TUQ.", "QUYỀN": "Q."}


def _sized(line: LintParagraph, low: float, high: float) -> list[float]:
    return [size for size in sorted(line.sizes)
            if size < low - TOLERANCE_PT or size > high + TOLERANCE_PT]


# -- Nơi nhận ----------------------------------------------------------------------------------


def _recipients(document: LintDocument) -> tuple[LintParagraph, ...]:
    return document.lines(DocumentPart.RECIPIENTS)


def check_recipients_title(document: LintDocument) -> Checked:
    """``Nơi nhận:`` in bold italic 12 pt, with its colon."""
    lines = _recipients(document)
    if not lines:
        yield missing(DocumentPart.RECIPIENTS, "Không tìm thấy phần «Nơi nhận:» ở cuối văn bản.",
                      "no «Nơi nhận:» (recipients) at the end of the document")
        return
    title = lines[0]
    vi, en = [], []
    text = " ".join(title.text.split())
    if text.rstrip(":").strip() != "Nơi nhận":
        vi.append(f"viết «{text}» (phải là «Nơi nhận:»)")
        en.append(f"it reads «{text}» («Nơi nhận:» expected)")
    elif not text.endswith(":"):
        vi.append("thiếu dấu hai chấm sau «Nơi nhận»")
        en.append("no colon after «Nơi nhận»")
    if not (title.bold and title.italic):
        vi.append("không in nghiêng, đậm")
        en.append("not bold italic")
    wrong = _sized(title, 12, 12)
    if wrong:
        vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định cỡ chữ 12)")
        en.append(f"{pt(wrong[0])} (12 pt expected)")
    if vi:
        yield Issue(message="Từ «Nơi nhận»: " + "; ".join(vi) + ".",
                    message_en="the word «Nơi nhận»: " + "; ".join(en), where=title.location())


def check_recipients_lines(document: LintDocument) -> Checked:
    """Each recipient on a line ``- …;`` in 11 pt upright, the last ending ``.``."""
    lines = _recipients(document)[1:]
    if not lines:
        yield not_found(DocumentPart.RECIPIENTS)
        return
    for position, line in enumerate(lines):
        text = line.text.strip()
        last = position == len(lines) - 1
        vi, en = [], []
        if not re.match(r"^[-+]\s", text):
            vi.append("đầu dòng không có gạch đầu dòng «- »")
            en.append("it does not start with a hyphen «- »")
        ending = "." if last else ";"
        if not text.endswith(ending):
            vi.append(f"cuối dòng thiếu dấu «{ending}»")
            en.append(f"it does not end with «{ending}»")
        wrong = _sized(line, 11, 11)
        if wrong:
            vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định cỡ chữ 11)")
            en.append(f"{pt(wrong[0])} (11 pt expected)")
        if line.any_bold or line.any_italic:
            vi.append("không phải chữ đứng, thường")
            en.append("not upright regular type")
        if vi:
            yield Issue(message="Dòng nơi nhận: " + "; ".join(vi) + ".",
                        message_en="the recipient line: " + "; ".join(en),
                        where=line.location())


def check_recipients_archive(document: LintDocument) -> Checked:
    """The last line is the archive line, ``- Lưu: VT, …``."""
    lines = _recipients(document)[1:]
    if not lines:
        yield not_found(DocumentPart.RECIPIENTS)
        return
    last = lines[-1]
    if not _ARCHIVE.match(last.text.strip()):
        yield Issue(message=f"Dòng cuối của nơi nhận là «{last.text.strip()}»; dòng cuối cùng ghi "
                    "«- Lưu: VT, <tên viết tắt đơn vị soạn thảo>.».",
                    message_en=f"the last recipient line is «{last.text.strip()}»; the last line "
                    "is the archive line «- Lưu: VT, <drafting unit>.»", where=last.location())


def check_recipients_drafter(document: LintDocument) -> Checked:
    """The archive line names the drafting unit after VT (warning)."""
    lines = _recipients(document)[1:]
    if not lines:
        yield not_found(DocumentPart.RECIPIENTS)
        return
    last = lines[-1]
    text = last.text.strip()
    if _ARCHIVE.match(text) and not _DRAFTER.match(text):
        yield Issue(message=f"Dòng «{text}» chưa ghi chữ viết tắt tên đơn vị soạn thảo sau «VT» "
                    "(ví dụ «- Lưu: VT, VHTT.»).",
                    message_en=f"«{text}» names no drafting unit after «VT» (like "
                    "«- Lưu: VT, VHTT.»)", where=last.location())


# -- chữ ký -----------------------------------------------------------------------------------


def _authority(document: LintDocument) -> tuple[LintParagraph, ...]:
    return document.lines(DocumentPart.SIGNATURE)


def check_signature_format(document: LintDocument) -> Checked:
    """The authority and title lines in capitals, bold, upright, 13-14 pt."""
    lines = _authority(document)
    if not lines:
        if document.has_text and document.first(DocumentPart.SIGNER) is None:
            yield missing(DocumentPart.SIGNATURE, "Không tìm thấy khối chữ ký (thẩm quyền, chức "
                          "vụ, họ tên người ký) ở cuối văn bản.",
                          "no signature block (authority, title, signer's name) at the end")
        else:
            yield not_found(DocumentPart.SIGNATURE)
        return
    for line in lines:
        vi, en = [], []
        if line.text.upper() != line.text:
            vi.append("không viết in hoa")
            en.append("not in capitals")
        if not line.bold:
            vi.append("không in đậm")
            en.append("not bold")
        if line.any_italic:
            vi.append("in nghiêng (quy định chữ đứng)")
            en.append("italic (upright expected)")
        wrong = _sized(line, 13, 14)
        if wrong:
            vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định từ 13 đến 14)")
            en.append(f"{pt(wrong[0])} (13-14 pt expected)")
        if vi:
            yield Issue(message=f"Dòng «{line.text.strip()}» của khối chữ ký: " + "; ".join(vi)
                        + ".", message_en=f"the signature line «{line.text.strip()}»: "
                        + "; ".join(en), where=line.location())


def check_signature_prefix(document: LintDocument) -> Checked:
    """TM./KT./Q./TL./TUQ. written so, each followed by the lines it needs."""
    lines = _authority(document)
    if not lines:
        yield not_found(DocumentPart.SIGNATURE)
        return
    for position, line in enumerate(lines):
        text = line.text.strip()
        match = _PREFIX.match(text)
        if match is None:
            loose = _LOOSE_PREFIX.match(text)
            if loose is not None:
                spelled = _SPELLED.get(re.sub(r"[\s.]", "", loose.group(0).upper()), "TM.")
                yield Issue(message=f"Dòng «{text}» viết tắt thẩm quyền ký là «{loose.group(0)}»; "
                            f"viết «{spelled}» (có dấu chấm) trước chức vụ.",
                            message_en=f"«{text}» writes the authority as «{loose.group(0)}»; "
                            f"it is written «{spelled}» (with its dot) before the title",
                            where=line.location())
            continue
        prefix = match[1]
        below = len(lines) - 1 - position
        if prefix == "Q" and below:
            yield Issue(message=f"Sau dòng «{text}» còn dòng chức vụ; người ký thay quyền chỉ ghi "
                        "«Q.» trước chức vụ của người đứng đầu, không ghi thêm chức vụ.",
                        message_en=f"a title line follows «{text}»; an acting head signs «Q.» "
                        "before the head's title, with no title of their own",
                        where=line.location())
        elif prefix != "Q" and not below:
            yield Issue(message=f"Sau dòng «{text}» không có chức vụ của người ký; sau «{prefix}.» "
                        "phải có dòng chức vụ của người ký (ví dụ «KT. CHỦ TỊCH» / «PHÓ CHỦ "
                        "TỊCH»).",
                        message_en=f"no title of the signer follows «{text}»; after «{prefix}.» "
                        "comes the signer's own title (like «KT. CHỦ TỊCH» / «PHÓ CHỦ TỊCH»)",
                        where=line.location())


def check_signature_deputy(document: LintDocument) -> Checked:
    """A deputy (PHÓ …) signs under a ``KT.`` line for the head."""
    lines = _authority(document)
    if not lines:
        yield not_found(DocumentPart.SIGNATURE)
        return
    title = lines[-1]
    above = lines[-2].text.strip() if len(lines) > 1 else ""
    if title.text.strip().upper().startswith("PHÓ ") and not _KT.match(above):
        head = title.text.strip()[4:]
        yield Issue(message=f"Cấp phó «{title.text.strip()}» ký thay người đứng đầu nhưng không có "
                    f"dòng «KT. {head.upper()}» phía trên.",
                    message_en=f"the deputy «{title.text.strip()}» signs for the head without a "
                    f"«KT. {head.upper()}» line above", where=title.location())


def check_signer_format(document: LintDocument) -> Checked:
    """The signer's name in bold upright 13-14 pt."""
    name = document.first(DocumentPart.SIGNER)
    if name is None:
        if _authority(document):
            yield missing(DocumentPart.SIGNER, "Không tìm thấy họ tên người ký dưới khối chữ ký.",
                          "no signer's name under the signature block")
        else:
            yield not_found(DocumentPart.SIGNER)
        return
    vi, en = [], []
    if not name.bold:
        vi.append("không in đậm")
        en.append("not bold")
    if name.any_italic:
        vi.append("in nghiêng (quy định chữ đứng)")
        en.append("italic (upright expected)")
    wrong = _sized(name, 13, 14)
    if wrong:
        vi.append(f"cỡ chữ {pt(wrong[0], 'vi')} (quy định từ 13 đến 14)")
        en.append(f"{pt(wrong[0])} (13-14 pt expected)")
    if vi:
        yield Issue(message=f"Họ tên người ký «{name.text.strip()}»: " + "; ".join(vi) + ".",
                    message_en=f"the signer's name «{name.text.strip()}»: " + "; ".join(en),
                    where=name.location())


def check_signer_academic(document: LintDocument) -> Checked:
    """No academic title before the signer's name."""
    name = document.first(DocumentPart.SIGNER)
    if name is None:
        yield not_found(DocumentPart.SIGNER)
        return
    text = name.text.strip()
    title = ACADEMIC_TITLE.match(text)
    if title is not None:
        yield Issue(message=f"Trước họ tên người ký có học hàm, học vị «{title.group(0).strip()}»; "
                    f"chỉ ghi họ và tên: «{text[title.end():]}».",
                    message_en=f"an academic title «{title.group(0).strip()}» stands before the "
                    f"signer's name; write the name alone: «{text[title.end():]}»",
                    where=name.location())
