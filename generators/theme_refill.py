"""A preview rebuild after a change every page shows: pages put into their new shell directly.

A hotline's number, the site's name or a menu entry is on every page, so after saving one the
preview writes every page again, and at 5,000 articles and 2,000 procedures MkDocs' own loop
over 8,000 pages outside the menu (their template context, the theme, the plugin events, then
writing each file, which truncates it first) took most of the rebuild. Yet such a page is only
its shell (theme_fill.py) with its own values put in, and its values are those of the last
rebuild when its own inputs are (core/rebuilds.py: the page's digest). So, while previewing:

- each page filled into a shell is remembered with its shell's key and its values, by the file
  MkDocs was given for it (held from one rebuild to the next: plugin.PageFiles);
- when the site's inputs changed but not the theme's (our code and the libraries' versions,
  `mkdocs.yml`, `templates/`) and a page's own inputs are those it was last written with, the
  page is not read again, and when MkDocs comes to write it, the shell of its key made in this
  rebuild is filled with its values, minified as MkDocs' path would (FilledMinifier; not
  among the pages sampled for the whole-page comparison, since its values were composed
  before, but compared under `theme_check: every`), and written over the old file;
- the first page of each shell in this rebuild goes through MkDocs as usual (its template
  context makes the shell, and the theme's own rendering is compared with it); so does a page
  whose shell this rebuild did not make or dropped, or whose shell now links to it.

The page is then the one MkDocs' loop would have written: the same shell, the same values, the
same minifying. Only when `cchc` is the only plugin: another one's page events would be missed.
`tests/test_preview_rebuilds.py` compares the folder with a clean build after such changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .core.guard import overwrite_bytes
from .filled_minify import FilledMinifier
from .theme_fill import Fill, ThemeFiller


@dataclass(frozen=True)
class _Filled:
    """How a page was last written: the file MkDocs was given for it, its shell's key, its
    values."""

    file: object
    key: tuple[object, ...]
    values: dict[str, str]


@dataclass
class Refills:
    """The preview's pages as last filled, and how many this rebuild wrote from them."""

    filled: dict[str, _Filled] = field(default_factory=dict)  # by the page's src_uri
    written: int = 0

    def next_build(self) -> None:
        self.written = 0

    def forget(self) -> None:
        """Nothing on disk is known any more (the error page replaced the site)."""
        self.filled.clear()

    def note(self, uri: str, file: object, fill: Fill | None) -> None:
        """MkDocs wrote the page at `uri` from `fill` (None: not through a shell)."""
        if fill is None or not fill.key:
            self.filled.pop(uri, None)
        else:
            self.filled[uri] = _Filled(file, fill.key, fill.values)

    def may_refill(self, uri: str, file: object) -> bool:
        """Whether the page was last written through a shell, for this very file."""
        found = self.filled.get(uri)
        return found is not None and found.file is file

    def refill(self, uri: str, url: str, path: str | Path, filler: ThemeFiller,
               minifier: FilledMinifier) -> bool:
        """Write the page at `uri` (address `url`, file `path`) from this rebuild's shell of its
        key and its last values; False when it must go through MkDocs instead (see the
        module)."""
        found = self.filled.get(uri)
        if found is None:
            return False
        shell = filler.shells.get(found.key)
        if shell is None or shell.links_under(url):
            return False
        html = shell.fill(found.values)
        # Not sampled: its values are those it was composed from before, in a shell whose
        # first page was compared with the page minified whole in this rebuild.
        output = minifier.minify(html, Fill(shell, found.values, html, found.key), sampled=False)
        if not output.strip():
            return False  # MkDocs says why it skips an empty page
        try:
            overwrite_bytes(path, output.encode("utf-8", errors="xmlcharrefreplace"))
        except OSError:
            return False  # MkDocs writes it, and reports a failure its own way
        self.written += 1
        return True
