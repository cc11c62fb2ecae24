"""The agency's history and the demo's honesty (issue 17, items 11 and 12).

The demo agency is Sở Xây dựng tỉnh Quảng Trị, into which Sở Giao thông vận tải tỉnh Quảng Trị
was merged from 01/3/2025; the 2024 records are the Sở GTVT's and keep it as their issuer. The
demo says on every page that it is a demonstration, and marks what no seed gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from generators.core.history import Predecessor, predecessor_named, predecessor_on
from generators.core.portal import Portal
from generators.sections.plans.model import PLANS

from .conftest import ROOT, parse

GTVT = Predecessor(name="Sở Giao thông vận tải tỉnh Quảng Trị",
                   short_name="Sở Giao thông vận tải", parent="UBND tỉnh Quảng Trị",
                   until=dt.date(2025, 2, 28), change="Hợp nhất vào Sở Xây dựng")


def test_the_body_in_office_on_a_day() -> None:
    assert predecessor_on([GTVT], dt.date(2024, 6, 4)) is GTVT
    assert predecessor_on([GTVT], dt.date(2025, 2, 28)) is GTVT
    assert predecessor_on([GTVT], dt.date(2025, 3, 1)) is None


def test_a_record_names_its_issuer_and_a_province_it_does_not_give_is_never_assumed() -> None:
    assert predecessor_named([GTVT], "Sở Giao thông vận tải", "UBND tỉnh Quảng Trị") is GTVT
    assert predecessor_named([GTVT], "Sở Giao thông vận tải tỉnh Quảng Trị", None) is GTVT
    # Seed 004 names no province: it is not claimed as the Quảng Trị Sở's document.
    assert predecessor_named([GTVT], "Sở Giao thông vận tải", None) is None
    assert predecessor_named([GTVT], "Sở Khoa học và Công nghệ", "UBND thành phố Cần Thơ") is None


def test_the_profile_lists_its_predecessors(portal: Portal) -> None:
    site = portal.site
    assert site.name == "Sở Xây dựng tỉnh Quảng Trị" and site.since == dt.date(2025, 3, 1)
    [body] = site.predecessors
    assert body.name == "Sở Giao thông vận tải tỉnh Quảng Trị" and body.until < site.since


@pytest.mark.parametrize("path", [
    "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri",
    "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri",
    "tin-tuc/2024/ban-hanh-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024",
])
def test_pages_of_predecessor_records_say_so(built_site: Path, path: str) -> None:
    page = parse(built_site / path / "index.html")
    assert page.xpath("//*[@data-cchc-issuer='Sở Giao thông vận tải tỉnh Quảng Trị']")


def test_other_agencies_plans_are_not_claimed(built_site: Path, portal: Portal) -> None:
    for plan in portal[PLANS]:
        page = parse(built_site / "ke-hoach" / plan.slug / "index.html")
        claimed = bool(page.xpath("//*[@data-cchc-issuer]"))
        assert claimed == (plan.doc.issuer.parent == "UBND tỉnh Quảng Trị"
                           and plan.doc.issuer.name == "Sở Giao thông vận tải"), plan.slug
    seed_004 = parse(built_site / "ke-hoach" / "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt" /
                     "index.html").text_content()
    assert "không ghi tên tỉnh" in seed_004


def test_a_2024_poster_keeps_its_issuer(built_site: Path) -> None:
    text = parse(built_site / "ap-phich" / "ap-phich-duong-day-nong" / "index.html").text_content()
    assert "Sở Giao thông vận tải tỉnh Quảng Trị" in text


# 12. The demo says so ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "", "gioi-thieu/", "ke-hoach/", "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "chi-so/", "thu-tuc/cap-lai-giay-phep-lai-xe/", "tin-tuc/", "so-do-trang/",
])
def test_every_page_of_the_demo_says_it_is_a_demonstration(built_site: Path, path: str) -> None:
    [notice] = parse(built_site / path / "index.html").xpath("//*[@data-cchc-demo]")
    assert "Trang trình diễn" in notice.text_content()


def banner(demo: bool) -> str:
    from generators.core.profile import SiteProfile
    from generators.core.yamlsource import read_yaml

    data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    site = SiteProfile.model_validate({**data, "demo": demo})
    env = Environment(loader=FileSystemLoader(ROOT / "templates"), autoescape=True)
    env.filters["url"] = lambda value: value
    template = env.get_template("partials/cchc-banner.html")
    return template.render(cchc={"site": site}, config={"theme": {"logo": "logo.svg"}}, nav=None)


def test_the_switch_is_off_for_a_real_agency() -> None:
    assert "data-cchc-demo" in banner(True)
    assert "data-cchc-demo" not in banner(False)


def test_the_about_page_lists_the_illustrative_data(built_site: Path, portal: Portal) -> None:
    page = parse(built_site / "gioi-thieu" / "index.html")
    [section] = page.xpath("//section[@aria-labelledby='du-lieu-minh-hoa']")
    items = [li.text_content() for li in section.xpath(".//li")]
    assert items == portal.site.illustrative and items
    assert page.xpath("//li[@data-cchc-predecessor='Sở Giao thông vận tải tỉnh Quảng Trị']")


REAL_DOCUMENTS = {"03/KH-SGTVT"}  # seed 000 cites it: Kế hoạch số 03/KH-SGTVT ngày 09/01/2024


def test_every_invented_evidence_document_is_marked(portal: Portal) -> None:
    numbered = [(plan.slug, e) for plan in portal[PLANS] for task in plan.tasks
                for e in task.evidence if e.number]
    assert numbered
    unmarked = [(slug, e.number) for slug, e in numbered
                if not e.illustrative and e.number not in REAL_DOCUMENTS]
    assert unmarked == []


def test_the_report_shows_invented_documents_as_illustrative(built_site: Path) -> None:
    page = parse(built_site / "bao-cao" / "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri" /
                 "index.html")
    [row] = page.xpath("//tr[@id='ky-2024-2.2']")
    assert "215/SGTVT-VP" in row.text_content() and "minh họa" in row.text_content()


def test_borrowed_facts_name_their_source(built_site: Path, portal: Portal) -> None:
    [theme] = portal.site.themes
    assert "Cửa Lò" in (theme.source or "")
    home = parse(built_site / "index.html").text_content()
    assert "Cửa Lò" in home
    indices = parse(built_site / "chi-so" / "index.html").text_content()
    assert "không ghi tên tỉnh" in indices
