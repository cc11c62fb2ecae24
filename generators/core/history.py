"""The agency's history: the bodies it continues, and who issued a record on a given day.

In 2025 provincial Sở Giao thông vận tải were merged into Sở Xây dựng (from 1 March), district
administrations such as UBND thị xã Cửa Lò ceased (1 July) and provinces were merged. A portal
carries its predecessors' records: each keeps the issuer it was issued by, and pages say so
("Văn bản của Sở Giao thông vận tải tỉnh Quảng Trị, cơ quan tiền thân, đến 28/02/2025").
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .model import Model, Text


class Predecessor(Model):
    """A body whose duties and records the agency took over."""

    name: Text = Field(description="Tên đầy đủ, ví dụ: Sở Giao thông vận tải tỉnh Quảng Trị")
    short_name: Text = Field(description="Tên như văn bản ghi ở phần cơ quan ban hành, ví dụ: "
                             "Sở Giao thông vận tải")
    parent: str | None = Field(None, description="Cơ quan chủ quản như văn bản ghi, ví dụ: "
                               "UBND tỉnh Quảng Trị")
    since: dt.date | None = Field(None, description="Ngày bắt đầu hoạt động, nếu biết")
    until: dt.date = Field(description="Ngày cuối cùng hoạt động: 2025-02-28")
    change: Text = Field(description="Thay đổi, ví dụ: hợp nhất vào Sở Xây dựng từ 01/3/2025")
    basis: str | None = Field(None, description="Văn bản quyết định thay đổi, nếu có")

    def issued(self, name: str, parent: str | None) -> bool:
        """Whether a record's issuer ("Sở Giao thông vận tải", "UBND tỉnh Quảng Trị") is this
        body: by full name, or by short name under the same parent. A document that names no
        parent (seed 004 names no province) is never claimed."""
        if name == self.name:
            return True
        return name == self.short_name and parent is not None and parent == self.parent


def predecessor_on(predecessors: list[Predecessor], day: dt.date) -> Predecessor | None:
    """The predecessor in office on `day`, if `day` is before the agency itself began."""
    for body in sorted(predecessors, key=lambda p: p.until):
        if day <= body.until and (body.since is None or day >= body.since):
            return body
    return None


def predecessor_named(predecessors: list[Predecessor], name: str,
                      parent: str | None) -> Predecessor | None:
    return next((p for p in predecessors if p.issued(name, parent)), None)
