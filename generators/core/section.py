"""What every content type (a *section*) tells the pipeline, and what the pipeline gives it.

A section is one package under `generators/sections/`; `generators/sections/registry.py` lists
them in order. The pipeline asks every section the same questions, in registry order:

    load(ctx)            read and validate its files from data/ or content/ (phase 1)
    check(ctx)           cross-checks against what other sections loaded (phase 2)
    feeds(build)         its RSS/Atom feeds
    outputs(build)       files written after the pages (vCards, PDFs, JSON, images …)
    late_outputs(build)  files made beside the pages, in a worker (the search index)
    search_records(build)  what the search index holds about its pages
    sitemap(build)       its entry in the human site map (Sơ đồ trang)
    pages(build)         its generated pages

Every method has a harmless default, so a section says only what it has. Sections never call
each other's loaders: what one needs of another it reads from the validated `Portal`
(`portal[PLANS]`), which holds each section's data under its `Part`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar, cast

from jinja2 import Environment
from pydantic import BaseModel

from .editor_fields import Collection, EditorChoices
from .errors import ErrorCollector
from .feeds import FeedSpec
from .model_cache import ModelCache
from .outputs import OutputFile
from .pages import PageSpec, SiteSection
from .portal import Part, Portal
from .profile import SiteProfile

if TYPE_CHECKING:
    from ..search.records import SearchRecord

T = TypeVar("T")


class PortalLoader(Protocol):
    """`load_portal` of the pipeline, handed to sections' commands (sections never import the
    pipeline: it imports them)."""

    def __call__(
        self, data_dir: Path, root: Path | None = None, *, content_dir: Path | None = None,
        now: dt.datetime | None = None, include_drafts: bool = False,
    ) -> Portal: ...


@dataclass
class LoadContext:
    """What a section's `load` and `check` read from, and where they record problems."""

    data_dir: Path
    root: Path
    content_dir: Path | None
    errors: ErrorCollector
    now: dt.datetime
    include_drafts: bool
    site: SiteProfile | None  # None when data/site.yml is missing or invalid
    loaded: dict[Part[Any], object] = field(default_factory=dict)
    models: ModelCache = field(default_factory=ModelCache)  # validated files of earlier builds

    def get(self, part: Part[T]) -> T:
        """What an earlier section loaded (its empty value if it loaded nothing)."""
        return cast(T, self.loaded[part]) if part in self.loaded else part.empty()

    def put(self, part: Part[T], value: T) -> None:
        self.loaded[part] = value

    @property
    def content(self) -> Path:
        return self.content_dir or self.root / "content"


@dataclass(frozen=True)
class BuildPaths:
    """Where the templates, the content and the cache are, for outputs made from files."""

    templates: Path
    content: Path
    cache: Path
    root: Path  # the project: data/, content/, node_modules/


@dataclass
class BuildContext:
    """One build of the portal: what every section's render methods receive.

    Aggregates that several sections read (all feeds, all search records, the site map, sizes of
    downloadable files, the pages rendered so far) are filled in by the pipeline in that order.
    """

    env: Environment
    portal: Portal
    now: dt.datetime
    content_pages: Mapping[str, str] = field(default_factory=dict)  # page path → title
    content_urls: Mapping[str, str] = field(default_factory=dict)  # content .md → page path
    paths: BuildPaths | None = None
    feeds: list[FeedSpec] = field(default_factory=list)
    downloads: dict[str, int] = field(default_factory=dict)
    pages: list[PageSpec] = field(default_factory=list)
    records: list[SearchRecord] = field(default_factory=list)
    editor_collections: list[Collection] = field(default_factory=list)
    site_sections: list[SiteSection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _memo: dict[str, object] = field(default_factory=dict)

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """One object per build under `key` (a renderer that caches bodies, say)."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])


class Section:
    """A content type. Subclasses override what they have; the defaults contribute nothing.

    `name` is the section's Vietnamese URL name without diacritics (its folder under data/ or
    content/ where it has one). `data_entries` are the names it reads directly under data/ (a
    folder or a file), so a misspelt name can be reported; `content_folder` is the folder of
    content/ it reads itself (MkDocs leaves those files alone). `schemas` maps JSON Schema file
    names to the models editors write. `unsearchable` and `unmapped` say why a section that
    publishes pages has no search records or no site-map entry (the registry test reads them).
    """

    name: ClassVar[str]
    title: ClassVar[str] = ""
    data_entries: ClassVar[tuple[str, ...]] = ()
    content_folder: ClassVar[str | None] = None
    schemas: ClassVar[tuple[tuple[str, type[BaseModel]], ...]] = ()
    unsearchable: ClassVar[str] = ""
    unmapped: ClassVar[str] = ""

    def load(self, ctx: LoadContext) -> None:
        """Read and validate this section's files; record every problem in `ctx.errors`."""

    def check(self, ctx: LoadContext) -> None:
        """Cross-checks that need what other sections loaded (every section has loaded)."""

    def feeds(self, build: BuildContext) -> Sequence[FeedSpec]:
        return ()

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        return ()

    def late_outputs(self, build: BuildContext) -> Callable[[], Sequence[OutputFile]] | None:
        """Output files that need none of the pages and nothing the pages need, as a function
        the pipeline runs in a worker while the pages render (core/worker.py); it is called
        after every section's search records, and must only read what it is given."""
        return None

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return ()

    def sitemap(self, build: BuildContext) -> SiteSection | None:
        return None

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return ()

    def describe(self, portal: Portal) -> str:
        """How much of this content type the portal holds, for `cchc check` ("5 kế hoạch")."""
        return ""

    def theme_globals(self, portal: Portal) -> Mapping[str, object]:
        """Values the theme's templates read on every page (the hotline box, say)."""
        return {}

    def editor_collection(self, choices: EditorChoices) -> Collection | None:
        """Its collection in the web editor (/quan-tri/), generated from its model."""
        return None

    def commands(self, commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
        """Sub-commands of `cchc` that belong to this section (`cchc new`, `cchc report` …);
        `load` is the pipeline's `load_portal`, for commands that read the whole portal."""


class SectionFailed(Exception):
    """A section could not produce its pages or files; the message is for the editor."""


__all__ = [
    "BuildContext", "BuildPaths", "LoadContext", "Part", "Portal", "PortalLoader", "Section",
    "SectionFailed",
]
