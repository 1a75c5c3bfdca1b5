"""Reference data of Hà Tĩnh as it stood in 2021: units, agencies, the movement, recipients.

Everything here is data, taken from a named source; the hooks in
:mod:`phongtrao_hatinh.plugin` only hand it to phongtrao.

- Units: tỉnh Hà Tĩnh, huyện Cẩm Xuyên and its 23 commune-level units of 2021
  with their official codes. Source: the PyPI package ``vietnam-provinces``
  0.3.0 (tagged 2021-02-03), built from the list of the General Statistics
  Office exported on 2021-02-03 (``dev/seed-data/Xa_2021-02-03.csv`` of its
  repository, github.com/sunshine-tech/VietnamProvinces). That list spells
  code 18691 "Xã Cẩm Vĩnh"; the GSO list of 2025-01-04 (vietnam-provinces
  0.6.0) and later ones spell it "Cẩm Vịnh", as this catalog does. By
  2025-01-04 xã Cẩm Bình and xã Cẩm Vịnh had moved to thành phố Hà Tĩnh
  (vietnam-provinces 0.6.0 lists 21 units under Cẩm Xuyên); the day they moved
  is not in these sources. Districts ceased to operate and thị trấn ceased to
  exist on 2025-07-01, so the district and its communes end on 2025-06-30; the
  province goes on under the same code. The units are given to phongtrao's
  unit registry as rows (``UNIT_RECORDS``) with their district and province.
- Agencies, the movement's wording, the recipients and the award forms: the plan
  of UBND huyện Cẩm Xuyên of 2021 (the seed ``ke-hoach-cam-xuyen-2021.txt``,
  transcribed as ``examples/cam-xuyen-2021/plan.yaml`` of phongtrao).
- The provincial plan the district's plan is based on: Kế hoạch 03/KH-UBND of
  05/01/2021 of UBND tỉnh Hà Tĩnh, as the seed cites it.
"""

from __future__ import annotations

import datetime

from phongtrao.hookspecs import Catalog, UnitRecord
from phongtrao.model import (
    REFORM_DATE,
    AdministrativeUnit,
    Agency,
    AwardForm,
    CatalogItem,
    DocumentKind,
    DocumentNumber,
    LegalBasis,
    Level,
    Movement,
    PartialDate,
    UnitKind,
    Window,
)

__all__ = [
    "AGENCIES",
    "AWARD_FORMS",
    "CATALOG",
    "COMMUNES",
    "COMMUNE_WINDOW",
    "DISTRICT",
    "DISTRICT_CONFERENCE",
    "DISTRICT_CULTURE_OFFICE",
    "LAST_DAY",
    "MOVEMENT",
    "PROVINCE",
    "PROVINCIAL_PLAN",
    "RECIPIENTS",
    "UBND_HUYEN",
    "UBND_TINH",
    "UNITS",
    "UNITS_AS_OF",
    "UNITS_SOURCE",
    "UNIT_RECORDS",
]

#: The last day huyện Cẩm Xuyên and its thị trấn and xã (as listed here) existed:
#: the three-tier local government ended on 2025-06-30.
LAST_DAY: datetime.date = REFORM_DATE

# -- units (source: vietnam-provinces 0.3.0, the GSO list of 2021-02-03) ----------------------

#: Where the units come from, as the unit registry names the source of each row.
UNITS_SOURCE = ("vietnam-provinces 0.3.0, the GSO list of 2021-02-03 "
                "(dev/seed-data/Xa_2021-02-03.csv), in phongtrao-hatinh")
#: The day that list describes.
UNITS_AS_OF = datetime.date(2021, 2, 3)

#: Tỉnh Hà Tĩnh, code 42 (it kept its name and code through the 2025 reform).
PROVINCE = AdministrativeUnit(name="Hà Tĩnh", level=Level.TINH, kind=UnitKind.TINH, code="42")

#: Huyện Cẩm Xuyên, code 446; districts ceased to operate on 2025-07-01.
DISTRICT = AdministrativeUnit(
    name="Cẩm Xuyên", level=Level.HUYEN, kind=UnitKind.HUYEN, code="446", valid_until=LAST_DAY
)

# The 23 commune-level units of huyện Cẩm Xuyên in 2021: code, kind, name without the generic
# noun, in the list's order. vietnam-provinces 0.3.0 lists them as "Thị trấn Cẩm Xuyên",
# "Xã Yên Hòa" … under district 446.
_COMMUNE_ROWS: tuple[tuple[str, UnitKind, str], ...] = (
    ("18673", UnitKind.THI_TRAN, "Cẩm Xuyên"),
    ("18676", UnitKind.THI_TRAN, "Thiên Cầm"),
    ("18679", UnitKind.XA, "Yên Hòa"),
    ("18682", UnitKind.XA, "Cẩm Dương"),
    ("18685", UnitKind.XA, "Cẩm Bình"),
    ("18691", UnitKind.XA, "Cẩm Vịnh"),  # "Cẩm Vĩnh" in the list of 2021-02-03
    ("18694", UnitKind.XA, "Cẩm Thành"),
    ("18697", UnitKind.XA, "Cẩm Quang"),
    ("18706", UnitKind.XA, "Cẩm Thạch"),
    ("18709", UnitKind.XA, "Cẩm Nhượng"),
    ("18712", UnitKind.XA, "Nam Phúc Thăng"),
    ("18715", UnitKind.XA, "Cẩm Duệ"),
    ("18721", UnitKind.XA, "Cẩm Lĩnh"),
    ("18724", UnitKind.XA, "Cẩm Quan"),
    ("18727", UnitKind.XA, "Cẩm Hà"),
    ("18730", UnitKind.XA, "Cẩm Lộc"),
    ("18733", UnitKind.XA, "Cẩm Hưng"),
    ("18736", UnitKind.XA, "Cẩm Thịnh"),
    ("18739", UnitKind.XA, "Cẩm Mỹ"),
    ("18742", UnitKind.XA, "Cẩm Trung"),
    ("18745", UnitKind.XA, "Cẩm Sơn"),
    ("18748", UnitKind.XA, "Cẩm Lạc"),
    ("18751", UnitKind.XA, "Cẩm Minh"),
)

#: The commune-level units of huyện Cẩm Xuyên in 2021 (2 thị trấn, 21 xã), in code order.
COMMUNES: tuple[AdministrativeUnit, ...] = tuple(
    AdministrativeUnit(name=name, level=Level.XA, kind=kind, code=code, valid_until=LAST_DAY)
    for code, kind, name in _COMMUNE_ROWS
)

#: Every unit the plugin knows: the province, the district, its communes.
UNITS: tuple[AdministrativeUnit, ...] = (PROVINCE, DISTRICT, *COMMUNES)


def _row(unit: AdministrativeUnit) -> UnitRecord:
    district = DISTRICT.code if unit.level is Level.XA else None
    province = None if unit.level is Level.TINH else PROVINCE.code
    return UnitRecord(unit=unit, source=UNITS_SOURCE, province=province, district=district,
                      as_of=UNITS_AS_OF)


#: The plugin's units as rows of phongtrao's unit registry: each commune in huyện Cẩm
#: Xuyên, the district in tỉnh Hà Tĩnh, as the list of 2021-02-03 has them.
UNIT_RECORDS: tuple[UnitRecord, ...] = tuple(_row(unit) for unit in UNITS)

# -- agencies (source: the seed) -------------------------------------------------------------
# The abbreviations are the ones these bodies commonly put in their document symbols; the
# seed shows none of them, so check them against the body's own register before relying on one.

#: Ủy ban nhân dân tỉnh Hà Tĩnh, the issuer of Kế hoạch 03/KH-UBND.
UBND_TINH = Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=PROVINCE, collective=True)
#: Ủy ban nhân dân huyện Cẩm Xuyên, the issuer of the seed.
UBND_HUYEN = Agency(name="Ủy ban nhân dân", abbreviation="UBND", unit=DISTRICT, collective=True)
#: Phòng Văn hóa - Thông tin huyện: the standing office of the district's Ban Chỉ đạo.
DISTRICT_CULTURE_OFFICE = Agency(
    name="Phòng Văn hóa - Thông tin", abbreviation="VHTT", unit=DISTRICT
)

#: The bodies the seed names, with the two Ủy ban nhân dân.
AGENCIES: tuple[Agency, ...] = (
    UBND_TINH,
    UBND_HUYEN,
    DISTRICT_CULTURE_OFFICE,
    Agency(name="Phòng Nội vụ", abbreviation="NV", unit=DISTRICT),
    Agency(name="Trung tâm Văn hóa - Truyền thông", abbreviation="TTVHTT", unit=DISTRICT),
    Agency(name="Phòng Y tế", abbreviation="YT", unit=DISTRICT),
    Agency(name="Ủy ban Mặt trận Tổ quốc", abbreviation="MTTQ", unit=DISTRICT),
)

# -- the movement (source: the seed, exactly as the example plan transcribes it) ------------

#: "Toàn dân đoàn kết xây dựng đời sống văn hóa" in the wording of huyện Cẩm Xuyên, 2021:
#: its 5 contents and 7 campaigns, with the ids the example plan uses. The texts are the
#: seed's own, slips included (the campaign "ren-luyen-than-the" lacks its closing quote).
MOVEMENT = Movement(
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
            text="Phát triển kinh tế, giúp nhau xóa đói giảm nghèo, làm giàu chính đáng thực "
            "hiện có hiệu quả mục tiêu giảm nghèo của huyện",
        ),
        CatalogItem(id="moi-truong-van-hoa", text="Xây dựng môi trường văn hóa sạch, đẹp, an toàn"),
        CatalogItem(id="thiet-che-van-hoa", text="Xây dựng thiết chế văn hóa, thể thao cơ sở"),
    ),
    campaigns=(
        CatalogItem(id="gia-dinh-van-hoa", text="Phong trào xây dựng gia đình văn hóa"),
        CatalogItem(
            id="nong-thon-moi-do-thi-van-minh",
            text="Cuộc vận động xây dựng Nông thôn mới, Đô thị văn minh",
        ),
        CatalogItem(id="thon-van-hoa", text="Phong trào xây dựng thôn văn hóa"),
        CatalogItem(
            id="co-quan-van-hoa",
            text="Phong trào xây dựng cơ quan, đơn vị, doanh nghiệp văn hóa",
        ),
        CatalogItem(
            id="ren-luyen-than-the",
            text="Phong trào “Toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại”",
        ),
        CatalogItem(id="lao-dong-sang-tao", text="Phong trào học tập lao động sáng tạo"),
        CatalogItem(id="nguoi-tot-viec-tot", text="Phong trào xây dựng “Người tốt, việc tốt”"),
    ),
)

# -- recipients and award forms (source: the seed) ------------------------------------------

#: The seed's Nơi nhận, as a district's plan sends it. The seed writes the first line
#: "Sở Văn hóa, Thể thao &Du lịch" and the last "Lưu:VT"; these are the proper forms.
RECIPIENTS: tuple[str, ...] = (
    "Sở Văn hóa, Thể thao và Du lịch",
    "Chủ tịch, các PCT UBND huyện",
    "Các Phòng, ban, ngành liên quan",
    "Ủy ban nhân dân các xã, thị trấn",
    "Lưu: VT",
)

#: The award forms the seed uses: Giấy khen of the Chủ tịch UBND huyện, and the yearly
#: cultural titles its campaigns and orientation name ("bình xét danh hiệu văn hóa").
AWARD_FORMS: tuple[AwardForm, ...] = (
    AwardForm.GIAY_KHEN,
    AwardForm.GIA_DINH_VAN_HOA,
    AwardForm.THON_VAN_HOA,
)

# -- the provincial plan and the district's schedule (source: the seed) -----------------------

#: Kế hoạch 03/KH-UBND of 05/01/2021 of UBND tỉnh Hà Tĩnh: the basis of every plan of the
#: province's 20-year summary, cited as the seed cites it.
PROVINCIAL_PLAN = LegalBasis(
    kind=DocumentKind.KH,
    number=DocumentNumber.parse("03/KH-UBND"),
    date=datetime.date(2021, 1, 5),
    issuer="UBND tỉnh",
    subject="Kế hoạch hội nghị tổng kết 20 năm thực hiện Phong trào “Toàn dân đoàn kết xây "
    "dựng đời sống văn hóa” tỉnh Hà Tĩnh (giai đoạn 2000-2020)",
)

#: When the district lets its communes hold their conferences: from 02/2021 to 4/2021.
COMMUNE_WINDOW = Window(start=PartialDate(year=2021, month=2), end=PartialDate(year=2021, month=4))
#: When the district expects to hold its own conference: 6/2021.
DISTRICT_CONFERENCE = Window(start=PartialDate(year=2021, month=6))

#: What the plugin contributes to phongtrao's merged catalog.
CATALOG = Catalog(
    movements=(MOVEMENT,),
    units=UNITS,
    unit_records=UNIT_RECORDS,
    agencies=AGENCIES,
    recipients=RECIPIENTS,
    award_forms=AWARD_FORMS,
)
