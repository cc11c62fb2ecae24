"""Every generated page of the portal, checked so no two pages claim the same path."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from ..feeds import FeedSpec, render_feed
from ..outputs import OutputFile
from ..portal import Portal
from ..printing.pdf import PrintPaths, print_outputs
from .environment import make_environment
from .home import home_page
from .links import is_external
from .pages import PageSpec, SiteSection, UnsafePath, check_path
from .plans import SECTION_PATH as PLANS_PATH
from .plans import plan_pages, plan_section
from .posters import SECTION_PATH as POSTERS_PATH
from .posters import poster_pages, poster_section, sheet_stylesheets
from .sitemap import SITEMAP_PATH, sitemap_page


class DuplicatePage(ValueError):
    pass


@dataclass(frozen=True)
class FeedLink:
    """A feed announced on every page with <link rel="alternate">."""

    title: str
    path: str
    mime_type: str


def site_feeds(portal: Portal) -> list[FeedSpec]:
    """Every feed of the site; each content type adds its own here."""
    return []


def feed_links(feeds: list[FeedSpec]) -> list[FeedLink]:
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
    return [FeedLink(f.title, f.path, types[f.format]) for f in feeds]


def site_outputs(
    portal: Portal, feeds: list[FeedSpec], prints: PrintPaths | None = None
) -> list[OutputFile]:
    """Files written after the pages: feeds, print pages' stylesheets, and, given where the
    templates, content and cache are (`prints`), the print-ready PDFs with their thumbnails."""
    outputs = [
        OutputFile(f.path, render_feed(f, portal.site.url), source=f"nguồn tin «{f.title}»")
        for f in feeds
    ]
    outputs += sheet_stylesheets(portal)
    if prints is not None:
        env = make_environment(prints.templates)
        outputs += print_outputs(env, portal.posters_in_order(), portal.site, prints)
    return outputs


def download_sizes(outputs: list[OutputFile]) -> dict[str, int]:
    """Path → size in bytes of each output file, for pages that offer them for download."""
    return {o.path: len(o.content) for o in outputs}


def site_sections(portal: Portal, content_pages: dict[str, str]) -> list[SiteSection]:
    """Site-map sections: the menu in its order, with generated sections expanded.

    `content_pages` maps the path of each editor-written Markdown page to its title, so pages
    outside the menu are listed too.
    """
    expanded = {PLANS_PATH: plan_section(portal), POSTERS_PATH: poster_section(portal)}
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
    downloads: dict[str, int] | None = None,
) -> list[PageSpec]:
    """All generated pages; raises DuplicatePage or UnsafePath on a clash or a bad path.

    `downloads` gives the size of each output file (download_sizes), shown beside its link.
    """
    content_pages = content_pages or {}
    pages = [home_page(env, portal), *plan_pages(env, portal),
             *poster_pages(env, portal, downloads)]
    sections = site_sections(portal, content_pages)
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
