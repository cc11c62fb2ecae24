"""Synonyms and abbreviations for search, `data/tu-dong-nghia.yml`: each group lists phrases
that mean the same thing to a citizen (TTHC and thủ tục hành chính, sổ đỏ and giấy chứng nhận
quyền sử dụng đất). The search applies them to the query, so a query with one phrase finds
pages written with another; the index does not grow."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from ...core.model import Model
from ...core.portal import Part

MAX_PHRASE = 80


def _check_phrase(value: str) -> str:
    text = " ".join(value.split())
    if not any(ch.isalnum() for ch in text):
        raise ValueError("cụm từ cần ít nhất một chữ hoặc số, ví dụ «dịch vụ công»")
    if len(text) > MAX_PHRASE:
        raise ValueError(f"cụm từ dài quá {MAX_PHRASE} ký tự; đây là danh sách từ ngắn để tìm "
                         "kiếm, không phải câu văn")
    return text


Phrase = Annotated[
    str,
    AfterValidator(_check_phrase),
    Field(min_length=1, description="Một cách gọi, ví dụ: sổ đỏ, TTHC, dịch vụ công trực tuyến"),
]


class SynonymRegister(Model):
    """Groups of equivalent phrases, one group a line in YAML: [TTHC, thủ tục hành chính]."""

    groups: list[Annotated[list[Phrase], Field(min_length=2)]] = Field(
        min_length=1,
        description="Mỗi nhóm là danh sách các cụm từ cùng nghĩa (ít nhất hai cụm)",
    )


SYNONYMS: Part[SynonymRegister | None] = Part("synonyms", lambda: None)  # data/tu-dong-nghia.yml
