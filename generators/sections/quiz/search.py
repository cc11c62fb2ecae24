"""Search records of quizzes: the questions and their explanations."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import QUIZZES
from .pages import quiz_path


def quiz_records(portal: Portal) -> list[SearchRecord]:
    return [
        SearchRecord(
            url=quiz_path(quiz),
            kind="trac-nghiem",
            title=quiz.doc.title,
            text=" ".join(
                [quiz.doc.summary]
                + [f"{q.question} {plain_text(q.explanation)}" for q in quiz.doc.questions]
            ),
            keywords=("trắc nghiệm", *dict.fromkeys(q.source for q in quiz.doc.questions)),
        )
        for quiz in portal[QUIZZES]
    ]
