"""Field types shared by the models: Vietnamese text, partial dates, points, slugs, links."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from ..vietnamese.dates import document_day, document_month
from ..vietnamese.numbers import format_decimal_vi, parse_decimal_vi
from ..vietnamese.phones import EXAMPLES as PHONE_EXAMPLES
from ..vietnamese.phones import parse_phone
from ..vietnamese.text import SLUG_PATTERN


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A required, non-blank line of text."""

Markdown = Annotated[
    str,
    WithJsonSchema(
        {"type": "string", "description": "Văn bản Markdown", "contentMediaType": "text/markdown"}
    ),
]
"""Free text in Markdown, rendered by the page renderers."""

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def _phone(value: str) -> str:
    parse_phone(value)  # raises NotAPhoneNumber (a ValueError) saying what is expected
    return " ".join(value.split())


PhoneText = Annotated[
    str,
    AfterValidator(_phone),
    WithJsonSchema({"type": "string", "description": f"Số điện thoại, ví dụ {PHONE_EXAMPLES}"}),
]
"""A Vietnamese phone number kept as written; `parse_phone` derives its `tel:` form."""

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_hex(value: str) -> str:
    if not _HEX.match(value):
        raise ValueError("cần một mã màu dạng #RRGGBB, ví dụ #9b1c1c")
    return value.lower()


HexColour = Annotated[
    str,
    AfterValidator(_check_hex),
    WithJsonSchema({"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}),
]


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _check_link(value: str) -> str:
    # Browsers ignore tabs and line breaks inside a URL and read schemes in any case, so
    # "JavaScript:…" or "java\tscript:…" would run as a script: only the four schemes we know.
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("liên kết có ký tự điều khiển (Tab, xuống dòng); hãy gõ lại liên kết")
    # A URL never holds these unencoded; in a page they would end the attribute or the URL.
    if any(ch.isspace() or ch in '"<>`' for ch in value):
        raise ValueError("liên kết không được chứa dấu cách, dấu nháy kép hay dấu < >; hãy chép "
                         "lại địa chỉ từ thanh địa chỉ của trình duyệt")
    if value.startswith(("https://", "http://", "mailto:", "tel:")):
        return value
    if "://" in value or value.startswith("//") or _SCHEME.match(value):
        raise ValueError("liên kết ngoài phải bắt đầu bằng https://")
    if ".." in value.split("/"):
        raise ValueError("liên kết trong trang không được chứa «..»")
    return value.lstrip("/")


Link = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_check_link),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Địa chỉ https://…, hoặc đường dẫn trong trang "
            "(ke-hoach/; / là trang chủ)",
        }
    ),
]


def _check_https(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise ValueError("cần một địa chỉ web đầy đủ, ví dụ https://dichvucong.gov.vn/")
    return value


WebUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_check_https),
    WithJsonSchema({"type": "string", "format": "uri"}),
]


def _points(value: Any) -> Decimal:
    return parse_decimal_vi(value)


Points = Annotated[
    Decimal,
    BeforeValidator(_points),
    PlainSerializer(format_decimal_vi, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": r"^\d+(,\d+)?$"},
            ],
            "description": "Điểm, viết như văn bản gốc: 2 hoặc 1,5",
        }
    ),
]


class PartialDate(BaseModel):
    """A document date whose day or month may still be blank, as in drafts.

    Written in YAML as 2024-06-04 (or "2024-06-04", as its JSON is), "2024-01" (day blank) or
    2024 (day and month blank).
    """

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return cls(year=value.year, month=value.month, day=value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return cls(year=value)
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
            if match and match.group(3):  # a whole date quoted, or read back from its JSON
                with contextlib.suppress(ValueError):
                    return cls.parse(date(*(int(part) for part in match.groups())))
            elif match and 1 <= int(match.group(2) or 1) <= 12:
                month = int(match.group(2)) if match.group(2) else None
                return cls(year=int(match.group(1)), month=month)
        raise ValueError(
            "cần một ngày dạng YYYY-MM-DD (2024-06-04), hoặc YYYY-MM khi chưa có ngày "
            "(2024-01), hoặc YYYY khi chưa có ngày và tháng (2024)"
        )

    @property
    def exact(self) -> date | None:
        """The date itself when day and month are known."""
        if self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    @property
    def sort_value(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def document_style(self) -> str:
        """"ngày 04 tháng 6 năm 2024"; blanks kept as in the draft: "ngày … tháng 01 năm 2024"."""
        day = document_day(self.day) if self.day else "…"
        month = document_month(self.month) if self.month else "…"
        return f"ngày {day} tháng {month} năm {self.year}"

    def short(self) -> str:
        """"04/06/2024", "01/2024" or "2024"."""
        if self.day and self.month:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    def iso(self) -> str:
        """"2024-06-04", "2024-01" or "2024" (W3C-DTF, as Dublin Core expects)."""
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


DocumentDate = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-\d{1,2})?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "Ngày văn bản: 2024-06-04, hoặc 2024-01 / 2024 khi còn để trống",
        }
    ),
]
