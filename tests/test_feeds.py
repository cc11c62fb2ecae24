"""Feeds: valid, stable and complete, whatever the content holds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from generators.core import preview_memory
from generators.core.feeds import (
    MAX_ITEMS,
    Enclosure,
    FeedItem,
    FeedSpec,
    render_feed,
    sanitise_html,
)
from generators.vietnamese.dates import VIETNAM_TZ

from .feedcheck import ATOM, CONTENT, check_atom, check_rss

SITE = "https://cchc.example.gov.vn/"


def item(n: int, **changes: object) -> FeedItem:
    values: dict[str, object] = {
        "title": f"Tin số {n}: tập huấn dịch vụ công trực tuyến",
        "url": f"{SITE}tin-tuc/2024/tin-{n}/",
        "published": datetime(2024, 1, 1, 8, 0, tzinfo=VIETNAM_TZ) + timedelta(days=n),
        "summary": f"Tóm tắt tin {n}.",
        "content_html": f'<p>Nội dung <a href="../tin-{n - 1}/">tin trước</a></p>'
        f'<img src="anh.jpg" alt="Ảnh {n}">',
        "categories": ("Cải cách thủ tục hành chính",),
    }
    values.update(changes)
    return FeedItem(**values)  # type: ignore[arg-type]


def spec(fmt: str = "rss", items: list[FeedItem] | None = None) -> FeedSpec:
    return FeedSpec(
        path="rss.xml" if fmt == "rss" else "atom.xml",
        format=fmt,  # type: ignore[arg-type]
        title="Tin cải cách hành chính",
        description="Tin tức cải cách hành chính",
        page_url=f"{SITE}tin-tuc/",
        items=items if items is not None else [item(n) for n in range(1, 6)],
        logo_url=f"{SITE}assets/logo.svg",
    )


def test_rss_passes_the_validator_rules() -> None:
    root = check_rss(render_feed(spec(), SITE), f"{SITE}rss.xml")
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("link") == f"{SITE}tin-tuc/"
    first = channel.find("item")
    assert first is not None and (first.findtext("title") or "").startswith("Tin số 5")


def test_atom_passes_the_validator_rules() -> None:
    check_atom(render_feed(spec("atom"), SITE, "Sở Giao thông vận tải"), f"{SITE}atom.xml")


def test_atom_without_a_publisher_misses_the_author_atom_requires() -> None:
    with pytest.raises(AssertionError, match="no author"):
        check_atom(render_feed(spec("atom"), SITE), f"{SITE}atom.xml")


def test_channel_image_is_a_png_even_when_the_logo_is_an_svg() -> None:
    root = check_rss(render_feed(spec(), SITE), f"{SITE}rss.xml")
    assert root.findtext("channel/image/url") == f"{SITE}assets/logo-nguon-tin.png"
    atom = check_atom(render_feed(spec("atom"), SITE, "Sở"), f"{SITE}atom.xml")
    assert atom.findtext(f"{ATOM}logo") == f"{SITE}assets/logo-nguon-tin.png"


def test_atom_lead_image_is_an_enclosure_not_a_second_alternate() -> None:
    with_image = item(3, enclosure=Enclosure(f"{SITE}anh.jpg", 48213, "image/jpeg"))
    root = check_atom(render_feed(spec("atom", [with_image]), SITE, "Sở"), f"{SITE}atom.xml")
    links = [dict(link.attrib) for link in root.iter(f"{ATOM}link")][2:]  # after self, page
    assert links == [
        {"rel": "alternate", "type": "text/html", "href": with_image.url},
        {"rel": "enclosure", "type": "image/jpeg", "length": "48213", "href": f"{SITE}anh.jpg"},
    ]


def test_the_checker_refuses_what_the_validator_refuses() -> None:
    """Each rule can fail: an SVG channel image, a link without rel, an enclosure without
    length, a date that is not RFC 3339."""
    rss = render_feed(spec(), SITE).replace(b"logo-nguon-tin.png", b"logo.svg")
    with pytest.raises(AssertionError, match="GIF/JPEG/PNG"):
        check_rss(rss, f"{SITE}rss.xml")
    lead = Enclosure(f"{SITE}a.jpg", 9, "image/jpeg")
    atom = render_feed(spec("atom", [item(1, enclosure=lead)]), SITE, "Sở")
    for broken, message in (
        (atom.replace(b'rel="enclosure" ', b""), "without rel"),
        (atom.replace(b'rel="enclosure" type="image/jpeg"', b'rel="alternate" type="text/html"'),
         "duplicate alternates"),
        (atom.replace(b' length="9"', b""), "without a length"),
        (atom.replace(b"2024-01-02T08:00:00+07:00", b"2024-01-02 08:00", 1), "RFC 3339"),
    ):
        with pytest.raises(AssertionError, match=message):
            check_atom(broken, f"{SITE}atom.xml")


def test_feed_image_is_a_small_png_of_the_logo() -> None:
    from io import BytesIO

    from PIL import Image

    from generators.core.feeds import FEED_IMAGE_PATH, feed_image

    output = feed_image(Path(__file__).parent.parent / "content" / "assets" / "logo.svg")
    assert output.path == FEED_IMAGE_PATH
    picture = Image.open(BytesIO(output.content))
    assert picture.format == "PNG" and picture.width == 144
    # The emblem is drawn, not a blank square: its red disc is at the centre.
    red, green, _blue, alpha = picture.convert("RGBA").getpixel((72, 100))
    assert alpha == 255 and red > 150 and green < 80


def test_feed_image_is_drawn_once_for_each_logo(tmp_path: Path) -> None:
    """Kept in the cache by the logo's bytes: the next build loads no renderer, and a changed
    logo or a damaged entry is drawn again."""
    from unittest.mock import patch

    from generators.core import feed_image as drawing
    from generators.core.feeds import feed_image

    logo = tmp_path / "logo.svg"
    demo = Path(__file__).parent.parent / "content" / "assets" / "logo.svg"
    logo.write_bytes(demo.read_bytes())
    cache = tmp_path / "cache"
    first = feed_image(logo, cache=cache)
    with patch.object(drawing, "logo_png", side_effect=AssertionError("drawn again")):
        assert feed_image(logo, cache=cache).content == first.content
    logo.write_bytes(logo.read_bytes().replace(b"</svg>", b"<!-- v2 --></svg>"))
    with patch.object(drawing, "logo_png", wraps=drawing.logo_png) as draw:
        assert feed_image(logo, cache=cache).content == first.content
        assert draw.call_count == 1
        for entry in cache.glob("*/*.json"):
            entry.write_text(entry.read_text()[:-20])
        assert feed_image(logo, cache=cache).content == first.content
        assert draw.call_count == 2


def test_content_is_sanitised_and_absolute() -> None:
    hostile = item(
        9,
        content_html='<p onclick="x()">a</p><script>alert(1)</script><style>p{}</style>'
        '<iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)">b</a>'
        '<img src="../anh/a.jpg" srcset="a-320.jpg 320w, a-640.jpg 640w">',
    )
    root = check_rss(render_feed(spec(items=[hostile]), SITE), f"{SITE}rss.xml")
    content = root.find("channel/item").findtext(CONTENT)
    assert "script" not in content and "onclick" not in content and "iframe" not in content
    assert "javascript:" not in content
    assert f'src="{SITE}tin-tuc/2024/anh/a.jpg"' in content
    assert f"{SITE}tin-tuc/2024/tin-9/a-320.jpg 320w" in content


def test_enclosure_carries_length_and_type() -> None:
    with_image = item(3, enclosure=Enclosure(f"{SITE}anh.jpg", 48213, "image/jpeg"))
    root = check_rss(render_feed(spec(items=[with_image]), SITE), f"{SITE}rss.xml")
    enclosure = root.find("channel/item/enclosure")
    assert enclosure.get("length") == "48213" and enclosure.get("type") == "image/jpeg"


def test_at_most_fifty_items_newest_first() -> None:
    many = [item(n) for n in range(1, 80)]
    root = check_rss(render_feed(spec(items=many), SITE), f"{SITE}rss.xml")
    titles = [i.findtext("title") for i in root.findall("channel/item")]
    assert len(titles) == MAX_ITEMS
    assert titles[0].startswith("Tin số 79")


def test_two_renders_of_the_same_content_are_byte_identical() -> None:
    assert render_feed(spec(), SITE) == render_feed(spec(), SITE)
    assert render_feed(spec("atom"), SITE) == render_feed(spec("atom"), SITE)


def test_last_build_date_is_the_newest_item() -> None:
    root = check_rss(render_feed(spec(), SITE), f"{SITE}rss.xml")
    assert root.findtext("channel/lastBuildDate") == "Sat, 06 Jan 2024 08:00:00 +0700"


def test_while_previewing_a_feed_is_made_again_when_its_items_or_its_clock_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    preview_memory.keep_in_memory()
    try:
        first = render_feed(spec(), SITE)
        assert render_feed(spec(), SITE) == first
        assert render_feed(spec(items=[item(1), item(2, title="Tin đã sửa")]), SITE) != first
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735621200")  # 31/12/2024
        empty = check_rss(render_feed(spec(items=[]), SITE), f"{SITE}rss.xml")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767157200")  # a year on
        later = check_rss(render_feed(spec(items=[]), SITE), f"{SITE}rss.xml")
    finally:
        preview_memory.keep_in_memory(False)
    assert empty.findtext("channel/lastBuildDate") != later.findtext("channel/lastBuildDate")


def test_dates_are_given_in_vietnam_time() -> None:
    utc = item(1, published=datetime(2024, 6, 30, 16, 30, tzinfo=UTC))
    root = check_rss(render_feed(spec(items=[utc]), SITE), f"{SITE}rss.xml")
    assert root.findtext("channel/item/pubDate") == "Sun, 30 Jun 2024 23:30:00 +0700"


@pytest.mark.parametrize("html", ["", "<p>x</p>", "<b>đậm</b> <i>nghiêng</i>"])
def test_sanitising_keeps_harmless_markup(html: str) -> None:
    assert sanitise_html(html, SITE) == html


def test_date_only_items_are_accepted() -> None:
    dated = item(2, published=datetime.combine(date(2024, 3, 1), datetime.min.time(),
                                               tzinfo=VIETNAM_TZ))
    check_rss(render_feed(spec(items=[dated]), SITE), f"{SITE}rss.xml")


def test_every_feed_of_the_demo_site_passes_and_its_image_is_published(built_site: Path) -> None:
    """All twelve feeds (news, Atom, one per category, Q&A, procedures) pass the rules, and the
    PNG their channel image names is in the site."""
    from io import BytesIO

    from PIL import Image

    from .test_news_site import SITE_URL

    feeds = [f for f in built_site.rglob("*.xml") if not f.name.startswith("sitemap")]
    assert len(feeds) >= 12
    for feed in feeds:
        data = feed.read_bytes()
        url = SITE_URL + feed.relative_to(built_site).as_posix()
        root = check_atom(data, url) if b"<feed" in data[:300] else check_rss(data, url)
        image = root.findtext("channel/image/url") or root.findtext(f"{ATOM}logo")
        assert image == f"{SITE_URL}assets/logo-nguon-tin.png"
    png = Image.open(BytesIO((built_site / "assets" / "logo-nguon-tin.png").read_bytes()))
    assert png.format == "PNG" and png.width <= 144


@pytest.mark.parametrize(("content", "message"), [
    (None, "không thấy biểu trưng content/assets/logo.svg"),
    (b"<svg", "không đọc được biểu trưng content/assets/logo.svg"),
    (b"not an image at all", "không đọc được biểu trưng content/assets/logo.svg"),
])
def test_a_missing_or_broken_logo_is_a_vietnamese_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    from generators.core.feeds import FeedImageError, feed_image

    logo = tmp_path / "logo.svg"
    if content is not None:
        logo.write_bytes(content)
    with pytest.raises(FeedImageError, match=message):
        feed_image(logo, "content/assets/logo.svg")
