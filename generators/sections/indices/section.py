"""Reform-index results (chỉ số CCHC): data/chi-so.yml, the dashboard at /chi-so/."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.loading import read_register
from ...core.pages import PageSpec, SiteSection
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from ..plans.model import PLANS
from .checks import check_register
from .model import INDICES, IndexRegister
from .pages import SECTION_PATH, index_pages, index_section
from .search import index_records

DATA_FILE = "chi-so.yml"


class IndicesSection(Section):
    name = "chi-so"
    title = "Chỉ số cải cách hành chính"
    data_entries = (DATA_FILE,)
    schemas = (("indices.schema.json", IndexRegister),)

    def check(self, ctx: LoadContext) -> None:
        """Read in the check phase: the plan criteria an index names must exist."""
        plans = ctx.get(PLANS)
        ctx.put(INDICES, read_register(
            ctx.data_dir / DATA_FILE, ctx.root, IndexRegister, ctx.errors,
            lambda register: check_register(register, plans), ctx.models,
        ))

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return index_section(build.portal)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return index_records(build.portal)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return index_pages(build.env, build.portal, build.now)


SECTION = IndicesSection()
__all__ = ["SECTION", "SECTION_PATH"]
