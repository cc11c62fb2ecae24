"""Generated pages filled into shells of the theme are the theme's own pages, byte for byte.

The build renders Material's main.html once per kind of page and fills each page's texts in
(generators/theme_fill.py), then publishes it through the shell minified once
(generators/filled_minify.py); these tests hold both to the theme's own rendering, minified.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from bench.builders import _front
from bench.corpus import corpus
from generators.theme_fill import Shell, cut, link_targets, prints_as_itself
from tests.conftest import PINNED_EPOCH, copy_project

HOSTILE_TITLES = [
    "Thông báo  hai dấu cách",  # striptags would fold the spaces: rendered by the theme
    'Tin "trong ngoặc" & <b>không phải thẻ</b> của Sở',
    "Hỏi – đáp: 'một cửa' liên thông\u00a0ngày 05/02",
]


def test_a_shell_is_cut_at_its_markers_and_filled_with_any_text() -> None:
    shell = cut("<title>MT - site</title><h1>MT</h1><main>MC</main>",
                {"title": "MT", "content": "MC"}, "tin-tuc/x/")
    assert shell.parts == ("<title>", "title", " - site</title><h1>", "title", "</h1><main>",
                           "content", "</main>")
    assert shell.fill({"title": "A &amp; B", "content": "MT MC"}) == (
        "<title>A &amp; B - site</title><h1>A &amp; B</h1><main>MT MC</main>")


def test_texts_are_filled_only_when_the_filters_would_leave_them_as_they_are() -> None:
    assert prints_as_itself(Markup("Kế hoạch số 12/KH-SXD &amp; phụ lục &#39;A&#39;"))
    assert prints_as_itself("2024-07-15T08:00:00+07:00")  # a plain text with nothing to escape
    assert not prints_as_itself("plain <str>, never escaped")
    assert not prints_as_itself(Markup("hai  dấu cách"))
    assert not prints_as_itself(Markup("xuống\ndòng"))
    assert not prints_as_itself(Markup("<b>thẻ</b>"))


def test_a_page_the_theme_links_to_is_never_filled() -> None:
    rendered = ('<a href="../../">home</a><form action="../../tim-kiem/"></form>'
                '<link href="../../assets/x.css"><a href="https://other.example/">x</a>')
    targets = link_targets(rendered, "tin-tuc/mark/")
    assert targets == {"", "tim-kiem", "assets/x.css"}
    shell = Shell(("",), targets)
    assert shell.links_under("tim-kiem/")
    assert not shell.links_under("tin-tuc/bai-viet/")
    assert not shell.links_under("tim-kiem-nang-cao/")


def _project(tmp: Path, plugin: str) -> Path:
    project = copy_project(tmp)
    folder = project / "content" / "tin-tuc" / "2023"
    folder.mkdir(parents=True, exist_ok=True)
    articles = corpus(30)
    articles[:3] = [dataclasses.replace(a, title=t) for a, t in zip(articles, HOSTILE_TITLES,
                                                                     strict=False)]
    for a in articles:
        meta = {"title": a.title, "date": a.date.replace(year=2023).strftime("%Y-%m-%d %H:%M"),
                "summary": a.summary, "category": a.category[0], "tags": a.tags, "slug": a.slug}
        (folder / f"{a.slug}.md").write_text(_front(meta) + a.body + "\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert re.search(r"^  - cchc\b.*$", text, re.M)
    config.write_text(re.sub(r"^  - cchc\b.*$", f"  - cchc:\n{plugin}", text, flags=re.M),
                      encoding="utf-8")
    return project


def _build(project: Path) -> tuple[Path, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    site = project / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site, result.stdout + result.stderr


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    theirs, _ = _build(_project(tmp_path_factory.mktemp("theme"), "      fill_theme: false"))
    ours, log = _build(_project(tmp_path_factory.mktemp("filled"), "      theme_check: every"))
    return theirs, ours, log


def test_every_page_is_the_same_as_the_theme_renders_it(two_builds: tuple[Path, Path, str]) -> None:
    theirs, ours, log = two_builds
    names = sorted(p.relative_to(theirs) for p in theirs.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file())
    different = [n for n in names if (theirs / n).read_bytes() != (ours / n).read_bytes()]
    assert different == []
    # … and the shells were used: every article page but the first of its year is filled, each
    # one compared with the theme's rendering during the build (theme_check: every).
    filled = int(re.search(r"theme: (\d+) pages filled", log).group(1))  # type: ignore[union-attr]
    assert filled >= 25
    # … and published through their shells minified once, each compared with the page minified
    # whole (filled_minify.py; a difference would have stopped the build).
    composed = re.search(r"minify: (\d+) pages through their shell", log)
    assert composed and int(composed.group(1)) >= 25


def test_a_title_the_filters_would_change_keeps_the_themes_rendering(
    two_builds: tuple[Path, Path, str],
) -> None:
    _, ours, _ = two_builds
    page = (ours / "tin-tuc" / "2023" / "bai-viet-so-1" / "index.html").read_text(encoding="utf-8")
    assert "<title>Thông báo  hai dấu cách - " in page
    assert 'content="Thông báo hai dấu cách"' in page  # DC.title, through striptags


def test_a_template_that_branches_on_a_title_stops_the_build_with_advice(tmp_path: Path) -> None:
    """A customised main.html printing something for some titles only cannot be filled: the
    sampled comparison finds it and the build stops, saying what to do, instead of publishing
    pages that differ from the theme's."""
    project = _project(tmp_path, "      theme_check: first")
    main = project / "templates" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block header %}",
        "{% block header %}{% if page and page.meta and page.meta.title|length is odd %}"
        "<!-- lẻ -->{% endif %}", 1),
        encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generators.cli", "--root", str(project), "build",
         "--site-dir", str(tmp_path / "site")],
        env=env, capture_output=True, text=True, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "bản ghép khác bản của giao diện" in output and "fill_theme: false" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()  # nothing published


def test_a_change_every_page_shows_minifies_no_content_again(tmp_path: Path) -> None:
    """A featured hotline number is in every page's header: the next build composes each filled
    page from its shell and the content it minified before (.cache/html-content/), and gives
    the bytes a clean build gives."""
    project = _project(tmp_path, "      theme_check: every")
    _build(project)
    hotlines = project / "data" / "duong-day-nong.yml"
    text = hotlines.read_text(encoding="utf-8")
    assert "number: 0233 3852 402" in text
    hotlines.write_text(text.replace("number: 0233 3852 402", "number: 0233 3852 499"),
                        encoding="utf-8")
    site, log = _build(project)
    warm = site.rename(tmp_path / "warm")
    shutil.rmtree(project / ".cache")
    clean, _ = _build(project)
    names = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(warm) for p in warm.rglob("*") if p.is_file())
    assert [n for n in names if (clean / n).read_bytes() != (warm / n).read_bytes()] == []
    assert "0233 3852 499" in (warm / "tin-tuc" / "2023" / "bai-viet-so-5" / "index.html"
                               ).read_text(encoding="utf-8")
    found = re.search(r"minify: (\d+) pages .* contents: (\d+) from the cache, (\d+) minified", log)
    assert found, log[-2000:]
    composed, cached, minified = map(int, found.groups())
    assert composed >= 25 and cached == composed and minified == 0


def test_a_shell_links_under_an_address_exactly_when_one_of_its_links_starts_with_it() -> None:
    """Shell.links_under answers from the folders its links are in (asked for every page);
    the same answer as comparing the address with each link, on random links and addresses."""
    import random

    rng = random.Random(14)
    parts = ["a", "b", "ab", "tin-tuc", "2024", "x", ""]
    for _ in range(3000):
        targets = frozenset("/".join(rng.choice(parts) for _ in range(rng.randint(0, 3)))
                            for _ in range(rng.randint(0, 6)))
        url = "/".join(rng.choice(parts) for _ in range(rng.randint(0, 3))) + rng.choice("/ ")
        url = url.rstrip(" ")
        shell = Shell(("x",), targets)
        assert shell.links_under(url) == any(f"{t}/".startswith(url) for t in targets), (
            targets, url)
