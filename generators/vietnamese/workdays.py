"""Working days of Vietnamese state agencies, 2024–2026: weekends and public holidays.

The public holidays are those of Bộ luật Lao động 2019, Điều 112: Tết Dương lịch (1/1), Tết
Âm lịch (5 days), Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 1/5 and Quốc khánh (2/9 and one day
next to it). A holiday falling on a weekend is made up on the next working day, and every year
the Government moves some working days so that holidays join weekends, with a Saturday worked
in exchange. Which days those are is decided year by year, so the calendar is data, written out
day by day from the official announcements below, never computed from the lunar calendar:

- 2024: Tết Âm lịch 08–14/02 (Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ
  Tết Âm lịch và Quốc khánh 2024); 30/4–1/5 joined to the weekend by Văn bản số
  2450/VPCP-KGVX ngày 12/4/2024: Monday 29/4 off, Saturday 04/5 worked; Quốc khánh 02–03/9.
- 2025: Văn bản số 8726/VPCP-KGVX ngày 26/11/2024: Tết Âm lịch 25/01–02/02; 30/4–1/5 with
  Friday 02/5 off and Saturday 26/4 worked; Quốc khánh 01–02/9.
- 2026: Tết Dương lịch by Văn bản số 12729/VPCP-KGVX ngày 25/12/2025: Friday 02/01 off,
  Saturday 10/01 worked; Tết Âm lịch Bính Ngọ 14–22/02 (five working days, 16–20/02); Giỗ Tổ
  on Sunday 26/4, made up on Monday 27/4; Quốc khánh 01–02/9 (Điều 112: 2/9 and the day
  before).

A date outside these years raises `OutsideCalendar`: counting it would be a guess. Add the next
year here, from its official announcement, before the first question of that year is answered.
"""

from __future__ import annotations

from datetime import date, timedelta

FIRST_YEAR = 2024
LAST_YEAR = 2026

# Weekdays on which state agencies do not work, with the reason.
DAYS_OFF: dict[date, str] = {
    # 2024
    date(2024, 1, 1): "Tết Dương lịch",
    date(2024, 2, 8): "Tết Nguyên đán",
    date(2024, 2, 9): "Tết Nguyên đán",
    date(2024, 2, 12): "Tết Nguyên đán",
    date(2024, 2, 13): "Tết Nguyên đán",
    date(2024, 2, 14): "Tết Nguyên đán",
    date(2024, 4, 18): "Giỗ Tổ Hùng Vương",
    date(2024, 4, 29): "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)",
    date(2024, 4, 30): "Ngày Chiến thắng",
    date(2024, 5, 1): "Ngày Quốc tế Lao động",
    date(2024, 9, 2): "Quốc khánh",
    date(2024, 9, 3): "Quốc khánh",
    # 2025
    date(2025, 1, 1): "Tết Dương lịch",
    date(2025, 1, 27): "Tết Nguyên đán",
    date(2025, 1, 28): "Tết Nguyên đán",
    date(2025, 1, 29): "Tết Nguyên đán",
    date(2025, 1, 30): "Tết Nguyên đán",
    date(2025, 1, 31): "Tết Nguyên đán",
    date(2025, 4, 7): "Giỗ Tổ Hùng Vương",
    date(2025, 4, 30): "Ngày Chiến thắng",
    date(2025, 5, 1): "Ngày Quốc tế Lao động",
    date(2025, 5, 2): "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)",
    date(2025, 9, 1): "Quốc khánh",
    date(2025, 9, 2): "Quốc khánh",
    # 2026
    date(2026, 1, 1): "Tết Dương lịch",
    date(2026, 1, 2): "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)",
    date(2026, 2, 16): "Tết Nguyên đán",
    date(2026, 2, 17): "Tết Nguyên đán",
    date(2026, 2, 18): "Tết Nguyên đán",
    date(2026, 2, 19): "Tết Nguyên đán",
    date(2026, 2, 20): "Tết Nguyên đán",
    date(2026, 4, 27): "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)",
    date(2026, 4, 30): "Ngày Chiến thắng",
    date(2026, 5, 1): "Ngày Quốc tế Lao động",
    date(2026, 9, 1): "Quốc khánh",
    date(2026, 9, 2): "Quốc khánh",
}

# Saturdays worked in exchange for a weekday off.
WORKED_SATURDAYS: dict[date, str] = {
    date(2024, 5, 4): "Làm bù cho thứ Hai 29/4/2024",
    date(2025, 4, 26): "Làm bù cho thứ Sáu 02/5/2025",
    date(2026, 1, 10): "Làm bù cho thứ Sáu 02/01/2026",
}


class OutsideCalendar(ValueError):
    """A date the calendar does not cover; the message says which years it does."""


def check_in_calendar(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutsideCalendar(
            f"ngày {day.day:02d}/{day.month:02d}/{day.year} nằm ngoài lịch ngày nghỉ lễ đã có "
            f"({FIRST_YEAR}–{LAST_YEAR}) nên không thể đếm ngày làm việc; cần bổ sung lịch nghỉ "
            f"lễ năm {day.year} vào generators/vietnamese/workdays.py"
        )
    return day


def is_working_day(day: date) -> bool:
    """True on the days state agencies work: Monday–Friday but holidays, plus make-up days."""
    check_in_calendar(day)
    if day in WORKED_SATURDAYS:
        return True
    return day.weekday() < 5 and day not in DAYS_OFF


def day_off_reason(day: date) -> str | None:
    """Why a weekday is a day off ("Tết Nguyên đán"), or None."""
    check_in_calendar(day)
    return DAYS_OFF.get(day)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`: how long a reply took.

    A question received on Friday and answered on Monday took 1 working day; one answered the
    day it arrived took 0.
    """
    check_in_calendar(start)
    check_in_calendar(end)
    if end < start:
        raise ValueError("ngày kết thúc đứng trước ngày bắt đầu")
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count
