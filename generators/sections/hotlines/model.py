"""Hotlines (`data/duong-day-nong.yml`): where citizens send feedback (phản ánh, kiến nghị).

Every seed plan asks agencies to publish "địa chỉ, điện thoại đường dây nóng tiếp nhận phản
ánh, kiến nghị": each unit says what to report to it, its numbers, e-mails, postal address and
opening hours.
"""

from __future__ import annotations

from typing import Literal

from pydantic import EmailStr, Field

from ...core.model import Markdown, Model, PhoneText, Text, WebUrl
from ...core.portal import Part
from ...vietnamese.phones import PhoneNumber, parse_phone
from ...vietnamese.text import slugify

# Codes are Vietnamese without diacritics, as editors type them.
CATEGORY_LABELS: dict[str, str] = {
    "co-quan": "Cơ quan, đơn vị",
    "tinh": "Của tỉnh",
    "toan-quoc": "Toàn quốc",
    "khan-cap": "Khẩn cấp",
}


class Phone(Model):
    number: PhoneText
    label: str | None = Field(None, description="Ví dụ: Đường dây nóng, Máy lẻ 12")
    featured: bool = Field(False, description="Hiện trong hộp đường dây nóng ở mọi trang")

    @property
    def parsed(self) -> PhoneNumber:
        return parse_phone(self.number)

    @property
    def tel(self) -> str:
        return self.parsed.tel


class HotlineUnit(Model):
    """A unit that takes feedback: what to report to it and how to reach it."""

    name: Text = Field(description="Tên đơn vị, ví dụ: Văn phòng Sở Giao thông vận tải")
    short_name: str | None = Field(None, description="Tên ngắn cho hộp đường dây nóng")
    category: Literal["co-quan", "tinh", "toan-quoc", "khan-cap"] = Field(
        "co-quan", title="Nhóm",
        description="co-quan (cơ quan, đơn vị), tinh (của tỉnh), toan-quoc (toàn quốc), khan-cap "
        "(khẩn cấp)"
    )
    purpose: Text = Field(description="Tiếp nhận phản ánh, kiến nghị về việc gì")
    phones: list[Phone] = Field(default_factory=list)
    emails: list[EmailStr] = Field(default_factory=list)
    address: str | None = Field(None, description="Địa chỉ nhận thư, đơn")
    hours: str | None = Field(None, description="Thời gian tiếp nhận, ví dụ: 24/7")
    website: WebUrl | None = Field(None, description="Địa chỉ https://… nếu có")

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class HotlineDirectory(Model):
    """The whole `data/duong-day-nong.yml`."""

    intro: Markdown = Field("", description="Đoạn giới thiệu đầu trang")
    units: list[HotlineUnit] = Field(min_length=1)

    def featured(self) -> list[tuple[HotlineUnit, Phone]]:
        return [(u, p) for u in self.units for p in u.phones if p.featured]

    def by_category(self) -> list[tuple[str, str, list[HotlineUnit]]]:
        """(category, label, units) in the order of CATEGORY_LABELS, empty ones left out."""
        groups = []
        for category, label in CATEGORY_LABELS.items():
            units = [u for u in self.units if u.category == category]
            if units:
                groups.append((category, label, units))
        return groups


HOTLINES: Part[HotlineDirectory | None] = Part("hotlines", lambda: None)
