"""Errors an editor can act on: file, line, field, the value given and what is expected.

Every loader and check reports `DataError`s; the build collects all of them and fails once
with `DataErrors`, whose text is the whole report in Vietnamese. No traceback reaches editors.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]

_MAX_GIVEN = 80


def format_field(path: FieldPath) -> str:
    """('tasks', 3, 'points') → "tasks › mục 4 › points" (list items counted from 1)."""
    parts = [f"mục {p + 1}" if isinstance(p, int) else p for p in path]
    return " › ".join(parts)


def shorten(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= _MAX_GIVEN else text[: _MAX_GIVEN - 1] + "…"


def under(path: Path, root: Path) -> str | None:
    """`path.relative_to(root).as_posix()` when `path` is below `root`, else None.

    On POSIX by comparing the two texts (pathlib keeps them normal: no "//", "." or trailing
    "/"), as `relative_to` would, without parsing both paths again: loaders ask it for each of
    thousands of files at every build."""
    if os.sep == "/" and path.is_absolute() == root.is_absolute():
        whole, base = str(path), str(root)
        if whole == base:
            return "."
        if base == ".":  # relative paths below the working folder
            return whole
        prefix = base if base.endswith("/") else base + "/"
        return whole[len(prefix):] if whole.startswith(prefix) else None
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def relative(path: Path, root: Path) -> str:
    """How a file is named in messages: from the project's root, or as given if outside it."""
    found = under(path, root)
    return path.as_posix() if found is None else found


@dataclass(frozen=True)
class DataError:
    """One problem in one place of one file."""

    file: str
    message: str
    line: int | None = None
    field: str = ""
    given: str | None = None
    column: int | None = None  # 1-based, for syntax errors where the line is not enough

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}, dòng {self.line}"
        if self.line is not None and self.column is not None:
            where += f", cột {self.column}"
        head = f"{where}, trường «{self.field}»" if self.field else where
        given = f" (giá trị đang có: «{self.given}»)" if self.given not in (None, "") else ""
        return f"{head}: {self.message}{given}"


class DataErrors(Exception):
    """All problems found in the data, reported together."""

    def __init__(self, errors: Sequence[DataError]) -> None:
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.field, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [f"Dữ liệu có {count} lỗi, chưa thể tạo trang web. Hãy sửa rồi chạy lại:"]
        lines += [f"  {n}. {error.format()}" for n, error in enumerate(self.errors, start=1)]
        return "\n".join(lines)


class ErrorCollector:
    """Gathers errors across every file so the editor sees them all in one run."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, error: DataError) -> None:
        self.errors.append(error)

    def extend(self, errors: Iterable[DataError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)
