"""The human site map (Sơ đồ trang) required by Thông tư 32/2017/TT-BTTTT."""

from __future__ import annotations

from jinja2 import Environment

from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal

SITEMAP_PATH = "so-do-trang/"


def sitemap_page(env: Environment, portal: Portal, sections: list[SiteSection]) -> PageSpec:
    html = render_page(env, "sitemap.html", SITEMAP_PATH, sections=sections, site=portal.site)
    return PageSpec(
        path=SITEMAP_PATH,
        title="Sơ đồ trang",
        html=html,
        description=f"Tất cả các mục của {portal.site.site_title} – {portal.site.name}.",
        kind="sitemap",
    )
