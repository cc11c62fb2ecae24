"""The procedures as citizens browse them: those in force by field, both in Vietnamese
alphabetical order (a ă â b c d đ …; plain `sorted()` puts «Đ» after «Z»), the abolished ones
apart, and every change of every procedure, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from ...core.portal import Portal
from ...vietnamese.collation import sort_key
from ...vietnamese.text import slugify
from .model import PROCEDURES, Change, Procedure, change_anchors


def by_name(procedures: list[Procedure]) -> list[Procedure]:
    """Vietnamese alphabetical order of names, then by code."""
    return sorted(procedures, key=lambda p: (sort_key(p.doc.name), p.doc.code))


@dataclass(frozen=True)
class FieldGroup:
    field: str
    procedures: list[Procedure]

    @property
    def slug(self) -> str:
        return slugify(self.field)


@dataclass(frozen=True)
class Catalogue:
    groups: list[FieldGroup]
    abolished: list[Procedure]

    @property
    def total(self) -> int:
        return sum(len(g.procedures) for g in self.groups)

    def count_online(self, level: str) -> int:
        return sum(1 for g in self.groups for p in g.procedures if p.doc.online == level)


def build_catalogue(procedures: list[Procedure]) -> Catalogue:
    grouped: dict[str, list[Procedure]] = {}
    for procedure in by_name([p for p in procedures if p.in_force]):
        grouped.setdefault(procedure.doc.field, []).append(procedure)
    fields = sorted(grouped, key=sort_key)
    abolished = by_name([p for p in procedures if not p.in_force])
    return Catalogue([FieldGroup(f, grouped[f]) for f in fields], abolished)


@dataclass(frozen=True)
class ChangeEntry:
    procedure: Procedure
    change: Change
    anchor: str  # the entry's id on the procedure page


def change_entries(procedures: list[Procedure]) -> list[ChangeEntry]:
    """Every history entry of every procedure, newest first, then by name."""
    entries = [
        ChangeEntry(p, change, anchor)
        for p in by_name(procedures)
        for change, anchor in zip(p.doc.history, change_anchors(p.doc.history), strict=True)
    ]
    return sorted(entries, key=lambda e: e.change.date, reverse=True)


def catalogue_of(portal: Portal) -> Catalogue:
    """Procedures in force by field and the abolished ones, computed once per build."""
    return portal.derived("catalogue", lambda: build_catalogue(portal[PROCEDURES]))


def changes_of(portal: Portal) -> list[ChangeEntry]:
    """Every change of every procedure, newest first."""
    return portal.derived("changes", lambda: change_entries(portal[PROCEDURES]))
