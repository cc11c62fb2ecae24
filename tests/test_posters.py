"""Posters, banners and leaflets: formats, fitted type, print-ready PDFs and their pages.

The PDFs checked are those of the demo site built once per session (`built_site`); the cache
is checked on a small portal of its own.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from lxml import html as lxml_html
from weasyprint.urls import FatalURLFetchingError

from generators.core.environment import make_environment
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.printing.fonts import FAMILY, text_width
from generators.sections.posters import pdf as poster_pdf
from generators.sections.posters.layout import PosterText, fit_lines, layout_for, wrap
from generators.sections.posters.model import (
    POSTERS,
    PosterDocument,
    PrintFormat,
    posters_in_order,
    theme_poster,
)
from generators.sections.posters.pages import (
    artwork,
    gallery,
    pdf_path,
    poster_path,
    thumbnail_path,
)
from generators.sections.posters.pdf import PrintPaths, print_outputs, render_pdf, thumbnail_size

from .conftest import ROOT

MM = 72 / 25.4  # points in a millimetre


@pytest.fixture(scope="module")
def portal() -> Portal:
    return load_portal(ROOT / "data", ROOT)


def compact(text: str) -> str:
    """Extracted PDF text with its line breaks and runs of spaces made single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "width", "height", "sides"),
    [
        ("A4", 210, 297, 1),
        ("A0", 841, 1189, 1),
        ("A3 ngang", 420, 297, 1),
        ("5000 x 800", 5000, 800, 1),
        ("4000×2000", 4000, 2000, 1),
        ("tờ gấp A4", 297, 210, 2),
    ],
)
def test_formats_have_their_exact_physical_size(
    written: str, width: int, height: int, sides: int
) -> None:
    fmt = PrintFormat.parse(written)
    assert (fmt.width, fmt.height, fmt.sides) == (width, height, sides)


def test_format_labels_read_as_vietnamese_print_shops_write_them() -> None:
    assert PrintFormat.parse("A3").label == "A3 (297 × 420 mm)"
    assert PrintFormat.parse("5000 x 800").label == "5.000 × 800 mm"
    assert PrintFormat.parse("tờ gấp A4").label == "Tờ gấp 3 khổ A4 (297 × 210 mm, 2 mặt)"


def test_the_yearly_theme_gives_a_ready_poster(portal: Portal) -> None:
    [poster] = [p for p in portal[POSTERS] if p.from_theme]
    theme = portal.site.theme_for(2024)
    assert theme is not None
    assert poster.slug == "chu-de-nam-2024"
    assert poster.doc.headline == theme.text
    assert poster.qr_url(portal.site) == portal.site.public_service_portal.url
    assert posters_in_order(portal[POSTERS])[0] is poster


def test_a_data_file_named_like_the_theme_poster_replaces_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "ap-phich").mkdir(parents=True)
    (data / "site.yml").write_bytes((ROOT / "data" / "site.yml").read_bytes())
    (data / "ap-phich" / "chu-de-nam-2024.yml").write_text(
        "kind: áp phích\nformat: A2\nheadline: Giảm hồ sơ trễ hẹn\n", encoding="utf-8"
    )
    [poster] = load_portal(data, tmp_path)[POSTERS]
    assert not poster.from_theme and poster.format.name == "A2"


# --- fitted type -------------------------------------------------------------------------------


def _text(headline: str, **extra: object) -> PosterText:
    return PosterText(headline=headline, agency="SỞ GIAO THÔNG VẬN TẢI TỈNH QUẢNG TRỊ", **extra)


def _size(layout_rules: tuple, selector: str) -> float:
    return next(props["font-size"].value for sel, props in layout_rules if sel == selector)


def test_a_banner_is_one_line_of_type_as_high_as_the_strip_allows() -> None:
    layout = layout_for(PrintFormat.parse("5000 x 800"), _text("Nói không với hồ sơ trễ hẹn"))
    assert layout.family == "banner"
    assert layout.headline_lines == ("Nói không với hồ sơ trễ hẹn",)
    size = _size(layout.rules, ".cchc-sheet__headline")
    assert 200 < size <= 0.46 * 800  # metres-high letters, within the strip


def test_type_scales_with_the_format() -> None:
    text = _text("Nộp hồ sơ trực tuyến, không phải đến cơ quan", points=("Thanh toán trực tuyến.",))
    a4 = _size(layout_for(PrintFormat.parse("A4"), text).rules, ".cchc-sheet__headline")
    a0 = _size(layout_for(PrintFormat.parse("A0"), text).rules, ".cchc-sheet__headline")
    assert a0 / a4 == pytest.approx(841 / 210, rel=0.02)


def test_every_demo_slogan_fits_its_width(portal: Portal) -> None:
    for poster in portal[POSTERS]:
        art = artwork(poster, portal.site)
        size = _size(art.layout.rules, ".cchc-sheet__headline")
        fmt = poster.format
        room = {"banner": fmt.width, "poster": fmt.width, "leaflet": 100}[art.layout.family]
        for line in art.layout.headline_lines:
            assert text_width(line, size, bold=True) < room, (poster.slug, line)
        assert not art.layout.warnings, (poster.slug, art.layout.warnings)


def test_slogans_break_after_commas_and_not_inside_two_syllable_words() -> None:
    _, lines = fit_lines(
        "Giảm hồ sơ trễ hẹn, tăng sự hài lòng của người dân", 2800, 900,
        max_lines=4, max_size=280,
    )
    assert lines[0] == "Giảm hồ sơ trễ hẹn,"
    assert not any(line.endswith(("trễ", "hài", "người")) for line in lines)


def test_wrapping_breaks_only_between_words() -> None:
    assert wrap("thủ tục hành chính", 10, 1) == ["thủ", "tục", "hành", "chính"]
    assert wrap("thủ tục hành chính", 10, 1000) == ["thủ tục hành chính"]


# --- print-ready PDFs of the demo site ------------------------------------------------------------


def _reader(site: Path, poster_slug: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(site / "ap-phich" / poster_slug / f"{poster_slug}.pdf")


def test_each_pdf_has_one_page_a_side_of_the_exact_format(
    built_site: Path, portal: Portal
) -> None:
    assert len(portal[POSTERS]) >= 8
    for poster in portal[POSTERS]:
        reader = _reader(built_site, poster.slug)
        fmt, bleed = poster.format, poster.doc.bleed
        assert len(reader.pages) == fmt.sides, poster.slug
        for page in reader.pages:
            trim = page.trimbox
            assert float(trim.width) == pytest.approx(fmt.width * MM, abs=1), poster.slug
            assert float(trim.height) == pytest.approx(fmt.height * MM, abs=1), poster.slug
            media = page.mediabox
            assert float(media.width) == pytest.approx((fmt.width + 2 * bleed) * MM, abs=1)
            assert float(media.height) == pytest.approx((fmt.height + 2 * bleed) * MM, abs=1)


def test_the_demo_set_covers_every_kind_and_the_seed_slogans(portal: Portal) -> None:
    kinds = {p.doc.kind for p in portal[POSTERS]}
    assert kinds == {"áp phích", "pa nô", "băng rôn", "tờ gấp"}
    words = " ".join(p.doc.headline + " " + " ".join(p.doc.points) for p in portal[POSTERS])
    for slogan in ("dịch vụ công trực tuyến", "thanh toán không tiền mặt", "hồ sơ trễ hẹn",
                   "Đường dây nóng"):
        assert slogan.lower() in words.lower(), slogan
    sizes = {(p.format.width, p.format.height) for p in portal[POSTERS]}
    assert {(210, 297), (5000, 800), (4000, 2000), (297, 210)} <= sizes


def test_pdf_text_holds_the_slogan_with_its_diacritics(built_site: Path, portal: Portal) -> None:
    for poster in portal[POSTERS]:
        reader = _reader(built_site, poster.slug)
        text = compact(" ".join(page.extract_text() for page in reader.pages))
        assert poster.doc.headline in text, (poster.slug, text[:200])
        if poster.doc.hotline:
            assert poster.doc.hotline in text


def test_pdfs_embed_only_the_packaged_noto_sans(built_site: Path, portal: Portal) -> None:
    for poster in portal[POSTERS]:
        reader = _reader(built_site, poster.slug)
        fonts = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                assert "/FontFile2" in descriptor, "font not embedded"
                fonts.add(re.sub(r"^[A-Z]{6}\+", "", str(font["/BaseFont"]).lstrip("/")))
        assert fonts <= {FAMILY.replace(" ", "-"), FAMILY.replace(" ", "-") + "-Bold"}, fonts
        metadata = reader.metadata
        assert metadata is not None
        assert metadata.title == f"{poster.kind_name} «{poster.doc.headline}»"


def _decoded(pdf: Path, fmt: PrintFormat) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = 2400 / max(page.get_width(), page.get_height())
        image = page.render(scale=scale).to_pil()
    finally:
        document.close()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_each_qr_code_decodes_to_its_target(built_site: Path, portal: Portal) -> None:
    with_qr = [p for p in portal[POSTERS] if p.doc.qr]
    assert len(with_qr) >= 5
    for poster in with_qr:
        pdf = built_site / pdf_path(poster)
        assert _decoded(pdf, poster.format) == [poster.qr_url(portal.site)], poster.slug
    internal = next(p for p in with_qr if not p.doc.qr.target.startswith(("https:", "tel:")))
    assert internal.qr_url(portal.site).startswith(portal.site.url)


def test_thumbnails_are_small_images_of_the_first_side(built_site: Path, portal: Portal) -> None:
    for poster in portal[POSTERS]:
        png = built_site / thumbnail_path(poster)
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG")
        assert len(data) < 60_000, (poster.slug, len(data))
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == thumbnail_size(poster.format)


# --- pages -------------------------------------------------------------------------------------


def test_gallery_shows_every_print_with_thumbnail_and_download(
    built_site: Path, portal: Portal
) -> None:
    page = lxml_html.fromstring((built_site / "ap-phich" / "index.html").read_bytes())
    items = page.xpath("//ul[contains(@class,'cchc-gallery')]/li")
    assert len(items) == len(gallery(portal))  # ours and those supplied as PDFs
    for item, poster in zip(items, gallery(portal), strict=True):
        [thumb] = item.xpath(".//img/@src")
        assert (built_site / "ap-phich" / thumb).resolve() == (built_site / thumbnail_path(poster))
        [download] = item.xpath(".//a[@download]")
        assert (built_site / "ap-phich" / download.get("href")).is_file()
        label = item.xpath("string(.//p[contains(@class,'cchc-gallery__download')])")
        size = (built_site / "ap-phich" / download.get("href")).stat().st_size
        assert re.search(rf"\(PDF, {round(size / 1000)} KB, ", label), label
        assert poster.format.short_label in label


def test_each_print_has_a_readable_page(built_site: Path, portal: Portal) -> None:
    for poster in portal[POSTERS]:
        path = built_site / poster_path(poster) / "index.html"
        page = lxml_html.fromstring(path.read_bytes())
        [h1] = page.xpath("//h1")
        assert poster.doc.headline in h1.text_content()
        [preview] = page.xpath("//*[@role='img']")
        assert poster.doc.headline in preview.get("aria-label")
        text = page.xpath("string(//section[contains(@class,'cchc-poster-text')])")
        assert poster.doc.headline in text
        for point in poster.doc.points:
            assert point in text
        sheets = page.xpath("//link[@rel='stylesheet']/@href")
        assert "kho-in.css" in sheets  # the stylesheet next to the page sets its paper size
        css = (built_site / poster_path(poster) / "kho-in.css").read_text(encoding="utf-8")
        fmt = poster.format
        assert f"@page {{ size: {fmt.width}mm {fmt.height}mm; margin: 0; }}" in css


def test_site_map_and_menu_list_the_prints(built_site: Path, portal: Portal) -> None:
    page = lxml_html.fromstring((built_site / "so-do-trang" / "index.html").read_bytes())
    links = page.xpath("//nav[contains(@class,'cchc-sitemap')]//a/@href")
    assert "../ap-phich/" in links
    assert sum(1 for link in links if link.startswith("../ap-phich/") and link != "../ap-phich/") \
        == len(gallery(portal))
    home = lxml_html.fromstring((built_site / "index.html").read_bytes())
    menu = [a.text_content().strip() for a in home.xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert menu.index("Ấn phẩm") == menu.index("Sơ đồ trang") - 1


def _glyph_boxes(pdf: bytes) -> list[list[tuple[str, tuple[float, ...]]]]:
    """Every character of every page with its box, in points."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            text = page.get_textpage()
            pages.append([(text.get_text_range(i, 1), text.get_charbox(i))
                          for i in range(text.count_chars())])
        return pages
    finally:
        document.close()


@pytest.mark.parametrize("slug", ["ap-phich-thanh-toan-khong-tien-mat",
                                  "to-gap-dich-vu-cong-truc-tuyen"])
def test_zero_flex_minimums_move_nothing_on_the_sheet(
    slug: str, tmp_path: Path, portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF's zero minimum sizes only spare WeasyPrint work: with the browser's automatic
    minimums every letter of a portrait poster and of a two-sided leaflet stands where it stood
    (within 0.05 pt), so a layout that came to rely on them would fail here."""
    poster = next(p for p in portal[POSTERS] if p.slug == slug)
    paths = PrintPaths(ROOT / "templates", ROOT / "content", tmp_path)
    env = make_environment(ROOT / "templates")
    art = artwork(poster, portal.site)
    rule = poster_pdf.NO_AUTOMATIC_MINIMUMS.strip()
    fast = poster_pdf.print_document(env, art, portal.site, paths)
    monkeypatch.setattr(poster_pdf, "NO_AUTOMATIC_MINIMUMS", "")
    automatic = poster_pdf.print_document(env, art, portal.site, paths)
    assert rule in fast and rule not in automatic
    ours, theirs = _glyph_boxes(render_pdf(fast)), _glyph_boxes(render_pdf(automatic))
    assert [[c for c, _ in page] for page in ours] == [[c for c, _ in page] for page in theirs]
    moved = max(abs(a - b) for page, other in zip(ours, theirs, strict=True)
                for (_, box), (_, box2) in zip(page, other, strict=True)
                for a, b in zip(box, box2, strict=True))
    assert moved < 0.05


# --- the cache -----------------------------------------------------------------------------------


def test_an_unchanged_print_is_not_rendered_again(
    tmp_path: Path, portal: Portal, caplog: pytest.LogCaptureFixture
) -> None:
    site = portal.site
    theme = site.theme_for(2024)
    assert theme is not None
    poster = theme_poster(site, theme)
    paths = PrintPaths(ROOT / "templates", ROOT / "content", tmp_path / "cache")
    env = make_environment(ROOT / "templates")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.cchc")

    first = print_outputs(env, [poster], site, paths)
    assert "1 ấn phẩm: 1 tạo mới, 0 dùng lại" in caplog.text
    assert "Ấn phẩm 1/1: đã tạo ap-phich/chu-de-nam-2024/chu-de-nam-2024.pdf" in caplog.text
    caplog.clear()

    again = print_outputs(env, [poster], site, paths)
    assert "1 ấn phẩm: 0 tạo mới, 1 dùng lại" in caplog.text
    assert "đã tạo" not in caplog.text
    assert [f.content for f in again] == [f.content for f in first]
    caplog.clear()

    changed = type(poster)(poster.slug, PosterDocument.model_validate(
        {**poster.doc.model_dump(), "headline": "Nói không với hồ sơ trễ hẹn"}
    ))
    print_outputs(env, [changed], site, paths)
    assert "1 ấn phẩm: 1 tạo mới, 0 dùng lại" in caplog.text
    assert len(list((tmp_path / "cache").glob("*.pdf"))) == 1  # the stale copy is dropped


@pytest.mark.parametrize("url", ["https://example.com/logo.png", "file:///etc/passwd"])
def test_printing_reads_nothing_from_the_network_or_elsewhere_on_disk(url: str) -> None:
    with pytest.raises(FatalURLFetchingError):
        render_pdf(f'<p>Logo</p><img src="{url}" alt="">')
