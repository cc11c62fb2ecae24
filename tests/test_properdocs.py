"""Engine independence: the demo builds with ProperDocs (the maintained fork of MkDocs 1.6), in a
venv without MkDocs (`make properdocs`, installed by `make test`), to the same site as with
MkDocs, byte for byte except the `generator` tag the engine writes in every page."""

from __future__ import annotations

import os
import re
import subprocess
import urllib.request
from importlib.metadata import version
from pathlib import Path

import pytest

from .conftest import (
    PINNED_EPOCH,
    ROOT,
    copy_project,
    edit,
    free_port,
    serving,
    wait_for,
)

pytestmark = pytest.mark.build

PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"
GENERATOR = re.compile(rb'<meta content="([^"]*)" name=generator>')


def engine_python() -> Path:
    if not PYTHON.is_file():
        pytest.fail("ProperDocs is not installed: run `make properdocs` (make test does)")
    return PYTHON


def test_properdocs_venv_has_no_mkdocs() -> None:
    found = subprocess.run(
        [str(engine_python()), "-c",
         "import importlib.util; print(importlib.util.find_spec('mkdocs') is None)"],
        capture_output=True, text=True, check=True,
    )
    assert found.stdout.strip() == "True"


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_demo_builds_with_properdocs_to_the_same_site(
    built_site: Path, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [str(engine_python()), "-m", "properdocs", "build", "-f", "mkdocs.yml", "--strict",
         "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = files(built_site), files(site)
    assert sorted(theirs) == sorted(ours)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert all(name.endswith(".html") for name in differing), differing
    for name in differing:
        assert GENERATOR.sub(b"", ours[name]) == GENERATOR.sub(b"", theirs[name]), name
    page = "index.html"
    material = version("mkdocs-material").encode()  # the pin of pyproject.toml, in both venvs
    assert GENERATOR.findall(ours[page]) == [b"mkdocs-1.6.1, mkdocs-material-" + material]
    assert GENERATOR.findall(theirs[page]) == [
        b"mkdocs-ProperDocs 1.6.7, mkdocs-material-" + material
    ]


def test_the_preview_under_properdocs_watches_natively_and_serves_a_saved_article(
    tmp_path: Path,
) -> None:
    """`properdocs serve --dirty` (what `cchc serve` runs, on the other engine): the plugin's
    on_serve hands the watching to the system's events there too (preview_watch.py), and a
    saved article is served rebuilt."""
    from .test_preview import ARTICLE, ARTICLE_PAGE, REBUILD

    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true"}
    url = f"http://127.0.0.1:{port}/{ARTICLE_PAGE}"

    def shows(text: str) -> bool:
        with urllib.request.urlopen(url, timeout=REBUILD) as answer:
            return text in answer.read().decode("utf-8")

    command = [str(engine_python()), "-m", "properdocs", "serve", "--dirty",
               "-a", f"127.0.0.1:{port}"]
    with serving(command, project, env, log, url):
        added = "Đoạn mới thêm khi xem trước bằng ProperDocs."
        edit(project / ARTICLE, "\n## ", f"\n{added}\n\n## ")
        assert wait_for(lambda: shows(added), REBUILD, 0.5), log.read_text(encoding="utf-8")[-3000:]
    assert "Watching paths for changes: '.cache/preview-watch'\n" in log.read_text(encoding="utf-8")
