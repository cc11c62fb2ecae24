"""The MkDocs plugin `cchc`: a thin adapter between MkDocs and our core.

It uses MkDocs' public plugin API only:
- on_config: load and validate `data/` once (all errors reported together, before MkDocs
  touches the output folder), then set the site name, URL and menu from `data/site.yml`;
- on_files: render every generated page and add it as a virtual file (`File.generated`), in
  the navigation only when the menu names it;
- on_page_content: put our pre-rendered HTML in place of the (empty) Markdown body;
- on_env: give theme templates the site profile (header, footer, Dublin Core, feed links);
- on_post_build: write feeds, print PDFs and other aggregate outputs, after every page.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import minify_html
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import frontmatter
from .articles import NEWS_DIR
from .editor.page import EditorError, editor_outputs, port_from
from .errors import DataErrors
from .html_policy import clean_page_html
from .loaders import file_exists, load_portal
from .outputs import OutputConflict, OutputFile, check_outputs, write_outputs
from .portal import Portal
from .printing.fonts import FontMissing
from .printing.pdf import PrintError, PrintPaths
from .render.environment import make_environment
from .render.links import is_external, src_uri
from .render.news import NewsRender
from .render.pages import PageSpec, UnsafePath
from .render.site import (
    DuplicatePage,
    download_sizes,
    feed_links,
    generate_pages,
    site_feeds,
    site_outputs,
)
from .theme_css import render_colours_css
from .vietnamese.dates import build_now

COLOURS_CSS = "assets/cchc-colours.css"
# Only the site's own scripts, styles, images and fonts; nothing inline, nothing from elsewhere.
# data: images are the icons Material's stylesheet embeds. The same policy, with the
# directives a <meta> cannot carry, is in the example server configuration (README).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-src 'none'; base-uri 'self'; form-action 'self'"
)
log = logging.getLogger("mkdocs.plugins.cchc")


class CchcConfig(base.Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="templates")
    cache_dir = c.Type(str, default=".cache")


def menu_nav(portal: Portal, docs_dir: Path) -> list[dict[str, str]]:
    """MkDocs `nav` from the site menu: internal links become the page files they point to."""
    nav = []
    for item in portal.site.menu:
        target = item.link
        if is_external(target):
            nav.append({item.title: target})
        elif target.endswith("/") and file_exists(docs_dir / f"{target[:-1]}.md"):
            nav.append({item.title: f"{target[:-1]}.md"})
        else:
            nav.append({item.title: src_uri(target)})
    return nav


_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove `autocomplete` from Material's two hidden toggle checkboxes.

    HTML allows `autocomplete` on text-like inputs only, so the Nu Html Checker rejects these
    two; they sit in Material's base.html outside any block we could override. This is the one
    change we make to the theme's output, on exactly those two elements.
    """
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)


def finish_html(html: str) -> str:
    """A page as it is published: the toggles fixed, then minified.

    Template indentation is a fifth of a page (pages must stay light on slow links); closing
    tags and <html>/<head> are kept, so the output stays plain, valid HTML.
    """
    return minify_html.minify(
        drop_checkbox_autocomplete(html), keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
    )


def page_meta(page: PageSpec) -> dict[str, Any]:
    """What theme templates read from `page.meta` for a generated page.

    MkDocs' template environment does not autoescape, and Material writes the description
    into attributes (`content="…"`): text with quotes or "<" is escaped here, once.
    """
    meta: dict[str, Any] = {
        "title": str(escape(page.title)),
        "description": str(escape(page.description)),
        "hide": ["navigation", "toc"] if page.hide_toc else [],
        **page.extra_meta,
    }
    if page.date:
        meta["dc_date"] = page.date
    return meta


class CchcPlugin(BasePlugin[CchcConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.portal: Portal | None = None
        self.generated: dict[str, PageSpec] = {}
        self.outputs: list[OutputFile] = []
        self.feed_links: list[Any] = []
        self.root = Path.cwd()
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts are shown (with a badge) only while previewing with `mkdocs serve`.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        try:
            self.portal = load_portal(
                self.root / self.config.data_dir,
                self.root,
                content_dir=Path(config.docs_dir),
                include_drafts=self.serving,
            )
        except DataErrors as exc:
            raise PluginError(exc.report()) from None
        site = self.portal.site
        config.site_name = f"{site.site_title} – {site.short_name}"
        config.site_url = site.url
        config.site_description = site.description
        config.copyright = site.copyright
        config.theme["logo"] = site.logo
        config.theme["favicon"] = site.logo
        config.nav = menu_nav(self.portal, Path(config.docs_dir))
        if COLOURS_CSS not in config.extra_css:
            config.extra_css.insert(0, COLOURS_CSS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        # Articles are read and rendered by our core; MkDocs only lays out the generated pages.
        pages_in_news = [
            f for f in files.documentation_pages() if f.src_uri.startswith(f"{NEWS_DIR}/")
        ]
        for file in pages_in_news:
            files.remove(file)
        content_pages = {
            f.url: frontmatter.page_title(f.content_string, f.name)
            for f in files.documentation_pages()
        }
        content_urls = {
            f.src_uri: f.url for f in files.documentation_pages() if f.src_uri.endswith(".md")
        }
        env = make_environment(self.root / self.config.templates_dir)
        news = NewsRender(self.portal, content_urls)
        # Output files (feeds, search index, images, print PDFs) are made first so pages can
        # show their sizes; they are still written only after every page, in on_post_build.
        feeds = site_feeds(self.portal, news)
        self.feed_links = feed_links(feeds)
        cache = self.root / self.config.cache_dir
        prints = PrintPaths(
            templates=self.root / self.config.templates_dir,
            content=Path(config.docs_dir),
            cache=cache / "posters",
        )
        try:
            outputs = site_outputs(
                self.portal, feeds, prints,
                content_dir=Path(config.docs_dir), cache_dir=cache, news=news,
            )
        except (PrintError, FontMissing) as exc:
            raise PluginError(f"Lỗi in ấn phẩm: {exc}") from None
        try:
            outputs += editor_outputs(env, self.portal.site, self.root, port=port_from(os.environ))
        except EditorError as exc:
            raise PluginError(f"Lỗi trang soạn thảo: {exc}") from None
        try:
            pages = generate_pages(
                env, self.portal, content_pages, news=news, feeds=feeds,
                downloads=download_sizes(outputs),
            )
        except (DuplicatePage, UnsafePath) as exc:
            raise PluginError(f"Lỗi tạo trang: {exc}") from None
        for source, url in news.broken_links:
            log.warning(f"Bài viết {source}: liên kết «{url}» trỏ tới trang không tồn tại")
        menu = {item.link for item in self.portal.site.menu}
        self.generated = {}
        for page in pages:
            inclusion = InclusionLevel.INCLUDED if page.path in menu else InclusionLevel.NOT_IN_NAV
            uri = src_uri(page.path)
            # Empty source: the page's metadata is set in on_page_markdown and its HTML in
            # on_page_content, so MkDocs parses no front matter and no Markdown for it.
            files.append(File.generated(config, uri, content="", inclusion=inclusion))
            self.generated[uri] = page
        colours = render_colours_css(self.portal.site.colours)
        files.append(File.generated(config, COLOURS_CSS, content=colours))
        try:
            self.outputs = check_outputs(outputs, taken=(f.dest_uri for f in files))
        except OutputConflict as exc:
            raise PluginError(f"Lỗi tạo tệp: {exc}") from None
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        spec = self.generated.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta.update(page_meta(spec))
        return markdown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return finish_html(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html is a theme template rather than a page.
        if template_name.endswith(".html"):
            return finish_html(output_content)
        return output_content

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.generated.get(page.file.src_uri)
        # A Markdown page an editor added to content/ follows the same raw-HTML policy.
        return spec.html if spec else clean_page_html(html)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.portal is not None
        env.globals["cchc"] = {
            "site": self.portal.site,
            "build_date": build_now().date().isoformat(),
            "feeds": self.feed_links,
            "csp": CONTENT_SECURITY_POLICY,
            "hotlines": self.portal.hotlines,
        }
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_outputs(Path(config.site_dir), self.outputs)
