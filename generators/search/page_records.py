"""Search records of the sections that are pages rather than items: prints (posters, banners,
leaflets), the index dashboard, the plan reports and the About page.

Each function is a pure function of the portal and makes the records of one content type.
"""

from __future__ import annotations

from ..models.indices import IndexRegister
from ..models.tthc import ProcedureDocument
from ..portal import Portal
from ..render.about import ABOUT_PATH
from ..render.indices import SECTION_PATH as INDICES_PATH
from ..render.indices import describe_result
from ..render.posters import poster_path, poster_title
from ..render.reports import report_path, report_title, reported_plans
from .records import SearchRecord, plain_text


def poster_records(portal: Portal) -> list[SearchRecord]:
    """Each print by its slogan, its text and its kind and format («áp phích A3»)."""
    records = []
    for poster in portal.posters_in_order():
        doc = poster.doc
        sections = [
            part for s in doc.sections for part in (s.title, s.text or "", *s.points)
        ]
        text = " ".join(
            filter(None, [doc.subheading, *doc.points, *sections, doc.description,
                          f"{poster.kind_name} {poster.format.label}."])
        )
        records.append(
            SearchRecord(
                url=poster_path(poster),
                kind="ap-phich",
                title=poster_title(poster),
                text=text,
                date=doc.date.isoformat() if doc.date else "",
                keywords=(doc.kind, poster.format.name),
            )
        )
    return records


def index_records(portal: Portal) -> list[SearchRecord]:
    """The dashboard, and each index (PAR INDEX, SIPAS …) at its heading with every result."""
    register: IndexRegister | None = portal.indices
    if register is None:
        return []
    page = SearchRecord(
        url=INDICES_PATH,
        kind="chi-so",
        title=register.title,
        text=f"{plain_text(register.intro)} " + "; ".join(
            f"{i.code}: {i.name}" for i in register.indices
        ),
        keywords=tuple(i.code for i in register.indices),
    )
    return [page] + [
        SearchRecord(
            url=f"{INDICES_PATH}#{index.anchor}",
            kind="chi-so",
            title=f"{index.code}: {index.name}",
            text=" ".join(
                [index.scope, f"Đánh giá và công bố: {index.publisher}.",
                 *(describe_result(index, r) + "." for r in index.ordered())]
            ),
            keywords=(index.code,),
        )
        for index in register.indices
    ]


def report_records(portal: Portal) -> list[SearchRecord]:
    """The report of each plan with a task table. The plan's number stays out: a search for
    "1163/KH-SGTVT" should find the plan itself first."""
    return [
        SearchRecord(
            url=report_path(plan),
            kind="bao-cao",
            title=report_title(plan),
            text=(
                f"Báo cáo kết quả thực hiện của {plan.doc.issuer.name}, năm {plan.doc.year}: "
                f"sáu tháng đầu năm và cả năm, tiến độ và minh chứng từng nhiệm vụ. "
                f"{plan.doc.summary}"
            ),
            keywords=("báo cáo kết quả",),
        )
        for plan in reported_plans(portal)
    ]


def about_records(portal: Portal) -> list[SearchRecord]:
    """The About page: functions and contacts, the leaders, the organisation."""
    site = portal.site
    records = [
        SearchRecord(
            url=ABOUT_PATH,
            kind="trang",
            title=f"Giới thiệu {site.name}",
            text=" ".join(
                filter(None, [plain_text(site.functions), f"Địa chỉ: {site.address}.",
                              f"Điện thoại: {site.phone}.", f"Thư điện tử: {site.email}.",
                              site.office_hours and f"Giờ làm việc: {site.office_hours}."])
            ),
            keywords=(site.short_name, "chức năng nhiệm vụ", "liên hệ"),
        )
    ]
    if site.leaders:
        records.append(
            SearchRecord(
                url=f"{ABOUT_PATH}#lanh-dao",
                kind="trang",
                title=f"Lãnh đạo {site.name}",
                text=" ".join(
                    f"{p.name}, {p.title}" + (f", phụ trách {p.duties}" if p.duties else "") + "."
                    for p in site.leaders
                ),
                keywords=tuple(p.name for p in site.leaders),
            )
        )
    if site.organisation:
        records.append(
            SearchRecord(
                url=f"{ABOUT_PATH}#co-cau-to-chuc",
                kind="trang",
                title=f"Cơ cấu tổ chức {site.name}",
                text=" ".join(
                    f"{g.title}: "
                    + "; ".join(u.name + (f" ({u.duties})" if u.duties else "") for u in g.units)
                    + "."
                    for g in site.organisation
                ),
                keywords=tuple(u.name for g in site.organisation for u in g.units),
            )
        )
    return records


def procedure_details(doc: ProcedureDocument) -> str:
    """What citizens ask of a procedure besides its name: the steps, the papers to bring, how
    long it takes and what it costs («mất bao lâu», «lệ phí bao nhiêu»)."""
    parts: list[str] = []
    for channel in doc.channels:
        parts.append(f"Thời hạn giải quyết {channel.time_limit}.")
        parts += [f"{fee.name}." for fee in channel.fees] or ["Không thu phí, lệ phí."]
    channels = " ".join(dict.fromkeys(parts))
    steps = " ".join(plain_text(step) for step in doc.steps)
    papers = "; ".join(d.name for d in doc.documents)
    return f"Hồ sơ: {papers}. {channels} Trình tự: {steps}"
