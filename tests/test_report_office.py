"""The signed report as agencies open it: the .docx converted by LibreOffice (headless), and
the PDF it makes read back with Poppler. Word, LibreOffice and WPS must all lay it out right;
LibreOffice is the strictest about the table grid, so it is the one we run (`make office`
installs Debian's libreoffice-writer-nogui and poppler-utils; `make test` depends on it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from lxml import etree

from generators.cli import main
from generators.sections.reports.files import TASK_WIDTHS

from .conftest import PINNED_EPOCH, ROOT

PLAN = "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
CM = 72 / 2.54  # PDF points per centimetre
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x_min: float
    x_max: float
    y_min: float

    @property
    def centre(self) -> float:
        return (self.x_min + self.x_max) / 2


def need(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is missing: run `make office` (LibreOffice Writer and Poppler)"
    return path


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan's half-year report, signed on 05/07/2024, converted to PDF."""
    out = tmp_path_factory.mktemp("report")
    os.environ["SOURCE_DATE_EPOCH"] = PINNED_EPOCH
    try:
        assert main(["--root", str(ROOT), "report", PLAN, "--period", "2024-H1", "--out",
                     str(out), "--date", "2024-07-05", "--signer", "Trần Hữu Hùng"]) == 0
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    docx = next(out.glob("*.docx"))
    # A profile of its own: a LibreOffice the user has open is never disturbed, never waited on.
    profile = (out / "profile").as_uri()
    subprocess.run(
        [need("soffice"), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(out), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    return docx.with_suffix(".pdf")


@pytest.fixture(scope="module")
def lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF as Poppler lays it out, with its position in points."""
    result = subprocess.run([need("pdftotext"), "-bbox-layout", str(pdf), "-"],
                            check=True, capture_output=True)
    root = etree.fromstring(result.stdout)
    found = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        for line in page.iter(f"{XHTML}line"):
            words = [word.text or "" for word in line.iter(f"{XHTML}word")]
            found.append(Line(number, " ".join(words), float(line.get("xMin")),
                              float(line.get("xMax")), float(line.get("yMin"))))
    return found


def pages(pdf: Path) -> int:
    result = subprocess.run([need("pdfinfo"), str(pdf)], check=True, capture_output=True,
                            text=True)
    return int(next(row.split()[-1] for row in result.stdout.splitlines()
                    if row.startswith("Pages:")))


def first(lines: list[Line], text: str) -> Line:
    return next(line for line in lines if line.text == text)


def test_half_year_report_fits_four_pages(pdf: Path) -> None:
    # It ran to 6 pages when the task table had five equal columns.
    assert pages(pdf) <= 4


def test_motto_and_date_line_each_fit_one_line(lines: list[Line]) -> None:
    assert any(line.text == MOTTO for line in lines), [line.text for line in lines[:8]]
    assert any(line.text == "Quảng Trị, ngày 05 tháng 7 năm 2024" for line in lines)


def test_task_columns_have_the_grid_widths(lines: list[Line]) -> None:
    """Header labels are centred in their cells: their centres sit where the grid widths put
    them (equal widths would put «Kết quả» 1.6 cm further left)."""
    tt, task, result = (first(lines, label) for label in ("TT", "Nhiệm vụ", "Kết quả"))
    assert tt.page == task.page == result.page == 1
    edges = [sum(TASK_WIDTHS[:i]) for i in range(len(TASK_WIDTHS) + 1)]
    centres = [(a + b) / 2 for a, b in pairwise(edges)]
    assert abs((task.centre - tt.centre) / CM - (centres[1] - centres[0])) < 0.2
    assert abs((result.centre - tt.centre) / CM - (centres[-1] - centres[0])) < 0.2
    assert max(TASK_WIDTHS) == TASK_WIDTHS[1]  # «Nhiệm vụ» is the widest column


def test_signature_block_leaves_room_to_sign_above_the_name(lines: list[Line]) -> None:
    title = [line for line in lines if line.text == "GIÁM ĐỐC"][-1]
    name = first(lines, "Trần Hữu Hùng")
    assert name.page == title.page
    assert (name.y_min - title.y_min) / CM > 2.0, "room for the signature and the seal"
    assert abs(name.centre - title.centre) < 3  # both centred in the signature column
