"""Search records of the index dashboard."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import INDICES, IndexRegister
from .pages import SECTION_PATH as INDICES_PATH
from .pages import describe_result


def index_records(portal: Portal) -> list[SearchRecord]:
    """The dashboard, and each index (PAR INDEX, SIPAS …) at its heading with every result."""
    register: IndexRegister | None = portal[INDICES]
    if register is None:
        return []
    page = SearchRecord(
        url=INDICES_PATH,
        kind="chi-so",
        title=register.title,
        text=f"{plain_text(register.intro)} " + "; ".join(
            f"{i.code}: {i.name}" for i in register.indices
        ),
        keywords=tuple(i.code for i in register.indices),
    )
    return [page] + [
        SearchRecord(
            url=f"{INDICES_PATH}#{index.anchor}",
            kind="chi-so",
            title=f"{index.code}: {index.name}",
            text=" ".join(
                [index.scope, f"Đánh giá và công bố: {index.publisher}.",
                 *(describe_result(index, r) + "." for r in index.ordered())]
            ),
            keywords=(index.code,),
        )
        for index in register.indices
    ]
