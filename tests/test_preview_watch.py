"""The preview's watcher (generators/preview_watch.py): changes reach MkDocs through one small
polled folder, raised by the system's events; reading files raises nothing; where native
events cannot be had, MkDocs keeps polling everything as before.

The browser test in test_preview.py runs the whole road (`mkdocs serve`, save, reload)."""

from __future__ import annotations

import os
import time
from itertools import pairwise
from pathlib import Path

import pytest
from watchdog.events import (
    DirCreatedEvent,
    DirModifiedEvent,
    FileClosedEvent,
    FileClosedNoWriteEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileOpenedEvent,
    FileSystemEvent,
)

from generators import preview_watch
from generators.preview_watch import POLLING_REQUESTED, SIGNAL_FILE, ChangeRelay, Signal

from .conftest import wait_for


class FakeServer:
    """What on_serve is given, recording what it is asked to poll."""

    def __init__(self, polled: list[str]) -> None:
        self.polled = list(polled)

    def watch(self, path: str) -> None:
        self.polled.append(path)

    def unwatch(self, path: str) -> None:
        self.polled.remove(path)  # MkDocs raises too for a path it does not watch


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "tin-tuc").mkdir(parents=True)
    (tmp_path / "content" / "tin-tuc" / "bai.md").write_text("# Bài\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    return tmp_path


def relay_for(project: Path) -> tuple[ChangeRelay, Signal]:
    signal = Signal(project / "signal")
    relay = ChangeRelay(signal, [project / "content", project / "data"],
                        [project / "mkdocs.yml"])
    return relay, signal


def test_a_change_to_a_watched_file_raises_the_signal(project: Path) -> None:
    relay, signal = relay_for(project)
    article = str(project / "content" / "tin-tuc" / "bai.md")
    for event in (FileModifiedEvent(article), FileCreatedEvent(article),
                  FileDeletedEvent(article), FileModifiedEvent(str(project / "mkdocs.yml"))):
        relay.on_any_event(event)
    assert signal.count == 4


def test_an_editor_saving_by_renaming_onto_a_watched_file_raises_the_signal(
    project: Path,
) -> None:
    relay, signal = relay_for(project)
    relay.on_any_event(FileMovedEvent(str(project / ".mkdocs.yml.tmp"),
                                      str(project / "mkdocs.yml")))
    assert signal.count == 1


def test_opening_reading_and_closing_files_raise_nothing(project: Path) -> None:
    """The build reads every source: under inotify that alone would rebuild for ever."""
    relay, signal = relay_for(project)
    article = str(project / "content" / "tin-tuc" / "bai.md")
    for event in (FileOpenedEvent(article), FileClosedNoWriteEvent(article),
                  FileClosedEvent(article)):
        relay.on_any_event(event)
    assert signal.count == 0


def test_folders_own_events_and_files_beside_the_watched_ones_raise_nothing(
    project: Path,
) -> None:
    relay, signal = relay_for(project)
    relay.on_any_event(DirCreatedEvent(str(project / "content" / "moi")))
    relay.on_any_event(DirModifiedEvent(str(project / "content")))
    relay.on_any_event(FileModifiedEvent(str(project / "README.md")))  # beside mkdocs.yml
    relay.on_any_event(FileModifiedEvent(str(project / "content-old" / "x.md")))  # a prefix
    assert signal.count == 0


def test_each_signal_differs_in_size_from_the_last_so_a_poll_always_sees_it(
    tmp_path: Path,
) -> None:
    signal = Signal(tmp_path / SIGNAL_FILE)
    sizes = []
    for _ in range(2000):
        signal.raise_()
        sizes.append(signal.path.stat().st_size)
    assert all(a != b for a, b in pairwise(sizes))


def test_a_signal_that_cannot_be_written_is_reported_not_raised_as_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    signal = Signal(tmp_path / "da-xoa" / SIGNAL_FILE)  # .cache/ deleted while previewing
    signal.raise_()
    assert "không ghi được" in caplog.text and "make serve" in caplog.text


def test_the_server_polls_only_the_signal_folder_and_a_saved_article_raises_it(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(POLLING_REQUESTED, raising=False)
    if preview_watch.native_observer() is None:
        pytest.skip("this system has no native file-system events")
    polled = [str(project / "content"), str(project / "mkdocs.yml")]
    server = FakeServer(polled)
    deferred = [str(project / "data")]
    signals = project / ".cache" / "preview-watch"
    observer = preview_watch.watch_natively(
        server, [Path(p) for p in polled], deferred, signals)
    assert observer is not None
    try:
        assert server.polled == [str(signals)]
        assert deferred == []  # MkDocs would poll these after on_serve returns
        signal = signals / SIGNAL_FILE
        (project / "content" / "tin-tuc" / "bai.md").read_text(encoding="utf-8")
        time.sleep(0.5)
        assert not signal.exists(), "reading a source must not rebuild"
        (project / "content" / "tin-tuc" / "bai.md").write_text("# Bài sửa\n", encoding="utf-8")
        assert wait_for(signal.exists, 15, 0.05)
        size = signal.stat().st_size
        (project / "data" / "site.yml").write_text("ten: x\n", encoding="utf-8")
        assert wait_for(lambda: signal.stat().st_size != size, 15, 0.05)
    finally:
        observer.stop()
        observer.join(timeout=5)


def test_reading_sources_reaches_no_handler_and_saves_by_rename_or_folder_moves_do(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The observer is asked for changes only: the build's reads are not even reported to the
    relay (each woke a thread), while an editor's atomic save and a folder of articles moved
    in still raise the signal."""
    monkeypatch.delenv(POLLING_REQUESTED, raising=False)
    if preview_watch.native_observer() is None:
        pytest.skip("this system has no native file-system events")
    seen: list[str] = []
    relay_event = ChangeRelay.on_any_event

    def recording(relay: ChangeRelay, event: FileSystemEvent) -> None:
        seen.append(event.event_type)
        relay_event(relay, event)

    monkeypatch.setattr(ChangeRelay, "on_any_event", recording)
    content = project / "content"
    signals = project / ".cache" / "preview-watch"
    observer = preview_watch.watch_natively(FakeServer([str(content)]), [content], [], signals)
    assert observer is not None
    try:
        article = content / "tin-tuc" / "bai.md"
        for _ in range(20):
            article.read_bytes()
        time.sleep(0.5)
        assert seen == []
        signal = signals / SIGNAL_FILE
        temporary = content / "tin-tuc" / ".bai.md.swp"
        temporary.write_text("# Bài lưu kiểu vim\n", encoding="utf-8")
        os.replace(temporary, article)
        assert wait_for(signal.exists, 15, 0.05)
        size = signal.stat().st_size
        outside = project / "bai-moi"
        outside.mkdir()
        (outside / "bai-2.md").write_text("# Bài 2\n", encoding="utf-8")
        outside.rename(content / "tin-tuc" / "2026")
        assert wait_for(lambda: signal.stat().st_size != size, 15, 0.05)
        assert "opened" not in seen and "closed_no_write" not in seen
    finally:
        observer.stop()
        observer.join(timeout=5)


def test_asked_to_poll_mkdocs_keeps_polling_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(POLLING_REQUESTED, "polling")
    polled = [str(project / "content")]
    server = FakeServer(polled)
    deferred = [str(project / "data")]
    assert preview_watch.watch_natively(server, [project / "content"], deferred,
                                        project / ".cache" / "w") is None
    assert server.polled == polled and deferred == [str(project / "data")]


def test_without_native_events_mkdocs_keeps_polling_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(POLLING_REQUESTED, raising=False)
    monkeypatch.setattr(preview_watch, "native_observer", lambda: None)
    server = FakeServer([str(project / "content")])
    assert preview_watch.watch_natively(server, [project / "content"], [],
                                        project / ".cache" / "w") is None
    assert server.polled == [str(project / "content")]


class RefusingObserver:
    """An observer that cannot watch, as inotify past its watch limit."""

    def __init__(self) -> None:
        self.unscheduled = False

    def schedule(self, *args: object, **kwargs: object) -> None:
        pass

    def start(self) -> None:
        raise OSError(28, "inotify watch limit reached")

    def unschedule_all(self) -> None:
        self.unscheduled = True


def test_when_the_system_refuses_to_watch_mkdocs_keeps_polling_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(POLLING_REQUESTED, raising=False)
    refusing = RefusingObserver()
    monkeypatch.setattr(preview_watch, "native_observer", lambda: refusing)
    server = FakeServer([str(project / "content")])
    deferred = [str(project / "data")]
    assert preview_watch.watch_natively(server, [project / "content"], deferred,
                                        project / ".cache" / "w") is None
    assert refusing.unscheduled
    assert server.polled == [str(project / "content")] and deferred == [str(project / "data")]
