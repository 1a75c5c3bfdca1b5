"""Starter plans of huyện Cẩm Xuyên and its communes for the 20-year summary (2000-2020).

The district's plan is the seed (the plan of UBND huyện Cẩm Xuyên, 2021) in its
own wording and structure, with its typing slips mended ("phòngVăn hóa -Thông
tin", "Lưu:VT"). A commune's plan is the one the seed orders the communes to
make: the same structure and wording brought down to the commune, based on the
province's Kế hoạch 03/KH-UBND and on the district's plan, with its conference
inside the district's window (02/2021-4/2021) and its report going up to the
Phòng Văn hóa - Thông tin of the district.

Nothing is invented: the plans have no number (``/KH-UBND``), only the year as
their date, and every value only their issuer knows (the signer, the number and
date of the district's plan, the commune's standing office) is a «…»
placeholder that :func:`phongtrao.check` reports until it is filled in.
"""

from __future__ import annotations

from phongtrao.model import (
    AdministrativeUnit,
    Agency,
    Assessment,
    Awards,
    Document,
    DocumentKind,
    DocumentNumber,
    FundingSource,
    LegalBasis,
    Level,
    Milestone,
    Modality,
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
)
from phongtrao_hatinh.catalog import (
    COMMUNE_WINDOW,
    DISTRICT,
    DISTRICT_CONFERENCE,
    MOVEMENT,
    PROVINCIAL_PLAN,
    RECIPIENTS,
)

__all__ = ["PERIOD", "YEAR", "commune_plan", "district_plan"]

#: The year the plans were made, and the period they summarise.
YEAR = 2021
PERIOD = Period(start=2000, end=2020)

#: The signer: only the issuer knows who signs.
SIGNER = "«Họ và tên người ký»"

_NAME = f"“{MOVEMENT.name}”"
_SUMMARY = f"tổng kết {PERIOD.years} năm thực hiện Phong trào"
_SPAN = f"giai đoạn {PERIOD.start}-{PERIOD.end}"


def _title(unit: AdministrativeUnit) -> str:
    return f"Hội nghị {_SUMMARY} {_NAME} {unit.full_name} ({_SPAN})"


def _introduction(unit: AdministrativeUnit) -> str:
    return (
        f"Ủy ban nhân dân {unit.kind.vi} ban hành Kế hoạch tổ chức hội nghị {_SUMMARY} "
        f"{_SPAN} {unit.full_name}, cụ thể như sau:"
    )


_PURPOSES = (
    (
        f"Đánh giá công tác chỉ đạo, triển khai và kết quả đạt được sau {PERIOD.years} năm thực "
        "hiện Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hoá”; Ý nghĩa tác động và sự "
        "lan tỏa của phong trào trong thời gian qua, chỉ ra những tồn tại, hạn chế, rút ra những "
        "bài học kinh nghiệm và đề ra giải pháp đẩy mạnh nâng cao chất lượng phong trào trong "
        "những năm tiếp theo."
    ),
    (
        "Động viên, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong thực "
        "hiện phong trào."
    ),
)

_REQUIREMENTS = (
    (
        "Việc tổng kết phải tiến hành từ cơ sở, đảm bảo đúng tiến độ; báo cáo khoa học, ngắn gọn, "
        "đầy đủ, đánh giá đúng tình hình thực tế của phong trào."
    ),
    (
        "Tổ chức hội nghị trên tinh thần đúng mục đích, đảm bảo hiệu quả, thiết thực, tiết kiệm, "
        "thu hút sự quan tâm của mọi tầng lớp nhân dân."
    ),
)


def _assessment(unit: AdministrativeUnit) -> Assessment:
    if unit.level is Level.HUYEN:
        documents = "của Trung ương, của tỉnh, của huyện"
        committee = "Ban chỉ đạo cấp huyện và cấp xã, thị trấn"
    else:
        documents = f"của Trung ương, của tỉnh, của huyện, của {unit.kind.vi}"
        committee = f"Ban chỉ đạo {unit.kind.vi}"
    years = f"{PERIOD.years} năm"
    return Assessment(
        direction=Topic(
            heading="Đánh giá công tác chỉ đạo triển khai thực hiện Phong trào",
            items=(
                (
                    "Công tác ban hành văn bản chỉ đạo, hướng dẫn triển khai thực hiện các văn "
                    f"bản {documents} về thực hiện phong trào trong {years} qua "
                    f"({PERIOD.start}-{PERIOD.end}). Các hoạt động phối hợp triển khai thực hiện "
                    "phong trào."
                ),
                (
                    "Việc đầu tư ngân sách nhà nước và thực hiện chính sách xã hội hóa trong "
                    "triển khai thực hiện phong trào."
                ),
                f"Công tác kiện toàn tổ chức và thực hiện Quy chế làm việc của {committee}.",
                (
                    "Các hoạt động tuyên truyền, vận động quần chúng nhân dân tham gia hưởng ứng "
                    "thực hiện phong trào; hoạt động chỉ đạo và triển khai thực hiện việc nâng "
                    "cao chất lượng phong trào."
                ),
                (
                    "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện của cấp ủy đảng, chính quyền, "
                    "sự phối hợp của các cơ quan, ban ngành, đoàn thể."
                ),
                (
                    f"Nhận thức về phong trào; mức hưởng thụ văn hóa của nhân dân trong {years} "
                    "thực hiện phong trào."
                ),
                (
                    "Kết quả huy động hệ thống chính trị và xã hội tham gia xây dựng và phát "
                    "triển văn hóa nói chung, phong trào TDĐKXDĐSVH nói riêng."
                ),
                (
                    "Hiệu quả thực hiện các mục tiêu, chỉ tiêu và các nội dung văn hóa trong "
                    "phong trào “TDĐKXDĐSVH” có tác động đến phát triển kinh tế - xã hội."
                ),
            ),
        ),
        impact=(
            (
                "Đánh giá tác động, sức lan tỏa của phong trào đối với hiệu quả về kinh tế, văn "
                "hóa xã hội, quốc phòng - an ninh và xây dựng hệ thống chính trị tại các cơ sở và "
                "đối với mọi mặt đời sống của nhân dân."
            ),
            (
                "Những mặt hạn chế, những bài học kinh nghiệm về công tác chỉ đạo, phối hợp triển "
                "khai thực hiện, nội dung lồng ghép các hoạt động, công tác tuyên truyền, vận "
                "động để tập hợp đông đảo các tầng lớp nhân dân tham gia thực hiện phong trào...."
            ),
        ),
        shortcomings=Topic(
            heading="Đánh giá những tồn tại, hạn chế",
            items=(
                (
                    "Công tác chỉ đạo và triển khai thực hiện phong trào ở các cấp, các ngành, "
                    "đoàn thể."
                ),
                "Sự tham gia thực hiện phong trào của các tầng lớp nhân dân ở cơ sở.",
                (
                    "Phát triển của phong trào về bề rộng, chiều sâu, bền vững, đồng đều và chất "
                    "lượng."
                ),
                (
                    "Tác động hiệu quả của phong trào đến thực hiện các nhiệm vụ chính trị, kinh "
                    "tế và văn hóa - xã hội."
                ),
            ),
        ),
        lessons=Topic(
            heading="Bài học kinh nghiệm",
            items=(
                "Sự lãnh đạo, chỉ đạo, tổ chức triển khai thực hiện phong trào.",
                "Phát huy ý thức chủ động, tích cực và vai trò tự quản cộng đồng.",
                "Cơ chế phối hợp và phát huy sức mạnh tổng hợp của các lực lượng.",
                "Nâng cao chất lượng, hiệu quả của phong trào.",
                "Tăng cường nguồn lực, xây dựng và phát triển phong trào bền vững.",
            ),
        ),
    )


_ORIENTATION = Orientation(
    period=Period(start=PERIOD.end + 1, end=PERIOD.end + 5),
    items=(
        "Công tác chỉ đạo triển khai thực hiện phong trào TDĐKXDĐSVH.",
        (
            "Nhiệm vụ, giải pháp cơ bản của địa phương trong việc tiếp tục thực hiện và nâng cao "
            "chất lượng, hiệu quả thực hiện phong trào."
        ),
        "Triển khai thực hiện tốt 5 nội dung, 7 phong trào trong phong trào “TDĐKXDĐSVH”.",
        "Tổ chức đăng ký, bình xét danh hiệu văn hóa hàng năm.",
        "Tuyên dương, biểu dương khen thưởng và nhân rộng điển hình tiên tiến.",
        "Tổ chức tốt các hoạt động tuyên truyền và các phong trào thi đua.",
        "Xây dựng các chỉ tiêu chủ yếu để triển khai thực hiện.",
    ),
)

_CRITERIA = (
    f"có thành tích xuất sắc trong {PERIOD.years} năm thực hiện phong trào {_NAME} "
    f"giai đoạn {PERIOD.start} - {PERIOD.end}"
)
_FUNDING = (FundingSource(source="ngân sách nhà nước theo phân cấp"),)
_CULTURE_OFFICE = "Phòng Văn hóa - Thông tin"
_COMMUNE_CONFERENCE = "Hội nghị Tổng kết cấp xã"
_DISTRICT_CONFERENCE = "Hội nghị Tổng kết cấp huyện"
_AFTER = f"trước, trong và sau Hội nghị {_SUMMARY} {_NAME}"


def _issuer(unit: AdministrativeUnit) -> Agency:
    return Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=unit, collective=True)


def _document() -> Document:
    """No number yet and only the year: the issuer assigns both when it signs."""
    return Document(
        kind=DocumentKind.KH,
        number=DocumentNumber(symbol="KH-UBND"),
        date=PartialDate(year=YEAR),
    )


def _signature() -> Signature:
    return Signature(on_behalf_of="Ủy ban nhân dân", mode=SignMode.KT, head="Chủ tịch",
                     title="Phó Chủ tịch", signer=SIGNER)


def district_plan() -> Plan:
    """The plan of UBND huyện Cẩm Xuyên for its 20-year summary, as the seed has it."""
    unit = DISTRICT
    return Plan(
        issuer=_issuer(unit),
        document=_document(),
        title=_title(unit),
        movement=MOVEMENT,
        period=PERIOD,
        bases=(PROVINCIAL_PLAN,),
        introduction=_introduction(unit),
        purposes=_PURPOSES,
        requirements=_REQUIREMENTS,
        assessment=_assessment(unit),
        orientation=_ORIENTATION,
        awards=Awards(
            lead=_CULTURE_OFFICE,
            coordinators=("Phòng Nội vụ (Ban Thi đua - Khen thưởng huyện)",),
            recipients=(RecipientKind.TAP_THE, RecipientKind.CA_NHAN),
            criteria=_CRITERIA,
        ),
        schedule=(
            Milestone(level=Level.XA, title=_COMMUNE_CONFERENCE, window=COMMUNE_WINDOW,
                      modality=Modality.CO_THE, note="Tùy tình hình cụ thể"),
            Milestone(level=Level.HUYEN, title=_DISTRICT_CONFERENCE, window=DISTRICT_CONFERENCE,
                      modality=Modality.DU_KIEN),
        ),
        funding=_FUNDING,
        responsibilities=(
            Responsibility(
                unit=_CULTURE_OFFICE,
                duties=(
                    (
                        "Chịu trách nhiệm chuẩn bị nội dung, chương trình, dự thảo Báo cáo Tổng "
                        "kết, dự kiến đại biểu mời tham dự, dự thảo Giấy mời, các điều kiện đảm "
                        "bảo phục vụ Hội nghị cấp huyện. Phối hợp với Trung tâm Văn hóa - Truyền "
                        "thông và các địa phương tổ chức các hoạt động tuyên truyền một cách sâu "
                        "rộng."
                    ),
                    (
                        "Chủ trì phối hợp với Phòng Nội vụ (Ban Thi đua - Khen thưởng huyện) "
                        "hướng dẫn lập hồ sơ, đề nghị Chủ tịch UBND huyện tặng Giấy khen cho các "
                        "tập thể và cá nhân có thành tích tiêu biểu, xuất sắc trong "
                        f"{PERIOD.years} năm thực hiện Phong trào."
                    ),
                    (
                        "Hướng dẫn UBND các xã tổ chức tuyên truyền các hoạt động Phong trào; chỉ "
                        "đạo xây dựng chương trình nghệ thuật phục vụ hội nghị; tuyệt đối đảm bảo "
                        "công tác phòng, chống dịch Covid-19."
                    ),
                    (
                        "Dự kiến, hướng dẫn các đơn vị về chủ đề, nội dung tham luận đảm bảo chất "
                        "lượng; chịu trách nhiệm duyệt nội dung tham luận."
                    ),
                    (
                        "Phối hợp với Phòng Y tế đảm bảo công tác phòng, chống dịch Covid-19 tại "
                        "Hội nghị tổng kết cấp huyện."
                    ),
                ),
            ),
            Responsibility(
                unit="Ủy ban Mặt trận Tổ quốc huyện",
                requested=True,
                duties=(
                    (
                        f"Phối hợp với {_CULTURE_OFFICE} chỉ đạo các đơn vị địa phương triển khai "
                        "thực hiện các nội dung của Kế hoạch."
                    ),
                ),
            ),
            Responsibility(
                unit="Trung tâm Văn hóa - Truyền thông",
                duties=(
                    (
                        f"Phối hợp với {_CULTURE_OFFICE} tổ chức tuyên truyền sâu rộng về kết quả "
                        f"{PERIOD.years} năm thực hiện Phong trào {_NAME} và tuyên truyền trước, "
                        f"trong, sau Hội nghị {_SUMMARY} {_NAME}."
                    ),
                ),
            ),
            Responsibility(
                unit="Các ban, ngành thành viên Ban chỉ đạo",
                duties=(
                    (
                        f"Căn cứ chức năng, nhiệm vụ, phối hợp với {_CULTURE_OFFICE} triển khai "
                        f"các hoạt động {_AFTER}."
                    ),
                ),
            ),
            Responsibility(
                unit="Ban Chỉ đạo phong trào các xã, thị trấn",
                duties=(
                    (
                        f"Chỉ đạo, hướng dẫn đơn vị tổ chức tổng kết {PERIOD.years} năm thực hiện "
                        "phong trào theo Kế hoạch của Ủy ban nhân dân huyện."
                    ),
                    (
                        f"Báo cáo kết quả {PERIOD.years} năm thực hiện phong trào gửi "
                        f"{_CULTURE_OFFICE}, thường trực Ban chỉ đạo cấp huyện để tổng hợp báo cáo "
                        "chung."
                    ),
                    (
                        "Chỉ đạo, hướng dẫn đơn vị tổ chức bình xét và đề xuất khen thưởng đảm "
                        "bảo đúng tiêu chuẩn, điều kiện, đối tượng theo hướng dẫn."
                    ),
                    (
                        f"Chỉ đạo tổ chức công tác tuyên truyền tổng kết {PERIOD.years} năm thực "
                        "hiện phong trào tại địa phương."
                    ),
                ),
            ),
        ),
        closing=(
            f"Trên đây là Kế hoạch hội nghị {_SUMMARY} {_SPAN} {unit.full_name}, yêu cầu các "
            "ban, ngành, cơ quan, đơn vị và Ban chỉ đạo Phong trào TDĐKXDĐSVH các xã, thị trấn "
            "tổ chức triển khai thực hiện. Trong quá trình tổ chức thực hiện, nếu có khó khăn, "
            "vướng mắc đề nghị phản ánh về Ủy ban nhân dân huyện (qua Phòng Văn hóa - Thông "
            "tin) để được hướng dẫn."
        ),
        recipients=RECIPIENTS,
        signature=_signature(),
    )


def _villages(unit: AdministrativeUnit) -> str:
    """The units under a commune: the thôn of a xã, the tổ dân phố of a thị trấn."""
    return "các tổ dân phố" if unit.kind is UnitKind.THI_TRAN else "các thôn"


def commune_plan(unit: AdministrativeUnit) -> Plan:
    """The plan of the Ủy ban nhân dân of a commune of huyện Cẩm Xuyên, as the seed orders it.

    Args:
        unit: one of :data:`phongtrao_hatinh.catalog.COMMUNES`.
    """
    noun = unit.kind.vi
    villages = _villages(unit)
    # The commune's standing office of its Ban Chỉ đạo: the commune decides which it is.
    office = f"«Bộ phận thường trực Ban Chỉ đạo {noun}»"
    district_plan_basis = LegalBasis(
        kind=DocumentKind.KH,
        number=Pending("«Số, ký hiệu Kế hoạch của UBND huyện»"),
        date=Pending("«Ngày ban hành Kế hoạch của UBND huyện»"),
        issuer="UBND huyện",
        subject=f"tổ chức Hội nghị {_SUMMARY} {_NAME} {DISTRICT.full_name} ({_SPAN})",
    )
    return Plan(
        issuer=_issuer(unit),
        document=_document(),
        title=_title(unit),
        movement=MOVEMENT,
        period=PERIOD,
        bases=(PROVINCIAL_PLAN, district_plan_basis),
        introduction=_introduction(unit),
        purposes=_PURPOSES,
        requirements=_REQUIREMENTS,
        assessment=_assessment(unit),
        orientation=_ORIENTATION,
        awards=Awards(
            lead=office,
            recipients=(RecipientKind.TAP_THE, RecipientKind.CA_NHAN),
            criteria=_CRITERIA,
        ),
        schedule=(
            Milestone(level=Level.XA, title=_COMMUNE_CONFERENCE, window=COMMUNE_WINDOW,
                      modality=Modality.DU_KIEN),
            Milestone(level=Level.HUYEN, title=_DISTRICT_CONFERENCE, window=DISTRICT_CONFERENCE,
                      modality=Modality.DU_KIEN),
        ),
        funding=_FUNDING,
        responsibilities=(
            Responsibility(
                unit=office,
                duties=(
                    (
                        "Chịu trách nhiệm chuẩn bị nội dung, chương trình, dự thảo Báo cáo Tổng "
                        "kết, dự kiến đại biểu mời tham dự, dự thảo Giấy mời, các điều kiện đảm "
                        "bảo phục vụ Hội nghị cấp xã; tuyệt đối đảm bảo công tác phòng, chống "
                        "dịch Covid-19."
                    ),
                    (
                        f"Hướng dẫn lập hồ sơ, đề nghị Chủ tịch UBND {noun} tặng Giấy khen cho các "
                        "tập thể và cá nhân có thành tích tiêu biểu, xuất sắc trong "
                        f"{PERIOD.years} năm thực hiện Phong trào, đảm bảo đúng tiêu chuẩn, điều "
                        "kiện, đối tượng theo hướng dẫn."
                    ),
                    (
                        f"Báo cáo kết quả {PERIOD.years} năm thực hiện phong trào gửi "
                        f"{_CULTURE_OFFICE} huyện, thường trực Ban chỉ đạo cấp huyện để tổng hợp "
                        "báo cáo chung."
                    ),
                ),
            ),
            Responsibility(
                unit=f"Ủy ban Mặt trận Tổ quốc {noun}",
                requested=True,
                duties=(
                    (
                        f"Phối hợp chỉ đạo {villages} triển khai thực hiện các nội dung của Kế "
                        "hoạch."
                    ),
                ),
            ),
            Responsibility(
                unit="Các ban, ngành thành viên Ban chỉ đạo",
                duties=(
                    (
                        f"Căn cứ chức năng, nhiệm vụ, phối hợp triển khai các hoạt động {_AFTER}."
                    ),
                ),
            ),
            Responsibility(
                unit=villages[0].upper() + villages[1:],
                duties=(
                    (
                        f"Tổ chức công tác tuyên truyền tổng kết {PERIOD.years} năm thực hiện "
                        "phong trào tại địa phương."
                    ),
                ),
            ),
        ),
        closing=(
            f"Trên đây là Kế hoạch hội nghị {_SUMMARY} {_SPAN} {unit.full_name}, yêu cầu các "
            f"ban, ngành, đoàn thể, Ban chỉ đạo Phong trào TDĐKXDĐSVH {noun} và {villages} tổ "
            "chức triển khai thực hiện. Trong quá trình tổ chức thực hiện, nếu có khó khăn, "
            f"vướng mắc đề nghị phản ánh về Ủy ban nhân dân {noun} (qua {office}) để được "
            "hướng dẫn."
        ),
        recipients=(
            f"{_CULTURE_OFFICE} huyện",
            f"Chủ tịch, các PCT UBND {noun}",
            f"Các ban, ngành, đoàn thể {noun}",
            villages[0].upper() + villages[1:],
            "Lưu: VT",
        ),
        signature=_signature(),
    )
