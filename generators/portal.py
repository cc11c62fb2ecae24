"""The whole validated data set of one portal: what every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models.article import Article
from .models.indices import IndexRegister
from .models.plan import Plan
from .models.site import SiteProfile
from .vietnamese.collation import sort_key


@dataclass(frozen=True)
class Portal:
    site: SiteProfile
    plans: list[Plan] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # published, newest first
    indices: IndexRegister | None = None  # data/chi-so.yml

    def plans_newest_first(self) -> list[Plan]:
        """Newest plan year first; within a year, by date, then issuer in Vietnamese order."""
        by_issuer = sorted(self.plans, key=lambda p: sort_key(p.doc.issuer.name))
        return sorted(
            by_issuer, key=lambda p: (p.doc.year, p.doc.date.sort_value), reverse=True
        )

    def plan(self, slug: str) -> Plan | None:
        return next((p for p in self.plans if p.slug == slug), None)

    def articles_for_task(self, plan_slug: str) -> dict[str, list[Article]]:
        """Articles serving each task of a plan, newest first, keyed by task id."""
        found: dict[str, list[Article]] = {}
        for article in self.articles:
            for slug, task_id in article.plan_refs:
                if slug == plan_slug:
                    found.setdefault(task_id, []).append(article)
        return found
