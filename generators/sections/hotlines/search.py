"""Search records of the hotline directory."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import HOTLINES
from .pages import SECTION_PATH as HOTLINES_PATH


def hotline_records(portal: Portal) -> list[SearchRecord]:
    """The hotline page as a whole, and each unit by its name, purpose, numbers and e-mails."""
    if portal[HOTLINES] is None:
        return []
    units = portal[HOTLINES].units
    page = SearchRecord(
        url=HOTLINES_PATH,
        kind="duong-day-nong",
        title="Đường dây nóng tiếp nhận phản ánh, kiến nghị",
        text=f"{plain_text(portal[HOTLINES].intro)} " + "; ".join(u.name for u in units),
    )
    return [page] + [
        SearchRecord(
            url=f"{HOTLINES_PATH}#{unit.slug}",
            kind="duong-day-nong",
            title=unit.name,
            text=" ".join(filter(None, [unit.purpose, unit.hours, unit.address])),
            keywords=(*(phone.number for phone in unit.phones), *unit.emails),
        )
        for unit in units
    ]
