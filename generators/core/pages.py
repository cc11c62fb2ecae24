"""Generated pages as plain data: where each goes, what it says, whether it is in the menu."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field

from jinja2 import Environment

from .links import href, root_prefix
from .outputs import shown_path, unsafe_segments
from .render_memo import remembered


@dataclass(frozen=True)
class PageSpec:
    """A page to publish at `path` ("" is the home page, "ke-hoach/" a section)."""

    path: str
    title: str
    html: str
    description: str
    date: str | None = None
    kind: str = "page"
    hide_toc: bool = True
    extra_meta: dict[str, str] = field(default_factory=dict)
    # Page slugs of the legal documents this page links to (see render/legal_links.py).
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteSection:
    """One entry of the human site map, with the pages beneath it."""

    title: str
    link: str
    children: list[SiteSection] = field(default_factory=list)


class UnsafePath(ValueError):
    pass


@functools.lru_cache(maxsize=65536)  # a preview checks the same thousands of paths each time
def check_path(path: str) -> str:
    """Refuse a page path that could write outside the site folder or is not a directory URL."""
    if path == "":
        return path
    normal = posixpath.normpath(path)
    if (
        path.startswith("/")
        or "\\" in path
        or normal.startswith("..")
        or ".." in path.split("/")
        or not path.endswith("/")
        or any(ch in path for ch in "\0?#")
        or unsafe_segments(path[:-1])
    ):
        raise UnsafePath(f"đường dẫn trang không an toàn: «{shown_path(path)}»")
    return path


def render_page(env: Environment, template: str, path: str, **context: object) -> str:
    """Render `template` for the page at `path`, giving it `root` and a `link()` helper (while
    previewing, the render of equal values is given again: render_memo.py)."""

    def render() -> str:
        return env.get_template(template).render(
            root=root_prefix(path), link=lambda target: href(path, target), **context
        )

    return remembered(("page", template, path), {"\0environment": env, **context}, render)
