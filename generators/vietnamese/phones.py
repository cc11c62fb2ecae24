"""Vietnamese telephone numbers: what a valid one looks like, and its `tel:` form.

Editors write numbers the way the agency prints them ("0233 3852 402", "1800 1096", "113");
we keep that text for display and derive the `tel:` link from the digits. The rules:

- landlines: 11 digits, 0 + a 2xx area code (the codes in force since 2017, e.g. 0233 Quảng
  Trị, 024 Hà Nội, 028 TP Hồ Chí Minh) + the subscriber number;
- mobiles: 10 digits, 03x, 05x, 07x, 08x or 09x with the prefixes networks actually use;
- short numbers: the emergency numbers 111–115 and the four-digit public-service numbers 10xx
  (1022 is the provinces' public-service switchboard);
- 1800 (free) and 1900 (charged) numbers, 8 or 10 digits.

A number may start with +84 or 84 instead of the leading 0. Landlines and mobiles become
international `tel:+84…` links; short, 1800 and 1900 numbers only work inside Vietnam and keep
their national form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# Area codes of the 63 provinces in force since the 2017 renumbering, without the leading 0.
AREA_CODES = frozenset(
    {"24", "28"}
    | {str(code) for code in (
        203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 218, 219,
        220, 221, 222, 225, 226, 227, 228, 229, 232, 233, 234, 235, 236, 237, 238, 239,
        251, 252, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 269, 270, 271, 272,
        273, 274, 275, 276, 277, 290, 291, 292, 293, 294, 296, 297, 299,
    )}
)

_MOBILE = re.compile(r"0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}")
_SHORT = re.compile(r"11[1-5]|10\d\d")
_FREEPHONE = re.compile(r"1[89]00(?:\d{4}|\d{6})")
_SEPARATORS = re.compile(r"[\s.\-()]")

PhoneKind = Literal["landline", "mobile", "short", "service"]

EXAMPLES = "0233 3852 402 (cố định), 0912 345 678 (di động), 1022, 113 hoặc 1800 1096"


class NotAPhoneNumber(ValueError):
    """Raised with a Vietnamese message saying what a valid number looks like."""


@dataclass(frozen=True)
class PhoneNumber:
    written: str  # as the editor wrote it, shown on pages
    national: str  # digits only, with the leading 0 for landlines and mobiles
    kind: PhoneKind

    @property
    def tel(self) -> str:
        """The `tel:` URI: international for landlines and mobiles, national otherwise."""
        if self.kind in ("landline", "mobile"):
            return f"tel:+84{self.national[1:]}"
        return f"tel:{self.national}"

    @property
    def international_written(self) -> str:
        """"+84 233 3852 402" for foreign readers; short and 1800/1900 numbers as written."""
        if self.kind in ("landline", "mobile") and self.written.startswith("0"):
            return f"+84 {self.written[1:]}"
        return self.written

    @property
    def international(self) -> str:
        """"+842333852402" for landlines and mobiles; the national digits otherwise."""
        return self.tel.removeprefix("tel:")


def _landline_area(digits: str) -> str | None:
    """The area code (without 0) of an 11-digit landline, when it is one in force."""
    for length in (2, 3):
        code = digits[1 : 1 + length]
        if code in AREA_CODES:
            return code
    return None


def parse_phone(text: str) -> PhoneNumber:
    """The number `text` denotes, or NotAPhoneNumber saying why it is not one."""
    written = " ".join(str(text).split())
    if not written:
        raise NotAPhoneNumber(f"cần một số điện thoại, ví dụ {EXAMPLES}")
    if re.search(r"[^\d\s.\-()+]", written):
        raise NotAPhoneNumber(
            "số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch nối; ghi chú (máy lẻ, "
            f"tên người nghe máy) đặt vào trường «label». Ví dụ: {EXAMPLES}"
        )
    digits = _SEPARATORS.sub("", written)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if "+" in digits:
        raise NotAPhoneNumber(f"chỉ nhận số Việt Nam (+84 …); ví dụ {EXAMPLES}")
    if _SHORT.fullmatch(digits):
        return PhoneNumber(written, digits, "short")
    if _FREEPHONE.fullmatch(digits):
        return PhoneNumber(written, digits, "service")
    if _MOBILE.fullmatch(digits):
        return PhoneNumber(written, digits, "mobile")
    if digits.startswith("02") and len(digits) == 11 and _landline_area(digits):
        return PhoneNumber(written, digits, "landline")
    raise NotAPhoneNumber(_explain(digits))


def _explain(digits: str) -> str:
    if digits.startswith("02"):
        if len(digits) != 11:
            return (
                f"số cố định gồm 11 chữ số (mã vùng và số máy), số này có {len(digits)}; "
                "ví dụ 0233 3852 402"
            )
        return (
            f"mã vùng {digits[:4]} không có trong danh sách mã vùng đang dùng (từ năm 2017 mã "
            "vùng có dạng 02xx, ví dụ 0233 Quảng Trị, 024 Hà Nội)"
        )
    if re.fullmatch(r"0\d{9,10}", digits):
        return (
            f"đầu số {digits[:3]} không phải đầu số di động đang dùng (03x, 05x, 07x, 08x, 09x); "
            "nếu là số cố định theo mã vùng cũ, hãy dùng mã vùng mới từ năm 2017, ví dụ "
            "0233 3852 402 thay cho 053 3852 402"
        )
    if digits.startswith(("1800", "1900")):
        return "số 1800/1900 gồm 8 hoặc 10 chữ số, ví dụ 1800 1096 hoặc 1900 561 563"
    return f"«{digits}» không phải là số điện thoại Việt Nam; ví dụ {EXAMPLES}"
