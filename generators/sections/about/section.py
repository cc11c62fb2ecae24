"""The About page (Giới thiệu, /gioi-thieu/), from data/site.yml."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from ...search.records import SearchRecord
from .pages import ABOUT_PATH, about_page
from .search import about_records


class AboutSection(Section):
    name = "gioi-thieu"
    title = "Giới thiệu"
    unmapped = "listed by the menu entry of data/site.yml, like any menu page"

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return about_records(build.portal)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [about_page(build.env, build.portal)]


SECTION = AboutSection()
__all__ = ["ABOUT_PATH", "SECTION"]
