"""Files written after the pages (feeds, print files, cards): guarded, then written.

Two outputs claiming the same path is an error, not a silent overwrite, and no path may leave
the output folder: no "..", no absolute path, no backslash, no empty or "." segment, no control
or invisible formatting character, no name longer than a file system takes.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .guard import write_bytes


@dataclass(frozen=True)
class OutputFile:
    """Bytes to publish at `path`, relative to the site root ("rss.xml", "in/a4.pdf")."""

    path: str
    content: bytes
    source: str = ""  # what produced it, named in errors


class OutputConflict(ValueError):
    pass


MAX_NAME_BYTES = 255  # the longest file or folder name of common file systems


def unsafe_segments(path: str) -> bool:
    """Whether a site-relative path (folders joined by "/") has a segment that is empty, "." or
    "..", too long, or holds a character no published name should: control and invisible
    formatting characters (NUL, line breaks, right-to-left overrides) and the backslash."""
    return any(
        segment in ("", ".", "..") or len(segment.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
        for segment in path.split("/")
    ) or any(ch == "\\" or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in path)


def shown_path(path: str) -> str:
    """A path as an error message can show it: invisible characters escaped, at most 80."""
    shown = repr(path)[1:-1]
    return shown if len(shown) <= 80 else shown[:79] + "…"


def check_output_path(path: str) -> str:
    normal = posixpath.normpath(path)
    if (
        not path
        or path.startswith("/")
        or normal != path
        or normal.startswith("..")
        or path.endswith("/")
        or unsafe_segments(path)
    ):
        raise OutputConflict(f"đường dẫn tệp xuất không an toàn: «{shown_path(path)}»")
    return path


def check_outputs(files: Iterable[OutputFile], taken: Iterable[str] = ()) -> list[OutputFile]:
    """The files, once each path is known safe and claimed once (`taken`: paths of pages)."""
    seen: dict[str, str] = {path: "một trang web" for path in taken}
    checked = []
    for file in files:
        check_output_path(file.path)
        if file.path in seen:
            first, other = seen[file.path], file.source or "tệp khác"
            raise OutputConflict(f"hai tệp cùng ghi vào «{file.path}»: {first} và {other}")
        seen[file.path] = file.source or file.path
        checked.append(file)
    return checked


def write_outputs(site_dir: Path, files: Iterable[OutputFile]) -> int:
    """Write every file under `site_dir`; returns how many were written."""
    root = site_dir.resolve()
    count = 0
    for file in files:
        check_output_path(file.path)  # again: callers may skip check_outputs
        target = (root / file.path).resolve()
        if not target.is_relative_to(root):
            raise OutputConflict(f"tệp «{file.path}» nằm ngoài thư mục trang web")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, file.content)
        count += 1
    return count
