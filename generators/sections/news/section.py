"""News (tin tức): articles in content/tin-tuc/<year>/, their listings, feeds and images.

Articles are read by our core, not by MkDocs (see reading.py), and never enter the navigation.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ...core.derived_cache import DerivedCache
from ...core.editor_fields import Collection, EditorChoices
from ...core.feeds import FeedSpec
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.preview_memory import previewing
from ...core.section import BuildContext, LoadContext, PortalLoader, Section
from ...search.records import SearchRecord
from ..plans.model import PLANS
from .editor import editor_collection
from .images import ImageCache, image_outputs
from .model import ARTICLES
from .new_article import add_command
from .pages import SECTION_PATH, NewsRender
from .reading import NEWS_DIR, load_articles
from .search import article_records

# From this many articles on, a build renders the older half of the bodies in a worker while
# it renders the newer half's pages (a fork costs less than rendering a hundred bodies).
AHEAD_FROM = 200


def news_render(build: BuildContext) -> NewsRender:
    """The one renderer of this build: each body is rendered once, for its page and feeds."""
    def make() -> NewsRender:
        cache = DerivedCache.open(build.paths.cache / "bodies") if build.paths else None
        render = NewsRender(build.portal, build.content_urls, cache)
        articles = build.portal[ARTICLES]
        # Not while previewing: the bodies it holds in memory would be lost in the worker.
        if build.paths is not None and len(articles) >= AHEAD_FROM and not previewing():
            render.render_ahead(articles[len(articles) // 2:])
        return render

    return build.memo("news", make)


class NewsSection(Section):
    name = NEWS_DIR
    title = "Tin tức"
    content_folder = NEWS_DIR

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[ARTICLES])} bài viết đã đến ngày đăng (kể cả bản nháp)"

    def check(self, ctx: LoadContext) -> None:
        """Articles are read in the check phase: the plan tasks they serve must exist."""
        if ctx.content_dir is None or ctx.site is None:
            return
        ctx.put(ARTICLES, load_articles(
            ctx.content_dir, ctx.root, ctx.site, ctx.get(PLANS), ctx.errors,
            now=ctx.now, include_drafts=ctx.include_drafts, models=ctx.models,
        ))

    def feeds(self, build: BuildContext) -> Sequence[FeedSpec]:
        return news_render(build).feeds()

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        if build.paths is None:
            return []
        images = [image for article in build.portal[ARTICLES]
                  for image in article.images.values()]
        return image_outputs(images, build.paths.content, ImageCache(build.paths.cache / "images"))

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return article_records(build.portal, news_render(build))

    def sitemap(self, build: BuildContext) -> SiteSection:
        return news_render(build).section()

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        news = news_render(build)
        pages = news.pages(build.env)
        build.warnings += [
            f"Bài viết {source}: liên kết «{url}» trỏ tới trang không tồn tại"
            for source, url in news.broken_links
        ]
        return pages

    def commands(self, commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
        add_command(commands)


SECTION = NewsSection()
__all__ = ["SECTION", "SECTION_PATH"]
