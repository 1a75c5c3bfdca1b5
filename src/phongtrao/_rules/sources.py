"""The legal texts phongtrao's rule tables come from, and how far each was checked.

Every row of a legal table (who may give which award, the archive line, the
document kinds) names a :class:`Source`: the text, the provision where one is
known, and how the row was checked — against the official text, only against a
secondary source (a news report, a commentary), or not at all beyond the
text's existence. Messages and the reference page (docs/legal-sources.md) cite
them, so an officer can check a rule before relying on it.
"""

from __future__ import annotations

from enum import Enum

import attrs

__all__ = [
    "LAW_2003",
    "LAW_2022",
    "LAW_2022_ART_80_2",
    "LAW_2022_ART_80_3",
    "LGL_2015",
    "LGL_2019",
    "LGL_2025",
    "ND_30_2020",
    "ND_30_2020_KINDS",
    "ND_86_2023",
    "ND_122_2018",
    "ND_129_2025",
    "PRACTICE",
    "TT_01_2011",
    "TT_12_2011",
    "Checked",
    "Source",
]


class Checked(str, Enum):
    """How a row's source was checked."""

    #: Read against the official text (Công báo or the issuing body's portal).
    TEXT = "text"
    #: Known from a secondary source only (a news report, a commentary).
    SECONDARY = "secondary"
    #: The text exists, but the provision the row relies on was not checked.
    UNVERIFIED = "unverified"

    @property
    def words(self) -> str:
        """How the docs and messages say it."""
        return _WORDS[self]


_WORDS = {
    Checked.TEXT: "checked against the text",
    Checked.SECONDARY: "from a secondary source only",
    Checked.UNVERIFIED: "provision not verified",
}


@attrs.frozen(kw_only=True)
class Source:
    """Căn cứ — the legal text a rule comes from.

    Attributes:
        text: văn bản — the text, by kind, number and year.
        provision: điều, khoản — the article and clause, when known.
        checked: how far the row was checked (:class:`Checked`).
        note: ghi chú — what was and was not checked, for a person.
        cited: how a document's căn cứ names it, when it is a law ("Luật Thi đua,
            khen thưởng ngày 15/6/2022": by name and the day it was passed).
    """

    text: str
    provision: str | None = None
    checked: Checked = Checked.TEXT
    note: str = ""
    cited: str | None = None

    def cite(self) -> str:
        """"Luật Thi đua, khen thưởng 2022, Điều 80 khoản 3", and the check when not the text."""
        cited = self.text if self.provision is None else f"{self.text}, {self.provision}"
        return cited if self.checked is Checked.TEXT else f"{cited}; {self.checked.words}"


LGL_2015 = Source(
    text="Luật Tổ chức chính quyền địa phương số 77/2015/QH13",
    cited="Luật Tổ chức chính quyền địa phương ngày 19/6/2015",
    checked=Checked.UNVERIFIED,
    note="The competence basis of a Chủ tịch UBND's decisions from 1/1/2016; cited with "
    "its 2019 amendment from 1/7/2020, until 30/6/2025. Dates as published; the text was "
    "not read here.",
)
LGL_2019 = Source(
    text="Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
    "chính quyền địa phương số 47/2019/QH14",
    cited="Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
    "chính quyền địa phương ngày 22/11/2019",
    checked=Checked.UNVERIFIED,
    note="In force from 1/7/2020 to 30/6/2025; the text was not read here.",
)
LGL_2025 = Source(
    text="Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
    cited="Luật Tổ chức chính quyền địa phương ngày 16/6/2025",
    checked=Checked.UNVERIFIED,
    note="The two-level local government, in force from 1/7/2025; the text was not read "
    "here.",
)
LAW_2003 = Source(
    text="Luật Thi đua, Khen thưởng số 15/2003/QH11 (sửa đổi, bổ sung 2005, 2013)",
    cited="Luật Thi đua, Khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều "
    "của Luật Thi đua, Khen thưởng ngày 14/6/2005 và ngày 16/11/2013",
    checked=Checked.UNVERIFIED,
    note="The law and its period (1/7/2004 to 31/12/2023) are known; the article that "
    "gives each power was not checked against its text.",
)
LAW_2022 = Source(
    text="Luật Thi đua, khen thưởng số 06/2022/QH15",
    cited="Luật Thi đua, khen thưởng ngày 15/6/2022",
    checked=Checked.UNVERIFIED,
    note="In force from 1/1/2024. Điều 80 does not cover Bằng khen; the article that "
    "does was not checked against the text.",
)
LAW_2022_ART_80_2 = Source(
    text="Luật Thi đua, khen thưởng số 06/2022/QH15",
    cited="Luật Thi đua, khen thưởng ngày 15/6/2022",
    provision="Điều 80 khoản 2",
    note="Chủ tịch UBND cấp huyện: “Thôn, tổ dân phố văn hóa”, Tập thể lao động tiên "
    "tiến, Chiến sĩ thi đua cơ sở, Lao động tiên tiến, Giấy khen.",
)
LAW_2022_ART_80_3 = Source(
    text="Luật Thi đua, khen thưởng số 06/2022/QH15",
    cited="Luật Thi đua, khen thưởng ngày 15/6/2022",
    provision="Điều 80 khoản 3",
    note="Chủ tịch UBND cấp xã: Lao động tiên tiến, Giấy khen, “Gia đình văn hóa”.",
)
ND_129_2025 = Source(
    text="Nghị định số 129/2025/NĐ-CP",
    checked=Checked.SECONDARY,
    note="From 1/7/2025 the chair of a commune's UBND exercises the district chair's "
    "powers under Điều 80 of the 2022 law: known from a news report, not the decree's text.",
)
ND_122_2018 = Source(
    text="Nghị định số 122/2018/NĐ-CP ngày 17/9/2018",
    checked=Checked.UNVERIFIED,
    note="The decree and its date are known; its article on who confers each cultural "
    "title, and its entry into force on 1/11/2018, were not checked against the text.",
)
ND_86_2023 = Source(
    text="Nghị định số 86/2023/NĐ-CP",
    checked=Checked.UNVERIFIED,
    note="In force from 30/1/2024, replacing Nghị định 122/2018 (checked). Who confers "
    "“Xã, phường, thị trấn tiêu biểu” was not verified.",
)
TT_12_2011 = Source(
    text="Thông tư số 12/2011/TT-BVHTTDL",
    checked=Checked.UNVERIFIED,
    note="The cultural titles before Nghị định 122/2018: recognised by the commune chair "
    "(“Gia đình văn hóa”) and the district chair (“Thôn văn hóa”, “Tổ dân phố văn hóa”) "
    "in the practice of that time; the circular's articles were not checked.",
)
ND_30_2020 = Source(
    text="Nghị định số 30/2020/NĐ-CP ngày 05/3/2020",
    provision="Phụ lục I, mục II khoản 9 (Nơi nhận)",
    checked=Checked.UNVERIFIED,
    note="In force from its date. “Lưu: VT, <đơn vị soạn thảo>” is the form of the "
    "decree's models; the clause number was not checked against the text.",
)
TT_01_2011 = Source(
    text="Thông tư số 01/2011/TT-BNV",
    checked=Checked.UNVERIFIED,
    note="The form before Nghị định 30/2020: “Lưu: VT” or, in the practice of that time, "
    "“Lưu: Văn thư”, then the drafting unit; the circular's article was not checked.",
)
ND_30_2020_KINDS = Source(
    text="Nghị định số 30/2020/NĐ-CP ngày 05/3/2020",
    provision="Phụ lục III (chữ viết tắt tên loại văn bản)",
    checked=Checked.UNVERIFIED,
    note="The abbreviations of the kinds of document (KH, BC, QĐ, TTr, GM, TB, HD, CTr "
    "…) and that a công văn has none; the appendix's rows were not checked one by one.",
)
PRACTICE = Source(
    text="practice",
    checked=Checked.SECONDARY,
    note="Tuyên dương and biểu dương are recognitions outside the forms of Luật Thi đua, "
    "khen thưởng; any body may give them to its own.",
)
