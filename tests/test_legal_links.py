"""Auto-linking of legal document numbers: golden cases, positive and negative.

tests/golden/legal-links.yml holds each case's input HTML, the expected output and the
documents it cites; refresh with `make golden` after an intended change and review the diff.
Cases marked `linked: false` must come back byte for byte unchanged whatever the golden says.
"""

from __future__ import annotations

import os
from unittest.mock import patch

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generators.core.yamlsource import read_yaml
from generators.sections.legal import citing
from generators.sections.legal.citing import _link_by_walking, link_legal_references
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


# Pieces of page HTML: tags that open and close skipped elements (in both cases, nested,
# self-closing), comments, raw-text elements, attributes holding numbers and "<a", entities,
# registered numbers with kinds and dates, numbers that only look alike.
_PIECES = [
    "<p>", "</p>", '<a href="x">', "</a>", "<A>", "</A>", "<h2>", "</h2>", "<H3 id=x>", "</h3>",
    "<code>", "</code>", "<svg/>", "<svg>", "</svg>", "<h2/>", "<br/>", "<li>", "</li>",
    "<!-- <a> 76/NQ-CP -->", "<script>var a = '<a>76/NQ-CP';</script>", "<title>76/NQ-CP</title>",
    '<p title="<a> 76/NQ-CP">', "<td class='h2 <code>'>", "<!DOCTYPE html>", "<![CDATA[ <a> ]]>",
    "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&#272;", "&#x2F;", "&Dstrok;",
    "Nghị quyết số ", "Nghị&nbsp;định ", "Quyết định ", "Văn bản ", "76/NQ-CP", "45/2020/NĐ-CP",
    "45/2020/N&#272;-CP", "17/KH-UBND", "250/KH-UBND", "18-NQ/TW", "176/NQ-CP", "76/NQ-CPX",
    " ngày 15/7/2021", " ngày 08 tháng 4 năm 2020", " ngày 15/7/2022", "(", ")", ", ", " ", "<",
    ">", '"', "2024", "Thông tin ", "\n",
]


def _register_without_ampersands() -> LegalRegister:
    """The small register without «12/KH-SKH&CN»: numbers HTML writes as they are."""
    whole = register()
    return whole.model_copy(
        update={"documents": [d for d in whole.documents if "&" not in d.number]}
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_reading_only_the_runs_with_a_number_gives_what_the_walk_gives(pieces: list[str]) -> None:
    """The linking reads only the text runs that hold a registered number, and the tags that
    open or close a skipped element: the result is the rule's, tag after tag, on any HTML."""
    html = "".join(pieces)
    for reg in (_register_without_ampersands(), register()):
        assert link_legal_references(html, reg, PAGE) == _link_by_walking(html, reg, PAGE)


def test_the_quick_reading_is_the_one_taken_for_numbers_html_writes_as_they_are() -> None:
    """Without an entity that may stand for a digit or letter, and without a raw-text element,
    pages are not walked tag by tag (the slow rule is only the fallback)."""
    html = "<p>Nghị quyết số 76/NQ-CP &amp; <a>45/2020/NĐ-CP</a></p>"
    reg = _register_without_ampersands()
    with patch.object(citing, "_link_by_walking", side_effect=AssertionError("walked")):
        linked = link_legal_references(html, reg, PAGE)
    assert linked.cited == ("76-nq-cp",)
    for walked in ("<p>76/NQ-CP &#272;</p>", "<p>76/NQ-CP</p><script>x</script>"):
        with patch.object(citing, "_link_by_walking", wraps=_link_by_walking) as walk:
            link_legal_references(walked, reg, PAGE)
        assert walk.called, walked
