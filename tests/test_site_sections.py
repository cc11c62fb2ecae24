"""Hotlines, Q&A, the legal documents register and the About page in the built demo site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from generators.core.pipeline import load_portal
from generators.sections.legal.model import LEGAL
from generators.sections.questions.model import QUESTIONS

from .conftest import FEED_LINKS, ROOT, is_redirect
from .feedcheck import check_rss
from .page_types import judged
from .test_legal_register import SEED_CITATIONS

pytestmark = pytest.mark.build

BASE = "https://sgtvt.quangtri.gov.vn/cchc/"


def parse(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_bytes())


def page(site: Path, path: str) -> lxml_html.HtmlElement:
    return parse(site / path / "index.html")


def html_pages(site: Path) -> list[Path]:
    """Every themed page (not 404.html, not the static redirect pages of data/chuyen-huong.yml)."""
    pages = judged(site, site.rglob("*.html"))
    return sorted(p for p in pages if p.name != "404.html" and not is_redirect(p))


# --- Hotlines -------------------------------------------------------------------------------

def test_hotline_page_lists_units_with_tel_mailto_vcard_and_qr(built_site: Path) -> None:
    doc = page(built_site, "duong-day-nong")
    units = doc.xpath("//li[contains(@class,'cchc-hotline')][h3]")
    assert len(units) == 9
    tels = doc.xpath("//a[contains(@class,'cchc-hotline__number')]/@href")
    assert "tel:+842333852402" in tels and "tel:1022" in tels and "tel:18001096" in tels
    assert "mailto:vanphong.sgtvt@quangtri.gov.vn" in doc.xpath("//a/@href")
    qr = doc.xpath("//svg[contains(@class,'cchc-qr')]")
    assert len(qr) == len(tels) and all(q.get("aria-label") for q in qr)
    for link in doc.xpath("//a[@download]/@href"):
        card = (built_site / "duong-day-nong" / link).resolve()
        assert card.suffix == ".vcf" and card.read_bytes().startswith(b"BEGIN:VCARD\r\n")


def test_every_page_has_the_compact_hotline_box(built_site: Path) -> None:
    for path in [*html_pages(built_site), built_site / "404.html"]:
        box = parse(path).xpath("//aside[contains(@class,'cchc-hotline-box')]")
        assert box, path
        assert "tel:+842333852402" in box[0].xpath(".//a/@href"), path


# --- Questions and answers ------------------------------------------------------------------

def test_qa_index_groups_by_topic_and_lists_pending_questions(built_site: Path) -> None:
    doc = page(built_site, "hoi-dap")
    topics = [h.text_content() for h in doc.xpath("//section[contains(@class,'cchc-qa-topic')]/h2")]
    assert topics == ["Dịch vụ công trực tuyến", "Giấy phép lái xe", "Kinh doanh vận tải",
                      "Thanh toán không dùng tiền mặt"]
    pending = doc.xpath("//section[contains(@class,'cchc-qa-pending')]//li/a/@href")
    assert sorted(pending) == ["tra-cuu-tien-do-ho-so/",
                              "xe-khach-tuyen-co-dinh-don-tra-khach/"]


def test_each_answer_shows_the_working_days_it_took(built_site: Path) -> None:
    portal = load_portal(ROOT / "data", ROOT)
    for question in portal[QUESTIONS]:
        doc = page(built_site, f"hoi-dap/{question.slug}")
        shown = doc.xpath("//dd[@data-cchc-working-days]")
        if question.doc.is_answered:
            [cell] = shown
            assert cell.get("data-cchc-working-days") == str(question.working_days)
            assert f"{question.working_days} ngày làm việc" in cell.text_content()
        else:
            assert not shown and "Đang chờ trả lời" in doc.text_content()


def test_anonymous_askers_are_never_named(built_site: Path) -> None:
    doc = page(built_site, "hoi-dap/giay-phep-lai-xe-qua-han")
    assert "L.T.H. (huyện Gio Linh)" in doc.text_content()
    for path in [*html_pages(built_site), built_site / "hoi-dap" / "rss.xml"]:
        assert "Lê Thị Hoa" not in path.read_text(encoding="utf-8"), path


def test_qa_feed_is_valid_and_lists_answered_questions(built_site: Path) -> None:
    root = check_rss((built_site / "hoi-dap" / "rss.xml").read_bytes(), f"{BASE}hoi-dap/rss.xml")
    links = [item.findtext("link") for item in root.iter("item")]
    assert len(links) == 10
    assert f"{BASE}hoi-dap/nop-le-phi-bang-chuyen-khoan/" in links
    home = page(built_site, "")
    assert home.xpath(FEED_LINKS + "[@type='application/rss+xml']/@href")


def test_questions_documents_and_hotlines_are_in_the_search_index(built_site: Path) -> None:
    index = built_site / "tim-kiem" / "index"
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    locations = set()
    for n in range(0, manifest["count"], manifest["chunk"]):
        chunk = json.loads((index / "d" / f"{n // manifest['chunk']}.json").read_text("utf-8"))
        locations |= {entry[0] for entry in chunk}
    assert "hoi-dap/giay-phep-lai-xe-quoc-te/" in locations
    assert "van-ban/76-nq-cp/" in locations
    assert any(location.startswith("duong-day-nong/#") for location in locations)


# --- Legal documents ------------------------------------------------------------------------

def test_plan_pages_link_every_document_they_cite(built_site: Path) -> None:
    portal = load_portal(ROOT / "data", ROOT)
    slugs = {d.number: d.page_slug for d in portal[LEGAL].documents}
    for plan, numbers in SEED_CITATIONS.items():
        doc = page(built_site, f"ke-hoach/{plan}")
        linked = {h.rstrip("/").rsplit("/", 1)[-1]
                  for h in doc.xpath("//a[contains(@class,'cchc-legal-ref')]/@href")}
        assert {slugs[n] for n in numbers} <= linked, plan


def test_auto_links_never_nest_or_enter_headings(built_site: Path) -> None:
    for path in html_pages(built_site):
        doc = parse(path)
        assert not doc.xpath("//a//a"), path
        assert not doc.xpath("//h1//a[contains(@class,'cchc-legal-ref')]"
                             " | //h2//a[contains(@class,'cchc-legal-ref')]"
                             " | //h3//a[contains(@class,'cchc-legal-ref')]"), path


def test_document_pages_list_where_they_are_cited(built_site: Path) -> None:
    doc = page(built_site, "van-ban/76-nq-cp")
    cited = doc.xpath("//ul[@data-cchc-citations]//a/@href")
    assert "../../ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo/" in cited
    assert "../../hoi-dap/nop-le-phi-bang-chuyen-khoan/" in cited
    plans = [c for c in cited if c.startswith("../../ke-hoach/")]
    articles = [c for c in cited if c.startswith("../../tin-tuc/")]
    assert len(plans) == 3  # the three seed plans that cite it
    assert articles  # and the news articles that mention it
    assert len(cited) == len(set(cited))


def test_document_status_on_the_pinned_build_day(built_site: Path) -> None:
    # The build's clock is pinned to 31/12/2024.
    def status(slug: str) -> str:
        return page(built_site, f"van-ban/{slug}").xpath("//dd[@data-cchc-status]")[0].text
    assert status("10-2020-nd-cp") == "Còn hiệu lực"
    assert status("36-2024-qh15") == "Chưa có hiệu lực"


def test_register_index_is_sorted_by_date_with_filters(built_site: Path) -> None:
    doc = page(built_site, "van-ban")
    dates = doc.xpath("//table[@id='cchc-legal-list']//time/@datetime")
    assert dates == sorted(dates, reverse=True) and len(dates) >= 40
    labels = {label.get("for") for label in doc.xpath("//form[@data-cchc-filter]//label")}
    assert labels == {"loc-chu", "loc-loai", "loc-co-quan"}  # number or words, kind, issuer
    kinds = doc.xpath("//select[@id='loc-loai']/option/@value")
    assert {"nghi-dinh", "nghi-quyet", "quyet-dinh", "thong-tu", "luat", "ke-hoach"} <= set(kinds)
    rows = doc.xpath("//table[@id='cchc-legal-list']//tbody/tr")
    assert all(r.get("data-kind") in kinds and r.get("data-issuer") for r in rows)


# --- About ----------------------------------------------------------------------------------

def test_about_page_is_generated_with_an_english_part(built_site: Path) -> None:
    assert not (ROOT / "content" / "gioi-thieu.md").exists()
    doc = page(built_site, "gioi-thieu")
    text = doc.text_content()
    # The demo agency is the Sở Xây dựng that Sở GTVT merged into (1/3/2025): its leaders are not
    # known from any source, so the demo lists none; its predecessor is listed instead.
    for expected in ("Vị trí, chức năng, nhiệm vụ", "Cơ quan tiền thân", "Cơ cấu tổ chức",
                     "Sở Giao thông vận tải tỉnh Quảng Trị",
                     "Phòng Quản lý vận tải, phương tiện và người lái"):
        assert expected in text
    [english] = doc.xpath("//section[@lang='en']")
    english_text = english.text_content()
    assert "Quang Tri Department of Construction" in english_text
    assert "Transport, Vehicles and Drivers Management Division" in english_text
    assert "+84 233 3852 402" in english_text and "vanphong.sgtvt@quangtri.gov.vn" in english_text


def test_new_sections_are_in_the_menu_and_the_site_map(built_site: Path) -> None:
    doc = page(built_site, "so-do-trang")
    links = set(doc.xpath("//nav[contains(@class,'cchc-sitemap')]//a/@href"))
    assert {"../duong-day-nong/", "../hoi-dap/", "../van-ban/", "../van-ban/76-nq-cp/",
            "../hoi-dap/giay-phep-lai-xe-quoc-te/"} <= links
    home = page(built_site, "")
    quick = home.xpath("//a[contains(@class,'cchc-quick-links__link')][.='Đường dây nóng']/@href")
    assert quick == ["duong-day-nong/"]
