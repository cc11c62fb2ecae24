"""Quiz pages: the list of quizzes and contests, one page per quiz (scored in the browser by
assets/cchc-quiz.js; without the script, each answer is behind a <details>), and a printable
page of the questions with their answers."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from ...core.empty import empty_page
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ..legal.model import LEGAL
from .model import LETTERS, QUIZZES, Quiz, QuizQuestion

SECTION_PATH = "trac-nghiem/"
SECTION_TITLE = "Trắc nghiệm cải cách hành chính"


def quiz_path(quiz: Quiz) -> str:
    return f"{SECTION_PATH}{quiz.slug}/"


def print_path(quiz: Quiz) -> str:
    return f"{quiz_path(quiz)}ban-in/"


@dataclass(frozen=True)
class Source:
    title: str  # "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"
    summary: str
    path: str | None  # its page in the register, when the register has it
    article: str | None


@dataclass(frozen=True)
class ShownQuestion:
    number: int
    question: QuizQuestion
    options: list[tuple[str, str]]  # (letter, text)
    source: Source


def shown_questions(portal: Portal, quiz: Quiz) -> list[ShownQuestion]:
    register = portal[LEGAL].by_number()
    shown = []
    for number, question in enumerate(quiz.doc.questions, start=1):
        found = register.get(question.source)
        document = found[0] if found else None
        source = Source(
            title=document.title if document else question.source,
            summary=document.summary if document else "",
            path=f"van-ban/{document.page_slug}/" if document else None,
            article=question.article,
        )
        options = list(zip(LETTERS, question.options, strict=False))
        shown.append(ShownQuestion(number, question, options, source))
    return shown


def cited(portal: Portal, quiz: Quiz) -> tuple[str, ...]:
    """Slugs of the register's documents the quiz rests on (the register lists the quiz)."""
    register = portal[LEGAL].by_number()
    slugs = [register[q.source][0].page_slug for q in quiz.doc.questions if q.source in register]
    return tuple(dict.fromkeys(slugs))


def quiz_page(env: Environment, portal: Portal, quiz: Quiz) -> PageSpec:
    path = quiz_path(quiz)
    html = render_page(
        env, "quiz.html", path, quiz=quiz, doc=quiz.doc, site=portal.site,
        questions=shown_questions(portal, quiz), print_link=print_path(quiz),
    )
    return PageSpec(
        path=path,
        title=quiz.doc.title,
        html=html,
        description=f"{quiz.doc.summary} {len(quiz.doc.questions)} câu hỏi, tự chấm điểm.",
        kind="quiz",
        cites=cited(portal, quiz),
    )


def quiz_print_page(env: Environment, portal: Portal, quiz: Quiz) -> PageSpec:
    path = print_path(quiz)
    html = render_page(
        env, "quiz_print.html", path, quiz=quiz, doc=quiz.doc, site=portal.site,
        questions=shown_questions(portal, quiz), quiz_link=quiz_path(quiz),
    )
    return PageSpec(
        path=path,
        title=f"{quiz.doc.title} – câu hỏi và đáp án",
        html=html,
        description=f"Bản in {len(quiz.doc.questions)} câu hỏi và đáp án: {quiz.doc.title}.",
        kind="quiz-print",
    )


def newest_first(quizzes: list[Quiz]) -> list[Quiz]:
    return sorted(sorted(quizzes, key=lambda q: q.slug), key=lambda q: q.doc.year, reverse=True)


def quiz_index_page(env: Environment, portal: Portal) -> PageSpec:
    html = render_page(
        env, "quiz_index.html", SECTION_PATH, site=portal.site,
        quizzes=newest_first(portal[QUIZZES]), quiz_path=quiz_path, print_path=print_path,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=SECTION_TITLE,
        html=html,
        description=f"Tự kiểm tra hiểu biết về cải cách hành chính và kết quả các cuộc thi tìm "
        f"hiểu của {portal.site.name}.",
        kind="quiz-index",
    )


def quiz_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    quizzes = portal[QUIZZES]
    if not quizzes:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE,
                           "Chưa có bộ câu hỏi trắc nghiệm nào được đăng.")]
    pages = [quiz_index_page(env, portal)]
    for quiz in quizzes:
        pages += [quiz_page(env, portal, quiz), quiz_print_page(env, portal, quiz)]
    return pages


def quiz_section(portal: Portal) -> SiteSection:
    children = []
    for quiz in newest_first(portal[QUIZZES]):
        children += [
            SiteSection(quiz.doc.title, quiz_path(quiz)),
            SiteSection(f"{quiz.doc.title} – bản in câu hỏi và đáp án", print_path(quiz)),
        ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)
