"""Procedure pages: the catalogue, one page per field, one per procedure, and the changes.

The catalogue page lists the fields with their counts; each field page lists all of its
procedures. No page grows with the whole catalogue, so 2,000 procedures stay well under the
500 KB page budget. The filter script searches everything through `danh-muc.json`, written
after the pages; without JavaScript, every procedure is two links away.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, time
from itertools import takewhile

from jinja2 import Environment
from markupsafe import escape

from ...core.asking import ask_link
from ...core.empty import empty_page
from ...core.feeds import MAX_ITEMS, FeedItem, FeedSpec
from ...core.outputs import OutputFile
from ...core.pages import PageSpec, SiteSection, render_page
from ...core.portal import Portal
from ...core.render_memo import remembered
from ...vietnamese.dates import VIETNAM_TZ, format_short
from ...vietnamese.numbers import format_file_size
from ...vietnamese.text import slugify
from ..hotlines.model import HOTLINES
from ..legal.citing import link_legal_references
from ..legal.model import LEGAL
from ..videos.model import VIDEOS, videos_for
from .catalogue import Catalogue, ChangeEntry, FieldGroup, by_name, catalogue_of, changes_of
from .forms import FORM_FILES
from .model import (
    LEVELS,
    ONLINE_LEVELS,
    PROCEDURES,
    STATUSES,
    Procedure,
    RequiredDocument,
    change_anchors,
)

SECTION_PATH = "thu-tuc/"
SECTION_TITLE = "Thủ tục hành chính"
CHANGES_PATH = "thu-tuc/moi-cap-nhat/"
CHANGES_TITLE = "Thủ tục mới cập nhật"
FEED_PATH = "thu-tuc/rss.xml"
INDEX_PATH = "thu-tuc/danh-muc.json"
FIELDS_PATH = "thu-tuc/linh-vuc/"
MAX_CHANGES_ON_PAGE = 200


def procedure_path(procedure: Procedure) -> str:
    return f"{SECTION_PATH}{procedure.slug}/"


def field_path(field: str) -> str:
    return f"{FIELDS_PATH}{slugify(field)}/"


def change_path(entry: ChangeEntry) -> str:
    return f"{procedure_path(entry.procedure)}#{entry.anchor}"


def document_groups(documents: list[RequiredDocument]) -> list[tuple[str | None, list]]:
    """Documents by case (trường hợp), in the order the cases first appear."""
    groups: dict[str | None, list[RequiredDocument]] = {}
    for document in documents:
        groups.setdefault(document.case, []).append(document)
    return list(groups.items())


def _labels() -> dict[str, dict[str, str]]:
    return {"levels": LEVELS, "online": ONLINE_LEVELS, "statuses": STATUSES}


def page_facts(portal: Portal) -> tuple[object, ...]:
    """What a procedure's page shows besides the procedure: the site, whether there are
    hotlines, the form files, the videos, the legal register."""
    return (portal.site, portal[HOTLINES] is not None, portal[FORM_FILES], portal[VIDEOS],
            portal[LEGAL])


def procedure_page(env: Environment, portal: Portal, procedure: Procedure,
                   facts: tuple[object, ...] | None = None) -> PageSpec:
    """The procedure's page; while previewing, the one made before from the same procedure
    and `facts` (page_facts(portal), worked out once for all the procedures of a build)."""
    return remembered(
        ("procedure-page", procedure.slug),
        {"env": env, "procedure": procedure, "facts": facts or page_facts(portal)},
        lambda: _procedure_page(env, portal, procedure))


def _procedure_page(env: Environment, portal: Portal, procedure: Procedure) -> PageSpec:
    path = procedure_path(procedure)
    doc = procedure.doc
    html = render_page(
        env,
        "tthc.html",
        path,
        p=procedure,
        doc=doc,
        site=portal.site,
        labels=_labels(),
        history=list(zip(doc.history, change_anchors(doc.history), strict=True)),
        document_groups=document_groups(doc.documents),
        field_link=field_path(doc.field),
        page_url=portal.site.url + path,
        ask=portal.site.questions and ask_link(
            portal.site.questions, f"Hỏi về thủ tục {doc.code}: {doc.name}",
            f"thủ tục {doc.name} (mã {doc.code}), {portal.site.url + path}",
        ),
        has_hotlines=portal[HOTLINES] is not None,
        form_files=portal[FORM_FILES],
        videos=[(v, f"video-huong-dan/{v.slug}/") for v in videos_for(portal[VIDEOS], doc.code)],
        file_size=format_file_size,
    )
    # Registered documents cited in the legal bases, steps or requirements link to the register.
    register = portal[LEGAL]
    linked = remembered(("legal-links", path), {"html": html, "register": register},
                        lambda: link_legal_references(html, register, path))
    return PageSpec(
        path=path,
        title=doc.name,
        html=linked.html,
        cites=linked.cited,
        description=f"Thủ tục {doc.name} (mã {doc.code}, {procedure.levels_text().lower()}, "
        f"lĩnh vực {doc.field}): trình tự, cách thức, thành phần hồ sơ, thời hạn, phí, lệ phí.",
        date=procedure.updated.isoformat(),
        kind="procedure",
    )


# Up to this many procedures in force, /thu-tuc/ lists them all (about 330 bytes each);
# beyond, it lists the fields and each field page its procedures (pages stay under 125 KB).
CATALOGUE_INLINE_LIMIT = 250


def catalogue_page(env: Environment, portal: Portal, catalogue: Catalogue) -> PageSpec:
    html = render_page(
        env,
        "tthc_index.html",
        SECTION_PATH,
        catalogue=catalogue,
        inline=catalogue.total <= CATALOGUE_INLINE_LIMIT,
        site=portal.site,
        labels=_labels(),
        procedure_path=procedure_path,
        field_path=field_path,
        index_path=INDEX_PATH,
        changes_path=CHANGES_PATH,
        feed_path=FEED_PATH,
    )
    return PageSpec(
        path=SECTION_PATH,
        title=SECTION_TITLE,
        html=html,
        description=f"Danh mục thủ tục hành chính của {portal.site.name}: tìm theo tên, lĩnh "
        "vực, cấp thực hiện và mức độ dịch vụ công trực tuyến.",
        kind="procedure-index",
    )


def field_page(env: Environment, portal: Portal, group: FieldGroup) -> PageSpec:
    path = field_path(group.field)
    html = render_page(
        env, "tthc_field.html", path, group=group, labels=_labels(),
        procedure_path=procedure_path,
    )
    return PageSpec(
        path=path,
        title=f"Thủ tục hành chính lĩnh vực {group.field}",
        html=html,
        description=f"{len(group.procedures)} thủ tục hành chính lĩnh vực {group.field} của "
        f"{portal.site.name}.",
        kind="procedure-field",
    )


def changes_page(env: Environment, portal: Portal, entries: list[ChangeEntry]) -> PageSpec:
    html = render_page(
        env,
        "tthc_changes.html",
        CHANGES_PATH,
        entries=entries[:MAX_CHANGES_ON_PAGE],
        total=len(entries),
        change_path=change_path,
        feed_path=FEED_PATH,
    )
    return PageSpec(
        path=CHANGES_PATH,
        title=CHANGES_TITLE,
        html=html,
        description="Thủ tục hành chính mới công bố, được sửa đổi, bổ sung và bị bãi bỏ, mới "
        "nhất trước.",
        date=entries[0].change.date.isoformat() if entries else None,
        kind="procedure-changes",
    )


def tthc_pages(env: Environment, portal: Portal) -> list[PageSpec]:
    if not portal[PROCEDURES]:
        return [empty_page(env, SECTION_PATH, SECTION_TITLE,
                           "Chưa có thủ tục hành chính nào được công bố.")]
    catalogue = catalogue_of(portal)
    facts = page_facts(portal)
    return [
        catalogue_page(env, portal, catalogue),
        *(field_page(env, portal, g) for g in catalogue.groups),
        changes_page(env, portal, changes_of(portal)),
        *(procedure_page(env, portal, p, facts) for p in portal[PROCEDURES]),
    ]


def tthc_section(portal: Portal) -> SiteSection:
    """Site-map entry: the fields and the changes page (not 2,000 procedure links)."""
    children = [SiteSection(CHANGES_TITLE, CHANGES_PATH)] + [
        SiteSection(f"Lĩnh vực {g.field} ({len(g.procedures)} thủ tục)", field_path(g.field))
        for g in catalogue_of(portal).groups
    ]
    return SiteSection(SECTION_TITLE, SECTION_PATH, children)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def _change_item(site_url: str, entry: ChangeEntry) -> FeedItem:
    procedure, change = entry.procedure, entry.change
    doc = procedure.doc
    decision = f"Quyết định số {change.decision} ngày {format_short(change.date)}"
    if change.issuer:
        decision += f" của {change.issuer}"
    summary = f"{change.label}: {doc.name} (mã {doc.code}). {_sentence(change.summary or decision)}"
    content = (
        f"<p><strong>{escape(change.label)}</strong>: {escape(doc.name)}</p>"
        + (f"<p>{escape(change.summary)}</p>" if change.summary else "")
        + f"<p>{escape(decision)}.</p>"
        f"<p>Mã thủ tục {escape(doc.code)} · {escape(procedure.levels_text())} · lĩnh vực "
        f"{escape(doc.field)}.</p>"
    )
    return FeedItem(
        title=f"{change.label}: {doc.name}",
        url=site_url + change_path(entry),
        published=datetime.combine(change.date, time(), tzinfo=VIETNAM_TZ),
        summary=summary,
        content_html=content,
        categories=(doc.field, change.label),
    )


def feed_entries(entries: Sequence[ChangeEntry]) -> list[ChangeEntry]:
    """The changes (newest first) the feed can show: its newest MAX_ITEMS, with every change
    of the same day as the last of them (the feed breaks ties by address). Making an item for
    each of 2,000 procedures' changes, then keeping fifty, was a twentieth of a preview's
    rebuild."""
    if len(entries) <= MAX_ITEMS:
        return list(entries)
    last_day = entries[MAX_ITEMS - 1].change.date
    return list(takewhile(lambda entry: entry.change.date >= last_day, entries))


def tthc_feed(portal: Portal) -> FeedSpec:
    """RSS of the changes, for partner portals; newest 50 (feeds.MAX_ITEMS)."""
    site = portal.site
    entries = feed_entries(changes_of(portal))
    return FeedSpec(
        path=FEED_PATH,
        format="rss",
        title=f"{CHANGES_TITLE} – {site.short_name}",
        description=f"Thủ tục hành chính của {site.name} mới công bố, được sửa đổi, bổ sung "
        "hoặc bị bãi bỏ.",
        page_url=site.url + CHANGES_PATH,
        items=[_change_item(site.url, e) for e in entries],
        logo_url=site.url + site.logo,
    )


def tthc_index(portal: Portal) -> OutputFile:
    """The compact search data of the filter script: one row per procedure, in name order.

    Row: [name, path below /thu-tuc/, code, field number, levels, online level, abolished].
    """
    catalogue = catalogue_of(portal)
    fields = [g.field for g in catalogue.groups]
    for procedure in catalogue.abolished:
        if procedure.doc.field not in fields:
            fields.append(procedure.doc.field)
    number = {field: i for i, field in enumerate(fields)}
    rows = [
        [p.doc.name, f"{p.slug}/", p.doc.code, number[p.doc.field], " ".join(p.doc.levels),
         p.doc.online, 0 if p.in_force else 1]
        for p in by_name(portal[PROCEDURES])
    ]
    data = {"fields": [[f, slugify(f)] for f in fields], "procedures": rows}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return OutputFile(INDEX_PATH, text.encode("utf-8"), source="danh mục thủ tục (JSON)")
