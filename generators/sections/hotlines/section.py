"""Hotlines (đường dây nóng): the directory in data/duong-day-nong.yml, its page and vCards."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...core.editor_fields import Collection, EditorChoices
from ...core.loading import read_register
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from .checks import check_directory
from .editor import editor_collection
from .model import HOTLINES, HotlineDirectory
from .pages import SECTION_PATH, hotline_outputs, hotline_pages, hotline_section
from .search import hotline_records

DATA_FILE = "duong-day-nong.yml"


class HotlinesSection(Section):
    name = "duong-day-nong"
    title = "Đường dây nóng"
    data_entries = (DATA_FILE,)
    schemas = (("hotlines.schema.json", HotlineDirectory),)

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(directory.units)} đường dây nóng" if (directory := portal[HOTLINES]) else ""

    def load(self, ctx: LoadContext) -> None:
        path = ctx.data_dir / DATA_FILE
        ctx.put(HOTLINES, read_register(path, ctx.root, HotlineDirectory, ctx.errors,
                                        check_directory, ctx.models))

    def theme_globals(self, portal: Portal) -> Mapping[str, object]:
        """The hotline box on every page."""
        return {"hotlines": portal[HOTLINES]}

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        return hotline_outputs(build.portal)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return hotline_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return hotline_section(build.portal) if build.portal[HOTLINES] else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return hotline_pages(build.env, build.portal)


SECTION = HotlinesSection()
__all__ = ["SECTION", "SECTION_PATH"]
