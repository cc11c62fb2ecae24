"""Files written after the pages (feeds, print files, cards): guarded, then written.

Two outputs claiming the same path is an error, not a silent overwrite, and no path may leave
the output folder.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFile:
    """Bytes to publish at `path`, relative to the site root ("rss.xml", "in/a4.pdf")."""

    path: str
    content: bytes
    source: str = ""  # what produced it, named in errors


class OutputConflict(ValueError):
    pass


def check_output_path(path: str) -> str:
    normal = posixpath.normpath(path)
    if (
        not path
        or path.startswith("/")
        or "\\" in path
        or "\0" in path
        or normal != path
        or normal.startswith("..")
        or path.endswith("/")
    ):
        raise OutputConflict(f"đường dẫn tệp xuất không an toàn: «{path}»")
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
        target = (root / file.path).resolve()
        if not target.is_relative_to(root):
            raise OutputConflict(f"tệp «{file.path}» nằm ngoài thư mục trang web")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        count += 1
    return count
