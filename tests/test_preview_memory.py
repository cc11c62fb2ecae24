"""What the preview holds from one rebuild to the next (core/preview_memory.py): what an
unchanged file gave is given again without reading it; any write to the file reads it again,
even one that keeps its size and sets its modification time back; errors are never held.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generators.core import preview_memory
from generators.core.preview_memory import read_unchanged, same_as_before


@pytest.fixture
def previewing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The preview's memory on; files count as settled at once (not two seconds later)."""
    monkeypatch.setattr(preview_memory, "RECENT_NS", 0)
    preview_memory.keep_in_memory()
    try:
        yield
    finally:
        preview_memory.keep_in_memory(False)


class Reader:
    """Reads a file, counting how often (the read a build would do)."""

    def __init__(self, path: Path) -> None:
        self.path, self.reads = path, 0

    def __call__(self) -> str | None:
        self.reads += 1
        text = self.path.read_text(encoding="utf-8")
        return None if "lỗi" in text else text


def test_outside_the_preview_every_build_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: Một\n", encoding="utf-8")
    read = Reader(path)
    assert [read_unchanged("t", path, "k", read) for _ in range(3)] == ["title: Một\n"] * 3
    assert read.reads == 3


def test_an_unchanged_file_is_read_once(tmp_path: Path, previewing: None) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: Một\n", encoding="utf-8")
    read = Reader(path)
    assert [read_unchanged("t", path, "k", read) for _ in range(3)] == ["title: Một\n"] * 3
    assert read.reads == 1
    assert read_unchanged("t", path, "other way", read) == "title: Một\n"
    assert read.reads == 2, "read another way (another model): its own entry"


def test_a_write_that_keeps_size_and_date_is_read_again(tmp_path: Path, previewing: None) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: Một\n", encoding="utf-8")
    read = Reader(path)
    read_unchanged("t", path, "k", read)
    before = os.stat(path)
    path.write_text("title: Hai\n", encoding="utf-8")  # same length in bytes
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old date
    assert read_unchanged("t", path, "k", read) == "title: Hai\n"


def test_a_file_with_errors_is_read_at_every_build(tmp_path: Path, previewing: None) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: lỗi\n", encoding="utf-8")
    read = Reader(path)
    assert [read_unchanged("t", path, "k", read) for _ in range(2)] == [None, None]
    assert read.reads == 2, "its errors are reported again, by the read"


def test_a_file_written_a_moment_ago_is_not_held(tmp_path: Path) -> None:
    """It may change again within the same tick of the file system's clock."""
    path = tmp_path / "a.yml"
    path.write_text("title: Một\n", encoding="utf-8")
    read = Reader(path)
    preview_memory.keep_in_memory()
    try:
        read_unchanged("t", path, "k", read)
        read_unchanged("t", path, "k", read)
    finally:
        preview_memory.keep_in_memory(False)
    assert read.reads == 2


def test_a_missing_file_fails_as_without_the_memory(tmp_path: Path, previewing: None) -> None:
    with pytest.raises(FileNotFoundError):
        read_unchanged("t", tmp_path / "none.yml", "k", Reader(tmp_path / "none.yml"))


def test_the_same_inputs_give_back_the_very_object_made_last_time(previewing: None) -> None:
    title = "Tin"
    first = same_as_before("t", "bai", (title, 1), lambda: [title])
    assert same_as_before("t", "bai", (title, 1), lambda: [title]) is first
    assert same_as_before("t", "khac", (title, 1), lambda: [title]) is not first  # its own slot
    changed = same_as_before("t", "bai", (title, 2), lambda: [title, 2])
    assert changed == [title, 2]
    assert same_as_before("t", "bai", (title, 1), lambda: [title]) is not first, "one per slot"


def test_outside_the_preview_the_object_is_made_every_time() -> None:
    made = [same_as_before("t", "bai", ("Tin",), lambda: ["Tin"]) for _ in range(2)]
    assert made[0] == made[1] and made[0] is not made[1]
