"""Checks across the rows of `data/chi-so.yml` that a single field cannot see.

Each check returns `(field path, message)` pairs; the loader turns them into located errors.
"""

from __future__ import annotations

from ...core.errors import FieldPath
from ...vietnamese.numbers import format_decimal_vi
from ..plans.model import Plan
from .model import IndexRegister

Problem = tuple[FieldPath, str]


def check_results(register: IndexRegister) -> list[Problem]:
    problems: list[Problem] = []
    codes: dict[str, int] = {}
    for i, index in enumerate(register.indices):
        if index.code in codes:
            problems.append(((("indices", i, "code")), f"chỉ số {index.code} đã khai báo ở mục "
                             f"{codes[index.code] + 1}; gộp kết quả các năm vào một mục"))
        codes.setdefault(index.code, i)
        years: dict[int, int] = {}
        for j, result in enumerate(index.results):
            here: FieldPath = ("indices", i, "results", j)
            if result.year in years:
                problems.append(((*here, "year"), f"{index.code} năm {result.year} đã có ở mục "
                                 f"{years[result.year] + 1}"))
            years.setdefault(result.year, j)
            if result.maximum <= 0:
                problems.append(((*here, "maximum"), "điểm tối đa phải lớn hơn 0"))
            elif result.score > result.maximum:
                problems.append(((*here, "score"), f"điểm {format_decimal_vi(result.score)} lớn "
                                 f"hơn điểm tối đa {format_decimal_vi(result.maximum)}"))
            if (result.rank is None) != (result.out_of is None):
                # Located at the field that is there: the missing one has no line.
                problems.append(((*here, "out_of" if result.rank is None else "rank"),
                                 "cần cả vị thứ (rank) và tổng số đơn vị xếp hạng (out_of)"))
            elif result.rank and result.out_of and result.rank > result.out_of:
                problems.append(((*here, "rank"), f"vị thứ {result.rank} lớn hơn số đơn vị được "
                                 f"xếp hạng ({result.out_of})"))
        by_year = {r.year: r for r in index.results}
        for j, result in enumerate(index.results):
            before = by_year.get(result.year - 1)
            if (result.rank_change is not None and before and before.rank and result.rank
                    and before.rank - result.rank != result.rank_change):
                problems.append(((("indices", i, "results", j, "rank_change")),
                                 f"năm {result.year - 1} xếp thứ {before.rank}, năm {result.year} "
                                 f"thứ {result.rank}: thay đổi là {before.rank - result.rank}, "
                                 f"không phải {result.rank_change}"))
    return problems


def check_scoring_plan(register: IndexRegister, plans: list[Plan]) -> list[Problem]:
    if register.scoring_plan is None:
        return []
    plan = next((p for p in plans if p.slug == register.scoring_plan), None)
    if plan is None:
        names = ", ".join(sorted(p.slug for p in plans if p.has_points)) or "chưa có"
        return [(("scoring_plan",), f"không có kế hoạch «{register.scoring_plan}» trong "
                 f"data/ke-hoach/; kế hoạch có bảng điểm: {names}")]
    if not plan.has_points:
        return [(("scoring_plan",), f"kế hoạch «{plan.slug}» không có điểm tối đa (points) cho "
                 "tiêu chí nào; chọn kế hoạch nâng cao Chỉ số CCHC")]
    return []


def check_register(register: IndexRegister, plans: list[Plan]) -> list[Problem]:
    return [*check_results(register), *check_scoring_plan(register, plans)]
