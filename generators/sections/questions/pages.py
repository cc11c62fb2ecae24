"""Questions and answers: the index by topic with pending questions, one page per question,
and the RSS feed of answers (/hoi-dap/rss.xml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urljoin

from jinja2 import Environment
from markupsafe import escape

from ...core.asking import ask_link
from ...core.empty import empty_page
from ...core.feeds import FeedItem, FeedSpec
from ...core.markup import render_markdown
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...vietnamese.collation import sort_key, sorted_vi
from ...vietnamese.dates import VIETNAM_TZ
from ...vietnamese.text import slugify
from ..hotlines.model import HOTLINES
from ..legal.citing import link_legal_references
from ..legal.model import LEGAL
from ..procedures.model import PROCEDURES
from ..procedures.pages import procedure_path
from .model import QUESTIONS, QuestionAnswer

SECTION_PATH = "hoi-dap/"
SECTION_TITLE = "Hỏi đáp"
FEED_PATH = f"{SECTION_PATH}rss.xml"


def question_path(question: QuestionAnswer) -> str:
    return f"{SECTION_PATH}{question.slug}/"


@dataclass(frozen=True)
class ProcedureRef:
    code: str
    path: str | None  # the procedure's page, when the catalogue has it
    name: str | None = None  # the procedure's name, when the catalogue has it


def procedure_paths(portal: Portal) -> dict[str, str]:
    """Procedure code → page path ("thu-tuc/<slug>/") from the procedure catalogue."""
    return {p.doc.code: procedure_path(p) for p in portal[PROCEDURES]}


def link_procedures(
    codes: list[str], paths: Mapping[str, str], names: Mapping[str, str] | None = None
) -> list[ProcedureRef]:
    """The related procedures of a question, each with its page and name when known."""
    names = names or {}
    return [ProcedureRef(code, paths.get(code), names.get(code)) for code in codes]


def answered_newest_first(questions: list[QuestionAnswer]) -> list[QuestionAnswer]:
    answered = [q for q in questions if q.doc.is_answered]
    answered.sort(key=lambda q: q.slug)
    answered.sort(key=lambda q: (q.doc.answered, q.doc.asked), reverse=True)
    return answered


def pending_oldest_first(questions: list[QuestionAnswer]) -> list[QuestionAnswer]:
    pending = [q for q in questions if not q.doc.is_answered]
    return sorted(pending, key=lambda q: (q.doc.asked, q.slug))


def topic_anchor(topic: str) -> str:
    return f"chu-de-{slugify(topic)}"


@dataclass(frozen=True)
class Topic:
    title: str
    anchor: str
    questions: list[QuestionAnswer]


def topics(questions: list[QuestionAnswer]) -> list[Topic]:
    """Answered questions grouped by topic, topics in Vietnamese order, newest answer first."""
    grouped: dict[str, list[QuestionAnswer]] = {}
    for question in answered_newest_first(questions):
        grouped.setdefault(question.doc.topic, []).append(question)
    return [
        Topic(title, topic_anchor(title), grouped[title]) for title in sorted_vi(grouped)
    ]


def question_page(env: Environment, portal: Portal, question: QuestionAnswer) -> PageSpec:
    path = question_path(question)
    doc = question.doc
    html = render_page(
        env,
        "question.html",
        path,
        question=question,
        doc=doc,
        site=portal.site,
        procedures=link_procedures(doc.procedures, procedure_paths(portal),
                                   {p.doc.code: p.doc.name for p in portal[PROCEDURES]}),
        topic_anchor=topic_anchor(doc.topic),
        ask=portal.site.questions and ask_link(portal.site.questions, f"Hỏi thêm: {doc.title}"),
        has_hotlines=portal[HOTLINES] is not None,
    )
    linked = link_legal_references(html, portal[LEGAL], path)
    status = "đã trả lời" if doc.is_answered else "đang chờ trả lời"
    return PageSpec(
        path=path,
        title=doc.title,
        html=linked.html,
        description=f"Câu hỏi về {doc.topic.lower()} gửi ngày {doc.asked:%d/%m/%Y}, {status}.",
        date=(doc.answered or doc.asked).isoformat(),
        kind="question",
        cites=linked.cited,
    )


def qa_index_page(env: Environment, portal: Portal) -> PageSpec:
    html = render_page(
        env,
        "questions_index.html",
        SECTION_PATH,
        site=portal.site,
        topics=topics(portal[QUESTIONS]),
        pending=pending_oldest_first(portal[QUESTIONS]),
        question_path=question_path,
        has_hotlines=portal[HOTLINES] is not None,
        feed=FEED_PATH,
        ask=portal.site.questions
        and ask_link(portal.site.questions, "Câu hỏi về thủ tục hành chính"),
    )
    return PageSpec(
        path=SECTION_PATH,
        title="Hỏi đáp – Dân hỏi, cơ quan chức năng trả lời",
        html=html,
        description=f"Câu hỏi của người dân, doanh nghiệp về thủ tục hành chính và câu trả lời "
        f"của {portal.site.name}, theo chủ đề.",
        kind="question-index",
    )


def qa_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    if not portal[QUESTIONS]:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE, "Chưa có câu hỏi nào được trả lời.")]
    return [qa_index_page(env, portal), *(question_page(env, portal, q) for q in portal[QUESTIONS])]


def qa_section(portal: Portal) -> SiteSection:
    children = [
        SiteSection(q.doc.title, question_path(q))
        for q in sorted(portal[QUESTIONS], key=lambda q: sort_key(q.doc.title))
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)


def qa_feed(portal: Portal) -> FeedSpec | None:
    """Answered questions, newest answer first: question and answer in full."""
    if not portal[QUESTIONS]:
        return None
    site = portal.site
    items = []
    for question in answered_newest_first(portal[QUESTIONS]):
        doc = question.doc
        assert doc.answered is not None  # answered questions have a date (qa_checks)
        path = question_path(question)
        url = urljoin(site.url, path)
        body = (
            f"<p><strong>Hỏi</strong> ({escape(doc.asker.describe())}, "
            f"{doc.asked:%d/%m/%Y}):</p>"
            f"{render_markdown(doc.question)}"
            f"<p><strong>Trả lời</strong> ({escape(doc.answered_by)}, "
            f"{doc.answered:%d/%m/%Y}):</p>"
            f"{render_markdown(doc.answer)}"
        )
        body = link_legal_references(body, portal[LEGAL], path).html
        items.append(
            FeedItem(
                title=doc.title,
                url=url,
                published=datetime.combine(doc.answered, time(0, 0), tzinfo=VIETNAM_TZ),
                summary=f"{doc.topic}: câu hỏi của {doc.asker.describe()}, {doc.answered_by} "
                f"trả lời ngày {doc.answered:%d/%m/%Y}.",
                content_html=body,
                categories=(doc.topic,),
                author=doc.answered_by,
            )
        )
    return FeedSpec(
        path=FEED_PATH,
        format="rss",
        title=f"Hỏi đáp – {site.short_name}",
        description=f"Câu trả lời của {site.name} cho câu hỏi của người dân, doanh nghiệp.",
        page_url=urljoin(site.url, SECTION_PATH),
        items=items,
        logo_url=urljoin(site.url, site.logo),
    )
