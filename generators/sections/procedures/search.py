"""Search records of administrative procedures."""

from __future__ import annotations

from ...core.portal import Portal
from ...search.records import SearchRecord, plain_text
from .model import PROCEDURES, ProcedureDocument
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
                    f"Kết quả: {'; '.join(doc.results)}. {plain_text(doc.requirements)} "
                    + procedure_details(doc)
                ),
                date=procedure.latest.date.isoformat(),
                keywords=(doc.field, *(b.number for b in doc.legal_bases)),
                names=(doc.code,),
            )
        )
    return records


def procedure_details(doc: ProcedureDocument) -> str:
    """What citizens ask of a procedure besides its name: the steps, the papers to bring, how
    long it takes and what it costs («mất bao lâu», «lệ phí bao nhiêu»)."""
    parts: list[str] = []
    for channel in doc.channels:
        parts.append(f"Thời hạn giải quyết {channel.time_limit}.")
        parts += [f"{fee.name}." for fee in channel.fees] or ["Không thu phí, lệ phí."]
    channels = " ".join(dict.fromkeys(parts))
    steps = " ".join(plain_text(step) for step in doc.steps)
    papers = "; ".join(d.name for d in doc.documents)
    return f"Hồ sơ: {papers}. {channels} Trình tự: {steps}"
