"""Search records of the plan reports."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord
from .pages import report_path, report_title, reported_plans


def report_records(portal: Portal) -> list[SearchRecord]:
    """The report of each plan with a task table. The plan's number stays out: a search for
    "1163/KH-SGTVT" should find the plan itself first."""
    return [
        SearchRecord(
            url=report_path(plan),
            kind="bao-cao",
            title=report_title(plan),
            text=(
                f"Báo cáo kết quả thực hiện của {plan.doc.issuer.name}, năm {plan.doc.year}: "
                f"sáu tháng đầu năm và cả năm, tiến độ và minh chứng từng nhiệm vụ. "
                f"{plan.doc.summary}"
            ),
            keywords=("báo cáo kết quả",),
        )
        for plan in reported_plans(portal)
    ]
