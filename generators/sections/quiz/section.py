"""Self-test quizzes (trắc nghiệm): one per file in data/trac-nghiem/, at /trac-nghiem/<slug>/."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.loading import item_files, read_model, relative, report_problems
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from ..legal.model import LEGAL
from .checks import check_quiz
from .model import QUIZZES, Quiz, QuizDocument
from .pages import SECTION_PATH, quiz_pages, quiz_section
from .search import quiz_records


class QuizSection(Section):
    name = "trac-nghiem"
    title = "Trắc nghiệm"
    data_entries = ("trac-nghiem",)
    schemas = (("quiz.schema.json", QuizDocument),)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[QUIZZES])} bộ câu hỏi trắc nghiệm"

    def check(self, ctx: LoadContext) -> None:
        """Read in the check phase: a question's source must be in the legal register."""
        register = ctx.get(LEGAL)
        known = set(register.by_number()) if register.documents else None
        quizzes = []
        for path in item_files(ctx.data_dir / "trac-nghiem", ctx.root, ctx.errors,
                               "tim-hieu-cai-cach-hanh-chinh"):
            loaded = read_model(path, ctx.root, QuizDocument, ctx.errors, ctx.models)
            if loaded is None:
                continue
            document, lines = loaded
            report_problems(ctx.errors, relative(path, ctx.root), lines,
                            check_quiz(document, known))
            quizzes.append(Quiz(path.stem, document))
        ctx.put(QUIZZES, quizzes)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return quiz_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return quiz_section(build.portal) if build.portal[QUIZZES] else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return quiz_pages(build.env, build.portal)


SECTION = QuizSection()
__all__ = ["SECTION", "SECTION_PATH"]
