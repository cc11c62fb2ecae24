"""The home page: yearly theme, quick links, latest plans (and latest news once it exists)."""

from __future__ import annotations

from jinja2 import Environment

from ..home_blocks import home_blocks
from ..portal import Portal
from ..vietnamese.dates import build_now
from .pages import PageSpec, render_page
from .plans import plan_path


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
        plans=portal.plans_newest_first()[:5],
        plan_path=plan_path,
        articles=[a for a in portal.articles if not a.meta.draft][:6],
        blocks=home_blocks(portal),
    )
    return PageSpec(path="", title=site.site_title, html=html, description=site.description,
                    kind="home")
