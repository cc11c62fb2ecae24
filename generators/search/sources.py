"""Search records for each content type, taken from the validated models."""

from __future__ import annotations

from ..portal import Portal
from ..render.news import NewsRender
from ..render.plans import plan_path
from .records import SearchRecord, plain_text


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def article_records(portal: Portal, news: NewsRender) -> list[SearchRecord]:
    return [
        SearchRecord(
            url=a.path,
            kind="tin",
            title=a.meta.title,
            text=f"{a.meta.summary} {plain_text(a.body_markdown)}",
            date=a.published.date().isoformat(),
            keywords=(news.category_name(a.category), *a.meta.tags),
        )
        for a in portal.articles
        if not a.meta.draft
    ]


def plan_records(portal: Portal) -> list[SearchRecord]:
    """Each plan, and each of its tasks (found at the task's row of the plan page)."""
    records = []
    for plan in portal.plans:
        doc = plan.doc
        sections = " ".join(plain_text(s.body) for s in doc.sections)
        records.append(
            SearchRecord(
                url=plan_path(plan),
                kind="ke-hoach",
                title=f"{doc.kind} {doc.title}",
                text=f"{doc.summary} {doc.issuer.name}. {sections}",
                date=doc.date.iso() if doc.date.exact else "",
                keywords=(doc.number_text, doc.issuer.name, doc.theme or ""),
            )
        )
        for task in plan.tasks:
            # The plan's number stays out of its tasks' text: a search for "1163/KH-SGTVT"
            # should find the plan first, not its fifty rows.
            details = " ".join(
                filter(None, [task.title, task.lead, *task.products, task.timing,
                              task.requirement])
            )
            records.append(
                SearchRecord(
                    url=f"{plan_path(plan)}#{task.id}",
                    kind="nhiem-vu",
                    title=f"Nhiệm vụ {task.id}: {shorten(task.title, 120)}",
                    text=details,
                    keywords=(task.id,),
                )
            )
    return records


def site_records(portal: Portal, news: NewsRender) -> list[SearchRecord]:
    """Everything searchable on the site; each content type adds its records here."""
    return [*article_records(portal, news), *plan_records(portal)]
