"""2,000 synthetic procedures (the benchmark's corpus) on top of the demo site, built as editors
build it: every page stays under 300 KB of HTML and every procedure has its page."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from bench.synthetic_tthc import FIELDS, procedures, write_procedures
from generators.core.pipeline import load_portal
from generators.sections.procedures.model import PROCEDURES

from .conftest import ROOT, copy_project, run_build

pytestmark = pytest.mark.build

SIZE = 2000
MAX_PAGE_BYTES = 300 * 1024  # issue 14: every page ≤ 300 KB


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tthc-2000")
    project = copy_project(folder / "project")
    write_procedures(project, SIZE)
    site = folder / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_synthetic_corpus_is_deterministic_and_varied() -> None:
    first, again = procedures(50), procedures(50)
    assert [d.model_dump() for _, d in first] == [d.model_dump() for _, d in again]
    docs = [d for _, d in procedures(400)]
    assert {d.online for d in docs} == {"toan-trinh", "mot-phan", "khong"}
    assert {d.history[-1].action for d in docs} == {"moi", "sua-doi", "bai-bo"}
    assert len({d.field for d in docs}) == len(FIELDS)


def test_no_page_of_a_2000_procedure_catalogue_exceeds_300_kb(large_site: Path) -> None:
    pages = list(large_site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    assert largest.stat().st_size < MAX_PAGE_BYTES, (largest, largest.stat().st_size)
    catalogue = large_site / "thu-tuc" / "index.html"
    assert catalogue.stat().st_size < MAX_PAGE_BYTES / 4
    procedure_pages = [p for p in (large_site / "thu-tuc").glob("*/index.html")
                       if p.parent.name != "moi-cap-nhat"]
    assert len(procedure_pages) >= SIZE


def test_every_synthetic_procedure_is_listed_on_its_field_page(large_site: Path) -> None:
    listed = 0
    for page in (large_site / "thu-tuc" / "linh-vuc").glob("*/index.html"):
        tree = lxml_html.fromstring(page.read_bytes())
        listed += len(tree.xpath("//*[contains(@class,'cchc-meta')][starts-with(., 'Mã ')]"))
    in_force = sum(1 for _, d in procedures(SIZE) if d.history[-1].action != "bai-bo")
    demo_in_force = sum(1 for p in load_portal(ROOT / "data", ROOT)[PROCEDURES] if p.in_force)
    assert listed == in_force + demo_in_force


def test_a_province_wide_catalogue_lists_its_fields_instead_of_every_procedure(
    large_site: Path,
) -> None:
    tree = lxml_html.fromstring((large_site / "thu-tuc" / "index.html").read_bytes())
    assert not tree.xpath("//details[contains(@class,'cchc-tthc-group')]")
    fields = tree.xpath("//ul[@class='cchc-tthc-fields']/li/a/@href")
    synthetic = {d.field for _, d in procedures(SIZE) if d.history[-1].action != "bai-bo"}
    demo = {p.doc.field for p in load_portal(ROOT / "data", ROOT)[PROCEDURES] if p.in_force}
    assert len(fields) == len(synthetic | demo)
    for href in fields:
        assert (large_site / "thu-tuc" / href / "index.html").is_file()
