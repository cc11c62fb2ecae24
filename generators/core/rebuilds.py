"""What a preview rebuild keeps from the one before it: the pages and files whose inputs are the
same, so that only what changed is written again.

`cchc serve` runs `mkdocs serve --dirty`: the preview's site folder (a temporary folder of that
server alone) stays between rebuilds, and MkDocs writes only the pages it thinks modified. MkDocs
judges by file dates, which says nothing of generated pages, and its own warning says a dirty
build may leave stale pages. Here the decision is exact instead:

- every page is described by its own inputs (everything `PageSpec` holds, and whether it is in
  the menu) and by the *site's* inputs, which every page shows: our code and the libraries'
  versions, `mkdocs.yml`, the theme templates, the site profile, the menu, the boxes every page
  carries (the hotlines), the announced feeds, the build date;
- a page is kept only when the site's inputs are those of the last rebuild and its own are
  those it had when it was last written; anything else, or no finished rebuild before (the
  first one, one that failed, one that showed the error page), writes it;
- an editor's Markdown page, which MkDocs writes only when its source is newer, is made to be
  read again when the site's inputs changed or a file came or went (its links are resolved
  against the files as it is read);
- a file (page, feed, print, asset) that the last rebuild wrote and this one does not is
  deleted, so a removed article disappears from the preview as it would from a clean build.

The published build (`mkdocs build`, `cchc build`) never uses this: it always starts clean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from importlib import metadata
from pathlib import Path

from .derived_cache import make_key
from .pages import PageSpec

# Theme files that are copied as they are (stylesheets, scripts, images) rather than rendered
# into pages: a change to them is copied by MkDocs, and changes no page.
COPIED_THEME_FOLDERS = ("assets",)


@dataclass(frozen=True)
class Rebuild:
    """What one finished rebuild wrote: the facts the next one compares with."""

    site: str  # digest of the site's inputs
    pages: Mapping[str, str]  # generated page (its src_uri) → digest of its own inputs
    content_pages: frozenset[str] = frozenset()  # an editor's Markdown pages (src_uri)
    outputs: Mapping[str, str] = field(default_factory=dict)  # output path → digest of its bytes
    written: frozenset[str] = frozenset()  # every file in the site folder, relative to it
    addresses: str = ""  # digest of every file's address (files_digest)
    theme: str = ""  # digest of the theme's inputs: versions, mkdocs.yml, templates/


def bytes_digest(data: bytes) -> str:
    """A file's bytes as a text a key can take."""
    return hashlib.sha256(data).hexdigest()


def installed_versions(*names: str) -> str:
    """The versions of the engine and theme that render every page ("-" for one not installed:
    ProperDocs stands in for MkDocs)."""
    found = []
    for name in names:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


def page_inputs(page: PageSpec, in_menu: bool) -> tuple[str, ...]:
    """A generated page's own inputs: every field of the spec, by name (its texts as they are,
    the rest by repr), and whether the menu links to it."""
    parts: list[str] = ["menu" if in_menu else ""]
    for spec_field in fields(page):
        value = getattr(page, spec_field.name)
        parts += [spec_field.name, value if isinstance(value, str) else f"\0{value!r}"]
    return tuple(parts)


def page_digest(page: PageSpec, in_menu: bool) -> str:
    return make_key("page", *page_inputs(page, in_menu))


class PageDigests:
    """`page_digest` of every page of a rebuild, each taken from the last rebuild when the
    page's inputs are those it had then: equal to the very texts the preview holds (render
    memo), they compare at once, where hashing thousands of pages again took a tenth of a
    rebuild."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[tuple[str, ...], str]] = {}
        self.now: dict[str, tuple[tuple[str, ...], str]] = {}

    def next_build(self) -> None:
        """A rebuild starts: what the last one gave is compared with."""
        if self.now:
            self.last, self.now = self.now, {}

    def digest(self, uri: str, page: PageSpec, in_menu: bool) -> str:
        inputs = page_inputs(page, in_menu)
        found = self.last.get(uri)
        digest = found[1] if found is not None and found[0] == inputs else make_key(
            "page", *inputs)
        self.now[uri] = (inputs, digest)
        return digest


def template_digest(folder: Path) -> str:
    """The theme templates an agency overrides (`templates/`): every file's name and bytes,
    but for the folders copied as they stand."""
    parts: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and relative.parts[0] not in COPIED_THEME_FOLDERS:
                parts += [relative.as_posix(), bytes_digest(path.read_bytes())]
    return make_key("templates", *parts)


def kept_pages(last: Rebuild | None, site: str, pages: Mapping[str, str]) -> frozenset[str]:
    """The generated pages this rebuild need not write: same site, same own inputs as when the
    last rebuild wrote them."""
    if last is None or last.site != site:
        return frozenset()
    return frozenset(uri for uri, page in pages.items() if last.pages.get(uri) == page)


def files_digest(addresses: Iterable[tuple[str, str]]) -> str:
    """The files of a build by source and address (src_uri, url): what the links of an editor's
    Markdown page are resolved against."""
    return make_key("files", *sorted(f"{source}\0{url}" for source, url in addresses))


def stale_content_pages(
    last: Rebuild | None, site: str, addresses: str, pages: Iterable[str]
) -> list[str]:
    """An editor's pages MkDocs must write again although their sources are older than their
    output: all when the site changed or a file came or went (a link of theirs may now point
    elsewhere, or nowhere: MkDocs checks links as it reads a page), and those the last rebuild
    did not write as such."""
    if last is None or last.site != site or last.addresses != addresses:
        return sorted(pages)
    return sorted(set(pages) - last.content_pages)


def kept_outputs(last: Rebuild | None, outputs: Mapping[str, str]) -> frozenset[str]:
    """Outputs whose bytes are those the last rebuild wrote at the same path."""
    if last is None:
        return frozenset()
    return frozenset(path for path, found in outputs.items() if last.outputs.get(path) == found)


def vanished(last: Rebuild | None, written: Iterable[str]) -> list[str]:
    """Files the last rebuild wrote and this one does not, deepest first."""
    if last is None:
        return []
    return sorted(last.written - set(written), key=lambda path: (-path.count("/"), path))


def remove_vanished(site_dir: Path, paths: Iterable[str]) -> int:
    """Delete each file (relative to `site_dir`, never outside it) and the folders it leaves
    empty; returns how many files were deleted."""
    root = site_dir.resolve()
    removed = 0
    for path in paths:
        target = (root / path).resolve()
        if not target.is_relative_to(root) or target == root or not target.is_file():
            continue
        target.unlink()
        removed += 1
        folder = target.parent
        while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
