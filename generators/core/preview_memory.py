"""Values a process keeps between its builds while it previews (`cchc serve`: the plugin
persists between rebuilds), so that what one unchanged file gave is not worked out again.

Off in a single build (`mkdocs build`), which would only hold memory for values it reads once.
Each table is keyed by everything its value derives from, so a value held is never stale; a
table holds values its users never change (texts, frozen records, JSON to be read again).
"""

from __future__ import annotations

from typing import Any

_tables: dict[str, dict[Any, Any]] | None = None


def keep_in_memory(on: bool = True) -> None:
    """Hold values from now on (`on`), or stop and forget them."""
    global _tables
    _tables = {} if on else None


def table(name: str) -> dict[Any, Any] | None:
    """The table `name`, or None when nothing is kept."""
    return None if _tables is None else _tables.setdefault(name, {})
