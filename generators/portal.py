"""The whole validated data set of one portal: what every renderer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .models.article import Article
from .models.hotline import HotlineDirectory
from .models.indices import IndexRegister
from .models.legal import LegalRegister
from .models.plan import Plan
from .models.poster import Poster
from .models.qa import QuestionAnswer
from .models.site import SiteProfile
from .models.synonyms import SynonymRegister
from .models.tthc import Procedure
from .tthc_catalogue import Catalogue, ChangeEntry, build_catalogue, change_entries
from .vietnamese.collation import sort_key


@dataclass(frozen=True)
class Portal:
    site: SiteProfile
    plans: list[Plan] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # published, newest first
    hotlines: HotlineDirectory | None = None
    questions: list[QuestionAnswer] = field(default_factory=list)
    legal: LegalRegister = field(default_factory=LegalRegister)
    procedures: list[Procedure] = field(default_factory=list)
    posters: list[Poster] = field(default_factory=list)
    indices: IndexRegister | None = None  # data/chi-so.yml
    synonyms: SynonymRegister | None = None  # data/tu-dong-nghia.yml

    def plans_newest_first(self) -> list[Plan]:
        """Newest plan year first; within a year, by date, then issuer in Vietnamese order."""
        by_issuer = sorted(self.plans, key=lambda p: sort_key(p.doc.issuer.name))
        return sorted(
            by_issuer, key=lambda p: (p.doc.year, p.doc.date.sort_value), reverse=True
        )

    @cached_property
    def catalogue(self) -> Catalogue:
        """Procedures in force by field and the abolished ones, computed once per build."""
        return build_catalogue(self.procedures)

    @cached_property
    def changes(self) -> list[ChangeEntry]:
        """Every change of every procedure, newest first."""
        return change_entries(self.procedures)

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
    def question(self, slug: str) -> QuestionAnswer | None:
        return next((q for q in self.questions if q.slug == slug), None)

    def posters_in_order(self) -> list[Poster]:
        """The yearly-theme poster first, then the newest; same date by slogan, Vietnamese order."""
        by_headline = sorted(self.posters, key=lambda p: sort_key(p.doc.headline))
        return sorted(
            by_headline,
            key=lambda p: (p.from_theme, p.doc.date or dt.date.min),
            reverse=True,
        )
