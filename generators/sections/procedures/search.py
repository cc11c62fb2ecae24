"""Search records of administrative procedures."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import PROCEDURES
from .pages import procedure_path


def procedure_records(portal: Portal) -> list[SearchRecord]:
    """Procedures by name, code, field, applicants and results; abolished ones say so."""
    records = []
    for procedure in portal[PROCEDURES]:
        doc = procedure.doc
        status = "" if procedure.in_force else "Đã bãi bỏ. "
        records.append(
            SearchRecord(
                url=procedure_path(procedure),
                kind="thu-tuc",
                title=doc.name,
                text=(
                    f"{status}Lĩnh vực {doc.field}. Đối tượng: {'; '.join(doc.applicants)}. "
                    f"Kết quả: {'; '.join(doc.results)}. {plain_text(doc.requirements)}"
                ),
                date=procedure.latest.date.isoformat(),
                keywords=(doc.code, doc.field, *(b.number for b in doc.legal_bases)),
            )
        )
    return records
