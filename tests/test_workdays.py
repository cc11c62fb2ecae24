"""Working days of state agencies 2024–2026, checked day by day against the announcements.

The expectation here is written independently of generators/vietnamese/workdays.py: as the
announcements word it, periods off ("từ thứ Năm 08/02 đến hết thứ Tư 14/02/2024") and Saturdays
worked, from which every single day of the three years is derived and compared.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generators.vietnamese.workdays import (
    OutsideCalendar,
    day_off_reason,
    is_working_day,
    working_days_between,
)

# Whole periods off as announced, weekends inside them included.
PERIODS_OFF = [
    (date(2024, 1, 1), date(2024, 1, 1)),  # Tết Dương lịch
    (date(2024, 2, 8), date(2024, 2, 14)),  # Tết Giáp Thìn
    (date(2024, 4, 18), date(2024, 4, 18)),  # Giỗ Tổ Hùng Vương
    (date(2024, 4, 27), date(2024, 5, 1)),  # 30/4–1/5, Monday 29/4 swapped
    (date(2024, 8, 31), date(2024, 9, 3)),  # Quốc khánh
    (date(2025, 1, 1), date(2025, 1, 1)),
    (date(2025, 1, 25), date(2025, 2, 2)),  # Tết Ất Tỵ, 9 days
    (date(2025, 4, 5), date(2025, 4, 7)),  # Giỗ Tổ on Monday 7/4
    (date(2025, 4, 30), date(2025, 5, 4)),  # Friday 2/5 swapped
    (date(2025, 8, 30), date(2025, 9, 2)),
    (date(2026, 1, 1), date(2026, 1, 4)),  # Friday 2/1 swapped
    (date(2026, 2, 14), date(2026, 2, 22)),  # Tết Bính Ngọ, 9 days
    (date(2026, 4, 25), date(2026, 4, 27)),  # Giỗ Tổ on Sunday 26/4, made up on Monday
    (date(2026, 4, 30), date(2026, 5, 3)),
    (date(2026, 9, 1), date(2026, 9, 2)),
]
SATURDAYS_WORKED = {date(2024, 5, 4), date(2025, 4, 26), date(2026, 1, 10)}


def expected_working(day: date) -> bool:
    if day in SATURDAYS_WORKED:
        return True
    if any(start <= day <= end for start, end in PERIODS_OFF):
        return False
    return day.weekday() < 5


def every_day(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_day_of_the_year_matches_the_announced_calendar(year: int) -> None:
    wrong = [d for d in every_day(year) if is_working_day(d) != expected_working(d)]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("year", "count"),
    # Weekdays of the year, less the weekdays off, plus the Saturdays worked:
    # 2024: 262 - 12 + 1; 2025: 261 - 12 + 1; 2026: 261 - 12 + 1.
    [(2024, 251), (2025, 250), (2026, 250)],
)
def test_working_days_per_year(year: int, count: int) -> None:
    assert sum(is_working_day(d) for d in every_day(year)) == count


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2024, 2, 12), "Tết Nguyên đán"),
        (date(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
        (date(2024, 4, 29), "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)"),
        (date(2025, 9, 1), "Quốc khánh"),
        (date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)"),
        (date(2024, 3, 4), None),
    ],
)
def test_days_off_say_why(day: date, reason: str | None) -> None:
    assert day_off_reason(day) == reason


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (date(2024, 3, 4), date(2024, 3, 4), 0),  # answered the day it arrived
        (date(2024, 3, 8), date(2024, 3, 11), 1),  # Friday → Monday
        (date(2024, 3, 9), date(2024, 3, 11), 1),  # received on a Saturday
        (date(2024, 2, 5), date(2024, 2, 19), 5),  # across Tết: 6, 7, 15, 16, 19 February
        (date(2024, 4, 26), date(2024, 5, 6), 4),  # 2, 3, 4 (Saturday worked) and 6 May
        (date(2024, 8, 29), date(2024, 9, 5), 3),  # 30 August, 4 and 5 September
        (date(2024, 12, 31), date(2025, 1, 2), 1),  # New Year's Day between
        (date(2026, 1, 9), date(2026, 1, 12), 2),  # Saturday 10/1/2026 worked
    ],
)
def test_working_days_between(start: date, end: date, days: int) -> None:
    assert working_days_between(start, end) == days


@pytest.mark.parametrize("day", [date(2023, 12, 29), date(2027, 1, 4)])
def test_a_date_outside_the_calendar_is_an_error_not_a_guess(day: date) -> None:
    with pytest.raises(OutsideCalendar) as caught:
        is_working_day(day)
    assert "2024–2026" in str(caught.value)
    with pytest.raises(OutsideCalendar):
        working_days_between(date(2024, 12, 30), day) if day.year > 2026 else working_days_between(
            day, date(2024, 1, 5)
        )


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(ValueError):
        working_days_between(date(2024, 3, 8), date(2024, 3, 4))
