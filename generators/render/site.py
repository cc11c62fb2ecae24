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
from ..printing.pdf import PrintPaths, print_outputs
from ..search.index import build_index
from ..search.sources import site_records
from ..vietnamese.dates import build_now
from .about import about_page
from .environment import make_environment
from .home import home_page
from .hotlines import SECTION_PATH as HOTLINES_PATH
from .hotlines import hotline_outputs, hotline_pages, hotline_section
from .indices import SECTION_PATH as INDICES_PATH
from .indices import index_pages, index_section
from .legal import SECTION_PATH as LEGAL_PATH
from .legal import collect_citations, legal_pages, legal_section
from .links import is_external
from .news import SECTION_PATH as NEWS_PATH
from .news import NewsRender, feeds_page
from .pages import PageSpec, SiteSection, UnsafePath, check_path
from .plans import SECTION_PATH as PLANS_PATH
from .plans import plan_pages, plan_section
from .posters import SECTION_PATH as POSTERS_PATH
from .posters import poster_pages, poster_section, sheet_stylesheets
from .qa import SECTION_PATH as QA_PATH
from .qa import qa_feed, qa_pages, qa_section
from .reports import SECTION_PATH as REPORTS_PATH
from .reports import report_pages, report_section
from .search_page import search_page
from .sitemap import SITEMAP_PATH, sitemap_page
from .tthc import SECTION_PATH as PROCEDURES_PATH
from .tthc import tthc_feed, tthc_index, tthc_pages, tthc_section


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
    qa = qa_feed(portal)
    if qa is not None:
        feeds.append(qa)
    if portal.procedures:
        feeds.append(tthc_feed(portal))
    return feeds


def feed_links(feeds: list[FeedSpec]) -> list[FeedLink]:
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
    return [FeedLink(f.title, f.path, types[f.format]) for f in feeds if f.announce]


def site_outputs(
    portal: Portal,
    feeds: list[FeedSpec],
    prints: PrintPaths | None = None,
    *,
    content_dir: Path | None = None,
    cache_dir: Path | None = None,
    news: NewsRender | None = None,
) -> list[OutputFile]:
    """Files written after the pages: feeds, search index, catalogue data, resized images,
    print pages' stylesheets, and, given where the templates, content and cache are
    (`prints`), the print-ready PDFs with their thumbnails."""
    outputs = [
        OutputFile(f.path, render_feed(f, portal.site.url), source=f"nguồn tin «{f.title}»")
        for f in feeds
    ]
    outputs += hotline_outputs(portal)
    if news is not None:
        outputs += build_index(site_records(portal, news), portal.synonyms)
    if content_dir is not None and cache_dir is not None:
        images = [image for article in portal.articles for image in article.images.values()]
        outputs += image_outputs(images, content_dir, ImageCache(cache_dir / "images"))
    if portal.procedures:
        outputs.append(tthc_index(portal))
    outputs += sheet_stylesheets(portal)
    if prints is not None:
        env = make_environment(prints.templates)
        outputs += print_outputs(env, portal.posters_in_order(), portal.site, prints)
    return outputs


def download_sizes(outputs: list[OutputFile]) -> dict[str, int]:
    """Path → size in bytes of each output file, for pages that offer them for download."""
    return {o.path: len(o.content) for o in outputs}


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
    if portal.hotlines:
        expanded[HOTLINES_PATH] = hotline_section(portal)
    if portal.questions:
        expanded[QA_PATH] = qa_section(portal)
    if portal.legal.documents:
        expanded[LEGAL_PATH] = legal_section(portal)
    if portal.procedures:
        expanded[PROCEDURES_PATH] = tthc_section(portal)
    expanded[POSTERS_PATH] = poster_section(portal)
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
    downloads: dict[str, int] | None = None,
) -> list[PageSpec]:
    """All generated pages; raises DuplicatePage or UnsafePath on a clash or a bad path.

    `downloads` gives the size of each output file (download_sizes), shown beside its link.
    """
    content_pages = content_pages or {}
    pages = [home_page(env, portal), *plan_pages(env, portal), *tthc_pages(env, portal),
             *poster_pages(env, portal, downloads)]
    now = build_now()
    pages += [*report_pages(env, portal, now), *index_pages(env, portal, now)]
    if news is not None:
        pages += news.pages(env)
    if feeds:
        pages.append(feeds_page(env, portal, feeds))
    if news is not None:
        pages.append(search_page(env, site_records(portal, news)))
    pages += [*qa_pages(env, portal), *hotline_pages(env, portal), about_page(env, portal)]
    # The register's pages list where each document is cited, so they come after the others.
    pages += legal_pages(env, portal, collect_citations(pages))
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
