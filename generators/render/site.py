"""Every generated page of the portal, checked so no two pages claim the same path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..feeds import FeedSpec, render_feed
from ..images import ImageCache, image_outputs
from ..outputs import OutputFile
from ..portal import Portal
from ..vietnamese.dates import build_now
from .home import home_page
from .indices import SECTION_PATH as INDICES_PATH
from .indices import index_pages, index_section
from .links import is_external
from .news import SECTION_PATH as NEWS_PATH
from .news import NewsRender, feeds_page
from .pages import PageSpec, SiteSection, UnsafePath, check_path
from .plans import SECTION_PATH as PLANS_PATH
from .plans import plan_pages, plan_section
from .reports import SECTION_PATH as REPORTS_PATH
from .reports import report_pages, report_section
from .sitemap import SITEMAP_PATH, sitemap_page


class DuplicatePage(ValueError):
    pass


@dataclass(frozen=True)
class FeedLink:
    """A feed announced on every page with <link rel="alternate">."""

    title: str
    path: str
    mime_type: str


def site_feeds(portal: Portal, news: NewsRender | None = None) -> list[FeedSpec]:
    """Every feed of the site; each content type adds its own here."""
    feeds: list[FeedSpec] = []
    if news is not None:
        feeds += news.feeds()
    return feeds


def feed_links(feeds: list[FeedSpec]) -> list[FeedLink]:
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
    return [FeedLink(f.title, f.path, types[f.format]) for f in feeds if f.announce]


def site_outputs(
    portal: Portal,
    feeds: list[FeedSpec],
    *,
    content_dir: Path | None = None,
    cache_dir: Path | None = None,
) -> list[OutputFile]:
    """Files written after the pages: feeds, resized images; print files and cards as they come."""
    outputs = [
        OutputFile(f.path, render_feed(f, portal.site.url), source=f"nguồn tin «{f.title}»")
        for f in feeds
    ]
    if content_dir is not None and cache_dir is not None:
        images = [image for article in portal.articles for image in article.images.values()]
        outputs += image_outputs(images, content_dir, ImageCache(cache_dir / "images"))
    return outputs


def site_sections(
    portal: Portal, content_pages: dict[str, str], news: NewsRender | None = None
) -> list[SiteSection]:
    """Site-map sections: the menu in its order, with generated sections expanded.

    `content_pages` maps the path of each editor-written Markdown page to its title, so pages
    outside the menu are listed too.
    """
    expanded = {PLANS_PATH: plan_section(portal), REPORTS_PATH: report_section(portal)}
    indices = index_section(portal)
    if indices is not None:
        expanded[INDICES_PATH] = indices
    if news is not None:
        expanded[NEWS_PATH] = news.section()
    sections: list[SiteSection] = []
    listed: set[str] = set()
    for item in portal.site.menu:
        sections.append(expanded.get(item.link, SiteSection(item.title, item.link)))
        listed.add(item.link)
    for link, section in expanded.items():
        if link not in listed:
            sections.append(section)
    for path, title in sorted(content_pages.items()):
        if path not in listed and not is_external(path):
            sections.append(SiteSection(title, path))
    return sections


def generate_pages(
    env: Environment,
    portal: Portal,
    content_pages: dict[str, str] | None = None,
    *,
    news: NewsRender | None = None,
    feeds: Sequence[FeedSpec] = (),
) -> list[PageSpec]:
    """All generated pages; raises DuplicatePage or UnsafePath on a clash or a bad path."""
    content_pages = content_pages or {}
    pages = [home_page(env, portal), *plan_pages(env, portal)]
    now = build_now()
    pages += [*report_pages(env, portal, now), *index_pages(env, portal, now)]
    if news is not None:
        pages += news.pages(env)
    if feeds:
        pages.append(feeds_page(env, portal, feeds))
    sections = site_sections(portal, content_pages, news)
    pages.append(sitemap_page(env, portal, sections))
    seen = {path: f"trang «{title}» trong content/" for path, title in content_pages.items()}
    for page in pages:
        check_path(page.path)
        if page.path in seen:
            raise DuplicatePage(
                f"hai trang cùng đường dẫn «/{page.path}»: {page.title} và {seen[page.path]}"
            )
        seen[page.path] = page.title
    return pages


__all__ = ["SITEMAP_PATH", "DuplicatePage", "UnsafePath", "generate_pages"]
