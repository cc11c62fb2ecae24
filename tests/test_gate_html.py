"""Quality gates on the built site's files: valid HTML, links that resolve, a strict CSP.

Part of `make check` (marker `gate`), which `make test` runs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lxml import html as lxml_html

from .conftest import ROOT
from .page_types import judged

pytestmark = [pytest.mark.gate, pytest.mark.build]

SITE_URL = "https://sgtvt.quangtri.gov.vn/cchc/"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_files(site: Path) -> list[Path]:
    return sorted(judged(site, site.rglob("*.html")))


def test_every_html_file_is_valid_for_the_nu_html_checker(built_site: Path) -> None:
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java and node_modules/vnu-jar: run `make check`")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu",
         str(built_site)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:30])
    assert len(html_files(built_site)) > 150  # the whole site was checked, not a sample


def _target(page: Path, site: Path, url: str) -> tuple[Path, str] | None:
    """The file a relative URL in `page` points to, and its fragment; None for other hosts."""
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or url.startswith(("mailto:", "tel:", "data:")):
        return None
    if not parsed.path:
        return page, parsed.fragment
    if parsed.path.startswith("/"):  # 404.html links from the site's root path (/cchc/)
        base = urlparse(SITE_URL).path
        target = (site / unquote(parsed.path).removeprefix(base)).resolve()
    else:
        target = (page.parent / unquote(parsed.path)).resolve()
    if url.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parsed.fragment


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    site = built_site.resolve()
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            tree = lxml_html.fromstring(path.read_bytes())
            ids[path] = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
        return ids[path]

    broken: list[str] = []
    checked = 0
    for page in html_files(site):
        tree = lxml_html.fromstring(page.read_bytes())
        urls = tree.xpath("//a/@href | //link/@href | //img/@src | //script/@src | "
                          "//source/@src | //video/@poster | //form/@action")
        urls += [c.strip().split()[0] for s in tree.xpath("//@srcset") for c in s.split(",")
                 if c.strip()]
        for url in urls:
            found = _target(page, site, url)
            if found is None:
                continue
            target, fragment = found
            checked += 1
            where = f"{page.relative_to(site)} → {url}"
            if not target.is_relative_to(site) or not target.exists():
                broken.append(f"{where} (no file)")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
                broken.append(f"{where} (no #{fragment})")
    assert not broken, f"{len(broken)} of {checked} links broken:\n" + "\n".join(broken[:40])
    assert checked > 5000


def test_every_page_carries_a_strict_content_security_policy(built_site: Path) -> None:
    for page in html_files(built_site):
        tree = lxml_html.fromstring(page.read_bytes())
        head = tree.find("head")
        assert head is not None
        first = head.xpath("./meta[@http-equiv]")[0]
        assert first.get("http-equiv") == "Content-Security-Policy", page
        assert head.index(first) <= 1, f"{page}: the policy must come before any resource"
        policy = first.get("content")
        assert "script-src 'self';" in policy and "style-src 'self';" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        inline = [s for s in tree.xpath("//script[not(@src)]")
                  if s.get("type") != "application/json"]
        assert not inline, f"{page}: inline script"
        handlers = [a for a in tree.xpath("//@*") if a.attrname.startswith("on")]
        assert not handlers, f"{page}: inline event handler {handlers[0].attrname}"
        assert not tree.xpath("//@style | //style"), f"{page}: inline style"
