"""The whole validated data set of one portal: what every renderer reads.

The site profile is every section's; the rest is kept per section under a typed `Part`, so a
new content type adds its data without touching this module, and a section reads another's
data as `portal[PLANS]` — a list of validated `Plan`s, never a loader call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

from .profile import SiteProfile

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Part(Generic[T]):
    """Where one section keeps its validated data in the Portal, and its value when absent."""

    name: str
    empty: Callable[[], T]

    def __repr__(self) -> str:
        return f"Part({self.name!r})"


@dataclass(frozen=True)
class Portal:
    site: SiteProfile
    parts: Mapping[Part[Any], object] = field(default_factory=dict)
    _derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, part: Part[T]) -> T:
        if part in self.parts:
            return cast(T, self.parts[part])
        return part.empty()

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per portal from its data (the procedure catalogue, say)."""
        if key not in self._derived:
            self._derived[key] = compute()
        return cast(T, self._derived[key])
