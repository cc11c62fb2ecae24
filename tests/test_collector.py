"""The collector during builds (generators/core/collector.py): what lives until a build ends is
out of its walks; a single build gives everything back as it ends; while previewing, what a
rebuild leaves alive is frozen, the garbage it leaves is still freed once the preview is idle,
and a rebuild that starts first puts that off."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest

from generators.core import collector

from .conftest import wait_for


class Node:
    """Half of a reference cycle, as MkDocs' pages and files make."""

    other: Node | None = None


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    yield
    collector.build_starts()  # no collection left waiting
    collector.build_ended(previewing=False)  # the collector's thresholds back
    gc.unfreeze()


def cycle_left_by_a_rebuild() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_what_lives_until_the_build_ends_is_not_walked_and_is_given_back_at_its_end() -> None:
    collector.build_starts()
    left = cycle_left_by_a_rebuild()  # a model loaded, dropped before the build ends
    collector.keep_out_of_sight()
    gc.collect()
    assert left() is not None, "frozen: not walked by the build's collections"
    collector.build_ended(previewing=False)
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert left() is None, "a process that builds again frees the last build's garbage"


def test_what_a_rebuild_leaves_alive_is_out_of_the_collectors_sight() -> None:
    left = cycle_left_by_a_rebuild()  # alive while the rebuild ends, garbage after
    collector.build_ended(previewing=True, idle=60)
    assert gc.get_freeze_count() > 0
    gc.collect()  # what the next rebuild's collections do
    assert left() is not None, "a frozen cycle is not walked by ordinary collections"


def test_the_garbage_a_rebuild_leaves_is_freed_once_the_preview_is_idle() -> None:
    left = cycle_left_by_a_rebuild()
    collector.build_ended(previewing=True, idle=0.05)
    # freed by the collection, and what survived it frozen again
    assert wait_for(lambda: left() is None and gc.get_freeze_count() > 0, 10, 0.02)


def test_a_rebuild_that_starts_first_puts_the_collection_off_to_the_next_pause() -> None:
    left = cycle_left_by_a_rebuild()
    collector.build_ended(previewing=True, idle=0.3)
    collector.build_starts()
    time.sleep(0.6)
    assert left() is not None
    collector.build_ended(previewing=True, idle=0.05)  # the next rebuild ends: its pause frees it
    assert wait_for(lambda: left() is None, 10, 0.02)


def test_young_collections_wait_for_many_new_objects_while_a_build_runs_and_not_after() -> None:
    before = gc.get_threshold()
    collector.build_starts()
    assert gc.get_threshold() == (collector.YOUNG_THRESHOLD, *before[1:])
    collector.build_starts()  # a rebuild after one that stopped early: still the same to restore
    collector.build_ended(previewing=True)
    assert gc.get_threshold() == before
    collector.build_starts()
    collector.build_ended(previewing=False)
    assert gc.get_threshold() == before
