"""What can be found: one record per page or part of a page, built from the models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TYPE_LABELS: dict[str, str] = {
    "tin": "Tin tức",
    "thu-tuc": "Thủ tục hành chính",
    "ke-hoach": "Kế hoạch",
    "nhiem-vu": "Nhiệm vụ kế hoạch",
    "hoi-dap": "Hỏi đáp",
    "van-ban": "Văn bản",
    "duong-day-nong": "Đường dây nóng",
    "trac-nghiem": "Trắc nghiệm",
    "video": "Video hướng dẫn",
    "trang": "Trang",
}


@dataclass(frozen=True)
class SearchRecord:
    """A findable item: `url` is a site path (with an optional #fragment)."""

    url: str
    kind: str  # a key of TYPE_LABELS
    title: str
    text: str
    date: str = ""  # ISO date, shown with the result
    keywords: tuple[str, ...] = field(default_factory=tuple)  # codes, numbers, tags: weighted


_MARKDOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[#*_>`|]+|<[^>]+>")


def plain_text(markdown: str) -> str:
    """Markdown reduced to its words, for indexing and excerpts."""
    text = _MARKDOWN.sub(lambda m: m.group(1) or " ", markdown)
    return " ".join(text.split())
