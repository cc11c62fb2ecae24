"""Targets with numbers (chỉ tiêu định lượng): "tỷ lệ hồ sơ trực tuyến trên 60%".

Seed 003 sets 100% of procedures posted; seed 004 sets 100% on time (2023: 96,5%), more than 40%
fully online services, more than 60% of files online (2023: about 32%), more than 90% of documents
signed digitally. Each target is data with its actual value per period; the report says met or
not met, the dashboard draws it. A value no document gives is marked `illustrative`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from ...core.model import Model, Points, Slug, Text
from ...core.periods import BadPeriod, ReportPeriod
from ...vietnamese.numbers import format_decimal_vi

PERIOD_KEY_PATTERN = r"^\d{4}(-(H1|H2|Q1|Q2|Q3|Q4))?$"

Comparison = Literal["above", "at_least"]
COMPARISON_WORDS: dict[str, str] = {"above": "trên", "at_least": "đạt"}


def _period_key(value: str) -> str:
    try:
        return ReportPeriod.parse(value).key
    except BadPeriod as problem:
        raise ValueError(str(problem)) from None


PeriodKey = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v),  # `period: 2024`
    AfterValidator(_period_key),
    WithJsonSchema({"type": "string", "pattern": PERIOD_KEY_PATTERN,
                    "examples": ["2024-H1", "2024"]}),
]


class Measurement(Model):
    """The value a target reached in one period, with where it was read."""

    period: PeriodKey = Field(description="Kỳ: 2024 (cả năm), 2024-H1, 2024-Q3…")
    value: Points = Field(description="Giá trị đạt được, phần trăm, viết như văn bản: \"96,5\"")
    source: Text = Field(description="Văn bản, hệ thống nêu số liệu")
    approximate: bool = Field(False, description="Văn bản ghi «khoảng»")
    illustrative: bool = Field(False, description="Số liệu minh họa của trang trình diễn, không "
                               "có trong văn bản nào")

    @property
    def report_period(self) -> ReportPeriod:
        return ReportPeriod.parse(self.period)


class Target(Model):
    """One numeric target of a plan."""

    id: Slug = Field(description="Mã ngắn, không dấu: ho-so-truc-tuyen")
    measure: Text = Field(description="Đo gì: Tỷ lệ hồ sơ trực tuyến")
    comparison: Comparison = Field(
        title="So sánh", description="above (trên …%) hoặc at_least (đạt …%, phấn đấu …%)"
    )
    value: Points = Field(description="Mức chỉ tiêu, phần trăm: 60")
    text: Text = Field(description="Câu chữ trong kế hoạch")
    task: str | None = Field(None, description="Nhiệm vụ, tiêu chí của bảng nhiệm vụ, ví dụ 7.2")
    baseline: Measurement | None = Field(None, description="Kết quả năm trước kế hoạch nêu")
    actuals: list[Measurement] = Field(default_factory=list, description="Kết quả theo kỳ")

    def goal_text(self) -> str:
        """"trên 60%", "đạt 100%"."""
        return f"{COMPARISON_WORDS[self.comparison]} {format_decimal_vi(self.value)}%"

    def reached(self, value: Decimal) -> bool:
        return value > self.value if self.comparison == "above" else value >= self.value

    def actual_for(self, period: ReportPeriod) -> Measurement | None:
        return next((m for m in self.actuals if m.period == period.key), None)
