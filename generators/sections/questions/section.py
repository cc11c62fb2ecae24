"""Questions and answers (hỏi đáp): one per file in data/hoi-dap/, at /hoi-dap/<slug>/."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...core.editor_fields import Collection, EditorChoices
from ...core.feeds import FeedSpec
from ...core.loading import item_files, read_model, relative, report_problems
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...core.yamlsource import LineMap
from ...search.records import SearchRecord
from ...vietnamese.workdays import working_days_between
from ..procedures.model import PROCEDURES
from .checks import check_question, check_topics
from .editor import editor_collection
from .model import QUESTIONS, QuestionAnswer, QuestionDocument
from .pages import SECTION_PATH, qa_feed, qa_pages, qa_section
from .search import question_records


@dataclass(frozen=True)
class _Read:
    path: Path
    document: QuestionDocument
    lines: LineMap


class QuestionsSection(Section):
    name = "hoi-dap"
    title = "Hỏi đáp"
    data_entries = ("hoi-dap",)
    schemas = (("question.schema.json", QuestionDocument),)

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[QUESTIONS])} câu hỏi"

    def check(self, ctx: LoadContext) -> None:
        """Questions are read in the check phase: whether one is valid depends on the
        procedure catalogue (a code a question names must be in it, when there is one)."""
        read: list[_Read] = []
        for path in item_files(ctx.data_dir / "hoi-dap", ctx.root, ctx.errors,
                               "doi-giay-phep-lai-xe"):
            loaded = read_model(path, ctx.root, QuestionDocument, ctx.errors, ctx.models)
            if loaded is not None:
                read.append(_Read(path, *loaded))
        known = {p.doc.code for p in ctx.get(PROCEDURES)}
        questions = []
        for item in read:
            document = item.document
            problems = check_question(document)
            if known:
                problems += [
                    (("procedures", index),
                     f"mã thủ tục {code} không có trong danh mục data/thu-tuc/")
                    for index, code in enumerate(document.procedures)
                    if code not in known
                ]
            report_problems(ctx.errors, relative(item.path, ctx.root), item.lines, problems)
            days = None
            if document.is_answered and document.answered and not problems:
                days = working_days_between(document.asked, document.answered)
            questions.append(QuestionAnswer(item.path.stem, document, days))
        for position, field_path, message in check_topics([r.document.topic for r in read]):
            item = read[position]
            report_problems(ctx.errors, relative(item.path, ctx.root), item.lines,
                            [(field_path, message)])
        ctx.put(QUESTIONS, questions)

    def feeds(self, build: BuildContext) -> Sequence[FeedSpec]:
        feed = qa_feed(build.portal)
        return [feed] if feed is not None else []

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return question_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return qa_section(build.portal) if build.portal[QUESTIONS] else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return qa_pages(build.env, build.portal)


SECTION = QuestionsSection()
__all__ = ["SECTION", "SECTION_PATH"]
