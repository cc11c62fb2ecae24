"""Plan pages: the plans index and one page per plan with its sections and task table."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from ...core.history import predecessor_named
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ..legal.citing import link_legal_references
from ..legal.model import LEGAL
from ..news.model import ARTICLES, articles_for_task
from .model import PLANS, Plan, Task, plans_newest_first

SECTION_PATH = "ke-hoach/"
SECTION_TITLE = "Kế hoạch"

# Column order of the task table; a column appears only when some row of the plan fills it.
_COLUMNS = ("products", "lead", "coordinators", "timing", "points", "requirement", "notes",
            "budget")


def plan_path(plan: Plan) -> str:
    return f"{SECTION_PATH}{plan.slug}/"


@dataclass(frozen=True)
class TaskRow:
    """A row of the rendered task table: a group heading, a task, or a task's extra part."""

    kind: str  # "group" | "task" | "part"
    task: Task | None = None
    group_id: str | None = None
    group_title: str | None = None
    part_index: int = 0


def task_columns(plan: Plan) -> list[str]:
    def filled(task: Task, column: str) -> bool:
        value = getattr(task, column)
        parts = [getattr(p, column, None) for p in task.parts]
        if column == "timing" and (task.due or task.quotas):
            return True  # due dates and quotas are shown under the timing
        return bool(value) or value == 0 or any(parts)

    return [c for c in _COLUMNS if any(filled(t, c) for t in plan.tasks)]


def task_rows(plan: Plan) -> list[TaskRow]:
    """Table rows in document order, with a heading row where a new group starts."""
    table = plan.doc.tasks
    if table is None:
        return []
    titles = {g.id: g.title for g in table.groups}
    rows: list[TaskRow] = []
    current: str | None = None
    for task in table.tasks:
        if task.group is not None and task.group != current:
            current = task.group
            rows.append(TaskRow("group", group_id=current, group_title=titles.get(current)))
        rows.append(TaskRow("task", task=task))
        rows += [TaskRow("part", task=task, part_index=i) for i in range(len(task.parts))]
    return rows


def plan_page(env: Environment, portal: Portal, plan: Plan) -> PageSpec:
    path = plan_path(plan)
    doc = plan.doc
    title = f"{doc.kind} {doc.title[:1].lower()}{doc.title[1:]}"
    html = render_page(
        env,
        "plan.html",
        path,
        plan=plan,
        doc=doc,
        site=portal.site,
        predecessor=predecessor_named(portal.site.predecessors, doc.issuer.name,
                                      doc.issuer.parent),
        rows=task_rows(plan),
        columns=task_columns(plan),
        page_title=title,
        articles=articles_for_task(portal[ARTICLES], plan.slug),
    )
    linked = link_legal_references(html, portal[LEGAL], path)
    return PageSpec(
        path=path,
        title=f"{title} ({doc.issuer.abbreviation or doc.issuer.name} {doc.year})",
        html=linked.html,
        cites=linked.cited,
        description=doc.summary,
        date=doc.date.iso(),
        kind="plan",
    )


def plans_index_page(env: Environment, portal: Portal) -> PageSpec:
    plans = plans_newest_first(portal[PLANS])
    html = render_page(
        env, "plans_index.html", SECTION_PATH, plans=plans, plan_path=plan_path, site=portal.site
    )
    return PageSpec(
        path=SECTION_PATH,
        title="Kế hoạch cải cách hành chính",
        html=html,
        description="Kế hoạch tuyên truyền cải cách hành chính và kế hoạch nâng cao Chỉ số CCHC, "
        "kèm bảng nhiệm vụ, đơn vị chủ trì, thời hạn và chỉ tiêu.",
        kind="plan-index",
    )


def plan_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    return [plans_index_page(env, portal), *(plan_page(env, portal, p) for p in portal[PLANS])]


def plan_section(portal: Portal) -> SiteSection:
    children = [
        SiteSection(f"{p.doc.reference} – {p.doc.title} ({p.doc.issuer.name})", plan_path(p))
        for p in plans_newest_first(portal[PLANS])
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)
