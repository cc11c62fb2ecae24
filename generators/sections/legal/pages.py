"""The legal documents register: the index (/van-ban/) and one page per document, listing
the pages of the portal that cite it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import Environment

from ...core.empty import empty_page
from ...core.links import is_external
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...vietnamese.collation import sorted_vi
from ...vietnamese.dates import build_now
from ...vietnamese.text import slugify
from .citing import LEGAL_SECTION, document_path
from .model import DOCUMENT_KINDS, LEGAL, LegalDocument

SECTION_PATH = LEGAL_SECTION
SECTION_TITLE = "Văn bản"

# What a citing page is, by PageSpec.kind, for the list of citations.
KIND_LABELS = {"plan": "Kế hoạch", "question": "Hỏi đáp", "article": "Tin tức",
               "procedure": "Thủ tục hành chính"}


# A decree every article cites would give its page a list that grows with the site: past this
# many citing pages, the page lists the most recent and counts them all by kind.
CITATIONS_LISTED = 100


@dataclass(frozen=True)
class Citation:
    """A page of the portal that links to a document."""

    path: str
    title: str
    kind: str
    date: str = ""  # the citing page's ISO date, when it has one


def collect_citations(pages: list[PageSpec]) -> dict[str, list[Citation]]:
    """Document page slug → the pages citing it, in Vietnamese order of their titles."""
    cited: dict[str, list[Citation]] = {}
    for page in pages:
        for slug in page.cites:
            label = KIND_LABELS.get(page.kind, "Trang")
            cited.setdefault(slug, []).append(
                Citation(page.path, page.title, label, page.date or "")
            )
    return {slug: sorted_vi(items, key=lambda c: c.title) for slug, items in cited.items()}


@dataclass(frozen=True)
class CitationList:
    """What a document's page shows of the pages citing it."""

    listed: list[Citation]
    total: int
    by_kind: list[tuple[str, int]]  # kind of page, how many of them cite it; most first

    @property
    def complete(self) -> bool:
        return len(self.listed) == self.total


def summarise_citations(
    citations: Sequence[Citation], limit: int = CITATIONS_LISTED
) -> CitationList:
    """All of `citations` (in their order) when there are at most `limit`; else the `limit`
    most recent (undated ones last, ties in their order), with the count of each kind."""
    counts: dict[str, int] = {}
    for citation in citations:
        counts[citation.kind] = counts.get(citation.kind, 0) + 1
    by_kind = sorted(counts.items(), key=lambda item: -item[1])
    if len(citations) <= limit:
        return CitationList(list(citations), len(citations), by_kind)
    newest = sorted(citations, key=lambda c: c.date, reverse=True)[:limit]
    return CitationList(newest, len(citations), by_kind)


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str
    count: int


def filter_options(values: list[str]) -> list[FilterOption]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return [FilterOption(slugify(v), v, counts[v]) for v in sorted_vi(counts)]


def kind_order(documents: list[LegalDocument]) -> list[FilterOption]:
    """Kinds in the order of legal force (Luật before Nghị định …), as registers list them."""
    order = list(DOCUMENT_KINDS)
    options = filter_options([d.kind for d in documents])
    return sorted(options, key=lambda o: order.index(o.label))


def document_page(
    env: Environment, portal: Portal, document: LegalDocument, citations: list[Citation]
) -> PageSpec:
    path = document_path(document)
    numbers = portal[LEGAL].by_number()
    replacement = numbers.get(document.replaced_by or "", [])
    html = render_page(
        env,
        "legal_document.html",
        path,
        document=document,
        register=portal[LEGAL],
        status=document.status_on(build_now().date()),
        citations=summarise_citations(citations),
        replacement=replacement[0] if len(replacement) == 1 else None,
        document_path=document_path,
        internal_link=document.link if document.link and not is_external(document.link) else None,
    )
    return PageSpec(
        path=path,
        title=f"{document.kind} {document.number}",
        html=html,
        description=document.summary,
        date=document.date.isoformat(),
        kind="legal-document",
    )


def legal_index_page(env: Environment, portal: Portal) -> PageSpec:
    documents = portal[LEGAL].newest_first()
    html = render_page(
        env,
        "legal_index.html",
        SECTION_PATH,
        register=portal[LEGAL],
        documents=documents,
        kinds=kind_order(documents),
        issuers=filter_options([d.issuer for d in documents]),
        today=build_now().date(),
        document_path=document_path,
        slugify=slugify,
    )
    return PageSpec(
        path=SECTION_PATH,
        title="Văn bản",
        html=html,
        description="Các văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành về cải cách hành "
        "chính được trích dẫn trong chuyên mục: số ký hiệu, ngày ban hành, trích yếu, hiệu lực.",
        kind="legal-index",
    )


def legal_pages(
    env: Environment, portal: Portal, citations: dict[str, list[Citation]]
) -> list[PageSpec]:
    """The register's pages; `citations` comes from `collect_citations` over all other pages."""
    if not portal[LEGAL].documents:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE, "Chưa có văn bản nào được công bố.")]
    return [
        legal_index_page(env, portal),
        *(
            document_page(env, portal, d, citations.get(d.page_slug, []))
            for d in portal[LEGAL].documents
        ),
    ]


def legal_section(portal: Portal) -> SiteSection:
    children = [
        SiteSection(f"{d.kind} {d.number} – {d.summary}", document_path(d))
        for d in portal[LEGAL].newest_first()
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)
