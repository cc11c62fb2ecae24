"""RSS 2.0 and Atom feeds that provincial portals can syndicate without surprises.

One model (`FeedSpec` with `FeedItem`s), two renderers. The rules the W3C validator most often
fails on are built in: a self link, permalink GUIDs, RFC 822 dates in +07:00, `description`
before `content:encoded`, HTML content sanitised with nh3 and every link and image in it made
absolute, one enclosure with its real length and type, and a `lastBuildDate` equal to the newest
item's date so two builds of the same content give byte-identical feeds.

Two rules need care beyond feedgen: an RSS `<channel><image>` may only be GIF, JPEG or PNG, so
the feeds point at `FEED_IMAGE_PATH`, a PNG of the site's logo made at build time
(`feed_image`); and feedgen 1.0 drops every attribute of an Atom entry's `<link>`, which turns
a lead image into a second alternate link, so Atom entry links are written here
(`_atom_links`): one `rel="alternate"` page, one `rel="enclosure"` image with type and length.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import escape

from ..printing.renderer import renderer_versions
from ..vietnamese.dates import build_now, to_vietnam_time
from .derived_cache import DerivedCache, make_key
from .html_policy import clean_feed_html
from .outputs import OutputFile
from .render_memo import remembered

MAX_ITEMS = 50

_URL_ATTRIBUTES = {"href", "src", "poster"}

# The channel image of every feed: RSS 2.0 allows GIF, JPEG or PNG only, at most 144 px wide.
FEED_IMAGE_PATH = "assets/logo-nguon-tin.png"
FEED_IMAGE_WIDTH = 144
_ATOM = "{http://www.w3.org/2005/Atom}"


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


def _generator(
    spec: FeedSpec, site_url: str, self_url: str, items: list[FeedItem]
) -> FeedGenerator:
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
        # The logo itself may be an SVG: the channel image is always its PNG rendition.
        image = urljoin(site_url, FEED_IMAGE_PATH)
        fg.image(url=image, title=spec.title, link=spec.page_url)
        fg.logo(image)
    return fg


def render_feed(spec: FeedSpec, site_url: str, publisher: str | None = None) -> bytes:
    """The feed document; `site_url` is the absolute base of the site, ending in "/".

    `publisher` (the agency) is the Atom feed's author, which Atom requires of every entry
    that names none of its own. While previewing, a feed of the same items is not written out
    again (render_memo.py); an empty feed is dated by the build's clock, which is keyed then."""
    clock = None if spec.items else build_now()
    return remembered(("feed", spec.path),
                      {"spec": spec, "site_url": site_url, "publisher": publisher, "clock": clock},
                      lambda: _render_feed(spec, site_url, publisher))


def _render_feed(spec: FeedSpec, site_url: str, publisher: str | None) -> bytes:
    self_url = urljoin(site_url, spec.path)
    items = newest_first(spec.items)
    fg = _generator(spec, site_url, self_url, items)
    if publisher and spec.format == "atom":
        fg.author(name=publisher)
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
        if item.enclosure and spec.format == "rss":
            enclosure = item.enclosure
            entry.enclosure(enclosure.url, str(enclosure.length), enclosure.mime_type)
    if spec.format == "rss":
        return fg.rss_str(pretty=True)
    return _atom_links(fg.atom_str(pretty=False), items)


def _atom_links(document: bytes, items: list[FeedItem]) -> bytes:
    """Each Atom entry's links, written after feedgen (which would drop rel, type, length):
    the page as the one `rel="alternate"`, the lead image as `rel="enclosure"`."""
    root = etree.fromstring(document)
    for entry, item in zip(root.iter(f"{_ATOM}entry"), items, strict=True):
        written = entry.findall(f"{_ATOM}link")
        position = list(entry).index(written[0]) if written else len(entry)
        for link in written:
            entry.remove(link)
        links = [{"rel": "alternate", "type": "text/html", "href": item.url}]
        if item.enclosure:
            links.append({"rel": "enclosure", "type": item.enclosure.mime_type,
                          "length": str(item.enclosure.length), "href": item.enclosure.url})
        for offset, attributes in enumerate(links):
            link = etree.Element(f"{_ATOM}link", attrib=attributes)
            entry.insert(position + offset, link)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class FeedImageError(ValueError):
    """The site's logo cannot be read or drawn as the feeds' PNG (a Vietnamese message)."""


def feed_image(logo: Path, shown: str | None = None, cache: Path | None = None) -> OutputFile:
    """The site's logo (a file in content/, named `shown` in errors) as the PNG the feeds'
    channel image points at (FEED_IMAGE_PATH), FEED_IMAGE_WIDTH pixels wide; drawn once for
    each logo and kept in `cache` (a folder), so a build with the same logo loads no renderer."""
    name = shown or logo.name
    try:
        data = logo.read_bytes()
    except OSError:
        raise FeedImageError(
            f"không thấy biểu trưng {name} (trường logo trong data/site.yml); hãy đặt tệp logo "
            "vào content/ hoặc sửa đường dẫn"
        ) from None
    svg = logo.suffix.lower() == ".svg"
    store = DerivedCache.open(cache) if cache is not None else None
    key = make_key("feed-image", str(svg), str(FEED_IMAGE_WIDTH), *_RENDERERS,
                   renderer_versions(), hashlib.sha256(data).hexdigest())
    kept = store.get(key) if store is not None else None
    if isinstance(kept, str):
        return OutputFile(FEED_IMAGE_PATH, base64.b64decode(kept),
                          source=f"ảnh nguồn tin từ biểu trưng {name}")
    try:
        from .feed_image import logo_png

        png = logo_png(data, svg=svg, width=FEED_IMAGE_WIDTH)
    except (OSError, ValueError, RuntimeError):
        raise FeedImageError(
            f"không đọc được biểu trưng {name} như một ảnh SVG, PNG hoặc JPEG; hãy lưu lại logo "
            "ở một trong các dạng đó"
        ) from None
    if store is not None:
        store.put(key, base64.b64encode(png).decode("ascii"))
    return OutputFile(FEED_IMAGE_PATH, png, source=f"ảnh nguồn tin từ biểu trưng {name}")


# The renderers that draw the logo, whose versions are part of the cached image's key (with
# the system's libraries: printing/renderer.py).
_RENDERERS = tuple(f"{n}={metadata.version(n)}" for n in ("weasyprint", "pypdfium2", "pillow"))
