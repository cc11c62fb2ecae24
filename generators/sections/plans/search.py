"""Search records of plans and their tasks."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import PLANS
from .pages import plan_path


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def plan_records(portal: Portal) -> list[SearchRecord]:
    """Each plan, and each of its tasks (found at the task's row of the plan page)."""
    records = []
    for plan in portal[PLANS]:
        doc = plan.doc
        sections = " ".join(plain_text(s.body) for s in doc.sections)
        records.append(
            SearchRecord(
                url=plan_path(plan),
                kind="ke-hoach",
                title=f"{doc.kind} {doc.title}",
                text=f"{doc.summary} {doc.issuer.name}. {sections}",
                date=doc.date.iso() if doc.date.exact else "",
                keywords=(doc.issuer.name, doc.theme or ""),
                names=(doc.number_text,),
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
                    names=(task.id,),
                )
            )
    return records
