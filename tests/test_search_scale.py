"""Search on a large site: the demo with 5,000 synthetic articles (bench/corpus.py) in place of
its news, indexed as the build indexes it and queried through the real search page in Chromium.

At this size every word of «thủ tục cấp đổi giấy phép lái xe» is in more pages than the index
lists (POSTINGS_CAP keeps the best 400), so requiring every word of a page found none of them:
the query returned nothing. These tests hold the fix (a page missing from a full list is not
counted as lacking the word; pages with the most telling words come first) and the download
budget of a first query.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bench.corpus import corpus
from generators.core.pipeline import site_records
from generators.core.portal import Portal
from generators.search.index import POSTINGS_CAP, build_index
from generators.search.records import SearchRecord, plain_text
from generators.sections.search_page.model import SYNONYMS

from .browser import CHROMIUM_FLAGS, SITE_PATH, chromium_path, serve

pytestmark = pytest.mark.browser

ARTICLES = 5_000
FIRST_QUERY_BUDGET = 100 * 1024
LICENCE = "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/"


def synonym_groups(portal: Portal) -> list[list[str]]:
    register = portal[SYNONYMS]
    return [list(group) for group in register.groups] if register else []


def synthetic_records(size: int) -> list[SearchRecord]:
    """The records the build makes of `size` synthetic articles (as sources.article_records)."""
    return [
        SearchRecord(
            url=f"tin-tuc/{a.date.year}/{a.slug}/",
            kind="tin",
            title=a.title,
            text=f"{a.summary} {plain_text(a.body)}",
            date=a.date.date().isoformat(),
            keywords=(a.category[1], *a.tags),
        )
        for a in corpus(size)
    ]


@pytest.fixture(scope="module")
def large_site(built_site: Path, portal: Portal, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's search page and assets, with the index of its records and 5,000 articles."""
    site = tmp_path_factory.mktemp("large") / "site"
    (site / "tim-kiem").mkdir(parents=True)
    shutil.copy(built_site / "tim-kiem" / "index.html", site / "tim-kiem" / "index.html")
    shutil.copytree(built_site / "assets", site / "assets")
    demo = [r for r in site_records(portal) if r.kind != "tin"]
    for output in build_index(demo + synthetic_records(ARTICLES), synonym_groups(portal)):
        path = site / output.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(output.content)
    return site


@pytest.fixture(scope="module")
def browser(large_site: Path) -> Iterator[tuple[Browser, str]]:
    with serve(large_site) as url, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield chromium, url
        chromium.close()


def search(browser: tuple[Browser, str], query: str) -> tuple[list[str], int, Page]:
    """Result paths and index bytes fetched for `query` in a fresh tab (nothing cached)."""
    chromium, url = browser
    tab = chromium.new_page()
    fetched: list[int] = []
    tab.on("response", lambda r: fetched.append(len(r.body())) if "/tim-kiem/index/" in r.url
           else None)
    tab.goto(f"{url}tim-kiem/?q={quote(query)}", wait_until="networkidle")
    tab.wait_for_function(
        "() => { const s = document.querySelector('[data-cchc-search-status]').textContent;"
        " return s && !s.startsWith('Đang'); }"
    )
    hrefs = tab.eval_on_selector_all(".cchc-result__title", "els => els.map(e => e.href)")
    paths = [urlparse(h).path.removeprefix(f"/{SITE_PATH}/") for h in hrefs]
    return paths, sum(fetched), tab


def test_the_common_words_are_capped_at_this_size(large_site: Path) -> None:
    """The condition that emptied the query is really there: full lists for every word."""
    shard = json.loads((large_site / "tim-kiem" / "index" / "t" / "xe.json").read_text())
    pages, listed = -shard["xe"][0], (len(shard["xe"]) - 1) // 2
    assert pages > listed >= POSTINGS_CAP


def test_the_query_that_found_nothing_puts_its_procedures_first(
    browser: tuple[Browser, str],
) -> None:
    found, index_bytes, tab = search(browser, "thủ tục cấp đổi giấy phép lái xe")
    tab.close()
    assert LICENCE in found[:3]
    assert all(path.startswith("thu-tuc/doi-giay-phep-lai-xe") for path in found[:3]), found[:3]
    assert index_bytes <= FIRST_QUERY_BUDGET, f"{index_bytes / 1024:.0f} KB"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tôi muốn đổi giấy phép lái xe thì cần làm những thủ tục gì", LICENCE),
        ("doi giay phep lai xe", LICENCE),
        ("làm lại bằng lái xe", "thu-tuc/cap-lai-giay-phep-lai-xe/"),
        ("lệ phí cấp giấy phép lái xe quốc tế bao nhiêu tiền",
         "thu-tuc/cap-giay-phep-lai-xe-quoc-te/"),
        ("nộp lệ phí bằng chuyển khoản có được không", "hoi-dap/nop-le-phi-bang-chuyen-khoan/"),
        ("số điện thoại đường dây nóng phản ánh về thủ tục hành chính", "duong-day-nong/"),
    ],
)
def test_long_everyday_queries_find_the_page(
    browser: tuple[Browser, str], query: str, expected: str
) -> None:
    found, _, tab = search(browser, query)
    tab.close()
    assert expected in found[:5], found[:5]


def test_a_long_query_of_common_words_is_never_empty(browser: tuple[Browser, str]) -> None:
    found, _, tab = search(browser, "cán bộ một cửa hướng dẫn người dân nộp hồ sơ trực tuyến")
    status = tab.text_content("[data-cchc-search-status]") or ""
    tab.close()
    assert len(found) == 10 and "kết quả" in status
