"""The preview's render memo (generators/core/render_memo.py): what makes a render be found
again, what makes it be made again, and what is never keyed."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from generators.core import preview_memory
from generators.core.model import Model
from generators.core.render_memo import RenderMemo, current_memo, next_build, remembered


class Entry(Model):
    title: str


@dataclass(frozen=True)
class Record:
    entry: Entry
    note: str


@dataclass
class Changing:
    note: str


class MadeFrom:
    def __init__(self, slug: str, entry: Entry) -> None:
        self.slug, self.entry = slug, entry

    def memo_values(self) -> tuple[object, ...]:
        return (self.slug, self.entry)


def shown(value: object) -> str:
    return str(value)


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"render {self.calls}"


@pytest.fixture
def memo() -> RenderMemo:
    return RenderMemo()


def made(memo: RenderMemo, *values: dict[str, object]) -> int:
    """How many of the renders for `values` (in order) were made rather than found."""
    count = Counter()
    for given in values:
        memo.remembered("page", given, count)
    return count.calls


def test_plain_values_are_found_by_type_and_value(memo: RenderMemo) -> None:
    assert made(memo, {"a": "chữ", "n": 1}, {"a": "chữ", "n": 1}) == 1
    assert made(memo, {"n": True}, {"n": 1}, {"n": 1.0}) == 3  # equal in Python, not on a page
    assert made(memo, {"a": "x"}, {"b": "x"}) == 2  # the name a value is given matters


def test_a_model_is_found_by_identity_an_equal_copy_is_made_again(memo: RenderMemo) -> None:
    entry = Entry(title="Tin")
    assert made(memo, {"e": entry}, {"e": entry}) == 1
    assert made(memo, {"e": Entry(title="Tin")}) == 1


def test_lists_dicts_and_frozen_records_are_found_by_what_they_hold(memo: RenderMemo) -> None:
    entry = Entry(title="Tin")
    assert made(memo, {"l": [entry, "a"]}, {"l": [entry, "a"]}, {"l": [entry, "b"]}) == 2
    assert made(memo, {"d": {"k": [1, 2]}}, {"d": {"k": [1, 2]}}, {"d": {"k": [2, 1]}}) == 2
    assert made(memo, {"r": Record(entry, "x")}, {"r": Record(entry, "x")}) == 1
    assert made(memo, {"r": Record(entry, "y")}, {"r": Record(Entry(title="Tin"), "x")}) == 2
    assert made(memo, {"m": MadeFrom("a", entry)}, {"m": MadeFrom("a", entry)}) == 1
    assert made(memo, {"m": MadeFrom("b", entry)}) == 1
    assert made(memo, {"t": (1, 2)}, {"l": [1, 2]}) == 2  # a tuple is not a list


@dataclass(frozen=True)
class Holding:
    items: list[str]


def test_a_record_of_values_that_cannot_change_is_keyed_at_once_in_the_next_builds(
    memo: RenderMemo, monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = Entry(title="Tin")
    lasting, holding, tupled = Record(entry, "x"), Holding(["a"]), (Record(entry, "y"), 1)
    assert made(memo, {"r": lasting, "h": holding, "t": tupled}) == 1
    looked_into: list[object] = []
    contents = memo._contents
    monkeypatch.setattr(memo, "_contents", lambda v: looked_into.append(v) or contents(v))
    for _ in range(2):
        memo.next_build()
        assert made(memo, {"r": lasting, "h": holding, "t": tupled}) == 0
    assert not [v for v in looked_into if v is lasting or v is tupled or v is tupled[0]]
    assert [v for v in looked_into if v is holding] == [holding] * 2, "it holds a list"
    holding.items.append("b")  # a list inside a frozen record can still change
    memo.next_build()
    assert made(memo, {"r": lasting, "h": holding, "t": tupled}) == 1


def test_what_the_memo_cannot_key_is_rendered_every_time(memo: RenderMemo) -> None:
    prefix = "x"

    def closure(value: object) -> str:
        return prefix + str(value)

    for unkeyed in (closure, Counter().__call__, functools.partial(shown), Changing("a"),
                    {}.get, object()):
        assert made(memo, {"f": unkeyed}, {"f": unkeyed}) == 2, unkeyed
    assert memo.not_keyed == 12
    assert made(memo, {"f": shown, "g": len}, {"f": shown, "g": len}) == 1  # module functions


def test_a_render_unused_for_one_build_is_dropped(memo: RenderMemo) -> None:
    entry = Entry(title="Tin")
    assert made(memo, {"e": entry}) == 1
    memo.next_build()
    assert made(memo, {"e": entry}) == 0  # used in the next build: kept
    memo.next_build()
    memo.next_build()
    assert made(memo, {"e": entry}) == 1  # a build went by without it
    assert (memo.found, memo.made) == (0, 1)  # counted per build


def test_an_environment_is_keyed_by_its_templates(memo: RenderMemo, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ x }}", encoding="utf-8")
    first, second = (Environment(loader=FileSystemLoader(str(tmp_path))) for _ in range(2))
    assert made(memo, {"env": first}) == 1
    memo.next_build()
    assert made(memo, {"env": second}) == 0  # another environment, the same templates
    memo.next_build()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "part.html").write_text("a", encoding="utf-8")
    assert made(memo, {"env": Environment(loader=FileSystemLoader(str(tmp_path)))}) == 1
    assert made(memo, {"env": Environment()}) == 1  # no files to read: not keyed


@pytest.fixture
def previewing() -> Iterator[None]:
    preview_memory.keep_in_memory()
    try:
        yield
    finally:
        preview_memory.keep_in_memory(False)


def test_only_a_preview_holds_renders(previewing: None) -> None:
    count = Counter()
    next_build()
    assert remembered("page", {"a": 1}, count) == remembered("page", {"a": 1}, count)
    assert count.calls == 1 and current_memo() is not None
    preview_memory.keep_in_memory(False)
    assert current_memo() is None
    assert remembered("page", {"a": 1}, count) != remembered("page", {"a": 1}, count)


def test_key_of_gives_what_made_of_the_same_contents_compares_equal_across_rebuilds() -> None:
    """render_memo.key_of, for callers that compare inputs themselves (an article's page): a
    tuple of objects made anew at each rebuild from the same values has the same key; other
    contents another; a model stands for itself (compared by identity); nothing held, the
    value itself."""
    from generators.core.render_memo import key_of

    entry = Entry(title="Tin")
    preview_memory.keep_in_memory()
    try:
        next_build()
        first = key_of((MadeFrom("a", entry), "facts"))
        next_build()
        assert key_of((MadeFrom("a", entry), "facts")) == first  # new objects, same values
        assert key_of((MadeFrom("b", entry), "facts")) != first
        assert key_of((MadeFrom("a", Entry(title="Tin")), "facts")) != first  # another model
        assert key_of(entry) is entry
        assert key_of(shown) is shown
    finally:
        preview_memory.keep_in_memory(False)
    facts = (MadeFrom("a", entry),)
    assert key_of(facts) is facts
