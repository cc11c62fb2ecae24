"""Vietnamese done right: slugs, folding, collation, dates and numbers."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from generators.vietnamese.collation import sorted_vi
from generators.vietnamese.dates import (
    build_now,
    format_document_date,
    format_short,
    format_with_weekday,
    iso_datetime,
)
from generators.vietnamese.numbers import (
    NotANumber,
    format_decimal_vi,
    format_file_size,
    format_percent_vi,
    parse_decimal_vi,
)
from generators.vietnamese.text import fold, is_slug, nfc, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Thủ tục đăng ký xe", "thu-tuc-dang-ky-xe"),
        ("Đường dây nóng", "duong-day-nong"),
        ("ĐẤT ĐAI", "dat-dai"),
        ("Kế hoạch 1163/KH-SGTVT ngày 04/6/2024", "ke-hoach-1163-kh-sgtvt-ngay-04-6-2024"),
        ("  Nâng cao Chỉ số CCHC (PAR INDEX)!  ", "nang-cao-chi-so-cchc-par-index"),
        ("Giấy phép lái xe hạng A1", "giay-phep-lai-xe-hang-a1"),
        ("Ưu tiên người cao tuổi", "uu-tien-nguoi-cao-tuoi"),
    ],
)
def test_slugs_fold_vietnamese_to_ascii(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert is_slug(slug)


def test_slug_of_decomposed_text_equals_slug_of_composed_text() -> None:
    decomposed = "Thu\u0309 tu\u0323c"  # "Thủ tục" typed with combining marks
    assert slugify(decomposed) == slugify("Thủ tục") == "thu-tuc"
    assert nfc(decomposed) == "Thủ tục"


def test_long_slugs_are_cut_at_a_word_boundary() -> None:
    slug = slugify("Tuyên truyền " * 20, max_length=30)
    assert len(slug) <= 30 and not slug.endswith("-")
    assert slug == "tuyen-truyen-tuyen-truyen"


def test_fold_removes_tones_and_turns_d_stroke_into_d() -> None:
    assert fold("Đường dây nóng") == "duong day nong"
    assert fold("Thủ tục hành chính") == "thu tuc hanh chinh"


def test_collation_follows_the_vietnamese_alphabet() -> None:
    words = ["đường", "dân", "ê-kíp", "em", "ăn", "an", "ấm", "bà", "ba", "Đà Nẵng", "Zalo", "ô tô",
             "ơn", "o", "ư", "u"]
    assert sorted_vi(words) == [
        "an", "ăn", "ấm", "ba", "bà", "dân", "Đà Nẵng", "đường", "em", "ê-kíp", "o", "ô tô",
        "ơn", "u", "ư", "Zalo",
    ]


def test_collation_puts_tones_after_letters() -> None:
    # Letters decide first; tones only break ties between otherwise equal words.
    assert sorted_vi(["bà", "bạ", "ba", "bá", "bả", "bã", "bác"]) == [
        "ba", "bà", "bả", "bã", "bá", "bạ", "bác",
    ]


def test_collation_compares_numbers_by_value() -> None:
    assert sorted_vi(["Thủ tục 10", "Thủ tục 2"]) == ["Thủ tục 2", "Thủ tục 10"]


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2024, 7, 15), "ngày 15 tháng 7 năm 2024"),
        (date(2024, 1, 9), "ngày 09 tháng 01 năm 2024"),
        (date(2024, 12, 1), "ngày 01 tháng 12 năm 2024"),
        (date(2024, 3, 30), "ngày 30 tháng 3 năm 2024"),
    ],
)
def test_document_dates_follow_decree_30_2020(day: date, text: str) -> None:
    assert format_document_date(day) == text


def test_short_and_weekday_dates() -> None:
    assert format_short(date(2024, 7, 15)) == "15/07/2024"
    assert format_with_weekday(date(2024, 7, 15)) == "Thứ Hai, 15/07/2024"
    assert format_with_weekday(date(2024, 7, 21)) == "Chủ Nhật, 21/07/2024"


def test_datetimes_are_shown_in_vietnam_time() -> None:
    late_utc = datetime(2024, 6, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 July in Vietnam
    assert format_short(late_utc) == "01/07/2024"
    assert iso_datetime(late_utc) == "2024-07-01T00:30:00+07:00"
    assert iso_datetime(date(2024, 7, 1)) == "2024-07-01T00:00:00+07:00"


def test_build_clock_can_be_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735621200")
    assert build_now().isoformat() == "2024-12-31T12:00:00+07:00"


@pytest.mark.parametrize(
    ("given", "value"),
    [("1,5", Decimal("1.5")), ("0,5", Decimal("0.5")), (2, Decimal(2)), (1.5, Decimal("1.5")),
     ("80,36", Decimal("80.36")), (" 3,5 ", Decimal("3.5"))],
)
def test_points_accept_decimal_commas(given: object, value: Decimal) -> None:
    assert parse_decimal_vi(given) == value


@pytest.mark.parametrize("given", ["1.5", "một", "", "1,5,2", True, None])
def test_points_refuse_what_is_not_a_vietnamese_number(given: object) -> None:
    with pytest.raises(NotANumber):
        parse_decimal_vi(given)


def test_file_sizes_are_written_in_decimal_units_with_a_decimal_comma() -> None:
    assert format_file_size(0) == "1 KB"  # never «0 KB» for a file that exists
    assert format_file_size(48_400) == "48 KB"
    assert format_file_size(999_499) == "999 KB"
    assert format_file_size(1_234_567) == "1,2 MB"
    assert format_file_size(12_000_000) == "12 MB"


def test_numbers_are_written_with_decimal_commas() -> None:
    assert format_decimal_vi(Decimal("80.36")) == "80,36"
    assert format_decimal_vi(Decimal("62")) == "62"
    assert format_decimal_vi(Decimal("7.50")) == "7,5"
    assert format_decimal_vi(1000) == "1.000"
    assert format_percent_vi(Decimal("0.8459")) == "84,59%"
