"""Where a plan's text and its appendix disagree about one duty.

Seed 000 asks the units to report "trước 20/11/2024" in section IV.2 and "trước 26/11/2024" in
its appendix (task 2.4). Both are what the agency signed, so the data keeps both; the build warns
(a notice, see core/notices.py) naming both places, so the editor asks the agency which holds.
A deadline naming a task or row that does not exist is an error, like any wrong reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ...core.errors import FieldPath, format_field
from ...vietnamese.dates import format_short
from .model import Plan, Section, Task, TextDeadline

Problem = tuple[FieldPath, str]
Placed = tuple[FieldPath, str, int, TextDeadline]  # field path, "IV.2", index, deadline


def text_deadlines(sections: Sequence[Section], path: FieldPath = ("sections",),
                   numbers: str = "") -> Iterator[Placed]:
    for index, section in enumerate(sections):
        here = (*path, index)
        name = ".".join(n for n in (numbers, section.number or str(index + 1)) if n)
        for number, deadline in enumerate(section.deadlines):
            yield (*here, "deadlines", number), name, number, deadline
        yield from text_deadlines(section.sections, (*here, "sections"), name)


def _row(plan: Plan, deadline: TextDeadline) -> tuple[Task | None, FieldPath | None]:
    task = plan.task_by_id.get(deadline.task)
    if task is None:
        return None, None
    index = plan.tasks.index(task)
    if deadline.part is None:
        return task, ("tasks", "tasks", index, "due")
    if deadline.part > len(task.parts):
        return task, None
    return task, ("tasks", "tasks", index, "parts", deadline.part - 1, "due")


def check_deadline_refs(plan: Plan) -> list[Problem]:
    """Errors: a text deadline must name a task (and row) of the appendix."""
    problems: list[Problem] = []
    for path, _name, _number, deadline in text_deadlines(plan.doc.sections):
        task, row = _row(plan, deadline)
        if task is None:
            problems.append(((*path, "task"), f"phụ lục không có nhiệm vụ {deadline.task}"))
        elif row is None:
            problems.append(((*path, "part"), f"nhiệm vụ {task.id} chỉ có {len(task.parts)} "
                             "dòng tiếp theo trong «parts»"))
    return problems


def deadline_conflicts(plan: Plan, line_of: Callable[[FieldPath], int | None]) -> list[Problem]:
    """Notices: a text deadline whose date the appendix row does not give."""
    found: list[Problem] = []
    for path, name, _number, deadline in text_deadlines(plan.doc.sections):
        task, row = _row(plan, deadline)
        if task is None or row is None:
            continue
        due = task.due if deadline.part is None else task.parts[deadline.part - 1].due
        dates = sorted({d.date for d in due})
        if deadline.date in dates:
            continue
        given = ", ".join(format_short(d) for d in dates) or "không ghi hạn"
        line = line_of(row)
        where = f"dòng {line}, " if line else ""
        found.append(((*path, "date"), (
            f"mục {name} ghi hạn {format_short(deadline.date)} cho nhiệm vụ {task.id}, nhưng phụ "
            f"lục ({where}trường «{format_field(row)}») ghi {given}; văn bản gốc tự mâu thuẫn: "
            "hỏi lại cơ quan ban hành, báo cáo tính theo hạn của phụ lục"
        )))
    return found


def check_table_place(plan: Plan) -> list[Problem]:
    """A task table printed inside the text names a top-level section that exists."""
    table = plan.doc.tasks
    if table is None or table.in_section is None:
        return []
    numbers = [s.number for s in plan.doc.sections if s.number]
    if table.in_section in numbers:
        return []
    return [(("tasks", "in_section"), "không có mục cấp một số này trong «sections» (đang có: "
             f"{', '.join(numbers) or 'không mục nào có số'})")]


def check_targets(plan: Plan) -> list[Problem]:
    """Targets name a task of the table, once each; one value per period."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, target in enumerate(plan.doc.targets):
        here: FieldPath = ("targets", index)
        if target.id in seen:
            problems.append(((*here, "id"), f"mã chỉ tiêu {target.id} đã dùng"))
        seen.add(target.id)
        if target.task is not None and target.task not in plan.task_by_id:
            problems.append(((*here, "task"), f"bảng nhiệm vụ không có nhiệm vụ {target.task}"))
        periods: set[str] = set()
        for number, actual in enumerate(target.actuals):
            if actual.period in periods:
                problems.append(((*here, "actuals", number, "period"),
                                 f"kỳ {actual.period} đã có số liệu cho chỉ tiêu này"))
            periods.add(actual.period)
    return problems
