"""Theme pages made once per kind of page, then filled in: the MkDocs side of generated pages.

Material renders the same header, menu, tabs, banner and footer for each of thousands of
articles and procedures; at 5,000 articles that was a third of the build. Pages that can only
differ in their texts, address and content share one *shell*: the theme's own template rendered
once for a stand-in of the page whose texts are markers; each page is the shell with its values
put in place of the markers. The output is the theme's, byte for byte, because:

- pages share a shell only when everything the templates branch on is the same: the folder they
  are in (links are relative), being outside the menu, which metadata keys are set (and the
  value of those that are not text, such as `hide`), whether the content has its own <h1>;
- a page is filled only when each of its texts prints the same under the filters the templates
  apply to it (`striptags`, `e`), its address is the canonical one and the theme links to
  nothing at or under it (a link from a page to itself, such as the banner's search form on
  /tim-kiem/, is written differently); otherwise it is rendered by the theme as usual;
- the first page of every shell is also rendered by the theme and the two compared; if they
  differ (a theme we do not know), that shell is dropped and its pages rendered as usual;
- then one page in SAMPLE_EVERY of each shell is compared too (a customised template that
  branches on a text's value would show here), and a difference stops the build with a message
  saying how to turn filling off. With `check="every"` (the tests) every page is compared.

Uses only what MkDocs gives a plugin: the page's template context (`on_page_context`) and the
Jinja environment (`on_env`).
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple
from urllib.parse import urljoin, urlsplit

from jinja2 import ChoiceLoader, DictLoader
from markupsafe import Markup, escape

THEME_TEMPLATE = "main.html"
FILLED_TEMPLATE = "cchc-filled.html"  # prints `cchc_filled_html`, set in on_page_context
Check = Literal["first", "every"]
SAMPLE_EVERY = 50  # with check="first", one filled page in this many is compared as well


class ShellMismatch(Exception):
    """A filled page differs from the theme's own rendering (found by a sampled or full check)."""


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its markers: literal text and the names of the values between."""

    parts: tuple[str, ...]  # literal, slot, literal, slot, …, literal
    targets: frozenset[str] = frozenset()  # site paths the theme links to, e.g. "tim-kiem/"

    def links_under(self, url: str) -> bool:
        """True when the theme links to `url` ("a/b/") or below it."""
        if url.endswith("/") and url != "/":
            return url in self._folders_linked
        return any(f"{target}/".startswith(url) for target in self.targets)

    @functools.cached_property
    def _folders_linked(self) -> frozenset[str]:
        """Every address ending in "/" at or above a target ("a/", "a/b/" for "a/b"): asked
        for each of 8,000 pages, against a shell's hundred links."""
        found = set()
        for target in self.targets:
            parts = f"{target}/".split("/")[:-1]
            found.update("/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1))
        return frozenset(found)

    def fill(self, values: Mapping[str, str]) -> str:
        parts = list(self.parts)
        for n in range(1, len(parts), 2):
            parts[n] = values[parts[n]]
        return "".join(parts)


class Fill(NamedTuple):
    """A page filled into its shell: the shell, its values, the page they made, and the key
    of its shell among the filler's (`ThemeFiller.shells`)."""

    shell: Shell
    values: dict[str, str]
    html: str
    key: tuple[object, ...] = ()


_LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')


def link_targets(rendered: str, url: str) -> frozenset[str]:
    """The site paths (no leading slash) of the relative links in a page rendered at `url`."""
    base = "http://site.invalid/"
    found = set()
    for link in _LINK.findall(rendered):
        joined = urlsplit(urljoin(base + url, link))
        if joined.netloc == "site.invalid":
            found.add(joined.path.removeprefix("/").rstrip("/"))
    return frozenset(found)


def cut(rendered: str, markers: Mapping[str, str], url: str) -> Shell:
    """`rendered` (the page at `url`) split at every marker (name → marker text)."""
    by_marker = {marker: name for name, marker in markers.items()}
    pattern = re.compile("|".join(re.escape(m) for m in sorted(by_marker, key=len, reverse=True)))
    parts: list[str] = []
    position = 0
    for found in pattern.finditer(rendered):
        parts += [rendered[position:found.start()], by_marker[found.group()]]
        position = found.end()
    parts.append(rendered[position:])
    return Shell(tuple(parts), link_targets(rendered, url))


@functools.lru_cache(maxsize=65536, typed=True)  # typed: Markup("&amp;") is not "&amp;"
def prints_as_itself(value: str) -> bool:
    """True when the templates' filters leave `value` as it is: it is escaped text (Markup, or
    a plain text with nothing to escape, such as a date) and `striptags | e` gives it back (no
    tags, no runs of spaces or line breaks)."""
    markup = value if isinstance(value, Markup) else escape(value)
    return str(markup) == str(value) and str(escape(markup.striptags())) == str(value)


class _StandIn:
    """The page as the theme sees it, with some attributes replaced (the markers)."""

    def __init__(self, page: Any, **replaced: Any) -> None:
        self.__dict__["_page"] = page
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_page"], name)


@dataclass
class ThemeFiller:
    """Renders generated pages outside the menu through shells (see the module docstring)."""

    env: Any  # MkDocs' Jinja environment
    site_url: str | None
    check: Check = "first"
    shells: dict[tuple[object, ...], Shell | None] = field(default_factory=dict)
    filled: int = 0
    rendered: int = 0
    # The page `render` last filled, with its shell and values (None: the theme rendered it).
    last_fill: Fill | None = None
    _token: str = field(default_factory=lambda: secrets.token_hex(8))

    def marker(self, name: str) -> str:
        return f"cchc{self._token}{name}x"

    def render(self, context: MutableMapping[str, Any], page: Any) -> str:
        """The page's HTML as the theme would render it."""
        self.last_fill = None
        place = self._parent_and_name(page.url)
        values = self._values(page, place[1]) if place else None
        if place is None or values is None:
            return self._theme(context)
        key = self._key(page, place[0])
        if key not in self.shells:
            shell = self._make_shell(context, page, key)
            theirs = self._theme(context)
            if not shell.links_under(page.url):  # else the next page of this kind decides
                self.shells[key] = shell if shell.fill(values) == theirs else None
            return theirs
        shell = self.shells[key]
        if shell is None or shell.links_under(page.url):
            return self._theme(context)
        html = shell.fill(values)
        self.filled += 1
        sampled = self.check == "every" or self.filled % SAMPLE_EVERY == 0
        if sampled and html != (theirs := self._theme(context)):
            raise ShellMismatch(_first_difference(page.url, html, theirs))
        self.last_fill = Fill(shell, values, html, key)
        return html

    def _theme(self, context: Mapping[str, Any]) -> str:
        self.rendered += 1
        return self.env.get_template(THEME_TEMPLATE).render(context)

    @staticmethod
    def _parent_and_name(url: str) -> tuple[str, str] | None:
        if not url.endswith("/") or url == "/":
            return None
        parent, _, name = url[:-1].rpartition("/")
        return (f"{parent}/" if parent else "", name)

    def _canonical(self, url: str) -> str | None:
        """The canonical address MkDocs gives a page at `url`."""
        return _joined(self.site_url, url) if self.site_url else None

    def _values(self, page: Any, name: str) -> dict[str, str] | None:
        """The page's values by slot name (`name`: the last part of its address), or None when
        the page must be rendered by the theme."""
        meta = page.meta
        if page.title != meta.get("title") or not page.content:
            return None
        if page.canonical_url != self._canonical(page.url):
            return None
        values = {"content": page.content, "name": name}
        for key, value in meta.items():
            if _is_text(key, value):
                if not prints_as_itself(value):
                    return None
                values[f"meta-{key}"] = value
        return values

    def _key(self, page: Any, parent: str) -> tuple[object, ...]:
        layout = tuple(sorted(
            (key, bool(value) if isinstance(value, str) else repr(value))
            for key, value in page.meta.items() if key != "template"
        ))
        return (parent, "\u003ch1" in page.content, layout)

    def _make_shell(self, context: MutableMapping[str, Any], page: Any,
                    key: tuple[object, ...]) -> Shell:
        parent, has_h1, _ = key
        markers = {"content": self.marker("content"), "name": self.marker("name")}
        meta: dict[str, Any] = {}
        for name, value in page.meta.items():
            if _is_text(name, value):  # empty texts stay empty: templates test them (see _key)
                markers[f"meta-{name}"] = self.marker(f"meta{len(markers)}")
                meta[name] = Markup(markers[f"meta-{name}"])
            else:
                meta[name] = value
        content = markers["content"] + ("\u003ch1" if has_h1 else "")
        url = f"{parent}{markers['name']}/"
        stand_in = _StandIn(
            page, meta=meta, title=meta.get("title"), content=content, url=url,
            canonical_url=self._canonical(url),
        )
        rendered = self.env.get_template(THEME_TEMPLATE).render({**context, "page": stand_in})
        if has_h1:
            rendered = rendered.replace(content, markers["content"])
        return cut(rendered, markers, url)


@functools.lru_cache(maxsize=65536)  # a preview rebuild asks again for every page
def _joined(base: str, url: str) -> str:
    return urljoin(base, url)


def with_filled_template(env: Any) -> Any:
    """`env` able to load FILLED_TEMPLATE, which only prints the page we made. It is given here,
    not in templates/, so an agency's older copy of templates/ still builds."""
    env.loader = ChoiceLoader([DictLoader({FILLED_TEMPLATE: "{{ cchc_filled_html }}"}),
                               env.loader])
    return env


def _is_text(key: str, value: object) -> bool:
    """A metadata value that is filled in (a non-empty text); the rest shape the shell."""
    return isinstance(value, str) and bool(value) and key != "template"


def where_they_differ(ours: str, theirs: str) -> str:
    """Where two renderings of a page part, and the text around it in each (for messages)."""
    at = next((n for n, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
              min(len(ours), len(theirs)))
    return (f"từ ký tự {at}: «{ours[max(0, at - 60):at + 60]}» ≠ "
            f"«{theirs[max(0, at - 60):at + 60]}»")


def _first_difference(url: str, ours: str, theirs: str) -> str:
    return (f"trang /{url}: bản ghép khác bản của giao diện {where_they_differ(ours, theirs)}. "
            "Mẫu giao diện (templates/) có lẽ đã được sửa theo cách chưa hỗ trợ: hãy đặt "
            "«fill_theme: false» cho plugin cchc trong mkdocs.yml và báo cho người quản trị "
            "kỹ thuật.")
