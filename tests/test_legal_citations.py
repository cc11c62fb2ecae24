"""«Được trích dẫn tại» on a document's page does not grow with the site: past CITATIONS_LISTED
citing pages it lists the most recent and counts all of them by kind."""

from __future__ import annotations

from datetime import date, timedelta

from lxml import html as lxml_html

from generators.core.environment import make_environment
from generators.core.pages import PageSpec
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.sections.legal.model import LEGAL
from generators.sections.legal.pages import (
    CITATIONS_LISTED,
    Citation,
    collect_citations,
    document_page,
    summarise_citations,
)

from .conftest import ROOT


def citing_pages(count: int, slug: str, kind: str, stem: str) -> list[PageSpec]:
    """`count` pages of `kind` citing document `slug`, dated one day apart from 2020-01-01."""
    return [
        PageSpec(path=f"{stem}/{n}/", title=f"{stem} {n}", html="", description="", kind=kind,
                 cites=(slug,), date=(date(2000, 1, 1) + timedelta(days=n)).isoformat())
        for n in range(count)
    ]


def test_a_short_list_is_shown_whole_in_its_order() -> None:
    citations = [Citation(f"p/{n}/", f"Trang {n}", "Tin tức", f"2024-01-{n + 1:02d}")
                 for n in range(5)]
    summary = summarise_citations(citations, limit=5)
    assert summary.listed == citations and summary.complete
    assert summary.by_kind == [("Tin tức", 5)]


def test_a_long_list_keeps_the_most_recent_and_counts_every_kind() -> None:
    dated = [Citation(f"a/{n}/", f"Bài {n}", "Tin tức", f"2024-01-{n + 1:02d}") for n in range(20)]
    undated = [Citation(f"t/{n}/", f"Thủ tục {n}", "Thủ tục hành chính") for n in range(7)]
    summary = summarise_citations(undated + dated, limit=10)
    assert summary.total == 27 and not summary.complete
    assert [c.date for c in summary.listed] == [f"2024-01-{n:02d}" for n in range(20, 10, -1)]
    assert summary.by_kind == [("Tin tức", 20), ("Thủ tục hành chính", 7)]
    few_dated = summarise_citations(undated + dated[:3], limit=5)
    assert [c.path for c in few_dated.listed] == ["a/2/", "a/1/", "a/0/", "t/0/", "t/1/"]


def test_a_document_cited_by_12000_pages_has_a_page_of_bounded_size() -> None:
    portal: Portal = load_portal(ROOT / "data", ROOT)
    document = next(d for d in portal[LEGAL].documents if d.number == "45/2020/NĐ-CP")
    pages = (citing_pages(10_000, document.page_slug, "article", "tin-tuc/2024")
             + citing_pages(2_000, document.page_slug, "procedure", "thu-tuc"))
    citations = collect_citations(pages)[document.page_slug]
    page = document_page(make_environment(ROOT / "templates"), portal, document, citations)
    assert len(page.html.encode()) < 100 * 1024  # the theme's header, menu and footer add ~30 KB
    tree = lxml_html.fromstring(page.html)
    assert len(tree.xpath("//*[@data-cchc-citations]/li")) == CITATIONS_LISTED
    summary = tree.xpath("//*[@data-cchc-citations-summary]")[0].text_content()
    assert "12.000 trang trích dẫn văn bản này" in summary
    assert "tin tức: 10.000" in summary and "thủ tục hành chính: 2.000" in summary
    assert tree.xpath("//*[@data-cchc-citations-summary]/a/@href")[0].endswith(
        "tim-kiem/?q=45/2020/N%C4%90-CP"
    )
