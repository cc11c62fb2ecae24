"""Prints made elsewhere: a PDF supplied by another agency, credited to its issuer.

Seed 002 hands out leaflets "do Sở Thông tin và Truyền thông cung cấp" and posters "do Sở Văn
hóa, Thể thao và Du lịch cung cấp". Such a print is a `data/ap-phich/<slug>.yml` with `pdf:` (a
file in content/ap-phich/) instead of the slogan and layout of a print we set ourselves. It goes
in the same gallery and passes the same checks: its page size, read from the PDF, must be a
format the kind can have (a leaflet is an A4 sheet folded in three, two sides; a banner a long
strip), within the PDF limits, and the file small enough to download. Its thumbnail is drawn
from the first page with pypdfium2.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from pydantic import Field

from ...core.errors import FieldPath
from ...core.loading import file_exists
from ...core.model import Model, Text
from ...core.portal import Part
from .model import (
    A_SERIES,
    KIND_NAMES,
    MAX_SIDE_MM,
    MIN_SIDE_MM,
    FormatField,
    Kind,
    PosterIssuer,
    PrintFormat,
)

Problem = tuple[FieldPath, str]

FOLDER = "ap-phich"  # under content/
MAX_PDF_BYTES = 20 * 1000 * 1000
MM_PER_POINT = 25.4 / 72
TOLERANCE_MM = 2  # PDF sizes are in points: A4 is 595 × 842 pt, 209,9 × 297 mm
THUMBNAIL_BOX = (480, 600)


class SuppliedPrintDocument(Model):
    """A print made by another agency, as written in `data/ap-phich/<slug>.yml`."""

    kind: Kind = Field(description="áp phích, pa nô, băng rôn hoặc tờ gấp")
    headline: Text = Field(description="Tên ấn phẩm hoặc khẩu hiệu chính, như in trên ấn phẩm")
    pdf: str = Field(description="Tên tệp PDF trong content/ap-phich/, ví dụ to-gap-cchc.pdf")
    issuer: PosterIssuer = Field(description="Cơ quan làm ra ấn phẩm (được ghi nguồn)")
    credit: str | None = Field(
        None, description="Ghi nguồn thêm, ví dụ: Do Sở Thông tin và Truyền thông cung cấp"
    )
    format: FormatField | None = Field(
        None, description="Khổ in nếu muốn kiểm tra: phải khớp khổ trang của tệp PDF"
    )
    date: dt.date | None = Field(None, description="Ngày phát hành")
    description: str | None = Field(None, max_length=300, description="Mô tả ngắn")
    illustrative: bool = Field(
        False, description="Ấn phẩm minh họa của trang mẫu, không phải ấn phẩm thật"
    )


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    width_mm: float  # of the first page's trim box
    height_mm: float
    size: int  # bytes


def read_pdf(data: bytes) -> PdfFacts:
    """Page count and first-page size of a PDF; raises ValueError when it cannot be read."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise ValueError(f"không đọc được tệp PDF ({exc})") from None
    try:
        if len(document) == 0:
            raise ValueError("tệp PDF không có trang nào")
        left, bottom, right, top = document[0].get_trimbox()
        return PdfFacts(len(document), (right - left) * MM_PER_POINT,
                        (top - bottom) * MM_PER_POINT, len(data))
    finally:
        document.close()


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE_MM


def format_of(facts: PdfFacts, kind: str) -> PrintFormat:
    """The print format of a PDF's page: an A size (upright or ngang), the folded A4 leaflet
    (A4 landscape, two sides, when the kind is tờ gấp), or its size in whole millimetres."""
    width, height = facts.width_mm, facts.height_mm
    for name, (w, h) in A_SERIES.items():
        if _near(width, w) and _near(height, h):
            return PrintFormat(name, w, h)
        if _near(width, h) and _near(height, w):
            if kind == "tờ gấp" and name == "A4" and facts.pages == 2:
                return PrintFormat("tờ gấp A4", h, w, sides=2, leaflet=True)
            return PrintFormat(f"{name} ngang", h, w)
    w, h = round(width), round(height)
    return PrintFormat(f"{w} x {h}", w, h)


def check_supplied(
    doc: SuppliedPrintDocument, content: Path
) -> tuple[PdfFacts | None, list[Problem]]:
    """The PDF's facts, and the problems with the file (the kind-and-format check is the one
    every print passes: checks.check_kind_and_shape)."""
    name = doc.pdf.strip()
    if "/" in name or "\\" in name or name.startswith(".") or not name.lower().endswith(".pdf"):
        return None, [(("pdf",), "tên một tệp .pdf trong thư mục content/ap-phich/, ví dụ "
                       "to-gap-cai-cach-hanh-chinh.pdf")]
    path = content / FOLDER / name
    if not content.is_dir():
        return None, []  # data checked on its own
    if not file_exists(path):
        return None, [(("pdf",), f"không có tệp content/{FOLDER}/{name}")]
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        return None, [(("pdf",), f"tệp PDF nặng {size // 1000} KB, quá giới hạn "
                       f"{MAX_PDF_BYTES // 1000} KB; hãy xin bản nén nhỏ hơn")]
    try:
        facts = read_pdf(path.read_bytes())
    except ValueError as exc:
        return None, [(("pdf",), str(exc))]
    problems: list[Problem] = []
    for side in (facts.width_mm, facts.height_mm):
        if not MIN_SIDE_MM - TOLERANCE_MM <= side <= MAX_SIDE_MM:
            problems.append((("pdf",), f"trang PDF {facts.width_mm:.0f} × {facts.height_mm:.0f} "
                             f"mm: mỗi cạnh từ {MIN_SIDE_MM} đến {MAX_SIDE_MM} mm"))
            break
    found = format_of(facts, doc.kind)
    if doc.format is not None and not (
        _near(found.width, doc.format.width) and _near(found.height, doc.format.height)
        and found.leaflet == doc.format.leaflet
    ):
        problems.append((("format",), f"khai báo khổ {doc.format.label} nhưng tệp PDF là "
                         f"{found.label}, {facts.pages} trang"))
    return facts, problems


class SuppliedPrint:
    """A supplied print with what the gallery shows of every print (slug, kind, format)."""

    from_theme = False

    def __init__(self, slug: str, document: SuppliedPrintDocument, facts: PdfFacts | None) -> None:
        self.slug = slug
        self.doc = document
        self.facts = facts

    @property
    def format(self) -> PrintFormat:
        if self.facts is not None:
            return format_of(self.facts, self.doc.kind)
        if self.doc.format is not None:
            return self.doc.format
        return PrintFormat("A4", *A_SERIES["A4"])  # only when data is checked without content/

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.doc.kind]

    @property
    def source(self) -> str:
        return f"{FOLDER}/{self.doc.pdf.strip()}"


SUPPLIED: Part[list[SuppliedPrint]] = Part("supplied-prints", list)


def thumbnail(pdf: bytes) -> bytes:
    """The first page scaled into THUMBNAIL_BOX, as a small palette PNG."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        scale = min(THUMBNAIL_BOX[0] / width, THUMBNAIL_BOX[1] / height)
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    buffer = io.BytesIO()
    image.quantize(colors=64).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
