"""The legal documents register (`data/van-ban.yml`): every document the portal cites.

A document is known by its số ký hiệu as Nghị định 30/2020/NĐ-CP prints it: `76/NQ-CP`,
`42/2022/NĐ-CP`, `749/QĐ-TTg`, `36/2024/QH15`, and the Party's `09-NQ/TU`. The number names the
kind of document (NQ → Nghị quyết, NĐ → Nghị định …), so a kind that contradicts its number is
refused. Numbers without a year (76/NQ-CP) recur every year, so the date is part of a document's
identity too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema

from ...core.model import Link, Model, Slug, Text, WebUrl
from ...core.portal import Part
from ...vietnamese.dates import document_day, document_month
from ...vietnamese.text import slugify

# The kinds of document and the abbreviation their number carries (None: no abbreviation, as
# for laws, whose number ends in the legislature: 36/2024/QH15).
DOCUMENT_KINDS: dict[str, str | None] = {
    "Hiến pháp": None,
    "Bộ luật": None,
    "Luật": None,
    "Pháp lệnh": "PL",
    "Nghị quyết": "NQ",
    "Nghị định": "NĐ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Thông tư": "TT",
    "Thông tư liên tịch": "TTLT",
    "Kế hoạch": "KH",
    "Chương trình": "CTr",
    "Kết luận": "KL",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Công văn": None,
}

DocumentKind = Literal[
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định",
    "Chỉ thị", "Thông tư", "Thông tư liên tịch", "Kế hoạch", "Chương trình", "Kết luận",
    "Thông báo", "Hướng dẫn", "Công văn",
]

_PART = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
NUMBER_PATTERN = (
    rf"^\d+[a-z]?(?:/\d{{4}})?/{_PART}(?:-{_PART})*$"  # 76/NQ-CP, 42/2022/NĐ-CP, 36/2024/QH15
    rf"|^\d+-{_PART}/{_PART}(?:-{_PART})*$"  # 09-NQ/TU, 26-CTr/TU (Party documents)
)
_NUMBER = re.compile(NUMBER_PATTERN)

STATUS_LABELS: dict[str, str] = {
    "in_force": "Còn hiệu lực",
    "partly_expired": "Hết hiệu lực một phần",
    "expired": "Hết hiệu lực",
}


def _number(value: str) -> str:
    text = re.sub(r"\s*([/-])\s*", r"\1", value.strip())
    if not _NUMBER.match(text):
        raise ValueError(
            "số ký hiệu viết như trên văn bản: số/ký hiệu, ví dụ 76/NQ-CP, 42/2022/NĐ-CP, "
            "749/QĐ-TTg, 36/2024/QH15 hoặc 09-NQ/TU"
        )
    return text


DocumentNumber = Annotated[
    str,
    AfterValidator(_number),
    WithJsonSchema(
        {"type": "string", "pattern": NUMBER_PATTERN, "examples": ["76/NQ-CP", "42/2022/NĐ-CP"]}
    ),
]


def symbol_parts(number: str) -> list[str]:
    """The abbreviations in a number: "42/2022/NĐ-CP" → ["NĐ", "CP"], "09-NQ/TU" → ["NQ", "TU"]."""
    return [p for p in re.split(r"[/-]", number) if p and not p[0].isdigit()]


class LegalDocument(Model):
    """One document of the register."""

    number: DocumentNumber = Field(description="Số ký hiệu, ví dụ 76/NQ-CP, 42/2022/NĐ-CP")
    kind: DocumentKind = Field(description="Loại văn bản, ví dụ Nghị định")
    date: dt.date = Field(description="Ngày ban hành")
    issuer: Text = Field(description="Cơ quan ban hành, ví dụ Chính phủ, UBND tỉnh Quảng Trị")
    summary: Text = Field(description="Trích yếu, như trên văn bản")
    status: Literal["in_force", "partly_expired", "expired"] = Field(
        description="Tình trạng hiệu lực: in_force (còn hiệu lực), partly_expired (hết hiệu lực "
        "một phần), expired (hết hiệu lực)"
    )
    effective: dt.date | None = Field(None, description="Ngày có hiệu lực")
    expired_on: dt.date | None = Field(None, description="Ngày hết hiệu lực, nếu đã biết")
    replaced_by: str | None = Field(None, description="Số ký hiệu văn bản thay thế")
    signer: str | None = Field(None, description="Người ký, ví dụ Thủ tướng Nguyễn Xuân Phúc")
    link: Link | None = Field(
        None, description="Toàn văn: địa chỉ https://… hoặc trang trong chuyên mục (ke-hoach/…/)"
    )
    slug: Slug | None = Field(
        None,
        description="Đường dẫn trang; mặc định lấy từ số ký hiệu (76/NQ-CP → 76-nq-cp). Chỉ "
        "cần khi hai văn bản trùng số ký hiệu",
    )

    @property
    def page_slug(self) -> str:
        return self.slug or slugify(self.number)

    @property
    def abbreviation(self) -> str | None:
        return DOCUMENT_KINDS[self.kind]

    @property
    def title(self) -> str:
        """"Nghị quyết số 76/NQ-CP ngày 15/7/2021", "… ngày 08/4/2020", as documents cite."""
        day, month = document_day(self.date.day), document_month(self.date.month)
        return f"{self.kind} số {self.number} ngày {day}/{month}/{self.date.year}"

    def status_on(self, today: dt.date) -> str:
        """The status shown on `today`: dates the editor gave win over the recorded status."""
        if self.effective and today < self.effective:
            return "Chưa có hiệu lực"
        if self.expired_on and today >= self.expired_on:
            return "Hết hiệu lực"
        return STATUS_LABELS[self.status]


class FullTextSource(Model):
    name: Text = "Cơ sở dữ liệu quốc gia về văn bản pháp luật"
    url: WebUrl = "https://vbpl.vn/"


class LegalRegister(Model):
    """`data/van-ban.yml`: the register, newest or oldest first as the editor likes."""

    intro: str = Field("", description="Đoạn giới thiệu đầu trang danh mục")
    full_text: FullTextSource = Field(
        FullTextSource(), description="Nơi tra cứu toàn văn khi văn bản không có «link»"
    )
    documents: list[LegalDocument] = Field(default_factory=list)

    def newest_first(self) -> list[LegalDocument]:
        ordered = sorted(self.documents, key=lambda d: d.number)
        return sorted(ordered, key=lambda d: d.date, reverse=True)

    def by_slug(self, slug: str) -> LegalDocument | None:
        return next((d for d in self.documents if d.page_slug == slug), None)

    def by_number(self) -> dict[str, list[LegalDocument]]:
        index: dict[str, list[LegalDocument]] = {}
        for document in self.documents:
            index.setdefault(document.number, []).append(document)
        return index


LEGAL: Part[LegalRegister] = Part("legal", LegalRegister)
