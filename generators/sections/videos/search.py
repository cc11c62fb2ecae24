"""Search records of video guides: title, summary and the transcript, so a clip is found by
what is said in it."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import VIDEOS
from .pages import video_path


def video_records(portal: Portal) -> list[SearchRecord]:
    return [
        SearchRecord(
            url=video_path(v),
            kind="video",
            title=v.doc.title,
            text=f"{v.doc.summary} {plain_text(v.doc.transcript)}",
            date=v.doc.date.isoformat(),
            keywords=tuple(v.doc.procedures),
        )
        for v in portal[VIDEOS]
    ]
