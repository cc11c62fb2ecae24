"""Plans as their sources give them (issue 17, items 4 and 13): a timeline without a task table
becomes tracked items; a plan whose text and appendix disagree is flagged, not "fixed"; the
transcription slips of the seeds stay fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.cli import main
from generators.core.notices import NOTICES, PREFIX
from generators.core.portal import Portal
from generators.sections.plans.consistency import deadline_conflicts
from generators.sections.plans.model import PLANS, Plan, plan_by_slug
from generators.sections.reports.pages import report_path, reported_plans

from .conftest import ROOT, parse

SEED_000 = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"
SEED_001 = "ke-hoach-tuyen-truyen-cchc-2024-ubnd-cua-lo"
SEED_002 = "ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho"
SEED_003 = "ke-hoach-tuyen-truyen-cchc-pci-ddci-2024-stnmt-ha-tinh"


def plan_of(portal: Portal, slug: str) -> Plan:
    plan = plan_by_slug(portal[PLANS], slug)
    assert plan is not None
    return plan


# 4. Timelines and disagreeing dates --------------------------------------------------------


def test_a_month_by_month_timeline_becomes_tracked_items(portal: Portal) -> None:
    plan = plan_of(portal, SEED_001)
    assert plan.doc.tasks is not None and plan.doc.tasks.derived_from
    assert [t.timing for t in plan.tasks][:4] == [
        "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 3 đến tháng 4"]
    assert plan in reported_plans(portal)


def test_the_timeline_has_a_report_page(built_site: Path, portal: Portal) -> None:
    page = parse(built_site / report_path(plan_of(portal, SEED_001)) / "index.html")
    rows = page.xpath("//tr[@data-cchc-task]")
    assert len(rows) == 2 * len(plan_of(portal, SEED_001).tasks)  # first half-year and year
    # The plan itself is dated February 2024: the January deadline was missed, and says so.
    first = page.xpath("//tr[@id='ky-2024-1']")[0]
    assert first.get("data-cchc-status") == "overdue" and "sau hạn" in first.text_content()


def test_text_and_appendix_giving_two_dates_for_one_duty_is_a_notice(portal: Portal) -> None:
    [notice] = portal[NOTICES]
    assert notice.file == f"data/ke-hoach/{SEED_000}.yml"
    assert "mục IV.2 ghi hạn 20/11/2024 cho nhiệm vụ 2.4" in notice.message
    assert "ghi 26/11/2024" in notice.message and "tasks › tasks › mục 4 › due" in notice.message
    # Section IV.1's 30/11 agrees with the Văn phòng Sở row of the same task: no notice.
    plan = plan_of(portal, SEED_000)
    assert len(deadline_conflicts(plan, lambda path: None)) == 1


def test_cchc_check_prints_the_notice_and_still_succeeds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--root", str(ROOT), "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dữ liệu hợp lệ")
    assert f"{PREFIX} – data/ke-hoach/{SEED_000}.yml, dòng " in out
    assert "20/11/2024" in out and "26/11/2024" in out


# 13. Transcription slips -------------------------------------------------------------------


def test_no_stray_word_from_a_page_break(portal: Portal) -> None:
    task = plan_of(portal, SEED_000).task_by_id["2.4"]
    assert task.parts[0].timing == (
        "- Báo cáo 6 tháng (trước thời gian UBND tỉnh yêu cầu); - Báo cáo năm: Trước 30/11/2024")


@pytest.mark.parametrize("slug", [SEED_000, SEED_003])
def test_appendices_carry_their_heading(built_site: Path, slug: str) -> None:
    [heading] = parse(built_site / "ke-hoach" / slug / "index.html").xpath(
        "//*[@id='bang-nhiem-vu']")
    assert heading.tag == "h2"
    assert heading.xpath("string(span)").lower() == "phụ lục"


def test_a_table_inside_the_text_stays_in_its_section(built_site: Path) -> None:
    page = parse(built_site / "ke-hoach" / SEED_002 / "index.html")
    [table] = page.xpath("//*[@id='bang-nhiem-vu']")
    section = table.xpath("ancestor::section[@class='cchc-doc-section'][1]")[0]
    assert section.xpath("string(h2)").startswith("IV.")
    assert table.tag == "h3"
    # Before the closing and the signature, not after them.
    assert not page.xpath("//footer[contains(@class, 'cchc-doc-foot')]/following::*"
                          "[@id='bang-nhiem-vu']")
