"""Printed visual communication (ấn phẩm tuyên truyền): posters, billboards, banners, leaflets.

Every seed plan names them (seed 000 task 2.7: "pa nô, áp phích, khẩu hiệu, băng rôn"; seed 001:
"pa-nô, áp phích, khẩu hiệu, tờ rơi, tờ gấp"; seed 002 activities 2–3: "phát tờ gấp", "dán áp
phích"). One file `data/ap-phich/<slug>.yml` describes one print: its kind, its exact physical
format, the slogan (khẩu hiệu) and what goes around it. The yearly theme of `data/site.yml` gives
a ready poster without any file (`theme_poster`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ...core.history import predecessor_on
from ...core.model import HexColour, Link, Model, Text
from ...core.portal import Part
from ...core.profile import Phone, SiteProfile, YearlyTheme, contrast_ratio
from ...vietnamese.collation import sort_key

Kind = Literal["áp phích", "pa nô", "băng rôn", "tờ gấp"]
Scheme = Literal["đỏ", "trắng", "xanh"]

# ISO 216 A series, portrait (width × height, mm).
A_SERIES: dict[str, tuple[int, int]] = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
}

# A PDF page may not exceed 14 400 pt (200 in, 5 080 mm) a side, bleed included.
MAX_SIDE_MM = 5080
MIN_SIDE_MM = 50

# A roll-folded (gấp 3) A4 leaflet: the panel that folds in is 3 mm narrower so it tucks in.
LEAFLET_PANELS_OUTSIDE = (97, 100, 100)  # flap, back, cover
LEAFLET_PANELS_INSIDE = (100, 100, 97)  # behind the cover, behind the back, behind the flap

FORMAT_PATTERN = r"^(A[0-4]( ngang)?|\d{2,4} ?[x×] ?\d{2,4}|tờ gấp A4)$"
FORMAT_HELP = (
    "viết A0, A1, A2, A3 hoặc A4 (khổ đứng), thêm «ngang» cho khổ ngang (A3 ngang), "
    "kích thước rộng × cao tính bằng mm (5000 x 800), hoặc «tờ gấp A4» (tờ gấp 3, hai mặt)"
)


@dataclass(frozen=True)
class PrintFormat:
    """An exact physical format: the size of one side in millimetres and how many sides."""

    name: str  # canonical spelling, as written in data files: "A3", "A3 ngang", "5000 x 800"
    width: int
    height: int
    sides: int = 1
    leaflet: bool = False

    @property
    def label(self) -> str:
        """"A3 (297 × 420 mm)", "5.000 × 800 mm", "Tờ gấp A4 (297 × 210 mm, 2 mặt)"."""
        size = f"{_mm(self.width)} × {_mm(self.height)} mm"
        if self.leaflet:
            return f"Tờ gấp 3 khổ A4 ({size}, {self.sides} mặt)"
        if self.name.startswith("A"):
            return f"{self.name} ({size})"
        return size

    @property
    def short_label(self) -> str:
        """"A4, 210 × 297 mm", "5.000 × 800 mm", "tờ gấp A4, 297 × 210 mm, 2 mặt": for links."""
        size = f"{_mm(self.width)} × {_mm(self.height)} mm"
        if self.leaflet:
            return f"tờ gấp 3 A4, {size}, {self.sides} mặt"
        if self.name.startswith("A"):
            return f"{self.name}, {size}"
        return size

    @property
    def ratio(self) -> float:
        return self.width / self.height

    @property
    def is_strip(self) -> bool:
        """A long strip (street banner): at least three times as wide as it is high."""
        return self.ratio >= 3

    @property
    def is_landscape(self) -> bool:
        return self.width > self.height

    @classmethod
    def parse(cls, value: Any) -> PrintFormat:
        if isinstance(value, PrintFormat):
            return value
        if not isinstance(value, str):
            raise ValueError(FORMAT_HELP)
        text = " ".join(value.split())
        folded = text.casefold()
        if folded in ("tờ gấp a4", "to gap a4", "tờ gấp 3 a4"):
            width, height = A_SERIES["A4"][1], A_SERIES["A4"][0]
            return cls("tờ gấp A4", width, height, sides=2, leaflet=True)
        match = re.fullmatch(r"(a[0-4])(?: (ngang|đứng))?", folded)
        if match:
            name = match.group(1).upper()
            width, height = A_SERIES[name]
            if match.group(2) == "ngang":
                return cls(f"{name} ngang", height, width)
            return cls(name, width, height)
        match = re.fullmatch(r"(\d+) ?[x×*] ?(\d+)(?: ?mm)?", folded)
        if match:
            width, height = int(match.group(1)), int(match.group(2))
            for side in (width, height):
                if not MIN_SIDE_MM <= side <= MAX_SIDE_MM:
                    raise ValueError(
                        f"mỗi cạnh từ {MIN_SIDE_MM} đến {MAX_SIDE_MM} mm (giới hạn của tệp PDF); "
                        "khổ lớn hơn hãy in theo tỉ lệ, ví dụ 1:2"
                    )
            return cls(f"{width} x {height}", width, height)
        raise ValueError(f"khổ in «{text}» chưa hỗ trợ; {FORMAT_HELP}")


def _mm(value: int) -> str:
    return f"{value:,}".replace(",", ".")


FormatField = Annotated[
    PrintFormat,
    BeforeValidator(PrintFormat.parse),
    PlainSerializer(lambda f: f.name, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": FORMAT_PATTERN,
            "examples": ["A3", "A2 ngang", "5000 x 800", "4000 x 2000", "tờ gấp A4"],
            "description": "Khổ in: A0–A4 (đứng), «A3 ngang», rộng × cao (mm), «tờ gấp A4»",
        }
    ),
]


class PosterColours(Model):
    """Colours of one print; the text must stay readable from across the street."""

    background: HexColour
    text: HexColour = Field(description="Màu chữ thường (nội dung, cơ quan, đường dây nóng)")
    headline: HexColour = Field(description="Màu khẩu hiệu")

    @model_validator(mode="after")
    def _readable(self) -> PosterColours:
        for name, colour, needed in (("text", self.text, 4.5), ("headline", self.headline, 3.0)):
            ratio = contrast_ratio(colour, self.background)
            if ratio < needed:
                raise ValueError(
                    f"màu {name} {colour} trên nền {self.background} chỉ đạt độ tương phản "
                    f"{ratio:.1f}:1, cần tối thiểu {needed}:1 (WCAG 2.1 AA); hãy chọn màu "
                    "đậm hoặc nhạt hơn"
                )
        return self


def scheme_colours(scheme: str, primary: str) -> PosterColours:
    """The colours of a named scheme; `primary` is the agency's colour from data/site.yml."""
    if scheme == "trắng":
        return PosterColours(background="#ffffff", text="#1f2328", headline=primary)
    if scheme == "xanh":
        return PosterColours(background="#0b4a8b", text="#ffffff", headline="#ffe08a")
    # Đỏ: the red-and-yellow of Vietnamese public campaign posters (tranh cổ động).
    return PosterColours(background=primary, text="#ffffff", headline="#ffe08a")


class PosterIssuer(Model):
    name: Text = Field(description="Cơ quan phát hành, ví dụ: Sở Giao thông vận tải tỉnh Quảng Trị")
    parent: str | None = Field(None, description="Cơ quan chủ quản, ví dụ: UBND tỉnh Quảng Trị")


class QrCode(Model):
    """A QR code printed on the poster: where it leads and what it tells the passer-by."""

    target: Link = Field(
        description="Địa chỉ mã QR mở ra: https://… hoặc một trang trong chuyên mục (ke-hoach/…)"
    )
    caption: Text = Field(description="Lời dẫn cạnh mã, ví dụ: Quét mã để nộp hồ sơ trực tuyến")

    @field_validator("target")
    @classmethod
    def _scannable(cls, target: str) -> str:
        if target.startswith("mailto:"):
            raise ValueError("mã QR cần một địa chỉ web (https://…), số điện thoại (tel:…) "
                             "hoặc một trang trong chuyên mục")
        return target

    def url(self, site_url: str) -> str:
        """The absolute address encoded in the code: a phone must scan to something it can open."""
        if self.target.startswith(("https://", "http://", "tel:")):
            return self.target
        return site_url + self.target


class LeafletSection(Model):
    """One inside panel of a folded leaflet: a heading and its points."""

    title: Text
    text: str | None = Field(None, description="Một đoạn giới thiệu ngắn (tùy chọn)")
    points: list[Text] = Field(default_factory=list, max_length=8)


KIND_NAMES: dict[str, str] = {
    "áp phích": "Áp phích",
    "pa nô": "Pa nô",
    "băng rôn": "Băng rôn",
    "tờ gấp": "Tờ gấp",
}


class PosterDocument(Model):
    """One print as written in `data/ap-phich/<slug>.yml`."""

    kind: Kind = Field(title="Loại ấn phẩm", description="áp phích, pa nô, băng rôn hoặc tờ gấp")
    format: FormatField
    bleed: int = Field(
        0, ge=0, le=10, description="Lề xén (mm) mỗi cạnh cho nhà in; 0 khi in văn phòng, "
        "thường 3 mm với áp phích, 5–10 mm với pa nô, băng rôn"
    )
    headline: Annotated[str, Field(min_length=3, max_length=160)] = Field(
        description="Khẩu hiệu, câu chính của ấn phẩm"
    )
    subheading: str | None = Field(None, max_length=200, description="Dòng phụ dưới khẩu hiệu")
    points: list[Annotated[str, Field(min_length=1, max_length=220)]] = Field(
        default_factory=list, max_length=8, description="Các ý chính (áp phích, pa nô, tờ gấp)"
    )
    sections: list[LeafletSection] = Field(
        default_factory=list, max_length=3, description="Các mục mặt trong tờ gấp (1 đến 3)"
    )
    issuer: PosterIssuer | None = Field(
        None, title="Cơ quan phát hành", description="Mặc định: cơ quan trong site.yml"
    )
    logo: str | None = Field(
        None, description="Logo, đường dẫn trong content/ (mặc định: logo trong site.yml)"
    )
    hotline: Phone | None = Field(None, description="Số đường dây nóng, ví dụ 0233 3852 402")
    hotline_label: Text = "Đường dây nóng"
    qr: QrCode | None = Field(None, description="Mã QR in trên ấn phẩm")
    scheme: Scheme = Field("đỏ", description="Phối màu: đỏ (cổ động), trắng, xanh")
    colours: PosterColours | None = Field(None, description="Màu riêng, thay cho «scheme»")
    date: dt.date | None = Field(None, description="Ngày phát hành")
    description: str | None = Field(
        None, max_length=300, description="Mô tả ngắn cho thư viện ấn phẩm và máy tìm kiếm"
    )

    @field_validator("logo")
    @classmethod
    def _logo_path(cls, value: str | None) -> str | None:
        if value is None:
            return None
        path = value.strip().lstrip("/")
        if ".." in path.split("/") or "://" in path or "\\" in path:
            raise ValueError("logo là đường dẫn trong thư mục content/, ví dụ assets/logo.svg")
        if not path.lower().endswith((".svg", ".png", ".jpg", ".jpeg")):
            raise ValueError("logo cần là tệp .svg, .png hoặc .jpg")
        return path


class Poster:
    """A validated print with its slug and what every renderer derives from it."""

    def __init__(self, slug: str, document: PosterDocument, *, from_theme: bool = False) -> None:
        self.slug = slug
        self.doc = document
        self.from_theme = from_theme

    @property
    def format(self) -> PrintFormat:
        return self.doc.format

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.doc.kind]

    def colours(self, site: SiteProfile) -> PosterColours:
        return self.doc.colours or scheme_colours(self.doc.scheme, site.colours.primary)

    def issuer(self, site: SiteProfile) -> PosterIssuer:
        """The poster's own issuer, else the agency in office on its date: a 2024 poster of a
        predecessor keeps the predecessor's name (issue 17, item 11)."""
        if self.doc.issuer:
            return self.doc.issuer
        body = predecessor_on(site.predecessors, self.doc.date) if self.doc.date else None
        if body is not None:
            return PosterIssuer(name=body.name, parent=site.parent)
        return PosterIssuer(name=site.name, parent=site.parent)

    def logo(self, site: SiteProfile) -> str:
        return self.doc.logo or site.logo

    def qr_url(self, site: SiteProfile) -> str | None:
        return self.doc.qr.url(site.url) if self.doc.qr else None


def theme_slug(theme: YearlyTheme) -> str:
    return f"chu-de-nam-{theme.year}"


def theme_poster(site: SiteProfile, theme: YearlyTheme) -> Poster:
    """The yearly theme as a ready A3 poster: the slogan, the portal's QR code, the hotline."""
    document = PosterDocument(
        kind="áp phích",
        format="A3",
        bleed=3,
        headline=theme.text,
        subheading=theme.source or f"Chủ đề tuyên truyền cải cách hành chính năm {theme.year}",
        hotline=site.phone,
        qr=QrCode(
            target=site.public_service_portal.url,
            caption=f"Quét mã để vào {site.public_service_portal.name}",
        ),
        description=f"Áp phích chủ đề cải cách hành chính năm {theme.year} của {site.name}, "
        "khổ A3, sẵn sàng gửi nhà in.",
    )
    return Poster(theme_slug(theme), document, from_theme=True)


POSTERS: Part[list[Poster]] = Part("posters", list)


def posters_in_order(posters: list[Poster]) -> list[Poster]:
    """The yearly-theme poster first, then the newest; same date by slogan, Vietnamese order."""
    by_headline = sorted(posters, key=lambda p: sort_key(p.doc.headline))
    return sorted(
        by_headline,
        key=lambda p: (p.from_theme, p.doc.date or dt.date.min),
        reverse=True,
    )
