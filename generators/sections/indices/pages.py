"""The index dashboard `/chi-so/`: PAR INDEX, SIPAS, PAPI, PCI, DDCI by year, and the scoring
table of the agency's reform-index plan with each criterion's progress this year.

Charts are SVG drawn here (charts.py); every chart has a table of the same numbers beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from jinja2 import Environment
from markupsafe import Markup

from ...core.charts import Bar, bar_chart
from ...core.empty import empty_page
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.periods import ReportPeriod
from ...core.portal import Portal
from ...vietnamese.numbers import format_decimal_vi, format_percent_vi
from ..news.model import ARTICLES
from ..plans.model import PLANS, Plan, Task, plan_by_slug
from ..plans.pages import plan_path
from ..reports.evidence import TaskResult, build_report, site_units
from ..reports.pages import period_anchor, report_path
from .model import INDICES, IndexRegister, IndexResult, ReformIndex
from .targets import target_views

SECTION_PATH = "chi-so/"
SECTION_TITLE = "Chỉ số cải cách hành chính"


def rank_change_text(change: int | None) -> str | None:
    """3 → "tăng 3 bậc", -2 → "giảm 2 bậc", 0 → "giữ nguyên"."""
    if change is None:
        return None
    if change == 0:
        return "giữ nguyên thứ hạng"
    return f"{'tăng' if change > 0 else 'giảm'} {abs(change)} bậc"


def rank_change(index: ReformIndex, result: IndexResult) -> int | None:
    """The change from last year's rank: stated in the data, or worked out from both ranks."""
    if result.rank_change is not None:
        return result.rank_change
    before = next((r for r in index.results if r.year == result.year - 1), None)
    if before and before.rank and result.rank:
        return before.rank - result.rank
    return None


def describe_result(index: ReformIndex, result: IndexResult) -> str:
    """"Năm 2023: 80,36/95 điểm, đạt 84,59%, xếp thứ 13/21, tăng 3 bậc so với năm 2022"."""
    text = (f"Năm {result.year}: {format_decimal_vi(result.score)}/"
            f"{format_decimal_vi(result.maximum)} điểm, đạt {format_percent_vi(result.percentage)}")
    if result.rank:
        text += f", xếp thứ {result.rank}/{result.out_of}"
    change = rank_change_text(rank_change(index, result))
    if change:
        text += f", {change} so với năm {result.year - 1}"
    return text


def index_chart(index: ReformIndex, colour: str) -> Markup:
    bars = []
    for result in index.ordered():
        text = format_percent_vi(result.percentage)
        if result.rank:
            text += f" · hạng {result.rank}/{result.out_of}"
        bars.append(Bar(f"Năm {result.year}", result.percentage * 100, text))
    return Markup(bar_chart(
        f"bieu-do-{index.anchor}",
        f"{index.code}: tỷ lệ điểm đạt được so với điểm tối đa, theo năm",
        "; ".join(describe_result(index, r) for r in index.ordered()) + ".",
        bars, Decimal(100), colour,
    ))


@dataclass(frozen=True)
class IndexView:
    index: ReformIndex
    chart: Markup | None
    descriptions: dict[int, str]
    changes: dict[int, str | None]


@dataclass(frozen=True)
class Criterion:
    """A row of the scoring table: the criterion, last year's result as the plan notes it."""

    task: Task
    points: Decimal
    previous: str | None  # the note, when it reports last year's result
    note: str | None  # any other note (deadlines)
    result: TaskResult


@dataclass(frozen=True)
class Scoring:
    plan: Plan
    chart: Markup
    criteria: list[Criterion]
    previous_year: int
    report_link: str


def split_note(task: Task, previous_year: int) -> tuple[str | None, str | None]:
    """A plan's note is either last year's result ("Năm 2023, …") or something else."""
    if not task.notes:
        return None, None
    if str(previous_year) in task.notes:
        return task.notes, None
    return None, task.notes


def scoring(plan: Plan, portal: Portal, now: dt.datetime, colour: str) -> Scoring:
    table = plan.doc.tasks
    assert table is not None
    total = plan.total_points()
    bars = [Bar(f"{g.id}. {g.title}", plan.group_points(g.id),
                f"{format_decimal_vi(plan.group_points(g.id))} điểm") for g in table.groups]
    chart = Markup(bar_chart(
        "bieu-do-diem-linh-vuc",
        f"Điểm tối đa theo lĩnh vực, {plan.doc.reference}",
        f"Tổng {format_decimal_vi(total)} điểm tối đa trong {len(bars)} lĩnh vực: "
        + "; ".join(f"{b.label}: {b.text}" for b in bars) + ".",
        bars, max((b.value for b in bars), default=Decimal(1)), colour, label_chars=32,
    ))
    period = ReportPeriod(plan.doc.year, "year")
    report = build_report(plan, portal[ARTICLES], period, now, site_units(portal.site))
    results = {r.task.id: r for r in report.tasks}
    previous_year = plan.doc.year - 1
    criteria = []
    for task in plan.tasks:
        previous, note = split_note(task, previous_year)
        criteria.append(Criterion(task, plan.points_of(task), previous, note, results[task.id]))
    link = f"{report_path(plan)}#{period_anchor(report)}"
    return Scoring(plan, chart, criteria, previous_year, link)


def indices_page(
    env: Environment, portal: Portal, register: IndexRegister, now: dt.datetime
) -> PageSpec:
    colour = portal.site.colours.primary
    views = [
        IndexView(
            index,
            index_chart(index, colour) if index.results else None,
            {r.year: describe_result(index, r) for r in index.results},
            {r.year: rank_change_text(rank_change(index, r)) for r in index.results},
        )
        for index in register.indices
    ]
    plan = plan_by_slug(portal[PLANS], register.scoring_plan) if register.scoring_plan else None
    table = scoring(plan, portal, now, colour) if plan else None
    targets = target_views(plan, colour, now) if plan else []
    html = render_page(
        env, "indices.html", SECTION_PATH, register=register, views=views, scoring=table,
        plan_path=plan_path, now=now, targets=targets,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=register.title,
        html=html,
        description="Kết quả Chỉ số cải cách hành chính (PAR INDEX), SIPAS, PAPI, PCI, DDCI theo "
        "năm: điểm, tỷ lệ, thứ hạng; bảng điểm tiêu chí và tiến độ thực hiện trong năm.",
        date=now.date().isoformat(),
        kind="indices",
    )


def index_pages(env: Environment, portal: Portal, now: dt.datetime) -> list[PageSpec]:
    if portal[INDICES] is None:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE,
                           "Chưa có kết quả chỉ số cải cách hành chính nào được công bố.")]
    return [indices_page(env, portal, portal[INDICES], now)]


def index_section(portal: Portal) -> SiteSection | None:
    if portal[INDICES] is None:
        return None
    return SiteSection(portal[INDICES].title, SECTION_PATH)
