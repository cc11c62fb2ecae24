"""Related articles: what a reader of one article may read next, from the validated articles.

An article shares a plan task with another (both report on the same piece of work), a tag
(the same subject), or its category (the same area of reform). The more it shares, the closer;
among equals the newer first. Pure: articles in, articles out.

`related_articles` is the rule, one article against all; `RelatedIndex` gives the same answer
for every article of a site without comparing every pair (5,000 articles are 25 million
pairs): articles with the same tasks, tags and category are scored once, as a group.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from ...core.preview_memory import table
from ...vietnamese.text import slugify
from .model import Article

RELATED_LIMIT = 4
SAME_TASK = 4
SAME_TAG = 2
SAME_CATEGORY = 1


@dataclass(frozen=True)
class Traits:
    """What closeness compares: tags as their pages are addressed («PAR Index» = «PAR index»)."""

    tasks: frozenset[tuple[str, str]]
    tags: frozenset[str]
    category: str

    @classmethod
    def of(cls, article: Article) -> Traits:
        return cls(frozenset(article.plan_refs), frozenset(slugify(t) for t in article.meta.tags),
                   article.category)

    def shared_by(self) -> tuple[tuple[str, object], ...]:
        """What another article may share with this one, each a reason to be related."""
        return (*(("task", t) for t in self.tasks), *(("tag", t) for t in self.tags),
                ("category", self.category))

    def closeness(self, other: Traits) -> int:
        return (len(self.tasks & other.tasks) * SAME_TASK + len(self.tags & other.tags) * SAME_TAG
                + (SAME_CATEGORY if self.category == other.category else 0))


def closeness(article: Article, other: Article) -> int:
    """How much `other` has in common with `article` (0: nothing)."""
    return Traits.of(article).closeness(Traits.of(other))


def _newest_first(articles: Sequence[Article]) -> list[Article]:
    """Newest first; on the same date, by file name."""
    by_name = sorted(articles, key=lambda a: a.source)
    return sorted(by_name, key=lambda a: a.meta.date, reverse=True)


def related_articles(
    article: Article, articles: Sequence[Article], limit: int = RELATED_LIMIT
) -> list[Article]:
    """Up to `limit` other articles with something in common, closest first, then newest."""
    mine = Traits.of(article)
    scored = [
        (mine.closeness(Traits.of(other)), other)
        for other in _newest_first(articles)
        if other.source != article.source and not other.meta.draft
    ]
    close = [(score, other) for score, other in scored if score > 0]
    close.sort(key=lambda pair: pair[0], reverse=True)  # stable: newest first among equals
    return [other for _, other in close[:limit]]


class RelatedIndex:
    """`related_articles` for every article of one list, each group of alike articles scored once.

    Candidates come from an index of groups by task, tag and category, so an article is never
    compared with one that shares nothing with it. Each answer is kept by the article's source
    and traits; while previewing (core/preview_memory.py), the answers of the last rebuild are
    given again when the articles are the same ones, in the same order, with the same traits
    (saving an article's text changes none of them), as the sources of the articles found.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        ordered = _newest_first([a for a in articles if not a.meta.draft])
        self._rank = {id(a): n for n, a in enumerate(ordered)}
        self._groups: dict[Traits, list[Article]] = {}
        # By identity: the articles stay alive in _groups, so no other object takes their id.
        self._traits = {id(a): Traits.of(a) for a in ordered}
        for article in ordered:
            self._groups.setdefault(self._traits[id(article)], []).append(article)
        self._by_key: dict[object, list[Traits]] = {}
        for traits in self._groups:
            for key in traits.shared_by():
                self._by_key.setdefault(key, []).append(traits)
        self._ranked: dict[Traits, list[tuple[int, list[Traits]]]] = {}
        self._by_source = {a.source: a for a in ordered}
        self._answers = _answers_for(tuple((a.source, self._traits[id(a)]) for a in ordered))

    def _levels(self, mine: Traits) -> list[tuple[int, list[Traits]]]:
        """The groups with something in common with `mine`, by closeness, closest first."""
        if mine not in self._ranked:
            candidates = {t for key in mine.shared_by() for t in self._by_key.get(key, ())}
            scored = sorted(((mine.closeness(t), t) for t in candidates),
                            key=lambda pair: pair[0], reverse=True)
            self._ranked[mine] = [(score, [t for _, t in level])
                                  for score, level in groupby(scored, key=lambda pair: pair[0])]
        return self._ranked[mine]

    def _merged(self, groups: list[Traits]) -> Iterator[Article]:
        rank = self._rank
        return heapq.merge(*(self._groups[t] for t in groups), key=lambda a: rank[id(a)])

    def related(self, article: Article, limit: int = RELATED_LIMIT) -> list[Article]:
        """Up to `limit` other articles with something in common, closest first, then newest."""
        mine = self._traits.get(id(article)) or Traits.of(article)
        question = (article.source, mine, limit)
        answer = self._answers.get(question)
        if answer is None:
            answer = self._answers[question] = tuple(
                other.source for other in self._closest(article, mine, limit))
        return [self._by_source[source] for source in answer]

    def _closest(self, article: Article, mine: Traits, limit: int) -> list[Article]:
        found: list[Article] = []
        for _, groups in self._levels(mine):
            for other in self._merged(groups):
                if other.source != article.source:
                    found.append(other)
                    if len(found) == limit:
                        return found
        return found


def _answers_for(articles: tuple[tuple[str, Traits], ...]) -> dict[tuple[str, Traits, int],
                                                                   tuple[str, ...]]:
    """Where an index keeps its answers: while previewing, those of the last index made for the
    same `articles` (their sources and traits, in order), else a new table."""
    kept = table("related-articles")
    if kept is None:
        return {}
    last = kept.get("answers")
    if last is not None and last[0] == articles:
        return last[1]  # type: ignore[no-any-return]
    answers: dict[tuple[str, Traits, int], tuple[str, ...]] = {}
    kept["answers"] = (articles, answers)
    return answers
