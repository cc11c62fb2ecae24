"""Share links for a page: plain addresses only, nothing loaded from another host.

A network that offers a share address gets a plain link (Facebook's sharer); email is a
mailto: link. Zalo offers sharing only through its script, so a reader copies the address
(the copy button in cchc.js) and pastes it into Zalo.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class ShareLinks:
    url: str  # the page's own absolute address, for the copy button
    facebook: str
    email: str


def share_links(url: str, title: str) -> ShareLinks:
    return ShareLinks(
        url=url,
        facebook="https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        email="mailto:?" + urlencode({"subject": title, "body": f"{title}\n{url}"},
                                     quote_via=quote),
    )
