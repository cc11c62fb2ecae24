"""Renders held between the preview's rebuilds, given again when nothing they show has changed.

Saving one article rebuilds the whole site (every listing, feed and search result that shows it
stays exact), but most pages are made from what did not change: while previewing
(preview_memory.py), a page's HTML is found again by what it is made from, and only the pages
of changed inputs are rendered.

A render is found by its name (the template, the page path) and the values it is given, keyed as:
- texts, numbers, dates and other plain values: by type and value;
- validated models (frozen; model_cache.py holds an unchanged file's model from one rebuild to
  the next): by identity. The memo keeps each model it keyed alive, so its id is never another's;
- lists, tuples, dicts, frozen dataclasses and objects that say which values they are made
  from (`memo_values()`, as Procedure and Plan do): by what they hold, as a number given to
  each distinct content (never given again to another);
- module functions: by identity; a Jinja environment: by the sources of its templates.

Any other value (a bound method, a closure, an object made for this build) is not keyed: the
page is rendered as without the memo. A memo entry, or a number, not used in one rebuild is
dropped at the next. Within one build, a tuple, a record or a large list or dict
(the portal's collections, finished before pages are made) is keyed once, by identity, and held
alive for that build. A tuple or record that holds nothing that can change (plain values,
models, functions, and tuples and records of those) is keyed by identity from one build to the
next as well: an article held between rebuilds (news/reading.py) is keyed at once, not field
by field, at every rebuild.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import types
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel

from .preview_memory import table

T = TypeVar("T")

_PLAIN = (str, int, float, bool, type(None), date, datetime, time, Decimal, bytes, Enum)
# Lists and dicts at least this long are keyed once per build (the portal's collections).
LARGE = 16


class _NotKeyed(Exception):
    """A value the memo cannot key: the render is made as without it."""


def templates_digest(env: Environment) -> str:
    """A hash of every template file `env` can load (its FileSystemLoader's folders)."""
    loader = env.loader
    if not isinstance(loader, FileSystemLoader):
        raise _NotKeyed
    digest = hashlib.sha256()
    for folder in loader.searchpath:
        for parent, folders, files in os.walk(folder):
            folders.sort()
            for name in sorted(files):
                path = os.path.join(parent, name)
                digest.update(b"\0" + os.path.relpath(path, folder).encode() + b"\0")
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


class RenderMemo:
    """The renders of the last two builds and the numbers given to contents (see the module)."""

    def __init__(self) -> None:
        self.renders: dict[Hashable, tuple[Any, tuple[object, ...]]] = {}
        self.earlier: dict[Hashable, tuple[Any, tuple[object, ...]]] = {}
        self.numbers: dict[Hashable, tuple[int, tuple[object, ...]]] = {}
        self.earlier_numbers: dict[Hashable, tuple[int, tuple[object, ...]]] = {}
        self._counter = itertools.count()
        self._by_id: dict[int, tuple[Hashable, object]] = {}  # this build's
        # Tuples and records holding nothing that can change: this build's and the last one's.
        self._lasting: dict[int, tuple[Hashable, object]] = {}
        self._earlier_lasting: dict[int, tuple[Hashable, object]] = {}
        self.found = self.made = self.not_keyed = 0

    def next_build(self) -> None:
        """Start a build: what the last one did not use is dropped."""
        self.earlier, self.renders = self.renders, {}
        self.earlier_numbers, self.numbers = self.numbers, {}
        self._by_id = {}
        self._earlier_lasting, self._lasting = self._lasting, {}
        self.found = self.made = self.not_keyed = 0

    def remembered(self, name: Hashable, values: Mapping[str, object],
                   make: Callable[[], T]) -> T:
        """What `make()` gives for `values`, from the memo when it was made for equal ones."""
        alive: list[object] = []
        try:
            key = (name, tuple((k, self._part(v, alive)) for k, v in sorted(values.items())))
        except _NotKeyed:
            self.not_keyed += 1
            return make()
        found = self.renders.get(key)
        if found is None and (found := self.earlier.pop(key, None)) is not None:
            self.renders[key] = found
        if found is not None:
            self.found += 1
            return found[0]  # type: ignore[no-any-return]
        value = make()
        self.renders[key] = (value, tuple(alive))
        self.made += 1
        return value

    def _part(self, value: object, alive: list[object]) -> Hashable:
        return self._keyed(value, alive)[0]

    def _keyed(self, value: object, alive: list[object]) -> tuple[Hashable, bool]:
        """The key of `value`, and whether it holds nothing that can change."""
        if isinstance(value, _PLAIN):
            return (type(value), value), True
        if isinstance(value, BaseModel):
            if not value.model_config.get("frozen"):
                raise _NotKeyed
            alive.append(value)
            return ("model", id(value)), True
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType)):
            if getattr(value, "__closure__", None) or not isinstance(
                getattr(value, "__self__", None), (types.ModuleType, type(None))
            ):
                raise _NotKeyed  # what it does depends on what it closes over or is bound to
            alive.append(value)
            return ("function", id(value)), True
        held = self._by_id.get(id(value))
        if held is not None:
            return held[0], id(value) in self._lasting
        lasting = self._lasting.get(id(value))
        if lasting is None and (lasting := self._earlier_lasting.pop(id(value), None)):
            self._lasting[id(value)] = lasting
        if lasting is not None:  # held alive since it was keyed: the same object, unchanged
            return lasting[0], True
        if isinstance(value, Environment):
            part: Hashable = ("templates", templates_digest(value))
            by_identity, unchanging = True, False
        else:
            inner, alive_in, by_identity, unchanging = self._contents(value)
            part = ("content", self._number((type(value), inner), alive_in))
        if unchanging:
            self._lasting[id(value)] = (part, value)
        if by_identity:
            self._by_id[id(value)] = (part, value)  # held alive: its id stays its own
        return part, unchanging

    def _contents(
        self, value: object
    ) -> tuple[tuple[Hashable, ...], tuple[object, ...], bool, bool]:
        """The keys of what `value` holds, the models and functions they name (to keep alive),
        whether this build may key it once by identity (a tuple, a record, a large list or
        dict: see the module), and whether it holds nothing that can change (a tuple or a
        record of such values)."""
        immutable = False
        if isinstance(value, (list, tuple)):
            values: Iterable[object] = value
            immutable = isinstance(value, tuple)
            by_identity = immutable or len(value) >= LARGE
        elif isinstance(value, dict):
            values = itertools.chain.from_iterable(value.items())
            by_identity = len(value) >= LARGE
        elif _frozen_record(value):
            values = (getattr(value, f.name) for f in dataclasses.fields(value))  # type: ignore[arg-type]
            by_identity = immutable = True
        elif _made_from(value):
            values = value.memo_values()  # type: ignore[attr-defined]
            by_identity = True
        else:
            raise _NotKeyed
        alive: list[object] = []
        parts = []
        for inner in values:
            part, unchanging = self._keyed(inner, alive)
            parts.append(part)
            immutable = immutable and unchanging
        return tuple(parts), tuple(alive), by_identity, immutable

    def _number(self, content: Hashable, alive: tuple[object, ...]) -> int:
        """The number given to a content (its type and the keys of what it holds), kept with
        the objects its keys name."""
        found = self.numbers.get(content)
        if found is None:
            found = self.earlier_numbers.pop(content, None) or (next(self._counter), alive)
            self.numbers[content] = found
        return found[0]


def _frozen_record(value: object) -> bool:
    return (dataclasses.is_dataclass(value) and not isinstance(value, type)
            and value.__dataclass_params__.frozen)  # type: ignore[attr-defined]


def _made_from(value: object) -> bool:
    """True for an object that says which values it is made from (`memo_values()`: a class
    whose instances derive everything from the values their constructor was given)."""
    return callable(getattr(type(value), "memo_values", None))


def current_memo() -> RenderMemo | None:
    """The preview's memo, or None when nothing is held (a single build)."""
    held = table("renders")
    if held is None:
        return None
    memo = held.get("memo")
    if memo is None:
        memo = held["memo"] = RenderMemo()
    return memo  # type: ignore[no-any-return]


def next_build() -> None:
    """Called as a build starts making its site."""
    if (memo := current_memo()) is not None:
        memo.next_build()


def key_of(value: object) -> object:
    """What stands for `value` when a caller compares a page's inputs itself: the key it gives
    a render when that key is made of contents (an environment: the digest of its templates; a
    tuple or record: a number for what it holds, worked out once a build, never given to other
    contents); else the value itself (a model, a function, anything not keyed), which the
    caller's inputs then hold alive and compare as they are."""
    memo = current_memo()
    if memo is None or isinstance(value, (BaseModel, types.FunctionType,
                                          types.BuiltinFunctionType, *_PLAIN)):
        return value
    try:
        return memo._part(value, [])
    except _NotKeyed:
        return value


def remembered(name: Hashable, values: Mapping[str, object], make: Callable[[], T]) -> T:
    """`make()`, or, while previewing, what it gave for equal `values` (see the module)."""
    memo = current_memo()
    return make() if memo is None else memo.remembered(name, values, make)
