"""Static redirect pages: one small HTML file per old address, written after the pages.

Not themed: the page must work where the theme's scripts and styles do not load, and say only
one thing. It carries the site's Content-Security-Policy first in <head>, a canonical link to the
new page's absolute address, a refresh with no delay (a timed refresh would fail WCAG 2.2.1) and
a visible link.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from jinja2 import Environment

from ...core.csp import CONTENT_SECURITY_POLICY
from ...core.links import is_external
from ...core.outputs import OutputFile
from ...core.pages import render_page
from ...core.portal import Portal
from .model import REDIRECTS, Redirect


def output_path(redirect: Redirect) -> str:
    return f"{redirect.old}index.html" if redirect.old.endswith("/") else redirect.old


def canonical(site_url: str, redirect: Redirect) -> str:
    """The new page's absolute address, without its #fragment (a canonical URL has none)."""
    if is_external(redirect.new):
        return redirect.new.split("#", 1)[0]
    return urljoin(site_url, redirect.new.lstrip("/")).split("#", 1)[0]


def redirect_files(env: Environment, portal: Portal) -> Sequence[OutputFile]:
    register = portal[REDIRECTS]
    if register is None:
        return []
    files = []
    for redirect in register.redirects:
        # render_page's link() is relative to a page *folder*; an old "x.html" sits in its parent.
        where = redirect.old if redirect.old.endswith("/") else redirect.old.rsplit("/", 1)[0] + "/"
        where = "" if where == "/" else where
        html = render_page(
            env, "redirect.html", where, redirect=redirect, site=portal.site,
            csp=CONTENT_SECURITY_POLICY, canonical=canonical(portal.site.url, redirect),
            illustrative=register.illustrative,
        )
        files.append(OutputFile(output_path(redirect), html.encode("utf-8"),
                                source=f"chuyển hướng «{redirect.old}» (data/chuyen-huong.yml)"))
    return files
