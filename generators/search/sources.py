"""Search records for each content type, taken from the validated models."""

from __future__ import annotations

from ..portal import Portal
from ..render.hotlines import SECTION_PATH as HOTLINES_PATH
from ..render.legal_links import document_path
from ..render.news import NewsRender
from ..render.plans import plan_path
from ..render.qa import question_path
from ..render.tthc import procedure_path
from .page_records import (
    about_records,
    index_records,
    poster_records,
    procedure_details,
    report_records,
)
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


def question_records(portal: Portal) -> list[SearchRecord]:
    return [
        SearchRecord(
            url=question_path(q),
            kind="hoi-dap",
            title=q.doc.title,
            text=f"{plain_text(q.doc.question)} {plain_text(q.doc.answer)}",
            date=(q.doc.answered or q.doc.asked).isoformat(),
            keywords=(q.doc.topic, *q.doc.procedures),
        )
        for q in portal.questions
    ]


def legal_records(portal: Portal) -> list[SearchRecord]:
    """Register documents, found by number ("76/NQ-CP") as well as by words of the summary."""
    return [
        SearchRecord(
            url=document_path(d),
            kind="van-ban",
            title=d.title,
            text=f"{d.summary} {d.issuer}",
            date=d.date.isoformat(),
            keywords=(d.kind,),
            names=(d.number,),
        )
        for d in portal.legal.documents
    ]


def hotline_records(portal: Portal) -> list[SearchRecord]:
    """The hotline page as a whole, and each unit by its name, purpose, numbers and e-mails."""
    if portal.hotlines is None:
        return []
    units = portal.hotlines.units
    page = SearchRecord(
        url=HOTLINES_PATH,
        kind="duong-day-nong",
        title="Đường dây nóng tiếp nhận phản ánh, kiến nghị",
        text=f"{plain_text(portal.hotlines.intro)} " + "; ".join(u.name for u in units),
    )
    return [page] + [
        SearchRecord(
            url=f"{HOTLINES_PATH}#{unit.slug}",
            kind="duong-day-nong",
            title=unit.name,
            text=" ".join(filter(None, [unit.purpose, unit.hours, unit.address])),
            keywords=(*(phone.number for phone in unit.phones), *unit.emails),
        )
        for unit in units
    ]


def procedure_records(portal: Portal) -> list[SearchRecord]:
    """Procedures by name, code, field, applicants and results; abolished ones say so."""
    records = []
    for procedure in portal.procedures:
        doc = procedure.doc
        status = "" if procedure.in_force else "Đã bãi bỏ. "
        records.append(
            SearchRecord(
                url=procedure_path(procedure),
                kind="thu-tuc",
                title=doc.name,
                text=(
                    f"{status}Lĩnh vực {doc.field}. Đối tượng: {'; '.join(doc.applicants)}. "
                    f"Kết quả: {'; '.join(doc.results)}. {plain_text(doc.requirements)} "
                    + procedure_details(doc)
                ),
                date=procedure.latest.date.isoformat(),
                keywords=(doc.field, *(b.number for b in doc.legal_bases)),
                names=(doc.code,),
            )
        )
    return records


def site_records(portal: Portal, news: NewsRender) -> list[SearchRecord]:
    """Everything searchable on the site; each content type adds its records here."""
    return [
        *article_records(portal, news),
        *procedure_records(portal),
        *plan_records(portal),
        *question_records(portal),
        *legal_records(portal),
        *hotline_records(portal),
        *poster_records(portal),
        *index_records(portal),
        *report_records(portal),
        *about_records(portal),
    ]
