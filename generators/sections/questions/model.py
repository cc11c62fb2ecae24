"""Citizens' questions and answers (`data/hoi-dap/<slug>.yml`).

The column seed 001 calls "Dân hỏi – Cơ quan chức năng trả lời" and seed 003 "hỏi, đáp về
TTHC": a question as the citizen sent it, the related procedures, and the agency's answer with
the unit and date, so readers see how many working days the answer took. A question without an
answer yet is published as pending.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from ...core.model import Markdown, Model, Text
from ...core.portal import Part

PROCEDURE_CODE_PATTERN = r"^\d\.\d{6}(\.[A-Z0-9]{2,6})?$"


def _procedure_code(value: str) -> str:
    code = str(value).strip()
    if not re.fullmatch(PROCEDURE_CODE_PATTERN, code):
        raise ValueError(
            "mã thủ tục hành chính như trên Cơ sở dữ liệu quốc gia về TTHC: một chữ số, dấu "
            "chấm, sáu chữ số, có thể thêm mã địa phương, ví dụ 1.004227 hoặc 1.012753.H19"
        )
    return code


ProcedureCode = Annotated[
    str,
    AfterValidator(_procedure_code),
    WithJsonSchema({"type": "string", "pattern": PROCEDURE_CODE_PATTERN,
                    "examples": ["1.004227", "1.012753.H19"]}),
]


class Asker(Model):
    """Who asked. The name is optional; when `anonymous`, only initials are published."""

    name: str | None = Field(None, description="Họ và tên người hỏi")
    place: str | None = Field(None, description="Nơi ở, ví dụ: phường Đông Lương, TP Đông Hà")
    anonymous: bool = Field(False, description="Người hỏi đề nghị không công khai họ tên")

    @property
    def display_name(self) -> str:
        """"Nguyễn Văn An"; "N.V.A." when anonymous; "Bạn đọc" without a name."""
        if not self.name:
            return "Bạn đọc giấu tên" if self.anonymous else "Bạn đọc"
        if self.anonymous:
            return "".join(f"{word[0].upper()}." for word in self.name.split())
        return self.name

    def describe(self) -> str:
        return f"{self.display_name} ({self.place})" if self.place else self.display_name


class QuestionDocument(Model):
    """One `data/hoi-dap/<slug>.yml` file."""

    title: Text = Field(description="Câu hỏi ngắn gọn, làm tiêu đề trang")
    question: Markdown = Field(description="Nội dung câu hỏi như người dân gửi")
    asker: Asker = Field(Asker(), description="Người hỏi")
    asked: dt.date = Field(description="Ngày nhận câu hỏi")
    topic: Text = Field(description="Chủ đề, ví dụ: Giấy phép lái xe")
    procedures: list[ProcedureCode] = Field(
        default_factory=list, description="Mã các thủ tục hành chính liên quan"
    )
    answer: Markdown = Field("", description="Trả lời (Markdown); để trống khi chưa trả lời")
    answered_by: str | None = Field(None, description="Đơn vị trả lời")
    answered: dt.date | None = Field(None, description="Ngày trả lời")

    @property
    def is_answered(self) -> bool:
        return bool(self.answer.strip())


class QuestionAnswer:
    """A validated question with its slug and the working days its answer took."""

    def __init__(self, slug: str, document: QuestionDocument, working_days: int | None) -> None:
        self.slug = slug
        self.doc = document
        self.working_days = working_days


QUESTIONS: Part[list[QuestionAnswer]] = Part("questions", list)


def question_by_slug(questions: list[QuestionAnswer], slug: str) -> QuestionAnswer | None:
    return next((q for q in questions if q.slug == slug), None)
