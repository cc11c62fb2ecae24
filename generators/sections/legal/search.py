"""Search records of the legal documents register."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord
from .citing import document_path
from .model import LEGAL


def legal_records(portal: Portal) -> list[SearchRecord]:
    """Register documents, found by number ("76/NQ-CP") as well as by words of the summary."""
    return [
        SearchRecord(
            url=document_path(d),
            kind="van-ban",
            title=d.title,
            text=f"{d.summary} {d.issuer}",
            date=d.date.isoformat(),
            keywords=(d.kind,),
            names=(d.number,),
        )
        for d in portal[LEGAL].documents
    ]
