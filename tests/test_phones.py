"""Vietnamese phone numbers: what is accepted, what is refused and why, and the tel: links."""

from __future__ import annotations

import pytest

from generators.vietnamese.phones import NotAPhoneNumber, parse_phone


@pytest.mark.parametrize(
    ("written", "kind", "tel"),
    [
        # Landlines: 0 + area code in force since 2017 + subscriber number, 11 digits.
        ("0233 3852 402", "landline", "tel:+842333852402"),  # Quảng Trị
        ("0233.3852.402", "landline", "tel:+842333852402"),
        ("(0233) 3852-402", "landline", "tel:+842333852402"),
        ("024 3825 2829", "landline", "tel:+842438252829"),  # Hà Nội, two-digit area code
        ("028 3829 6052", "landline", "tel:+842838296052"),  # TP Hồ Chí Minh
        ("0292 3820 535", "landline", "tel:+842923820535"),  # Cần Thơ
        ("+84 233 3852 402", "landline", "tel:+842333852402"),
        ("84 233 3852 402", "landline", "tel:+842333852402"),
        # Mobiles: 10 digits with a network prefix in use.
        ("0912 345 678", "mobile", "tel:+84912345678"),
        ("0389 123 456", "mobile", "tel:+84389123456"),
        ("0563 123 456", "mobile", "tel:+84563123456"),
        ("0706 123 456", "mobile", "tel:+84706123456"),
        ("0868 123 456", "mobile", "tel:+84868123456"),
        ("+84 987 654 321", "mobile", "tel:+84987654321"),
        # Short numbers work only inside Vietnam: no +84.
        ("1022", "short", "tel:1022"),
        ("111", "short", "tel:111"),
        ("113", "short", "tel:113"),
        ("114", "short", "tel:114"),
        ("115", "short", "tel:115"),
        # Free (1800) and charged (1900) service numbers, 8 or 10 digits.
        ("1800 1096", "service", "tel:18001096"),
        ("18001096", "service", "tel:18001096"),
        ("1900 561 563", "service", "tel:1900561563"),
    ],
)
def test_valid_numbers_keep_their_text_and_get_a_tel_link(
    written: str, kind: str, tel: str
) -> None:
    number = parse_phone(written)
    assert number.written == written
    assert number.kind == kind
    assert number.tel == tel


@pytest.mark.parametrize(
    ("written", "explains"),
    [
        ("053 3852 402", "mã vùng mới từ năm 2017"),  # Quảng Trị's code before 2017
        ("0213 385 240", "11 chữ số"),  # landline one digit short
        ("0200 3852 402", "mã vùng 0200"),  # no such area code
        ("0123 456 789", "đầu số 012 không phải đầu số di động"),
        ("01234 567 890", "đầu số 012 không phải đầu số di động"),  # pre-2018 mobile number
        ("0612 345 678", "đầu số 061 không phải đầu số di động"),
        ("1900 12", "1800/1900 gồm 8 hoặc 10 chữ số"),
        ("116", "không phải là số điện thoại"),
        ("12345", "không phải là số điện thoại"),
        ("gọi Văn phòng Sở", "chỉ gồm chữ số"),
        ("0233 3852 402 máy lẻ 12", "label"),
        ("+1 202 555 0100", "chỉ nhận số Việt Nam"),
        ("", "cần một số điện thoại"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(written: str, explains: str) -> None:
    with pytest.raises(NotAPhoneNumber) as caught:
        parse_phone(written)
    assert explains in str(caught.value)


def test_numbers_read_by_foreigners_get_the_country_code() -> None:
    assert parse_phone("0233 3852 402").international_written == "+84 233 3852 402"
    assert parse_phone("1800 1096").international_written == "1800 1096"
