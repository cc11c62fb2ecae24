"""Every page type the demo publishes can be found: some search record points at a page of it.

Listings, the search page itself and the like are exempt, each for a stated reason; a page type
added to tests/page_types.py without records fails here until it gets records or a reason.
"""

from __future__ import annotations

import pytest

from generators.core.pipeline import site_records
from generators.core.portal import Portal
from generators.search.records import TYPE_LABELS

from .page_types import PAGE_TYPES

LISTING = "a list of pages that are found one by one"
EXEMPT: dict[str, str] = {
    "trang chủ": "links to the sections; its news and quick links are found where they lead",
    "tin tức": LISTING,
    "chuyên mục": LISTING + "; the category is a keyword of each article",
    "từ khóa": LISTING + "; the tag is a keyword of each article",
    "lưu trữ năm": LISTING,
    "trang 2 của danh sách": LISTING,
    "danh sách kế hoạch": LISTING,
    "danh sách báo cáo": LISTING,
    "danh mục thủ tục": LISTING + ", with its own filter by name and code",
    "thủ tục theo lĩnh vực": LISTING + "; the field is a keyword of each procedure",
    "thủ tục mới cập nhật": LISTING + " (each procedure's latest change)",
    "hỏi đáp": LISTING,
    "văn bản": LISTING + ", with its own filter by kind and issuer",
    "ấn phẩm": LISTING,
    "video hướng dẫn": LISTING,
    "trắc nghiệm": LISTING,
    "bản in câu hỏi và đáp án": "the quiz's questions again, for printing",
    "tìm kiếm": "the search page itself",
    "sơ đồ trang": "the site map: every page, listed",
    "nguồn tin": "the list of feeds for partner portals",
    "trang không tồn tại": "the 404 page",
    "trang chuyển hướng": "an old address that sends readers on to the new page",
    # Follow-up: MkDocs renders content/ pages; the pipeline sees their titles, not their text.
    "trang nội dung (hướng dẫn biên tập)": "a Markdown page of content/, not yet indexed",
}


@pytest.fixture(scope="module")
def record_pages(portal: Portal) -> set[str]:
    return {r.url.split("#", 1)[0] for r in site_records(portal)}


@pytest.mark.parametrize("page_type", [t for t in PAGE_TYPES if t not in EXEMPT])
def test_every_page_type_with_content_has_search_records(
    page_type: str, record_pages: set[str]
) -> None:
    assert PAGE_TYPES[page_type] in record_pages, f"no search record for «{page_type}»"


def test_exemptions_name_real_page_types_that_really_have_no_records(
    record_pages: set[str],
) -> None:
    assert set(EXEMPT) <= set(PAGE_TYPES)
    stale = [t for t in EXEMPT if PAGE_TYPES[t] in record_pages]
    assert not stale, f"exempt but found: {stale}"


def test_every_record_kind_has_a_label(portal: Portal) -> None:
    kinds = {r.kind for r in site_records(portal)}
    assert kinds <= set(TYPE_LABELS)
    assert {"ap-phich", "chi-so", "bao-cao", "trang"} <= kinds
