"""Every rule against documents from three sources: conforming ones clean, broken ones caught.

Each broken variant is caught by exactly its rule.

The sources are phongtrao (the ward-2025 plan rendered), python-docx (a Kế hoạch
built another way, :mod:`tests.lint.documents`) and LibreOffice (those saved
again by ``soffice --convert-to docx``). A broken variant differs from its
conforming document by one edit (:data:`~tests.lint.documents.BREAKERS`).
"""

from __future__ import annotations

import pytest

import phongtrao
from phongtrao import Finding, Plugins, Severity
from phongtrao.hookspecs import DocumentPart

from .conftest import TEMPLATES
from .documents import BREAKERS, LAYOUTS

CODES = sorted(BREAKERS)


def lint(data: bytes, plugins: Plugins) -> list[Finding]:
    return phongtrao.lint(data, plugins=plugins)


def evaluated_codes(findings: list[Finding]) -> list[str]:
    """The codes of the findings that judged something (not 'not evaluated'), once each."""
    return sorted({finding.code for finding in findings if finding.evaluated})


class TestTheRuleTable:
    def test_at_least_thirty_rules(self) -> None:
        """The decree's rules are at least 30, each with a unique code."""
        codes = [rule.code for rule in phongtrao.LINT_RULES.values()]
        assert (True, len(codes)) == (len(codes) >= 30, len(set(codes)))

    def test_every_rule_has_a_broken_variant(self) -> None:
        """Each built-in rule is broken by one edit of the test documents, and nothing else is."""
        assert sorted(phongtrao.LINT_RULES) == CODES

    def test_warnings_are_practice(self) -> None:
        """A warning's basis says it is practice, or why the decree's item is only a warning."""
        warnings = [rule for rule in phongtrao.LINT_RULES.values()
                    if rule.severity is Severity.WARNING]
        assert [] == [rule.code for rule in warnings
                      if "practice" not in rule.basis and "warning" not in rule.summary_en]

    def test_errors_cite_the_decree(self) -> None:
        """Every error rule cites Nghị định 30/2020/NĐ-CP and one of its appendices."""
        errors = [rule for rule in phongtrao.LINT_RULES.values()
                  if rule.severity is Severity.ERROR]
        assert [] == [rule.code for rule in errors
                      if not rule.basis.startswith("Nghị định 30/2020/NĐ-CP, Phụ lục")]


class TestConformingDocuments:
    @pytest.mark.parametrize("template", TEMPLATES)
    def test_phongtrao(self, template: str, phongtrao_documents: dict[str, bytes],
                       builtin_only: Plugins) -> None:
        """The ward plan as phongtrao renders it with each template has no finding at all."""
        assert [] == lint(phongtrao_documents[template], builtin_only)

    @pytest.mark.parametrize("layout", LAYOUTS)
    def test_python_docx(self, layout: str, python_docx_documents: dict[str, bytes],
                         builtin_only: Plugins) -> None:
        """A document built with python-docx, its header a table, tab stops or text boxes."""
        assert [] == lint(python_docx_documents[layout], builtin_only)

    @pytest.mark.parametrize("name", [*(f"clean-{layout}" for layout in LAYOUTS),
                                      "clean-ke-hoach"])
    def test_libreoffice(self, name: str, libreoffice_documents: dict[str, bytes],
                         builtin_only: Plugins) -> None:
        """The same documents as LibreOffice saves them have no finding either."""
        assert [] == lint(libreoffice_documents[name], builtin_only)


def _caught(findings: list[Finding], code: str) -> None:
    """Only ``code`` judged the document, with its rule's severity, pointing at its part."""
    rule = phongtrao.LINT_RULES[code]
    assert [code] == evaluated_codes(findings), [str(finding) for finding in findings]
    mine = [finding for finding in findings if finding.code == code]
    parts = {rule.part, DocumentPart.BASIS} if rule.part is DocumentPart.BODY else {rule.part}
    assert [] == [str(finding) for finding in mine
                  if finding.severity is not rule.severity or finding.where.part not in parts
                  or not (finding.message and finding.message_en)
                  or finding.basis != rule.basis]


class TestEachBrokenVariant:
    @pytest.mark.parametrize("code", CODES)
    def test_phongtrao(self, code: str, broken_documents: dict[tuple[str, str], bytes],
                       builtin_only: Plugins) -> None:
        """The document phongtrao renders, one rule broken, is caught by exactly that rule."""
        _caught(lint(broken_documents["phongtrao", code], builtin_only), code)

    @pytest.mark.parametrize("code", CODES)
    def test_python_docx(self, code: str, broken_documents: dict[tuple[str, str], bytes],
                         builtin_only: Plugins) -> None:
        """python-docx's document with one rule broken is caught by exactly that rule."""
        _caught(lint(broken_documents["python-docx", code], builtin_only), code)

    @pytest.mark.parametrize("code", CODES)
    def test_libreoffice(self, code: str, libreoffice_documents: dict[str, bytes],
                         builtin_only: Plugins) -> None:
        """The broken python-docx document as LibreOffice saves it is caught the same way."""
        _caught(lint(libreoffice_documents[code], builtin_only), code)


class TestHeaderLayouts:
    @pytest.mark.parametrize("layout", ["tabs", "textbox"])
    @pytest.mark.parametrize(("code", "edit"), [
        ("motto-text", ("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")),
        ("date-padding", ("ngày 05 tháng 01", "ngày 5 tháng 1")),
        ("number-zero", ("Số: 03/", "Số: 3/")),
    ])
    def test_a_header_of_tab_stops_or_text_boxes_is_read(
        self, layout: str, code: str, edit: tuple[str, str],
        python_docx_documents: dict[str, bytes], builtin_only: Plugins,
    ) -> None:
        """A rule of the header is caught whether the header is made of tab stops or text boxes."""
        from .documents import Docx

        doc = Docx(python_docx_documents[layout])
        for paragraph in doc.where(edit[0]):
            Docx.replace(paragraph, edit[0], edit[1])
        _caught(lint(doc.save(), builtin_only), code)
