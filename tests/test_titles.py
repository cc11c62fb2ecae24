"""Titles built from a plan's kind and trích yếu."""

from __future__ import annotations

import pytest

from generators.core.portal import Portal
from generators.sections.plans.model import PLANS
from generators.sections.reports.pages import report_title
from generators.sections.reports.titles import lower_first, results_title


@pytest.mark.parametrize(("title", "expected"), [
    ("Thực hiện công tác tuyên truyền cải cách hành chính năm 2024",
     "Kết quả thực hiện Kế hoạch công tác tuyên truyền cải cách hành chính năm 2024"),
    ("Nâng cao chỉ số công tác cải cách hành chính năm 2024",
     "Kết quả thực hiện Kế hoạch nâng cao chỉ số công tác cải cách hành chính năm 2024"),
    ("Tuyên truyền cải cách hành chính thị xã Cửa Lò năm 2024",
     "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính thị xã Cửa Lò năm 2024"),
])
def test_results_titles_never_repeat_thuc_hien_and_keep_names(title: str, expected: str) -> None:
    assert results_title("Kế hoạch", title) == expected


def test_only_the_first_letter_is_lowered() -> None:
    assert lower_first("Chỉ số PAR INDEX tỉnh Quảng Trị") == "chỉ số PAR INDEX tỉnh Quảng Trị"


def test_no_demo_report_title_says_thuc_hien_twice(portal: Portal) -> None:
    titles = [report_title(plan) for plan in portal[PLANS]]
    assert titles and all(t.count("thực hiện") == 1 for t in titles), titles
