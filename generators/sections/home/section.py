"""The home page: the yearly theme, quick links, the latest plans and news."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from .pages import home_page


class HomeSection(Section):
    name = "trang-chu"
    title = "Trang chủ"
    unsearchable = "the home page repeats what other sections' records already hold"
    unmapped = "the site map itself starts from the home page"

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [home_page(build.env, build.portal)]


SECTION = HomeSection()
