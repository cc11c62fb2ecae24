"""The search page (/tim-kiem/): a form that works with the static index in tim-kiem/index/."""

from __future__ import annotations

from collections.abc import Iterable

from jinja2 import Environment

from ...core.pages import PageSpec, render_page
from ...search.records import TYPE_LABELS, SearchRecord

SEARCH_PATH = "tim-kiem/"


def search_page(env: Environment, records: Iterable[SearchRecord]) -> PageSpec:
    present = {r.kind for r in records}
    kinds = [(kind, label) for kind, label in TYPE_LABELS.items() if kind in present]
    html = render_page(env, "search.html", SEARCH_PATH, kinds=kinds)
    return PageSpec(
        path=SEARCH_PATH,
        title="Tìm kiếm",
        html=html,
        description="Tìm tin tức, thủ tục hành chính, kế hoạch, hỏi đáp, văn bản, ấn phẩm, chỉ "
        "số và báo cáo, có dấu hoặc không dấu, bằng tên thường gọi hay chữ viết tắt.",
        kind="search",
    )
