"""Numeric targets judged for one report period: met, not met, or no figure yet.

A target is met when its value for the period reaches the goal ("trên 60%": above 60; "100%":
at least 100). Below the goal it is "chưa đạt" while the period runs and "không đạt" once it is
over; with no value for the period it says so rather than guessing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...core.periods import ReportPeriod
from ..plans.model import Plan
from ..plans.targets import Measurement, Target


@dataclass(frozen=True)
class TargetResult:
    target: Target
    period: ReportPeriod
    actual: Measurement | None
    ended: bool

    @property
    def state(self) -> str:
        """CSS/state name: "met", "pending", "overdue" or "ongoing" (no figure)."""
        if self.actual is None:
            return "ongoing"
        if self.target.reached(self.actual.value):
            return "met"
        return "overdue" if self.ended else "pending"

    @property
    def label(self) -> str:
        return TARGET_LABELS[self.state]


TARGET_LABELS = {
    "met": "Đạt",
    "pending": "Chưa đạt, chưa hết kỳ",
    "overdue": "Không đạt",
    "ongoing": "Chưa có số liệu",
}


def target_results(plan: Plan, period: ReportPeriod, now: dt.datetime) -> list[TargetResult]:
    """Every target of `plan` in `period`, judged at `now`."""
    ended = period.has_ended(now)
    return [TargetResult(t, period, t.actual_for(period), ended) for t in plan.doc.targets]
