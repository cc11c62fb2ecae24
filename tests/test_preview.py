"""The preview (`make serve`): the open page reloads by itself under the site's
Content-Security-Policy, says so while a rebuild runs, and a data error shows in the browser, in
Vietnamese, until it is fixed.

The browser test runs `mkdocs serve --dirty` (as `cchc serve` does) on a copy of the demo, on a
free loopback port.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import html as lxml_html
from playwright.sync_api import Page, sync_playwright

from generators.core.errors import DataError
from generators.plugin import CONTENT_SECURITY_POLICY
from generators.preview import PREVIEW_ONLY, PREVIEW_SCRIPT, SERVE_COMMAND, render_error_page

from .browser import CHROMIUM_FLAGS, chromium_path
from .conftest import copy_project, edit, free_port, parse, serving

ARTICLE = "content/tin-tuc/2024/ban-hanh-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024.md"
ARTICLE_PAGE = "tin-tuc/2024/ban-hanh-ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/"
QUESTION = "data/hoi-dap/doi-giay-phep-lai-xe-truc-tuyen.yml"
# Seconds a rebuild of the demo may take on a loaded two-core machine (it takes 1–2 s alone).
REBUILD = 120
SLOW_REBUILD = 2  # seconds every rebuild of the preview's copy lasts at least (fixture)


def test_error_page_names_file_line_field_and_escapes_what_the_editor_wrote() -> None:
    error = DataError(file="data/hoi-dap/x.yml", line=4, field="asked",
                      message="cần một ngày dạng YYYY-MM-DD", given="<script>alert(1)</script>")
    page = render_error_page([error], csp=CONTENT_SECURITY_POLICY, base="/")
    tree = lxml_html.fromstring(page)
    item = tree.xpath("//li")[0].text_content()
    assert "data/hoi-dap/x.yml, dòng 4, trường «asked»: cần một ngày dạng YYYY-MM-DD" in item
    assert "«<script>alert(1)</script>»" in item  # shown as text …
    assert len(tree.xpath("//script")) == 1  # … never run: the only script is the reloader
    assert tree.xpath("//script/@src") == [f"/{PREVIEW_SCRIPT}"]
    assert tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [
        CONTENT_SECURITY_POLICY
    ]
    assert tree.xpath("//html/@lang") == ["vi"]


def test_published_site_keeps_its_policy_and_ships_no_preview_file(built_site: Path) -> None:
    for name in PREVIEW_ONLY:
        assert not (built_site / name).exists(), name
    for path in (built_site / "index.html", built_site / ARTICLE_PAGE / "index.html"):
        text = path.read_text(encoding="utf-8")
        assert "cchc-preview" not in text, path
        policy = parse(path).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert policy == [CONTENT_SECURITY_POLICY], path
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`cchc serve`'s `mkdocs serve --dirty` on a copy of the demo; yields the copy and the
    preview's address."""
    project = copy_project(tmp_path / "project")
    # Every rebuild takes at least this long, as a large site's does: on a fast machine the
    # demo's takes well under a second, too short for the notice the test waits for.
    hook = tmp_path / "slow_rebuild.py"
    hook.write_text("import time\n\n\ndef on_post_build(config):\n"
                    f"    time.sleep({SLOW_REBUILD})\n", encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\nhooks:\n  - {hook}\n")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    url = f"http://127.0.0.1:{port}/"
    with serving([sys.executable, "-m", *SERVE_COMMAND, "-a", f"127.0.0.1:{port}"],
                 project, env, log, url):
        yield project, url


def mark(page: Page) -> None:
    """A flag in the page's window: gone once the page has reloaded."""
    page.evaluate("window.cchcNotReloaded = true")


def reloaded(page: Page) -> bool:
    return page.evaluate("window.cchcNotReloaded === undefined")


@pytest.mark.browser
def test_preview_reloads_the_open_page_and_shows_data_errors_until_fixed(
    preview: tuple[Path, str],
) -> None:
    project, url = preview
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(url + ARTICLE_PAGE, wait_until="load")
        title = page.locator("h1").first.inner_text()

        # An article saved: the open page reloads by itself and shows the change.
        mark(page)
        added = "Đoạn mới thêm khi xem trước trang."
        edit(project / ARTICLE, "\n## ", f"\n{added}\n\n## ")
        page.get_by_text(added).wait_for(timeout=REBUILD * 1000)
        assert reloaded(page)

        # A data file broken: the same tab shows the Vietnamese error, with file, line, field.
        mark(page)
        edit(project / QUESTION, "asked: 2024-03-04", "asked: hôm qua")
        heading = page.get_by_role("heading", name="chưa thể xem trước trang web")
        heading.wait_for(timeout=REBUILD * 1000)
        assert reloaded(page)
        problem = page.locator("li").first.inner_text()
        assert f"{QUESTION}, dòng 4, trường «asked»" in problem
        assert "«hôm qua»" in problem

        # Fixed: while every page is made again the error page says so (the server holds
        # requests meanwhile); then the page comes back, still reloading by itself.
        mark(page)
        edit(project / QUESTION, "asked: hôm qua", "asked: 2024-03-04")
        notice = page.get_by_role("status").filter(has_text="Đang cập nhật bản xem trước")
        notice.get_by_text("Đang cập nhật bản xem trước").wait_for(timeout=REBUILD * 1000)
        assert not reloaded(page)  # shown on the page as it was, before the reload
        assert re.search(r"\(\d+ giây\)$", notice.inner_text())
        page.get_by_text(added).wait_for(timeout=REBUILD * 1000)
        assert reloaded(page)
        assert not page.get_by_text("Đang cập nhật bản xem trước").is_visible()
        assert page.locator("h1").first.inner_text() == title
        browser.close()
    # All of it came through the system's change events: MkDocs polled one small folder only.
    log = (project.parent / "serve.log").read_text(encoding="utf-8")
    assert "Watching paths for changes: '.cache/preview-watch'\n" in log
