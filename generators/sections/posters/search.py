"""Search records of prints (posters, banners, leaflets)."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord
from .model import POSTERS, posters_in_order
from .pages import SECTION_PATH, poster_path, poster_title
from .supplied import SUPPLIED


def poster_records(portal: Portal) -> list[SearchRecord]:
    """Each print by its slogan, its text and its kind and format («áp phích A3»)."""
    records = []
    for poster in posters_in_order(portal[POSTERS]):
        doc = poster.doc
        sections = [
            part for s in doc.sections for part in (s.title, s.text or "", *s.points)
        ]
        text = " ".join(
            filter(None, [doc.subheading, *doc.points, *sections, doc.description,
                          f"{poster.kind_name} {poster.format.label}."])
        )
        records.append(
            SearchRecord(
                url=poster_path(poster),
                kind="ap-phich",
                title=poster_title(poster),
                text=text,
                date=doc.date.isoformat() if doc.date else "",
                keywords=(doc.kind, poster.format.name),
            )
        )
    return records


def supplied_records(portal: Portal) -> list[SearchRecord]:
    """Prints made by other agencies, by their title, issuer and description."""
    return [
        SearchRecord(
            url=f"{SECTION_PATH}{item.slug}/",
            kind="ap-phich",
            title=item.doc.headline,
            text=" ".join(filter(None, [item.doc.description, item.doc.credit,
                                        f"{item.kind_name} {item.format.label}."])),
            date=item.doc.date.isoformat() if item.doc.date else "",
            keywords=(item.doc.kind, item.format.name, item.doc.issuer.name),
        )
        for item in portal[SUPPLIED]
    ]
