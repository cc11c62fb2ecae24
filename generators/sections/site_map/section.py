"""The human site map (Sơ đồ trang, /so-do-trang/), from every section's site-map entry."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.pages import PageSpec
from ...core.section import BuildContext, Section
from .pages import SITEMAP_PATH, sitemap_page


class SiteMapSection(Section):
    name = "so-do-trang"
    title = "Sơ đồ trang"
    unsearchable = "a list of links to pages that have their own records"
    unmapped = "the site map does not list itself beyond its menu entry"

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [sitemap_page(build.env, build.portal, build.site_sections)]


SECTION = SiteMapSection()
__all__ = ["SECTION", "SITEMAP_PATH"]
