"""Search (/tim-kiem/): the page, and the static index built from every section's records."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.outputs import OutputFile
from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from ...search.index import build_index
from .pages import SEARCH_PATH, search_page


class SearchSection(Section):
    name = "tim-kiem"
    title = "Tìm kiếm"
    unsearchable = "the search page itself"
    unmapped = "listed by the menu entry of data/site.yml"

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        return build_index(build.records)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [search_page(build.env, build.records)]


SECTION = SearchSection()
__all__ = ["SEARCH_PATH", "SECTION"]
