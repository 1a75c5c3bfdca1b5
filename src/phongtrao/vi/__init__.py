"""Vietnamese language rules for administrative documents (Nghị định 30/2020/NĐ-CP).

Pure functions, no I/O, and no imports from the rest of phongtrao.

Dates (:func:`date_line`, :func:`day_phrase`, :func:`month_phrase` …)
    The date line pads days below 10 and the months 1 and 2 with a zero,
    not the other months: "Cẩm Xuyên, ngày 05 tháng 01 năm 2021",
    "ngày 29 tháng 6 năm 2021"; a day or month not yet known is left as a
    six-space gap for the clerk. Citations use "ngày 05/01/2021".

Numbering (:func:`number_line`, :func:`roman`, :func:`letter` …)
    Document numbers below 10 take a leading zero ("Số: 03/KH-UBND"),
    a draft leaves five spaces ("Số:      /KH-UBND"); Roman numerals for
    parts and quarters; points are lettered a b c d đ e g h i k l m n o p
    q r s t u v x y (23 letters).

Numbers (:func:`spell_number`, :func:`format_number` …)
    Formal readings in words ("hai nghìn không trăm hai mươi mốt",
    "một nghìn tỷ") with the "linh"/"lẻ" and "nghìn"/"ngàn" variants, and
    their exact inverse; figures with "." for thousands and "," for
    decimals ("1.234,5", "94,3%").

Names (:func:`name_key`, :func:`fold`, :func:`slug`, :func:`split_unit_name`)
    Units' names compared case- and spacing-insensitively (and, for
    suggestions, without marks), made into ASCII file names, and split into
    generic noun, proper name and parent units ("xã Cẩm Vịnh, huyện Cẩm
    Xuyên").

Text (:func:`nfc`, :func:`normalize_tones`, :func:`sort_key`)
    NFC normalisation, classic ("hóa", "thủy") or modern ("hoá", "thuỷ")
    tone-mark placement, and a dictionary-order sort key.
"""

from phongtrao.vi._dates import (
    date_line,
    date_line_for,
    day_number,
    day_phrase,
    month_number,
    month_phrase,
    period_phrase,
    quarter_phrase,
    short_date,
    time_phrase,
    year_phrase,
)
from phongtrao.vi._names import (
    UNIT_NOUNS,
    UnitName,
    fold,
    name_key,
    slug,
    split_unit_name,
    wrap_words,
)
from phongtrao.vi._numbering import document_number, from_roman, letter, number_line, roman
from phongtrao.vi._numbers import (
    format_number,
    format_percent,
    parse_spelled,
    spell_money,
    spell_number,
)
from phongtrao.vi._text import nfc, normalize_tones, sort_key

__all__ = [
    "UNIT_NOUNS",
    "UnitName",
    "date_line",
    "date_line_for",
    "day_number",
    "day_phrase",
    "document_number",
    "fold",
    "format_number",
    "format_percent",
    "from_roman",
    "letter",
    "month_number",
    "month_phrase",
    "name_key",
    "nfc",
    "normalize_tones",
    "number_line",
    "parse_spelled",
    "period_phrase",
    "quarter_phrase",
    "roman",
    "short_date",
    "slug",
    "sort_key",
    "spell_money",
    "spell_number",
    "split_unit_name",
    "time_phrase",
    "wrap_words",
    "year_phrase",
]
