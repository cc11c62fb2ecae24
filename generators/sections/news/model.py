"""News articles (tin, bài): Markdown files under `content/tin-tuc/<year>/` with front matter.

Each article may say which plan tasks it serves (`plan_tasks`), which is how the portal counts
the articles a plan requires ("6 tháng đầu năm ít nhất có 02 tin, bài").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from ...core.model import Model, Text
from ...core.portal import Part
from ...vietnamese.dates import VIETNAM_TZ, to_vietnam_time
from ...vietnamese.text import SLUG_PATTERN

PLAN_TASK_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*#\d+(?:\.\d+)*$"
RESERVED_SLUGS = {"trang", "chuyen-muc", "the", "rss", "atom"}
# An image written in Markdown: ![mô tả](anh/a.jpg "tiêu đề")
INLINE_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _moment(value: object) -> object:
    """A date or date-time; naive values are Vietnam time, dates mean 00:00 that day."""
    try:
        moment = _moment_of(value)
    except OverflowError:  # 0001-01-01 00:00+08:00 is before the calendar starts
        moment = None
    if not isinstance(moment, dt.datetime) or not 1900 <= moment.year <= 2200:
        raise ValueError("ngày đăng cần nằm trong khoảng năm 1900 đến 2200")
    return moment


def _moment_of(value: object) -> object:
    if isinstance(value, dt.datetime):
        return to_vietnam_time(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=VIETNAM_TZ)
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                "cần ngày dạng 2024-07-15 hoặc ngày giờ dạng 2024-07-15 08:30"
            ) from None
        return to_vietnam_time(parsed)
    raise ValueError("cần ngày dạng 2024-07-15 hoặc ngày giờ dạng 2024-07-15 08:30")


Moment = Annotated[
    dt.datetime,
    BeforeValidator(_moment),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date"}, {"type": "string"}],
            "description": "2024-07-15 hoặc 2024-07-15 08:30 (giờ Việt Nam nếu không ghi múi giờ)",
        }
    ),
]


def _slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError("đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang")
    if value in RESERVED_SLUGS:
        raise ValueError(f"«{value}» là tên dành riêng cho trang danh sách; hãy chọn tên khác")
    return value


def _plan_task(value: str) -> str:
    if not re.fullmatch(PLAN_TASK_PATTERN, value):
        raise ValueError(
            "viết theo mẫu <tên tệp kế hoạch>#<số nhiệm vụ>, ví dụ "
            "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri#2.11"
        )
    return value


class Video(Model):
    """A local video shown in the article, e.g. a guide to an online public service."""

    file: Text = Field(description="Tệp video (.mp4, .webm) cạnh bài viết")
    poster: Text = Field(description="Ảnh hiển thị trước khi phát")
    caption: Text = Field(description="Mô tả video (cho người không xem được)")


class ArticleMeta(Model):
    """The front matter of an article."""

    title: Text
    date: Moment = Field(title="Ngày đăng")
    summary: Text = Field(description="Tóm tắt một hai câu: hiện ở danh sách và nguồn tin RSS")
    category: Text = Field(
        title="Chuyên mục", description="Tên hoặc đường dẫn của chuyên mục khai báo trong site.yml"
    )
    tags: list[Text] = Field(default_factory=list)
    author: str | None = None
    unit: str | None = Field(None, description="Đơn vị đưa tin")
    image: str | None = Field(None, description="Ảnh đại diện, đường dẫn tính từ tệp bài viết")
    image_alt: str | None = Field(None, description="Mô tả ảnh cho người khiếm thị (bắt buộc)")
    image_caption: str | None = None
    video: Video | None = None
    plan_tasks: list[Annotated[str, AfterValidator(_plan_task)]] = Field(
        default_factory=list, description="Nhiệm vụ kế hoạch mà bài viết thực hiện"
    )
    updated: Moment | None = None
    draft: bool = False
    slug: Annotated[str, AfterValidator(_slug)] | None = Field(
        None, description="Đường dẫn riêng; mặc định tạo từ tiêu đề"
    )

    @model_validator(mode="after")
    def _image_has_alt(self) -> ArticleMeta:
        if self.image and not (self.image_alt or "").strip():
            raise ValueError(
                "bài có ảnh (image) thì phải có image_alt: mô tả ngắn nội dung ảnh cho người "
                "khiếm thị và khi ảnh không tải được"
            )
        if self.updated and self.updated < self.date:
            raise ValueError("ngày cập nhật (updated) không được trước ngày đăng (date)")
        return self


@dataclass(frozen=True)
class Image:
    """A lead image: where it is in content/, its size, and the resized copies to publish."""

    source: str  # path inside content/, e.g. "tin-tuc/2024/anh/tap-huan.jpg"
    width: int
    height: int
    mime_type: str
    byte_length: int


@dataclass(frozen=True)
class Article:
    """A validated article: front matter, rendered body, and where it is published."""

    meta: ArticleMeta
    source: str  # path inside content/, e.g. "tin-tuc/2024/tap-huan.md"
    slug: str
    year: int
    category: str  # category slug
    body_markdown: str
    image: Image | None = None
    inline_images: tuple[Image, ...] = ()

    @property
    def images(self) -> dict[str, Image]:
        """Every image the article shows, by its path inside content/."""
        found = {i.source: i for i in self.inline_images}
        if self.image:
            found[self.image.source] = self.image
        return found

    @property
    def path(self) -> str:
        return f"tin-tuc/{self.year}/{self.slug}/"

    @property
    def published(self) -> dt.datetime:
        return self.meta.date

    @cached_property  # read for every plan's tasks and every report
    def plan_refs(self) -> tuple[tuple[str, str], ...]:
        return tuple(tuple(ref.split("#", 1)) for ref in self.meta.plan_tasks)  # type: ignore[misc]


ARTICLES: Part[list[Article]] = Part("articles", list)  # published, newest first


def articles_for_task(articles: Iterable[Article], plan_slug: str) -> dict[str, list[Article]]:
    """Articles serving each task of a plan, in the order given (newest first), keyed by task
    id; an article once under a task even if its `plan_tasks` names the task twice."""
    found: dict[str, list[Article]] = {}
    for article in articles:
        for slug, task_id in dict.fromkeys(article.plan_refs):
            if slug == plan_slug:
                found.setdefault(task_id, []).append(article)
    return found
