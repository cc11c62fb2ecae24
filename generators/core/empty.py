"""The page of a section with nothing published yet (a new agency's site, a register still
empty): the menu links to every section, so each has a page that says so and offers a way on."""

from __future__ import annotations

from jinja2 import Environment

from .pages import PageSpec, render_page


def empty_page(env: Environment, path: str, title: str, nothing: str) -> PageSpec:
    """`nothing` is the sentence saying what is not published yet, e.g. "Chưa có thủ tục
    hành chính nào được công bố."."""
    html = render_page(env, "empty.html", path, title=title, nothing=nothing)
    return PageSpec(path=path, title=title, html=html, description=nothing, kind="empty")
