"""Auto-linking of legal document numbers: golden cases, positive and negative.

tests/golden/legal-links.yml holds each case's input HTML, the expected output and the
documents it cites; refresh with `make golden` after an intended change and review the diff.
Cases marked `linked: false` must come back byte for byte unchanged whatever the golden says.
"""

from __future__ import annotations

import os

import pytest
import yaml

from generators.core.yamlsource import read_yaml
from generators.sections.legal.citing import link_legal_references
from generators.sections.legal.model import LegalRegister

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "legal-links.yml"
PAGE = "ke-hoach/ke-hoach-mau/"


def register() -> LegalRegister:
    data, _ = read_yaml(ROOT / "tests" / "fixtures" / "good" / "van-ban-small.yml", "x")
    return LegalRegister.model_validate(data)


def load_cases() -> list[dict]:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["cases"]


def test_golden_cases() -> None:
    reg = register()
    cases = load_cases()
    results = []
    for case in cases:
        linked = link_legal_references(case["input"], reg, PAGE)
        results.append({**case, "output": linked.html, "cited": list(linked.cited)})
    if os.environ.get("UPDATE_GOLDEN"):
        header = GOLDEN.read_text(encoding="utf-8").split("cases:", 1)[0]
        body = yaml.safe_dump({"cases": results}, allow_unicode=True, sort_keys=False, width=100)
        GOLDEN.write_text(header + body, encoding="utf-8")
    for case, result in zip(cases, results, strict=True):
        assert result["output"] == case["output"], case["name"]
        assert result["cited"] == case["cited"], case["name"]


@pytest.mark.parametrize(
    "case", [c for c in load_cases() if c.get("linked") is False], ids=lambda c: c["name"]
)
def test_negative_cases_are_left_alone(case: dict) -> None:
    linked = link_legal_references(case["input"], register(), PAGE)
    assert linked.html == case["input"]
    assert linked.cited == ()


@pytest.mark.parametrize(
    "case", [c for c in load_cases() if c.get("linked") is not False], ids=lambda c: c["name"]
)
def test_positive_cases_link_something(case: dict) -> None:
    linked = link_legal_references(case["input"], register(), PAGE)
    assert 'class="cchc-legal-ref"' in linked.html and linked.cited


def test_links_are_relative_to_the_page() -> None:
    html = "<p>Nghị quyết số 76/NQ-CP</p>"
    assert 'href="../../van-ban/76-nq-cp/"' in link_legal_references(html, register(), PAGE).html
    assert 'href="../van-ban/76-nq-cp/"' in link_legal_references(html, register(), "hoi-dap/").html


def test_an_empty_register_changes_nothing() -> None:
    html = "<p>Nghị quyết số 76/NQ-CP ngày 15/7/2021</p>"
    assert link_legal_references(html, LegalRegister(), PAGE).html == html


def test_a_document_cited_twice_is_listed_once_in_order_of_first_mention() -> None:
    html = "<p>45/2020/NĐ-CP, 76/NQ-CP và lại 45/2020/NĐ-CP</p>"
    assert link_legal_references(html, register(), PAGE).cited == ("45-2020-nd-cp", "76-nq-cp")


def test_a_number_written_with_entities_is_still_found() -> None:
    """The quick look for registered numbers (which spares pages that cite none a walk through
    every tag) reads entities as the linking does."""
    html = "<p>Nghị định 45/2020/N&#272;-CP và 76&#x2F;NQ-CP</p>"
    assert link_legal_references(html, register(), PAGE).cited == ("45-2020-nd-cp", "76-nq-cp")
    assert link_legal_references("<p>Không có số nào 2024.</p>", register(), PAGE).cited == ()
