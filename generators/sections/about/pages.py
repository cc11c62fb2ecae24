"""The About page (Giới thiệu, /gioi-thieu/), from `data/site.yml`: functions, leaders,
organisation and contacts, with the organisation and contacts in English too (Nghị định
42/2022/NĐ-CP)."""

from __future__ import annotations

from jinja2 import Environment

from ...core.pages import PageSpec, render_page
from ...core.portal import Portal
from ...vietnamese.phones import parse_phone
from ..hotlines.model import HOTLINES

ABOUT_PATH = "gioi-thieu/"


def tel_link(number: str) -> str:
    return parse_phone(number).tel


def international(number: str) -> str:
    return parse_phone(number).international_written


def about_page(env: Environment, portal: Portal) -> PageSpec:
    site = portal.site
    html = render_page(
        env,
        "about.html",
        ABOUT_PATH,
        site=site,
        tel=tel_link,
        intl=international,
        has_hotlines=portal[HOTLINES] is not None,
    )
    return PageSpec(
        path=ABOUT_PATH,
        title="Giới thiệu",
        html=html,
        description=f"Chức năng, nhiệm vụ, lãnh đạo, cơ cấu tổ chức và thông tin liên hệ của "
        f"{site.name}.",
        kind="about",
    )
