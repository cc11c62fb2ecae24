"""Search (/tim-kiem/): the page, and the static index built from every section's records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from ...core.loading import read_register
from ...core.outputs import OutputFile
from ...core.pages import PageSpec
from ...core.preview_memory import previewing
from ...core.section import BuildContext, LoadContext, Section
from ...search.index import build_index, preview_index
from .checks import check_synonyms
from .model import SYNONYMS, SynonymRegister
from .pages import SEARCH_PATH, search_page

DATA_FILE = "tu-dong-nghia.yml"


def _synonyms(build: BuildContext) -> Sequence[Sequence[str]]:
    """The synonym groups of data/tu-dong-nghia.yml, none without it."""
    register = build.portal[SYNONYMS]
    return register.groups if register else ()


class SearchSection(Section):
    name = "tim-kiem"
    title = "Tìm kiếm"
    data_entries = (DATA_FILE,)
    schemas = (("synonyms.schema.json", SynonymRegister),)
    unsearchable = "the search page itself"
    unmapped = "listed by the menu entry of data/site.yml"

    def load(self, ctx: LoadContext) -> None:
        """The synonyms and abbreviations editors keep for the search (applied to queries)."""
        ctx.put(SYNONYMS, read_register(ctx.data_dir / DATA_FILE, ctx.root, SynonymRegister,
                                        ctx.errors, check_synonyms, ctx.models))

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        """While previewing, the index: held in this process and updated for the records that
        changed (search/index.py, `preview_index`), which costs less than a worker."""
        return preview_index(build.records, _synonyms(build)) if previewing() else ()

    def late_outputs(self, build: BuildContext) -> Callable[[], Sequence[OutputFile]] | None:
        """The index, made in a worker while the pages render (it needs only the records);
        while previewing, made by `outputs` instead."""
        if previewing():
            return None
        return partial(build_index, list(build.records), _synonyms(build))

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return [search_page(build.env, build.records)]


SECTION = SearchSection()
__all__ = ["SEARCH_PATH", "SECTION"]
