"""Checks on a question and answer, and across all of them, that a single field cannot see."""

from __future__ import annotations

from ...core.errors import FieldPath
from ...vietnamese.text import slugify
from ...vietnamese.workdays import OutsideCalendar, check_in_calendar
from .model import QuestionDocument

Problem = tuple[FieldPath, str]


def check_answer(doc: QuestionDocument) -> list[Problem]:
    """An answer comes with its unit and date; a pending question has neither."""
    problems: list[Problem] = []
    if doc.is_answered:
        # A missing field has no line of its own: point at the answer that needs it.
        if not doc.answered_by:
            problems.append((("answer",), "câu trả lời cần «answered_by» (đơn vị trả lời)"))
        if doc.answered is None:
            problems.append((("answer",), "câu trả lời cần «answered» (ngày trả lời)"))
        elif doc.answered < doc.asked:
            problems.append(
                (("answered",),
                 f"ngày trả lời {doc.answered:%d/%m/%Y} đứng trước ngày nhận câu hỏi "
                 f"{doc.asked:%d/%m/%Y}")
            )
    else:
        for field in ("answered_by", "answered"):
            if getattr(doc, field) is not None:
                problems.append(
                    ((field,), "chưa có nội dung trả lời («answer») nên bỏ trống trường này; "
                     "câu hỏi sẽ hiện trong danh sách chờ trả lời")
                )
    return problems


def check_calendar(doc: QuestionDocument) -> list[Problem]:
    """Working days can only be counted within the years the holiday calendar covers."""
    problems: list[Problem] = []
    for field in ("asked", "answered"):
        day = getattr(doc, field)
        if day is None:
            continue
        try:
            check_in_calendar(day)
        except OutsideCalendar as exc:
            problems.append(((field,), str(exc)))
    return problems


def check_question(doc: QuestionDocument) -> list[Problem]:
    return [*check_answer(doc), *check_calendar(doc)]


def check_topics(topics: list[str]) -> list[tuple[int, FieldPath, str]]:
    """Topics spelt two ways ("Giấy phép lái xe" / "giấy phép lái xe") would split the index.

    Returns (position in `topics`, field, message) for every spelling after the first.
    """
    first: dict[str, str] = {}
    problems = []
    for position, topic in enumerate(topics):
        key = slugify(topic)
        if key in first and first[key] != topic:
            problems.append(
                (position, ("topic",),
                 f"chủ đề «{topic}» viết khác với «{first[key]}» ở câu hỏi khác; hãy viết giống "
                 "hệt để các câu hỏi nằm chung một chủ đề")
            )
        first.setdefault(key, topic)
    return problems
