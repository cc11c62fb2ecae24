"""Raw HTML in what editors write is neutralised by one policy, on pages and in feeds.

The hostile fixtures (tests/fixtures/hostile/) put the same Markdown, raw-html.md, into each kind
of editor-written text: a plan section, a question's answer, a procedure step, an article body,
the site's intro, and a Markdown page added to content/. The demo site is built with them, and
no script, style, iframe, object, form, event attribute or javascript: link may survive on their
pages or in any feed, while the harmless formatting around them stays (neutralised, not refused:
README, "Raw HTML in content").
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from generators.core.html_policy import clean_feed_html, clean_page_html
from generators.core.markup import render_markdown

from .conftest import copy_project, run_build
from .feedcheck import ATOM, CONTENT

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
PAYLOAD = (HOSTILE / "raw-html.md").read_text(encoding="utf-8")

# The page of each kind of content, once the fixtures are in the demo.
PAGES = {
    "plan section": "ke-hoach/ke-hoach-thu-html/index.html",
    "answer": "hoi-dap/cau-hoi-thu-html/index.html",
    "procedure step": "thu-tuc/thu-tuc-thu-html/index.html",
    "article body": "tin-tuc/2024/bai-thu-html-doc-hai/index.html",
    "site intro": "index.html",
    "content page": "trang-thu-html/index.html",
}
FEEDS = ["rss.xml", "atom.xml", "hoi-dap/rss.xml", "thu-tuc/rss.xml",
         "tin-tuc/chuyen-muc/hoat-dong/rss.xml"]
# Elements the payload holds that no page content may keep (the theme has its own search form
# and icons, so form, input and svg are looked for by what the payload gave them; every page's
# own Content-Security-Policy <meta> is the one http-equiv allowed).
FORBIDDEN = "//iframe|//object|//embed|//base" \
    "|//meta[@http-equiv][@http-equiv != 'Content-Security-Policy']" \
    "|//style[contains(., 'none')]" \
    "|//form[contains(@action, 'example.com')]|//input[@name='mat-khau']" \
    "|//link[contains(@href, 'example.com')]|//circle"
_SCHEME_NOISE = re.compile(r"[\x00-\x20]")


def problems(tree: etree._Element) -> list[str]:
    """What in `tree` could run code or restyle the page."""
    found = [etree.tostring(e, encoding="unicode")[:80] for e in tree.xpath(FORBIDDEN)]
    for script in tree.xpath("//script"):
        if "alert" in (script.text or "") or "://" in script.get("src", ""):
            found.append(etree.tostring(script, encoding="unicode")[:80])
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            url = _SCHEME_NOISE.sub("", value).lower()
            if name.startswith("on") or (name in ("href", "src", "action", "data", "formaction")
                                         and url.startswith(("javascript:", "data:", "vbscript:"))):
                found.append(f"<{element.tag} {name}={value!r}>")
    return found


def kept_formatting(fragment: str) -> bool:
    """The payload's harmless parts survive: neutralised, not dropped."""
    return all(text in fragment for text in ("<strong>chữ đậm</strong>", "liên kết chạy mã",
                                             "đoạn có sự kiện", 'alt="ảnh thử"'))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with the hostile fixtures added, built as an editor builds it."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    data, news = project / "data", project / "content" / "tin-tuc" / "2024"
    shutil.copy(HOSTILE / "plan-section.yml", data / "ke-hoach" / "ke-hoach-thu-html.yml")
    shutil.copy(HOSTILE / "question-answer.yml", data / "hoi-dap" / "cau-hoi-thu-html.yml")
    shutil.copy(HOSTILE / "procedure-step.yml", data / "thu-tuc" / "thu-tuc-thu-html.yml")
    shutil.copy(HOSTILE / "article-body.md", news / "bai-thu-html-doc-hai.md")
    shutil.copy(HOSTILE / "content-page.md", project / "content" / "trang-thu-html.md")
    site = data / "site.yml"
    text = site.read_text(encoding="utf-8")
    intro = "intro: |\n" + "".join(f"  {line}\n" if line else "\n" for line in
                                   PAYLOAD.rstrip("\n").split("\n"))
    site.write_text(re.sub(r"^intro: \|\n(?:  .*\n|\n)*", intro, text, count=1, flags=re.M),
                    encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.build
@pytest.mark.parametrize("kind", PAGES)
def test_hostile_html_is_neutralised_on_each_kind_of_page(hostile_site: Path, kind: str) -> None:
    page = (hostile_site / PAGES[kind]).read_text(encoding="utf-8")
    assert problems(html.fromstring(page)) == []
    assert kept_formatting(page)


@pytest.mark.build
@pytest.mark.parametrize("feed", FEEDS)
def test_hostile_html_is_neutralised_in_every_feed(hostile_site: Path, feed: str) -> None:
    root = etree.fromstring((hostile_site / feed).read_bytes())
    contents = [e.text or "" for e in root.iter(CONTENT, f"{ATOM}content", "description",
                                                f"{ATOM}summary")]
    assert contents
    for fragment in contents:
        if fragment.strip():
            tree = html.fragment_fromstring(fragment, create_parent="div")
            assert problems(tree) == [], (feed, fragment[:200])
            assert "<script" not in fragment


@pytest.mark.build
def test_the_hostile_content_reached_the_feeds_it_belongs_to(hostile_site: Path) -> None:
    """Else the test above could pass on feeds that never carried it."""
    rss = (hostile_site / "rss.xml").read_text(encoding="utf-8")
    answers = (hostile_site / "hoi-dap" / "rss.xml").read_text(encoding="utf-8")
    changes = (hostile_site / "thu-tuc" / "rss.xml").read_text(encoding="utf-8")
    assert "Bài thử nội dung HTML độc hại" in rss and kept_formatting(rss)
    assert "cau-hoi-thu-html" in answers and kept_formatting(answers)
    assert "1.009999" in changes


@pytest.mark.build
def test_the_clean_demo_passes_the_same_checks(built_site: Path) -> None:
    """The theme's own scripts and forms are not what the checks look for."""
    for path in ["index.html", "tim-kiem/index.html", "ke-hoach/index.html"]:
        assert problems(html.fromstring((built_site / path).read_text(encoding="utf-8"))) == []


# --- the policy itself, without a build -----------------------------------------------------

def test_every_markdown_field_goes_through_the_page_policy() -> None:
    rendered = str(render_markdown(PAYLOAD))
    assert rendered == clean_page_html(render_markdown.unsanitised(PAYLOAD))
    assert problems(html.fragment_fromstring(rendered, create_parent="div")) == []
    assert kept_formatting(rendered)
    assert "<script" in render_markdown.unsanitised(PAYLOAD)  # the fixture is hostile indeed


@pytest.mark.parametrize("clean", [clean_page_html, clean_feed_html])
@pytest.mark.parametrize(("raw", "kept"), [
    ('<a href="https://dichvucong.gov.vn/">Cổng</a>', 'href="https://dichvucong.gov.vn/"'),
    ('<a href="tel:02333852402">Gọi</a>', 'href="tel:02333852402"'),
    ("<table><tr><th scope=\"col\">Mã</th></tr></table>", 'scope="col"'),
    ('<img src="anh.jpg" alt="Ảnh" width="10" height="5">', 'alt="Ảnh"'),
    ("<script>alert(1)</script>Chữ", "Chữ"),
    ('<a href=" javascript:alert(1)">x</a>', "x</a>"),
    ('<a href="data:text/html,x">x</a>', "<a"),
])
def test_the_policy_keeps_formatting_and_drops_code(clean: object, raw: str, kept: str) -> None:
    cleaned = clean(raw)  # type: ignore[operator]
    assert kept in cleaned
    assert "alert" not in cleaned and "data:" not in cleaned and "javascript" not in cleaned
