"""The feeds page (/nguon-tin/): every feed of the site, for provincial portals to pull."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from jinja2 import Environment

from ...core.feeds import FeedSpec
from ...core.pages import PageSpec, render_page
from ...core.portal import Portal

FEEDS_PATH = "nguon-tin/"


def feeds_page(env: Environment, portal: Portal, feeds: Sequence[FeedSpec]) -> PageSpec:
    html = render_page(env, "feeds.html", FEEDS_PATH, feeds=feeds, site=portal.site,
                       absolute=lambda path: urljoin(portal.site.url, path))
    return PageSpec(
        path=FEEDS_PATH, title="Nguồn tin RSS, Atom", html=html,
        description="Địa chỉ các nguồn tin RSS và Atom để cổng thông tin điện tử khác lấy tin.",
        kind="feeds",
    )
