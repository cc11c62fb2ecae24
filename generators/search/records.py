"""What can be found: one record per page or part of a page, built from the models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.preview_memory import held

TYPE_LABELS: dict[str, str] = {
    "tin": "Tin tức",
    "thu-tuc": "Thủ tục hành chính",
    "ke-hoach": "Kế hoạch",
    "nhiem-vu": "Nhiệm vụ kế hoạch",
    "hoi-dap": "Hỏi đáp",
    "van-ban": "Văn bản",
    "duong-day-nong": "Đường dây nóng",
    "ap-phich": "Ấn phẩm tuyên truyền",
    "chi-so": "Chỉ số",
    "bao-cao": "Báo cáo",
    "trac-nghiem": "Trắc nghiệm",
    "video": "Video hướng dẫn",
    "trang": "Trang",
}

# Words that name a type in a query: «thủ tục cấp đổi giấy phép lái xe» asks for a procedure.
# A result of that type counts as containing them, and when its title holds the rest of the
# query it comes first.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "thu-tuc": ("thủ tục", "thủ tục hành chính", "TTHC"),
    "van-ban": ("văn bản",),
    "ke-hoach": ("kế hoạch",),
    "hoi-dap": ("hỏi đáp", "câu hỏi"),
    "duong-day-nong": ("đường dây nóng",),
    "ap-phich": ("ấn phẩm", "áp phích", "pa nô", "băng rôn", "tờ gấp", "tờ rơi"),
    "chi-so": ("chỉ số",),
    "bao-cao": ("báo cáo",),
    "tin": ("tin tức", "bài viết"),
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
    # What names the item as its title does (a procedure's code, a document's number): weighted,
    # and counted as title words, so "1.002804" puts its procedure first.
    names: tuple[str, ...] = field(default_factory=tuple)


_MARKDOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[#*_>`|]+|<[^>]+>")


def plain_text(markdown: str) -> str:
    """Markdown reduced to its words, for indexing and excerpts (held while previewing: the
    records of thousands of unchanged articles are made again at every rebuild)."""
    return held("plain-texts", markdown, lambda: " ".join(
        _MARKDOWN.sub(lambda m: m.group(1) or " ", markdown).split()))

# Words of everyday questions that pages seldom hold («tôi muốn đổi giấy phép lái xe thì cần làm
# những thủ tục gì»): a page lacking them is not missing part of the query. They still add to
# the score of pages that hold them.
QUESTION_WORDS: tuple[str, ...] = (
    "tôi", "mình", "em", "anh", "chị", "ạ", "ơi", "nhé", "nhỉ", "à", "vậy", "thì", "là", "mà",
    "thế", "nào", "sao", "gì", "đâu", "ở", "ai", "muốn", "cần", "phải", "nên", "được", "có",
    "không", "làm", "những", "các", "cái", "này", "đó", "hỏi", "xin", "cho", "của", "và", "với",
    "để", "như", "khi", "nếu", "rồi", "đã", "sẽ", "đang", "bị", "hay", "hoặc", "thể", "tại",
    "trong", "về", "ra", "vào", "lên", "đi", "giúp", "ơn", "cảm", "bạn", "bao", "nhiêu",
)


def kind_words(kinds: list[str]) -> list[list[object]]:
    """[kind number, phrase naming it] for the manifest; the browser folds the phrase."""
    return [
        [kinds.index(kind), phrase]
        for kind, phrases in KIND_WORDS.items() if kind in kinds
        for phrase in phrases
    ]
