"""The legal documents register (văn bản): data/van-ban.yml, at /van-ban/ and /van-ban/<slug>/.

Its pages list where each document is cited, so the registry puts it after every section whose
pages cite documents (plans, news, questions, procedures).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...core.editor_fields import Collection, EditorChoices
from ...core.loading import read_register
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from .checks import check_register
from .editor import editor_collection
from .model import LEGAL, LegalRegister
from .pages import SECTION_PATH, collect_citations, legal_pages, legal_section
from .search import legal_records

DATA_FILE = "van-ban.yml"


class LegalSection(Section):
    name = "van-ban"
    title = "Văn bản"
    data_entries = (DATA_FILE,)
    schemas = (("legal.schema.json", LegalRegister),)

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[LEGAL].documents)} văn bản"

    def load(self, ctx: LoadContext) -> None:
        path = ctx.data_dir / DATA_FILE
        register = read_register(path, ctx.root, LegalRegister, ctx.errors, check_register,
                                 ctx.models)
        ctx.put(LEGAL, register or LegalRegister())

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return legal_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return legal_section(build.portal) if build.portal[LEGAL].documents else None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return legal_pages(build.env, build.portal, collect_citations(build.pages))


SECTION = LegalSection()
__all__ = ["SECTION", "SECTION_PATH"]
