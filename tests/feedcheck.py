"""The rules the W3C feed validator most often fails on, as reusable assertions.

Every feed test in the suite goes through `check_rss` / `check_atom`, so all feeds of the site
meet one bar.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

import feedparser
from lxml import etree, html

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _absolute(url: str) -> bool:
    return bool(re.match(r"^(https?:|mailto:|tel:)", url))


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
    selves = [link.get("href") for link in channel.findall(f"{ATOM}link")
              if link.get("rel") == "self"]
    assert selves == [self_url]
    assert _absolute(channel.findtext("link") or "")
    items = channel.findall("item")
    dates = []
    for item in items:
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "true"
        assert guid.text == item.findtext("link") and _absolute(guid.text or "")
        pub = item.findtext("pubDate") or ""
        assert re.match(r"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700$", pub), pub
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
        last = parsedate_to_datetime(channel.findtext("lastBuildDate") or "")
        assert last == max(dates) or last >= max(dates)
    return root


def check_atom(data: bytes, self_url: str) -> etree._Element:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    root = etree.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    selves = [link.get("href") for link in root.findall(f"{ATOM}link")
              if link.get("rel") == "self"]
    assert selves == [self_url]
    for entry in root.findall(f"{ATOM}entry"):
        assert _absolute(entry.findtext(f"{ATOM}id") or "")
        content = entry.find(f"{ATOM}content")
        if content is not None:
            assert content.get("type") == "html"
            check_content(content.text or "")
    return root
