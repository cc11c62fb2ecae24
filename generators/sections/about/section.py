"""The About page (Giới thiệu, /gioi-thieu/), from data/site.yml."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from .pages import ABOUT_PATH, about_page


class AboutSection(Section):
    name = "gioi-thieu"
    title = "Giới thiệu"
    unsearchable = "not yet: issue 16 adds the About page's record"
    unmapped = "listed by the menu entry of data/site.yml, like any menu page"

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [about_page(build.env, build.portal)]


SECTION = AboutSection()
__all__ = ["ABOUT_PATH", "SECTION"]
