"""Plans (kế hoạch): the yearly communication and reform-index plans agencies issue.

Shaped on the five seed plans: a document header (number, issuer, place, date), legal bases,
body sections I, II, III… in Markdown, and an appendix task table whose rows carry lead and
coordinating units, timing as written plus machine-readable due dates, budget, quotas such as
"6 tháng đầu năm ít nhất có 02 tin, bài", and maximum points for reform-index criteria.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from ...core.model import DocumentDate, Link, Markdown, Model, Points, Text
from ...core.portal import Part
from ...core.regulations import DOCUMENT_FORMAT
from ...vietnamese.collation import sort_key
from .targets import Target

TASK_ID_PATTERN = r"^\d+(\.\d+)*$"
SYMBOL_PATTERN = r"^[A-ZĐ]+(-[A-ZĐ0-9&]+)+$"


def _task_id(value: object) -> str:
    text = str(value).strip()
    if not re.fullmatch(TASK_ID_PATTERN, text):
        raise ValueError(
            "số thứ tự gồm các số nối bằng dấu chấm, như trong văn bản: 2, 2.11, 3.4.1"
        )
    return text


def _symbol(value: str) -> str:
    if not re.fullmatch(SYMBOL_PATTERN, value):
        raise ValueError("ký hiệu văn bản viết hoa, các phần nối bằng gạch ngang, ví dụ KH-SGTVT")
    return value


TaskId = Annotated[
    str,
    BeforeValidator(_task_id),
    WithJsonSchema({"type": "string", "pattern": TASK_ID_PATTERN, "examples": ["2.11"]}),
]

Period = Literal["year", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "ongoing"]

PERIOD_LABELS: dict[str, str] = {
    "year": "cả năm",
    "H1": "6 tháng đầu năm",
    "H2": "6 tháng cuối năm",
    "Q1": "quý I",
    "Q2": "quý II",
    "Q3": "quý III",
    "Q4": "quý IV",
    "ongoing": "thường xuyên",
}


class Issuer(Model):
    name: Text = Field(description="Cơ quan ban hành, ví dụ: Sở Giao thông vận tải")
    parent: str | None = Field(None, description="Cơ quan chủ quản, ví dụ: UBND tỉnh Quảng Trị")
    abbreviation: str | None = Field(None, description="Viết tắt trong số hiệu, ví dụ: SGTVT")


class LegalBasis(Model):
    """A document the plan is based on (căn cứ / thực hiện)."""

    text: Text = Field(description="Trích dẫn như trong văn bản")
    number: str | None = Field(None, description="Số ký hiệu, ví dụ: 250/KH-UBND")
    date: dt.date | None = None
    issuer: str | None = None


class TextDeadline(Model):
    """A deadline the body text gives for a task of the appendix: section IV.2 of seed 000 says
    the units report "trước 20/11/2024", which is task 2.4 of the appendix."""

    task: TaskId = Field(description="Số thứ tự nhiệm vụ trong phụ lục, ví dụ 2.4")
    part: int | None = Field(None, ge=1, description="Dòng thứ mấy của nhiệm vụ trong «parts» "
                             "(1 là dòng tiếp theo đầu tiên); bỏ trống: dòng chính")
    date: dt.date = Field(description="Hạn như mục này ghi")


class Section(Model):
    """A body section (I, II… or 1, 2… or a, b…), with Markdown text and sub-sections."""

    number: str | None = None
    title: str | None = None
    body: Markdown = Field("", description="Nội dung của phần")
    deadlines: list[TextDeadline] = Field(
        default_factory=list, description="Hạn mục này ghi cho nhiệm vụ của phụ lục: bản dựng "
        "cảnh báo khi phụ lục ghi ngày khác"
    )
    sections: list[Section] = Field(default_factory=list)


class Quota(Model):
    """A minimum number of products in a period, e.g. at least 2 articles in the first half."""

    count: int | None = Field(None, ge=1, description="Số lượng tối thiểu; bỏ trống khi chỉ "
                              "yêu cầu «thường xuyên»")
    period: Period = Field(
        title="Kỳ", description="year, H1, H2, Q1–Q4 hoặc ongoing (thường xuyên)"
    )
    unit: Text = Field("tin, bài", description="Loại sản phẩm, mặc định: tin, bài")
    per_unit: bool = Field(False, description="Chỉ tiêu tính riêng cho từng phòng, ban, đơn vị "
                           "(«mỗi phòng, ban, đơn vị 01 tin bài»): mỗi đơn vị trong data/site.yml "
                           "phải đạt đủ số lượng")
    text: Text = Field(description="Câu chữ trong kế hoạch")

    @model_validator(mode="after")
    def _count_matches_period(self) -> Quota:
        if self.count is None and self.period != "ongoing":
            raise ValueError(
                "cần «count» (số lượng tối thiểu) cho chỉ tiêu theo kỳ; chỉ được bỏ trống khi "
                "period là ongoing (thường xuyên)"
            )
        return self

    def describe(self) -> str:
        if self.count is None:
            return f"{self.unit} {PERIOD_LABELS[self.period]}"
        each = " mỗi đơn vị" if self.per_unit else ""
        return f"ít nhất {self.count:02d} {self.unit}{each} ({PERIOD_LABELS[self.period]})"


# Administrative document types of Nghị định 30/2020/NĐ-CP (Điều 7, Phụ lục III) with the
# abbreviation their number must carry ("Báo cáo số 2611/BC-SGTVT"); công văn and thư công
# carry none ("Công văn số 215/SGTVT-VP").
DOCUMENT_KINDS: dict[str, str | None] = {
    "nghị quyết": "NQ",
    "quyết định": "QĐ",
    "chỉ thị": "CT",
    "quy chế": "QC",
    "quy định": "QyĐ",
    "thông cáo": "TC",
    "thông báo": "TB",
    "hướng dẫn": "HD",
    "chương trình": "CTr",
    "kế hoạch": "KH",
    "phương án": "PA",
    "đề án": "ĐA",
    "dự án": "DA",
    "báo cáo": "BC",
    "biên bản": "BB",
    "tờ trình": "TTr",
    "hợp đồng": "HĐ",
    "công văn": None,
    "công điện": "CĐ",
    "bản ghi nhớ": "GN",
    "bản thỏa thuận": "TTh",
    "giấy ủy quyền": "GUQ",
    "giấy mời": "GM",
    "giấy giới thiệu": "GGT",
    "giấy nghỉ phép": "GNP",
    "phiếu gửi": "PG",
    "phiếu chuyển": "PC",
    "phiếu báo": "PB",
    "thư công": None,
}
DOCUMENT_NUMBER_PATTERN = r"^\d+[a-z]?(/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9&]*(-[A-Za-zĐđ0-9&.]+)*$"


def _document_kind(value: object) -> object:
    if not isinstance(value, str):
        return value
    kind = " ".join(value.split()).lower()
    if kind not in DOCUMENT_KINDS:
        raise ValueError(
            f"loại văn bản theo {DOCUMENT_FORMAT}, viết thường, ví dụ: kế hoạch, công "
            "văn, báo cáo, quyết định, thông báo, hướng dẫn"
        )
    return kind


def _document_number(value: str) -> str:
    if not re.fullmatch(DOCUMENT_NUMBER_PATTERN, value):
        raise ValueError(
            "số, ký hiệu viết như trên văn bản: số, gạch chéo, ký hiệu, ví dụ 2611/BC-SGTVT "
            "hoặc 215/SGTVT-VP"
        )
    return value


ARTICLE_KIND = "tin, bài"


def _need_kind(value: object) -> object:
    if isinstance(value, str) and " ".join(value.split()).lower() == ARTICLE_KIND:
        return ARTICLE_KIND
    return _document_kind(value)


class Need(Model):
    """What must exist by a deadline: "the annual report", "a plan", "an article" (seed 000, 2.4:
    the half-year report of 28/06 does not meet the annual report's deadline of 30/11)."""

    kind: Annotated[
        str,
        BeforeValidator(_need_kind),
        WithJsonSchema({"type": "string", "enum": [ARTICLE_KIND, *DOCUMENT_KINDS]}),
    ] = Field(description="Loại sản phẩm: báo cáo, kế hoạch, công văn… hoặc «tin, bài»")
    covers: Period | None = Field(None, description="Kỳ mà văn bản báo cáo về: H1 (báo cáo 6 "
                                  "tháng), year (báo cáo năm)…; bỏ trống khi không phân biệt")

    def describe(self) -> str:
        text = self.kind
        if self.covers:
            text += f" {PERIOD_LABELS[self.covers]}"
        return text


class DueDate(Model):
    date: dt.date
    label: str | None = Field(None, description="Ví dụ: Báo cáo 6 tháng")
    needs: Need | None = Field(None, description="Sản phẩm phải có trước hạn; bỏ trống thì mọi "
                               "minh chứng của nhiệm vụ đều tính")


def _due(value: object) -> object:
    # A bare date is the common case; the labelled form is for tasks with several deadlines.
    if isinstance(value, dt.date):
        return {"date": value}
    return value


Due = Annotated[DueDate, BeforeValidator(_due)]


class Evidence(Model):
    """A document the agency issued that proves a task was done (sản phẩm minh chứng).

    Articles are evidence too, but they name their tasks themselves (`plan_tasks`); these are
    the plans, letters, reports and decisions the PAR INDEX asks for.
    """

    kind: Annotated[
        str,
        BeforeValidator(_document_kind),
        WithJsonSchema({"type": "string", "enum": list(DOCUMENT_KINDS)}),
    ] = Field(description="Loại văn bản: kế hoạch, công văn, báo cáo, quyết định…")
    number: Annotated[
        str,
        AfterValidator(_document_number),
        WithJsonSchema({"type": "string", "pattern": DOCUMENT_NUMBER_PATTERN,
                        "examples": ["2611/BC-SGTVT", "215/SGTVT-VP"]}),
    ] | None = Field(None, description="Số, ký hiệu; bỏ trống khi văn bản đăng chưa ghi số")
    date: DocumentDate = Field(description="Ngày văn bản: 2024-11-26 (hoặc 2024-01 khi văn bản "
                               "để trống ngày)")
    title: Text = Field(description="Trích yếu")
    link: Link | None = Field(None, description="Văn bản trên trang (ke-hoach/<tên>/) hoặc "
                              "địa chỉ https://…")
    covers: Period | None = Field(None, description="Kỳ mà văn bản báo cáo về: H1 cho báo cáo 6 "
                                  "tháng, year cho báo cáo năm")
    unit: str | None = Field(None, description="Phòng, ban, đơn vị thực hiện (tên như trong "
                             "data/site.yml), cho chỉ tiêu tính theo từng đơn vị")
    illustrative: bool = Field(False, description="Văn bản minh họa của trang trình diễn, không "
                               "có trong văn bản gốc (số, ngày do dự án đặt)")

    @property
    def abbreviation(self) -> str | None:
        return DOCUMENT_KINDS[self.kind]

    @property
    def reference(self) -> str:
        """"Báo cáo số 2611/BC-SGTVT", or "Kế hoạch (chưa ghi số)"."""
        kind = self.kind[:1].upper() + self.kind[1:]
        return f"{kind} số {self.number}" if self.number else f"{kind} (chưa ghi số)"


class TaskPart(Model):
    """A second row of the same task, with its own products, lead unit or timing (seed 000, 2.4)."""

    products: list[Text] = Field(default_factory=list)
    lead: str | None = None
    coordinators: list[Text] = Field(default_factory=list)
    timing: str | None = None
    due: list[Due] = Field(default_factory=list)
    budget: str | None = None


class Task(Model):
    """One row of the appendix: a task, activity or scored criterion."""

    id: TaskId = Field(description="Số thứ tự như trong văn bản: 2.11, 3.4.1")
    group: TaskId | None = Field(None, description="Số của nội dung (nhóm) chứa nhiệm vụ")
    title: Text = Field(description="Nhiệm vụ / hoạt động / tiêu chí")
    products: list[Text] = Field(default_factory=list, description="Kết quả, sản phẩm minh chứng")
    lead: str | None = Field(None, description="Cơ quan, đơn vị chủ trì")
    coordinators: list[Text] = Field(default_factory=list, description="Đơn vị phối hợp")
    timing: str | None = Field(None, description="Thời gian thực hiện, như trong văn bản")
    due: list[Due] = Field(default_factory=list, description="Hạn chót đọc được bằng máy")
    budget: str | None = Field(None, description="Kinh phí")
    quotas: list[Quota] = Field(default_factory=list)
    points: Points | None = Field(None, description="Điểm tối đa")
    requirement: str | None = Field(None, description="Nội dung yêu cầu")
    notes: str | None = Field(None, description="Ghi chú, kết quả năm trước")
    parts: list[TaskPart] = Field(default_factory=list)
    optional: bool = Field(False, description="Hoạt động «(nếu có)»: không phát sinh thì không "
                           "tính là quá hạn")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Văn bản minh chứng đã ban hành (kế hoạch, công văn, "
        "báo cáo…); tin, bài tự ghi nhiệm vụ trong plan_tasks"
    )

    @property
    def depth(self) -> int:
        return self.id.count(".")

    @property
    def due_dates(self) -> list[dt.date]:
        return sorted({d.date for d in self.due} | {d.date for p in self.parts for d in p.due})


class TaskGroup(Model):
    """A heading row of the task table (nội dung, lĩnh vực): "1.1", "2" …"""

    id: TaskId
    title: Text


class TaskLabels(Model):
    """Column headings as the plan prints them; the defaults follow seed 000."""

    group: str = "Nội dung"
    task: str = "Nhiệm vụ/Hoạt động cụ thể"
    products: str = "Kết quả/Sản phẩm minh chứng"
    lead: str = "Cơ quan chủ trì"
    coordinators: str = "Cơ quan phối hợp"
    timing: str = "Thời gian thực hiện"
    budget: str = "Kinh phí"
    points: str = "Điểm tối đa"
    requirement: str = "Nội dung yêu cầu"
    notes: str = "Ghi chú"


class TaskTable(Model):
    heading: str | None = Field(None, description="Dòng đầu như văn bản in, ví dụ: Phụ lục")
    title: Text = Field(description="Tên phụ lục")
    subtitle: str | None = Field(None, description="Ví dụ: (Kèm theo Kế hoạch số …)")
    labels: TaskLabels = TaskLabels()
    groups: list[TaskGroup] = Field(default_factory=list)
    tasks: list[Task] = Field(min_length=1)
    closing: str | None = Field(None, description="Dòng cuối, ví dụ: Danh sách này có …")
    in_section: str | None = Field(None, description="Số mục của văn bản chứa bảng khi bảng "
                                   "nằm trong thân văn bản, ví dụ IV; bỏ trống: phụ lục sau chữ ký")
    derived_from: str | None = Field(
        None, description="Khi văn bản không có bảng nhiệm vụ: bảng này do ban biên tập lập từ "
        "mục nào (ví dụ: mục II.4.3 «Thời gian truyền thông»), để theo dõi như các kế hoạch khác"
    )


class Signature(Model):
    authority: list[Text] = Field(
        default_factory=list, title="Thẩm quyền ký", description="TM. …, KT. …"
    )
    title: Text = Field(description="Chức danh, ví dụ: GIÁM ĐỐC")
    name: Text


class PlanDocument(Model):
    """A plan as written in one `data/ke-hoach/<slug>.yml` file."""

    kind: Text = "Kế hoạch"
    number: str | None = Field(None, description="Số; để trống khi văn bản chưa vào số")
    symbol: Annotated[
        str,
        AfterValidator(_symbol),
        WithJsonSchema({"type": "string", "pattern": SYMBOL_PATTERN}),
    ] = Field(
        description="Ký hiệu, ví dụ: KH-SGTVT"
    )
    issuer: Issuer
    place: str | None = Field(None, description="Địa danh, ví dụ: Quảng Trị")
    date: DocumentDate
    title: Text = Field(description="Trích yếu")
    year: int = Field(ge=2000, le=2100, description="Năm thực hiện kế hoạch")
    summary: Text = Field(description="Tóm tắt một hai câu cho danh sách và thẻ mô tả")
    theme: str | None = Field(None, description="Chủ đề tuyên truyền năm, nếu có")
    provenance: str | None = Field(None, description="Ghi chú về nguồn của văn bản khi trang "
                                   "dùng văn bản của cơ quan khác làm ví dụ (trang trình diễn)")
    legal_bases: list[LegalBasis] = Field(default_factory=list)
    preamble: Markdown = Field("", description="Đoạn mở đầu, trước phần I")
    sections: list[Section] = Field(default_factory=list)
    closing: Markdown = Field("", description="Đoạn kết, trước chữ ký")
    signature: Signature
    recipients: list[Text] = Field(default_factory=list)
    tasks: TaskTable | None = None
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu định lượng (tỷ "
                                  "lệ %) với kết quả theo kỳ")

    @property
    def reference(self) -> str:
        """"Kế hoạch số 1163/KH-SGTVT", or "Kế hoạch chưa vào số" while unnumbered: the
        public never reads a placeholder number such as «…/KH-SGTVT» in running text."""
        return f"{self.kind} số {self.number_text}" if self.number else f"{self.kind} chưa vào số"

    @property
    def number_text(self) -> str:
        return f"{self.number or '…'}/{self.symbol}"


def parent_id(task_id: str, known: set[str]) -> str | None:
    """Nearest enclosing task id that exists: "2.2.1" → "2.2"."""
    parts = task_id.split(".")
    for end in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def id_sort_key(task_id: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", task_id))


class Plan:
    """A validated plan with its slug and the derived structure pages and reports need."""

    def __init__(self, slug: str, document: PlanDocument) -> None:
        self.slug = slug
        self.doc = document
        tasks = document.tasks.tasks if document.tasks else []
        self.tasks: list[Task] = tasks
        self.task_by_id: dict[str, Task] = {t.id: t for t in tasks}
        known = set(self.task_by_id)
        self.parent_of: dict[str, str | None] = {t.id: parent_id(t.id, known) for t in tasks}
        self.children_of: dict[str, list[Task]] = {}
        for task in tasks:
            parent = self.parent_of[task.id]
            if parent:
                self.children_of.setdefault(parent, []).append(task)

    def memo_values(self) -> tuple[object, ...]:
        """What it is made from (all else derives from them): render_memo.py keys by these."""
        return (self.slug, self.doc)

    @property
    def has_points(self) -> bool:
        return any(t.points is not None for t in self.tasks)

    def top_level(self, group_id: str | None = None) -> list[Task]:
        return [
            t
            for t in self.tasks
            if self.parent_of[t.id] is None and (group_id is None or t.group == group_id)
        ]

    def points_of(self, task: Task) -> Decimal:
        """A criterion's maximum: its own points, else the sum of its sub-criteria."""
        if task.points is not None:
            return task.points
        return sum((self.points_of(c) for c in self.children_of.get(task.id, [])), Decimal(0))

    def group_points(self, group_id: str) -> Decimal:
        return sum((self.points_of(t) for t in self.top_level(group_id)), Decimal(0))

    def total_points(self) -> Decimal:
        return sum((self.points_of(t) for t in self.top_level()), Decimal(0))

    def tasks_in_group(self, group_id: str | None) -> list[Task]:
        return [t for t in self.tasks if t.group == group_id]


PLANS: Part[list[Plan]] = Part("plans", list)


def plans_newest_first(plans: list[Plan]) -> list[Plan]:
    """Newest plan year first; within a year, by date, then issuer in Vietnamese order."""
    by_issuer = sorted(plans, key=lambda p: sort_key(p.doc.issuer.name))
    return sorted(by_issuer, key=lambda p: (p.doc.year, p.doc.date.sort_value), reverse=True)


def plan_by_slug(plans: list[Plan], slug: str) -> Plan | None:
    return next((p for p in plans if p.slug == slug), None)
