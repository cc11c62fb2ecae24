"""A persistent cache, under `.cache/`, for what derives from one source file (article bodies,
validated models: model_cache.py).

An entry is found by a key: a hash of everything its value derives from (the source text, the
facts of other files it reads, such as link targets and the legal register) and of CODE_VERSION,
the version of the code and libraries that produce it. So a changed source, or changed code,
asks for another key, and the old entry is never read: a stale entry cannot be trusted by
construction. Each entry is one JSON file holding its key, the version and a checksum of its
value; a file that is unreadable, truncated, edited, or written by another version is treated as
absent, rebuilt and overwritten. Entries unused for PRUNE_AFTER are deleted when the cache opens.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .preview_memory import table

PACKAGE = Path(__file__).resolve().parent.parent  # generators/
# Libraries whose output ends up in cached values.
LIBRARIES = ("Markdown", "nh3", "pydantic", "PyYAML")
CACHE_DIR = ".cache"  # the project's build cache, as the plugin's `cache_dir` defaults to
PRUNE_AFTER = 30 * 24 * 3600  # seconds


@cache
def code_version() -> str:
    """Hash of our code (every module of generators/), the libraries' versions and Python's."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={metadata.version(name)}".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(b"\0" + path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def make_key(*parts: str) -> str:
    """One key from the parts a value derives from (in order; code_version() included)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(b"\0" + hashlib.sha256(part.encode("utf-8")).digest())
    return digest.hexdigest()[:40]


def fingerprint(values: Iterable[object]) -> str:
    """A stable text for facts several entries share (the register, the link targets)."""
    return "\n".join(repr(v) for v in values)


def write_atomic(path: Path | str, content: bytes) -> bool:
    """Write `content` at `path` (making its folder) so that a reader sees the old file or the
    new one, never half of one; False when it cannot be written (a read-only checkout, a full
    disk), which for a cache only costs the next build the work again."""
    folder, name = os.path.split(os.fspath(path))
    # Written beside its place under a name no other writer uses, then moved in one step.
    temporary = os.path.join(folder, f".tmp-{os.getpid()}-{threading.get_ident()}-{name}")
    try:
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def prune_entries(folder: Path, before: float) -> set[str] | None:
    """Delete the entries of a cache folder (`folder`/<2 letters>/<entry>) last used before
    `before` (seconds since the epoch); the names of those kept, or None when the folder
    cannot be read (an empty set when there is none yet).

    While previewing (preview_memory.py) a folder is walked once per process: its rebuilds get
    the names noted then, a set to which a cache adds the entries it writes."""
    held = table("pruned")
    if held is not None and (noted := held.get(str(folder))) is not None:
        return noted  # type: ignore[no-any-return]
    try:
        subfolders = list(os.scandir(folder))
    except FileNotFoundError:
        return set()
    except OSError:
        return None
    kept: set[str] = set()
    for subfolder in subfolders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(subfolder.path):
                with contextlib.suppress(OSError):
                    if entry.stat().st_mtime < before:
                        os.unlink(entry.path)
                    elif not entry.name.startswith("."):  # not a write under way
                        kept.add(entry.name)
    if held is not None:
        held[str(folder)] = kept
    return kept


def _remember(entry: tuple[str, str], value: Any) -> None:
    """Hold an entry's value (by folder and key) for the preview's next rebuilds
    (preview_memory.py), as its JSON text unless it is a text, so a caller that changes what it
    was given changes nothing held."""
    if (held := table("derived")) is not None:
        held[entry] = value if isinstance(value, str) else (json.dumps(value),)


def _recall(entry: tuple[str, str]) -> Any | None:
    if (held := table("derived")) is None or (found := held.get(entry)) is None:
        return None
    return found if isinstance(found, str) else json.loads(found[0])


def _checksum(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class DerivedCache:
    """A folder of `<key>.json` entries; `hits` and `misses` count this build's look-ups."""

    folder: Path
    version: str
    hits: int = 0
    misses: int = 0

    @classmethod
    def open(cls, folder: Path) -> DerivedCache:
        found = cls(folder, code_version())
        found.prune(time.time() - PRUNE_AFTER)
        return found

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The value stored under `key`, or None when absent, corrupt or of another version."""
        if (held := _recall((str(self.folder), key))) is not None:
            self.hits += 1
            return held
        path = self.path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            valid = (
                isinstance(entry, dict) and entry.get("key") == key
                and entry.get("version") == self.version
                and entry.get("checksum") == _checksum(entry.get("value"))
            )
        except (OSError, UnicodeDecodeError, ValueError):
            valid = False
        if not valid:
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):  # a read-only checkout: the entry is still good
            os.utime(path)  # used: kept by prune()
        _remember((str(self.folder), key), entry["value"])
        return entry["value"]

    def put(self, key: str, value: Any) -> None:
        """Store `value` (JSON-serialisable) under `key`, atomically; a failure to write (a
        read-only checkout, a full disk) only costs the next build the work again."""
        entry = {"key": key, "version": self.version, "checksum": _checksum(value), "value": value}
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        write_atomic(self.path(key), data)
        _remember((str(self.folder), key), value)

    def prune(self, before: float) -> None:
        """Delete entries last used before `before` (seconds since the epoch)."""
        prune_entries(self.folder, before)
