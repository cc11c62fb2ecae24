"""The canary build (issue 13, point 2): every free-text field carries hostile text, and no output
lets it become markup, an attribute, an element, a script, a spreadsheet formula or a vCard
property; ordinary quotes show as typed.

One hostile copy of the demo (tests/canary.py) is built once for the module; every file it
publishes is parsed with a real parser for its format.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from generators.core.periods import ReportPeriod
from generators.core.pipeline import load_portal
from generators.core.spreadsheet import FORMULA_STARTS
from generators.sections.news.model import ARTICLES
from generators.sections.plans.model import PLANS
from generators.sections.reports.evidence import build_report
from generators.sections.reports.files import render_csv
from generators.vietnamese.dates import VIETNAM_TZ

from .canary import (
    BIDI,
    CANARY_ATTRIBUTE,
    CANARY_PROPERTY,
    CANARY_TAG,
    MODELS,
    CanariedFile,
    copy_demo,
    make_hostile_project,
)
from .conftest import PINNED_EPOCH, ROOT, run_build

pytestmark = pytest.mark.build
NOW = datetime.fromtimestamp(int(PINNED_EPOCH), VIETNAM_TZ)
# Text that only double escaping leaves in parsed text: "&quot;" shown to readers.
DOUBLE_ESCAPED = re.compile(r"&(?:quot|amp|lt|gt|#34|#39|#x27);")
# The vCard 3.0 properties our cards write (render/vcard.py); any other line was injected.
VCARD_PROPERTIES = {"BEGIN", "VERSION", "PRODID", "N", "FN", "ORG", "X-ABSHOWAS", "TEL",
                    "EMAIL", "ADR", "NOTE", "URL", "END"}


class Hostile:
    def __init__(self, project: Path, site: Path, files: dict[str, CanariedFile]) -> None:
        self.project, self.site, self.files = project, site, files

    def outputs(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.site.rglob("*") if p.is_file() and p.suffix in suffixes)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    project = copy_demo(tmp_path_factory.mktemp("canary"), ROOT)
    files = make_hostile_project(project, NOW)
    site = project / "site"
    result = run_build(project, site, "--no-strict")  # see copy_demo
    assert result.returncode == 0, result.stdout + result.stderr
    return Hostile(project, site, files)


SAME_SITE_REFRESH = re.compile(r"^0;\s*url=(?![a-z][a-z0-9+.-]*:|//)[^\s\"'<>]*$", re.I)


def markup_problems(tree: lxml_html.HtmlElement, where: str) -> list[str]:
    """What a canary made of an HTML tree: new elements, attributes, scripts, refreshes."""
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == CANARY_TAG:
            problems.append(f"{where}: a <{CANARY_TAG}> element")
        if CANARY_ATTRIBUTE in element.attrib:
            problems.append(f"{where}: a {CANARY_ATTRIBUTE} attribute on <{element.tag}>")
        if element.tag == "script" and not element.get("src"):
            text = element.text or ""
            if element.get("type") in ("application/ld+json", "application/json"):
                try:
                    json.loads(text)
                except ValueError:
                    problems.append(f"{where}: a JSON script broken open: {text[:80]!r}")
            elif "canary" in text:
                problems.append(f"{where}: an inline script {text[:80]!r}")
        # Only the redirect pages of data/chuyen-huong.yml refresh, at once, to a page of this
        # site (a relative address: no scheme, no host).
        refresh = element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh"
        if refresh and not SAME_SITE_REFRESH.match(element.get("content") or ""):
            problems.append(f"{where}: a <meta http-equiv=refresh> to {element.get('content')!r}")
        if element.tag not in ("script", "style"):
            for value in [element.text or "", element.tail or "", *element.attrib.values()]:
                if DOUBLE_ESCAPED.search(value):
                    problems.append(f"{where}: escaped twice, readers see {value[:80]!r}")
                if BIDI in value:
                    problems.append(f"{where}: a right-to-left override in <{element.tag}>")
    return problems


def test_every_data_file_is_canaried(hostile: Hostile) -> None:
    """Every YAML file in data/ and every article belongs to a model the canary knows, and each
    kind has canaried fields (the data set is not vacuous)."""
    data_files = {p.relative_to(hostile.project).as_posix()
                  for p in (hostile.project / "data").rglob("*.yml")}
    assert data_files <= set(hostile.files)
    for pattern in MODELS:
        kind = [f for rel, f in hostile.files.items() if Path(rel).match(pattern)]
        assert kind and sum(f.canaried for f in kind) > 0, pattern
    assert sum(f.canaried for f in hostile.files.values()) > 1000


def test_no_canary_becomes_markup_in_any_page(hostile: Hostile) -> None:
    pages = hostile.outputs(".html")
    assert len(pages) > 100
    problems = []
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        problems += markup_problems(tree, page.relative_to(hostile.site).as_posix())
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(problems[:25])


def test_ordinary_quotes_show_as_typed_in_titles_and_share_previews(hostile: Hostile) -> None:
    """An article titled with quotes: its <title>, og:title and DC.title read exactly as typed."""
    page = next(iter(hostile.outputs(".html")))
    seen = 0
    for page in hostile.outputs(".html"):
        tree = lxml_html.fromstring(page.read_bytes())
        for xpath in ("//title/text()", "//meta[@property='og:title']/@content",
                      "//meta[@name='DC.title']/@content", "//meta[@name='DC.creator']/@content"):
            for value in tree.xpath(xpath):
                if "Dân vận khéo" in value:
                    assert '"Dân vận khéo" & cờ' in value, (page, xpath, value)
                    seen += 1
    assert seen > 100


def test_feeds_and_sitemap_stay_well_formed_xml(hostile: Hostile) -> None:
    feeds = hostile.outputs(".xml")
    assert len(feeds) > 5
    problems = []
    for path in feeds:
        where = path.relative_to(hostile.site).as_posix()
        tree = etree.parse(str(path))  # raises on anything not well-formed
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            if etree.QName(element).localname == CANARY_TAG:
                problems.append(f"{where}: a <{CANARY_TAG}> element")
            text = element.text or ""
            if BIDI in text:
                problems.append(f"{where}: a right-to-left override in <{element.tag}>")
            # HTML carried inside the feed (RSS descriptions, Atom content of type html) is
            # itself checked; everything else is text.
            name = etree.QName(element).localname
            carries_html = name in ("description", "encoded") or element.get("type") == "html"
            if carries_html and text.strip():
                fragment = lxml_html.fragment_fromstring(text, create_parent="div")
                problems += markup_problems(fragment, f"{where} <{element.tag}>")
    assert not problems, "\n".join(problems[:25])


def test_json_outputs_parse(hostile: Hostile) -> None:
    problems = []
    for path in hostile.outputs(".json"):
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        if BIDI in text:
            problems.append(f"{path.relative_to(hostile.site)}: a right-to-left override")
    assert not problems, "\n".join(problems[:25])


def vcard_properties(raw: bytes) -> list[str]:
    """RFC 6350 §3.2: unfold (CRLF + space), then the property name before ; or :."""
    text = raw.decode("utf-8")
    assert "\r" not in text.replace("\r\n", ""), "a bare CR in a vCard"
    assert "\n" not in text.replace("\r\n", ""), "a bare LF in a vCard"
    lines = text.replace("\r\n ", "").split("\r\n")
    return [re.split(r"[;:]", line, maxsplit=1)[0].upper() for line in lines if line]


def test_no_canary_becomes_a_vcard_property(hostile: Hostile) -> None:
    cards = hostile.outputs(".vcf")
    assert cards
    for card in cards:
        names = vcard_properties(card.read_bytes())
        assert CANARY_PROPERTY not in names, card
        assert set(names) <= VCARD_PROPERTIES, (card, set(names) - VCARD_PROPERTIES)
        assert names.count("BEGIN") == names.count("END") == 1, card


def test_pdfs_read_as_typed(hostile: Hostile) -> None:
    from pypdf import PdfReader

    pdfs = hostile.outputs(".pdf")
    assert pdfs
    for path in pdfs:
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        assert not DOUBLE_ESCAPED.search(text), (path, DOUBLE_ESCAPED.search(text))
        assert CANARY_TAG not in text or "<" + CANARY_TAG in text, path


# The report writes validated task ids as Excel's text constant ="1.1" (never editor text).
ID_CONSTANT = re.compile(r'^="\d+(\.\d+)*"$')


def spreadsheet_problems(rows: list[list[str]], where: str) -> list[str]:
    return [f"{where}: the cell {cell[:60]!r} is a formula"
            for row in rows for cell in row
            if cell.startswith(FORMULA_STARTS) and not ID_CONSTANT.match(cell)]


def test_no_canary_becomes_a_formula_in_the_report_csv(hostile: Hostile) -> None:
    portal = load_portal(hostile.project / "data", hostile.project,
                         content_dir=hostile.project / "content", now=NOW)
    problems = []
    plans = [p for p in portal[PLANS] if p.tasks]
    assert plans
    for plan in plans:
        report = build_report(plan, portal[ARTICLES], ReportPeriod.parse("2024"), NOW)
        text = render_csv(report, portal.site).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert any("HYPERLINK" in cell for row in rows for cell in row), plan.slug
        problems += spreadsheet_problems(rows, f"{plan.slug}.csv")
    assert not problems, "\n".join(problems[:25])


def test_no_canary_becomes_a_formula_in_a_published_spreadsheet(hostile: Hostile) -> None:
    """CSV and XLSX files the site publishes, if any."""
    problems = []
    for path in hostile.outputs(".csv"):
        text = path.read_text(encoding="utf-8-sig")
        problems += spreadsheet_problems(list(csv.reader(io.StringIO(text, newline=""))),
                                         path.name)
    for path in hostile.outputs(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            rows = [[str(c) for c in row if isinstance(c, str)]
                    for row in sheet.iter_rows(values_only=True)]
            problems += spreadsheet_problems(rows, path.name)
    assert not problems, "\n".join(problems[:25])
