"""Numeric targets of the scoring plan on the dashboard: one SVG chart and one table each.

The chart draws last year's value (when the plan gives it) and each period's actual value on a
0–100% scale; the table beside it holds the same numbers with the goal, the verdict and the
source, and says when a figure is illustrative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ...core.charts import Bar, bar_chart
from ...core.periods import ReportPeriod
from ...vietnamese.numbers import format_decimal_vi
from ..plans.model import Plan
from ..plans.targets import Measurement, Target
from ..reports.targets import TARGET_LABELS, TargetResult


@dataclass(frozen=True)
class TargetRow:
    period: ReportPeriod
    measurement: Measurement
    state: str | None  # None for the baseline (before the plan)

    @property
    def label(self) -> str | None:
        return TARGET_LABELS[self.state] if self.state else None


@dataclass(frozen=True)
class TargetView:
    target: Target
    chart: Markup
    rows: list[TargetRow]


def value_text(measurement: Measurement) -> str:
    return ("khoảng " if measurement.approximate else "") + \
        f"{format_decimal_vi(measurement.value)}%"


def target_view(target: Target, colour: str, now: dt.datetime) -> TargetView:
    rows: list[TargetRow] = []
    if target.baseline:
        rows.append(TargetRow(target.baseline.report_period, target.baseline, None))
    # Periods in the order they end: the first half-year before the whole year.
    in_order = sorted(target.actuals, key=lambda m: (m.report_period.end, m.report_period.start))
    for actual in in_order:
        period = actual.report_period
        rows.append(TargetRow(period, actual,
                              TargetResult(target, period, actual, period.has_ended(now)).state))
    bars = [Bar(row.period.title, row.measurement.value, value_text(row.measurement))
            for row in rows]
    description = f"Mục tiêu {target.goal_text()}. " + "; ".join(
        f"{b.label}: {b.text}" for b in bars) + ("." if bars else "Chưa có số liệu.")
    chart = Markup(bar_chart(f"bieu-do-{target.id}", target.measure, description, bars,
                             Decimal(100), colour, label_chars=32))
    return TargetView(target, chart, rows)


def target_views(plan: Plan, colour: str, now: dt.datetime) -> list[TargetView]:
    return [target_view(t, colour, now) for t in plan.doc.targets]
