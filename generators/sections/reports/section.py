"""Plan reports (báo cáo): evidence per task and period at /bao-cao/<plan>/, and
`cchc report`, the signed report as .docx and .csv. Reads plans and articles; owns no data."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ...core.pages import PageSpec, SiteSection
from ...core.section import BuildContext, PortalLoader, Section
from ...search.records import SearchRecord
from .command import add_command
from .pages import SECTION_PATH, report_pages, report_section
from .search import report_records


class ReportsSection(Section):
    name = "bao-cao"
    title = "Báo cáo"

    def sitemap(self, build: BuildContext) -> SiteSection:
        return report_section(build.portal)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return report_records(build.portal)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return report_pages(build.env, build.portal, build.now)

    def commands(self, commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
        add_command(commands, load)


SECTION = ReportsSection()
__all__ = ["SECTION", "SECTION_PATH"]
