"""Print-ready PDFs (WeasyPrint) and their thumbnails (pypdfium2), cached by content.

A print is re-rendered only when something that shapes it changed: the document WeasyPrint
reads (data, template, stylesheets, logo, QR code, fitted sizes are all in it), the font files,
or the renderers' versions (WeasyPrint's, PDFium's, and the system's HarfBuzz, Pango and font
subsetter: printing/renderer.py). The cache key is a hash of all of these; the cache is a folder of
`<key>.pdf` and `<key>.png` (by default `.cache/posters/` in the project, git-ignored).
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import mimetypes
import os
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pypdfium2
from jinja2 import Environment
from markupsafe import Markup

from ...core.outputs import OutputFile
from ...core.profile import SiteProfile
from ...printing.fonts import FAMILY, font_face_css, fonts_digest
from ...printing.renderer import renderer_versions
from ...vietnamese.numbers import format_decimal_vi, format_file_size
from .layout import layout_css
from .model import Poster, PrintFormat
from .pages import (
    Artwork,
    artwork,
    colour_css,
    pdf_path,
    poster_description,
    poster_title,
    thumbnail_path,
)

log = logging.getLogger("mkdocs.plugins.cchc")

# Bump when the way PDFs or thumbnails are made changes without the document changing.
RENDER_VERSION = "1"
THUMBNAIL_BOX = (480, 600)  # the largest a thumbnail may be, in pixels
THUMBNAIL_COLOURS = 64


class PrintError(RuntimeError):
    pass


@dataclass(frozen=True)
class PrintPaths:
    """Where a build finds the templates, the content (logos) and keeps its cache."""

    templates: Path
    content: Path
    cache: Path


def thumbnail_size(fmt: PrintFormat) -> tuple[int, int]:
    """Pixel size of the thumbnail of the first side: the format scaled into THUMBNAIL_BOX."""
    box_w, box_h = THUMBNAIL_BOX
    scale = min(box_w / fmt.width, box_h / fmt.height)
    return max(1, round(fmt.width * scale)), max(1, round(fmt.height * scale))


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


# WeasyPrint lays out every flex item's content once more to find its automatic minimum size
# (min-width and min-height `auto`), in both axes and at every level of nested boxes: most of a
# print's time. layout.py sizes every box to fit its text, so those minimums never bind: with
# zero minimums the sheets come out the same in half the time (rasterised, the demo's prints and
# prints with overlong slogans and points are equal pixel for pixel, but for one block of text
# moved by 0.03 pt). The PDF's rule only: the web preview keeps the browser's.
NO_AUTOMATIC_MINIMUMS = ".cchc-sheet * { min-width: 0; min-height: 0; }\n"


def pdf_css(art: Artwork, site: SiteProfile, artwork_css: str) -> str:
    """Fonts, the shared artwork styles and this print's sizes, for a full-size sheet."""
    fmt, bleed = art.poster.format, art.poster.doc.bleed
    colours = art.poster.colours(site)
    return (
        font_face_css()
        + artwork_css
        + NO_AUTOMATIC_MINIMUMS
        + colour_css(art.poster, site)
        + f'.cchc-sheet {{ font-family: "{FAMILY}"; }}\n'
        + f"@page {{ size: {fmt.width}mm {fmt.height}mm; margin: 0; bleed: {bleed}mm; "
        f"background: {colours.background}; }}\n"
        # The sheet runs into the bleed on every side so backgrounds reach the cut.
        + f".cchc-sheet {{ width: {fmt.width + 2 * bleed}mm; height: {fmt.height + 2 * bleed}mm;"
        f" margin: -{bleed}mm; padding: {bleed}mm; }}\n"
        + layout_css(art.layout, "mm")
    )


def print_document(env: Environment, art: Artwork, site: SiteProfile, paths: PrintPaths) -> str:
    """The HTML WeasyPrint sets; the logo inlined, so the document is the whole input."""
    logo = paths.content / art.poster.logo(site)
    if not logo.is_file():
        raise PrintError(f"không thấy logo content/{art.poster.logo(site)}")
    artwork_css = (paths.templates / "assets" / "cchc-poster.css").read_text(encoding="utf-8")
    return env.get_template("poster_print.html").render(
        art=art,
        poster=art.poster,
        title=poster_title(art.poster),
        description=poster_description(art.poster),
        issuer=art.poster.issuer(site).name,
        # Our own stylesheet text: autoescaping would break its quotes.
        css=Markup(pdf_css(art, site, artwork_css)),
        logo=_data_uri(logo),
    )


def render_pdf(document: str) -> bytes:
    """The PDF of `document` (weasy.py; WeasyPrint loads only when a print is made)."""
    from .weasy import render_pdf as render

    return render(document)


def render_thumbnail(pdf: bytes, fmt: PrintFormat) -> bytes:
    """First page, cut at the trim box (no bleed), as a small palette PNG."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        left, bottom, right, top = page.get_mediabox()
        t_left, t_bottom, t_right, t_top = page.get_trimbox()
        width, _ = thumbnail_size(fmt)
        scale = width / (t_right - t_left)
        bitmap = page.render(
            scale=scale,
            crop=(t_left - left, t_bottom - bottom, right - t_right, top - t_top),
        )
        image = bitmap.to_pil().convert("RGB").resize(thumbnail_size(fmt))
    finally:
        document.close()
    buffer = io.BytesIO()
    image.quantize(colors=THUMBNAIL_COLOURS).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _seconds(value: float) -> str:
    return format_decimal_vi(round(value, 1))


def cache_key(document: str) -> str:
    digest = hashlib.sha256()
    for part in (RENDER_VERSION, metadata.version("weasyprint"), pypdfium2.version.PDFIUM_INFO,
                 renderer_versions(), fonts_digest(), document):
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.replace(temporary, path)


@dataclass(frozen=True)
class Rendered:
    poster: Poster
    key: str
    pdf: bytes
    thumbnail: bytes
    fresh: bool  # rendered in this build rather than taken from the cache


def render_print(
    env: Environment, poster: Poster, site: SiteProfile, paths: PrintPaths
) -> Rendered:
    art = artwork(poster, site)
    document = print_document(env, art, site, paths)
    key = cache_key(document)
    pdf_file, png_file = paths.cache / f"{key}.pdf", paths.cache / f"{key}.png"
    if pdf_file.is_file() and png_file.is_file():
        return Rendered(poster, key, pdf_file.read_bytes(), png_file.read_bytes(), fresh=False)
    pdf = render_pdf(document)
    thumbnail = render_thumbnail(pdf, poster.format)
    _write_atomic(pdf_file, pdf)
    _write_atomic(png_file, thumbnail)
    return Rendered(poster, key, pdf, thumbnail, fresh=True)


def prune_cache(cache: Path, keep: set[str]) -> None:
    """Drop cached prints no poster of this build uses, so the cache holds one copy a print."""
    if not cache.is_dir():
        return
    for path in cache.iterdir():
        if path.suffix in (".pdf", ".png") and path.stem not in keep:
            path.unlink(missing_ok=True)


def print_outputs(
    env: Environment, posters: list[Poster], site: SiteProfile, paths: PrintPaths
) -> list[OutputFile]:
    """Every print's PDF and thumbnail; one log line per print rendered, then a summary."""
    outputs: list[OutputFile] = []
    used: set[str] = set()
    fresh = 0
    started = time.monotonic()
    for number, poster in enumerate(posters, start=1):
        began = time.monotonic()
        rendered = render_print(env, poster, site, paths)
        used.add(rendered.key)
        if rendered.fresh:
            fresh += 1
            log.info(
                "Ấn phẩm %d/%d: đã tạo %s (%s, %s, %s giây)",
                number, len(posters), pdf_path(poster), poster.format.label,
                format_file_size(len(rendered.pdf)), _seconds(time.monotonic() - began),
            )
        where = "data/site.yml, chủ đề năm" if poster.from_theme else (
            f"data/ap-phich/{poster.slug}.yml")
        for art_warning in artwork(poster, site).layout.warnings:
            log.warning("Ấn phẩm «%s» (%s): %s", poster.slug, where, art_warning)
        source = f"ấn phẩm «{poster.slug}»"
        outputs.append(OutputFile(pdf_path(poster), rendered.pdf, source=source))
        outputs.append(OutputFile(thumbnail_path(poster), rendered.thumbnail, source=source))
    prune_cache(paths.cache, used)
    if posters:
        log.info(
            "%d ấn phẩm: %d tạo mới, %d dùng lại (%s giây)",
            len(posters), fresh, len(posters) - fresh, _seconds(time.monotonic() - started),
        )
    return outputs
