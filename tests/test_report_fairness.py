"""Reports that judge fairly (issue 17, items 1–3), on tests/fixtures/good/plan-fairness.yml.

Each rule was wrong on the first report: a quota "mỗi phòng, ban, đơn vị 01 tin bài" read «Đạt»
with articles from two of eight units; the annual-report deadline passed on the half-year
report; an activity marked "(nếu có)" that never took place read «Quá hạn, chưa đạt»; a routine
task read «Đang thực hiện» years after its period ended.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from generators.core.periods import ReportPeriod
from generators.core.pipeline import load_portal
from generators.core.yamlsource import read_yaml
from generators.sections.news.model import ARTICLES, Article, ArticleMeta
from generators.sections.plans.model import PLANS, Plan, PlanDocument, plan_by_slug
from generators.sections.reports.evidence import Status, TaskResult, build_report, site_units
from generators.vietnamese.dates import VIETNAM_TZ

from .conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "good" / "plan-fairness.yml"
SLUG = "ke-hoach-cong-bang"
YEAR = ReportPeriod(2024, "year")
UNITS = ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý vận tải, phương tiện và người lái"]
DURING = datetime(2024, 12, 1, 12, 0, tzinfo=VIETNAM_TZ)
AFTER = datetime(2025, 1, 15, 12, 0, tzinfo=VIETNAM_TZ)
LATER = datetime(2026, 3, 1, 12, 0, tzinfo=VIETNAM_TZ)


def article(slug: str, day: str, task: str, unit: str | None = None) -> Article:
    date = datetime.fromisoformat(day).replace(hour=8, tzinfo=VIETNAM_TZ)
    meta = ArticleMeta.model_validate({
        "title": slug, "date": date, "summary": "Tóm tắt.", "category": "hoat-dong",
        "unit": unit, "plan_tasks": [f"{SLUG}#{task}"],
    })
    return Article(meta=meta, source=f"tin-tuc/2024/{slug}.md", slug=slug, year=2024,
                   category="hoat-dong", body_markdown="Nội dung.")


@pytest.fixture(scope="module")
def plan() -> Plan:
    data, _ = read_yaml(FIXTURE, FIXTURE.name)
    return Plan(SLUG, PlanDocument.model_validate(data))


def result(plan: Plan, articles: list[Article], task_id: str, now: datetime,
           units: list[str] = UNITS) -> TaskResult:
    report = build_report(plan, articles, YEAR, now, units)
    return next(t for t in report.tasks if t.task.id == task_id)


# 1. Per-unit quotas ------------------------------------------------------------------------


def test_a_per_unit_quota_is_not_met_by_many_articles_of_few_units(plan: Plan) -> None:
    articles = [article(f"bai-{n}", f"2024-0{n}-10", "1", UNITS[n % 2]) for n in range(1, 6)]
    task = result(plan, articles, "1", AFTER)
    [check] = task.quota_checks
    assert len(check.found) == 5
    assert task.status is Status.OVERDUE
    assert check.units_met == UNITS[:2] and check.units_short == UNITS[2:]
    assert check.summary == "Năm 2024: 02/03 đơn vị có đủ 01 tin, bài hoặc kế hoạch"


def test_a_per_unit_quota_is_met_when_every_unit_has_its_count(plan: Plan) -> None:
    articles = [article(f"bai-{n}", "2024-05-10", "1", unit) for n, unit in enumerate(UNITS)]
    assert result(plan, articles, "1", AFTER).status is Status.MET
    # An article that names no unit counts for none of them.
    anonymous = [*articles[:2], article("bai-khong-don-vi", "2024-05-10", "1")]
    assert result(plan, anonymous, "1", AFTER).status is Status.OVERDUE


def test_the_report_page_lists_units_met_and_not(plan: Plan) -> None:
    from generators.core.environment import make_environment
    from generators.core.portal import Portal
    from generators.core.profile import SiteProfile
    from generators.sections.reports.pages import report_page

    data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    site = SiteProfile.model_validate(data)
    units = site_units(site)
    articles = [article("bai-vp", "2024-03-01", "1", units[0])]
    report = build_report(plan, articles, YEAR, AFTER, units)
    portal = Portal(site=site, parts={PLANS: [plan], ARTICLES: articles})
    page = report_page(make_environment(ROOT / "templates"), portal, plan, [report], AFTER)
    assert f'data-cchc-unit="{units[0]}">{units[0]}: 01/01 – đạt' in page.html
    assert f'data-cchc-unit="{units[1]}">{units[1]}: 00/01 – chưa đạt' in page.html


# 2. Evidence of the right kind -------------------------------------------------------------


def test_the_annual_report_deadline_does_not_pass_on_the_half_year_report(plan: Plan) -> None:
    task = result(plan, [], "2", AFTER)
    assert task.status is Status.OVERDUE
    [check] = task.due_checks
    assert check.found == () and check.summary == (
        "Hạn 30/11/2024 (Báo cáo năm): chưa có báo cáo cả năm")


def test_the_annual_report_meets_its_deadline(plan: Plan) -> None:
    annual = plan.doc.model_copy(deep=True)
    task = annual.tasks.tasks[1]  # type: ignore[union-attr]
    document = task.evidence[0].model_copy(update={
        "number": "2611/BC-SGTVT", "date": task.evidence[0].date.model_copy(
            update={"day": 26, "month": 11}), "covers": "year"})
    task.evidence.append(document)
    assert result(Plan(SLUG, annual), [], "2", AFTER).status is Status.MET


# 3. Optional and routine activities --------------------------------------------------------


def test_an_optional_activity_that_never_took_place_is_not_overdue(plan: Plan) -> None:
    assert result(plan, [], "3", AFTER).status is Status.NOT_HELD
    assert result(plan, [], "4", AFTER).status is Status.OVERDUE  # the same without "nếu có"
    took_place = [article("du-thi", "2024-10-01", "3")]
    assert result(plan, took_place, "3", AFTER).status is Status.MET


def test_a_routine_task_gets_a_verdict_once_its_period_is_over(plan: Plan) -> None:
    assert result(plan, [], "5", DURING).status is Status.ONGOING
    assert result(plan, [], "5", LATER).status is Status.MISSING
    done = [article("chuyen-muc", "2024-04-01", "5")]
    assert result(plan, done, "5", DURING).status is Status.EVIDENCED
    assert result(plan, done, "5", LATER).status is Status.DONE


# The demo data carries each case -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo_later():
    return load_portal(ROOT / "data", ROOT, content_dir=ROOT / "content", now=LATER)


def demo_result(portal, slug: str, task_id: str) -> TaskResult:
    plan = plan_by_slug(portal[PLANS], slug)
    assert plan is not None
    report = build_report(plan, portal[ARTICLES], YEAR, LATER, site_units(portal.site))
    return next(t for t in report.tasks if t.task.id == task_id)


def test_the_demo_shows_each_fair_verdict(demo_later) -> None:
    seed_000 = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"
    quota = demo_result(demo_later, seed_000, "2.5")
    [check] = [c for c in quota.quota_checks if c.units]
    assert quota.status is Status.OVERDUE
    assert 0 < len(check.units_met) < len(check.units) == len(site_units(demo_later.site))
    reports = demo_result(demo_later, seed_000, "2.4")
    assert all(len(c.found) == 1 and c.found[0].covers == "year" for c in reports.due_checks)
    seed_002 = "ke-hoach-tuyen-truyen-cchc-2024-skhcn-can-tho"
    assert {demo_result(demo_later, seed_002, t).status for t in ("5", "6")} == {Status.NOT_HELD}
    seed_003 = "ke-hoach-tuyen-truyen-cchc-pci-ddci-2024-stnmt-ha-tinh"
    routine = {demo_result(demo_later, seed_003, t).status for t in ("3", "4", "5")}
    assert routine <= {Status.DONE, Status.MISSING} and routine


# 5. Targets with numbers -------------------------------------------------------------------


def states(plan: Plan, period: ReportPeriod, now: datetime) -> dict[str, str]:
    report = build_report(plan, [], period, now, UNITS)
    return {t.target.id: t.state for t in report.targets}


def test_numeric_targets_are_judged_per_period(plan: Plan) -> None:
    h1 = ReportPeriod(2024, "H1")
    # "trên 60%" is not met by exactly 60; "100%" is met by 100; no figure is no verdict.
    assert states(plan, YEAR, AFTER) == {
        "ho-so-truc-tuyen": "overdue", "dung-han": "met", "tthc-niem-yet": "ongoing"}
    assert states(plan, h1, AFTER)["ho-so-truc-tuyen"] == "overdue"
    assert states(plan, YEAR, DURING)["ho-so-truc-tuyen"] == "pending"
    report = build_report(plan, [], YEAR, AFTER, UNITS)
    assert report.target_summary == (
        "Chỉ tiêu định lượng: 1/3 đạt, 1 không đạt, 1 chưa có số liệu")


def test_a_target_names_a_task_of_the_table(plan: Plan) -> None:
    from generators.sections.plans.consistency import check_targets

    wrong = plan.doc.model_copy(deep=True)
    wrong.targets[0] = wrong.targets[0].model_copy(update={"task": "9.9"})
    [(path, message)] = check_targets(Plan(SLUG, wrong))
    assert path == ("targets", 0, "task") and "9.9" in message


def test_the_dashboard_draws_each_target_with_its_table(built_site: Path) -> None:
    from .conftest import parse

    page = parse(built_site / "chi-so" / "index.html")
    sections = page.xpath("//section[@data-cchc-target]")
    assert [s.get("data-cchc-target") for s in sections] == [
        "ho-so-dung-han", "dvctt-toan-trinh", "ho-so-truc-tuyen", "van-ban-ky-so"]
    for section in sections:
        [svg] = section.xpath(".//*[local-name()='svg']")
        rows = section.xpath(".//tbody/tr")
        bars = svg.xpath(".//*[local-name()='g']")
        assert len(bars) == len(rows) >= 2
        # The same numbers in the drawing and in the table.
        drawn = [g.xpath("string(*[local-name()='text'][last()])") for g in bars]
        listed = [r.xpath("string(td[1])").strip() for r in rows]
        assert drawn == listed
    online = page.xpath("//section[@data-cchc-target='ho-so-truc-tuyen']")[0]
    assert "khoảng 32%" in online.text_content() and "trên 60%" in online.text_content()
    assert "số liệu minh họa" in online.text_content()


def test_the_report_says_met_or_not_met(built_site: Path) -> None:
    from .conftest import parse

    page = parse(built_site / "bao-cao" / "ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt" /
                 "index.html")
    rows = page.xpath("//section[@aria-labelledby='ky-2024-h1']//tr[@data-cchc-target]")
    verdicts = {r.get("data-cchc-target"): r.get("data-cchc-state") for r in rows}
    assert verdicts == {"ho-so-dung-han": "overdue", "dvctt-toan-trinh": "overdue",
                        "ho-so-truc-tuyen": "overdue", "van-ban-ky-so": "met"}
