"""Shared fixtures: the project root, a throw-away copy of the project, the built demo site."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lxml import html as lxml_html

from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.vietnamese.dates import VIETNAM_TZ

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
# Feed autodiscovery links (rel="alternate feed": see templates/main.html).
FEED_LINKS = "//link[contains(concat(' ', @rel, ' '), ' alternate ')]"
# 2024-12-31 12:00 +07:00: a fixed "now" so dated content and reports never drift.
PINNED_EPOCH = "1735621200"


def copy_project(target: Path) -> Path:
    """A copy of everything a build reads, to break safely in a test."""
    for name in ("content", "data", "templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    # The print cache too, as an editor's working copy has it: unchanged posters are reused.
    if (ROOT / ".cache" / "posters").is_dir():
        shutil.copytree(ROOT / ".cache" / "posters", target / ".cache" / "posters")
    return target


def edit(path: Path, old: str, new: str) -> None:
    """An editor's change: the first `old` in the file becomes `new` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: «{old}» not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_served(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until a preview server (`mkdocs serve`, `properdocs serve`) answers `url`; fails with the
    end of its log if it stops or does not answer in five minutes."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("the preview stopped:\n" + log.read_text(encoding="utf-8")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(1)
    pytest.fail("the preview did not answer:\n" + log.read_text(encoding="utf-8")[-3000:])


@contextmanager
def serving(command: Sequence[str], project: Path, env: Mapping[str, str], log: Path,
            url: str) -> Iterator[None]:
    """A preview server (`command`) running in `project`, its output in `log`, from the moment
    it answers `url` until the block ends; then stopped."""
    with log.open("wb") as output:
        process = subprocess.Popen(list(command), cwd=project, env=dict(env), stdout=output,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_served(url, process, log)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for(condition: Callable[[], bool], seconds: float, every: float) -> bool:
    """Whether `condition` became true within `seconds`, asked every `every` seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


# Folders of content/ holding files the demo's data names (procedure forms, video guides,
# supplied prints): a test project with the demo's data/ and its own content/ needs them too.
DEMO_FILES = ("thu-tuc", "video-huong-dan", "ap-phich")


def copy_demo_files(content: Path) -> None:
    for folder in DEMO_FILES:
        shutil.copytree(ROOT / "content" / folder, content / folder, dirs_exist_ok=True)


def run_build(project: Path, site_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`cchc build` as an editor runs it, with the clock pinned."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generators.cli", "--root", str(project), "build",
         "--site-dir", str(site_dir), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once per test session with `--strict`."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many hostile-input cases ran (tests/hostile.py): the closing note of issue 9 cites it."""
    from .hostile import CASES

    if not CASES:
        return
    groups: dict[str, dict[str, int]] = {}
    for key, count in CASES.items():
        group, name = key.split("/")[:2]
        groups.setdefault(group, {}).setdefault(name, 0)
        groups[group][name] += count
    parts = [
        f"{group} {sum(names.values())} ("
        + ", ".join(f"{name} {count}" for name, count in names.items()) + ")"
        for group, names in groups.items()
    ]
    terminalreporter.write_line(
        f"hostile input: {sum(CASES.values())} generated and edge cases; " + "; ".join(parts)
    )


@pytest.fixture(scope="module")
def portal() -> Portal:
    """The demo data as the pinned build clock sees it."""
    now = datetime.fromtimestamp(int(PINNED_EPOCH), VIETNAM_TZ)
    return load_portal(ROOT / "data", ROOT, content_dir=ROOT / "content", now=now)


def is_redirect(path: Path) -> bool:
    """A static redirect page (data/chuyen-huong.yml), not a themed page of the site."""
    return b'http-equiv="refresh"' in path.read_bytes()[:2000]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The built demo served on 127.0.0.1 under /cchc/, as deployed (tests/browser.py)."""
    from .browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the browser tests (a module may define its own)."""
    from playwright.sync_api import sync_playwright

    from .browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def parse(path: Path) -> lxml_html.HtmlElement:
    """A built page, parsed."""
    return lxml_html.fromstring(path.read_bytes())
