"""The plan evidence report: which tasks of a plan have their evidence, period by period.

One model (`PlanReport`), computed by the pure functions below, is rendered three ways: the web
page `/bao-cao/<plan>/`, the Word document and the CSV of `cchc report`. Nothing here knows of
HTML, Word or MkDocs.

Evidence for a task is every published article naming it in `plan_tasks` plus the documents
declared under the task's `evidence` in the plan file. Drafts and anything dated after the
build's "now" never count, whatever list of articles the functions are given.

A task is checked against
- each quota with a number ("6 tháng đầu năm ít nhất có 02 tin, bài"): met when enough evidence
  of the quota's unit (articles for "tin, bài") is dated inside the quota's period, overdue once
  the period has ended short, otherwise not yet;
- each due date: met when some evidence is dated on or before it (and after the previous due date
  of the same row, so "Nhiệm vụ 6 tháng" and "Nhiệm vụ cả năm" each need their own document),
  overdue once the day has passed without, otherwise not yet.
A quota may be per unit ("mỗi phòng, ban, đơn vị 01 tin bài"): then each unit of the site
profile must reach the count with evidence carrying its unit, and the check lists the units that
have and have not. A due date may name what must exist (`needs`: the annual report, a plan, an
article): only matching evidence meets it, so a half-year report never passes an annual one.

A task with neither (thường xuyên) shows the evidence found while its period runs ("có minh
chứng" or "đang thực hiện") and gets a verdict once the period is over: "đã thực hiện" or "hết
kỳ, không có minh chứng". An optional activity ("nếu có") with nothing to show reads "không phát
sinh", never "quá hạn".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from ...core.periods import ReportPeriod, document_span, midnight
from ...core.profile import SiteProfile
from ...vietnamese.dates import format_short, to_vietnam_time
from ...vietnamese.numbers import format_decimal_vi
from ..news.model import Article, articles_for_task
from ..plans.model import ARTICLE_KIND, DOCUMENT_KINDS, Evidence, Need, Plan, Task
from .targets import TargetResult, target_results

_INSTANT = dt.timedelta(microseconds=1)


class Status(StrEnum):
    MET = "met"
    PENDING = "pending"
    OVERDUE = "overdue"
    EVIDENCED = "evidenced"
    ONGOING = "ongoing"
    DONE = "done"
    MISSING = "missing"
    NOT_HELD = "not-held"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.MET: "Đạt",
    Status.PENDING: "Chưa đạt, chưa hết hạn",
    Status.OVERDUE: "Quá hạn, chưa đạt",
    Status.EVIDENCED: "Có minh chứng",
    Status.ONGOING: "Đang thực hiện",
    Status.DONE: "Đã thực hiện",
    Status.MISSING: "Hết kỳ, không có minh chứng",
    Status.NOT_HELD: "Không phát sinh",
}
# Worst first: a task's overall status is the worst of its checks.
_SEVERITY = (Status.OVERDUE, Status.PENDING, Status.MET)


@dataclass(frozen=True)
class EvidenceItem:
    """One product proving a task: a published article or a document the agency issued."""

    kind: str  # "Tin, bài", "Công văn", "Báo cáo" …
    title: str
    reference: str | None  # "Báo cáo số 2611/BC-SGTVT"; None for articles
    date_text: str  # "26/11/2024", "01/2024" for a document whose day is blank
    date_iso: str  # "2024-11-26", "2024-01"
    start: dt.datetime  # first instant it may stand for (Vietnam time)
    last: dt.datetime  # last instant it may stand for
    link: str | None  # a site path ("tin-tuc/2024/x/") or an https:// address
    unit: str | None = None  # the unit that made it, for per-unit quotas
    covers: str | None = None  # the period a report is about: "H1", "year"
    illustrative: bool = False  # a document the demo invented

    @property
    def is_article(self) -> bool:
        return self.reference is None

    def within(self, start: dt.datetime | None, end: dt.datetime) -> bool:
        """Wholly inside [start, end)."""
        return (start is None or self.start >= start) and self.last < end

    def describe(self) -> str:
        """One line, as the report lists it: "26/11/2024 – Báo cáo số 2611/BC-SGTVT: …"."""
        head = self.reference or self.kind
        return f"{self.date_text} – {head}: {self.title}"


@dataclass(frozen=True)
class Check:
    """One requirement of a task: a quota in a period, or a due date."""

    label: str  # "6 tháng đầu năm 2024: ít nhất 02 tin, bài", "Hạn 31/05/2024 (Nhiệm vụ 6 tháng)"
    required: int
    unit: str  # "tin, bài" for quotas; "minh chứng" for due dates
    found: tuple[EvidenceItem, ...]
    status: Status
    period: ReportPeriod | None = None  # quotas
    due: dt.date | None = None  # due dates
    late: tuple[EvidenceItem, ...] = ()  # evidence dated after a missed last due date
    units: tuple[tuple[str, int], ...] = ()  # per-unit quotas: each unit and its count

    @property
    def is_quota(self) -> bool:
        return self.period is not None

    @property
    def units_met(self) -> list[str]:
        return [u for u, n in self.units if n >= self.required]

    @property
    def units_short(self) -> list[str]:
        return [u for u, n in self.units if n < self.required]

    @property
    def summary(self) -> str:
        """"6 tháng đầu năm 2024: có 01/02 tin, bài", "Hạn 31/05/2024: có 01 minh chứng"."""
        if self.period is not None and self.units:
            return (f"{self.period.title}: {len(self.units_met):02d}/{len(self.units):02d} đơn vị "
                    f"có đủ {self.required:02d} {self.unit}")
        if self.period is not None:
            return f"{self.period.title}: có {len(self.found):02d}/{self.required:02d} {self.unit}"
        if not self.found:
            return f"{self.label}: chưa có {self.unit}"
        return f"{self.label}: có {len(self.found):02d} {self.unit}"

    def describe(self) -> str:
        """The summary with the status: "… có 01/02 tin, bài – quá hạn, chưa đạt"."""
        text = f"{self.summary} – {self.status.label.lower()}"
        if self.late:
            text += f" (có {len(self.late):02d} minh chứng sau hạn)"
        return text


@dataclass(frozen=True)
class TaskResult:
    """A task in one report: its checks in the period and the evidence dated in the period."""

    task: Task
    checks: tuple[Check, ...]
    evidence: tuple[EvidenceItem, ...]
    status: Status

    @property
    def quota_checks(self) -> list[Check]:
        return [c for c in self.checks if c.is_quota]

    @property
    def due_checks(self) -> list[Check]:
        return [c for c in self.checks if not c.is_quota]

    @property
    def has_quota(self) -> bool:
        return bool(self.quota_checks)

    @property
    def quota_met(self) -> bool:
        return self.has_quota and all(c.status is Status.MET for c in self.quota_checks)

    @property
    def requirements(self) -> list[str]:
        """The task's quotas and deadlines as the plan states them, for the report table."""
        lines = [q.text for q in self.task.quotas]
        for due in sorted({*self.task.due, *(d for p in self.task.parts for d in p.due)},
                          key=lambda d: (d.date, d.label or "")):
            lines.append(f"Hạn {format_short(due.date)}" + (f" ({due.label})" if due.label else ""))
        return lines


def percent_text(part: int, whole: int) -> str:
    """3, 5 → "60%"; whole percent rounded half up, as scoring tables write it."""
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{format_decimal_vi(value)}%"


@dataclass(frozen=True)
class PlanReport:
    """A plan's report for one period, as the build's clock `now` sees it."""

    plan: Plan
    period: ReportPeriod
    now: dt.datetime
    tasks: tuple[TaskResult, ...]
    targets: tuple[TargetResult, ...] = ()  # numeric targets of the plan in this period

    @property
    def target_summary(self) -> str | None:
        """"Chỉ tiêu định lượng: 2/4 đạt, 1 chưa có số liệu"; None without targets."""
        if not self.targets:
            return None
        states = [t.state for t in self.targets]
        text = f"Chỉ tiêu định lượng: {states.count('met')}/{len(states)} đạt"
        for state, words in (("overdue", "không đạt"), ("pending", "chưa đạt"),
                             ("ongoing", "chưa có số liệu")):
            if states.count(state):
                text += f", {states.count(state)} {words}"
        return text

    @property
    def quota_tasks(self) -> list[TaskResult]:
        return [t for t in self.tasks if t.has_quota]

    @property
    def met_quota_tasks(self) -> list[TaskResult]:
        return [t for t in self.tasks if t.quota_met]

    @property
    def summary(self) -> str:
        """The PAR INDEX line "mức độ thực hiện kế hoạch tuyên truyền"."""
        total = len(self.quota_tasks)
        if not total:
            return f"Kế hoạch không giao chỉ tiêu số lượng cho kỳ {self.period.label}"
        met = len(self.met_quota_tasks)
        return (f"Hoàn thành {met}/{total} nhiệm vụ có chỉ tiêu "
                f"({percent_text(met, total)})")

    @property
    def due_summary(self) -> str | None:
        """"Nhiệm vụ có thời hạn trong kỳ: 3/4 đạt, 1 quá hạn"; None when there are none."""
        with_due = [t for t in self.tasks if t.due_checks]
        if not with_due:
            return None
        states = [_worst(c.status for c in t.due_checks) for t in with_due]
        text = (f"Nhiệm vụ có thời hạn trong kỳ: {states.count(Status.MET)}/{len(with_due)} "
                "có minh chứng đúng hạn")
        if states.count(Status.OVERDUE):
            text += f", {states.count(Status.OVERDUE)} quá hạn"
        if states.count(Status.PENDING):
            text += f", {states.count(Status.PENDING)} chưa đến hạn"
        return text

    def count(self, status: Status) -> int:
        return sum(1 for t in self.tasks if t.status is status)

    @property
    def evidence_count(self) -> int:
        return sum(len(t.evidence) for t in self.tasks)


# Gathering evidence ------------------------------------------------------------------------


def counted_articles(
    articles: Iterable[Article], plan_slug: str, task_id: str, now: dt.datetime
) -> list[Article]:
    """Articles that count for a task: naming it, not drafts, dated no later than `now`."""
    return [
        a for a in articles
        if a.meta.plan_tasks and not a.meta.draft and a.published <= now
        and (plan_slug, task_id) in a.plan_refs
    ]


def article_item(article: Article) -> EvidenceItem:
    moment = to_vietnam_time(article.published)
    return EvidenceItem("Tin, bài", article.meta.title, None, format_short(moment),
                        moment.date().isoformat(), moment, moment, article.path,
                        unit=article.meta.unit)


def document_item(evidence: Evidence) -> EvidenceItem:
    start, end = document_span(evidence.date)
    kind = evidence.kind[:1].upper() + evidence.kind[1:]
    return EvidenceItem(kind, evidence.title, evidence.reference, evidence.date.short(),
                        evidence.date.iso(), start, end - _INSTANT, evidence.link,
                        unit=evidence.unit, covers=evidence.covers,
                        illustrative=evidence.illustrative)


def evidence_for_task(
    plan: Plan, task: Task, articles: Iterable[Article], now: dt.datetime
) -> list[EvidenceItem]:
    """Every product of a task published by `now`, oldest first."""
    items = [article_item(a) for a in counted_articles(articles, plan.slug, task.id, now)]
    items += [item for item in map(document_item, task.evidence) if item.start <= now]
    return sorted(items, key=lambda i: (i.start, i.title))


def counts_for(unit: str, item: EvidenceItem) -> bool:
    """Whether `item` is the kind of product a quota's unit asks for.

    "tin, bài" counts articles only; "tin, bài hoặc kế hoạch" articles and documents; a unit
    naming documents only ("báo cáo", "văn bản") counts documents; any other unit, both.
    """
    words = unit.lower()
    wants_articles = "tin" in words.replace(",", " ").split() or "bài" in words
    wants_documents = "văn bản" in words or any(kind in words for kind in DOCUMENT_KINDS)
    if not (wants_articles or wants_documents):
        return True
    return wants_articles if item.is_article else wants_documents


def meets(need: Need | None, item: EvidenceItem) -> bool:
    """Whether `item` is what a deadline asks for: any evidence when it names nothing, else the
    named kind ("báo cáo", "tin, bài") and, when given, the period the document is about."""
    if need is None:
        return True
    if need.kind == ARTICLE_KIND:
        return item.is_article
    if item.is_article or item.kind.lower() != need.kind:
        return False
    return need.covers is None or item.covers == need.covers


def in_period(items: Iterable[EvidenceItem], period: ReportPeriod) -> list[EvidenceItem]:
    return [i for i in items if i.within(period.start, period.end)]


# Checking ----------------------------------------------------------------------------------


def _worst(statuses: Iterable[Status]) -> Status:
    found = set(statuses)
    return next(s for s in _SEVERITY if s in found)


def task_checks(
    task: Task, items: Sequence[EvidenceItem], year: int, now: dt.datetime,
    units: Sequence[str] = (),
) -> list[Check]:
    """Every requirement of a task over its plan year, with its status at `now`; `units` are
    the agency's units (data/site.yml), for per-unit quotas."""
    checks = []
    for quota in task.quotas:
        if quota.count is None:
            continue
        period = ReportPeriod(year, quota.period)
        found = tuple(i for i in in_period(items, period) if counts_for(quota.unit, i))
        counts: tuple[tuple[str, int], ...] = ()
        if quota.per_unit:
            counts = tuple((u, sum(1 for i in found if i.unit == u)) for u in units)
            met = bool(counts) and all(n >= quota.count for _, n in counts)
        else:
            met = len(found) >= quota.count
        late = Status.OVERDUE if period.has_ended(now) else Status.PENDING
        status = Status.MET if met else late
        each = " mỗi đơn vị" if quota.per_unit else ""
        label = f"{period.title}: ít nhất {quota.count:02d} {quota.unit}{each}"
        checks.append(Check(label, quota.count, quota.unit, found, status, period=period,
                            units=counts))
    # The task's own deadlines and each part's run as separate timelines (seed 000, 2.4: the
    # units report by 26/11, the department by 30/11: one document may serve both).
    for timeline in (task.due, *(p.due for p in task.parts)):
        previous: dt.datetime | None = None
        ordered = sorted(timeline, key=lambda d: d.date)
        for index, due in enumerate(ordered):
            end = midnight(due.date + dt.timedelta(days=1))
            wanted = [i for i in items if meets(due.needs, i)]
            found = tuple(i for i in wanted if i.within(previous, end))
            status = Status.MET if found else (Status.OVERDUE if now >= end else Status.PENDING)
            late: tuple[EvidenceItem, ...] = ()
            if status is Status.OVERDUE and index == len(ordered) - 1:
                late = tuple(i for i in wanted if i.start >= end)
            label = f"Hạn {format_short(due.date)}" + (f" ({due.label})" if due.label else "")
            unit = due.needs.describe() if due.needs else "minh chứng"
            checks.append(Check(label, 1, unit, found, status, due=due.date, late=late))
            previous = end
    return checks


def _in_report(check: Check, period: ReportPeriod) -> bool:
    if check.period is not None:
        return period.covers(check.period)
    assert check.due is not None
    return period.first_day <= check.due <= period.last_day


def verdict(task: Task, checks: Sequence[Check], evidence: Sequence[EvidenceItem],
            period: ReportPeriod, now: dt.datetime) -> Status:
    """A task's status in a report: the worst of its checks; for a routine task (no checks)
    what it did once the period is over; an optional one that never took place is not late."""
    if checks:
        status = _worst(c.status for c in checks)
        if task.optional and not evidence and status is Status.OVERDUE:
            return Status.NOT_HELD
        return status
    ended = period.has_ended(now)
    if evidence:
        return Status.DONE if ended else Status.EVIDENCED
    if not ended:
        return Status.ONGOING
    return Status.NOT_HELD if task.optional else Status.MISSING


def task_result(
    plan: Plan, task: Task, articles: Iterable[Article], period: ReportPeriod, now: dt.datetime,
    units: Sequence[str] = (),
) -> TaskResult:
    items = evidence_for_task(plan, task, articles, now)
    checks = tuple(c for c in task_checks(task, items, plan.doc.year, now, units)
                   if _in_report(c, period))
    evidence = tuple(in_period(items, period))
    return TaskResult(task, checks, evidence, verdict(task, checks, evidence, period, now))


def build_report(
    plan: Plan, articles: Sequence[Article], period: ReportPeriod, now: dt.datetime,
    units: Sequence[str] = (),
) -> PlanReport:
    """The report of `plan` for `period`, every status judged at `now`; `units` are the
    agency's units for per-unit quotas (`site_units(profile)`)."""
    now = to_vietnam_time(now)
    # Each task looks up its articles rather than reading them all (211 tasks × 5,000 articles
    # cost a second a build).
    serving = articles_for_task(articles, plan.slug)
    tasks = tuple(task_result(plan, t, serving.get(t.id, ()), period, now, units)
                  for t in plan.tasks)
    return PlanReport(plan, period, now, tasks, tuple(target_results(plan, period, now)))


def report_periods(plan: Plan) -> list[ReportPeriod]:
    """The periods a plan's report page shows: the first half-year and the whole year."""
    return [ReportPeriod(plan.doc.year, "H1"), ReportPeriod(plan.doc.year, "year")]


def plan_reports(plan: Plan, articles: Sequence[Article], now: dt.datetime,
                 units: Sequence[str] = ()) -> list[PlanReport]:
    return [build_report(plan, articles, p, now, units) for p in report_periods(plan)]


def site_units(site: SiteProfile) -> list[str]:
    """The agency's units (phòng, ban, đơn vị) as data/site.yml lists them."""
    return [unit.name for group in site.organisation for unit in group.units]
