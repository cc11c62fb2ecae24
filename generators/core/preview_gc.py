"""While previewing, the interpreter's full garbage collections run between rebuilds, not
during them.

A preview holds about half a million objects between rebuilds at 5,000 articles and 2,000
procedures (models, renders, search records: core/preview_memory.py, core/render_memo.py).
Python's cyclic collector walks every one of them at each full collection, and a rebuild makes
enough objects to start two or three: 1.0–1.5 s of a rebuild. After each rebuild, what is
alive is set out of the collector's sight (`gc.freeze`), so collections during the next rebuild
walk only what that rebuild makes. A rebuild leaves cyclic garbage behind (MkDocs' pages and
files refer to each other), which frozen objects would keep: one full collection of
everything runs IDLE seconds after the rebuild, on a timer thread, while nothing is being built,
and a rebuild that starts first cancels it (and leaves it to the next pause).

Off in a single build (`mkdocs build`), where the process ends when the build does.
"""

from __future__ import annotations

import gc
import threading

IDLE = 2.0  # seconds after a rebuild: the browser has reloaded the page it shows by then

_pending: threading.Timer | None = None
_lock = threading.Lock()


def collect_everything() -> None:
    """One full collection of all objects, frozen ones too; what survives is frozen again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def rebuild_starts() -> None:
    """A rebuild starts: a collection still waiting is left for the next pause."""
    global _pending
    with _lock:
        if _pending is not None:
            _pending.cancel()
            _pending = None


def rebuild_ended(idle: float = IDLE) -> None:
    """A rebuild ended: freeze what it left alive, collect everything once it has been idle."""
    global _pending
    gc.freeze()
    with _lock:
        if _pending is not None:
            _pending.cancel()
        _pending = threading.Timer(idle, collect_everything)
        _pending.daemon = True
        _pending.start()
