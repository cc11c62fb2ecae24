"""Pages as they are published (minified), kept in `.cache/html/` by the page they come from.

minify-html takes about 0.6 ms a page: at 8,000 pages that is a third of a build in which
nothing changed. Its result depends only on the page as rendered, on its version and options
and on our one fix before it (the theme's toggles). So each published page is stored under a
hash of the rendered page and of those versions (the code version included): an entry can
never be stale, only absent. Each entry starts with a hash of its own bytes; one that is
truncated or edited fails that check and the page is minified again, and written back.
Entries unused for PRUNE_AFTER are deleted when the cache opens.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import minify_html

from .derived_cache import PRUNE_AFTER, code_version, prune_entries, write_atomic

FORMAT = "1"  # the entry layout below; bump if it changes
_CHECK = 16  # bytes of the entry's own hash, before the page

_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove `autocomplete` from Material's two hidden toggle checkboxes.

    HTML allows `autocomplete` on text-like inputs only, so the Nu Html Checker rejects these
    two; they sit in Material's base.html outside any block we could override. This is the one
    change we make to the theme's output, on exactly those two elements.
    """
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)


def minify(html: str) -> str:
    """`html` minified as pages are: closing tags and <html>/<head> kept, so the output stays
    plain, valid HTML."""
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)


def finish_html(html: str) -> str:
    """A page as it is published: the toggles fixed, then minified (template indentation is a
    fifth of a page, and pages must stay light on slow links)."""
    return minify(drop_checkbox_autocomplete(html))


def _own_hash(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:_CHECK]  # SHA-256: in hardware on most machines


class PublishedPages:
    """`finish` gives `finish_html(html)`, from the cache folder when the same page was
    finished before (by any build of the same code and minify-html); `folder` None: no cache.

    The same store keeps the contents of filled pages minified (`.cache/html-content/`, with
    `minify` as its `finish` and "content" as its `kind`): see filled_minify.py."""

    def __init__(self, folder: Path | None, finish: Callable[[str], str] = finish_html,
                 kind: str = "page") -> None:
        self.folder = folder
        self._finish = finish
        self.hits = 0
        self.misses = 0
        # What is stored is part of the key too: pages finished, or contents minified.
        versions = (f"{FORMAT}\0{code_version()}\0minify-html={metadata.version('minify-html')}"
                    f"\0{kind}")
        self._salted = hashlib.sha256(versions.encode() + b"\0")
        # The entries there, as found when the cache opened (None: unknown, always look):
        # a page not among them is minified without a look on disk (a cold build's 8,000).
        self._known: set[str] | None = None

    @classmethod
    def open(cls, folder: Path | None, finish: Callable[[str], str] = finish_html,
             kind: str = "page") -> PublishedPages:
        found = cls(folder, finish, kind)
        found.prune(time.time() - PRUNE_AFTER)
        return found

    def finish(self, html: str) -> str:
        """The page published (the text finished), from the cache when it was finished before."""
        if self.folder is None:
            return self._finish(html)
        digest = self._salted.copy()
        digest.update(html.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()[:40]
        path = f"{self.folder}/{key[:2]}/{key}"
        if self._known is None or key in self._known:
            text = self._read(path)
            if text is not None:
                self.hits += 1
                return text
        self.misses += 1
        finished = self._finish(html)
        data = finished.encode("utf-8", "surrogatepass")
        if write_atomic(path, _own_hash(data) + data) and self._known is not None:
            self._known.add(key)
        return finished

    def _read(self, path: str) -> str | None:
        """The page stored at `path`, if its own hash says it is whole."""
        try:
            with open(path, "rb") as stream:
                stored = stream.read()
        except OSError:
            return None
        page = stored[_CHECK:]
        if len(stored) <= _CHECK or _own_hash(page) != stored[:_CHECK]:
            return None
        try:
            text = page.decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - the hash checked these bytes
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used: kept by prune()
        return text

    def prune(self, before: float) -> None:
        """Delete entries last used before `before` (seconds since the epoch), and note the
        others."""
        if self.folder is not None:
            self._known = prune_entries(self.folder, before)
