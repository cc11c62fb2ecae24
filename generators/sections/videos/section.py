"""Video guides (video hướng dẫn): one per file in data/video-huong-dan/, the clips, posters
and captions under content/video-huong-dan/, at /video-huong-dan/<slug>/."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.loading import item_files, read_model, relative, report_problems
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from ..procedures.model import PROCEDURES
from .checks import check_video
from .model import VIDEOS, Video, VideoDocument
from .pages import SECTION_PATH, video_pages, video_section
from .search import video_records


class VideosSection(Section):
    name = "video-huong-dan"
    title = "Video hướng dẫn"
    data_entries = ("video-huong-dan",)
    schemas = (("video.schema.json", VideoDocument),)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[VIDEOS])} video hướng dẫn"

    def check(self, ctx: LoadContext) -> None:
        """Read in the check phase: the procedures a video names must be in the catalogue."""
        known = {p.doc.code for p in ctx.get(PROCEDURES)} or None
        videos = []
        for path in item_files(ctx.data_dir / "video-huong-dan", ctx.root, ctx.errors,
                               "nop-ho-so-truc-tuyen"):
            loaded = read_model(path, ctx.root, VideoDocument, ctx.errors, ctx.models)
            if loaded is None:
                continue
            document, lines = loaded
            sizes, problems = check_video(document, ctx.content, known)
            report_problems(ctx.errors, relative(path, ctx.root), lines, problems)
            videos.append(Video(path.stem, document, sizes))
        ctx.put(VIDEOS, videos)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return video_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return video_section(build.portal) if build.portal[VIDEOS] else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return video_pages(build.env, build.portal)


SECTION = VideosSection()
__all__ = ["SECTION", "SECTION_PATH"]
