"""The build as loops over the sections: load → check → feeds → outputs → pages.

"Gather, then write": every section reads and validates before any renders, and every error of
every file is reported at once. Files that pages show the size of (PDFs, vCards) are made before
the pages; files that need only the search records (the index) are made beside them, in a worker
process (core/worker.py), and waited for when the outputs are read. Nothing is written here —
the caller (the MkDocs plugin) writes pages, then outputs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..search.records import SearchRecord
from ..sections.registry import SECTIONS
from ..vietnamese.dates import build_now
from .data_layout import unknown_entries
from .derived_cache import CACHE_DIR
from .editor_fields import Collection, EditorChoices, site_profile
from .errors import DataErrors, ErrorCollector, under
from .feeds import FeedImageError, FeedSpec, feed_image, render_feed
from .links import is_external
from .loading import SITE_FILE, load_site
from .model_cache import ModelCache
from .outputs import OutputFile
from .pages import PageSpec, SiteSection, UnsafePath, check_path
from .portal import Portal
from .profile import SiteProfile
from .published_files import check_published_files
from .render_memo import next_build
from .section import BuildContext, BuildPaths, LoadContext, Section, SectionFailed
from .worker import Forked
from .yamlsource import YamlProblem, decode_text


class DuplicatePage(ValueError):
    pass


def content_folders(sections: Sequence[Section] = SECTIONS) -> set[str]:
    """Folders of content/ that sections read themselves (MkDocs leaves their files alone)."""
    return {s.content_folder for s in sections if s.content_folder}


def known_data_entries(sections: Sequence[Section] = SECTIONS) -> frozenset[str]:
    """The names read under data/: the site profile and every section's folders and files."""
    return frozenset({SITE_FILE, *(entry for s in sections for entry in s.data_entries)})


def _content_pages(content_dir: Path, owned: set[str]) -> list[Path]:
    """The Markdown files MkDocs renders: outside the folders sections own (the news, with its
    thousands of articles, is not walked) and outside hidden folders."""
    found = []
    for folder, folders, names in os.walk(content_dir):
        top = Path(folder) == content_dir
        folders[:] = [f for f in folders if not f.startswith(".") and not (top and f in owned)]
        found += [Path(folder, name) for name in names
                  if name.endswith(".md") and not name.startswith(".")]
    return sorted(found)


def check_content_pages(
    content_dir: Path, root: Path, errors: ErrorCollector, owned: set[str]
) -> None:
    """Markdown pages in content/ that MkDocs renders follow the same rules as any editor's
    file, so a page pasted from a TCVN3 or VNI document, or not saved as UTF-8, is refused at
    its line before MkDocs reads it."""
    for path in _content_pages(content_dir, owned):
        found = under(path, root)
        rel = found if found is not None else path.relative_to(content_dir).as_posix()
        try:
            decode_text(path.read_bytes(), rel)
        except YamlProblem as problem:
            errors.extend(problem.errors)


def load_portal(
    data_dir: Path,
    root: Path | None = None,
    *,
    content_dir: Path | None = None,
    now: dt.datetime | None = None,
    include_drafts: bool = False,
    sections: Sequence[Section] = SECTIONS,
    cache_dir: Path | None = None,
) -> Portal:
    """Every data file and article, validated; raises DataErrors listing all problems at once.

    Files unchanged since an earlier build are taken validated from `cache_dir`/models/
    (`cache_dir` is the project's .cache/ unless given; see core/model_cache.py).
    """
    root = root or data_dir.parent
    errors = ErrorCollector()
    # First, and alone: nothing is read through a link that leaves the repository.
    errors.extend(check_published_files(data_dir, root, content=False))
    if content_dir is not None:
        errors.extend(check_published_files(content_dir, root, content=True))
    errors.raise_if_any()
    errors.extend(unknown_entries(data_dir, known_data_entries(sections), root))
    models = ModelCache.open(cache_dir or root / CACHE_DIR)
    site = load_site(data_dir, root, errors, models)
    ctx = LoadContext(
        data_dir=data_dir, root=root, content_dir=content_dir, errors=errors,
        now=now or build_now(), include_drafts=include_drafts, site=site, models=models,
    )
    if content_dir is not None:
        check_content_pages(content_dir, root, errors, content_folders(sections))
    for section in sections:
        section.load(ctx)
    for section in sections:
        section.check(ctx)
    errors.raise_if_any()
    assert site is not None  # an absent or invalid profile is an error above
    return Portal(site=site, parts=dict(ctx.loaded))


def theme_globals(portal: Portal, sections: Sequence[Section] = SECTIONS) -> dict[str, object]:
    """What every page's theme templates read from the sections, under `cchc.<name>`."""
    found: dict[str, object] = {}
    for section in sections:
        found.update(section.theme_globals(portal))
    return found


@dataclass(frozen=True)
class FeedLink:
    """A feed announced on every page with <link rel="alternate">."""

    title: str
    path: str
    mime_type: str


def feed_links(feeds: Sequence[FeedSpec]) -> list[FeedLink]:
    types = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
    return [FeedLink(f.title, f.path, types[f.format]) for f in feeds if f.announce]


def site_sections(
    portal: Portal, expanded: Sequence[SiteSection], content_pages: Mapping[str, str]
) -> list[SiteSection]:
    """Site-map sections: the menu in its order, with the sections' own entries expanded.

    `content_pages` maps the path of each editor-written Markdown page to its title, so pages
    outside the menu are listed too.
    """
    by_path = {section.link: section for section in expanded}
    sections: list[SiteSection] = []
    listed: set[str] = set()
    for item in portal.site.menu:
        sections.append(by_path.get(item.link, SiteSection(item.title, item.link)))
        listed.add(item.link)
    sections += [s for s in expanded if s.link not in listed]
    for path, title in sorted(content_pages.items()):
        if path not in listed and not is_external(path):
            sections.append(SiteSection(title, path))
    return sections


def check_pages(pages: Sequence[PageSpec], content_pages: Mapping[str, str]) -> None:
    """No page outside the site, no two pages on one path; raises UnsafePath or DuplicatePage."""
    seen = {path: f"trang «{title}» trong content/" for path, title in content_pages.items()}
    for page in pages:
        check_path(page.path)
        if page.path in seen:
            raise DuplicatePage(
                f"hai trang cùng đường dẫn «/{page.path}»: {page.title} và {seen[page.path]}"
            )
        seen[page.path] = page.title


def editor_collections(
    site: SiteProfile, sections: Sequence[Section] = SECTIONS
) -> list[Collection]:
    """The web editor's collections: every section's, then the site profile's."""
    choices = EditorChoices.from_site(site)
    found = [c for s in sections if (c := s.editor_collection(choices)) is not None]
    return [*found, site_profile(choices)]


def site_records(portal: Portal, sections: Sequence[Section] = SECTIONS) -> list[SearchRecord]:
    """Every section's search records, without building pages (for tools and tests)."""
    build = BuildContext(env=Environment(), portal=portal, now=build_now())
    return [record for section in sections for record in section.search_records(build)]


@dataclass
class Contribution:
    """What one section gave to a build (for tests and diagnostics)."""

    pages: list[PageSpec] = field(default_factory=list)
    records: list[SearchRecord] = field(default_factory=list)
    sitemap: SiteSection | None = None
    outputs: list[OutputFile] = field(default_factory=list)


LateOutputs = Forked[Sequence[OutputFile]]


@dataclass
class SiteBuild:
    """Everything one build generates, before anything is written: the output files made
    (`made`) and those still being made in workers (`later`)."""

    pages: list[PageSpec]
    made: list[OutputFile]
    feeds: list[FeedSpec]
    warnings: list[str] = field(default_factory=list)
    by_section: dict[str, Contribution] = field(default_factory=dict)
    later: list[LateOutputs] = field(default_factory=list)

    @property
    def outputs(self) -> list[OutputFile]:
        """Every output file, once the workers have made theirs."""
        return [*self.made, *late_outputs(self.later)]


def start_late_outputs(build: BuildContext, sections: Sequence[Section]) -> list[LateOutputs]:
    """Every section's late outputs, each started in a worker."""
    return [Forked.start(make) for s in sections if (make := s.late_outputs(build)) is not None]


def late_outputs(jobs: Sequence[LateOutputs]) -> list[OutputFile]:
    """The files the workers made, in registry order (waits for them); if one fails, the
    others are stopped."""
    try:
        return [file for job in jobs for file in job.result()]
    except BaseException:
        cancel_all(jobs)
        raise


def cancel_all(jobs: Sequence[LateOutputs]) -> None:
    """Stop the workers of a build that failed."""
    for job in jobs:
        job.cancel()


def build_site(
    env: Environment,
    portal: Portal,
    *,
    content_pages: Mapping[str, str] | None = None,
    content_urls: Mapping[str, str] | None = None,
    paths: BuildPaths | None = None,
    sections: Sequence[Section] = SECTIONS,
) -> SiteBuild:
    """Ask every section for its feeds, search records, output files, site-map entry and
    pages, in registry order. Raises DuplicatePage, UnsafePath or SectionFailed.

    `content_pages` maps each editor-written Markdown page's path to its title,
    `content_urls` each content .md file to its page path; `paths` (templates, content, cache)
    enables the outputs made from files (images, print PDFs).
    """
    next_build()  # the preview's renders: those this build does not use are dropped
    build = BuildContext(
        env=env, portal=portal, now=build_now(), content_pages=content_pages or {},
        content_urls=content_urls or {}, paths=paths,
    )
    build.editor_collections = editor_collections(portal.site, sections)
    given = {section.name: Contribution() for section in sections}
    for section in sections:
        build.feeds += section.feeds(build)
    for section in sections:
        given[section.name].records = list(section.search_records(build))
        build.records += given[section.name].records
    later = start_late_outputs(build, sections)
    try:
        return _finish_site(build, given, later, sections)
    except BaseException:
        cancel_all(later)
        raise


def _finish_site(
    build: BuildContext, given: dict[str, Contribution], later: list[LateOutputs],
    sections: Sequence[Section],
) -> SiteBuild:
    """`build_site` after the search records: outputs, site map, pages, while workers run."""
    portal, paths = build.portal, build.paths
    outputs = [
        OutputFile(f.path, render_feed(f, portal.site.url, portal.site.name),
                   source=f"nguồn tin «{f.title}»")
        for f in build.feeds
    ]
    if build.feeds and paths is not None:
        try:
            outputs.append(feed_image(paths.content / portal.site.logo,
                                      f"content/{portal.site.logo}", paths.cache / "feed-image"))
        except FeedImageError as exc:
            raise SectionFailed(f"Lỗi tạo ảnh nguồn tin: {exc}") from None
    for section in sections:
        given[section.name].outputs = list(section.outputs(build))
        outputs += given[section.name].outputs
    build.downloads = {o.path: len(o.content) for o in outputs}
    for section in sections:
        given[section.name].sitemap = section.sitemap(build)
    expanded = [c.sitemap for c in given.values() if c.sitemap is not None]
    build.site_sections = site_sections(portal, expanded, build.content_pages)
    for section in sections:
        given[section.name].pages = list(section.pages(build))
        build.pages += given[section.name].pages
    check_pages(build.pages, build.content_pages)
    return SiteBuild(build.pages, outputs, build.feeds, build.warnings, given, later)


__all__ = [
    "DataErrors", "DuplicatePage", "UnsafePath", "build_site", "editor_collections",
    "load_portal", "site_records",
    "theme_globals",
]
