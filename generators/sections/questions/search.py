"""Search records of questions and answers."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import QUESTIONS
from .pages import question_path


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
        for q in portal[QUESTIONS]
    ]
