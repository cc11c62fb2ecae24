"""Article bodies: Markdown to HTML, with the links and images fixed for the page's URL.

An editor writes links as they see the files (`[xem](khac.md)`, `![ảnh](anh/a.jpg)`); the
article is published one folder deeper (`tin-tuc/2024/<slug>/`), so every relative URL is
resolved against the source file and made relative to the page again. Images get the resized
widths, their size and lazy loading. The result is cleaned by the raw-HTML policy of
html_policy.py: editors' raw HTML may format text, never run code.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

from markupsafe import escape

from ...core.html_policy import clean_page_html
from ...core.links import href
from ...core.markup import render_markdown
from .images import srcset, variants
from .model import Image

_URL_ATTR = re.compile(
    r'(?P<lead><(?:a|source|video)\b[^>]*?\s)(?P<attr>href|src|poster)="(?P<url>[^"]*)"'
)
_IMG = re.compile(r"<img\b[^>]*>")
_ATTRS = re.compile(r'(\w[\w-]*)="([^"]*)"')
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)

# Shown in the image's column of text: full width on phones, about 46rem on wider screens.
IMAGE_SIZES = "(max-width: 48em) 100vw, 46rem"


def resolve_target(source: str, url: str, pages: Mapping[str, str]) -> str | None:
    """Site path of a relative `url` written in content file `source`; None if unknown page."""
    path, _, _ = url.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if target.endswith(".md"):
        return pages.get(target)
    return target


def image_tag(image: Image, alt: str, page_path: str, *, lazy: bool, extra: str = "") -> str:
    """<img> with srcset, sizes, width and height, relative to the page at `page_path`."""
    options = variants(image)
    smallest = next((v for v in options if v.width >= 960), options[-1])
    loading = ' loading="lazy" decoding="async"' if lazy else ' fetchpriority="high"'
    return (
        f'<img src="{href(page_path, smallest.path)}" '
        f'srcset="{srcset(options, lambda p: href(page_path, p))}" sizes="{IMAGE_SIZES}" '
        f'width="{image.width}" height="{image.height}" alt="{escape(alt)}"{loading}{extra}>'
    )


def render_body(
    markdown_text: str,
    source: str,
    page_path: str,
    pages: Mapping[str, str],
    images: Mapping[str, Image],
    broken: Callable[[str], None] = lambda url: None,
) -> str:
    """The article's HTML for the page at `page_path`; unknown .md links are passed to `broken`."""
    html = render_markdown.unsanitised(markdown_text)  # cleaned below, once the URLs are fixed

    def fix_image(match: re.Match[str]) -> str:
        attrs = dict(_ATTRS.findall(match.group(0)))
        url = attrs.get("src", "")
        if _EXTERNAL.match(url):
            return match.group(0)
        target = resolve_target(source, url, pages)
        image = images.get(target or "")
        if image is not None:
            return image_tag(image, attrs.get("alt", ""), page_path, lazy=True)
        if target is None:
            broken(url)
            return match.group(0)
        return match.group(0).replace(f'src="{url}"', f'src="{href(page_path, target)}"')

    def fix_url(match: re.Match[str]) -> str:
        url = match.group("url")
        if _EXTERNAL.match(url):
            return match.group(0)
        if url.startswith("/"):
            target: str | None = url.lstrip("/")
        else:
            target = resolve_target(source, url, pages)
        if target is None:
            broken(url)
            return match.group(0)
        fragment = "#" + url.partition("#")[2] if "#" in url else ""
        return f'{match.group("lead")}{match.group("attr")}="{href(page_path, target)}{fragment}"'

    html = _IMG.sub(fix_image, html)
    html = _URL_ATTR.sub(fix_url, html)
    return clean_page_html(html)

