"""Values a process keeps between its builds while it previews (`cchc serve`: the plugin
persists between rebuilds), so that what one unchanged file gave is not worked out again.

Off in a single build (`mkdocs build`), which would only hold memory for values it reads once.
Each table is keyed by everything its value derives from, so a value held is never stale; a
table holds values its users never change (texts, frozen records, JSON to be read again).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# A file modified this recently may change again within the same tick of the file system's
# clock (a few milliseconds on Linux), its size unchanged: what was read from it is not held.
RECENT_NS = 2_000_000_000

_tables: dict[str, dict[Any, Any]] | None = None


def keep_in_memory(on: bool = True) -> None:
    """Hold values from now on (`on`), or stop and forget them."""
    global _tables
    _tables = {} if on else None


def previewing() -> bool:
    """Values are held between builds (the preview), where a worker's would be lost."""
    return _tables is not None


def table(name: str) -> dict[Any, Any] | None:
    """The table `name`, or None when nothing is kept."""
    return None if _tables is None else _tables.setdefault(name, {})


def held(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, worked out once per `key` while previewing (held in the table `name`), every
    time otherwise; `key` is everything the value derives from."""
    found = table(name)
    if found is None:
        return make()
    if (value := found.get(key)) is None:
        value = found[key] = make()
    return value  # type: ignore[no-any-return]


def same_as_before(name: str, slot: Hashable, inputs: tuple[object, ...],
                   make: Callable[[], T]) -> T:
    """`make()`, whose value derives from `inputs` alone; while previewing, the very object the
    last build made in `slot` (one per slot, in the table `name`) when its inputs are equal to
    the last ones (the same objects compare at once). Objects that come back unchanged are
    found again by identity downstream (render_memo.py), which costs nothing to compare."""
    found = table(name)
    if found is None:
        return make()
    last = found.get(slot)
    if last is not None and last[0] == inputs:
        return last[1]  # type: ignore[no-any-return]
    value = make()
    found[slot] = (inputs, value)
    return value


def file_state(path: Path) -> tuple[int, int, int, int]:
    """What changes whenever a file's bytes may have: its inode, size, modification time and
    change time (which no tool can set back)."""
    found = os.stat(path)
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def read_unchanged(name: str, path: Path, key: Hashable, read: Callable[[], T | None]) -> T | None:
    """`read()`, which reads `path` alone (and `key` says how), held while previewing and given
    again as long as the file is unchanged: the preview neither reads nor hashes the thousands
    of files an edit left alone. A None (the file had errors, reported by `read`) is not held,
    nor what was read from a file modified in the last two seconds."""
    kept = table(name)
    if kept is None:
        return read()
    state = file_state(path)
    entry = (str(path), key)
    if (found := kept.get(entry)) is not None and found[0] == state:
        return found[1]  # type: ignore[no-any-return]
    value = read()
    if value is None or time.time_ns() - max(state[2], state[3]) < RECENT_NS:
        kept.pop(entry, None)
    else:
        kept[entry] = (state, value)
    return value
