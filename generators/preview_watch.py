"""The preview's watcher: the operating system's change events instead of MkDocs' polling.

MkDocs 1.6 (and ProperDocs) watch with watchdog's PollingObserver: every half second it lists
and stats every file under `docs_dir`, the configuration file and the `watch:` folders. At 5,000
articles and 2,000 procedures that keeps a sixth of a core busy while nothing changes (it did
not measurably slow the rebuilds themselves). `on_serve` hands
those paths to watchdog's native observer (inotify, FSEvents, ReadDirectoryChangesW) and has
MkDocs poll one small folder instead, under `.cache/`, where each change the native observer
sees rewrites one file: MkDocs notices it at its next poll and rebuilds as before.

Where no native observer can be had, where it cannot watch a path (inotify's limits), or when
CCHC_WATCH=polling asks for it (folders shared into a container or a virtual machine, whose
changes raise no events), MkDocs keeps polling as it does without us.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from watchdog.events import (
    EVENT_TYPE_ATTRIB,
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.cchc")

# The events that change what a build reads. Opening, reading and closing a file raise events
# too under inotify (the build itself reads every source): those must not start a rebuild.
CHANGES = frozenset({EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED,
                     EVENT_TYPE_MOVED, EVENT_TYPE_ATTRIB})
# The same, asked of the observer, so that inotify does not even report the opening and closing
# of the sources every rebuild reads (each woke the observer's thread, a few hundred a rebuild):
# the folders' own events keep new and moved folders watched.
WATCHED_EVENTS = (FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent,
                  FileAttribEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent)
POLLING_REQUESTED = "CCHC_WATCH"  # set to "polling" to keep MkDocs' own watching
SIGNAL_FILE = "changed"


class WatchingServer(Protocol):
    """What the preview's server (MkDocs' LiveReloadServer) offers plugins in on_serve."""

    def watch(self, path: str) -> None: ...

    def unwatch(self, path: str) -> None: ...


@dataclass
class Signal:
    """The one file MkDocs polls: rewritten at each change, its size different each time, so
    that a poll sees it even where a file's time is kept to the second."""

    path: Path
    count: int = 0

    def raise_(self) -> None:
        self.count += 1
        try:
            self.path.write_text("." * (1 + self.count % 997), encoding="ascii")
        except OSError as exc:  # .cache/ deleted while previewing: say so, no traceback
            log.warning(f"Xem trước: không ghi được {self.path} ({exc.strerror}); "
                        "trang sẽ không tự tải lại, hãy chạy lại make serve.")


class ChangeRelay(FileSystemEventHandler):
    """Raises `signal` when a file under the watched folders, or a watched file itself, is
    created, changed, moved or deleted; folders' own events are not changes (as in MkDocs)."""

    def __init__(self, signal: Signal, folders: Iterable[Path], files: Iterable[Path]) -> None:
        self.signal = signal
        self.folders = tuple(str(f) for f in folders)
        self.files = frozenset(str(f) for f in files)

    def watches(self, path: str) -> bool:
        return path in self.files or any(
            path == f or path.startswith(f + os.sep) for f in self.folders)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        paths = (os.fsdecode(event.src_path), os.fsdecode(event.dest_path or ""))
        if any(self.watches(p) for p in paths if p):
            log.debug(f"changed: {event.event_type} {paths[0]}")
            self.signal.raise_()


def native_observer() -> BaseObserver | None:
    """watchdog's observer for this system, None where it would only poll."""
    observer = Observer()
    return None if isinstance(observer, PollingObserver) else observer


def watch_natively(server: WatchingServer, watched: Sequence[Path], deferred: list[str],
                   signal_folder: Path) -> BaseObserver | None:
    """Take `watched` (paths the server polls now) and `deferred` (the configuration's `watch:`
    list, which MkDocs polls once on_serve has returned; emptied here) off the server's polling
    and onto a native observer; the server polls `signal_folder` instead. Returns the running
    observer, or None when MkDocs keeps polling everything (see the module)."""
    if os.environ.get(POLLING_REQUESTED, "").strip().lower() == "polling":
        log.info("Xem trước: theo dõi thay đổi bằng cách quét lại thư mục "
                 f"({POLLING_REQUESTED}=polling).")
        return None
    observer = native_observer()
    if observer is None:
        return None
    paths = [Path(p).resolve() for p in (*watched, *deferred)]
    folders = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    signal_folder.mkdir(parents=True, exist_ok=True)
    relay = ChangeRelay(Signal(signal_folder / SIGNAL_FILE), folders, files)
    try:
        for folder in folders:
            observer.schedule(relay, str(folder), recursive=True, event_filter=WATCHED_EVENTS)
        for parent in {f.parent for f in files}:
            observer.schedule(relay, str(parent), recursive=False, event_filter=WATCHED_EVENTS)
        observer.start()
    except OSError as exc:  # e.g. inotify's watch limit: MkDocs polls as before
        log.info(f"Xem trước: không theo dõi được thay đổi qua hệ điều hành ({exc}); "
                 "quét lại thư mục như MkDocs.")
        observer.unschedule_all()
        return None
    for path in watched:
        server.unwatch(str(path))
    deferred.clear()
    server.watch(str(signal_folder))
    log.debug(f"watching natively: {', '.join(str(p) for p in paths)}")
    return observer
