"""The built site in a real browser: phones at 375 px, and no request to any other host."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "ke-hoach/",
    "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/",
    "so-do-trang/",
    "gioi-thieu/",
    "duong-day-nong/",
    "hoi-dap/",
    "hoi-dap/nop-le-phi-bang-chuyen-khoan/",
    "van-ban/",
    "thu-tuc/",
    "thu-tuc/linh-vuc/duong-bo/",
    "thu-tuc/moi-cap-nhat/",
    "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/",
    "ap-phich/",
    "ap-phich/to-gap-dich-vu-cong-truc-tuyen/",
    "bao-cao/",
    "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "chi-so/",
]
CATALOGUE = "thu-tuc/"
LICENCE = "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/"


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_has_no_horizontal_scrolling_and_no_foreign_requests(
    browser: Browser, site_url: str, path: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path}: {overflow}px of horizontal scrolling"
    local = urlparse(site_url).netloc
    foreign = [u for u in requests if urlparse(u).scheme in ("http", "https")
               and urlparse(u).netloc != local]
    assert not foreign, foreign
    assert len(requests) > 3  # the page, its styles and scripts really were fetched
    page.close()


def test_task_table_becomes_cards_on_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(site_url + PAGES[3])
    row = page.locator("tr[id='2.2.1']")
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    label = row.locator("td[data-label='Chủ trì']")
    assert label.evaluate("el => getComputedStyle(el, '::before').content") == '"Chủ trì"'
    page.close()


def test_print_button_prints_without_menus(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + PAGES[2])
    button = page.locator("[data-cchc-print]")
    assert button.is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".cchc-banner", ".md-footer", ".cchc-actions"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".cchc-task-table").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.close()


def test_register_filters_by_kind_and_issuer_and_keeps_the_choice_in_the_address(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(site_url + "van-ban/")
    rows = page.locator("#cchc-legal-list tbody tr")
    total = rows.count()
    assert page.locator("form[data-cchc-filter]").is_visible()
    page.select_option("#loc-loai", "luat")
    assert page.locator("#cchc-legal-list tbody tr:not([hidden])").count() == 1
    status = page.locator("[data-cchc-filter-status]").text_content()
    assert status == f"Đang hiện 1 trên {total} văn bản."
    assert "loai=luat" in page.url
    page.goto(site_url + "van-ban/?co-quan=chinh-phu")
    shown = page.locator("#cchc-legal-list tbody tr:not([hidden])")
    issuers = {shown.nth(i).get_attribute("data-issuer") for i in range(shown.count())}
    assert issuers == {"chinh-phu"} and 0 < shown.count() < total
    page.close()


def test_hotline_box_numbers_are_big_enough_to_tap(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(site_url)
    numbers = page.locator(".cchc-hotline-box__number")
    assert numbers.count() >= 3
    for i in range(numbers.count()):
        box = numbers.nth(i).bounding_box()
        # WCAG 2.2 target size: at least 24 × 24 CSS pixels.
        assert box is not None and box["height"] >= 24 and box["width"] >= 24
def test_typing_without_diacritics_finds_the_procedure(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(site_url + CATALOGUE)
    box = page.locator("#tthc-q")
    assert box.is_visible()
    box.press_sequentially("giay phep lai xe", delay=20)
    results = page.locator("[data-cchc-tthc-results]")
    page.wait_for_function("() => location.search === '?q=giay+phep+lai+xe'")  # the last keystroke
    names = results.locator("li > a").all_text_contents()
    assert names[0] == "Cấp giấy phép lái xe quốc tế"  # the phrase as typed ranks first
    assert "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp" in names
    assert all("giấy phép lái xe" in n.lower() for n in names[:6])
    assert results.locator("h2").text_content() == f"Tìm thấy {len(names)} thủ tục"
    assert not page.locator("[data-cchc-tthc-browse]").is_visible()
    # With diacritics, the same procedures.
    box.fill("giấy phép lái xe")
    page.wait_for_timeout(300)
    assert results.locator("li > a").all_text_contents() == names
    # Field, level and online level narrow the list; clearing everything shows the fields.
    box.fill("")
    page.select_option("#tthc-linh-vuc", "duong-thuy-noi-dia")
    page.select_option("#tthc-cap", "xa")
    page.wait_for_timeout(300)
    metas = results.locator("li .cchc-meta").all_text_contents()
    assert metas and all("Đường thủy nội địa" in m and "Cấp xã" in m for m in metas)
    page.select_option("#tthc-linh-vuc", "")
    page.select_option("#tthc-cap", "")
    page.select_option("#tthc-truc-tuyen", "khong")
    page.wait_for_timeout(300)
    metas = results.locator("li .cchc-meta").all_text_contents()
    assert metas and all("Trực tuyến: không" in m for m in metas)
    page.select_option("#tthc-truc-tuyen", "")
    page.wait_for_timeout(300)
    assert page.locator("[data-cchc-tthc-browse]").is_visible() and not results.is_visible()
    page.close()


def test_a_shared_search_address_opens_with_its_results(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(site_url + CATALOGUE + "?q=ben+thuy")
    page.locator("[data-cchc-tthc-results] li").first.wait_for()
    assert page.locator("#tthc-q").input_value() == "ben thuy"
    names = page.locator("[data-cchc-tthc-results] li > a").all_text_contents()
    assert names == ["Công bố hoạt động bến thủy nội địa"]
    page.close()


def test_the_filter_script_is_small(built_site: Path) -> None:
    assert (built_site / "assets" / "tthc-filter.js").stat().st_size < 10 * 1024


def test_the_complete_list_works_without_javascript(browser: Browser, site_url: str,
                                                     built_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375,
                                                                       "height": 740})
    page = context.new_page()
    page.goto(site_url + CATALOGUE)
    assert not page.locator("[data-cchc-tthc-filter]").is_visible()
    groups = page.locator("details.cchc-tthc-group")
    listed = 0
    for index in range(groups.count()):
        page.goto(site_url + CATALOGUE)
        groups.nth(index).locator("summary").click()
        groups.nth(index).locator(".cchc-tthc-group__more a").click()
        listed += page.locator(".cchc-tthc-list li").count()
        first = page.locator(".cchc-tthc-list li a").first
        first.click()
        assert page.locator("h1").is_visible() and page.locator("#cach-thuc").is_visible()
    procedure_pages = [p for p in (built_site / "thu-tuc").glob("*/index.html")
                       if p.parent.name not in ("moi-cap-nhat", "linh-vuc")]
    page.goto(site_url + CATALOGUE)
    abolished = page.locator("#da-bai-bo + ul li").count()
    assert listed + abolished == len(procedure_pages)
    context.close()


def test_a_procedure_prints_for_the_one_stop_desk(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + LICENCE)
    page.emulate_media(media="print")
    assert page.locator(".cchc-tthc__agency").is_visible()
    for selector in (".md-header", ".cchc-banner", ".cchc-tthc__toc", ".cchc-tthc__online",
                     ".cchc-actions", ".cchc-back"):
        assert not page.locator(selector).first.is_visible(), selector
    for selector in ("#trinh-tu", ".cchc-tthc__channels", ".cchc-tthc__documents", "#can-cu",
                     ".cchc-tthc__source"):
        assert page.locator(selector).first.is_visible(), selector
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
MM = 72 / 25.4


@pytest.mark.parametrize(
    ("path", "pages", "width_mm", "height_mm"),
    [
        ("ap-phich/ap-phich-dich-vu-cong-truc-tuyen/", 1, 210, 297),
        ("ap-phich/bang-ron-dich-vu-cong-truc-tuyen/", 1, 5000, 800),
        ("ap-phich/to-gap-dich-vu-cong-truc-tuyen/", 2, 297, 210),
    ],
)
def test_printing_a_poster_page_prints_the_poster_at_its_size(
    browser: Browser, site_url: str, path: str, pages: int, width_mm: int, height_mm: int
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + path, wait_until="networkidle")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == pages  # one page a side: nothing else of the web page is printed
    for printed in pdf.pages:
        assert float(printed.mediabox.width) == pytest.approx(width_mm * MM, abs=1)
        assert float(printed.mediabox.height) == pytest.approx(height_mm * MM, abs=1)
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Sơ đồ trang" not in text and "In trang" not in text  # no menu, no buttons
    page.close()


def test_the_poster_preview_scales_to_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(site_url + "ap-phich/chu-de-nam-2024/", wait_until="networkidle")
    sheet = page.locator(".cchc-sheet").first
    box = sheet.bounding_box()
    assert box is not None and box["width"] <= 375
    assert box["height"] == pytest.approx(box["width"] * 420 / 297, abs=2)  # A3 proportions
    headline = page.locator(".cchc-sheet__headline").first.bounding_box()
    assert headline is not None and headline["x"] + headline["width"] <= box["x"] + box["width"]
def test_report_rows_become_cards_and_charts_fit_a_phone(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(site_url + "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/")
    row = page.locator("#ky-2024-h1 ~ table tr[data-cchc-task='2.13']")
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    assert "Quá hạn" in row.locator("td[data-label='Kết quả']").inner_text()
    page.goto(site_url + "chi-so/")
    for chart in page.locator("svg.cchc-chart").all():
        box = chart.bounding_box()
        assert box is not None and 0 < box["width"] <= 375
    page.close()
