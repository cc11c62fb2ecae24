"""The built site in a real browser: phones at 375 px, and no request to any other host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, sync_playwright

from .browser import CHROMIUM_FLAGS, chromium_path, serve

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
]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


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
    page.close()
