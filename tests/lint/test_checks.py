"""What each rule accepts and refuses: forms of words and numbers, one edit of a good document each.

The document is python-docx's conforming Kế hoạch (tests/lint/documents.py);
each case rewrites one line and names the rules that must then judge it
(an empty list: the line still conforms).
"""

from __future__ import annotations

import pytest

import phongtrao
from phongtrao import Plugins

from .documents import DATE, MOTTO, NUMBER, SIGNATURE, SIGNER, Docx, build_docx


@pytest.fixture(scope="module")
def document() -> bytes:
    return build_docx()


def judged(data: bytes, pattern: str, new: str) -> list[str]:
    """The rules that judge the document once the line matching ``pattern`` reads ``new``."""
    doc = Docx(data)
    Docx.replace(doc.one(pattern), r"^.*$", new)
    return sorted({finding.code for finding in phongtrao.lint(doc.save(), plugins=Plugins(False))
                   if finding.evaluated})


class TestNumberLine:
    @pytest.mark.parametrize(("line", "expected"), [
        ("Số: 03/KH-UBND", []),
        ("Số: 15/KH-UBND", []),
        ("Số: 123/KH-UBND", []),
        ("Số:      /KH-UBND", []),  # a draft: the clerk writes the number at issuance
        ("Số: 235/2025/KH-UBND", []),  # a legal document's year inside the number
        ("Số 03/KH-UBND", ["number-form"]),
        ("SỐ: 03/KH-UBND", ["number-form"]),
        ("Số: 03 /KH-UBND", ["number-form"]),
        ("Số: 03/KH - UBND", ["number-form"]),
        ("Số: 03/KH_UBND", ["number-form"]),
        ("Số: 3/KH-UBND", ["number-zero"]),
        ("Số: 03/BC-UBND", ["number-symbol"]),
        ("Số: 03/UBND-VHXH", ["number-symbol"]),
    ])
    def test_forms(self, document: bytes, line: str, expected: list[str]) -> None:
        """«Số:», a leading zero below 10, «/», hyphens without spaces, the type's symbol."""
        assert expected == judged(document, f"^{NUMBER}$", line)


class TestDateLine:
    @pytest.mark.parametrize(("line", "expected"), [
        ("Cẩm Bình, ngày 05 tháng 01 năm 2025", []),
        ("Cẩm Bình, ngày 29 tháng 6 năm 2025", []),
        ("Cẩm Bình, ngày 10 tháng 02 năm 2025", []),
        ("Cẩm Bình, ngày 15 tháng 12 năm 2025", []),
        ("Cẩm Bình, ngày      tháng      năm 2025", []),  # a draft, dated at issuance
        ("Cẩm Bình, ngày 5 tháng 01 năm 2025", ["date-padding"]),
        ("Cẩm Bình, ngày 05 tháng 2 năm 2025", ["date-padding"]),
        ("Cẩm Bình, ngày 29 tháng 06 năm 2025", ["date-padding"]),
        ("Cẩm Bình ngày 05 tháng 01 năm 2025", ["date-place"]),
        ("cẩm Bình, ngày 05 tháng 01 năm 2025", ["date-place"]),
        ("ngày 05 tháng 01 năm 2025", ["date-place"]),
    ])
    def test_forms(self, document: bytes, line: str, expected: list[str]) -> None:
        """Days below 10 and months 1, 2 padded, others not; the place first, then a comma."""
        assert expected == judged(document, f"^{DATE}$", line)


class TestMotto:
    @pytest.mark.parametrize(("line", "expected"), [
        (MOTTO, []),
        ("Độc lập  -  Tự do  -  Hạnh phúc", []),  # spaces doubled: the words are the same
        ("Độc lập – Tự do – Hạnh phúc", ["motto-text"]),
        ("Độc lập — Tự do — Hạnh phúc", ["motto-text"]),
        ("Độc lập-Tự do-Hạnh phúc", ["motto-text"]),
        ("Độc Lập - Tự Do - Hạnh Phúc", ["motto-text"]),
    ])
    def test_forms(self, document: bytes, line: str, expected: list[str]) -> None:
        """Hyphens with spaces, each phrase capitalised once."""
        assert expected == judged(document, f"^{MOTTO}$", line)


class TestNationalName:
    @pytest.mark.parametrize(("line", "expected"), [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),  # the modern tone placement
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", ["national-name"]),
    ])
    def test_forms(self, document: bytes, line: str, expected: list[str]) -> None:
        """In capitals; «HÒA» and «HOÀ» are the same word."""
        assert expected == judged(document, "^CỘNG HÒA", line)


def signed(data: bytes, lines: list[str]) -> list[str]:
    """The rules that judge the document once its signature block reads ``lines`` (1-3)."""
    doc = Docx(data)
    block = [doc.one(f"^{line}$") for line in SIGNATURE]
    for paragraph, line in zip(block, lines, strict=False):
        Docx.replace(paragraph, r"^.*$", line)
    for paragraph in block[len(lines):]:
        paragraph.getparent().remove(paragraph)
    return sorted({finding.code for finding in phongtrao.lint(doc.save(), plugins=Plugins(False))
                   if finding.evaluated})


class TestSignature:
    @pytest.mark.parametrize(("lines", "expected"), [
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], []),
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], []),
        (["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"], []),
        (["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], []),
        (["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG HÀNH CHÍNH"], []),
        (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], []),
        (["T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["signature-prefix"]),
        (["THAY MẶT ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["signature-prefix"]),
        (["TM. ỦY BAN NHÂN DÂN", "KT CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["signature-prefix"]),
        (["Q. GIÁM ĐỐC", "TRƯỞNG PHÒNG"], ["signature-prefix"]),  # Q. takes no title below
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], ["signature-prefix"]),  # nothing under KT.
        (["TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH"], ["signature-deputy"]),
        (["TM. ỦY BAN NHÂN DÂN", "Chủ tịch"], ["signature-format"]),
    ])
    def test_authority_lines(self, document: bytes, lines: list[str],
                             expected: list[str]) -> None:
        """TM./KT./Q./TL./TUQ. with their dots and the lines each needs; a deputy under KT."""
        assert expected == signed(document, lines)

    @pytest.mark.parametrize(("name", "expected"), [
        ("Trần Thị Sen", []),
        ("PGS.TS. Nguyễn Văn A", ["signer-academic"]),
        ("ThS Nguyễn Văn A", ["signer-academic"]),
        ("TS. Nguyễn Văn A", ["signer-academic"]),
    ])
    def test_the_name(self, document: bytes, name: str, expected: list[str]) -> None:
        """The signer's name alone, with no academic title."""
        assert expected == judged(document, f"^{SIGNER}$", name)


class TestRecipients:
    @pytest.mark.parametrize(("line", "expected"), [
        ("- Lưu: VT, VHXH.", []),
        ("- Lưu: VT, VHXH, 02b.", []),
        ("- Lưu:VT, VHXH.", []),
        ("- Lưu: VT.", ["recipients-drafter"]),
        ("- Lưu VT, VHXH.", ["recipients-archive"]),
        ("- Lưu: VT, VHXH;", ["recipients-lines"]),
        ("Lưu: VT, VHXH.", ["recipients-lines"]),
    ])
    def test_the_archive_line(self, document: bytes, line: str, expected: list[str]) -> None:
        """«- Lưu: VT, <unit>.» last, with its hyphen, colon and full stop."""
        assert expected == judged(document, "^- Lưu", line)

    @pytest.mark.parametrize(("line", "expected"), [
        ("Nơi nhận:", []),
        ("Nơi nhận", ["recipients-title"]),
        ("Nơi gửi:", ["recipients-title"]),
    ])
    def test_the_title(self, document: bytes, line: str, expected: list[str]) -> None:
        """The title reads «Nơi nhận:», with its colon."""
        doc = Docx(document)
        Docx.replace(doc.one("^Nơi nhận:$"), r"^.*$", line)
        findings = phongtrao.lint(doc.save(), plugins=Plugins(False))
        found = sorted({finding.code for finding in findings if finding.evaluated})
        assert expected == [code for code in found if code.startswith("recipients")]


class TestNumbering:
    @pytest.mark.parametrize(("pattern", "line", "expected"), [
        (r"^d\) ", "d) Mục d.", []),
        (r"^đ\) ", "f) Mục f.", ["numbering-letters"]),
        (r"^đ\) ", "e) Mục e.", ["numbering-letters"]),
        (r"^1\.2\. ", "1.3. Mục.", ["numbering-arabic"]),
        (r"^1\.2\. ", "2.2. Mục.", ["numbering-arabic"]),
        (r"^2\. Yêu cầu", "4. Yêu cầu", ["numbering-arabic"]),
    ])
    def test_sequences(self, document: bytes, pattern: str, line: str,
                       expected: list[str]) -> None:
        """Points follow a b c d đ e g …; items and sub-items follow on from 1."""
        doc = Docx(document)
        paragraph = doc.one(pattern)
        Docx.replace(paragraph, pattern, line.split(" ", 1)[0] + " ")
        findings = phongtrao.lint(doc.save(), plugins=Plugins(False))
        assert expected == sorted({finding.code for finding in findings if finding.evaluated})


class TestBases:
    def test_a_comma_ends_no_basis(self, document: bytes) -> None:
        """A basis ending with «,» (the old form) is refused: «;», and «.» for the last."""
        assert ["basis-punctuation"] == judged(
            document, r"^Căn cứ Luật", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15,")
