"""Video guides, one per `data/video-huong-dan/<slug>.yml`.

Seed 003 (task 4: "video clip hướng dẫn thực hiện dịch vụ công trực tuyến"), seed 000 (task
2.9) and seed 001 (I.2) ask for short video guides. A clip lives in the repository under
content/ (no video host: nothing is loaded from another site), with its poster image, its
Vietnamese captions as WebVTT — required: a video without captions shuts out deaf viewers
(WCAG 2.1, 1.2.2) — and a text transcript, and names the procedures it explains, whose pages
then link to it («Video hướng dẫn»).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from ...core.model import Markdown, Model, Text
from ...core.portal import Part

VIDEO_TYPES: dict[str, str] = {".mp4": "video/mp4", ".webm": "video/webm"}
POSTER_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def _content_file(value: str) -> str:
    path = str(value).strip().lstrip("/")
    if not path or ".." in path.split("/") or "\\" in path or "://" in path or "\0" in path:
        raise ValueError(
            "đường dẫn tệp trong thư mục content/, ví dụ video-huong-dan/nop-ho-so.mp4 (không "
            "dùng video trên trang khác)"
        )
    return path


ContentFile = Annotated[
    str, AfterValidator(_content_file),
    WithJsonSchema({"type": "string", "examples": ["video-huong-dan/nop-ho-so-truc-tuyen.mp4"]}),
]


class VideoDocument(Model):
    """One `data/video-huong-dan/<slug>.yml` file."""

    title: Text = Field(description="Tên video")
    summary: Text = Field(description="Một, hai câu: video hướng dẫn việc gì")
    date: dt.date = Field(description="Ngày đăng")
    file: ContentFile = Field(description="Tệp video .mp4 (H.264) hoặc .webm trong content/")
    poster: ContentFile = Field(description="Ảnh đại diện .jpg, .png hoặc .webp trong content/")
    captions: ContentFile | None = Field(
        None, description="Phụ đề tiếng Việt, tệp WebVTT (.vtt) trong content/ — bắt buộc"
    )
    duration: str | None = Field(None, description="Thời lượng, ví dụ 0:45")
    transcript: Markdown = Field(description="Lời thoại, nội dung video bằng chữ")
    procedures: list[str] = Field(
        default_factory=list, description="Mã các thủ tục video hướng dẫn, ví dụ 1.002804"
    )
    made_by: str | None = Field(None, description="Đơn vị thực hiện video")
    illustrative: bool = Field(
        False, description="Video minh họa của trang mẫu, không phải video chính thức"
    )


class Video:
    """A validated video guide and the sizes of its files (bytes), read when loaded."""

    def __init__(self, slug: str, document: VideoDocument, sizes: dict[str, int]) -> None:
        self.slug = slug
        self.doc = document
        self.sizes = sizes

    def memo_values(self) -> tuple[object, ...]:
        """What it is made from (all else derives from them): render_memo.py keys by these."""
        return (self.slug, self.doc, self.sizes)

    @property
    def mime_type(self) -> str:
        suffix = "." + self.doc.file.rsplit(".", 1)[-1].lower()
        return VIDEO_TYPES[suffix]


VIDEOS: Part[list[Video]] = Part("videos", list)


def videos_for(videos: list[Video], code: str) -> list[Video]:
    """The videos explaining the procedure `code`, newest first."""
    found = [v for v in videos if code in v.doc.procedures]
    return sorted(sorted(found, key=lambda v: v.slug), key=lambda v: v.doc.date, reverse=True)
