"""The demo site, built with --strict as `make build` does, holds everything it must."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from lxml import html as lxml_html

from generators.core.pipeline import load_portal
from generators.sections.plans.model import PLANS
from generators.sections.procedures.model import PROCEDURES

from .conftest import FEED_LINKS, ROOT, copy_project, is_redirect, run_build
from .page_types import judged

pytestmark = pytest.mark.build

PLAN_004 = "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/index.html"


def parse(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def html_pages(site: Path) -> list[Path]:
    """Every themed page (not 404.html, not the static redirect pages of data/chuyen-huong.yml)."""
    pages = judged(site, site.rglob("*.html"))
    return sorted(p for p in pages if p.name != "404.html" and not is_redirect(p))


def test_every_task_of_every_seed_plan_is_on_its_page(built_site: Path) -> None:
    portal = load_portal(ROOT / "data", ROOT)
    for plan in portal[PLANS]:
        page = parse(built_site / "ke-hoach" / plan.slug / "index.html")
        ids = set(page.xpath("//table[contains(@class,'cchc-task-table')]//tr/@id"))
        assert {t.id for t in plan.tasks} <= ids, plan.slug
        text = page.text_content()
        assert plan.doc.title in text
        assert plan.doc.signature.name in text
        for section in plan.doc.sections:
            assert section.title is None or section.title in text


def test_seed_004_shows_its_criteria_total_of_62(built_site: Path) -> None:
    page = parse(built_site / PLAN_004)
    [total] = page.xpath("//*[@data-cchc-total]")
    assert total.text_content() == "62"
    points = page.xpath("//table[contains(@class,'cchc-points')]//tbody//td[3]/text()")
    assert points == ["11", "7,5", "12,5", "4", "9", "6", "12"]


def test_plans_index_lists_every_plan(built_site: Path) -> None:
    page = parse(built_site / "ke-hoach" / "index.html")
    links = page.xpath("//table[contains(@class,'cchc-plan-list')]//a/@href")
    assert len(links) == 5
    assert all((built_site / "ke-hoach" / link / "index.html").is_file() for link in links)


def test_every_page_carries_dublin_core_metadata(built_site: Path) -> None:
    for path in html_pages(built_site):
        page = parse(path)
        names = {m.get("name") for m in page.xpath("//meta[starts-with(@name,'DC.')]")}
        assert {"DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher",
                "DC.identifier"} <= names, path
        [identifier] = page.xpath("//meta[@name='DC.identifier']/@content")
        assert identifier.startswith("https://sgtvt.quangtri.gov.vn/cchc/")


def test_plan_dublin_core_date_is_the_plan_date(built_site: Path) -> None:
    [date] = parse(built_site / PLAN_004).xpath("//meta[@name='DC.date']/@content")
    assert date == "2024-06-04"


def test_layout_follows_circular_32_2017(built_site: Path) -> None:
    page = parse(built_site / "index.html")
    banner = page.xpath("//*[contains(@class,'cchc-banner')]")[0].text_content()
    assert "SỞ XÂY DỰNG TỈNH QUẢNG TRỊ" in banner  # the agency Sở GTVT merged into (1/3/2025)
    menu = [a.text_content().strip() for a in page.xpath("//nav[contains(@class,'md-tabs')]//a")]
    # Thông tư 32/2017: Trang chủ and Giới thiệu first, Sơ đồ trang last; sections in between.
    assert menu[:2] == ["Trang chủ", "Giới thiệu"] and menu[-1] == "Sơ đồ trang"
    assert {"Tin tức", "Kế hoạch", "Thủ tục hành chính", "Văn bản", "Hỏi đáp", "Đường dây nóng",
            "Dịch vụ công trực tuyến"} <= set(menu)
    footer = page.xpath("//footer[contains(@class,'cchc-footer')]")[0].text_content()
    for expected in ("Sở Xây dựng tỉnh Quảng Trị", "Lê Quang Minh", "Hùng Vương",
                     "0233 3852 402", "vanphong.sgtvt@quangtri.gov.vn"):
        assert expected in footer


def test_home_page_shows_the_yearly_theme_and_quick_links(built_site: Path) -> None:
    text = parse(built_site / "index.html").text_content()
    assert "Giảm hồ sơ trễ hẹn, tăng sử dụng dịch vụ công trực tuyến" in text
    assert "Nộp hồ sơ trực tuyến" in text and "Đường dây nóng" in text


def test_site_map_lists_every_section_and_plan(built_site: Path) -> None:
    page = parse(built_site / "so-do-trang" / "index.html")
    links = page.xpath("//nav[contains(@class,'cchc-sitemap')]//a/@href")
    assert "../gioi-thieu/" in links and "../ke-hoach/" in links
    assert sum(1 for link in links if link.startswith("../ke-hoach/ke-hoach")) == 5
    sitemap = ElementTree.parse(built_site / "sitemap.xml").getroot()
    urls = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    base = "https://sgtvt.quangtri.gov.vn/cchc/"
    assert f"{base}ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/" in urls
    assert "https://sgtvt.quangtri.gov.vn/cchc/so-do-trang/" in urls


def test_pages_are_in_vietnamese_and_printable(built_site: Path) -> None:
    for path in html_pages(built_site):
        page = parse(path)
        assert page.get("lang") == "vi"
        assert page.xpath("//button[@data-cchc-print]"), path
    css = (built_site / "assets" / "cchc.css").read_text(encoding="utf-8")
    assert "@media print" in css


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    own = "https://sgtvt.quangtri.gov.vn/"
    for path in html_pages(built_site):
        page = parse(path)
        loaded = page.xpath("//script/@src | //img/@src | //link[@rel='stylesheet']/@href"
                            " | //link[@rel='preconnect']/@href | //iframe/@src")
        foreign = [u for u in loaded if re.match(r"^(https?:)?//", u) and not u.startswith(own)]
        assert not foreign, (path, foreign)
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_generated_pages_stay_out_of_the_navigation(built_site: Path) -> None:
    page = parse(built_site / PLAN_004)
    nav_links = page.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not [link for link in nav_links if "ke-hoach-" in link]


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_broken_data_file_fails_cleanly_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    first = run_build(project, site)
    assert first.returncode == 0, first.stderr
    before = _digest(site)

    plan = project / "data" / "ke-hoach" / "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt.yml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('points: "0,5"', 'points: "0.5"', 1), encoding="utf-8")
    second = run_build(project, site)

    assert second.returncode != 0
    output = second.stdout + second.stderr
    assert "Traceback" not in output
    assert re.search(
        r"data/ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt\.yml, dòng \d+, trường «tasks › "
        r"tasks › mục \d+ › points»: «0\.5» không phải là số",
        output,
    ), output
    assert "site/ cũ được giữ nguyên" in output
    assert _digest(site) == before
    assert not list(tmp_path.glob(".site-new-*"))


def test_a_strict_warning_also_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    before = _digest(site)
    page = project / "content" / "trang-thu.md"
    page.write_text("# Trang thử\n\n[hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert _digest(site) == before


def test_every_procedure_has_its_page_outside_the_navigation(built_site: Path) -> None:
    portal = load_portal(ROOT / "data", ROOT)
    for procedure in portal[PROCEDURES]:
        path = built_site / "thu-tuc" / procedure.slug / "index.html"
        page = parse(path)
        assert procedure.doc.name in page.xpath("string(//h1)"), procedure.slug
        nav_links = page.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
        assert not [link for link in nav_links if procedure.slug in link]
        [date] = page.xpath("//meta[@name='DC.date']/@content")
        assert date == procedure.updated.isoformat()
    catalogue = parse(built_site / "thu-tuc" / "index.html")
    assert catalogue.xpath("//nav[contains(@class,'md-tabs')]//a[normalize-space()="
                           "'Thủ tục hành chính']")


def test_the_change_feed_is_announced_and_valid(built_site: Path) -> None:
    from .feedcheck import check_rss

    base = "https://sgtvt.quangtri.gov.vn/cchc/"
    data = (built_site / "thu-tuc" / "rss.xml").read_bytes()
    root = check_rss(data, f"{base}thu-tuc/rss.xml")
    assert root.findtext("channel/link") == f"{base}thu-tuc/moi-cap-nhat/"
    home = parse(built_site / "index.html")
    assert "thu-tuc/rss.xml" in home.xpath(
        FEED_LINKS + "[@type='application/rss+xml']/@href"
    )
    sitemap = ElementTree.parse(built_site / "sitemap.xml").getroot()
    urls = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"{base}thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/" in urls
    site_map = parse(built_site / "so-do-trang" / "index.html")
    links = site_map.xpath("//nav[contains(@class,'cchc-sitemap')]//a/@href")
    assert "../thu-tuc/moi-cap-nhat/" in links and "../thu-tuc/linh-vuc/duong-bo/" in links


@pytest.mark.parametrize("name", ["cchc.css", "cchc-poster.css"])
def test_stylesheets_parse_without_errors(name: str) -> None:
    """An unclosed block would swallow every rule after it; merges have done that before."""
    import tinycss2

    text = (ROOT / "templates" / "assets" / name).read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    errors = [r for r in rules if r.type == "error"]
    assert not errors, errors
    # tinycss2 closes open blocks at the end of input silently: count the braces ourselves.
    stripped = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    assert stripped.count("{") == stripped.count("}")
    top_level = [r for r in rules if r.type in ("qualified-rule", "at-rule")]
    assert len(top_level) > 10
