"""Old addresses and where their pages live now (`data/chuyen-huong.yml`).

When an agency is merged or its portal reorganised, links to the old addresses stay in e-mails,
documents and search engines. Each entry is written as a static page at the old address that
sends the reader on: an immediate meta refresh, a canonical link for search engines, and a
visible link for anyone whose browser does not follow the refresh.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema

from ...core.model import Link, Model
from ...core.portal import Part

OLD_PATH_PATTERN = r"^([a-z0-9][a-z0-9-]*/)+$|^([a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.html$"


def _old_path(value: str) -> str:
    if not re.fullmatch(OLD_PATH_PATTERN, value):
        raise ValueError(
            "đường dẫn cũ trong trang, chữ thường không dấu, kết thúc bằng «/» (lien-he/) hoặc "
            "«.html» (tin-tuc/bai-cu.html); không bắt đầu bằng «/» hay https://"
        )
    return value


OldPath = Annotated[
    str, AfterValidator(_old_path),
    WithJsonSchema({"type": "string", "pattern": OLD_PATH_PATTERN, "examples": ["lien-he/"]}),
]


class Redirect(Model):
    old: OldPath = Field(description="Đường dẫn cũ trong trang, ví dụ: lien-he/")
    new: Link = Field(description="Trang mới: đường dẫn trong trang (gioi-thieu/#lien-he) hoặc "
                      "https://…")
    since: dt.date | None = Field(None, description="Từ ngày nào trang cũ chuyển")
    note: str | None = Field(None, description="Vì sao chuyển, hiện trên trang chuyển hướng")


class RedirectMap(Model):
    """`data/chuyen-huong.yml`: old URL → new URL."""

    illustrative: bool = Field(False, description="Đường dẫn cũ minh họa của trang trình diễn")
    redirects: list[Redirect] = Field(min_length=1)


REDIRECTS: Part[RedirectMap | None] = Part("redirects", lambda: None)
