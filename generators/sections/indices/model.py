"""Reform and satisfaction indices (`data/chi-so.yml`): PAR INDEX, SIPAS, PAPI, PCI, DDCI.

Each index holds its published results by year: score and maximum as printed ("80,36" of 95),
rank and out of how many. The percentage is always computed from score and maximum, never
typed, so it cannot disagree with them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import Field

from ...core.model import Link, Markdown, Model, Points, Slug, Text
from ...core.portal import Part

IndexCode = Literal["PAR INDEX", "SIPAS", "PAPI", "PCI", "DDCI"]


class IndexResult(Model):
    """One year's published result of an index."""

    year: int = Field(ge=2000, le=2100)
    score: Points = Field(description="Điểm đạt được, viết như văn bản: \"80,36\"")
    maximum: Points = Field(description="Điểm tối đa của thang điểm năm đó, ví dụ 95")
    rank: int | None = Field(None, ge=1, description="Vị thứ xếp hạng")
    out_of: int | None = Field(None, ge=1, description="Xếp hạng trong số bao nhiêu đơn vị")
    rank_change: int | None = Field(
        None, description="Thay đổi thứ hạng so với năm trước: 3 là tăng 3 bậc, -2 là giảm 2 bậc; "
        "dùng khi văn bản chỉ nêu mức tăng giảm mà không nêu thứ hạng năm trước"
    )
    source: Text = Field(description="Văn bản công bố hoặc nêu kết quả")
    link: Link | None = Field(None, description="Văn bản trên trang (ke-hoach/<tên>/) hoặc https://…")
    illustrative: bool = Field(False, description="Kết quả dùng làm ví dụ trên trang trình diễn, "
                               "không phải của cơ quan này")

    @property
    def percentage(self) -> Decimal:
        """Score as a share of the maximum, to four decimals: 80,36/95 → 0.8459."""
        return (self.score / self.maximum).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


class ReformIndex(Model):
    """One index and its results."""

    code: IndexCode = Field(description="PAR INDEX, SIPAS, PAPI, PCI hoặc DDCI")
    name: Text = Field(description="Tên đầy đủ, ví dụ: Chỉ số cải cách hành chính")
    scope: Text = Field(description="Đánh giá gì, ở cấp nào, đơn vị được xếp hạng cùng ai")
    publisher: Text = Field(description="Cơ quan, tổ chức đánh giá và công bố")
    results: list[IndexResult] = Field(default_factory=list, description="Kết quả theo năm")

    @property
    def anchor(self) -> str:
        return self.code.lower().replace(" ", "-")

    def ordered(self) -> list[IndexResult]:
        return sorted(self.results, key=lambda r: r.year)

    @property
    def latest(self) -> IndexResult | None:
        return max(self.results, key=lambda r: r.year) if self.results else None


class IndexRegister(Model):
    """`data/chi-so.yml`: the dashboard of indices, published at /chi-so/."""

    title: Text = Field("Chỉ số cải cách hành chính và sự hài lòng", description="Tiêu đề trang")
    intro: Markdown = Field("", description="Đoạn giới thiệu (Markdown)")
    scoring_plan: Slug | None = Field(
        None, description="Kế hoạch nâng cao Chỉ số CCHC có bảng điểm tiêu chí (tên tệp trong "
        "data/ke-hoach/), hiện bảng điểm trên trang"
    )
    indices: list[ReformIndex] = Field(min_length=1)


INDICES: Part[IndexRegister | None] = Part("indices", lambda: None)  # data/chi-so.yml
