"""Dates as Vietnamese readers expect them, in Asia/Ho_Chi_Minh.

Three styles: short "15/07/2024" for listings, "Thứ Hai, 15/07/2024" for articles, and the
administrative style of Nghị định 30/2020/NĐ-CP for documents: "ngày 05 tháng 02 năm 2026",
"ngày 15 tháng 7 năm 2024" (a leading zero for days below 10 and for months 1 and 2 only).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def to_vietnam_time(moment: datetime) -> datetime:
    """Aware datetime in Vietnam time; a naive one is taken to be Vietnam time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VIETNAM_TZ)
    return moment.astimezone(VIETNAM_TZ)


def build_now() -> datetime:
    """The build's notion of "now": SOURCE_DATE_EPOCH when set (tests, reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=VIETNAM_TZ)
    # Whole seconds: HTML's datetime attribute allows at most three decimals.
    return datetime.now(tz=VIETNAM_TZ).replace(microsecond=0)


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return to_vietnam_time(value).date()
    return value


def format_short(value: date | datetime) -> str:
    """"15/07/2024"."""
    return _as_date(value).strftime("%d/%m/%Y")


def format_with_weekday(value: date | datetime) -> str:
    """"Thứ Hai, 15/07/2024" (weekday names from CLDR via babel)."""
    day = _as_date(value)
    weekday = format_date(day, "EEEE", locale="vi")
    return f"{weekday[:1].upper()}{weekday[1:]}, {format_short(day)}"


def document_day(day: int) -> str:
    """Day in document style: 5 → "05", 15 → "15"."""
    return f"{day:02d}"


def document_month(month: int) -> str:
    """Month in document style: 1 → "01", 2 → "02", 7 → "7" (Nghị định 30/2020/NĐ-CP)."""
    return f"{month:02d}" if month <= 2 else str(month)


def format_document_date(value: date | datetime) -> str:
    """"ngày 05 tháng 02 năm 2026", "ngày 15 tháng 7 năm 2024"."""
    day = _as_date(value)
    return f"ngày {document_day(day.day)} tháng {document_month(day.month)} năm {day.year}"


def iso_datetime(value: date | datetime) -> str:
    """ISO 8601 with the +07:00 offset, for machine-readable metadata."""
    if isinstance(value, datetime):
        return to_vietnam_time(value).isoformat()
    return datetime(value.year, value.month, value.day, tzinfo=VIETNAM_TZ).isoformat()
