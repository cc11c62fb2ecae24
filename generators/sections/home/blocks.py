"""What the home page shows besides news and plans: the citizen's ways in (online services,
hotlines), the newest documents and the newest printed materials. Pure: portal in, data out."""

from __future__ import annotations

from dataclasses import dataclass

from ...core.portal import Portal
from ..hotlines.model import HOTLINES, HotlineUnit, Phone
from ..legal.citing import document_path
from ..legal.model import LEGAL, LegalDocument
from ..posters.model import POSTERS, Poster, posters_in_order
from ..posters.pages import poster_path, thumbnail_path
from ..procedures.catalogue import catalogue_of

HOME_DOCUMENTS = 5
HOME_POSTERS = 3
HOME_HOTLINES = 3


@dataclass(frozen=True)
class OnlineServices:
    """The province's public-service portal and how many procedures can be filed there."""

    name: str
    url: str
    full: int  # trực tuyến toàn trình
    partial: int  # trực tuyến một phần
    total: int


@dataclass(frozen=True)
class Linked:
    """An item with the site path of its page (and of its picture, for a print)."""

    item: LegalDocument | Poster
    path: str
    picture: str = ""


@dataclass(frozen=True)
class HomeBlocks:
    online: OnlineServices
    hotlines: list[tuple[HotlineUnit, Phone]]
    documents: list[Linked]
    posters: list[Linked]


def home_blocks(portal: Portal) -> HomeBlocks:
    catalogue = catalogue_of(portal)
    service = portal.site.public_service_portal
    return HomeBlocks(
        online=OnlineServices(
            name=service.name,
            url=str(service.url),
            full=catalogue.count_online("toan-trinh"),
            partial=catalogue.count_online("mot-phan"),
            total=catalogue.total,
        ),
        hotlines=portal[HOTLINES].featured()[:HOME_HOTLINES] if portal[HOTLINES] else [],
        documents=[
            Linked(d, document_path(d)) for d in portal[LEGAL].newest_first()[:HOME_DOCUMENTS]
        ],
        posters=[
            Linked(p, poster_path(p), thumbnail_path(p))
            for p in posters_in_order(portal[POSTERS])[:HOME_POSTERS]
        ],
    )
