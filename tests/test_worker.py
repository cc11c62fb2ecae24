"""Work made beside the pages, in a forked child (core/worker.py, issue 14).

The worker changes when a value is made, never what it is: a child that fails, dies or makes a
value that cannot be handed back leaves the parent to make it; what it logs is logged by the
parent; a failed build stops its child; no child process and no temporary file outlives the
job. The demo's search index made in a worker is the index made from the same records in the
build's own process, and article bodies rendered ahead in a worker are those rendered here.
"""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generators.core import preview_memory
from generators.core.derived_cache import DerivedCache
from generators.core.environment import make_environment
from generators.core.pipeline import build_site
from generators.core.portal import Portal
from generators.core.section import BuildContext, Section
from generators.core.worker import SWITCH, Forked, workers_allowed
from generators.search.index import build_index, preview_index
from generators.sections.news.model import ARTICLES
from generators.sections.news.pages import NewsRender
from generators.sections.registry import SECTIONS
from generators.sections.search_page.model import SYNONYMS

from .conftest import ROOT

needs_fork = pytest.mark.skipif(not workers_allowed(), reason="no second core or no fork")


def left(path: str | None) -> bool:
    """The job's own file is still there (other builds on the machine have theirs)."""
    assert path is not None and path.startswith(
        os.path.join(tempfile.gettempdir(), "cchc-worker-"))
    return os.path.exists(path)


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def in_child_only(value: object) -> Callable[[], object]:
    """A job that gives `value` in the child; the parent's own `make()` would say so."""
    parent = os.getpid()
    return lambda: value if os.getpid() != parent else ("made in the parent", value)


@needs_fork
def test_the_value_is_made_in_the_child_and_handed_back() -> None:
    job = Forked.start(in_child_only({"tim-kiem/manifest.json": b"{}"}))
    assert job.forked
    assert job.result() == {"tim-kiem/manifest.json": b"{}"}
    assert job.result() == {"tim-kiem/manifest.json": b"{}"}, "read once, kept"


@needs_fork
def test_a_child_that_fails_leaves_the_parent_to_make_the_value() -> None:
    parent = os.getpid()

    def make() -> str:
        if os.getpid() != parent:
            raise ValueError("only in the child")
        return "made in the parent"

    assert Forked.start(make).result() == "made in the parent"


@needs_fork
def test_a_child_that_dies_leaves_the_parent_to_make_the_value() -> None:
    parent = os.getpid()

    def make() -> str:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return "made in the parent"

    assert Forked.start(make).result() == "made in the parent"


@needs_fork
def test_a_value_that_cannot_be_pickled_is_made_in_the_parent() -> None:
    parent = os.getpid()
    job = Forked.start(lambda: (lambda: "in the child") if os.getpid() != parent else "parent")
    assert job.result() == "parent"


def test_an_error_of_make_is_raised_as_without_workers() -> None:
    def make() -> str:
        raise ValueError("tệp hỏng")

    with pytest.raises(ValueError, match="tệp hỏng"):
        Forked.start(make).result()


def test_the_switch_turns_forking_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH, "0")
    calls: list[int] = []
    job = Forked.start(lambda: calls.append(os.getpid()) or "made")
    assert not job.forked and calls == [], "nothing runs before the value is asked for"
    assert job.result() == "made" and calls == [os.getpid()]


@needs_fork
def test_cancel_stops_the_child_and_leaves_no_file() -> None:
    job = Forked.start(lambda: time.sleep(60))
    pid, path = job.pid, job.path
    assert pid is not None and is_running(pid) and left(path)
    job.cancel()
    assert not is_running(pid), "killed and reaped (not even a zombie)"
    assert not left(path)
    with pytest.raises(RuntimeError):
        job.result()


@needs_fork
def test_a_job_dropped_unread_stops_its_child() -> None:
    job = Forked.start(lambda: time.sleep(60))
    pid, path = job.pid, job.path
    assert pid is not None and left(path)
    del job
    assert not is_running(pid)
    assert not left(path)


@needs_fork
def test_the_demo_index_made_in_a_worker_is_the_index_of_its_records(portal: Portal) -> None:
    built = build_site(make_environment(ROOT / "templates"), portal)
    assert [job.forked for job in built.later] == [True]
    records = [r for contribution in built.by_section.values() for r in contribution.records]
    index = {o.path: o.content for o in built.outputs if o.path.startswith("tim-kiem/")}
    synonyms = portal[SYNONYMS]
    expected = build_index(records, synonyms.groups if synonyms else ())
    assert index == {o.path: o.content for o in expected}
    assert len(index) > 3, "manifest, synonyms, term shards and documents"


class Failing(Section):
    name = "hong"

    def pages(self, build: BuildContext) -> list:  # type: ignore[type-arg]
        raise RuntimeError("trang hỏng")


@needs_fork
def test_a_failed_build_stops_its_worker(portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Forked[object], str | None]] = []
    original = Forked.start.__func__  # type: ignore[attr-defined]

    def start(cls: type[Forked[object]], make: Callable[[], object]) -> Forked[object]:
        job = original(cls, make)
        started.append((job, job.path))
        return job

    monkeypatch.setattr(Forked, "start", classmethod(start))
    with pytest.raises(RuntimeError, match="trang hỏng"):
        build_site(make_environment(ROOT / "templates"), portal,
                   sections=(*SECTIONS, Failing()))
    assert started and all(job.pid is None for job, _ in started), "killed and reaped"
    assert not any(left(path) for _, path in started)


def test_the_preview_keeps_the_documents_in_its_own_process(portal: Portal) -> None:
    """The documents the preview's index reads are kept in its process for the next rebuild,
    one per distinct record; a build keeps none."""
    built = build_site(make_environment(ROOT / "templates"), portal)
    records = [r for contribution in built.by_section.values() for r in contribution.records]
    preview_memory.keep_in_memory()
    try:
        preview_index(records)
        held = preview_memory.table("search-documents")
        assert held is not None and len(held) == len({(r.title, r.names, r.keywords, r.text)
                                                       for r in records})
    finally:
        preview_memory.keep_in_memory(False)
    assert preview_memory.table("search-documents") is None
    preview_index(records)  # outside the preview: nothing is kept
    assert preview_memory.table("search-documents") is None


def test_the_preview_makes_the_index_itself_and_starts_no_worker(portal: Portal) -> None:
    """A worker forked from the preview's large process made the process copy every page it
    touched meanwhile; the index held in the process is updated instead (search/index.py)."""
    preview_memory.keep_in_memory()
    try:
        built = build_site(make_environment(ROOT / "templates"), portal)
    finally:
        preview_memory.keep_in_memory(False)
    assert built.later == []
    records = [r for contribution in built.by_section.values() for r in contribution.records]
    synonyms = portal[SYNONYMS]
    expected = build_index(records, synonyms.groups if synonyms else ())
    index = {o.path: o.content for o in built.outputs if o.path.startswith("tim-kiem/index/")}
    assert index == {o.path: o.content for o in expected}


@needs_fork
def test_no_file_of_a_finished_job_is_left() -> None:
    job = Forked.start(lambda: 42)
    path = job.path
    assert job.result() == 42
    assert not left(path)


@needs_fork
def test_what_the_child_logs_is_logged_by_the_parent(caplog: pytest.LogCaptureFixture) -> None:
    parent = os.getpid()
    log = logging.getLogger("mkdocs.plugins.cchc")

    def make() -> str:
        log.warning("Ấn phẩm «%s»: chữ tràn khung", "bang-ron")
        log.debug("not shown: below the logger's level")
        return "in the child" if os.getpid() != parent else "in the parent"

    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.cchc"):
        job = Forked.start(make)
        assert job.result() == "in the child"
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", "Ấn phẩm «bang-ron»: chữ tràn khung")], "once, through the parent"


@needs_fork
def test_ready_says_whether_result_would_wait() -> None:
    job = Forked.start(lambda: time.sleep(0.5) or "made")
    assert not job.ready()
    while not job.ready():
        time.sleep(0.05)
    assert job.result() == "made"
    assert Forked(lambda: "here").ready(), "nothing forked: made at result()"


@needs_fork
def test_a_child_reaped_by_someone_else_leaves_the_parent_to_make_the_value() -> None:
    job = Forked.start(in_child_only("made"))
    assert job.pid is not None
    os.waitpid(job.pid, 0)
    assert job.ready()
    assert job.result() == ("made in the parent", "made")


@needs_fork
def test_bodies_rendered_ahead_in_a_worker_are_those_rendered_here(
    portal: Portal, tmp_path: Path
) -> None:
    articles = portal[ARTICLES]
    fresh = NewsRender(portal, {}, None)
    expected = [fresh.body(a) for a in articles]
    cache = DerivedCache.open(tmp_path)
    ahead = NewsRender(portal, {}, cache)
    ahead.render_ahead(articles[len(articles) // 2:])
    first = ahead.body(articles[-1])  # asked at once: rendered here if the worker is not done
    assert ahead._ahead is not None
    while not ahead._ahead.ready():
        time.sleep(0.05)
    assert ahead._rendered_ahead(ahead.body_key(articles[-2])) is not None, "made there"
    assert ahead._rendered_ahead(ahead.body_key(articles[0])) is None, "the newer half: here"
    assert [first, *(ahead.body(a) for a in articles[:-1])] == [expected[-1], *expected[:-1]]
    assert sorted(ahead.broken_links) == sorted(fresh.broken_links)
    assert len(list(tmp_path.glob("*/*.json"))) == len(articles), "the worker stored its own"
