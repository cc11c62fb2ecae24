"""The built site in a real browser: phones at 375 px, and no request to any other host."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, sync_playwright
from pypdf import PdfReader

from .browser import CHROMIUM_FLAGS, chromium_path, serve

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "ke-hoach/",
    "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/",
    "so-do-trang/",
    "gioi-thieu/",
    "ap-phich/",
    "ap-phich/to-gap-dich-vu-cong-truc-tuyen/",
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
    page.close()
