"""Reporting periods of a plan year (năm, 6 tháng, quý) as spans of Vietnam time.

A period runs from 00:00 of its first day to 24:00 of its last day in Asia/Ho_Chi_Minh: the
first half-year of 2024 is 01/01/2024 00:00 to 30/06/2024 24:00 +07:00. Every moment is turned
into Vietnam time before it is compared, so an article dated 2024-07-01 06:30 +07:00 (which is
still 30 June in UTC) belongs to the second half-year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..vietnamese.dates import VIETNAM_TZ, to_vietnam_time
from .model import PartialDate

# code → (first month, months, label)
_SPANS: dict[str, tuple[int, int, str]] = {
    "year": (1, 12, "năm"),
    "H1": (1, 6, "6 tháng đầu năm"),
    "H2": (7, 6, "6 tháng cuối năm"),
    "Q1": (1, 3, "quý I năm"),
    "Q2": (4, 3, "quý II năm"),
    "Q3": (7, 3, "quý III năm"),
    "Q4": (10, 3, "quý IV năm"),
}
PERIOD_CODES = tuple(_SPANS)


class BadPeriod(ValueError):
    """A period written wrongly on the command line; the message is Vietnamese."""


def midnight(day: dt.date) -> dt.datetime:
    """00:00 of `day` in Vietnam time."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=VIETNAM_TZ)


def _add_months(year: int, month: int, months: int) -> dt.date:
    index = year * 12 + month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class ReportPeriod:
    """One period of one year: `start` inclusive, `end` exclusive, both 00:00 Vietnam time."""

    year: int
    code: str  # year, H1, H2, Q1–Q4

    def __post_init__(self) -> None:
        if self.code not in _SPANS:
            raise BadPeriod(f"kỳ «{self.code}» không có; dùng một trong: {', '.join(_SPANS)}")

    @classmethod
    def parse(cls, text: str) -> ReportPeriod:
        """"2024" (the year), "2024-H1", "2024-H2", "2024-Q3"."""
        match = re.fullmatch(r"\s*(\d{4})(?:-(H[12]|Q[1-4]))?\s*", text, re.IGNORECASE)
        if not match:
            raise BadPeriod(
                f"kỳ báo cáo «{text}» không đúng; viết 2024 (cả năm), 2024-H1, 2024-H2 "
                "(6 tháng) hoặc 2024-Q1 … 2024-Q4 (quý)"
            )
        code = match.group(2)
        return cls(int(match.group(1)), code.upper() if code else "year")

    @property
    def key(self) -> str:
        """"2024" or "2024-H1": the form `parse` reads, used in file names and anchors."""
        return str(self.year) if self.code == "year" else f"{self.year}-{self.code}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, _SPANS[self.code][0], 1)

    @property
    def last_day(self) -> dt.date:
        first_month, months, _ = _SPANS[self.code]
        return _add_months(self.year, first_month, months) - dt.timedelta(days=1)

    @property
    def start(self) -> dt.datetime:
        return midnight(self.first_day)

    @property
    def end(self) -> dt.datetime:
        return midnight(self.last_day + dt.timedelta(days=1))

    @property
    def label(self) -> str:
        """"6 tháng đầu năm 2024", "năm 2024", "quý III năm 2024"."""
        return f"{_SPANS[self.code][2]} {self.year}"

    @property
    def title(self) -> str:
        """The label starting a sentence or a heading: "Năm 2024", "Quý III năm 2024"."""
        return self.label[:1].upper() + self.label[1:]

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= to_vietnam_time(moment) < self.end

    def covers(self, other: ReportPeriod) -> bool:
        """Whether `other` lies wholly inside this period (H1 inside the year, Q2 inside H1)."""
        return self.start <= other.start and other.end <= self.end

    def has_ended(self, now: dt.datetime) -> bool:
        return to_vietnam_time(now) >= self.end


def document_span(date: PartialDate) -> tuple[dt.datetime, dt.datetime]:
    """The instants a document date may stand for: [first moment, end) in Vietnam time.

    "2024-11-26" is that day; a draft's "2024-01" is the whole of January; "2024" the year.
    """
    if date.exact:
        first = date.exact
        return midnight(first), midnight(first + dt.timedelta(days=1))
    if date.month:
        first = dt.date(date.year, date.month, 1)
        return midnight(first), midnight(_add_months(date.year, date.month, 1))
    return midnight(dt.date(date.year, 1, 1)), midnight(dt.date(date.year + 1, 1, 1))
