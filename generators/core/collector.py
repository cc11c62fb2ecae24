"""When the interpreter's garbage collector walks a build's objects.

Python's cyclic collector walks every object it tracks at each full collection, and a build
makes enough objects to start several. Most of what it walks lives as long as the build: the
loaded models, then the rendered pages. So once each is made, it is set out of the collector's
sight (`gc.freeze`): later collections walk only what came after. A cold build of 5,000
articles and 2,000 procedures spent 1.8 s in the collector; 0.8–0.9 s with this.

A single build (`mkdocs build`) hands everything back to the collector as it ends, so that a
process running several builds (the tests) frees each one's garbage.

While previewing, a rebuild also starts with about half a million objects the preview holds
(core/preview_memory.py, core/render_memo.py); the collector walked them two or three times in
each rebuild (1.0–2.0 s). What a rebuild leaves alive is frozen too. A rebuild leaves cyclic
garbage behind (MkDocs' pages and files refer to each other), which frozen objects would keep:
one full collection of everything runs IDLE seconds after the rebuild, on a timer thread, while
nothing is being built, and a rebuild that starts first cancels it (and leaves it to the next
pause).
"""

from __future__ import annotations

import gc
import threading

IDLE = 2.0  # seconds after a rebuild: the browser has reloaded the page it shows by then

_pending: threading.Timer | None = None
_lock = threading.Lock()


def keep_out_of_sight() -> None:
    """What is alive now lives until the build ends: later collections need not walk it."""
    gc.freeze()


def collect_everything() -> None:
    """One full collection of all objects, frozen ones too; what survives is frozen again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def build_starts() -> None:
    """A build starts: a preview's collection still waiting is left for the next pause."""
    global _pending
    with _lock:
        if _pending is not None:
            _pending.cancel()
            _pending = None


def build_ended(previewing: bool, idle: float = IDLE) -> None:
    """A build ended. A single build gives everything back to the collector; a preview's
    rebuild freezes what it left alive and collects everything once it has been idle."""
    global _pending
    if not previewing:
        gc.unfreeze()
        return
    gc.freeze()
    with _lock:
        if _pending is not None:
            _pending.cancel()
        _pending = threading.Timer(idle, collect_everything)
        _pending.daemon = True
        _pending.start()
