"""Checks across the rows of a plan that a single field cannot see.

Each check returns `(field path, message)` pairs; the loader turns them into located errors.
"""

from __future__ import annotations

from decimal import Decimal

from ...core.errors import FieldPath
from ...core.regulations import DOCUMENT_FORMAT
from ...vietnamese.numbers import format_decimal_vi
from .model import DOCUMENT_KINDS, Plan

Problem = tuple[FieldPath, str]

_TASKS: FieldPath = ("tasks", "tasks")


def check_unique_ids(plan: Plan) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, task in enumerate(plan.tasks):
        if task.id in seen:
            problems.append(
                (
                    (*_TASKS, index, "id"),
                    f"số thứ tự {task.id} đã dùng cho mục {seen[task.id] + 1}; mỗi nhiệm vụ "
                    "cần một số riêng",
                )
            )
        else:
            seen[task.id] = index
    if plan.doc.tasks:
        group_seen: set[str] = set()
        for index, group in enumerate(plan.doc.tasks.groups):
            if group.id in group_seen:
                problems.append(
                    (("tasks", "groups", index, "id"), f"nhóm {group.id} bị khai báo hai lần")
                )
            group_seen.add(group.id)
    return problems


def check_groups(plan: Plan) -> list[Problem]:
    if not plan.doc.tasks or not plan.doc.tasks.groups:
        return [
            ((*_TASKS, i, "group"), "kế hoạch không khai báo «groups» nên không dùng «group»")
            for i, t in enumerate(plan.tasks)
            if t.group is not None
        ]
    groups = {g.id for g in plan.doc.tasks.groups}
    listed = ", ".join(sorted(groups))
    problems: list[Problem] = []
    for index, task in enumerate(plan.tasks):
        if task.group is None:
            problems.append(((*_TASKS, index, "group"), f"cần số nhóm, một trong: {listed}"))
        elif task.group not in groups:
            problems.append(
                (
                    (*_TASKS, index, "group"),
                    f"nhóm {task.group} không có trong «groups» (đang có: {listed})",
                )
            )
    return problems


def check_points(plan: Plan) -> list[Problem]:
    """Sub-criteria must add up to their parent (seed 004: 2.2 = 2.2.1 + 2.2.2 + 2.2.3)."""
    problems: list[Problem] = []
    for index, task in enumerate(plan.tasks):
        children = plan.children_of.get(task.id, [])
        if task.points is None or not children:
            continue
        if any(plan.points_of(c) == 0 for c in children):
            continue
        total = sum((plan.points_of(c) for c in children), Decimal(0))
        if total != task.points:
            terms = " + ".join(f"{c.id} ({format_decimal_vi(plan.points_of(c))})" for c in children)
            problems.append(
                (
                    (*_TASKS, index, "points"),
                    f"điểm tối đa của {task.id} là {format_decimal_vi(task.points)} nhưng tổng "
                    f"các tiêu chí con {terms} = {format_decimal_vi(total)}; hai số phải bằng nhau",
                )
            )
    return problems


def check_evidence(plan: Plan) -> list[Problem]:
    """Evidence documents: numbers carry their type's abbreviation, dated near the plan year,
    listed once per task."""
    by_abbreviation = {abbr: kind for kind, abbr in DOCUMENT_KINDS.items() if abbr}
    problems: list[Problem] = []
    for index, task in enumerate(plan.tasks):
        seen: set[tuple[str, str]] = set()
        for number, evidence in enumerate(task.evidence):
            here = (*_TASKS, index, "evidence", number)
            if evidence.number:
                symbol = evidence.number.rsplit("/", 1)[1]
                first = symbol.split("-", 1)[0]
                expected = evidence.abbreviation
                if expected and first != expected:
                    problems.append((
                        (*here, "number"),
                        f"{evidence.kind} có ký hiệu bắt đầu bằng {expected}- "
                        f"({DOCUMENT_FORMAT}), ví dụ 12/{expected}-SGTVT; «{evidence.number}» "
                        "không khớp loại văn bản",
                    ))
                elif expected is None and first in by_abbreviation:
                    problems.append((
                        (*here, "number"),
                        f"ký hiệu {first}- là của {by_abbreviation[first]}, không phải "
                        f"{evidence.kind}; sửa «kind» hoặc số, ký hiệu",
                    ))
                key = (evidence.kind, evidence.number)
                if key in seen:
                    problems.append(((*here, "number"), f"văn bản {evidence.reference} đã có "
                                     f"trong minh chứng của nhiệm vụ {task.id}"))
                seen.add(key)
            if abs(evidence.date.year - plan.doc.year) > 1:
                problems.append((
                    (*here, "date"),
                    f"văn bản năm {evidence.date.year} không thể là minh chứng cho kế hoạch năm "
                    f"{plan.doc.year}; kiểm tra lại ngày văn bản",
                ))
    return problems


def check_evidence_links(plan: Plan, plan_slugs: set[str]) -> list[Problem]:
    """An evidence link inside the site must name a plan page that exists."""
    problems: list[Problem] = []
    for index, task in enumerate(plan.tasks):
        for number, evidence in enumerate(task.evidence):
            link = evidence.link
            if link is None or "://" in link or link.startswith(("mailto:", "tel:")):
                continue
            path = link.split("#", 1)[0]
            parts = [p for p in path.split("/") if p]
            if len(parts) == 2 and parts[0] == "ke-hoach" and parts[1] in plan_slugs:
                continue
            problems.append((
                (*_TASKS, index, "evidence", number, "link"),
                "liên kết trong trang chỉ trỏ tới một kế hoạch đã có (ke-hoach/<tên tệp>/); văn "
                "bản đăng ở nơi khác ghi địa chỉ đầy đủ https://…",
            ))
    return problems


def check_plan(plan: Plan) -> list[Problem]:
    return [*check_unique_ids(plan), *check_groups(plan), *check_points(plan),
            *check_evidence(plan)]
