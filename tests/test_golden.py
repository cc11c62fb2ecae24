"""Generated output compared with committed golden files.

After an intended change of output, refresh them with `make golden` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generators.core.environment import make_environment
from generators.core.portal import Portal
from generators.core.profile import SiteProfile
from generators.core.theme_css import render_colours_css
from generators.core.yamlsource import read_yaml
from generators.sections.hotlines.model import HotlineDirectory
from generators.sections.hotlines.vcard import render_vcard
from generators.sections.plans.model import PLANS, Plan, PlanDocument
from generators.sections.plans.pages import plan_page, plans_index_page
from generators.sections.posters.model import POSTERS, Poster, PosterDocument
from generators.sections.posters.pages import artwork, poster_page, web_sheet_css
from generators.sections.questions.model import QUESTIONS
from generators.sections.questions.pages import question_page

from .conftest import ROOT
from .test_qa import small_portal as small_qa_portal

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures" / "good"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: run `make golden`"


@pytest.fixture(scope="module")
def portal() -> Portal:
    site_data, _ = read_yaml(ROOT / "data" / "site.yml", "site.yml")
    plan_data, _ = read_yaml(FIXTURES / "plan-small.yml", "plan-small.yml")
    plan = Plan("ke-hoach-mau", PlanDocument.model_validate(plan_data))
    poster_data, _ = read_yaml(FIXTURES / "poster-small.yml", "poster-small.yml")
    poster = Poster("ap-phich-mau", PosterDocument.model_validate(poster_data))
    site = SiteProfile.model_validate(site_data)
    return Portal(site=site, parts={PLANS: [plan], POSTERS: [poster]})


def test_plan_page(portal: Portal) -> None:
    env = make_environment(ROOT / "templates")
    page = plan_page(env, portal, portal[PLANS][0])
    assert page.path == "ke-hoach/ke-hoach-mau/"
    assert page.date == "2024-02-05"
    check_golden("plan-small.html", page.html)


def test_plans_index(portal: Portal) -> None:
    env = make_environment(ROOT / "templates")
    check_golden("plans-index.html", plans_index_page(env, portal).html)


def test_question_page() -> None:
    portal = small_qa_portal()
    page = question_page(make_environment(ROOT / "templates"), portal, portal[QUESTIONS][0])
    check_golden("question-small.html", page.html)


def test_vcard(portal: Portal) -> None:
    directory = HotlineDirectory.model_validate(
        read_yaml(FIXTURES / "hotlines-small.yml", "hotlines-small.yml")[0]
    )
    card = render_vcard(directory.units[0], portal.site.name, f"{portal.site.url}duong-day-nong/")
    # Lines end in CRLF (RFC 2426); tests/test_hotlines.py checks that, the golden file has LF.
    check_golden("van-phong-so.vcf", card.decode("utf-8").replace("\r\n", "\n"))


def test_colours_css(portal: Portal) -> None:
    check_golden("colours.css", render_colours_css(portal.site.colours))


def test_poster_page(portal: Portal) -> None:
    env = make_environment(ROOT / "templates")
    page = poster_page(env, portal, portal[POSTERS][0], {"ap-phich/ap-phich-mau/ap-phich-mau.pdf":
                                                         123_456})
    assert page.path == "ap-phich/ap-phich-mau/"
    assert "(PDF, 123 KB, A4, 210 × 297 mm)" in page.html
    check_golden("poster-small.html", page.html)


def test_poster_sheet_css(portal: Portal) -> None:
    """The fitted sizes of an A4 poster: a change of layout shows here as a diff."""
    poster = portal[POSTERS][0]
    check_golden("poster-small.css", web_sheet_css(artwork(poster, portal.site), portal.site))
