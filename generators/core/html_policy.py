"""The one policy for raw HTML in what editors write: it may format text, never run code.

Editors' Markdown (articles, plan sections, answers, procedure steps, the site's intro, every
other Markdown field, and Markdown pages added to content/) may hold raw HTML. It is neither
refused nor trusted: every piece of it is cleaned with nh3 against the allow-lists below before
it reaches a page or a feed. What is not listed goes: `<script>`, `<style>` (with their content),
`<iframe>`, `<object>`, `<form>`, every `on…=` event attribute, `style=`, and any URL whose
scheme is not http, https, mailto or tel (`javascript:`, `data:`), and media (`src`, `srcset`,
`poster`) loading from another host. Feeds allow a little less than pages, as partner portals
show them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nh3

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# What a syndicating portal may show: text structure, links, images, tables, figures, video.
FEED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol",
    "p", "pre", "s", "small", "source", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "video",
}
FEED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "source": {"src", "type", "srcset", "sizes", "media"},
    "video": {"src", "poster", "controls", "width", "height", "preload"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "ol": {"start"},
}

# Pages keep a few more structural tags (details: MkDocs' pymdownx.details on content/ pages)
# and the attributes our stylesheet and anchors use.
PAGE_TAGS = FEED_TAGS | {"h1", "section", "aside", "mark", "kbd", "q", "cite", "details", "summary"}
PAGE_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in FEED_ATTRIBUTES.items()},
    "img": FEED_ATTRIBUTES["img"] | {"decoding", "class"},
    "*": {"id", "class", "lang", "title"},
}


_MEDIA_ATTRIBUTES = {"src", "srcset", "poster"}
_OTHER_HOST = re.compile(r"(?:^|,)\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def _no_other_host(tag: str, attribute: str, value: str) -> str | None:
    """Media load from the site only: a page never makes a request to another host."""
    if attribute in _MEDIA_ATTRIBUTES and _OTHER_HOST.search(value):
        return None
    return value


def clean_page_html(html: str) -> str:
    """Editors' HTML as a page may show it."""
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_no_other_host,
        link_rel=None,
        strip_comments=True,
    )


def clean_feed_html(
    html: str, attribute_filter: Callable[[str, str, str], str | None] | None = None
) -> str:
    """Editors' HTML as a feed may carry it; `attribute_filter` may rewrite attribute values
    (after media from another host are dropped)."""

    def media_then(tag: str, attribute: str, value: str) -> str | None:
        if _no_other_host(tag, attribute, value) is None:
            return None
        return attribute_filter(tag, attribute, value) if attribute_filter else value

    return nh3.clean(
        html,
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=media_then,
        link_rel="noopener",
        strip_comments=True,
    )
