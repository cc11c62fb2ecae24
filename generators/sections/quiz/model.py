"""Self-test quizzes (trắc nghiệm), one per `data/trac-nghiem/<slug>.yml`.

Seed 000 (II.2, task 2.9) and seed 004 (criterion 1.3) ask for a knowledge contest on
administrative reform (cuộc thi tìm hiểu CCHC): a set of questions, each with its options, the
right answer, an explanation and the legal document it rests on (a number of the register
data/van-ban.yml, so the page links to /van-ban/<slug>/), and, once the contest is over, its
results: participation figures and winners.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from ...core.model import Markdown, Model, Text
from ...core.portal import Part

LETTERS = string.ascii_uppercase[:6]


def _letter(value: object) -> str:
    letter = str(value).strip().upper()
    if len(letter) != 1 or letter not in LETTERS:
        raise ValueError("đáp án là một chữ cái A, B, C, D (E, F) ứng với phương án đúng")
    return letter


Letter = Annotated[
    str, BeforeValidator(_letter),
    WithJsonSchema({"type": "string", "enum": list(LETTERS)}),
]


class QuizQuestion(Model):
    """One question: the options in order (A, B, C…), the right one, and why."""

    question: Text = Field(description="Câu hỏi")
    options: list[Text] = Field(min_length=2, max_length=6, description="Các phương án, A, B, C…")
    answer: Letter = Field(description="Chữ cái của phương án đúng, ví dụ B")
    explanation: Markdown = Field(description="Giải thích đáp án, dẫn điều khoản")
    source: str = Field(
        description="Số ký hiệu văn bản làm căn cứ, như trong data/van-ban.yml, ví dụ "
        "61/2018/NĐ-CP"
    )
    article: str | None = Field(None, description="Điều, khoản làm căn cứ, ví dụ Điều 3")

    @property
    def answer_index(self) -> int:
        return LETTERS.index(self.answer)

    @property
    def answer_text(self) -> str:
        return self.options[self.answer_index]


class Winner(Model):
    prize: Text = Field(description="Giải, ví dụ: Giải Nhất")
    name: Text = Field(description="Họ và tên, hoặc tên tập thể")
    unit: str | None = Field(None, description="Đơn vị công tác")
    score: str | None = Field(None, description="Điểm hoặc số câu đúng, ví dụ 20/20")


class Contest(Model):
    """A contest run on the quiz, and its published results."""

    title: Text = Field(description="Tên cuộc thi")
    organiser: Text = Field(description="Cơ quan tổ chức")
    start: dt.date = Field(description="Ngày bắt đầu")
    end: dt.date = Field(description="Ngày kết thúc")
    participants: int | None = Field(None, ge=0, description="Số người dự thi")
    entries: int | None = Field(None, ge=0, description="Số bài dự thi")
    units: int | None = Field(None, ge=0, description="Số đơn vị có người dự thi")
    decision: str | None = Field(None, description="Quyết định công nhận kết quả, khen thưởng")
    winners: list[Winner] = Field(default_factory=list, description="Người đạt giải")
    illustrative: bool = Field(
        False, description="Kết quả minh họa của trang mẫu, không phải kết quả thật"
    )


class QuizDocument(Model):
    """One `data/trac-nghiem/<slug>.yml` file."""

    title: Text = Field(description="Tên bộ câu hỏi")
    summary: Text = Field(description="Một, hai câu giới thiệu")
    year: int = Field(ge=2000, le=2100, description="Năm")
    questions: list[QuizQuestion] = Field(min_length=1, description="Các câu hỏi")
    contest: Contest | None = Field(None, description="Cuộc thi dùng bộ câu hỏi này, và kết quả")


class Quiz:
    def __init__(self, slug: str, document: QuizDocument) -> None:
        self.slug = slug
        self.doc = document


QUIZZES: Part[list[Quiz]] = Part("quizzes", list)
