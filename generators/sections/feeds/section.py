"""The feeds page (/nguon-tin/), listing the feeds every other section declared."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from .pages import FEEDS_PATH, feeds_page


class FeedsSection(Section):
    name = "nguon-tin"
    title = "Nguồn tin RSS, Atom"
    unsearchable = "a list of feed addresses for other portals, not content citizens look for"
    unmapped = "listed in the site map under Tin tức, the section whose feeds it mostly lists"

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [feeds_page(build.env, build.portal, build.feeds)] if build.feeds else []


SECTION = FeedsSection()
__all__ = ["FEEDS_PATH", "SECTION"]
