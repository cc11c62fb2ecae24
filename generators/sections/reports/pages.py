"""Report pages: `/bao-cao/` (every plan's summary) and `/bao-cao/<plan>/` (evidence per task).

Each plan page holds the first half-year and the whole plan year, every status judged at the
build's "now"; the same `PlanReport` feeds the Word and CSV files of `cchc report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment

from ...core.history import predecessor_named
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...vietnamese.dates import format_short
from ..news.model import ARTICLES
from ..plans.model import PLANS, Plan, plans_newest_first
from ..plans.pages import plan_path
from .evidence import STATUS_LABELS, PlanReport, Status, TaskResult, plan_reports, site_units
from .titles import results_title

SECTION_PATH = "bao-cao/"
SECTION_TITLE = "Báo cáo kết quả thực hiện kế hoạch"


def report_path(plan: Plan) -> str:
    return f"{SECTION_PATH}{plan.slug}/"


def reported_plans(portal: Portal) -> list[Plan]:
    """Plans with a task table, newest first: the ones a report can be made of."""
    return [p for p in plans_newest_first(portal[PLANS]) if p.tasks]


def report_title(plan: Plan) -> str:
    doc = plan.doc
    return results_title(doc.kind, doc.title)


@dataclass(frozen=True)
class ReportRow:
    """A row of the report table: a group heading or a task."""

    kind: str  # "group" | "task"
    result: TaskResult | None = None
    group_id: str | None = None
    group_title: str | None = None


def report_rows(report: PlanReport) -> list[ReportRow]:
    table = report.plan.doc.tasks
    titles = {g.id: g.title for g in table.groups} if table else {}
    rows: list[ReportRow] = []
    current: str | None = None
    for result in report.tasks:
        group = result.task.group
        if group is not None and group != current:
            current = group
            rows.append(ReportRow("group", group_id=group, group_title=titles.get(group)))
        rows.append(ReportRow("task", result=result))
    return rows


def period_anchor(report: PlanReport) -> str:
    return f"ky-{report.period.key.lower()}"


def report_page(
    env: Environment, portal: Portal, plan: Plan, reports: Sequence[PlanReport], now: dt.datetime
) -> PageSpec:
    path = report_path(plan)
    title = report_title(plan)
    html = render_page(
        env,
        "report.html",
        path,
        plan=plan,
        doc=plan.doc,
        reports=reports,
        rows=report_rows,
        anchor=period_anchor,
        plan_link=plan_path(plan),
        page_title=title,
        now=now,
        statuses=list(Status),
        predecessor=predecessor_named(portal.site.predecessors, plan.doc.issuer.name,
                                      plan.doc.issuer.parent),
        site=portal.site,
        status_labels=STATUS_LABELS,
    )
    return PageSpec(
        path=path,
        title=f"{title} ({plan.doc.issuer.abbreviation or plan.doc.issuer.name} {plan.doc.year})",
        html=html,
        description=f"{reports[0].summary} trong {reports[0].period.label}; sản phẩm minh chứng "
        f"của từng nhiệm vụ, tính đến {format_short(now)}.",
        date=now.date().isoformat(),
        kind="report",
    )


def reports_index_page(
    env: Environment, portal: Portal, entries: Sequence[tuple[Plan, Sequence[PlanReport]]],
    now: dt.datetime,
) -> PageSpec:
    html = render_page(
        env, "reports_index.html", SECTION_PATH, entries=entries, report_path=report_path,
        now=now, overdue=Status.OVERDUE,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=SECTION_TITLE,
        html=html,
        description="Kết quả thực hiện các kế hoạch cải cách hành chính: nhiệm vụ đạt, chưa đạt, "
        "quá hạn và sản phẩm minh chứng (tin, bài, văn bản) theo từng kỳ báo cáo.",
        date=now.date().isoformat(),
        kind="report-index",
    )


def report_pages(env: Environment, portal: Portal, now: dt.datetime) -> list[PageSpec]:
    units = site_units(portal.site)
    entries = [(p, plan_reports(p, portal[ARTICLES], now, units)) for p in reported_plans(portal)]
    pages = [reports_index_page(env, portal, entries, now)]
    pages += [report_page(env, portal, plan, reports, now) for plan, reports in entries]
    return pages


def report_section(portal: Portal) -> SiteSection:
    children = [
        SiteSection(f"{report_title(p)} ({p.doc.issuer.name})", report_path(p))
        for p in reported_plans(portal)
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)
