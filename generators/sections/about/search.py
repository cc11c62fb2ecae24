"""Search record of the About page."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .pages import ABOUT_PATH


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
