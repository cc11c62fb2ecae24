"""Work made in a forked child process while the build goes on: the second core.

A build spends most of its time rendering pages, one after another, in one process. What needs
only values already made (the search index needs the records) can be made meanwhile by a child
forked from the build: it shares the parent's memory as it was at the fork, runs `make()` and
hands its result back, pickled, through a temporary file.

The child changes when a value is made, never what it is: whatever goes wrong in it (an
exception, a kill, a result that cannot be pickled) makes `result()` run `make()` again in the
parent, which then returns the same value or raises the same error as a build without workers.
What the child logs is handed back with its value and logged by the parent when the value is
read, through the parent's handlers: MkDocs counts the warnings (`--strict`) there.
`CCHC_WORKERS=0` turns forking off; so do a single core and a system without fork. Then
`make()` runs at `result()`, where the child's result would have been read.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import signal
import tempfile
import warnings
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

SWITCH = "CCHC_WORKERS"  # "0": no child processes


def workers_allowed() -> bool:
    """Forking is worth it: a second core, a system with fork, and not turned off."""
    return (os.environ.get(SWITCH, "").strip() != "0" and hasattr(os, "fork")
            and (os.cpu_count() or 1) > 1)


_PENDING: object = object()
_EXITED_WITH_1 = 1 << 8  # a wait status, as os.waitpid gives it


@dataclass
class Forked(Generic[T]):
    """`make()`, run in a child process (`pid`) that writes its result to `path`."""

    make: Callable[[], T]
    pid: int | None = None
    path: str | None = None
    forked: bool = False  # a child is (or was) making the value
    _value: object = field(default=_PENDING, repr=False)
    _cancelled: bool = False
    _stop: weakref.finalize | None = field(default=None, repr=False)
    _status: int | None = None  # the child's exit status, once seen by ready()

    @classmethod
    def start(cls, make: Callable[[], T]) -> Forked[T]:
        """Start `make()` in a child where workers are allowed (else it waits for result())."""
        job = cls(make)
        if not workers_allowed():
            return job
        handle, job.path = tempfile.mkstemp(prefix="cchc-worker-", suffix=".pickle")
        os.close(handle)
        with warnings.catch_warnings():
            # Python 3.12+ warns of forking a process with threads (the preview's server and
            # watcher): the child runs only `make()` over values it already holds, takes no
            # lock those threads hold and leaves by os._exit.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the child
            _run_child(make, job.path)
        job.pid, job.forked = pid, True
        # A job dropped unread (a build whose outputs nobody asked for) or left at exit: its
        # child is stopped and its file removed then.
        job._stop = weakref.finalize(job, _stop_child, pid, job.path)
        return job

    def result(self) -> T:
        """The value: the child's when it made one, else `make()` run here."""
        if self._cancelled:
            raise RuntimeError("the job was cancelled")
        if self._value is _PENDING:
            found = self._collect()
            self._value = found if found is not _PENDING else self.make()
        return self._value  # type: ignore[return-value]

    def ready(self) -> bool:
        """The value can be read without waiting: the child has ended (or nothing was forked,
        and result() makes it here)."""
        if self.pid is None or self._status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:  # reaped by someone else: result() makes the value here
            pid, status = self.pid, _EXITED_WITH_1
        if pid == 0:
            return False
        self._status = status
        if self._stop is not None and self.path is not None:  # reaped: never signal the pid
            self._stop.detach()
            self._stop = weakref.finalize(self, _stop_child, None, self.path)
        return True

    def cancel(self) -> None:
        """Stop the child (a build that failed does not wait for it) and remove its file."""
        self._cancelled = True
        if self.pid is not None:
            if self._status is None:  # not reaped yet: the pid is still the child's
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
            self._reap()
        self._remove()

    def _collect(self) -> object:
        """The child's pickled value, or _PENDING when it did not make one."""
        if self.pid is None:
            return _PENDING
        status = self._reap()
        try:
            if status is None or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
                return _PENDING
            assert self.path is not None
            with open(self.path, "rb") as file:
                value, records = pickle.load(file)
        except Exception:
            return _PENDING
        finally:
            self._remove()
        for record in records:
            logging.getLogger(record.name).handle(record)
        return value

    def _reap(self) -> int | None:
        """Wait for the child; its exit status (None when it was already reaped)."""
        pid, self.pid = self.pid, None
        if pid is None:
            return None
        if self._stop is not None:
            self._stop.detach()  # the pid is free once reaped: never signal it again
        if self._status is not None:
            return self._status  # reaped by ready()
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return None

    def _remove(self) -> None:
        if self.path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            self.path = None


def _stop_child(pid: int | None, path: str) -> None:
    if pid is not None:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.unlink(path)


def _run_child(make: Callable[[], object], path: str) -> None:
    """The child's whole life: make, write, leave without running the parent's exit handlers
    or flushing its buffers (which the parent writes itself)."""
    code = 1
    records: list[logging.LogRecord] = []

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        records.append(record)

    try:
        gc.freeze()  # the parent's objects: no collection walks (and copies) them
        # The build renders the pages on one core, and goes no faster than that: workers
        # running at once share the other, and yield to the build where there is only one.
        with contextlib.suppress(OSError):
            os.nice(10)
        # Every record a logger of the child lets through is kept for the parent to log.
        logging.Logger.callHandlers = keep  # type: ignore[method-assign]
        value = make()
        with open(path, "wb") as file:
            pickle.dump((value, records), file, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException:
        pass  # the parent makes the value again, and reports what goes wrong
    finally:
        os._exit(code)
