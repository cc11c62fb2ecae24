"""Related articles (a pure function over the validated articles) and plain share links."""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlparse

from generators.core.portal import Portal
from generators.core.share import share_links
from generators.sections.news.model import ARTICLES, Article
from generators.sections.news.related import (
    RELATED_LIMIT,
    RelatedIndex,
    closeness,
    related_articles,
)
from generators.sections.plans.model import PLANS


def variant(article: Article, slug: str, *, category: str, tags: list[str],
            plan_tasks: list[str], day: int) -> Article:
    """A copy of a demo article with exactly the links we want to test."""
    meta = article.meta.model_copy(update={
        "tags": tags, "plan_tasks": plan_tasks, "draft": False,
        "date": article.meta.date.replace(day=day),
    })
    return dataclasses.replace(article, meta=meta, slug=slug, category=category,
                               source=f"tin-tuc/{article.year}/{slug}.md")


def test_a_shared_task_counts_more_than_a_shared_tag_and_a_tag_more_than_a_category(
    portal: Portal,
) -> None:
    base = portal[ARTICLES][0]
    task = f"{portal[PLANS][0].slug}#{next(iter(portal[PLANS][0].task_by_id))}"
    me = variant(base, "goc", category="hoat-dong", tags=["PAR Index"], plan_tasks=[task], day=10)
    same_task = variant(base, "cung-nhiem-vu", category="thong-bao", tags=[], plan_tasks=[task],
                        day=1)
    same_tag = variant(base, "cung-tu-khoa", category="thong-bao", tags=["par index"],
                       plan_tasks=[], day=2)
    same_category = variant(base, "cung-chuyen-muc", category="hoat-dong", tags=[],
                            plan_tasks=[], day=3)
    unrelated = variant(base, "khong-lien-quan", category="thong-bao", tags=["Khác"],
                        plan_tasks=[], day=4)
    found = related_articles(me, [unrelated, same_category, same_tag, same_task, me])
    assert found == [same_task, same_tag, same_category]  # never itself, never the unrelated
    assert closeness(me, unrelated) == 0


def test_among_equals_the_newest_comes_first_and_the_list_is_short(portal: Portal) -> None:
    base = portal[ARTICLES][0]
    me = variant(base, "goc", category="hoat-dong", tags=[], plan_tasks=[], day=28)
    others = [variant(base, f"bai-{day}", category="hoat-dong", tags=[], plan_tasks=[], day=day)
              for day in range(1, 10)]
    found = related_articles(me, others)
    assert len(found) == RELATED_LIMIT
    assert [a.meta.date.day for a in found] == [9, 8, 7, 6]


def test_drafts_are_never_related(portal: Portal) -> None:
    base = portal[ARTICLES][0]
    me = variant(base, "goc", category="hoat-dong", tags=[], plan_tasks=[], day=5)
    draft = variant(base, "nhap", category="hoat-dong", tags=[], plan_tasks=[], day=6)
    draft = dataclasses.replace(draft, meta=draft.meta.model_copy(update={"draft": True}))
    assert related_articles(me, [draft]) == []


def test_every_demo_article_shows_related_articles_that_share_something(portal: Portal) -> None:
    for article in portal[ARTICLES]:
        for other in related_articles(article, portal[ARTICLES]):
            assert other is not article and closeness(article, other) > 0


def test_share_links_are_plain_addresses_of_the_page() -> None:
    url = "https://sgtvt.quangtri.gov.vn/cchc/tin-tuc/2024/bai/"
    links = share_links(url, "Tập huấn & hội nghị")
    facebook = urlparse(links.facebook)
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [url]
    email = urlparse(links.email)
    assert email.scheme == "mailto"
    query = parse_qs(email.query)
    assert query["subject"] == ["Tập huấn & hội nghị"] and url in query["body"][0]
    assert links.url == url


def test_the_index_gives_every_article_what_the_rule_gives(portal: Portal) -> None:
    """RelatedIndex (groups scored once) against related_articles (every pair), on a corpus
    with shared and unshared tasks, tags that differ only in case, equal dates and a draft."""
    import random

    rng = random.Random(14)
    base = portal[ARTICLES][0]
    task = f"{portal[PLANS][0].slug}#{next(iter(portal[PLANS][0].task_by_id))}"
    corpus = [
        variant(base, f"bai-{n}", category=rng.choice(["hoat-dong", "thong-bao", "chinh-quyen-so"]),
                tags=rng.sample(["PAR Index", "par index", "SIPAS", "Một cửa", "PCI"],
                                rng.randint(0, 2)),
                plan_tasks=[task] if rng.random() < 0.2 else [], day=rng.randint(1, 6))
        for n in range(80)
    ]
    draft = corpus[3].meta.model_copy(update={"draft": True})
    corpus[3] = dataclasses.replace(corpus[3], meta=draft)
    index = RelatedIndex(corpus)
    for article in [*corpus, *portal[ARTICLES]]:
        assert index.related(article) == related_articles(article, corpus)


def test_a_preview_gives_the_last_answers_again_only_for_the_same_articles_and_traits(
    portal: Portal,
) -> None:
    """While previewing, an index for the same articles (sources, traits, order) answers from
    the last one's answers, with this rebuild's article objects; a changed tag, a new article or
    a new date that reorders them makes every answer anew, and each still equals the rule's."""
    from generators.core import preview_memory

    base = portal[ARTICLES][0]
    corpus = [variant(base, f"bai-{n}", category="hoat-dong" if n % 3 else "thong-bao",
                      tags=["PAR Index"] if n % 2 else ["SIPAS"], plan_tasks=[], day=1 + n % 5)
              for n in range(12)]
    preview_memory.keep_in_memory()
    try:
        first = RelatedIndex(corpus)
        answers = {a.source: first.related(a) for a in corpus}
        edited = [dataclasses.replace(a, body_markdown=a.body_markdown + "\n\nThêm.")
                  for a in corpus]  # the text saved again: new objects, the same traits
        again = RelatedIndex(edited)
        assert again._answers is first._answers
        for article in edited:
            found = again.related(article)
            assert [a.source for a in found] == [a.source for a in answers[article.source]]
            assert all(any(a is e for e in edited) for a in found)  # this rebuild's objects
        retagged = [variant(corpus[0], "bai-0", category="hoat-dong", tags=["Một cửa", "SIPAS"],
                            plan_tasks=[], day=1), *edited[1:]]
        added = [*edited, variant(base, "bai-moi", category="thong-bao", tags=["SIPAS"],
                                  plan_tasks=[], day=6)]
        redated = [dataclasses.replace(edited[0], meta=edited[0].meta.model_copy(
            update={"date": edited[0].meta.date.replace(day=28)})), *edited[1:]]  # now newest
        for changed in (retagged, added, redated):
            before = RelatedIndex(edited)
            index = RelatedIndex(changed)
            assert index._answers is not before._answers
            for article in changed:
                assert index.related(article) == related_articles(article, changed)
    finally:
        preview_memory.keep_in_memory(False)
