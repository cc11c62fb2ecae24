"""The rules the W3C feed validator most often fails on, as reusable assertions.

Every feed test in the suite goes through `check_rss` / `check_atom`, so all feeds of the site
meet one bar. The rules are the W3C Feed Validator's (https://validator.w3.org/feed/docs/):
RSS 2.0 — a channel image in GIF, JPEG or PNG at most 144 px wide linking to the channel's
page, RFC 822 dates, unique permalink GUIDs, absolute links, an atom:link self with its type;
Atom — an absolute atom:id on the feed and every entry, unique entry ids, RFC 3339 dates, one
`rel="alternate"` link per type and hreflang, every link with an explicit rel, an enclosure
with type and length, a self link, a logo in a raster format and an author for every entry.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from email.utils import parsedate_to_datetime

import feedparser
from lxml import etree, html

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


RASTER_IMAGE = re.compile(r"\.(png|gif|jpe?g)$", re.IGNORECASE)
RFC_822 = re.compile(r"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700$")
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _absolute(url: str) -> bool:
    return bool(re.match(r"^(https?:|mailto:|tel:)", url))


def _rfc_3339(value: str | None) -> datetime:
    assert value and RFC_3339.match(value), f"not an RFC 3339 date: {value!r}"
    return datetime.fromisoformat(value)


def check_rss_image(channel: etree._Element) -> None:
    """RSS 2.0 <image>: a GIF, JPEG or PNG (never an SVG), absolute, linking to the channel's
    page, at most 144 x 400 pixels when sizes are given."""
    image = channel.find("image")
    if image is None:
        return
    url = image.findtext("url") or ""
    assert _absolute(url) and RASTER_IMAGE.search(url), f"RSS image must be GIF/JPEG/PNG: {url}"
    assert image.findtext("title"), "RSS image without a title"
    assert image.findtext("link") == channel.findtext("link"), "RSS image link ≠ channel link"
    assert int(image.findtext("width") or "88") <= 144
    assert int(image.findtext("height") or "31") <= 400


def check_content(fragment: str) -> None:
    """Sanitised HTML with absolute URLs only."""
    if not fragment.strip():
        return
    tree = html.fragment_fromstring(fragment, create_parent="div")
    assert not tree.xpath("//script|//style|//iframe|//object|//embed"), fragment
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.startswith("on"), (name, fragment)
            if name in ("href", "src", "poster"):
                assert _absolute(value), f"relative URL in feed content: {value}"


def check_rss(data: bytes, self_url: str) -> etree._Element:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    root = etree.fromstring(data)
    channel = root.find("channel")
    assert channel is not None and root.get("version") == "2.0"
    assert channel.findtext("language") == "vi"
    selves = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in selves] == [self_url]
    assert selves[0].get("type") in (None, "application/rss+xml")
    assert _absolute(channel.findtext("link") or "")
    assert channel.findtext("title") and channel.findtext("description")
    check_rss_image(channel)
    items = channel.findall("item")
    guids = [item.findtext("guid") for item in items]
    assert len(guids) == len(set(guids)), "two items share a GUID"
    dates = []
    for item in items:
        assert item.findtext("title"), "item without a title"
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "true"
        assert guid.text == item.findtext("link") and _absolute(guid.text or "")
        pub = item.findtext("pubDate") or ""
        assert RFC_822.match(pub), pub
        dates.append(parsedate_to_datetime(pub))
        children = [child.tag for child in item]
        if CONTENT in children:
            assert "description" in children
            assert children.index("description") < children.index(CONTENT)
            check_content(item.findtext(CONTENT) or "")
        enclosures = item.findall("enclosure")
        assert len(enclosures) <= 1
        for enclosure in enclosures:
            assert _absolute(enclosure.get("url", ""))
            assert int(enclosure.get("length", "0")) > 0 and enclosure.get("type")
    assert dates == sorted(dates, reverse=True), "items must be newest first"
    if dates:
        assert RFC_822.match(channel.findtext("lastBuildDate") or "")
        last = parsedate_to_datetime(channel.findtext("lastBuildDate") or "")
        assert last == max(dates) or last >= max(dates)
    return root


def check_atom(data: bytes, self_url: str) -> etree._Element:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    root = etree.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    check_atom_links(root)
    selves = [link.get("href") for link in root.findall(f"{ATOM}link")
              if link.get("rel") == "self"]
    assert selves == [self_url]
    assert _absolute(root.findtext(f"{ATOM}id") or ""), "feed atom:id must be an absolute IRI"
    assert root.findtext(f"{ATOM}title")
    _rfc_3339(root.findtext(f"{ATOM}updated"))
    logo = root.findtext(f"{ATOM}logo")
    if logo is not None:
        assert _absolute(logo) and RASTER_IMAGE.search(logo), f"Atom logo not GIF/JPEG/PNG: {logo}"
    feed_author = root.find(f"{ATOM}author") is not None
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids)), "two entries share an atom:id"
    for entry in entries:
        assert _absolute(entry.findtext(f"{ATOM}id") or "")
        assert entry.findtext(f"{ATOM}title"), "entry without a title"
        _rfc_3339(entry.findtext(f"{ATOM}updated"))
        if entry.find(f"{ATOM}published") is not None:
            _rfc_3339(entry.findtext(f"{ATOM}published"))
        assert feed_author or entry.find(f"{ATOM}author/{ATOM}name") is not None, (
            f"entry {entry.findtext(f'{ATOM}id')} has no author and the feed has none"
        )
        check_atom_links(entry)
        content = entry.find(f"{ATOM}content")
        if content is not None:
            assert content.get("type") == "html"
            check_content(content.text or "")
    return root


def check_atom_links(element: etree._Element) -> None:
    """The links of an Atom feed or entry: each with an explicit rel and an absolute href, at
    most one alternate per type and hreflang (the validator's "Duplicate alternate links"),
    an alternate page for an entry, and every enclosure with its type and a length."""
    links = element.findall(f"{ATOM}link")
    for link in links:
        assert link.get("rel"), f"link without rel (read as a second alternate): {link.get('href')}"
        assert _absolute(link.get("href", "")), link.get("href")
    alternates = Counter(
        (link.get("type"), link.get("hreflang")) for link in links if link.get("rel") == "alternate"
    )
    assert all(count == 1 for count in alternates.values()), f"duplicate alternates: {alternates}"
    if element.tag == f"{ATOM}entry":
        assert alternates, "entry without an alternate link to its page"
    for link in links:
        if link.get("rel") == "enclosure":
            assert link.get("type"), "enclosure without a type"
            assert int(link.get("length") or "0") > 0, "enclosure without a length"
