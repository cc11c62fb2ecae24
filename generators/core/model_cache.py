"""Validated models of source files kept between builds (`.cache/models/`), so that a build
re-reads and re-validates only the files that changed.

What is kept is the result of decoding, parsing and validating one file: its model and its line
map, nothing else. The key (see derived_cache.py) covers the file's bytes, its path and the
version of the code and libraries (PyYAML, pydantic) that read it, so a changed file, a moved
file or changed code asks for another key. Everything a loader checks after validation (the
site's categories, the plans, images and form files on disk, the build's clock, drafts,
duplicate slugs or codes) is not kept: it runs on every build, on the cached model as on a
fresh one, and reports its errors through the cached line map, so errors are the same with a
warm cache as with a cold one. A file that fails to decode, parse or validate is never stored.

An entry is the model's JSON (`model_dump_json(round_trip=True)`) and its line map, itself held
as one text value of a DerivedCache entry (checksummed, versioned, pruned). A model is stored
only if reading that JSON back gives an equal model, so a field type that does not survive the
trip is read from its file every time instead of coming back different.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .derived_cache import DerivedCache, make_key
from .preview_memory import table
from .yamlsource import LineMap

M = TypeVar("M", bound=BaseModel)

FOLDER = "models"  # under the build cache, beside bodies/ and images/


class _Entry(BaseModel, Generic[M]):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: M
    lines: list[tuple[list[str | int], int]]


@cache
def _entry(model: type[M]) -> type[_Entry[M]]:
    """The entry type of `model`, made once (pydantic builds a class for each parametrisation)."""
    return _Entry[model]  # type: ignore[valid-type]


@dataclass
class ModelCache:
    """Look-ups of validated models by file; `cache` None keeps nothing (reads every file)."""

    cache: DerivedCache | None = None

    @classmethod
    def open(cls, build_cache: Path) -> ModelCache:
        """The cache in `build_cache`/models/ (`build_cache` is the project's `.cache/`)."""
        return cls(DerivedCache.open(build_cache / FOLDER))

    @staticmethod
    def key(model: type[BaseModel], raw: bytes, *paths: str) -> str:
        """The key of `raw` read as `model` from the file at `paths` (relative paths)."""
        kind = f"{model.__module__}.{model.__qualname__}"
        return make_key("model", kind, *paths, hashlib.sha256(raw).hexdigest())

    def get(self, key: str, model: type[M]) -> tuple[M, LineMap] | None:
        """The model and line map stored under `key`, or None (absent, corrupt, other version).

        While previewing, a model found or stored once is held as it is (preview_memory.py):
        models are frozen, and a line map is only read once made."""
        if self.cache is None:
            return None
        held = table("models")
        if held is not None and (found := held.get((key, model))) is not None:
            return found  # type: ignore[no-any-return]
        text = self.cache.get(key)
        if not isinstance(text, str):
            return None
        try:
            entry = _entry(model).model_validate_json(text)
        except ValidationError:  # a value of the right checksum no model takes: never trusted
            return None
        read = entry.value, LineMap({tuple(path): line for path, line in entry.lines})
        if held is not None:
            held[(key, model)] = read
        return read

    def put(self, key: str, value: M, lines: LineMap) -> None:
        """Store a validated model and its line map, if its JSON reads back to an equal model."""
        if self.cache is None:
            return
        kind = _entry(type(value))
        entry = kind(value=value, lines=[(list(path), line) for path, line in lines.lines.items()])
        text = entry.model_dump_json(round_trip=True)
        try:
            back = kind.model_validate_json(text)
        except ValidationError:
            return
        if back.value != value or back.lines != entry.lines:
            return
        self.cache.put(key, text)
        if (held := table("models")) is not None:
            held[(key, type(value))] = (value, LineMap(dict(lines.lines)))
