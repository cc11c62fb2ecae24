"""Print pages: the gallery of posters, banners and leaflets, and one page per print.

A print's artwork is one HTML fragment (templates/pages/_poster_sheet.html) styled by
templates/assets/cchc-poster.css plus the print's own sizes (printing/layout.py). The web page
shows it scaled to the screen, with its text once more in plain reading order below; the PDF
(printing/pdf.py) sets the same fragment at full size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jinja2 import Environment
from markupsafe import Markup

from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...core.profile import SiteProfile
from ...printing.qr import qr_svg
from ...vietnamese.numbers import format_file_size
from .layout import Layout, PosterText, Section, layout_css, layout_for
from .model import POSTERS, Poster, posters_in_order
from .supplied import SUPPLIED, SuppliedPrint

SECTION_PATH = "ap-phich/"
SECTION_TITLE = "Ấn phẩm tuyên truyền"


def poster_path(poster: Poster) -> str:
    return f"{SECTION_PATH}{poster.slug}/"


def pdf_path(poster: Poster) -> str:
    return f"{SECTION_PATH}{poster.slug}/{poster.slug}.pdf"


def thumbnail_path(poster: Poster) -> str:
    return f"{SECTION_PATH}{poster.slug}/{poster.slug}.png"


def sheet_css_path(poster: Poster) -> str:
    return f"{SECTION_PATH}{poster.slug}/kho-in.css"


def _month(poster: Poster) -> str | None:
    date = poster.doc.date
    return f"Tháng {date.month}/{date.year}" if date else None


def poster_text(poster: Poster, site: SiteProfile) -> PosterText:
    """What the sheet prints; agency names in capitals, as on Vietnamese official prints."""
    doc = poster.doc
    issuer = poster.issuer(site)
    footer = " · ".join(
        part for part in (site.url.split("://", 1)[1].rstrip("/"), _month(poster)) if part
    )
    contact = (
        issuer.name,
        f"Địa chỉ: {site.address}",
        f"Điện thoại: {site.phone}",
        f"Thư điện tử: {site.email}",
        f"Trang thông tin: {site.url.split('://', 1)[1].rstrip('/')}",
    )
    return PosterText(
        headline=doc.headline,
        subheading=doc.subheading,
        points=tuple(doc.points),
        parent=issuer.parent.upper() if issuer.parent else None,
        agency=issuer.name.upper(),
        hotline_label=doc.hotline_label if doc.hotline else None,
        hotline=doc.hotline,
        has_qr=doc.qr is not None,
        qr_caption=doc.qr.caption if doc.qr else None,
        footer=footer,
        sections=tuple(Section(s.title, s.text, tuple(s.points)) for s in doc.sections),
        contact=contact,
    )


@dataclass(frozen=True)
class Artwork:
    """A print ready to be set: its text, its fitted layout and its QR code."""

    poster: Poster
    text: PosterText
    layout: Layout
    qr: Markup | None
    qr_url: str | None


@cache
def _qr(url: str) -> Markup:
    return Markup(qr_svg(url))


def artwork(poster: Poster, site: SiteProfile) -> Artwork:
    text = poster_text(poster, site)
    url = poster.qr_url(site)
    return Artwork(poster, text, layout_for(poster.format, text), _qr(url) if url else None, url)


def colour_css(poster: Poster, site: SiteProfile) -> str:
    colours = poster.colours(site)
    # Inside a leaflet the reading panels are white; headings keep the scheme's strong colour.
    strong = colours.background if colours.background != "#ffffff" else colours.headline
    return (
        f".cchc-sheet {{ --cchc-sheet-bg: {colours.background}; --cchc-sheet-fg: {colours.text}; "
        f"--cchc-sheet-hl: {colours.headline}; }}\n"
        f".cchc-sheet--inside {{ --cchc-sheet-bg: #ffffff; --cchc-sheet-fg: #1f2328; "
        f"--cchc-sheet-hl: {strong}; }}\n"
    )


def web_sheet_css(art: Artwork, site: SiteProfile) -> str:
    """The print's own stylesheet on its web page: proportions, sizes, and the printed page."""
    fmt = art.poster.format
    return (
        f"/* {art.poster.kind_name} «{art.poster.slug}»: {fmt.label} */\n"
        f".cchc-sheet {{ aspect-ratio: {fmt.width} / {fmt.height}; }}\n"
        + colour_css(art.poster, site)
        + layout_css(art.layout, "cqw")
        + "@media print {\n"
        f"  @page {{ size: {fmt.width}mm {fmt.height}mm; margin: 0; }}\n"
        f"  .cchc-poster-preview .cchc-sheet {{ width: {fmt.width}mm; max-width: none; }}\n"
        "}\n"
    )




@dataclass(frozen=True)
class Download:
    path: str
    size: str | None  # "1,2 MB"; None when the file is not built (pages rendered on their own)


def _download(poster: Poster, downloads: dict[str, int]) -> Download:
    if isinstance(poster, SuppliedPrint):  # published as supplied, from content/ap-phich/
        facts = poster.facts
        return Download(poster.source, format_file_size(facts.size) if facts else None)
    size = downloads.get(pdf_path(poster))
    return Download(pdf_path(poster), format_file_size(size) if size is not None else None)


def poster_title(poster: Poster) -> str:
    return f"{poster.kind_name} «{poster.doc.headline}»"


def poster_description(poster: Poster) -> str:
    return poster.doc.description or (
        f"{poster.kind_name} {poster.format.label}: {poster.doc.headline}. Bản xem trước, nội "
        "dung và tệp PDF sẵn sàng gửi nhà in."
    )


def poster_page(
    env: Environment, portal: Portal, poster: Poster, downloads: dict[str, int]
) -> PageSpec:
    path = poster_path(poster)
    html = render_page(
        env,
        "poster.html",
        path,
        site=portal.site,
        poster=poster,
        art=artwork(poster, portal.site),
        download=_download(poster, downloads),
        sheet_css=sheet_css_path(poster),
        logo=poster.logo(portal.site),
        title=poster_title(poster),
    )
    return PageSpec(
        path=path,
        title=poster_title(poster),
        html=html,
        description=poster_description(poster),
        date=poster.doc.date.isoformat() if poster.doc.date else None,
        kind="poster",
    )


def gallery(portal: Portal) -> list[Poster]:
    """Every print, ours and supplied, in the gallery's order."""
    return posters_in_order([*portal[POSTERS], *portal[SUPPLIED]])  # type: ignore[list-item]


def supplied_page(
    env: Environment, portal: Portal, item: SuppliedPrint, downloads: dict[str, int]
) -> PageSpec:
    path = poster_path(item)  # type: ignore[arg-type]
    title = f"{item.kind_name} «{item.doc.headline}»"
    html = render_page(
        env, "poster_supplied.html", path, site=portal.site, item=item, title=title,
        download=_download(item, downloads),  # type: ignore[arg-type]
        thumbnail=thumbnail_path(item),  # type: ignore[arg-type]
    )
    return PageSpec(
        path=path,
        title=title,
        html=html,
        description=item.doc.description or f"{item.kind_name} {item.format.label} của "
        f"{item.doc.issuer.name}: tệp PDF để in.",
        date=item.doc.date.isoformat() if item.doc.date else None,
        kind="poster-supplied",
    )


def posters_index_page(env: Environment, portal: Portal, downloads: dict[str, int]) -> PageSpec:
    posters = gallery(portal)
    html = render_page(
        env,
        "posters_index.html",
        SECTION_PATH,
        site=portal.site,
        items=[(p, _download(p, downloads)) for p in posters],
        poster_path=poster_path,
        thumbnail_path=thumbnail_path,
        title=SECTION_TITLE,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=SECTION_TITLE,
        html=html,
        description="Áp phích, pa nô, băng rôn và tờ gấp tuyên truyền cải cách hành chính: xem "
        "trước và tải tệp PDF đúng khổ in, sẵn sàng gửi nhà in.",
        kind="poster-index",
    )


def poster_pages(
    env: Environment, portal: Portal, downloads: dict[str, int] | None = None
) -> list[PageSpec]:
    downloads = downloads or {}
    return [
        posters_index_page(env, portal, downloads),
        *(poster_page(env, portal, p, downloads) for p in posters_in_order(portal[POSTERS])),
        *(supplied_page(env, portal, s, downloads) for s in portal[SUPPLIED]),
    ]


def poster_section(portal: Portal) -> SiteSection:
    children = [
        SiteSection(f"{p.kind_name} «{p.doc.headline}»", poster_path(p)) for p in gallery(portal)
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)


def sheet_stylesheets(portal: Portal) -> list[OutputFile]:
    """Each print page's own stylesheet (a file, so pages need no inline style)."""
    return [
        OutputFile(
            sheet_css_path(p),
            web_sheet_css(artwork(p, portal.site), portal.site).encode(),
            source=f"kiểu in của «{p.slug}»",
        )
        for p in posters_in_order(portal[POSTERS])
    ]
