"""The persistent build cache (.cache/bodies/): a second build takes every article body from it,
and a stale, corrupt or other-version entry is detected and rebuilt, never trusted."""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generators.core import derived_cache, preview_memory
from generators.core.derived_cache import DerivedCache
from generators.core.portal import Portal
from generators.sections.legal.model import LEGAL
from generators.sections.news.model import ARTICLES
from generators.sections.news.pages import NewsRender


def bodies(portal: Portal, cache: DerivedCache | None) -> dict[str, str]:
    render = NewsRender(portal, {}, cache)
    return {a.source: render.body(a) for a in portal[ARTICLES]}


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.json"))


@pytest.fixture
def fresh(portal: Portal) -> dict[str, str]:
    """Every body rendered without a cache."""
    return bodies(portal, None)


def test_second_build_takes_every_body_from_the_cache(
    portal: Portal, fresh: dict[str, str], tmp_path: Path
) -> None:
    first = DerivedCache.open(tmp_path)
    assert bodies(portal, first) == fresh
    assert (first.hits, first.misses) == (0, len(fresh))
    assert len(entries(tmp_path)) == len(fresh)
    second = DerivedCache.open(tmp_path)
    assert bodies(portal, second) == fresh
    assert (second.hits, second.misses) == (len(fresh), 0)


def test_changed_article_is_rendered_again_the_others_reused(
    portal: Portal, fresh: dict[str, str], tmp_path: Path
) -> None:
    bodies(portal, DerivedCache.open(tmp_path))
    article = portal[ARTICLES][0]
    changed = dataclasses.replace(
        article, body_markdown=article.body_markdown + "\n\nĐoạn vừa sửa trong bài.\n"
    )
    cache = DerivedCache.open(tmp_path)
    render = NewsRender(portal, {}, cache)
    assert "Đoạn vừa sửa trong bài." in render.body(changed)
    assert [render.body(a) for a in portal[ARTICLES][1:]] == list(fresh.values())[1:]
    assert (cache.hits, cache.misses) == (len(fresh) - 1, 1)


def test_changed_legal_register_renders_every_body_again(
    portal: Portal, tmp_path: Path
) -> None:
    """Bodies link registered documents: a register without them gives other bodies."""
    bodies(portal, DerivedCache.open(tmp_path))
    register = portal[LEGAL].model_copy(update={"documents": []})
    smaller = Portal(site=portal.site, parts={**portal.parts, LEGAL: register})
    expected = bodies(smaller, None)
    assert expected != bodies(portal, None)  # the demo's articles do cite registered documents
    cache = DerivedCache.open(tmp_path)
    assert bodies(smaller, cache) == expected
    assert cache.hits == 0


@pytest.mark.parametrize("damage", ["truncated", "not json", "value edited", "other key", "empty"])
def test_corrupt_entry_is_rebuilt_and_repaired(
    portal: Portal, fresh: dict[str, str], tmp_path: Path, damage: str
) -> None:
    bodies(portal, DerivedCache.open(tmp_path))
    files = entries(tmp_path)
    target, other = files[0], files[1]
    text = target.read_text(encoding="utf-8")
    if damage == "truncated":
        target.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "not json":
        target.write_bytes(b"\xff\xfe rubbish")
    elif damage == "value edited":
        entry = json.loads(text)
        entry["value"]["html"] = "<p>sửa tay trong bộ nhớ đệm</p>"
        target.write_text(json.dumps(entry), encoding="utf-8")
    elif damage == "other key":
        target.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        target.write_text("", encoding="utf-8")
    cache = DerivedCache.open(tmp_path)
    assert bodies(portal, cache) == fresh
    assert (cache.hits, cache.misses) == (len(fresh) - 1, 1)
    repaired = DerivedCache.open(tmp_path)
    assert bodies(portal, repaired) == fresh
    assert repaired.misses == 0


def test_entries_of_another_version_are_not_trusted(
    portal: Portal, fresh: dict[str, str], tmp_path: Path
) -> None:
    bodies(portal, DerivedCache.open(tmp_path))
    for path in entries(tmp_path):  # same keys, checksums right, written by another version
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["version"] = "another version"
        entry["value"]["html"] = "<p>bản cũ</p>"
        entry["checksum"] = derived_cache._checksum(entry["value"])
        path.write_text(json.dumps(entry), encoding="utf-8")
    cache = DerivedCache.open(tmp_path)
    assert bodies(portal, cache) == fresh
    assert cache.hits == 0


def test_code_version_changes_with_any_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "sections" / "x.py"
    module.parent.mkdir()
    module.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(derived_cache, "PACKAGE", tmp_path)
    before = derived_cache.code_version.__wrapped__()
    module.write_text("A = 2\n", encoding="utf-8")
    assert derived_cache.code_version.__wrapped__() != before


def test_entries_unused_for_a_month_are_pruned(portal: Portal, tmp_path: Path) -> None:
    bodies(portal, DerivedCache.open(tmp_path))
    old, kept = entries(tmp_path)[:2]
    month_ago = time.time() - derived_cache.PRUNE_AFTER - 60
    os.utime(old, (month_ago, month_ago))
    DerivedCache.open(tmp_path)
    assert not old.exists() and kept.exists()


def test_an_entry_that_cannot_be_marked_as_used_is_still_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only .cache/ (a checkout restored without write rights): entries are read, and
    marking them as used (their time, for pruning) failing is no error."""
    cache = DerivedCache.open(tmp_path)
    cache.put("k" * 40, {"html": "<p>Thủ tục</p>"})

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(derived_cache.os, "utime", refuse)
    assert cache.get("k" * 40) == {"html": "<p>Thủ tục</p>"} and cache.hits == 1


@pytest.fixture
def in_memory() -> Iterator[None]:
    """Entries held in memory, as the preview does between rebuilds; off again afterwards."""
    preview_memory.keep_in_memory()
    yield
    preview_memory.keep_in_memory(False)


def test_the_preview_reads_an_entry_from_disk_once_then_from_memory(
    tmp_path: Path, in_memory: None,
) -> None:
    writer, reader = DerivedCache.open(tmp_path), DerivedCache.open(tmp_path)
    writer.put("k1", {"html": "<p>Một</p>", "words": [1, 2]})
    entries(tmp_path)[0].unlink()  # what was stored is held, under its key
    found = reader.get("k1")
    assert found == {"html": "<p>Một</p>", "words": [1, 2]} and reader.hits == 1
    found["words"].append(3)  # a caller changing what it was given changes nothing held
    assert reader.get("k1") == {"html": "<p>Một</p>", "words": [1, 2]}
    DerivedCache(tmp_path / "other", reader.version).put("k2", "văn bản")
    path = entries(tmp_path / "other")[0]
    assert reader.get("k2") is None  # another folder's entry is not this folder's
    assert DerivedCache(tmp_path / "other", reader.version).get("k2") == "văn bản"
    path.unlink()
    assert DerivedCache(tmp_path / "other", reader.version).get("k2") == "văn bản"


def test_a_single_build_holds_nothing_in_memory(tmp_path: Path) -> None:
    cache = DerivedCache.open(tmp_path)
    cache.put("k1", "văn bản")
    entries(tmp_path)[0].unlink()
    assert cache.get("k1") is None


def test_the_preview_prunes_a_folder_once_per_process(tmp_path: Path, in_memory: None) -> None:
    DerivedCache.open(tmp_path).put("k1", "văn bản")
    month_ago = time.time() - derived_cache.PRUNE_AFTER - 60
    os.utime(entries(tmp_path)[0], (month_ago, month_ago))
    DerivedCache.open(tmp_path)  # its rebuilds do not walk the folder again
    assert len(entries(tmp_path)) == 1
    DerivedCache.open(tmp_path / "other")
    preview_memory.keep_in_memory(False)
    DerivedCache.open(tmp_path)  # a new process (or a single build) prunes
    assert entries(tmp_path) == []
