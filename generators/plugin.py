"""The MkDocs plugin `cchc`: a thin adapter between MkDocs and our core.

It uses MkDocs' public plugin API only:
- on_config: load and validate `data/` once (all errors reported together, before MkDocs
  touches the output folder), then set the site name, URL and menu from `data/site.yml`;
- on_files: render every generated page and add it as a virtual file (`File.generated`), in
  the navigation only when the menu names it;
- on_page_content: put our pre-rendered HTML in place of the (empty) Markdown body;
- on_env: give theme templates the site profile (header, footer, Dublin Core, feed links);
- on_post_page: publish each page minified, taken from `.cache/html/` when the same page was
  minified before (core/published_html.py);
- on_post_build: write feeds, print PDFs and other aggregate outputs, after every page;
- on_serve, on_shutdown: while previewing, watch for changes by the system's events rather than
  by MkDocs' polling of every file (preview_watch.py).

While previewing (`cchc serve`, i.e. `mkdocs serve --dirty`), a rebuild writes only the pages
and files whose inputs changed and deletes those that are gone (core/rebuilds.py).

While previewing (`mkdocs serve`), a data error does not stop the server: the site becomes one
Vietnamese error page, reloaded by itself once the data is fixed (see generators/preview.py).
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .core import collector, frontmatter
from .core.csp import CONTENT_SECURITY_POLICY
from .core.derived_cache import make_key
from .core.environment import make_environment, use_template_cache
from .core.errors import DataError, DataErrors
from .core.guard import os_error_message, unforeseen_message, write_log
from .core.html_policy import clean_page_html
from .core.links import is_external, src_uri
from .core.loading import file_exists
from .core.notices import portal_notices
from .core.outputs import OutputConflict, OutputFile, check_outputs, write_outputs
from .core.pages import PageSpec, UnsafePath
from .core.pipeline import (
    DuplicatePage,
    FeedLink,
    LateOutputs,
    build_site,
    cancel_all,
    content_folders,
    feed_links,
    late_outputs,
    load_portal,
    theme_globals,
)
from .core.portal import Portal
from .core.preview_memory import held, keep_in_memory
from .core.profile import SiteProfile
from .core.published_html import PublishedPages, minify
from .core.rebuilds import (
    PageDigests,
    Rebuild,
    bytes_digest,
    files_digest,
    installed_versions,
    kept_outputs,
    kept_pages,
    remove_vanished,
    stale_content_pages,
    template_digest,
    vanished,
)
from .core.render_memo import current_memo
from .core.section import BuildPaths, SectionFailed
from .core.theme_css import render_colours_css
from .core.theme_values import SafeView, safe, safe_text
from .filled_minify import FilledMinifier, MinifyMismatch
from .preview import ERROR_PAGES, PREVIEW_ONLY, PREVIEW_SCRIPT, render_error_page
from .preview_watch import watch_natively
from .theme_fill import FILLED_TEMPLATE, ShellMismatch, ThemeFiller, with_filled_template
from .theme_refill import Refills
from .vietnamese.dates import build_now
from .vietnamese.numbers import format_decimal_vi

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

COLOURS_CSS = "assets/cchc-colours.css"
log = logging.getLogger("mkdocs.plugins.cchc")


class CchcConfig(base.Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="templates")
    cache_dir = c.Type(str, default=".cache")
    # Generated pages outside the menu are filled into shells of the theme (theme_fill.py);
    # `theme_check: every` compares each with the theme's own rendering (the tests do).
    fill_theme = c.Type(bool, default=True)
    theme_check = c.Choice(("first", "every"), default="first")


def menu_nav(portal: Portal, docs_dir: Path) -> list[dict[str, str]]:
    """MkDocs `nav` from the site menu: internal links become the page files they point to."""
    nav = []
    for item in portal.site.menu:
        target = item.link
        if is_external(target):
            nav.append({safe_text(item.title): target})
        elif target.endswith("/") and file_exists(docs_dir / f"{target[:-1]}.md"):
            nav.append({safe_text(item.title): f"{target[:-1]}.md"})
        else:
            nav.append({safe_text(item.title): src_uri(target)})
    return nav


def page_meta(page: PageSpec) -> dict[str, Any]:
    """What theme templates read from `page.meta` for a generated page.

    MkDocs' template environment does not autoescape, and Material writes the description
    into attributes (`content="…"`): every text is escaped here, once (theme_values.py).
    """
    meta: dict[str, Any] = {
        "title": safe_text(page.title),
        "description": safe_text(page.description),
        "hide": ["navigation", "toc"] if page.hide_toc else [],
        **safe(page.extra_meta),
    }
    if page.date:
        meta["dc_date"] = page.date
    return meta


def _guarded(event: Callable[..., Any]) -> Callable[..., Any]:
    """An event whose unforeseen failures reach MkDocs as one Vietnamese PluginError line (the
    details in a log file, guard.py), never as a traceback: also under `mkdocs serve`."""

    @functools.wraps(event)
    def run(self: CchcPlugin, *args: Any, **kwargs: Any) -> Any:
        try:
            return event(self, *args, **kwargs)
        except MkDocsException:
            raise
        except Exception as exc:
            known = os_error_message(exc) if isinstance(exc, OSError) else None
            if known is None:
                known = unforeseen_message(exc, write_log(exc, self.root, event.__name__))
            raise PluginError(known) from None

    return run


@dataclass(frozen=True)
class ThemeInputs:
    """What every page's theme templates read under `cchc`, as the data has it: on_env gives
    it to them escaped, and its repr is part of what a preview rebuild compares."""

    site: SiteProfile
    build_date: str
    feeds: Sequence[FeedLink]
    csp: str
    sections: Mapping[str, object]  # the sections' theme values (the hotline box)


class GeneratedFile(File):
    """A generated page's virtual file. In a preview's dirty rebuild MkDocs reads and writes a
    page only when its file is modified: `keep` says the last rebuild wrote this page from the
    same inputs (core/rebuilds.py), and `kept` passes that on to MkDocs. A page outside the
    menu is kept from the start (on_files): nothing else reads it. A page in the menu is read
    all the same, since every page's menu shows its metadata, and kept from on_env on, before
    MkDocs writes the pages."""

    keep = False
    kept = False
    # A preview rebuild after a change every page shows (theme_refill.py): the page is not read
    # again, and when MkDocs comes to write it, `refill` writes it from its new shell if it can
    # (True); else MkDocs writes it as usual.
    refillable = False
    refill: Callable[[GeneratedFile], bool] | None = None

    def is_modified(self) -> bool:
        if self.kept:
            return False
        return self.refill is None or not self.refill(self)


def generated_file(config: MkDocsConfig, uri: str, inclusion: InclusionLevel) -> GeneratedFile:
    """A generated page's file, and its page when it is outside the menu (menu pages get theirs,
    titled, from the nav). Empty source: the page's metadata is set in on_page_markdown and its
    HTML in on_page_content, so MkDocs parses no front matter and no Markdown for it."""
    file = GeneratedFile.generated(config, uri, content="", inclusion=inclusion)
    if inclusion is InclusionLevel.NOT_IN_NAV:
        GeneratedPage(None, file, config)
    return file


def _where(file: File) -> tuple[object, ...]:
    """What a generated file and its page take from the configuration: addresses, paths, the
    canonical and edit addresses, the build date."""
    page = file.page
    return (file.src_uri, file.dest_uri, file.url, file.abs_dest_path, page and page.canonical_url,
            page and page.abs_url, page and page.edit_url, page and page.update_date)


class PageFiles:
    """The generated pages' files. While previewing, a page outside the menu keeps the file
    and page MkDocs was given for it in the last rebuild (making 8,000 of each was a tenth of a
    rebuild): a rebuild's first such page is made anew as well and compared with the one held,
    and any difference in what they take from the configuration (the site's address, its
    folder, the build date) makes every file anew. A menu page's is always new: the nav sets
    its neighbours and parents."""

    def __init__(self, hold: bool = False) -> None:
        self.hold = hold
        self.held: dict[str, GeneratedFile] = {}
        self._now: dict[str, GeneratedFile] = {}
        self._same: bool | None = None

    def next_build(self) -> None:
        if self._now:
            self.held, self._now = self._now, {}
        self._same = None

    def file(self, config: MkDocsConfig, uri: str, inclusion: InclusionLevel) -> GeneratedFile:
        if not self.hold or inclusion is not InclusionLevel.NOT_IN_NAV:
            return generated_file(config, uri, inclusion)
        found = self.held.get(uri) if self._same is not False else None
        if found is not None and self._same is None:  # the first page held: compare
            fresh = generated_file(config, uri, inclusion)
            self._same = _where(fresh) == _where(found)
            found = found if self._same else fresh
        found = found or generated_file(config, uri, inclusion)
        self._now[uri] = found
        return found


class _ExactDirtyBuilds(logging.Filter):
    """MkDocs warns at each dirty build that it may leave stale pages. The preview's are exact
    (core/rebuilds.py); and under `strict: true` that warning alone would abort every rebuild."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    for name in ("mkdocs.commands.build", "properdocs.commands.build"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _ExactDirtyBuilds) for f in logger.filters):
            logger.addFilter(_ExactDirtyBuilds())


class GeneratedPage(Page):
    """A generated page: its HTML is ours (on_page_content), its source is empty.

    `Page.render` would build a Markdown converter with every extension to convert that empty
    source, once per page (a twentieth of a large build); this sets what it would produce.
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class CchcPlugin(BasePlugin[CchcConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.portal: Portal | None = None
        self.generated: dict[str, PageSpec] = {}
        self.generated_files: list[GeneratedFile] = []  # their files, as added to MkDocs'
        self.content_files: list[File] = []  # an editor's pages (content/), as MkDocs lists them
        self.outputs: list[OutputFile] = []
        self.later: list[LateOutputs] = []  # outputs made by workers while the pages render
        self.taken: list[str] = []  # where the pages and MkDocs' files are written
        self.theme_inputs: ThemeInputs | None = None
        self.root = Path.cwd()
        self.serving = False
        self.failure: tuple[Sequence[DataError], str] | None = None
        self.filler: ThemeFiller | None = None
        self.minifier: FilledMinifier | None = None  # pages filled by `filler`, minified
        self.published = PublishedPages(None)  # pages as published, by the page
        self.contents = PublishedPages(None, minify, "content")  # filled pages' contents
        # Preview rebuilds (serve --dirty) only: what the last finished one wrote, and what
        # this one has found so far (core/rebuilds.py).
        self.incremental = False
        self.last_rebuild: Rebuild | None = None
        self.previous_rebuild: Rebuild | None = None
        self.page_digests: dict[str, str] = {}
        self.digests = PageDigests()  # the pages' digests, by their inputs, of the last rebuild
        self.refills = Refills()  # the pages as last filled into a shell (theme_refill.py)
        self.alone = False  # no other plugin: a page refilled would miss its page events
        self.theme_digest = ""
        self.page_files = PageFiles()  # the generated pages' files (held while previewing)
        self.files: Files | None = None
        self.site_digest = ""
        self.addresses = ""  # files_digest of this rebuild's files
        self.observer: BaseObserver | None = None  # the preview's watcher (preview_watch.py)

    @_guarded
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown (with a badge) only while previewing with `mkdocs serve`.
        self.serving = command == "serve"
        self.incremental = self.serving and dirty
        self.page_files = PageFiles(hold=self.incremental)
        if self.incremental:
            quiet_dirty_warning()
            keep_in_memory()  # what unchanged files give, worked out once per preview

    @_guarded
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        collector.build_starts()
        self.stop_workers()  # of a build that ended without telling us (none should)
        self.root = Path(config.config_file_path).resolve().parent
        self.failure = None
        self.files = None
        self.generated_files, self.content_files = [], []
        self.page_digests = {}
        self.refills.next_build()
        self.alone = all(plugin is self for plugin in config.plugins.values())
        self.digests.next_build()
        self.published = PublishedPages.open(self.root / self.config.cache_dir / "html")
        self.contents = PublishedPages.open(self.root / self.config.cache_dir / "html-content",
                                            minify, "content")
        if self.serving and PREVIEW_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(PREVIEW_SCRIPT)
        try:
            self.portal = load_portal(
                self.root / self.config.data_dir,
                self.root,
                content_dir=Path(config.docs_dir),
                include_drafts=self.serving,
                cache_dir=self.root / self.config.cache_dir,
            )
        except DataErrors as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            self.fail(config, exc.errors, exc.report())
            return config
        collector.keep_out_of_sight()  # the models live until the build ends
        for notice in portal_notices(self.portal):
            log.info(notice)  # INFO, not WARNING: a notice must not fail a --strict build
        site = self.portal.site
        # Material prints these as they stand: escaped once, here (theme_values.py).
        config.site_name = safe_text(f"{site.site_title} – {site.short_name}")
        config.site_url = site.url
        config.site_description = safe_text(site.description)
        config.copyright = safe_text(site.copyright) if site.copyright else site.copyright
        config.theme["logo"] = site.logo
        config.theme["favicon"] = site.logo
        config.nav = menu_nav(self.portal, Path(config.docs_dir))
        if COLOURS_CSS not in config.extra_css:
            config.extra_css.insert(0, COLOURS_CSS)
        return config

    def fail(self, config: MkDocsConfig, errors: Sequence[DataError], report: str) -> None:
        """Preview only: build the error page instead of the site (see generators/preview.py).

        Logged at INFO: a warning would make the strict build abort, and the server would then
        keep the old pages instead of showing the error.
        """
        self.failure = (errors, report)
        config.nav = None
        config.theme.static_templates.discard("404.html")  # written by on_post_build
        log.info(report)

    @_guarded
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for name in () if self.serving else PREVIEW_ONLY:
            if (preview_file := files.get_file_from_path(name)) is not None:
                files.remove(preview_file)  # the published site neither lists nor ships them
        if self.failure is None:
            try:
                return self.add_pages(files, config)
            except PluginError as exc:
                if not self.serving:
                    raise
                self.fail(config, (), str(exc))
        for file in list(files.documentation_pages()):
            files.remove(file)
        return files

    def add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        # Sections that read their own content/ folder (the news) render it; MkDocs only lays
        # out the generated pages.
        owned = content_folders()
        for file in files.documentation_pages():  # listed once a build (self.content_files)
            if file.src_uri.split("/", 1)[0] in owned and "/" in file.src_uri:
                files.remove(file)
            else:
                self.content_files.append(file)
        content_pages = {
            f.url: frontmatter.page_title(f.content_string, f.name) for f in self.content_files
        }
        content_urls = {f.src_uri: f.url for f in self.content_files if f.src_uri.endswith(".md")}
        paths = BuildPaths(
            templates=self.root / self.config.templates_dir,
            content=Path(config.docs_dir),
            cache=self.root / self.config.cache_dir,
            root=self.root,
        )
        try:
            built = build_site(
                make_environment(paths.templates, paths.cache), self.portal,
                content_pages=content_pages,
                content_urls=content_urls, paths=paths,
            )
        except SectionFailed as exc:
            raise PluginError(str(exc)) from None
        except (DuplicatePage, UnsafePath) as exc:
            raise PluginError(f"Lỗi tạo trang: {exc}") from None
        self.later = built.later
        collector.keep_out_of_sight()  # the rendered pages, likewise
        for warning in built.warnings:
            log.warning(warning)
        self.theme_inputs = ThemeInputs(
            site=self.portal.site, build_date=build_now().date().isoformat(),
            feeds=feed_links(built.feeds), csp=CONTENT_SECURITY_POLICY,
            sections=theme_globals(self.portal),
        )
        menu = {item.link for item in self.portal.site.menu}
        self.generated = {}
        self.page_files.next_build()
        for page in built.pages:
            inclusion = InclusionLevel.INCLUDED if page.path in menu else InclusionLevel.NOT_IN_NAV
            uri = src_uri(page.path)
            self.generated_files.append(self.page_files.file(config, uri, inclusion))
            files.append(self.generated_files[-1])
            self.generated[uri] = page
            if self.incremental:
                self.page_digests[uri] = self.digests.digest(uri, page, page.path in menu)
        colours = render_colours_css(self.portal.site.colours)
        files.append(File.generated(config, COLOURS_CSS, content=colours))
        self.taken = [f.dest_uri for f in files]
        self.outputs = self.checked_outputs(built.made)
        if self.incremental:
            self.note_site(config, files, menu)
            self.keep_unchanged()
        return files

    def keep_unchanged(self) -> None:
        """A preview rebuild: mark the generated pages whose inputs are those the last rebuild
        wrote them from, so that MkDocs neither reads nor writes them (`GeneratedFile.kept`).
        Pages in the menu are read all the same: every page's menu shows their metadata.
        After a change every page shows, a page outside the menu whose own inputs are the same
        is not read either, and is refilled into its new shell (theme_refill.py)."""
        last = self.last_rebuild
        kept = kept_pages(last, self.site_digest, self.page_digests)
        refilling = (last is not None and last.theme == self.theme_digest and self.alone
                     and self.config.fill_theme)
        last_pages = last.pages if last is not None and refilling else {}
        for file in self.generated_files:
            uri = file.src_uri
            outside = file.inclusion is InclusionLevel.NOT_IN_NAV
            file.keep = uri in kept and os.path.isfile(file.abs_dest_path)
            file.refill = None
            file.refillable = (
                not file.keep and outside and uri in last_pages
                and last_pages[uri] == self.page_digests[uri]
                and self.refills.may_refill(uri, file) and os.path.isfile(file.abs_dest_path)
            )
            file.kept = (file.keep or file.refillable) and outside

    def checked_outputs(self, outputs: Sequence[OutputFile]) -> list[OutputFile]:
        """`outputs`, each on a path of its own (none on a page's); else the build fails."""
        try:
            return check_outputs(outputs, taken=self.taken)
        except OutputConflict as exc:
            self.stop_workers()
            raise PluginError(f"Lỗi tạo tệp: {exc}") from None

    def finished_outputs(self) -> list[OutputFile]:
        """Every output: those made before the pages and those the workers made meanwhile."""
        later, self.later = self.later, []
        return self.checked_outputs([*self.outputs, *late_outputs(later)])

    def stop_workers(self) -> None:
        later, self.later = self.later, []
        cancel_all(later)

    @_guarded
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.generated.get(page.file.src_uri)
        if spec is None:
            # A page an editor added to content/: its front matter reaches the theme escaped.
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = safe_text(page.meta[key])
            return markdown
        page.meta.update(page_meta(spec))
        if self.config.fill_theme and page.file.inclusion is InclusionLevel.NOT_IN_NAV:
            page.meta["template"] = FILLED_TEMPLATE
        return markdown

    @_guarded
    def on_page_context(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if page.meta.get("template") == FILLED_TEMPLATE:
            assert self.filler is not None
            try:
                context["cchc_filled_html"] = self.filler.render(context, page)
            except ShellMismatch as exc:
                raise PluginError(f"Lỗi ghép trang với giao diện: {exc}") from None
        return context

    @_guarded
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        fill = None
        if self.filler is not None and page.meta.get("template") == FILLED_TEMPLATE:
            fill, self.filler.last_fill = self.filler.last_fill, None
        if self.incremental:
            self.refills.note(page.file.src_uri, page.file, fill)
        if self.minifier is None:  # on_env makes it; a page not filled is minified whole by it
            return self.published.finish(output)
        try:
            return self.minifier.minify(output, fill=fill)
        except MinifyMismatch as exc:
            raise PluginError(f"Lỗi thu gọn trang /{page.url}: bản ghép khác bản thu gọn cả "
                              f"trang: {exc}. Hãy đặt «theme_check: first» cho plugin cchc "
                              "trong mkdocs.yml và báo cho người quản trị kỹ thuật.") from None

    @_guarded
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html is a theme template rather than a page.
        if template_name.endswith(".html"):
            return self.published.finish(output_content)
        return output_content

    @_guarded
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.generated.get(page.file.src_uri)
        # A Markdown page an editor added to content/ follows the same raw-HTML policy.
        return spec.html if spec else clean_page_html(html)

    @_guarded
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.files = files
        # From here on pages are written: a rebuild that stops leaves no record to trust.
        self.previous_rebuild, self.last_rebuild = self.last_rebuild, None
        if self.failure is not None:
            return env
        assert self.theme_inputs is not None
        env = use_template_cache(with_filled_template(env), self.root / self.config.cache_dir,
                                 "theme")
        self.filler = ThemeFiller(env, config.site_url, self.config.theme_check)
        # A filled page is composed from its shell minified once and its content minified
        # (from .cache/html-content/); only a page minified whole is kept in .cache/html/.
        self.minifier = FilledMinifier(secrets.token_hex(8), self.config.theme_check,
                                       whole=self.published.finish, content=self.minified_content)
        shown = self.theme_inputs
        # Everything an editor wrote reaches the theme's templates escaped (theme_values.py).
        env.globals["cchc"] = {
            "site": SafeView(shown.site),
            "build_date": shown.build_date,
            "feeds": [{"title": safe_text(f.title), "path": f.path, "mime_type": f.mime_type}
                      for f in shown.feeds],
            "csp": shown.csp,
            # Sections' values (the hotline box), escaped the same way.
            **{name: safe(value) for name, value in shown.sections.items()},
        }
        if self.incremental:
            kept = 0
            for file in self.generated_files:
                file.kept = file.keep  # the menu's pages have been read: now they may be kept
                kept += file.kept
                if file.refillable:
                    file.refill = self.refill_page
            if self.previous_rebuild is not None:
                written = format_decimal_vi(len(self.page_digests) - kept)
                log.info(f"Bản xem trước: tạo lại {written} trang, giữ nguyên "
                         f"{format_decimal_vi(kept)} trang không đổi")
        return env

    def refill_page(self, file: GeneratedFile) -> bool:
        """Write `file`'s page from its new shell (theme_refill.py); False: MkDocs writes it."""
        if self.filler is None or self.minifier is None:
            return False
        return self.refills.refill(file.src_uri, file.url, file.abs_dest_path,
                                   self.filler, self.minifier)

    def minified_content(self, html: str) -> str:
        """A filled page's content minified (.cache/html-content/); while previewing, held in
        memory as well, so that a change every page shows (a hotline's number) reads none of
        the 8,000 contents from disk again."""
        return held("minified-contents", html, lambda: self.contents.finish(html))

    def note_site(self, config: MkDocsConfig, files: Files, menu: set[str]) -> None:
        """A preview rebuild, before MkDocs reads the pages: the digest of what every page shows,
        and the editor's pages that its change (or no last rebuild) makes stale, whose output
        is deleted so that MkDocs reads and writes them again."""
        content = {f.src_uri: f for f in self.content_files}
        # The menu on every page shows what Material reads of the pages it links to: their
        # metadata (icon, subtitle, status), that of an editor's page from its front matter.
        menu_meta = [(uri, page_meta(spec)) for uri, spec in sorted(self.generated.items())
                     if spec.path in menu]
        menu_meta += [(uri, frontmatter.split(file.content_string)[0])
                      for uri, file in sorted(content.items())]
        self.theme_digest = make_key(
            "theme", installed_versions("mkdocs", "properdocs", "mkdocs-material"),
            bytes_digest(Path(config.config_file_path).read_bytes()),
            template_digest(self.root / self.config.templates_dir))
        self.site_digest = make_key(
            "site", self.theme_digest, repr(self.theme_inputs),
            repr((config.site_name, config.site_url, config.site_description, config.copyright,
                  config.theme["logo"], config.theme["favicon"], config.nav,
                  list(config.extra_css), [str(s) for s in config.extra_javascript])),
            repr(menu_meta),
        )
        self.addresses = files_digest((f.src_uri, f.url) for f in files)
        for uri in stale_content_pages(self.last_rebuild, self.site_digest, self.addresses,
                                       content):
            if os.path.isfile(path := content[uri].abs_dest_path):
                os.remove(path)  # MkDocs reads and writes a page whose output is missing

    def record_rebuild(self, site_dir: Path, outputs: Sequence[OutputFile],
                       extra: Sequence[str] = ()) -> list[OutputFile]:
        """After a preview rebuild: delete what is gone, remember what was written, and return
        the outputs whose bytes changed (the only ones to write)."""
        last, files = self.previous_rebuild, self.files
        assert files is not None  # on_env, which sets it, runs before on_post_build
        output_digests = {o.path: bytes_digest(o.content) for o in outputs}
        kept = kept_outputs(last, output_digests)
        written = {f.dest_uri for f in files} | set(output_digests) | set(extra)
        remove_vanished(site_dir, vanished(last, written))
        if self.failure is None:
            self.last_rebuild = Rebuild(
                site=self.site_digest,
                pages=dict(self.page_digests),
                content_pages=frozenset(f.src_uri for f in self.content_files),
                outputs=output_digests,
                written=frozenset(written),
                addresses=self.addresses,
                theme=self.theme_digest,
            )
        else:  # the error page: the next rebuild writes everything
            self.refills.forget()
            self.last_rebuild = Rebuild(site="", pages={}, written=frozenset(written))
        return [o for o in outputs
                if o.path not in kept or not (site_dir / o.path).is_file()]

    @_guarded
    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        watched = [Path(config.docs_dir)]
        if config.config_file_path:
            watched.append(Path(config.config_file_path))
        self.observer = watch_natively(server, watched, config.watch,
                                       self.root / self.config.cache_dir / "preview-watch")
        return server

    def on_build_error(self, *, error: Exception) -> None:
        self.stop_workers()
        collector.build_ended(previewing=self.incremental)

    @_guarded
    def on_shutdown(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
            self.observer = None

    @_guarded
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self.finish_build(config)
        finally:
            collector.build_ended(previewing=self.incremental)

    def finish_build(self, config: MkDocsConfig) -> None:
        """What every build ends with: its debug figures, the rebuild record, the outputs."""
        if self.filler is not None:
            log.debug(f"theme: {self.filler.filled} pages filled into "
                      f"{sum(s is not None for s in self.filler.shells.values())} shells, "
                      f"{self.filler.rendered} rendered by the theme")
        if self.minifier is not None:
            whole = sum(m is None for _, m in self.minifier.shells.values())
            log.debug(f"minify: {self.minifier.composed} pages through their shell minified "
                      f"once, {whole} of {len(self.minifier.shells)} shells minified whole; "
                      f"contents: {self.contents.hits} from the cache, "
                      f"{self.contents.misses} minified")
        if (memo := current_memo()) is not None:
            log.debug(f"renders: {memo.found} found again, {memo.made} made, "
                      f"{memo.not_keyed} not keyed")
        if self.incremental:
            log.debug(f"refilled: {self.refills.written} pages written into their new shell")
        site_dir = Path(config.site_dir)
        if self.failure is None:
            outputs = self.finished_outputs()
        else:
            self.stop_workers()
            outputs = []
        if self.incremental:
            # The theme's own pages (404.html, sitemap.xml) are written at every build.
            theirs = [*config.theme.static_templates, *(ERROR_PAGES if self.failure else ())]
            outputs = self.record_rebuild(site_dir, outputs, theirs)
        if self.failure is not None:
            errors, report = self.failure
            page = render_error_page(
                errors, csp=CONTENT_SECURITY_POLICY, base=urlsplit(config.site_url or "/").path,
                message=report,
            )
            for name in ERROR_PAGES:
                (site_dir / name).write_text(page, encoding="utf-8")
            return
        write_outputs(site_dir, outputs)
