"""Search records of news articles."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import ARTICLES
from .pages import NewsRender


def article_records(portal: Portal, news: NewsRender) -> list[SearchRecord]:
    return [
        SearchRecord(
            url=a.path,
            kind="tin",
            title=a.meta.title,
            text=f"{a.meta.summary} {plain_text(a.body_markdown)}",
            date=a.published.date().isoformat(),
            keywords=(news.category_name(a.category), *a.meta.tags),
        )
        for a in portal[ARTICLES]
        if not a.meta.draft
    ]
