"""The news section of the built demo site, as citizens and partner portals get it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.core.portal import Portal
from generators.sections.news.model import ARTICLES, articles_for_task

from .conftest import FEED_LINKS, ROOT, copy_project, is_redirect, parse, run_build
from .feedcheck import check_atom, check_rss
from .page_types import judged

pytestmark = pytest.mark.build

SITE_URL = "https://sgtvt.quangtri.gov.vn/cchc/"


def test_demo_has_at_least_thirty_articles_over_2024(portal: Portal) -> None:
    dated_2024 = [a for a in portal[ARTICLES] if a.year == 2024]
    assert len(dated_2024) >= 30
    assert len({a.published.month for a in dated_2024}) == 12
    assert sum(1 for a in dated_2024 if a.image) >= 5
    assert sum(1 for a in dated_2024 if a.meta.plan_tasks) >= 15


def test_every_published_article_has_its_page(built_site: Path, portal: Portal) -> None:
    for article in portal[ARTICLES]:
        page = parse(built_site / article.path / "index.html")
        assert page.xpath("string(//h1)") == article.meta.title
        assert page.xpath("//time/@datetime")[0].startswith(article.published.date().isoformat())
        meta_line = page.xpath("string(//p[contains(@class,'cchc-article__meta')])")
        assert "Thứ " in meta_line or "Chủ Nhật" in meta_line


def test_drafts_and_future_articles_are_not_published(built_site: Path) -> None:
    sources = list((ROOT / "content" / "tin-tuc").rglob("*.md"))
    drafts = [p for p in sources if "\ndraft: true" in p.read_text(encoding="utf-8")]
    assert drafts, "the demo keeps one draft to show the rule"
    for draft in drafts:
        assert not list(built_site.glob(f"tin-tuc/*/{draft.stem}*/index.html"))
    assert not (built_site / "tin-tuc" / "2026").exists()  # dated after the pinned clock


def test_articles_stay_out_of_the_navigation(built_site: Path, portal: Portal) -> None:
    article = portal[ARTICLES][0]
    page = parse(built_site / article.path / "index.html")
    nav_links = page.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not [link for link in nav_links if "/20" in link]


def test_feeds_are_valid_and_complete(built_site: Path, portal: Portal) -> None:
    rss = check_rss((built_site / "rss.xml").read_bytes(), f"{SITE_URL}rss.xml")
    items = rss.findall("channel/item")
    assert len(items) == min(50, len(portal[ARTICLES]))
    assert items[0].findtext("link") == SITE_URL + portal[ARTICLES][0].path
    check_atom((built_site / "atom.xml").read_bytes(), f"{SITE_URL}atom.xml")
    for category in portal.site.categories:
        feed = built_site / "tin-tuc" / "chuyen-muc" / category.slug / "rss.xml"
        check_rss(feed.read_bytes(), f"{SITE_URL}tin-tuc/chuyen-muc/{category.slug}/rss.xml")
    with_image = [i for i in items if i.find("enclosure") is not None]
    assert with_image
    for item in with_image:
        enclosure = item.find("enclosure")
        local = built_site / enclosure.get("url").removeprefix(SITE_URL)
        assert local.stat().st_size == int(enclosure.get("length"))


def test_every_page_announces_the_site_feeds(built_site: Path) -> None:
    for path in judged(built_site, built_site.rglob("index.html")):
        if is_redirect(path):
            continue
        alternates = parse(path).xpath(FEED_LINKS + "/@type")
        assert "application/rss+xml" in alternates and "application/atom+xml" in alternates, path


def test_feeds_page_lists_every_feed(built_site: Path) -> None:
    page = parse(built_site / "nguon-tin" / "index.html")
    listed = [c.text_content() for c in page.xpath("//table[contains(@class,'cchc-feeds')]//code")]
    assert f"{SITE_URL}rss.xml" in listed and f"{SITE_URL}atom.xml" in listed
    for url in listed:
        assert (built_site / url.removeprefix(SITE_URL)).is_file()


def test_shared_links_show_title_summary_and_image(built_site: Path, portal: Portal) -> None:
    article = next(a for a in portal[ARTICLES] if a.image)
    page = parse(built_site / article.path / "index.html")

    def og(name: str) -> str:
        return page.xpath(f"string(//meta[@property='og:{name}']/@content)")

    assert og("title") == article.meta.title
    assert og("description") == article.meta.summary
    assert og("type") == "article"
    assert og("image").startswith(SITE_URL)
    assert (built_site / og("image").removeprefix(SITE_URL)).is_file()


def test_images_are_served_in_several_widths(built_site: Path, portal: Portal) -> None:
    article = next(a for a in portal[ARTICLES] if a.image)
    page = parse(built_site / article.path / "index.html")
    [lead] = page.xpath("//figure[contains(@class,'cchc-article__lead')]//img")
    assert lead.get("width") and lead.get("height") and lead.get("alt")
    candidates = [c.strip().split()[0] for c in lead.get("srcset").split(",")]
    assert len(candidates) >= 3
    for candidate in candidates:
        assert (built_site / article.path / candidate).resolve().is_file(), candidate


def test_plan_page_lists_the_articles_serving_its_tasks(built_site: Path, portal: Portal) -> None:
    slug = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"
    page = parse(built_site / "ke-hoach" / slug / "index.html")
    listed = page.xpath("//section[contains(@class,'cchc-plan-articles')]//dd//a/@href")
    expected = articles_for_task(portal[ARTICLES], slug)
    assert len(listed) == sum(len(v) for v in expected.values())
    article = expected["2.11"][0]
    served = parse(built_site / article.path / "index.html")
    links = served.xpath("//aside[contains(@class,'cchc-serves')]//a/@href")
    assert any(link.endswith(f"{slug}/#2.11") for link in links)


def test_archives_exist_for_categories_tags_and_years(built_site: Path, portal: Portal) -> None:
    for category in portal.site.categories:
        assert (built_site / "tin-tuc" / "chuyen-muc" / category.slug / "index.html").is_file()
    assert (built_site / "tin-tuc" / "2024" / "index.html").is_file()
    assert (built_site / "tin-tuc" / "the" / "dich-vu-cong-truc-tuyen" / "index.html").is_file()
    if len(portal[ARTICLES]) > 20:
        second = parse(built_site / "tin-tuc" / "trang" / "2" / "index.html")
        assert second.xpath("//nav[contains(@class,'cchc-pagination')]//span[@aria-current]")


def test_home_page_shows_the_latest_news(built_site: Path, portal: Portal) -> None:
    home = parse(built_site / "index.html")
    titles = home.xpath("//section[@aria-labelledby='tin-moi']//h3//a/text()")
    assert titles[0] == portal[ARTICLES][0].meta.title


def test_two_builds_give_byte_identical_feeds(built_site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "again")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for name in ("rss.xml", "atom.xml"):
        assert (tmp_path / "site" / name).read_bytes() == (built_site / name).read_bytes()
