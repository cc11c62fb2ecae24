"""News: article pages, paginated listings (all, by category, tag and year), feeds.

Articles are never in the navigation; listings and archives link to them. Each article body is
rendered once (`NewsRender.body`) and shared by its page and the feeds.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, TypeGuard
from urllib.parse import urljoin

from jinja2 import Environment

from ...core.derived_cache import DerivedCache, fingerprint, make_key
from ...core.feeds import MAX_ITEMS, Enclosure, FeedItem, FeedSpec
from ...core.history import predecessor_on
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...core.preview_memory import held, same_as_before
from ...core.render_memo import key_of, remembered
from ...core.share import share_links
from ...core.worker import Forked
from ...vietnamese.collation import sorted_vi
from ...vietnamese.dates import iso_datetime, to_vietnam_time
from ...vietnamese.text import slugify
from ..feeds.pages import FEEDS_PATH
from ..legal.citing import link_legal_references
from ..legal.model import LEGAL
from ..plans.model import PLANS, plan_by_slug
from .body import image_tag, render_body
from .images import variants
from .model import ARTICLES, Article
from .related import RelatedIndex

SECTION_PATH = "tin-tuc/"
PER_PAGE = 20
WORDS_PER_MINUTE = 200


def category_path(slug: str) -> str:
    return f"{SECTION_PATH}chuyen-muc/{slug}/"


def tag_path(tag: str) -> str:
    return f"{SECTION_PATH}the/{slugify(tag)}/"


def year_path(year: int) -> str:
    return f"{SECTION_PATH}{year}/"


def reading_minutes(article: Article) -> int:
    """Minutes to read the body (its words counted once while previewing)."""
    body = article.body_markdown
    return held("reading-minutes", body,
                lambda: max(1, math.ceil(len(body.split()) / WORDS_PER_MINUTE)))


@dataclass(frozen=True)
class Listing:
    """One page of a paginated list of articles."""

    path: str
    number: int
    count: int
    articles: Sequence[Article]
    pages: Sequence[str]  # path of every page of this list, in order

    @property
    def window(self) -> list[int | None]:
        """The page numbers the pager shows (None: a gap), see page_window."""
        return page_window(self.number, self.count)


def page_window(number: int, count: int, around: int = 2) -> list[int | None]:
    """The first and last pages, and `around` pages each side of page `number`; None marks the
    pages left out. A pager of 250 pages would otherwise repeat 250 links on each of them (the
    listings grew with the square of the site) and fill a phone's screen."""
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    window: list[int | None] = []
    for n in shown:
        if window and n - (window[-1] or 0) == 2:
            window.append(n - 1)  # one page left out is shown rather than a gap
        elif window and n - (window[-1] or 0) > 2:
            window.append(None)
        window.append(n)
    return window


def paginate(base: str, articles: Sequence[Article], per_page: int = PER_PAGE) -> list[Listing]:
    """Pages of `per_page`: the first at `base`, the next at `base`trang/2/ …"""
    count = max(1, math.ceil(len(articles) / per_page))
    paths = [base if n == 1 else f"{base}trang/{n}/" for n in range(1, count + 1)]
    return [
        Listing(paths[n - 1], n, count, articles[(n - 1) * per_page : n * per_page], paths)
        for n in range(1, count + 1)
    ]


@dataclass(frozen=True)
class CategoryNames:
    """`category_name(slug)` for the listings' templates: the names of the categories the
    articles are in, as a record of plain values (render_memo.py keys a render by them)."""

    names: tuple[tuple[str, str], ...]

    @cached_property
    def _by_slug(self) -> dict[str, str]:  # not a field: the memo keys the names alone
        return dict(self.names)

    def __call__(self, slug: str) -> str:
        return self._by_slug[slug]


def thumbnail(article: Article, page_path: str) -> str:
    """A listing's small picture of an article (its lead image, sized for the list)."""
    if not article.image:
        return ""
    return image_tag(article.image, article.meta.image_alt or "", page_path, lazy=True,
                     extra=' class="cchc-news-item__image"').replace(
        'sizes="(max-width: 48em) 100vw, 46rem"', 'sizes="(max-width: 48em) 100vw, 14rem"')


def is_rendered_body(value: object) -> TypeGuard[dict[str, Any]]:
    """A cached body has its HTML, the documents it cites and its broken links."""
    return (
        isinstance(value, dict) and isinstance(value.get("html"), str)
        and all(isinstance(value.get(k), list) and all(isinstance(v, str) for v in value[k])
                for k in ("cited", "broken"))
    )


@dataclass
class NewsRender:
    """Renders the news section of `portal`; `content_pages` maps content .md files to paths."""

    portal: Portal
    content_pages: Mapping[str, str]
    cache: DerivedCache | None = None  # rendered bodies kept between builds (.cache/bodies/)
    _bodies: dict[str, str] = field(default_factory=dict)
    _cites: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _broken: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by article source
    # Bodies rendered in a worker, by their key (render_ahead), and the keys it renders.
    _ahead: Forked[dict[str, dict[str, Any]]] | None = None
    _ahead_keys: frozenset[str] = frozenset()

    @cached_property
    def link_targets(self) -> dict[str, str]:
        """Content file → page path, for links written between pages and articles."""
        return {**self.content_pages, **{a.source: a.path for a in self.portal[ARTICLES]}}

    @cached_property
    def related(self) -> RelatedIndex:
        return RelatedIndex(self.portal[ARTICLES])

    @cached_property
    def shared_facts(self) -> str:
        """What every body derives from besides its own article: link targets, the register."""
        # Hashed once: as text it is the size of the site, and every body's key includes it.
        facts = fingerprint([sorted(self.link_targets.items()), self.portal[LEGAL]])
        return hashlib.sha256(facts.encode("utf-8")).hexdigest()

    def body_key(self, article: Article) -> str:
        return make_key("body", self.shared_facts, article.source, article.path,
                        article.body_markdown, fingerprint(sorted(article.images.items())))

    def rendered(self, article: Article, key: str) -> dict[str, Any]:
        """The body rendered, from the cache when it was rendered before (stored if not)."""
        found = self.cache.get(key) if self.cache else None
        if is_rendered_body(found):
            return found
        rendered = self.render_body(article)
        if self.cache:
            self.cache.put(key, rendered)
        return rendered

    def render_ahead(self, articles: Sequence[Article]) -> None:
        """Render these bodies in a worker (core/worker.py) while the pages before them render
        (a cold build spends a sixth of its time in bodies). A body asked for before the worker
        is done is rendered here all the same: nothing waits for it."""
        keyed = {self.body_key(a): a for a in articles}
        self._ahead_keys = frozenset(keyed)
        self._ahead = Forked.start(
            lambda: {key: self.rendered(article, key) for key, article in keyed.items()})

    def _rendered_ahead(self, key: str) -> dict[str, Any] | None:
        if self._ahead is None or key not in self._ahead_keys or not self._ahead.ready():
            return None
        return self._ahead.result().get(key)

    def body(self, article: Article) -> str:
        """The article's HTML, with registered legal documents linked to the register."""
        if article.source not in self._bodies:
            key = self.body_key(article)
            rendered = self._rendered_ahead(key) or self.rendered(article, key)
            self._note_body(article.source, rendered["html"], tuple(rendered["cited"]),
                            tuple(rendered["broken"]))
        return self._bodies[article.source]

    def _note_body(self, source: str, html: str, cited: tuple[str, ...],
                   broken: tuple[str, ...]) -> None:
        self._bodies[source], self._cites[source], self._broken[source] = html, cited, broken

    @property
    def broken_links(self) -> list[tuple[str, str]]:
        """(article source, link) for each link of a body to a page that does not exist."""
        return [(source, url) for source, urls in self._broken.items() for url in urls]

    def render_body(self, article: Article) -> dict[str, Any]:
        broken: list[str] = []
        html = render_body(
            article.body_markdown, article.source, article.path, self.link_targets,
            article.images, broken=broken.append,
        )
        linked = link_legal_references(html, self.portal[LEGAL], article.path)
        return {"html": linked.html, "cited": list(linked.cited), "broken": broken}

    def category_name(self, slug: str) -> str:
        found = self.portal.site.category(slug)
        return found.name if found else slug

    @cached_property
    def category_names(self) -> CategoryNames:
        return CategoryNames(tuple((slug, self.category_name(slug))
                                   for slug in sorted({a.category for a in self.portal[ARTICLES]})))

    # Pages ---------------------------------------------------------------------------------

    @cached_property
    def page_facts(self) -> tuple[object, ...]:
        """What an article's page shows besides its own article, its neighbours and the related
        articles: the plans its tasks are in, the site, what every body derives from."""
        return (tuple(self.portal[PLANS]), self.portal.site, self.shared_facts)

    @cached_property
    def page_facts_key(self) -> object:
        """`page_facts` as the preview compares it from one rebuild to the next (key_of)."""
        return key_of(self.page_facts)

    def article_page(
        self,
        env: Environment,
        article: Article,
        previous: Article | None,
        following: Article | None,
    ) -> PageSpec:
        """The article's page; while previewing, the one made before from the same articles
        and facts: the last rebuild's when they are the same (preview_memory.same_as_before),
        else one found by its key (render_memo.py: the articles held unchanged are keyed at
        once), so that saving one article does not work out 5,000 pages' arguments again."""
        related = tuple(self.related.related(article))
        # Compared at once when nothing changed (the same objects), before any key is made;
        # the environment and the facts (the plans are made anew at each build) by their keys.
        inputs = (key_of(env), article, previous, following, related, self.page_facts_key)
        page, body, cited, broken = same_as_before(
            "article-pages", article.source, inputs,
            lambda: remembered(("article-page", article.source), {
                "env": env, "article": article, "previous": previous, "following": following,
                "related": related, "facts": self.page_facts,
            }, lambda: self._article_page(env, article, previous, following, related)))
        if article.source not in self._bodies:  # its links are reported at every build
            self._note_body(article.source, body, cited, broken)
        return page

    def _article_page(
        self,
        env: Environment,
        article: Article,
        previous: Article | None,
        following: Article | None,
        related: Sequence[Article],
    ) -> tuple[PageSpec, str, tuple[str, ...], tuple[str, ...]]:
        site = self.portal.site
        lead = (
            image_tag(article.image, article.meta.image_alt or "", article.path, lazy=False)
            if article.image
            else ""
        )
        served = []
        for plan_slug, task_id in article.plan_refs:
            plan = plan_by_slug(self.portal[PLANS], plan_slug)
            if plan is not None:
                served.append((plan, plan.task_by_id[task_id]))
        body = self.body(article)
        html = render_page(
            env, "article.html", article.path,
            article=article, meta=article.meta, body=body, lead=lead,
            category_name=self.category_name(article.category),
            category_path=category_path(article.category), tag_path=tag_path,
            minutes=reading_minutes(article), served=served, previous=previous,
            following=following, iso=iso_datetime,
            related=related,
            share=share_links(urljoin(site.url, article.path), article.meta.title),
            issued_by=predecessor_on(site.predecessors,
                                     to_vietnam_time(article.published).date()),
            site=site,
        )
        extra = {"og_type": "article", "published": iso_datetime(article.published)}
        if article.image:
            share = next((v for v in variants(article.image) if v.width >= 960),
                         variants(article.image)[-1])
            extra["og_image"] = urljoin(site.url, share.path)
            extra["og_image_alt"] = article.meta.image_alt or ""
        page = PageSpec(
            path=article.path, title=article.meta.title, html=html,
            description=article.meta.summary, date=article.published.date().isoformat(),
            kind="article", extra_meta=extra, cites=self._cites[article.source],
        )
        return page, body, self._cites[article.source], self._broken[article.source]

    def listing_pages(
        self, env: Environment, base: str, title: str, description: str,
        articles: Sequence[Article], feed: str | None = None,
    ) -> list[PageSpec]:
        pages = []
        categories = self.portal.site.categories if base == SECTION_PATH else []
        for listing in paginate(base, articles):
            heading = title if listing.number == 1 else f"{title} – trang {listing.number}"
            # While previewing, the last rebuild's page when it lists the very same articles
            # under the same texts (compared at once), before any key is made (render_memo.py).
            inputs = (key_of(env), heading, description, listing, feed, self.category_names,
                      categories)
            html = same_as_before("listing-pages", listing.path, inputs, partial(
                render_page, env, "news_list.html", listing.path,
                heading=heading, description=description, listing=listing, feed=feed,
                category_name=self.category_names, category_path=category_path,
                thumbnail=thumbnail, iso=iso_datetime, categories=categories,
            ))
            pages.append(PageSpec(path=listing.path, title=heading, html=html,
                                  description=description, kind="news-list"))
        return pages

    def pages(self, env: Environment) -> list[PageSpec]:
        articles = self.portal[ARTICLES]
        pages = []
        for index, article in enumerate(articles):
            newer = articles[index - 1] if index > 0 else None
            older = articles[index + 1] if index + 1 < len(articles) else None
            pages.append(self.article_page(env, article, older, newer))
        site = self.portal.site
        pages += self.listing_pages(
            env, SECTION_PATH, "Tin tức cải cách hành chính",
            f"Tin, bài về cải cách hành chính của {site.name}.", articles, feed="rss.xml",
        )
        for category in site.categories:
            chosen = [a for a in articles if a.category == category.slug]
            pages += self.listing_pages(
                env, category_path(category.slug), category.name,
                category.description or f"Tin, bài chuyên mục {category.name}.", chosen,
                feed=f"{category_path(category.slug)}rss.xml",
            )
        for tag, chosen in self.by_tag().items():
            pages += self.listing_pages(env, tag_path(tag), f"Từ khóa: {tag}",
                                        f"Tin, bài gắn từ khóa {tag}.", chosen)
        for year in sorted({a.year for a in articles}, reverse=True):
            chosen = [a for a in articles if a.year == year]
            pages += self.listing_pages(env, year_path(year), f"Tin tức năm {year}",
                                        f"Tin, bài cải cách hành chính năm {year}.", chosen)
        return pages

    def by_tag(self) -> dict[str, list[Article]]:
        tags: dict[str, list[Article]] = {}
        for article in self.portal[ARTICLES]:
            for tag in article.meta.tags:
                tags.setdefault(tag, []).append(article)
        return {tag: tags[tag] for tag in sorted_vi(tags)}

    def section(self) -> SiteSection:
        site = self.portal.site
        years = sorted({a.year for a in self.portal[ARTICLES]}, reverse=True)
        children = [SiteSection(c.name, category_path(c.slug)) for c in site.categories]
        children += [SiteSection(f"Năm {y}", year_path(y)) for y in years]
        children.append(SiteSection("Nguồn tin RSS, Atom cho cổng thông tin khác", FEEDS_PATH))
        return SiteSection("Tin tức", SECTION_PATH, children)

    # Feeds ---------------------------------------------------------------------------------

    def feed_item(self, article: Article) -> FeedItem:
        """The article as a feed item; while previewing, the very item of the last rebuild when
        the article and its body are the same (render_memo.py keys it at once then)."""
        body = self.body(article)
        return same_as_before(
            "feed-items", article.source,
            (article, body, self.category_name(article.category), self.portal.site.url),
            lambda: self._feed_item(article))

    def _feed_item(self, article: Article) -> FeedItem:
        site = self.portal.site
        url = urljoin(site.url, article.path)
        enclosure = None
        if article.image:
            enclosure = Enclosure(urljoin(site.url, article.image.source),
                                  article.image.byte_length, article.image.mime_type)
        content = self.body(article)
        if article.image:
            content = image_tag(article.image, article.meta.image_alt or "", article.path,
                                lazy=False) + content
        return FeedItem(
            title=article.meta.title, url=url, published=article.published,
            summary=article.meta.summary, content_html=content, updated=article.meta.updated,
            categories=(self.category_name(article.category), *article.meta.tags),
            author=article.meta.author, enclosure=enclosure,
        )

    def feeds(self) -> list[FeedSpec]:
        site = self.portal.site
        articles = [a for a in self.portal[ARTICLES] if not a.meta.draft]
        items = [self.feed_item(a) for a in articles[:MAX_ITEMS]]
        logo = urljoin(site.url, site.logo)
        title = f"Tin cải cách hành chính – {site.name}"
        description = f"Tin, bài về cải cách hành chính của {site.name}."
        page = urljoin(site.url, SECTION_PATH)
        feeds = [
            FeedSpec("rss.xml", "rss", title, description, page, items, logo),
            FeedSpec("atom.xml", "atom", title, description, page, items, logo),
        ]
        for category in site.categories:
            newest = [a for a in articles if a.category == category.slug][:MAX_ITEMS]
            chosen = [self.feed_item(a) for a in newest]
            feeds.append(FeedSpec(
                f"{category_path(category.slug)}rss.xml", "rss",
                f"{category.name} – {site.name}",
                category.description or f"Tin, bài chuyên mục {category.name}.",
                urljoin(site.url, category_path(category.slug)), chosen, logo, announce=False,
            ))
        return feeds
