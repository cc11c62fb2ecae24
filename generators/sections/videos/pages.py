"""Video pages: the list of guides with their posters, and one page per video (the player with
its captions track, the transcript, downloads and the procedures it explains)."""

from __future__ import annotations

from jinja2 import Environment

from ...core.empty import empty_page
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...vietnamese.numbers import format_file_size
from ..procedures.model import PROCEDURES
from ..procedures.pages import procedure_path
from .model import VIDEOS, Video

SECTION_PATH = "video-huong-dan/"
SECTION_TITLE = "Video hướng dẫn"


def video_path(video: Video) -> str:
    return f"{SECTION_PATH}{video.slug}/"


def newest_first(videos: list[Video]) -> list[Video]:
    return sorted(sorted(videos, key=lambda v: v.slug), key=lambda v: v.doc.date, reverse=True)


def video_page(env: Environment, portal: Portal, video: Video) -> PageSpec:
    path = video_path(video)
    by_code = {p.doc.code: p for p in portal[PROCEDURES]}
    procedures = [
        (code, by_code[code].doc.name if code in by_code else None,
         procedure_path(by_code[code]) if code in by_code else None)
        for code in video.doc.procedures
    ]
    html = render_page(
        env, "video.html", path, video=video, doc=video.doc, site=portal.site,
        procedures=procedures, file_size=format_file_size,
    )
    return PageSpec(
        path=path,
        title=video.doc.title,
        html=html,
        description=video.doc.summary,
        date=video.doc.date.isoformat(),
        kind="video",
    )


def video_index_page(env: Environment, portal: Portal) -> PageSpec:
    html = render_page(
        env, "videos_index.html", SECTION_PATH, site=portal.site,
        videos=newest_first(portal[VIDEOS]), video_path=video_path,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=SECTION_TITLE,
        html=html,
        description=f"Video hướng dẫn thực hiện thủ tục hành chính, dịch vụ công trực tuyến của "
        f"{portal.site.name}, có phụ đề tiếng Việt và lời thoại bằng chữ.",
        kind="video-index",
    )


def video_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    if not portal[VIDEOS]:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE,
                           "Chưa có video hướng dẫn nào được đăng.")]
    return [video_index_page(env, portal), *(video_page(env, portal, v) for v in portal[VIDEOS])]


def video_section(portal: Portal) -> SiteSection:
    children = [SiteSection(v.doc.title, video_path(v)) for v in newest_first(portal[VIDEOS])]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)
