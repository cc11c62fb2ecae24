"""Search figures on a built site: index size on disk, bytes a first and a second query fetch.

Measured in headless Chromium against the site served on localhost, so the figures are what a
phone would download (uncompressed: a server with gzip sends less).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_FLAGS, serve

from .report import FIRST, SECOND


@dataclass(frozen=True)
class SearchFigures:
    index_mb: float
    index_files: int
    first_kb: float
    second_kb: float
    first_results: int


def measure_search(site: Path) -> SearchFigures:
    index = site / "tim-kiem" / "index"
    files = [p for p in index.rglob("*") if p.is_file()]
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        fetched: list[int] = []

        def on_response(response) -> None:  # type: ignore[no-untyped-def]
            if "/tim-kiem/index/" in response.url:
                fetched.append(len(response.body()))

        page.on("response", on_response)
        page.goto(f"{url}tim-kiem/?q={quote(FIRST)}", wait_until="networkidle")
        first, count = sum(fetched), page.locator(".cchc-result").count()
        fetched.clear()
        page.fill("#cchc-q", SECOND)
        page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        second = sum(fetched)
        browser.close()
    return SearchFigures(
        index_mb=sum(p.stat().st_size for p in files) / 1e6,
        index_files=len(files),
        first_kb=first / 1024,
        second_kb=second / 1024,
        first_results=count,
    )
