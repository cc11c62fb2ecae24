"""The web editor (/quan-tri/) in Chromium, as an editor of the board uses it locally.

Against a copy of the demo project in a temporary folder: `decap-server` (the local backend,
pinned in package-lock.json) on 127.0.0.1, the built site served on 127.0.0.1. The editor
writes an article with a picture and changes a hotline number; the files land in content/ and
data/ of the copy, and the next build publishes them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generators.sections.news.reading import NEWS_DIR
from generators.vietnamese.text import slugify

from .browser import CHROMIUM_FLAGS, chromium_path, serve
from .conftest import ROOT, copy_project, free_port

pytestmark = [pytest.mark.browser, pytest.mark.build]

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TITLE = "Đường dây nóng của Sở tiếp nhận phản ánh về đăng kiểm xe"
NEW_NUMBER = "0233 3852 999"
SCREENSHOTS = Path("/tmp/cchc-editor")


def build(project: Path, site: Path, port: int) -> subprocess.CompletedProcess[str]:
    # Today's clock, not the pinned one: Decap files a new article under the current year.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CCHC_EDITOR_PORT": str(port)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "generators.cli", "--root", str(project), "build",
         "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )


@contextmanager
def local_backend(project: Path, port: int) -> Iterator[None]:
    """decap-server writing into `project`, listening on 127.0.0.1 only (as `make edit`)."""
    node = shutil.which("node")
    if not node or not DECAP_SERVER.is_file():
        pytest.fail("the editor test needs Node and node_modules/decap-server: run `make test`")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    process = subprocess.Popen([node, str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"decap-server did not start: {process.stderr.read()[:500]}")
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_an_editor_writes_an_article_and_a_hotline_in_the_browser(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    project = copy_project(tmp_path / "project")
    port = free_port()
    result = build(project, tmp_path / "site", port)
    assert result.returncode == 0, result.stdout + result.stderr
    picture = tmp_path / "tiep-nhan-phan-anh.jpg"
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(picture, "JPEG")
    SCREENSHOTS.mkdir(exist_ok=True)

    requests: list[str] = []
    problems: list[str] = []
    with local_backend(project, port), serve(tmp_path / "site") as base, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        context.on("request", lambda r: requests.append(r.url))
        context.on("console", lambda m: problems.append(m.text)
                   if "Content Security Policy" in m.text or "Refused to" in m.text else None)
        page = context.new_page()
        page.goto(base + "quan-tri/")
        login = page.get_by_role("button", name="Đăng nhập")
        expect(login).to_be_visible(timeout=20_000)
        login.click()
        expect(page.get_by_text("Bộ sưu tập")).to_be_visible(timeout=20_000)
        body = page.inner_text("body")
        for label in ("Tin, bài", "Hỏi đáp", "Đường dây nóng", "Thủ tục hành chính",
                      "Văn bản pháp luật", "Ấn phẩm tuyên truyền", "Kế hoạch", "Thông tin cơ quan"):
            assert label in body
        assert "Thêm bài viết" in body  # Decap's own "＋" is an empty box in common fonts
        page.screenshot(path=str(SCREENSHOTS / "danh-sach.png"))

        # A new article with a lead picture, then the head of the board unticks «Bản nháp».
        page.goto(base + "quan-tri/#/collections/tin-tuc/new")
        title = page.locator("#" + page.get_by_text("Tiêu đề", exact=True).first
                             .get_attribute("for"))
        expect(title).to_be_visible(timeout=20_000)
        title.fill(TITLE)
        field = lambda label: page.locator(  # noqa: E731
            "#" + page.locator("label", has_text=label).first.get_attribute("for"))
        # The interface is Vietnamese, including what Decap's own Vietnamese locale lacks.
        english = [w for w in ("Add ", "Copy", "Toggle", "Expand", "Choose") if w in
                   page.inner_text("body")]
        assert not english, english
        field("Ngày đăng").click()
        today = page.evaluate("() => new Date().toLocaleDateString('sv')")  # the browser's day
        page.keyboard.type(f"{today} 00:01")
        page.keyboard.press("Escape")
        field("Tóm tắt").fill("Từ hôm nay, người dân phản ánh về đăng kiểm xe qua số "
                              "đường dây nóng mới của Văn phòng Sở.")
        field("Chuyên mục").click()
        page.keyboard.type("Hoạt động")
        page.keyboard.press("Enter")
        page.get_by_text("Chọn một hình").click()
        expect(page.get_by_text("Sao chép tên")).to_have_count(0)  # no picture yet
        page.locator("input[type=file]").set_input_files(str(picture))
        expect(page.get_by_role("button", name="Sao chép tên")).to_be_visible(timeout=20_000)
        chosen = page.get_by_role("button", name="Lấy những cái đã chọn")
        expect(chosen).to_be_enabled(timeout=20_000)
        chosen.click()
        field("Mô tả ảnh").fill("Cán bộ Văn phòng Sở trực đường dây nóng")
        editor = page.locator("[contenteditable=true]").first
        editor.click()
        page.keyboard.type("Văn phòng Sở trực đường dây nóng trong giờ hành chính.")
        page.locator("label", has_text="Bản nháp").first.click()  # the head approves
        page.screenshot(path=str(SCREENSHOTS / "bai-viet.png"))
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        expect(page.get_by_text("Thay đổi đã được lưu")).to_be_visible(timeout=20_000)

        # A hotline number changed in the hotlines register.
        page.close()  # a fresh page, as an editor opening the register from the menu
        page = context.new_page()
        page.goto(base + "quan-tri/#/collections/duong-day-nong/entries/duong-day-nong")
        number = page.locator("input[value='0233 3852 402']")
        unit = page.get_by_text("Văn phòng Sở Xây dựng", exact=True).first
        unit.locator("xpath=..").locator("button").first.click()  # unfold the unit
        expect(number).to_be_visible(timeout=20_000)
        number.fill(NEW_NUMBER)
        page.screenshot(path=str(SCREENSHOTS / "duong-day-nong.png"))
        page.get_by_role("button", name="Công bố").first.click()
        page.get_by_text("Công bố ngay").click()
        expect(page.get_by_text("Thay đổi đã được lưu")).to_be_visible(timeout=20_000)
        browser.close()

    hosts = {url.split("/")[2] for url in requests if url.startswith("http")}
    assert hosts <= {base.split("/")[2], f"127.0.0.1:{port}"}, hosts
    assert not problems, problems

    # The file is named by our slug rule (đ → d, no diacritics), in the year's folder.
    year = today[:4]
    article = project / "content" / NEWS_DIR / year / f"{slugify(TITLE)}.md"
    assert article.is_file(), [str(p) for p in (project / "content").rglob("*.md")][-3:]
    front = yaml.safe_load(article.read_text(encoding="utf-8").split("---")[1])
    assert front["title"] == TITLE and front["category"] == "hoat-dong"
    assert front["draft"] is False
    assert (article.parent / front["image"]).is_file()
    assert front["image"].startswith("anh/")
    hotlines = (project / "data" / "duong-day-nong.yml").read_text(encoding="utf-8")
    assert NEW_NUMBER in hotlines and "0233 3852 402" not in hotlines

    site = tmp_path / "site-after"
    result = build(project, site, port)
    assert result.returncode == 0, result.stdout + result.stderr
    published = list((site / NEWS_DIR / year).glob("*/index.html"))
    assert any(TITLE in p.read_text(encoding="utf-8") for p in published)
    assert NEW_NUMBER in (site / "duong-day-nong" / "index.html").read_text(encoding="utf-8")
