"""RSS 2.0 and Atom feeds that provincial portals can syndicate without surprises.

One model (`FeedSpec` with `FeedItem`s), two renderers. The rules the W3C validator most often
fails on are built in: a self link, permalink GUIDs, RFC 822 dates in +07:00, `description`
before `content:encoded`, HTML content sanitised with nh3 and every link and image in it made
absolute, one enclosure with its real length and type, and a `lastBuildDate` equal to the newest
item's date so two builds of the same content give byte-identical feeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from markupsafe import escape

from ..vietnamese.dates import build_now, to_vietnam_time
from .html_policy import clean_feed_html

MAX_ITEMS = 50

_URL_ATTRIBUTES = {"href", "src", "poster"}


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime_type: str


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str  # absolute permanent URL: also the GUID
    published: datetime
    summary: str
    content_html: str = ""
    updated: datetime | None = None
    categories: tuple[str, ...] = ()
    author: str | None = None
    enclosure: Enclosure | None = None


@dataclass(frozen=True)
class FeedSpec:
    """A feed at `path` (site-relative, e.g. "rss.xml") listing `items`."""

    path: str
    format: Literal["rss", "atom"]
    title: str
    description: str
    page_url: str  # absolute URL of the HTML page the feed mirrors
    items: Sequence[FeedItem] = field(default_factory=tuple)
    logo_url: str | None = None
    announce: bool = True  # offered on every page with <link rel="alternate">


def _absolute_srcset(value: str, base: str) -> str:
    parts = []
    for candidate in value.split(","):
        bits = candidate.strip().split()
        if bits:
            parts.append(" ".join([urljoin(base, bits[0]), *bits[1:]]))
    return ", ".join(parts)


def sanitise_html(html: str, base_url: str) -> str:
    """HTML safe to syndicate (html_policy.py: no script, style, iframe, event handler or
    javascript: URL), with absolute URLs."""

    def absolutise(tag: str, attribute: str, value: str) -> str | None:
        if attribute in _URL_ATTRIBUTES:
            return urljoin(base_url, value)
        if attribute == "srcset":
            return _absolute_srcset(value, base_url)
        return value

    return clean_feed_html(html, absolutise)


def newest_first(items: Sequence[FeedItem]) -> list[FeedItem]:
    """Newest first, capped at MAX_ITEMS; ties broken by URL so the order is stable."""
    ordered = sorted(items, key=lambda i: i.url)
    ordered.sort(key=lambda i: to_vietnam_time(i.published), reverse=True)
    return ordered[:MAX_ITEMS]


def _generator(spec: FeedSpec, self_url: str, items: list[FeedItem]) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(spec.page_url)
    fg.title(spec.title)
    # Readers show RSS descriptions, the channel's too, as HTML: its "<" stays a "<".
    fg.description(str(escape(spec.description)) if spec.format == "rss" else spec.description)
    fg.language("vi")
    # feedgen uses the last link set as RSS <link>: the self link first, the page last.
    fg.link(href=self_url, rel="self")
    fg.link(href=spec.page_url, rel="alternate")
    newest = max((to_vietnam_time(i.updated or i.published) for i in items), default=None)
    stamp = newest or build_now()
    fg.lastBuildDate(stamp)
    fg.updated(stamp)
    if spec.logo_url:
        fg.image(url=spec.logo_url, title=spec.title, link=spec.page_url)
        fg.logo(spec.logo_url)
    return fg


def render_feed(spec: FeedSpec, site_url: str) -> bytes:
    """The feed document; `site_url` is the absolute base of the site, ending in "/"."""
    self_url = urljoin(site_url, spec.path)
    items = newest_first(spec.items)
    fg = _generator(spec, self_url, items)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        # feedgen's id() also resets the GUID to a non-permalink: set the GUID after it.
        entry.id(item.url)
        entry.guid(item.url, permalink=True)
        entry.published(to_vietnam_time(item.published))
        entry.updated(to_vietnam_time(item.updated or item.published))
        # Readers take RSS <description> as HTML; a summary is text, so its "<" stays a "<".
        entry.description(str(escape(item.summary)) if spec.format == "rss" else item.summary)
        if spec.format == "atom":
            entry.summary(item.summary)
        if item.content_html:
            content = sanitise_html(item.content_html, item.url)
            entry.content(content, type="CDATA" if spec.format == "rss" else "html")
        for category in item.categories:
            entry.category(term=category)
        if item.author:
            entry.author(name=item.author)
        if item.enclosure:
            enclosure = item.enclosure
            if spec.format == "rss":
                entry.enclosure(enclosure.url, str(enclosure.length), enclosure.mime_type)
            else:
                entry.link(href=enclosure.url, rel="enclosure", type=enclosure.mime_type,
                           length=str(enclosure.length))
    if spec.format == "rss":
        return fg.rss_str(pretty=True)
    return fg.atom_str(pretty=True)
