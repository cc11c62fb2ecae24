"""Reading editors' YAML files into typed models, collecting every error before failing.

The helpers every section's loader uses: one file validated into a model with its line map
(`read_model`), a one-file register (`read_register`), the files of a one-file-per-item folder
(`item_files`) and cross-field problems located by line (`report_problems`). The site profile,
`data/site.yml`, is read here too: every section depends on it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..vietnamese.text import is_slug, slugify
from .errors import DataError, ErrorCollector, FieldPath, format_field, relative
from .model_cache import ModelCache
from .preview_memory import read_unchanged
from .profile import SiteProfile
from .profile_checks import check_site
from .validation import validate
from .yamlsource import LineMap, YamlProblem, decode_text, parse_yaml

M = TypeVar("M", bound=BaseModel)


def file_exists(path: Path) -> bool:
    """`path.is_file()`, but False for a name no file system takes (too long, NUL) instead of
    an OSError: names come from editors' data."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def read_model(
    path: Path, root: Path, model: type[M], errors: ErrorCollector,
    cache: ModelCache | None = None,
) -> tuple[M, LineMap] | None:
    """One YAML file validated into `model`, with its line map; None after recording errors.

    With a `cache`, a file read before with the same bytes (and code) is not parsed again.
    """
    rel = relative(path, root)
    return read_unchanged("model-files", path, (model, rel),
                          lambda: _read_model(path, rel, model, errors, cache))


def _read_model(
    path: Path, rel: str, model: type[M], errors: ErrorCollector, cache: ModelCache | None
) -> tuple[M, LineMap] | None:
    raw = path.read_bytes()
    key = ModelCache.key(model, raw, rel) if cache else ""
    if cache and (kept := cache.get(key, model)) is not None:
        return kept
    try:
        data, lines = parse_yaml(decode_text(raw, rel), rel)
    except YamlProblem as problem:
        errors.extend(problem.errors)
        return None
    result = validate(model, data, rel, lines)
    if isinstance(result, list):
        errors.extend(result)
        return None
    if cache:
        cache.put(key, result, lines)
    return result, lines


def report_problems(
    errors: ErrorCollector, rel: str, lines: LineMap, problems: list[tuple[FieldPath, str]]
) -> None:
    """Record cross-field problems found after validation, located through the line map."""
    for field_path, message in problems:
        errors.add(
            DataError(rel, message, line=lines.line_of(field_path), field=format_field(field_path))
        )


def read_register(
    path: Path,
    root: Path,
    model: type[M],
    errors: ErrorCollector,
    check: Callable[[M], list[tuple[FieldPath, str]]],
    cache: ModelCache | None = None,
) -> M | None:
    """A one-file register (site.yml, van-ban.yml …) validated and cross-checked; None if absent
    or invalid (its errors recorded). With a `cache`, as read_model."""
    if not path.is_file():
        return None
    loaded = read_model(path, root, model, errors, cache)
    if loaded is None:
        return None
    value, lines = loaded
    report_problems(errors, relative(path, root), lines, check(value))
    return value


def _is_file(entry: os.DirEntry[str]) -> bool:
    """`Path.is_file` of the entry (links followed), from the listing when it can say."""
    try:
        return entry.is_file()
    except OSError:
        return False


def item_files(folder: Path, root: Path, errors: ErrorCollector, example: str) -> list[Path]:
    """The YAML files of a one-file-per-item folder, whose names must be URL slugs."""
    if not folder.is_dir():
        return []
    paths = []
    # The listing's entries say which are files: a stat of each of 2,000 files was a thirtieth
    # of a preview's rebuild.
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        # Hidden files (.gitkeep, macOS's ._copies) are not items; a name starting with ".."
        # is no tool's hidden file but an attempt at a path, and is refused below.
        hidden = entry.name.startswith(".") and not entry.name.startswith("..")
        if hidden or not _is_file(entry):
            continue
        rel = relative(path, root)
        if path.suffix not in (".yml", ".yaml"):
            errors.add(DataError(rel, f"thư mục {folder.name}/ chỉ chứa tệp .yml, mỗi mục một tệp"))
        elif not is_slug(path.stem):
            errors.add(
                DataError(
                    rel,
                    "tên tệp là đường dẫn của trang nên chỉ gồm chữ thường không dấu, số và dấu "
                    f"gạch ngang, ví dụ {slugify(path.stem) or example}.yml",
                )
            )
        else:
            paths.append(path)
    return paths


SITE_FILE = "site.yml"


def load_site(
    data_dir: Path, root: Path, errors: ErrorCollector, cache: ModelCache | None = None,
) -> SiteProfile | None:
    path = data_dir / SITE_FILE
    if not path.is_file():
        message = "thiếu tệp hồ sơ trang (site.yml); xem mẫu trong README"
        errors.add(DataError(relative(path, root), message))
        return None
    return read_register(path, root, SiteProfile, errors, check_site, cache)
