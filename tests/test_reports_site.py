"""Reports and the index dashboard on the built demo site, as citizens and officers see them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from lxml import html as lxml_html

from generators.core.portal import Portal
from generators.sections.plans.model import PLANS, plan_by_slug

from .conftest import parse

pytestmark = pytest.mark.build

SEED_000 = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"
SEED_004 = "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt"


def page(site: Path, path: str) -> lxml_html.HtmlElement:
    return parse(site / path / "index.html")


def test_reports_index_lists_every_plan_with_tasks(built_site: Path, portal: Portal) -> None:
    links = page(built_site, "bao-cao").xpath(
        "//table[contains(@class,'cchc-report-list')]//th//a/@href")
    assert sorted(links) == sorted(p.slug + "/" for p in portal[PLANS] if p.tasks)
    assert all((built_site / "bao-cao" / link / "index.html").is_file() for link in links)


def test_seed_000_report_shows_met_and_short_tasks(built_site: Path, portal: Portal) -> None:
    report = page(built_site, f"bao-cao/{SEED_000}")
    h1 = report.xpath("//section[@aria-labelledby='ky-2024-h1']")[0]
    status = {row.get("data-cchc-task"): row.get("data-cchc-status")
              for row in h1.xpath(".//tr[@data-cchc-task]")}
    plan = plan_by_slug(portal[PLANS], SEED_000)
    assert plan is not None and list(status) == [t.id for t in plan.tasks]
    assert {k: status[k] for k in ("2.11", "2.12", "2.13", "2.14", "2.15")} == {
        "2.11": "met", "2.12": "met", "2.13": "overdue", "2.14": "overdue", "2.15": "met"}
    summary = h1.xpath("string(.//*[@data-cchc-summary])")
    assert summary.startswith("Hoàn thành 3/5 nhiệm vụ có chỉ tiêu (60%)")
    year = report.xpath("//section[@aria-labelledby='ky-2024']")[0]
    assert len(year.xpath(".//tr[@data-cchc-task]")) == len(plan.tasks)
    # The evidence of 2.4 lists the year report document and links the articles.
    row = year.xpath(".//tr[@data-cchc-task='2.4']")[0]
    assert "Báo cáo số 2611/BC-SGTVT" in row.text_content()
    assert row.xpath(".//a[contains(@href,'tin-tuc/2024/')]")


def test_generated_report_and_index_links_resolve(built_site: Path) -> None:
    paths = [built_site / "bao-cao" / "index.html", built_site / "chi-so" / "index.html",
             *(built_site / "bao-cao").glob("*/index.html")]
    for path in paths:
        base = "http://x/" + path.parent.relative_to(built_site).as_posix() + "/"
        for href in parse(path).xpath("//article//a/@href | //h1/following::a/@href"):
            if href.startswith(("http", "mailto:", "tel:", "#")):
                continue
            target = unquote(urljoin(base, href).split("#")[0].removeprefix("http://x/"))
            resolved = built_site / target
            assert resolved.is_file() or (resolved / "index.html").is_file(), (path, href)


def test_menu_and_site_map_list_reports_and_indices(built_site: Path) -> None:
    home = page(built_site, "")
    menu = [a.text_content().strip() for a in home.xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert menu.index("Báo cáo") < menu.index("Chỉ số CCHC") < menu.index(
        "Dịch vụ công trực tuyến")
    links = page(built_site, "so-do-trang").xpath("//nav[contains(@class,'cchc-sitemap')]//a/@href")
    assert "../bao-cao/" in links and "../chi-so/" in links
    assert f"../bao-cao/{SEED_000}/" in links


def test_dashboard_shows_par_index_2023(built_site: Path) -> None:
    dashboard = page(built_site, "chi-so")
    [row] = dashboard.xpath("//table[contains(@class,'cchc-index-table')]//tbody/tr")
    cells = [c.text_content().strip() for c in row.xpath("./th|./td")]
    assert cells[:4] == ["2023", "80,36", "95", "84,59%"]
    assert cells[4].startswith("13/21") and "tăng 3 bậc so với năm 2022" in cells[4]
    for code in ("PAR INDEX", "SIPAS", "PAPI", "PCI", "DDCI"):
        assert dashboard.xpath(f"//h2[starts-with(normalize-space(), '{code}:')]"), code


def test_dashboard_charts_are_accessible_svg_with_a_table_beside(built_site: Path) -> None:
    # The charts' XML validity is tested on the renderer's output (test_indices.py); the
    # published page is minified HTML, where SVG attributes need no quotes.
    charts = page(built_site, "chi-so").xpath("//svg[contains(@class,'cchc-chart')]")
    # PAR INDEX by year, points by area, and one per numeric target of plan 1163 (four).
    assert len(charts) == 2 + 4
    for chart in charts:
        assert chart.get("role") == "img"
        labelled = chart.get("aria-labelledby", "").split()
        assert chart.xpath("./title") and chart.xpath("./desc")
        assert {e.get("id") for e in chart.xpath("./title | ./desc")} <= set(labelled)
    for pair in page(built_site, "chi-so").xpath("//div[contains(@class,'cchc-chart-pair')]"):
        assert pair.xpath(".//svg") and pair.xpath(".//table//th[@scope]")


def test_scoring_table_shows_every_criterion_of_seed_004(built_site: Path,
                                                          portal: Portal) -> None:
    plan = plan_by_slug(portal[PLANS], SEED_004)
    assert plan is not None
    rows = page(built_site, "chi-so").xpath(
        "//table[contains(@class,'cchc-criteria-table')]//tr[@data-cchc-task]")
    assert [r.get("data-cchc-task") for r in rows] == [t.id for t in plan.tasks]
    for row, task in zip(rows, plan.tasks, strict=True):
        cells = {td.get("data-label"): td.text_content().strip() for td in row.xpath("./td")}
        assert cells["Điểm tối đa"] == str(plan.points_of(task)).replace(".", ",")
        assert cells["Chủ trì"] == (task.lead or "")
        assert cells["Nội dung yêu cầu"].startswith(task.requirement or "")
        if task.notes and "2023" in task.notes:
            assert cells["Kết quả năm 2023"] == task.notes
    totals = page(built_site, "chi-so").xpath(
        "//table[contains(@class,'cchc-area-table')]//tfoot//td")
    assert totals[0].text_content().strip() == "62"
