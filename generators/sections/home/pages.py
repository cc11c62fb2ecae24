"""The home page: yearly theme, quick links, latest plans (and latest news once it exists)."""

from __future__ import annotations

from jinja2 import Environment

from ...core.pages import PageSpec, render_page
from ...core.portal import Portal
from ...vietnamese.dates import build_now
from ..news.model import ARTICLES
from ..plans.model import PLANS, plans_newest_first
from ..plans.pages import plan_path
from .blocks import home_blocks


def home_page(env: Environment, portal: Portal) -> PageSpec:
    site = portal.site
    year = build_now().year
    theme = site.theme_for(year)
    html = render_page(
        env,
        "home.html",
        "",
        site=site,
        theme=theme,
        plans=plans_newest_first(portal[PLANS])[:5],
        plan_path=plan_path,
        articles=[a for a in portal[ARTICLES] if not a.meta.draft][:6],
        blocks=home_blocks(portal),
    )
    return PageSpec(path="", title=site.site_title, html=html, description=site.description,
                    kind="home")
