"""Bad plan files: the loader and the checks report exactly the problems expected.

Every file in ``tests/data/bad/load/`` is refused by :func:`phongtrao.load_plan`
with one :class:`phongtrao.PlanError`; every file in ``tests/data/bad/check/``
loads, and :func:`phongtrao.check` reports it. Each file is a small variation
of ``tests/data/minimal.yaml`` and says on its first line what is wrong (JSON,
which has no comments, is explained in the tables below). The tables hold the
problems word for word, so a change of message is a change of this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import phongtrao
from phongtrao import PlanError, Severity

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal.yaml"
BAD = DATA / "bad"
LOAD = BAD / "load"
CHECK = BAD / "check"

ERROR, WARNING = Severity.ERROR, Severity.WARNING

#: File in ``bad/load/`` -> the loader's problems, in order: (path, code, message).
LOAD_FAILURES: dict[str, list[tuple[str, str, str]]] = {
    "bad-id.yaml": [
        (
            "$.movement.campaigns[0].id",
            "invalid",
            (
                "'Gia Dinh' is not a stable id; expected lower-case ASCII letters and digits "
                "joined by '-' or '_', like 'gia-dinh-van-hoa' [Mã ổn định — stable id shared by "
                "every issuer's wording]"
            ),
        ),
    ],
    "bool-for-text.yaml": [
        (
            "$.issuer.abbreviation",
            "wrong-type",
            (
                "expected text, got a yes/no value (false); put the text in quotes (YAML reads "
                "unquoted yes, no, on and off as yes/no values) [Chữ viết tắt tên cơ quan — "
                "standard abbreviation, used in document symbols]"
            ),
        ),
    ],
    "date-february-30.yaml": [
        (
            "$.document.date",
            "bad-value",
            (
                "'2021-02-30' is not a real date: day 30 does not exist in 02/2021; expected 1-28 "
                "[Ngày ban hành — issue date; a month or a year while the day is not yet known]"
            ),
        ),
    ],
    "date-month-13.yaml": [
        (
            "$.document.date",
            "bad-value",
            (
                "'2021-13' is not a real date: month 13 is out of range; expected 1-12 [Ngày ban "
                "hành — issue date; a month or a year while the day is not yet known]"
            ),
        ),
    ],
    "date-slashes.yaml": [
        (
            "$.document.date",
            "bad-value",
            (
                "'05/01/2021' is written day first; write the year first, as year-month-day: "
                "'2021-01-05' [Ngày ban hành — issue date; a month or a year while the day is not "
                "yet known]"
            ),
        ),
    ],
    "date-with-time.yaml": [
        (
            "$.document.date",
            "bad-value",
            (
                "expected a date without a time, got '2025-08-15 08:30:00'; write only the date: "
                "'2025-08-15' [Ngày ban hành — issue date; a month or a year while the day is not "
                "yet known]"
            ),
        ),
    ],
    "document-number-dashes.yaml": [
        (
            "$.document.number",
            "bad-value",
            (
                "'03-KH-UBND' is not a document number; expected '03/KH-UBND', '235/1999/QĐ-TTg', "
                "or '/KH-UBND' while the number is not assigned (did you mean '03/KH-UBND'?) [Số, "
                "ký hiệu — number and symbol]"
            ),
        ),
    ],
    "duplicate-content-id.yaml": [
        (
            "$.movement.contents[2].id",
            "invalid",
            (
                "the id 'gia-dinh-van-hoa' is used twice; expected each id once [Các nội dung — "
                "its contents, in the issuer's order and wording]"
            ),
        ),
    ],
    "duplicate-key.yaml": [
        (
            "$.issuer.abbreviation",
            "duplicate-key",
            "the key 'abbreviation' is given twice (first on line 5); expected each key once",
        ),
    ],
    "duties-empty.yaml": [
        (
            "$.responsibilities[0].duties",
            "invalid",
            (
                "a unit with no duties; expected at least one duty [Nhiệm vụ — its duties; one is "
                "a paragraph, several are bullets]"
            ),
        ),
    ],
    "empty.yaml": [
        (
            "$",
            "wrong-type",
            (
                "a plan file holds keys and values at its top level (issuer, document, title, …), "
                "but this one holds nothing"
            ),
        ),
    ],
    "float-for-int.yaml": [
        (
            "$.movement.start_year",
            "wrong-type",
            (
                "expected a whole number, got a decimal number (2000.5) [Năm phát động — year the "
                "movement started]"
            ),
        ),
    ],
    "funding-negative.yaml": [
        (
            "$.funding[0].amount",
            "invalid",
            (
                "an amount of -5000000 đồng is negative; expected 0 or more [Số tiền (đồng) — "
                "amount in đồng, if set]"
            ),
        ),
    ],
    "kind-not-level.yaml": [
        (
            "$.issuer.unit.kind",
            "invalid",
            (
                "a unit of kind 'xa' (xã) cannot be at level 'huyen'; expected level xa [Loại đơn "
                "vị — kind of unit: tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, "
                "dac_khu, quoc_gia; below the commune thon, to_dan_pho, khu_pho, ap, "
                "ban, buon, lang]"
            ),
        ),
    ],
    "level-district.yaml": [
        (
            "$.issuer.unit.level",
            "bad-value",
            (
                "'district' is not allowed here; expected one of thon, xa, huyen, tinh, "
                "trung_uong (did you mean 'huyen'?) [Cấp hành chính — level: thon, xa, huyen, "
                "tinh, trung_uong]"
            ),
        ),
    ],
    "list-for-mapping.yaml": [
        (
            "$.movement",
            "wrong-type",
            (
                "expected a mapping of keys to values, got a list [Phong trào — the movement "
                "summarised, for a plan that sums one up]"
            ),
        ),
    ],
    "mapping-for-list.yaml": [
        (
            "$.recipients",
            "wrong-type",
            (
                "expected a list, got a mapping [Nơi nhận — recipient lines, the last the archive "
                "'Lưu: VT']"
            ),
        ),
    ],
    "missing-key.yaml": [
        (
            "$.signature.signer",
            "missing-key",
            (
                "required key 'signer' is missing [Họ và tên người ký — the signer's name, no "
                "academic titles]"
            ),
        ),
    ],
    "not-utf8.yaml": [
        (
            "$",
            "unreadable",
            (
                "the file is not UTF-8 text: byte 0xD2 on line 5, column 10 is not UTF-8; save the "
                "file as UTF-8 (text in an old Vietnamese encoding such as Windows-1258 or TCVN3 "
                "must be converted)"
            ),
        ),
    ],
    "null-title.yaml": [
        (
            "$.title",
            "wrong-type",
            (
                "expected text, got nothing (null) [Trích yếu — what the plan is about, under 'KẾ "
                "HOẠCH']"
            ),
        ),
    ],
    "number-for-text.yaml": [
        (
            "$.issuer.abbreviation",
            "wrong-type",
            (
                "expected text, got a whole number (123); put it in quotes if it is meant as text "
                "[Chữ viết tắt tên cơ quan — standard abbreviation, used in document symbols]"
            ),
        ),
    ],
    "raw-control-character.yaml": [
        (
            "$",
            "syntax",
            (
                "not valid YAML (line 18, column 80): the file holds U+000B, a control character "
                "YAML does not allow; delete it or replace it with a space (control characters "
                "often come from copying out of a PDF)"
            ),
        ),
    ],
    "several-problems.yaml": [
        (
            "$.issuer.collectve",
            "unknown-key",
            (
                "unknown key 'collectve'; expected one of name, abbreviation, unit, collective, "
                "kind, short_name, header_lines, chair, standing_office (did you mean "
                "'collective'?)"
            ),
        ),
        (
            "$.issuer.unit.level",
            "bad-value",
            (
                "'commune' is not allowed here; expected one of thon, xa, huyen, tinh, "
                "trung_uong (did you mean 'xa'?) [Cấp hành chính — level: thon, xa, huyen, "
                "tinh, trung_uong]"
            ),
        ),
        (
            "$.document.date",
            "bad-value",
            (
                "'2025-02-30' is not a real date: day 30 does not exist in 02/2025; expected 1-28 "
                "[Ngày ban hành — issue date; a month or a year while the day is not yet known]"
            ),
        ),
        (
            "$.period.end",
            "invalid",
            (
                "the period ends (1999) no later than it starts (2000); expected a year after 2000 "
                "[Năm kết thúc — last year]"
            ),
        ),
        (
            "$.signature.signer",
            "missing-key",
            (
                "required key 'signer' is missing [Họ và tên người ký — the signer's name, no "
                "academic titles]"
            ),
        ),
    ],
    "signature-acting-with-title.yaml": [
        (
            "$.signature.title",
            "invalid",
            (
                "an acting head signs 'Q. <head>' with no title line below; expected no title "
                "[Chức vụ người ký — the signer's own title]"
            ),
        ),
    ],
    "signature-kt-without-head.yaml": [
        (
            "$.signature.head",
            "invalid",
            (
                "signing KT. needs the head signed for; expected e.g. 'CHỦ TỊCH' [Người đứng đầu — "
                "the head signed for]"
            ),
        ),
    ],
    "symbol-not-kind.yaml": [
        (
            "$.document.number",
            "invalid",
            (
                "the symbol 'KH-UBND' does not start with 'BC-', the type symbol of a Báo cáo; "
                "expected something like 'BC-UBND' [Số, ký hiệu — number and symbol]"
            ),
        ),
    ],
    "syntax-error.yaml": [
        (
            "$",
            "syntax",
            (
                "not valid YAML (line 35, column 1): found unexpected end of stream (while "
                "scanning a quoted scalar on line 34)"
            ),
        ),
    ],
    "text-for-number.yaml": [
        (
            "$.period.start",
            "wrong-type",
            (
                "expected a whole number, got text ('2000'); write it without quotes: 2000 [Năm "
                "bắt đầu — first year]"
            ),
        ),
    ],
    "top-level-list.yaml": [
        (
            "$",
            "wrong-type",
            (
                "a plan file holds keys and values at its top level (issuer, document, title, …), "
                "but this one holds a list"
            ),
        ),
    ],
    "unknown-key-nested.yaml": [
        (
            "$.issuer.colective",
            "unknown-key",
            (
                "unknown key 'colective'; expected one of name, abbreviation, unit, collective, "
                "kind, short_name, header_lines, chair, standing_office (did you mean "
                "'collective'?)"
            ),
        ),
    ],
    "unknown-key-top.yaml": [
        (
            "$.titel",
            "unknown-key",
            (
                "unknown key 'titel'; expected one of issuer, parent, document, title, movement, "
                "period, indicators, bases, introduction, purposes, requirements, assessment, "
                "orientation, awards, schedule, funding, responsibilities, sections, closing, "
                "recipients, signature, annexes, documents, nominees (did you mean 'title'?)"
            ),
        ),
        (
            "$.title",
            "missing-key",
            (
                "required key 'title' is missing [Trích yếu — what the plan is about, under 'KẾ "
                "HOẠCH']"
            ),
        ),
    ],
    "window-end-equals-start.yaml": [
        (
            "$.schedule[0].window.end",
            "invalid",
            (
                "the window ends where it starts (2025-10); give only a start [Kết thúc — end, if "
                "the window spans a time]"
            ),
        ),
    ],
    "window-inverted.yaml": [
        (
            "$.schedule[0].window.end",
            "invalid",
            (
                "the window ends (2025-09) before it starts (2025-10); expected an end after "
                "2025-10 [Kết thúc — end, if the window spans a time]"
            ),
        ),
    ],
    # JSON: A date written day first, as Vietnamese documents do: 15/08/2025.
    "date-slashes.json": [
        (
            "$.document.date",
            "bad-value",
            (
                "'15/08/2025' is written day first; write the year first, as year-month-day: "
                "'2025-08-15' [Ngày ban hành — issue date; a month or a year while the day is not "
                "yet known]"
            ),
        ),
    ],
    # JSON: The issuer's abbreviation given twice (json would keep the last).
    "duplicate-key.json": [
        (
            "$.issuer.abbreviation",
            "duplicate-key",
            "the key 'abbreviation' is given twice; expected each key once",
        ),
    ],
    # JSON: The period's end written 2025.0, a decimal number, for a year.
    "float-for-int.json": [
        (
            "$.period.end",
            "wrong-type",
            (
                "expected a whole number, got a decimal number (2025.0); write it without the "
                "decimal point: 2025 [Năm kết thúc — last year]"
            ),
        ),
    ],
    # JSON: null for the required signer.
    "null-signer.json": [
        (
            "$.signature.signer",
            "wrong-type",
            (
                "expected text, got nothing (null) [Họ và tên người ký — the signer's name, no "
                "academic titles]"
            ),
        ),
    ],
    # JSON: A JSON syntax error: a comma after the movement's last key.
    "syntax-error.json": [
        (
            "$",
            "syntax",
            (
                "not valid JSON (line 20, column 3): Expecting property name enclosed in double "
                "quotes; remove the comma after the last item (JSON allows no trailing comma)"
            ),
        ),
    ],
    # JSON: The movement's start year as text, "2000".
    "text-for-number.json": [
        (
            "$.movement.start_year",
            "wrong-type",
            (
                "expected a whole number, got text ('2000'); write it without quotes: 2000 [Năm "
                "phát động — year the movement started]"
            ),
        ),
    ],
    # JSON: The whole plan wrapped in a list.
    "top-level-list.json": [
        (
            "$",
            "wrong-type",
            (
                "a plan file holds keys and values at its top level (issuer, document, title, …), "
                "but this one holds a list"
            ),
        ),
    ],
    # JSON: `singer` for `signer` in the signature (so `signer` is missing too).
    "unknown-key.json": [
        (
            "$.signature.singer",
            "unknown-key",
            (
                "unknown key 'singer'; expected one of on_behalf_of, mode, head, title, signer "
                "(did you mean 'signer'?)"
            ),
        ),
        (
            "$.signature.signer",
            "missing-key",
            (
                "required key 'signer' is missing [Họ và tên người ký — the signer's name, no "
                "academic titles]"
            ),
        ),
    ],
    "bad-level.toml": [
        (
            "$.issuer.unit.level",
            "bad-value",
            (
                "'xã' is not allowed here; expected one of thon, xa, huyen, tinh, trung_uong "
                "(did you mean 'xa'?) [Cấp hành chính — level: thon, xa, huyen, tinh, "
                "trung_uong]"
            ),
        ),
    ],
    "bool-for-text.toml": [
        (
            "$.signature.title",
            "wrong-type",
            (
                "expected text, got a yes/no value (true); put the text in quotes (YAML reads "
                "unquoted yes, no, on and off as yes/no values) [Chức vụ người ký — the signer's "
                "own title]"
            ),
        ),
    ],
    "date-with-time.toml": [
        (
            "$.document.date",
            "bad-value",
            (
                "expected a date without a time, got a date and time (2025-08-15T08:30:00); write "
                "only the date: '2025-08-15' [Ngày ban hành — issue date; a month or a year while "
                "the day is not yet known]"
            ),
        ),
    ],
    "missing-key.toml": [
        (
            "$.document.date",
            "missing-key",
            (
                "required key 'date' is missing [Ngày ban hành — issue date; a month or a year "
                "while the day is not yet known]"
            ),
        ),
    ],
    "syntax-error.toml": [
        (
            "$",
            "syntax",
            (
                "not valid TOML (line 31, column 10): Invalid value; text must be in double "
                'quotes: signer = "Nguyễn Văn A"'
            ),
        ),
    ],
    "unknown-key.toml": [
        (
            "$.period.finish",
            "unknown-key",
            "unknown key 'finish'; expected one of start, end",
        ),
        (
            "$.period.end",
            "missing-key",
            "required key 'end' is missing [Năm kết thúc — last year]",
        ),
    ],
}

#: File in ``bad/check/`` -> the problems of ``check``, in order:
#: (path, code, severity, message).
CHECK_FAILURES: dict[str, list[tuple[str, str, Severity, str]]] = {
    "award-giay-khen-province-2021.yaml": [
        (
            "$.awards.grants[0].authority",
            "award-authority",
            ERROR,
            (
                "Chủ tịch UBND cấp tỉnh may not give Giấy khen on 2021-03-10; expected Chủ tịch "
                "UBND cấp huyện or Chủ tịch UBND cấp xã or Giám đốc cấp tỉnh (Luật Thi đua, Khen "
                "thưởng số 15/2003/QH11 (sửa đổi, bổ sung 2005, 2013); provision not verified)"
            ),
        ),
    ],
    "award-thon-van-hoa-commune.yaml": [
        (
            "$.awards.grants[0].authority",
            "award-authority",
            ERROR,
            (
                "Chủ tịch UBND cấp xã may not give danh hiệu “Thôn, tổ dân phố văn hóa” on "
                "2021-03-10; expected Chủ tịch UBND cấp huyện (Nghị định số 122/2018/NĐ-CP ngày "
                "17/9/2018; provision not verified)"
            ),
        ),
    ],
    "basis-after-plan.yaml": [
        (
            "$.bases[0].date",
            "basis-after-plan",
            ERROR,
            (
                "the cited document is dated 2025-09-01, after the plan (2025-08-15); expected a "
                "document issued before the plan"
            ),
        ),
    ],
    "control-character.yaml": [
        (
            "$.title",
            "control-character",
            ERROR,
            (
                "the text holds U+000B (vertical tab) at position 77, after '…đoàn kết xây dựng "
                "đời', which a document cannot hold; delete it or replace it with a space (it "
                "often comes from copying out of a PDF)"
            ),
        ),
    ],
    "district-after-reform.yaml": [
        (
            "$.issuer.unit",
            "district-after-reform",
            ERROR,
            (
                "huyện Ví Dụ is a district, and districts ceased to operate after 2025-06-30; the "
                "plan is dated 2026-03-10. Expected a province or a commune-level issuer"
            ),
        ),
    ],
    "district-milestone-2026.yaml": [
        (
            "$.schedule[1].level",
            "district-after-reform",
            ERROR,
            (
                "a district-level milestone runs until 2026-01-31, but districts ceased to operate "
                "after 2025-06-30; expected level 'xa' or 'tinh'"
            ),
        ),
    ],
    "milestone-before-plan.yaml": [
        (
            "$.schedule[0].window",
            "milestone-before-plan",
            ERROR,
            (
                "the window ends on 2025-06-30, before the plan is issued (2025-08-15); expected a "
                "time after the plan"
            ),
        ),
    ],
    "milestone-order.yaml": [
        (
            "$.schedule[1].level",
            "milestone-order",
            ERROR,
            (
                "the xã milestone is listed after the tỉnh one ($.schedule[0]); expected "
                "milestones from the lower level up"
            ),
        ),
    ],
    "period-before-movement.yaml": [
        (
            "$.period.start",
            "period-before-movement",
            ERROR,
            (
                "the period starts in 1999, before the movement started (2000); expected 2000 or "
                "later"
            ),
        ),
    ],
    "recipients-no-archive.yaml": [
        (
            "$.recipients[1]",
            "recipients-archive",
            ERROR,
            (
                "the last recipient is 'Đảng ủy phường'; expected the archive line of "
                "2025-08-15: 'Lưu: VT', then the drafting unit ('Lưu: VT, VHTT') (Nghị định số "
                "30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I, mục II khoản 9 (Nơi nhận); provision "
                "not verified)"
            ),
        ),
    ],
    "tm-missing.yaml": [
        (
            "$.signature.on_behalf_of",
            "signature-prefix",
            ERROR,
            (
                "Ủy ban nhân dân is a collective body, so the plan is signed on its behalf; "
                "expected on_behalf_of: 'Ủy ban nhân dân' (the 'TM. ỦY BAN NHÂN DÂN' line)"
            ),
        ),
    ],
    "town-after-reform.yaml": [
        (
            "$.issuer.unit",
            "town-after-reform",
            ERROR,
            (
                "thị trấn Ví Dụ is a thị trấn, and thị trấn ceased to exist after 2025-06-30; the "
                "plan is dated 2025-08-15. Expected the xã or phường that replaced it"
            ),
        ),
    ],
    "unit-ended.yaml": [
        (
            "$.issuer.unit.valid_until",
            "unit-not-existing",
            ERROR,
            (
                "phường Ví Dụ existed until 2025-06-30, before the plan's date (2025-08-15); "
                "expected the unit that replaced it, or a plan dated while it existed"
            ),
        ),
    ],
    "whitespace-only.yaml": [
        (
            "$.closing",
            "empty-text",
            ERROR,
            (
                "the text is only whitespace; expected some words, or leave the key out where it "
                "is optional"
            ),
        ),
    ],
    # JSON: A vertical tab, escaped "\u000b", in the signer's name.
    "control-character.json": [
        (
            "$.signature.signer",
            "control-character",
            ERROR,
            (
                "the text holds U+000B (vertical tab) at position 6, after 'Nguyễn', which a "
                "document cannot hold; delete it or replace it with a space (it often comes from "
                "copying out of a PDF)"
            ),
        ),
    ],
    "award-rule-unknown.toml": [
        (
            "$.awards.grants[0].form",
            "award-rule-unknown",
            WARNING,
            (
                "the rule table does not say who may give danh hiệu “Xã, phường, thị trấn tiêu "
                "biểu” on 2025-08-15 (it covers danh hiệu “Xã, phường, thị trấn tiêu biểu” from "
                "2024-01-30 to 2025-06-30); check the authority by hand"
            ),
        ),
    ],
    "milestone-beyond-horizon.toml": [
        (
            "$.schedule[0].window",
            "milestone-beyond-horizon",
            WARNING,
            (
                "the window starts on 2027-03-01, after the end of the year following the plan "
                "(2026-12-31); check the year"
            ),
        ),
    ],
    "signature-other-body.toml": [
        (
            "$.signature.on_behalf_of",
            "signature-body",
            WARNING,
            (
                "the TM. line names 'Hội đồng nhân dân', not the issuer 'Ủy ban nhân dân'; "
                "expected on_behalf_of: 'Ủy ban nhân dân'"
            ),
        ),
    ],
    "signer-academic-title.toml": [
        (
            "$.signature.signer",
            "signer-title",
            WARNING,
            (
                "'TS. Nguyễn Văn A' carries an academic title; the decree signs with the name "
                "alone: 'Nguyễn Văn A'"
            ),
        ),
    ],
    "tm-for-one-person.toml": [
        (
            "$.signature.on_behalf_of",
            "signature-prefix",
            ERROR,
            (
                "Ủy ban nhân dân is headed by one person, so 'TM.' does not fit; expected no "
                "on_behalf_of, or mark the issuer collective: true"
            ),
        ),
    ],
}

JSON, TOML = ".json", ".toml"


def _refusal(path: Path) -> PlanError:
    """The error loading ``path`` raises: a PlanError, and nothing else may escape."""
    with pytest.raises(PlanError) as caught:
        phongtrao.load_plan(path)
    assert PlanError is type(caught.value)
    return caught.value


def _listed(error: PlanError) -> list[tuple[str, str, str]]:
    return [(p.path, p.code, p.message) for p in error.problems]


class TestCorpus:
    def test_every_bad_file_is_in_a_table(self) -> None:
        """Each file under bad/ is in a table and each table entry is a file: no drift."""
        on_disk = sorted(str(path.relative_to(BAD)) for path in BAD.rglob("*") if path.is_file())
        in_tables = sorted(
            [f"load/{name}" for name in LOAD_FAILURES]
            + [f"check/{name}" for name in CHECK_FAILURES]
        )
        assert in_tables == on_disk

    def test_corpus_covers_every_format(self) -> None:
        """The loader corpus has at least 30 files, with at least 5 JSON and 5 TOML ones."""
        suffixes = [Path(name).suffix for name in LOAD_FAILURES]
        assert len(suffixes) >= 30
        assert suffixes.count(JSON) >= 5
        assert suffixes.count(TOML) >= 5

    @pytest.mark.parametrize(
        "path",
        sorted(path for path in BAD.rglob("*") if path.is_file() and path.suffix != JSON),
        ids=lambda path: str(path.relative_to(BAD)),
    )
    def test_file_says_what_is_wrong_on_its_first_line(self, path: Path) -> None:
        """Every YAML and TOML bad file opens with a comment saying what is wrong with it."""
        first = path.read_bytes().split(b"\n", 1)[0]
        assert first.startswith(b"# ")
        assert len(first) > len("# ") + 10

    def test_minimal_plan_loads_and_checks_clean(self) -> None:
        """The minimal plan the corpus varies is valid, and check finds nothing in it."""
        assert [] == phongtrao.check(phongtrao.load_plan(MINIMAL))


class TestLoadFailures:
    @pytest.mark.parametrize(("name", "expected"), LOAD_FAILURES.items(), ids=list(LOAD_FAILURES))
    def test_problems_are_exactly_these(
        self, name: str, expected: list[tuple[str, str, str]]
    ) -> None:
        """Loading raises a PlanError, nothing else, listing exactly these problems in order."""
        assert expected == _listed(_refusal(LOAD / name))

    @pytest.mark.parametrize("name", [name for name in LOAD_FAILURES if name != "not-utf8.yaml"])
    def test_text_gives_the_same_problems(self, name: str) -> None:
        """Loading the file's text, not its path, gives the same problems."""
        path = LOAD / name
        text = path.read_text(encoding="utf-8")
        with pytest.raises(PlanError) as caught:
            phongtrao.loads_plan(text, format=path.suffix.lstrip("."))
        assert LOAD_FAILURES[name] == _listed(caught.value)
        assert caught.value.source is None

    @pytest.mark.parametrize("name", list(LOAD_FAILURES))
    def test_every_loader_problem_is_an_error(self, name: str) -> None:
        """The loader reports errors only: a file it cannot read is never half loaded."""
        assert all(p.severity is ERROR for p in _refusal(LOAD / name).problems)

    @pytest.mark.parametrize(
        "name", ["unknown-key-nested.yaml", "bad-level.toml", "null-signer.json"]
    )
    def test_message_names_the_file_and_each_problem(self, name: str) -> None:
        """str(error) opens with the file's path, then one line per problem with its path."""
        path = LOAD / name
        error = _refusal(path)
        lines = str(error).splitlines()
        assert f"{path}: not a valid plan (1 problem):" == lines[0]
        assert [f"  {problem}" for problem in error.problems] == lines[1:]

    def test_several_problems_are_counted(self) -> None:
        """The first line of the message counts the problems."""
        path = LOAD / "several-problems.yaml"
        assert f"{path}: not a valid plan (5 problems):" == str(_refusal(path)).splitlines()[0]

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("unknown-key-nested.yaml", [6]),
            ("null-title.yaml", [16]),
            ("window-inverted.yaml", [33]),
            ("duplicate-key.yaml", [6]),
            ("syntax-error.yaml", [35]),
            ("raw-control-character.yaml", [18]),
            ("not-utf8.yaml", [5]),
            ("several-problems.yaml", [7, 10, 15, 27, 32]),
        ],
    )
    def test_yaml_problems_carry_their_line(self, name: str, expected: list[int]) -> None:
        """YAML problems name the line of the key, or of the mapping that lacks a key."""
        assert expected == [p.line for p in _refusal(LOAD / name).problems]

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("syntax-error.json", [20]),
            ("syntax-error.toml", [31]),
            ("unknown-key.json", [None, None]),
        ],
    )
    def test_json_and_toml_lines_only_for_syntax(
        self, name: str, expected: list[int | None]
    ) -> None:
        """JSON and TOML name a line for syntax errors; other problems have only their path."""
        assert expected == [p.line for p in _refusal(LOAD / name).problems]


class TestCheckFailures:
    @pytest.mark.parametrize(("name", "expected"), CHECK_FAILURES.items(), ids=list(CHECK_FAILURES))
    def test_check_reports_exactly_these(
        self, name: str, expected: list[tuple[str, str, Severity, str]]
    ) -> None:
        """The file loads, and check reports exactly these problems, in order."""
        plan = phongtrao.load_plan(CHECK / name)
        actual = [(p.path, p.code, p.severity, p.message) for p in phongtrao.check(plan)]
        assert expected == actual

    def test_yaml_control_character_is_kept(self) -> None:
        """A vertical tab escaped in YAML is loaded as it is: reported, never dropped."""
        plan = phongtrao.load_plan(CHECK / "control-character.yaml")
        assert "xây dựng đời\v sống văn hóa" in plan.title

    def test_json_control_character_is_kept(self) -> None:
        """A vertical tab escaped in JSON is loaded as it is: reported, never dropped."""
        plan = phongtrao.load_plan(CHECK / "control-character.json")
        assert "Nguyễn\vVăn A" == plan.signature.signer


class TestTolerated:
    def test_utf8_file_with_a_bom_loads(self, tmp_path: Path) -> None:
        """A UTF-8 file that starts with a byte-order mark (as Notepad writes it) loads."""
        for suffix in (".yaml", ".json", ".toml"):
            text = phongtrao.dumps_plan(phongtrao.load_plan(MINIMAL), suffix.lstrip("."))
            path = tmp_path / f"plan{suffix}"
            path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
            assert phongtrao.load_plan(MINIMAL) == phongtrao.load_plan(path)

    def test_one_line_of_json_text_loads(self) -> None:
        """Plan text on one line, too long to be a file name, is read as text."""
        plan = phongtrao.load_plan(MINIMAL)
        text = json.dumps(json.loads(phongtrao.dumps_plan(plan, "json")), ensure_ascii=False)
        assert len(text) > 255
        assert "\n" not in text
        assert plan == phongtrao.loads_plan(text)
