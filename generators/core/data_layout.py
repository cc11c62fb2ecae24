"""Unknown folders and files in data/: an error naming the nearest known name.

Loaders read only the names they know, so a misspelt folder (`data/hoidap/`) or file
(`data/duong-day-nong.yaml`) would never be read and an editor's work would vanish from the site
without a word. Every entry of data/ must be a known one.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path

from .errors import DataError, relative


def unknown_entries(data_dir: Path, known: Collection[str], root: Path) -> list[DataError]:
    """An error for each entry of `data_dir` that is not in `known` (hidden files, such as
    .gitkeep, are not entries), with the nearest known name suggested."""
    if not data_dir.is_dir():
        return []
    errors = []
    for path in sorted(data_dir.iterdir()):
        name = path.name
        if name in known or name.startswith("."):
            continue
        kind = "thư mục" if path.is_dir() else "tệp"
        wanted = [k for k in known if ("." in k) != path.is_dir()] or list(known)
        close = difflib.get_close_matches(name, wanted, n=1, cutoff=0.6) or \
            difflib.get_close_matches(name.lower(), wanted, n=1, cutoff=0.4)
        hint = f"; có phải là «{close[0]}»?" if close else (
            "; các tên được đọc: " + ", ".join(sorted(known)))
        rel = relative(path, root)
        errors.append(DataError(rel, f"{kind} «{name}» không được đọc khi tạo trang web (tên "
                                     f"không có trong danh sách), nội dung trong đó sẽ không "
                                     f"được đăng{hint}"))
    for folder in sorted(k for k in known if "." not in k):
        if not (data_dir / folder).is_dir():
            continue
        for path in sorted((data_dir / folder).iterdir()):
            if path.is_dir() and not path.name.startswith("."):
                errors.append(DataError(
                    relative(path, root),
                    f"thư mục con không được đọc: mỗi mục là một tệp .yml đặt thẳng trong "
                    f"data/{folder}/"))
    return errors

