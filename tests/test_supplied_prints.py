"""Prints made elsewhere (issue 17, item 8): a supplied PDF credited to its issuer, in the same
gallery, its format and page count read from the file, its thumbnail drawn from page one."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import weasyprint
from PIL import Image

from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.sections.posters import supplied_loading
from generators.sections.posters.supplied import SUPPLIED, PdfFacts, format_of, read_pdf
from generators.sections.posters.supplied_loading import supplied_outputs

from .conftest import ROOT, parse

SLUG = "to-gap-chuyen-doi-so-stttt"


def pdf_of(width_mm: int, height_mm: int, pages: int = 1) -> bytes:
    body = "".join("<p>Trang</p>" + ("<p style='break-after: page'></p>" if i < pages - 1 else "")
                   for i in range(pages))
    return weasyprint.HTML(string=(
        f"<style>@page {{ size: {width_mm}mm {height_mm}mm; margin: 5mm }}</style>{body}"
    )).write_pdf()


@pytest.mark.parametrize("size, pages, kind, name", [
    ((210, 297), 1, "áp phích", "A4"),
    ((420, 297), 1, "áp phích", "A3 ngang"),
    ((297, 210), 2, "tờ gấp", "tờ gấp A4"),
    ((297, 210), 1, "tờ gấp", "A4 ngang"),  # one side only: not a folded leaflet
    ((5000, 800), 1, "băng rôn", "5000 x 800"),
])
def test_the_format_is_read_from_the_pdf(size: tuple[int, int], pages: int, kind: str,
                                          name: str) -> None:
    facts = read_pdf(pdf_of(*size, pages=pages))
    assert facts.pages == pages
    assert format_of(facts, kind).name == name


def test_an_unreadable_pdf_is_a_message_not_a_traceback() -> None:
    with pytest.raises(ValueError, match="không đọc được tệp PDF"):
        read_pdf(b"%PDF-1.7 this is not really a PDF")


def test_the_demo_leaflet_is_in_the_gallery_credited_to_its_issuer(
    built_site: Path, portal: Portal
) -> None:
    [item] = portal[SUPPLIED]
    assert item.doc.illustrative
    gallery = parse(built_site / "ap-phich" / "index.html")
    [card] = [li for li in gallery.xpath("//li[contains(@class,'cchc-gallery__item')]")
              if SLUG in "".join(li.xpath(".//a/@href"))]
    assert item.doc.issuer.name in card.text_content()
    page = parse(built_site / "ap-phich" / SLUG / "index.html")
    assert page.xpath("string(//*[@data-cchc-format]/@data-cchc-format)") == "tờ gấp A4"
    assert page.xpath("string(//*[@data-cchc-pages]/@data-cchc-pages)") == "2"
    assert "Ấn phẩm minh họa" in page.text_content()
    [href] = page.xpath("//a[@download]/@href")
    published = (built_site / "ap-phich" / SLUG / href).resolve()
    assert published.read_bytes() == (ROOT / "content" / item.source).read_bytes()


def test_the_thumbnail_is_page_one_in_its_proportions(built_site: Path, portal: Portal) -> None:
    [item] = portal[SUPPLIED]
    assert isinstance(item.facts, PdfFacts)
    png = (built_site / "ap-phich" / SLUG / f"{SLUG}.png").read_bytes()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and max(image.size) <= 600
    assert abs(image.width / image.height - item.facts.width_mm / item.facts.height_mm) < 0.02


def _with_pdf(tmp_path: Path, pdf: bytes, text: str | None = None) -> DataErrors:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "ap-phich" / f"{SLUG}.pdf").write_bytes(pdf)
    data_file = tmp_path / "data" / "ap-phich" / f"{SLUG}.yml"
    if text is not None:
        data_file.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_portal(tmp_path / "data", tmp_path, content_dir=tmp_path / "content")
    return caught.value


def test_a_pdf_of_another_size_than_declared_is_refused(tmp_path: Path) -> None:
    [error] = _with_pdf(tmp_path, pdf_of(297, 420)).errors
    assert error.field == "format"
    assert "khai báo khổ Tờ gấp 3 khổ A4" in error.message and "A3 (297 × 420 mm)" in error.message


def test_a_leaflet_pdf_that_does_not_fold_is_refused(tmp_path: Path) -> None:
    original = (ROOT / "data" / "ap-phich" / f"{SLUG}.yml").read_text(encoding="utf-8")
    text = original.replace("format: tờ gấp A4\n", "")
    [error] = _with_pdf(tmp_path, pdf_of(210, 297), text).errors
    assert error.field == "kind" and "tờ gấp in trên khổ «tờ gấp A4»" in error.message


def test_a_broken_pdf_is_refused_at_its_line(tmp_path: Path) -> None:
    [error] = _with_pdf(tmp_path, b"%PDF-1.4\n%broken").errors
    assert error.field == "pdf" and error.line == 4
    assert "không đọc được tệp PDF" in error.message


def test_a_thumbnail_is_drawn_once_per_pdf_and_a_damaged_one_is_drawn_again(
    tmp_path: Path, portal: Portal, monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "supplied-thumbnails"
    content = ROOT / "content"
    [first] = supplied_outputs(portal, content, cache)
    [kept] = list(cache.glob("*.png"))
    assert first.content == kept.read_bytes() == supplied_outputs(portal, content)[0].content

    def not_again(pdf: bytes) -> bytes:
        raise AssertionError("drawn again although kept")

    monkeypatch.setattr(supplied_loading, "thumbnail", not_again)
    assert supplied_outputs(portal, content, cache)[0].content == first.content
    monkeypatch.undo()
    for damaged in (first.content[:-20], b"not a png", b""):  # cut short, edited, emptied
        kept.write_bytes(damaged)
        assert supplied_outputs(portal, content, cache)[0].content == first.content
        assert kept.read_bytes() == first.content
    stale = cache / f"{'0' * 32}.png"  # another PDF's, or another version's: dropped
    stale.write_bytes(first.content)
    supplied_outputs(portal, content, cache)
    assert not stale.exists() and kept.exists()
