"""The agency's site profile, `data/site.yml`: who publishes the portal and how it looks.

Thông tư 32/2017/TT-BTTTT Điều 16 fixes what every agency portal shows: the emblem or logo and
the agency's name in the header; a menu with Trang chủ, Giới thiệu, Dịch vụ công trực tuyến and
Sơ đồ trang; and a footer naming the agency, the person responsible, address, phone and email.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    AfterValidator,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..vietnamese.phones import NotAPhoneNumber, parse_phone
from ..vietnamese.text import is_slug
from .asking import QuestionChannel
from .editor import EditorBackend
from .history import Predecessor
from .model import HexColour, Link, Markdown, Model, PhoneText, Text, WebUrl
from .regulations import ONLINE_SERVICES, PORTAL_CONTENT, PORTAL_CONTENT_ARTICLE


def _check_phone(value: str) -> str:
    try:
        parse_phone(value)
    except NotAPhoneNumber as exc:
        raise ValueError(f"cần một số điện thoại Việt Nam: {exc}") from None
    return value


Phone = Annotated[str, AfterValidator(_check_phone)]


def _content_file(value: str) -> str:
    """A file inside content/: the logo is inlined into the print PDFs, so a path that leaves
    content/ would publish a file of the build machine."""
    path = value.strip().lstrip("/")
    if ".." in path.split("/") or "\\" in path or "://" in path or "\0" in path or not path:
        raise ValueError("logo là đường dẫn trong thư mục content/, ví dụ assets/logo.svg")
    return path


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError("chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ hoat-dong")
    return value


class Person(Model):
    name: Text
    title: Text = Field(description="Chức vụ, ví dụ: Chánh Văn phòng Sở")


class PublicServicePortal(Model):
    name: Text = "Cổng Dịch vụ công"
    url: WebUrl


class YearlyTheme(Model):
    year: int = Field(ge=2000, le=2100)
    text: Text = Field(description="Chủ đề năm, ví dụ: Giảm hồ sơ trễ hẹn, …")
    source: str | None = Field(None, description="Văn bản đặt ra chủ đề")


class MenuItem(Model):
    title: Text
    link: Link = Field(description="Đường dẫn trong trang (ke-hoach/) hoặc địa chỉ https://…")


class QuickLink(Model):
    title: Text
    link: Link
    description: str | None = None


class Category(Model):
    """A news category (chuyên mục tin): the six reform areas plus activities and notices."""

    slug: Annotated[str, AfterValidator(_check_slug)]
    name: Text
    description: str | None = None


class Colours(Model):
    """Brand colours. White text sits on `primary`, so it must reach WCAG AA contrast (4.5:1)."""

    primary: HexColour = "#8a1c1c"
    accent: HexColour = "#b8860b"

    @model_validator(mode="after")
    def _readable(self) -> Colours:
        ratio = contrast_with_white(self.primary)
        if ratio < 4.5:
            raise ValueError(
                f"màu chính {self.primary} quá sáng: chữ trắng trên nền này chỉ đạt độ tương phản "
                f"{ratio:.1f}:1, cần tối thiểu 4.5:1 (WCAG 2.1 AA); hãy chọn màu đậm hơn"
            )
        return self


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on `hex_colour`."""
    return 1.05 / (_luminance(hex_colour) + 0.05)


class Leader(Model):
    """A member of the agency's leadership, for the About page."""

    name: Text
    title: Text = Field(description="Chức vụ, ví dụ: Phó Giám đốc Sở")
    title_en: str | None = Field(None, description="Chức vụ bằng tiếng Anh, ví dụ: Deputy Director")
    duties: str | None = Field(None, description="Lĩnh vực phụ trách")
    phone: PhoneText | None = None
    email: EmailStr | None = None


class OrgUnit(Model):
    """A division or attached unit (phòng, đơn vị trực thuộc)."""

    name: Text
    name_en: str | None = Field(None, description=f"Tên tiếng Anh ({ONLINE_SERVICES})")
    duties: str | None = Field(None, description="Nhiệm vụ chính, một hai câu")
    phone: PhoneText | None = None
    email: EmailStr | None = None


class OrgGroup(Model):
    """A group of units: "Các phòng chuyên môn", "Đơn vị sự nghiệp trực thuộc"."""

    title: Text
    title_en: str | None = None
    units: list[OrgUnit] = Field(min_length=1)


class EnglishProfile(Model):
    """The agency in English: Nghị định 42/2022/NĐ-CP asks for its organisation and contacts."""

    name: Text = Field(description="Ví dụ: Quang Tri Department of Transport")
    parent: Text = Field(description="Ví dụ: Quang Tri Provincial People's Committee")
    summary: Text = Field(description="Chức năng của cơ quan, một đoạn ngắn bằng tiếng Anh")
    address: Text
    office_hours: str | None = Field(None, description="Giờ làm việc, bằng tiếng Anh")
def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two `#rrggbb` colours (1 to 21)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


REQUIRED_MENU = {
    "": "Trang chủ",
    "gioi-thieu/": "Giới thiệu",
    "so-do-trang/": "Sơ đồ trang",
}


class SiteProfile(Model):
    """Everything about the agency that pages, feeds and print-outs show."""

    name: Text = Field(description="Tên cơ quan, ví dụ: Sở Giao thông vận tải tỉnh Quảng Trị")
    short_name: Text = Field(description="Tên ngắn cho tiêu đề, ví dụ: Sở GTVT Quảng Trị")
    parent: Text = Field(description="Cơ quan chủ quản, ví dụ: UBND tỉnh Quảng Trị")
    site_title: Text = Field(description="Tên chuyên mục, ví dụ: Chuyên mục Cải cách hành chính")
    description: Text
    url: WebUrl = Field(description="Địa chỉ công khai của trang, kết thúc bằng /")
    address: Text
    phone: Phone
    email: EmailStr
    responsible: Person = Field(description="Người chịu trách nhiệm quản lý nội dung")
    logo: Annotated[str, AfterValidator(_content_file)] = Field(
        "assets/logo.svg", description="Đường dẫn logo trong content/"
    )
    public_service_portal: PublicServicePortal = Field(description="Cổng dịch vụ công của tỉnh")
    questions: QuestionChannel | None = Field(
        None, description="Nơi nhận câu hỏi của người dân (thư điện tử, hệ thống phản ánh quốc gia)"
    )
    themes: list[YearlyTheme] = Field(default_factory=list, description="Chủ đề tuyên truyền")
    colours: Colours = Field(Colours(), description="Màu của trang")
    menu: list[MenuItem]
    intro: Markdown = Field("", description="Lời giới thiệu ở trang chủ")
    quick_links: list[QuickLink] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list, description="Chuyên mục tin")
    copyright: str | None = None
    functions: Markdown = Field(
        "", title="Chức năng, nhiệm vụ",
        description="Vị trí, chức năng, nhiệm vụ (trang Giới thiệu)",
    )
    leaders: list[Leader] = Field(default_factory=list, description="Lãnh đạo cơ quan")
    organisation: list[OrgGroup] = Field(default_factory=list, description="Cơ cấu tổ chức")
    office_hours: str | None = Field(None, description="Giờ làm việc")
    english: EnglishProfile | None = Field(
        None,
        description="Thông tin bằng tiếng Anh; khi có, mọi đơn vị và chức vụ cần tên tiếng Anh",
    )
    since: dt.date | None = Field(None, description="Ngày cơ quan bắt đầu hoạt động với tên "
                                  "hiện nay (sau hợp nhất, sáp nhập), nếu có")
    predecessors: list[Predecessor] = Field(
        default_factory=list, description="Cơ quan tiền thân mà cơ quan tiếp nhận nhiệm vụ và hồ "
        "sơ: tên, ngày, thay đổi; văn bản, bài viết của họ giữ nguyên cơ quan ban hành"
    )
    demo: bool = Field(False, description="Trang trình diễn: mọi trang ghi rõ đây không phải trang "
                       "chính thức và dữ liệu có phần minh họa; để false với cơ quan thật")
    illustrative: list[Text] = Field(
        default_factory=list, description="Những dữ liệu trình diễn không có trong văn bản nguồn "
        "nào (tên người, số điện thoại, số văn bản minh chứng…), liệt kê trên trang Giới thiệu"
    )
    procedure_fields: list[Text] = Field(
        default_factory=list,
        description="Lĩnh vực thủ tục hành chính của cơ quan, như trên Cơ sở dữ liệu quốc gia "
        "về thủ tục hành chính (Đường bộ, Đường thủy nội địa…); mỗi thủ tục thuộc một lĩnh vực",
    )
    editor: EditorBackend | None = Field(
        None, description="Máy chủ git mà trang soạn thảo /quan-tri/ lưu vào (README, «Editing "
        "in the browser»)"
    )

    @field_validator("url")
    @classmethod
    def _url_is_a_folder(cls, url: str) -> str:
        if not url.endswith("/"):
            raise ValueError("url phải kết thúc bằng dấu «/», ví dụ https://cchc.example.gov.vn/")
        return url

    @field_validator("menu")
    @classmethod
    def _menu_is_complete(cls, menu: list[MenuItem], info: ValidationInfo) -> list[MenuItem]:
        links = {item.link for item in menu}
        missing = [title for link, title in REQUIRED_MENU.items() if link not in links]
        portal = info.data.get("public_service_portal")
        if portal is not None and portal.url not in links:
            missing.append(f"Dịch vụ công trực tuyến (liên kết tới {portal.url})")
        if missing:
            raise ValueError(
                f"menu thiếu mục bắt buộc theo {PORTAL_CONTENT} ({PORTAL_CONTENT_ARTICLE}): "
                + ", ".join(missing)
            )
        return menu

    @field_validator("categories")
    @classmethod
    def _unique_categories(cls, categories: list[Category]) -> list[Category]:
        seen: set[str] = set()
        for category in categories:
            if category.slug in seen:
                raise ValueError(f"chuyên mục «{category.slug}» được khai báo hai lần")
            seen.add(category.slug)
        return categories

    @field_validator("predecessors")
    @classmethod
    def _predecessors_in_order(cls, bodies: list[Predecessor]) -> list[Predecessor]:
        for body in bodies:
            if body.since and body.since > body.until:
                raise ValueError(f"{body.name}: ngày bắt đầu sau ngày kết thúc")
        return bodies

    def category(self, name_or_slug: str) -> Category | None:
        """The category an article names, by slug or by name (case-insensitive)."""
        wanted = name_or_slug.strip().casefold()
        for category in self.categories:
            if wanted in (category.slug, category.name.casefold()):
                return category
        return None

    def theme_for(self, year: int) -> YearlyTheme | None:
        """The yearly theme in force in `year`: the latest one declared for it or before."""
        current = [t for t in self.themes if t.year <= year]
        return max(current, key=lambda t: t.year) if current else None
