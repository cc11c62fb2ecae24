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
    "bao-cao/",
    "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "chi-so/",
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
