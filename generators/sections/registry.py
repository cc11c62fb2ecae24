"""The sections of the portal, in order: the one place that lists them.

The pipeline asks them everything in this order, so the order is what the site shows: pages
and search records in this order, feeds in this order on /nguon-tin/ and in every page's
<head>, collections in this order in the web editor (the news first: the editor opens there).
Two rules bind it: the legal register lists where its documents are cited, so it comes after
every section whose pages cite them; the feeds page, the search page and the site map only
present what the others declared, so they come last.

A new content type is a new package under `generators/sections/` and one line here.
"""

from __future__ import annotations

from ..core.section import Section
from .about.section import SECTION as ABOUT
from .editor.section import SECTION as EDITOR
from .feeds.section import SECTION as FEEDS
from .home.section import SECTION as HOME
from .hotlines.section import SECTION as HOTLINES
from .indices.section import SECTION as INDICES
from .legal.section import SECTION as LEGAL
from .news.section import SECTION as NEWS
from .plans.section import SECTION as PLANS
from .posters.section import SECTION as POSTERS
from .procedures.section import SECTION as PROCEDURES
from .questions.section import SECTION as QUESTIONS
from .quiz.section import SECTION as QUIZ
from .redirects.section import SECTION as REDIRECTS
from .reports.section import SECTION as REPORTS
from .search_page.section import SECTION as SEARCH
from .site_map.section import SECTION as SITE_MAP
from .videos.section import SECTION as VIDEOS

SECTIONS: tuple[Section, ...] = (
    HOME,
    NEWS,
    PLANS,
    QUESTIONS,
    PROCEDURES,
    VIDEOS,
    HOTLINES,
    POSTERS,
    REPORTS,
    INDICES,
    QUIZ,
    ABOUT,
    LEGAL,
    REDIRECTS,
    FEEDS,
    SEARCH,
    SITE_MAP,
    EDITOR,
)
