"""Checks on a quiz that a single field cannot see."""

from __future__ import annotations

from collections.abc import Collection

from ...core.errors import FieldPath
from ...vietnamese.text import slugify
from .model import LETTERS, QuizDocument

Problem = tuple[FieldPath, str]


def check_quiz(doc: QuizDocument, known_documents: Collection[str] | None) -> list[Problem]:
    """Answers among the options, options distinct, sources in the legal register (when there
    is one), contest dates in order and its winners' figures possible."""
    problems: list[Problem] = []
    for index, question in enumerate(doc.questions):
        if question.answer_index >= len(question.options):
            problems.append(
                (("questions", index, "answer"),
                 f"đáp án {question.answer} nhưng câu hỏi chỉ có {len(question.options)} phương "
                 f"án ({', '.join(LETTERS[:len(question.options)])})")
            )
        seen: dict[str, int] = {}
        for position, option in enumerate(question.options):
            key = slugify(option)
            if key in seen:
                problems.append(
                    (("questions", index, "options", position),
                     f"phương án {LETTERS[position]} trùng với phương án {LETTERS[seen[key]]}")
                )
            seen.setdefault(key, position)
        if known_documents is not None and question.source not in known_documents:
            problems.append(
                (("questions", index, "source"),
                 f"văn bản {question.source} chưa có trong data/van-ban.yml; thêm văn bản vào "
                 "danh mục để câu hỏi dẫn được tới văn bản")
            )
    contest = doc.contest
    if contest is not None:
        if contest.end < contest.start:
            problems.append(
                (("contest", "end"),
                 f"ngày kết thúc {contest.end:%d/%m/%Y} trước ngày bắt đầu "
                 f"{contest.start:%d/%m/%Y}")
            )
        if (contest.participants is not None and contest.winners
                and len(contest.winners) > contest.participants):
            problems.append(
                (("contest", "winners"),
                 f"{len(contest.winners)} người đạt giải nhưng chỉ có {contest.participants} "
                 "người dự thi")
            )
    return problems
