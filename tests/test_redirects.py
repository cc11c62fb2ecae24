"""Old addresses redirected (issue 17, item 11): data/chuyen-huong.yml, old URL → new URL, each
written as a static page with the site's policy, a canonical link, an immediate refresh and a
visible link. The quality gates (Nu checker, CSP, links, axe) read these files like any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.core.csp import CONTENT_SECURITY_POLICY
from generators.core.portal import Portal
from generators.sections.redirects.model import REDIRECTS, RedirectMap
from generators.sections.redirects.pages import output_path
from generators.sections.redirects.section import check_map

from .conftest import parse


def test_the_demo_redirects_its_predecessors_addresses(portal: Portal) -> None:
    register = portal[REDIRECTS]
    assert register is not None and register.illustrative
    assert {r.old for r in register.redirects} >= {"lien-he/", "gioi-thieu-so-gtvt/"}


@pytest.fixture(scope="module")
def register(portal: Portal) -> RedirectMap:
    assert portal[REDIRECTS] is not None
    return portal[REDIRECTS]


def test_every_old_address_is_a_redirect_page(built_site: Path, register: RedirectMap) -> None:
    for redirect in register.redirects:
        file = built_site / output_path(redirect)
        page = parse(file)
        head = page.find("head")
        assert head is not None
        policy, refresh = head.xpath("./meta[@http-equiv]")
        assert policy.get("http-equiv") == "Content-Security-Policy"
        assert policy.get("content") == CONTENT_SECURITY_POLICY
        delay, _, url = refresh.get("content").partition("; url=")
        assert refresh.get("http-equiv") == "refresh" and delay == "0"
        [canonical] = head.xpath("./link[@rel='canonical']/@href")
        assert canonical.startswith("https://") and "#" not in canonical
        assert canonical.endswith(redirect.new.split("#")[0])
        [visible] = page.xpath("//main//a/@href")
        assert visible == url
        # The relative target resolves to a file of the built site.
        target = (file.parent / url.split("#")[0]).resolve()
        assert (target / "index.html" if url.split("#")[0].endswith("/") else target).is_file()


def test_the_map_refuses_the_same_old_address_twice() -> None:
    register = RedirectMap.model_validate({"redirects": [
        {"old": "lien-he/", "new": "gioi-thieu/"}, {"old": "lien-he/", "new": "thu-tuc/"},
        {"old": "thu-tuc/", "new": "thu-tuc/"}]})
    assert [path for path, _ in check_map(register)] == [
        ("redirects", 1, "old"), ("redirects", 2, "new")]


@pytest.mark.parametrize("old", ["/lien-he/", "https://x.vn/a/", "Liên-hệ/", "lien-he"])
def test_an_old_address_is_a_path_of_this_site(old: str) -> None:
    with pytest.raises(ValueError, match="đường dẫn cũ"):
        RedirectMap.model_validate({"redirects": [{"old": old, "new": "gioi-thieu/"}]})
