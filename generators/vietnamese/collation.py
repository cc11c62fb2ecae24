"""Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters).

Plain `sorted()` compares code points and puts "Đ" after "Z" and "Â" after "Z" too. ICU's
Vietnamese tailoring is the reference implementation of the national ordering; we use it
rather than a hand-written table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import icu

T = TypeVar("T")


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    collator = icu.Collator.createInstance(icu.Locale("vi_VN"))
    # Numbers compare by value, so "Thủ tục 2" comes before "Thủ tục 10".
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def sort_key(text: str) -> bytes:
    """Binary key that orders strings in Vietnamese alphabetical order."""
    return _collator().getSortKey(text)


def sorted_vi(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """`sorted()` in Vietnamese order; `key` picks the text to compare."""
    pick = key or (lambda item: item)  # type: ignore[assignment,return-value]
    return sorted(items, key=lambda item: sort_key(pick(item)))  # type: ignore[arg-type]
