"""Related articles: what a reader of one article may read next, from the validated articles.

An article shares a plan task with another (both report on the same piece of work), a tag
(the same subject), or its category (the same area of reform). The more it shares, the closer;
among equals the newer first. Pure: articles in, articles out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...vietnamese.text import slugify
from .model import Article

RELATED_LIMIT = 4
SAME_TASK = 4
SAME_TAG = 2
SAME_CATEGORY = 1


def closeness(article: Article, other: Article) -> int:
    """How much `other` has in common with `article` (0: nothing)."""
    tasks = len(set(article.plan_refs) & set(other.plan_refs))
    # Tags are compared as their pages are addressed: «PAR Index» and «PAR index» are one tag.
    tags = len({slugify(t) for t in article.meta.tags} & {slugify(t) for t in other.meta.tags})
    category = article.category == other.category
    return tasks * SAME_TASK + tags * SAME_TAG + (SAME_CATEGORY if category else 0)


def related_articles(
    article: Article, articles: Sequence[Article], limit: int = RELATED_LIMIT
) -> list[Article]:
    """Up to `limit` other articles with something in common, closest first, then newest."""
    scored = [
        (closeness(article, other), other)
        for other in articles
        if other.source != article.source and not other.meta.draft
    ]
    close = [(score, other) for score, other in scored if score > 0]
    close.sort(key=lambda pair: pair[1].source)
    close.sort(key=lambda pair: (pair[0], pair[1].meta.date), reverse=True)
    return [other for _, other in close[:limit]]
