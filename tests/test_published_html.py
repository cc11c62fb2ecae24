"""Published pages (.cache/html/): a page minified once is taken from the cache the next time,
byte for byte; an entry that is damaged, or written by other code or another minify-html, is
never used; a cache that cannot be written only costs the work again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generators.core import preview_memory, published_html
from generators.core.published_html import PublishedPages, finish_html

PAGE = (
    "<!doctype html>\n<html lang=vi>\n  <head>\n    <title>Kế hoạch &amp; báo cáo</title>\n"
    '  </head>\n  <body>\n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" '
    'id="__drawer" autocomplete="off">\n    <p>  Thủ tục   hành chính  </p>\n  </body>\n</html>\n'
)


class Counting:
    """finish_html, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, html: str) -> str:
        self.calls += 1
        return finish_html(html)


def pages(folder: Path | None) -> tuple[PublishedPages, Counting]:
    counting = Counting()
    return PublishedPages(folder, counting), counting


def entry_files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*/*") if not p.name.startswith(".tmp-")]


def test_a_page_is_published_minified_with_the_theme_toggles_fixed() -> None:
    published = finish_html(PAGE)
    assert "autocomplete" not in published and "<p>Thủ tục hành chính</p>" in published
    assert published.startswith("<!doctype html><html lang=vi><head>")


def test_the_same_page_is_minified_once(tmp_path: Path) -> None:
    cache, counting = pages(tmp_path)
    first = cache.finish(PAGE)
    assert first == finish_html(PAGE) and counting.calls == 1
    again, counting = pages(tmp_path)  # the next build
    assert again.finish(PAGE) == first and counting.calls == 0 and again.hits == 1
    assert again.finish(PAGE.replace("báo cáo", "đánh giá")) != first and counting.calls == 1
    assert len(entry_files(tmp_path)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data[:16],  # its hash only
        lambda data: b"",  # empty
        lambda data: data[:20] + b"X" + data[21:],  # one byte of the page changed
        lambda data: b"\0" * 16 + data[16:],  # its hash changed
        lambda data: os.urandom(len(data)),  # garbage
    ],
    ids=["cut", "hash-only", "empty", "page-edited", "hash-edited", "garbage"],
)
def test_a_damaged_entry_is_never_used_and_is_written_again(tmp_path: Path, damage) -> None:
    pages(tmp_path)[0].finish(PAGE)
    (entry,) = entry_files(tmp_path)
    entry.write_bytes(damage(entry.read_bytes()))
    cache, counting = pages(tmp_path)
    assert cache.finish(PAGE) == finish_html(PAGE) and counting.calls == 1
    repaired, counting = pages(tmp_path)
    assert repaired.finish(PAGE) == finish_html(PAGE) and counting.calls == 0


@pytest.mark.parametrize("changed", ["code_version", "minify-html"])
def test_entries_of_other_code_or_another_minify_html_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: str
) -> None:
    pages(tmp_path)[0].finish(PAGE)
    if changed == "code_version":
        monkeypatch.setattr(published_html, "code_version", lambda: "another version")
    else:
        real = published_html.metadata.version
        monkeypatch.setattr(published_html.metadata, "version",
                            lambda name: "0.0.1" if name == "minify-html" else real(name))
    cache, counting = pages(tmp_path)
    assert cache.finish(PAGE) == finish_html(PAGE) and counting.calls == 1
    assert len(entry_files(tmp_path)) == 2


def test_without_a_folder_or_with_one_that_cannot_be_written_pages_are_still_published(
    tmp_path: Path,
) -> None:
    cache, counting = pages(None)
    assert cache.finish(PAGE) == cache.finish(PAGE) == finish_html(PAGE)
    assert counting.calls == 2
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    cache, counting = pages(blocked)
    assert cache.finish(PAGE) == finish_html(PAGE) and counting.calls == 1
    PublishedPages.open(blocked)  # pruning a folder that is not one is no error


def test_entries_unused_for_a_month_are_deleted_when_the_cache_opens(tmp_path: Path) -> None:
    cache = pages(tmp_path)[0]
    cache.finish(PAGE)
    cache.finish(PAGE + "<!-- cũ -->")
    month_ago = time.time() - 31 * 24 * 3600
    for entry in entry_files(tmp_path):
        os.utime(entry, (month_ago, month_ago))
    pages(tmp_path)[0].finish(PAGE)  # used again: kept
    PublishedPages.open(tmp_path)
    (kept,) = entry_files(tmp_path)
    assert kept.read_bytes()[16:].decode() == finish_html(PAGE)


def test_an_opened_cache_looks_on_disk_only_for_the_pages_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a cold build no page is looked for on disk; the next build finds each one."""
    reads: list[str] = []
    real_read = PublishedPages._read
    monkeypatch.setattr(PublishedPages, "_read",
                        lambda self, path: reads.append(path) or real_read(self, path))
    cold = PublishedPages.open(tmp_path / "html")
    assert cold.finish(PAGE) == finish_html(PAGE) and reads == []
    assert cold.finish(PAGE) == finish_html(PAGE) and cold.hits == 1 and len(reads) == 1
    warm = PublishedPages.open(tmp_path / "html")
    assert warm.finish(PAGE) == finish_html(PAGE) and warm.hits == 1
    assert warm.finish(PAGE + " ") == finish_html(PAGE + " ") and len(reads) == 2


def test_a_preview_walks_the_cache_folder_once_and_still_finds_what_it_wrote(
    tmp_path: Path,
) -> None:
    """While previewing (preview_memory.py), each rebuild opens the cache without pruning
    again: it takes the entries noted by the first, and those written since."""
    folder = tmp_path / "html"
    pages(folder)[0].finish(PAGE + "<!-- cũ -->")
    month_ago = time.time() - 31 * 24 * 3600
    for entry in entry_files(folder):
        os.utime(entry, (month_ago, month_ago))
    preview_memory.keep_in_memory()
    try:
        first = PublishedPages.open(folder)  # the preview's first build prunes
        assert entry_files(folder) == []
        first.finish(PAGE)
        (written,) = entry_files(folder)
        os.utime(written, (month_ago, month_ago))
        again = PublishedPages.open(folder)  # a rebuild: no walk, so nothing pruned …
        assert len(entry_files(folder)) == 1
        assert again.finish(PAGE) == finish_html(PAGE) and again.hits == 1  # … and it is found
    finally:
        preview_memory.keep_in_memory(False)
