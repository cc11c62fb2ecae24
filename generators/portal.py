"""The whole validated data set of one portal: what every renderer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .models.plan import Plan
from .models.poster import Poster
from .models.site import SiteProfile
from .vietnamese.collation import sort_key


@dataclass(frozen=True)
class Portal:
    site: SiteProfile
    plans: list[Plan] = field(default_factory=list)
    posters: list[Poster] = field(default_factory=list)

    def plans_newest_first(self) -> list[Plan]:
        """Newest plan year first; within a year, by date, then issuer in Vietnamese order."""
        by_issuer = sorted(self.plans, key=lambda p: sort_key(p.doc.issuer.name))
        return sorted(
            by_issuer, key=lambda p: (p.doc.year, p.doc.date.sort_value), reverse=True
        )

    def plan(self, slug: str) -> Plan | None:
        return next((p for p in self.plans if p.slug == slug), None)

    def posters_in_order(self) -> list[Poster]:
        """The yearly-theme poster first, then the newest; same date by slogan, Vietnamese order."""
        by_headline = sorted(self.posters, key=lambda p: sort_key(p.doc.headline))
        return sorted(
            by_headline,
            key=lambda p: (p.from_theme, p.doc.date or dt.date.min),
            reverse=True,
        )
