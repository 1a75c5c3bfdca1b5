"""The built-in national defaults, registered as a plugin like any province's.

It provides the national template ``ke-hoach`` (chosen last, when no plugin
chooses another), the movement "Toàn dân đoàn kết xây dựng đời sống văn hóa"
in common national wording, and the starter plan of ``phongtrao new``.

Values the user must supply are written as placeholders between « and »
(``«Họ và tên người ký»``); :func:`phongtrao.check` reports each one that is
left (code ``placeholder``), so ``phongtrao validate`` names them until they
are filled.
"""

from __future__ import annotations

import datetime

from phongtrao._templates import BUILTIN, builtin_template
from phongtrao.hookspecs import Catalog, LintRule, TemplateSpec, hookimpl
from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Assessment,
    AwardForm,
    Awards,
    CatalogItem,
    Document,
    DocumentKind,
    DocumentNumber,
    FundingSource,
    LegalBasis,
    Level,
    Milestone,
    Modality,
    Movement,
    Orientation,
    PartialDate,
    Pending,
    Period,
    Plan,
    RecipientKind,
    Responsibility,
    Signature,
    SignMode,
    Topic,
    UnitKind,
    Window,
)
from phongtrao.model._units import REFORM_DATE
from phongtrao.vi import split_unit_name

__all__ = [
    "TDDKXDDSVH",
    "phongtrao_catalog",
    "phongtrao_choose_template",
    "phongtrao_new_plan",
    "phongtrao_templates",
    "split_unit",
    "starter_plan",
    "summary_period",
]

#: The movement "Toàn dân đoàn kết xây dựng đời sống văn hóa", in common national wording.
TDDKXDDSVH = Movement(
    name="Toàn dân đoàn kết xây dựng đời sống văn hóa",
    abbreviation="TDĐKXDĐSVH",
    start_year=2000,
    contents=(
        CatalogItem(id="tu-tuong-chinh-tri", text="Xây dựng tư tưởng chính trị lành mạnh"),
        CatalogItem(
            id="nep-song-van-minh",
            text="Xây dựng nếp sống văn minh, kỷ cương xã hội; sống và làm việc theo Hiến pháp "
            "và pháp luật",
        ),
        CatalogItem(
            id="phat-trien-kinh-te",
            text="Phát triển kinh tế, giúp nhau giảm nghèo, làm giàu chính đáng",
        ),
        CatalogItem(id="moi-truong-van-hoa", text="Xây dựng môi trường văn hóa sạch, đẹp, an toàn"),
        CatalogItem(id="thiet-che-van-hoa", text="Xây dựng thiết chế văn hóa, thể thao cơ sở"),
    ),
    campaigns=(
        CatalogItem(id="gia-dinh-van-hoa", text="Phong trào xây dựng gia đình văn hóa"),
        CatalogItem(
            id="nong-thon-moi-do-thi-van-minh",
            text="Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
        ),
        CatalogItem(id="thon-van-hoa", text="Phong trào xây dựng thôn, tổ dân phố văn hóa"),
        CatalogItem(
            id="co-quan-van-hoa",
            text="Phong trào xây dựng cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa",
        ),
        CatalogItem(
            id="ren-luyen-than-the",
            text="Cuộc vận động “Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại”",
        ),
        CatalogItem(id="lao-dong-sang-tao", text="Phong trào thi đua lao động sáng tạo"),
        CatalogItem(id="nguoi-tot-viec-tot", text="Phong trào “Người tốt, việc tốt”"),
    ),
)

_KINDS = {Level.XA: UnitKind.XA, Level.HUYEN: UnitKind.HUYEN, Level.TINH: UnitKind.TINH}


def split_unit(level: Level, text: str) -> tuple[UnitKind, str]:
    """Split "phường Bến Thành" into its kind and name; a bare name takes the level's kind.

    Raises:
        ValueError: when the generic noun does not fit the level (a "xã" at tỉnh level).
    """
    kind_key, name, _ = split_unit_name(text)
    if kind_key is None:
        return _KINDS[level], name
    kind = UnitKind(kind_key)
    if level not in kind.levels:
        raise ValueError(
            f"a {kind.vi} is not at level {level.value!r}; expected a unit of "
            f"level {level.value}"
        )
    return kind, name


#: Years between two summaries of a movement: 10 years in 2010, 15 in 2015, 20 in 2020.
SUMMARY_STEP = 5


def summary_period(movement: Movement, year: int) -> Period:
    """The years a summary held in ``year`` sums up: from the movement's start to its last mark.

    Summaries come at 5-year marks from the movement's start: a plan of 2021
    sums up 2000-2020 (the 20-year summary), one of 2025 sums up 2000-2025.

    Raises:
        ValueError: when ``year`` is before the movement's first mark.
    """
    start = movement.start_year
    marks = (year - start) // SUMMARY_STEP
    if marks < 1:
        raise ValueError(f"the movement started in {start}; its first summary, of "
                         f"{SUMMARY_STEP} years, is in {start + SUMMARY_STEP}, not {year}")
    return Period(start=start, end=start + marks * SUMMARY_STEP)


def _tier(unit: AdministrativeUnit) -> str:
    """The unit's own tier as its plan names it: "cấp phường", "cấp thị trấn", "cấp tỉnh"."""
    return f"cấp {unit.kind.vi}"


def starter_plan(
    level: Level,
    unit: str | AdministrativeUnit | None = None,
    year: int | None = None,
    movement: Movement = TDDKXDDSVH,
) -> Plan:
    """A starter plan for a summary conference of TDĐKXDĐSVH at ``level``.

    Args:
        level: the issuer's level: xã, huyện (only for years up to 2025) or tỉnh.
        unit: the unit: its name as given (not looked up), or a unit the unit
            registry found (``Plugins.units``), with its official name, kind and
            code; a placeholder when not given. ``Plugins.new_plan`` looks the
            name up first.
        year: the plan's year; this year by default. The period summarised runs
            from the movement's start to its last 5-year mark (2000-2020 in
            2021, 2000-2025 in 2025).
        movement: the movement summarised.

    Raises:
        ValueError: for a district level after the 2025 reform, the central level, a unit
            at another level, or a year before the movement's first summary.
    """
    if level not in _KINDS:
        raise ValueError(f"no starter plan for level {level.value!r}; expected xa, huyen or tinh")
    year = datetime.date.today().year if year is None else year
    if not 1 <= year <= 9999:
        raise ValueError(f"the year must be 1-9999, got {year}; expected 1-9999, such as 2025")
    if level is Level.HUYEN and year > REFORM_DATE.year:
        raise ValueError(
            f"districts ceased to operate after {REFORM_DATE.isoformat()}; a {year} plan is "
            "issued by a xã/phường (--level xa) or a tỉnh (--level tinh)"
        )
    if isinstance(unit, AdministrativeUnit):
        if unit.level is not level:
            raise ValueError(f"{unit.full_name} is at level {unit.level.value!r}, not "
                             f"{level.value!r}; expected a unit of level {level.value}")
        kind, name = unit.kind, unit.name
    else:
        kind, name = split_unit(level, unit) if unit else (_KINDS[level], "«Tên đơn vị»")
    period = summary_period(movement, year)
    years = period.end - period.start
    unit_model = (unit if isinstance(unit, AdministrativeUnit)
                  else AdministrativeUnit(name=name, level=level, kind=kind))
    place = f"{kind.vi} {name}"
    summary = f"tổng kết {years} năm thực hiện Phong trào “{movement.name}”"
    schedule = []
    if level is not Level.XA:  # the communes hold theirs first
        schedule.append(Milestone(
            level=Level.XA, title="Hội nghị tổng kết cấp xã",
            window=Window(start=PartialDate(year=year)), modality=Modality.DU_KIEN,
            note="«Thời gian tổ chức cấp xã»",
        ))
    schedule.append(Milestone(
        level=level, title=f"Hội nghị tổng kết {_tier(unit_model)}",
        window=Window(start=PartialDate(year=year)), modality=Modality.DU_KIEN,
    ))
    return Plan(
        issuer=Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=unit_model,
                      collective=True),
        document=Document(kind=DocumentKind.KH, number=DocumentNumber(symbol="KH-UBND"),
                          date=PartialDate(year=year)),
        title=f"Hội nghị {summary} {place} (giai đoạn {period.start}-{period.end})",
        movement=movement,
        period=period,
        bases=(LegalBasis(kind=DocumentKind.KH, number=Pending("«Số, ký hiệu kế hoạch cấp trên»"),
                          date=Pending("«Ngày ban hành kế hoạch cấp trên»"),
                          issuer="«Cơ quan cấp trên»",
                          subject=f"tổ chức Hội nghị {summary} «Tên đơn vị cấp trên»"),),
        introduction=f"Ủy ban nhân dân {kind.vi} ban hành Kế hoạch tổ chức Hội nghị {summary}, "
        "cụ thể như sau:",
        purposes=(
            (
                f"Đánh giá công tác chỉ đạo, triển khai và kết quả đạt được sau {years} năm "
                "thực hiện Phong trào; chỉ ra những tồn tại, hạn chế, rút ra bài học kinh "
                "nghiệm và đề ra giải pháp nâng cao chất lượng Phong trào trong thời gian tới."
            ),
            (
                "Biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong "
                "thực hiện Phong trào."
            ),
        ),
        requirements=(
            (
                "Việc tổng kết được tiến hành từ cơ sở, bảo đảm đúng tiến độ, thiết thực, hiệu "
                "quả, tiết kiệm; đánh giá đúng thực tế của Phong trào."
            ),
        ),
        assessment=Assessment(
            direction=Topic(
                heading="Đánh giá công tác chỉ đạo, triển khai thực hiện Phong trào",
                items=("«Nội dung đánh giá công tác chỉ đạo»",),
            ),
            impact=(
                "Đánh giá tác động, sức lan tỏa của Phong trào đối với đời sống của Nhân dân.",
            ),
            shortcomings=Topic(heading="Đánh giá những tồn tại, hạn chế và nguyên nhân",
                               items=("«Tồn tại, hạn chế»",)),
            lessons=Topic(heading="Bài học kinh nghiệm", items=("«Bài học kinh nghiệm»",)),
        ),
        orientation=Orientation(
            period=Period(start=period.end + 1, end=period.end + 5),
            items=("«Định hướng, mục tiêu giai đoạn tới»",),
        ),
        awards=Awards(
            lead="«Cơ quan thường trực Ban Chỉ đạo»",
            recipients=(RecipientKind.TAP_THE, RecipientKind.CA_NHAN),
            criteria=f"có thành tích xuất sắc trong {years} năm thực hiện Phong trào",
        ),
        schedule=tuple(schedule),
        funding=(FundingSource(source="ngân sách nhà nước theo phân cấp"),),
        responsibilities=(
            Responsibility(unit="«Cơ quan thường trực Ban Chỉ đạo»",
                           duties=("«Nhiệm vụ»",)),
            Responsibility(unit=f"Ủy ban Mặt trận Tổ quốc Việt Nam {kind.vi}", requested=True,
                           duties=("Phối hợp chỉ đạo, triển khai thực hiện Kế hoạch.",)),
        ),
        closing="Trên đây là Kế hoạch tổ chức Hội nghị tổng kết Phong trào; đề nghị các cơ "
        "quan, đơn vị liên quan triển khai thực hiện.",
        recipients=("«Cơ quan cấp trên»", "«Các cơ quan, đơn vị liên quan»", "Lưu: VT"),
        signature=Signature(on_behalf_of="Ủy ban nhân dân", mode=SignMode.KT, head="Chủ tịch",
                            title="Phó Chủ tịch", signer="«Họ và tên người ký»"),
    )


_DESCRIPTIONS = {
    "ke-hoach": "Kế hoạch theo Nghị định 30/2020/NĐ-CP (mẫu quốc gia)",
    "de-cuong": "Hướng dẫn đề cương báo cáo (mẫu quốc gia)",
    "giay-moi": "Giấy mời, kèm chương trình hội nghị (mẫu quốc gia)",
    "chuong-trinh": "Chương trình hội nghị (mẫu quốc gia)",
    "to-trinh": "Tờ trình đề nghị khen thưởng, kèm danh sách (mẫu quốc gia)",
    "quyet-dinh": "Quyết định khen thưởng, kèm danh sách (mẫu quốc gia)",
    "bao-cao": "Báo cáo tổng kết (mẫu quốc gia)",
    "cong-van": "Công văn (mẫu quốc gia)",
    "quyet-dinh-ban-hanh": "Quyết định ban hành Kế hoạch (mẫu quốc gia)",
    "phu-luc": "Phụ lục gửi kèm một văn bản, in riêng (mẫu quốc gia)",
}


@hookimpl(trylast=True)
def phongtrao_templates() -> list[TemplateSpec]:
    """The national templates of Nghị định 30/2020/NĐ-CP, one a kind of document."""
    return [
        TemplateSpec(name=name, file=builtin_template(name), kind=DocumentKind(kind),
                     priority=-1000, description=_DESCRIPTIONS[name])
        for name, kind in BUILTIN.items()
    ]


@hookimpl(trylast=True)
def phongtrao_choose_template() -> str:
    """The national template, when no plugin chooses another."""
    return "ke-hoach"


@hookimpl(trylast=True)
def phongtrao_catalog() -> Catalog:
    """The movement TDĐKXDĐSVH and the national award forms."""
    return Catalog(movements=(TDDKXDDSVH,), award_forms=tuple(AwardForm))


@hookimpl(trylast=True)
def phongtrao_lint_rules() -> tuple[LintRule, ...]:
    """The format rules of Nghị định 30/2020/NĐ-CP (docs/lint-rules.md)."""
    from phongtrao._lint.rules import RULES  # deferred: only linting needs the rule table

    return RULES


@hookimpl(trylast=True)
def phongtrao_new_plan(level: Level, unit: str | None, year: int, movement: Movement,
                       registered: AdministrativeUnit | None) -> Plan:
    """The national starter plan, for any unit: the registry's, when it found one."""
    return starter_plan(level, registered or unit, year, movement)
