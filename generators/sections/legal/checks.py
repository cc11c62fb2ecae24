"""Checks across the documents of the register that a single field cannot see."""

from __future__ import annotations

from ...core.errors import FieldPath
from .model import DOCUMENT_KINDS, LegalDocument, LegalRegister, symbol_parts

Problem = tuple[FieldPath, str]


def check_kind_matches_number(index: int, document: LegalDocument) -> list[Problem]:
    """A Nghị định's number carries NĐ, a law's ends in QHxx: a mismatch is a typo."""
    parts = symbol_parts(document.number)
    if document.kind in ("Luật", "Bộ luật", "Hiến pháp"):
        if any(p.startswith("QH") for p in parts):
            return []
        expected = "kết thúc bằng khóa Quốc hội, ví dụ 36/2024/QH15"
    else:
        abbreviation = DOCUMENT_KINDS[document.kind]
        if abbreviation is None or abbreviation in parts:
            return []
        expected = f"chứa «{abbreviation}», ví dụ 12/{abbreviation}-…"
    kinds = [k for k, a in DOCUMENT_KINDS.items() if a and a in parts]
    hint = f"; với số này, loại văn bản là «{kinds[0]}»" if kinds else ""
    return [
        (
            ("documents", index, "kind"),
            f"số ký hiệu {document.number} không khớp loại «{document.kind}»: số của "
            f"{document.kind.lower()} {expected}{hint}",
        )
    ]


def check_dates(index: int, document: LegalDocument) -> list[Problem]:
    problems: list[Problem] = []
    if document.effective and document.effective < document.date:
        problems.append(
            (("documents", index, "effective"), "ngày có hiệu lực đứng trước ngày ban hành")
        )
    start = document.effective or document.date
    if document.expired_on and document.expired_on <= start:
        problems.append(
            (("documents", index, "expired_on"),
             "ngày hết hiệu lực phải sau ngày có hiệu lực (hoặc ngày ban hành)")
        )
    return problems


def check_unique(register: LegalRegister) -> list[Problem]:
    """Each document once, and each page path once (two documents may share a number)."""
    problems: list[Problem] = []
    slugs: dict[str, int] = {}
    identities: dict[tuple[str, object], int] = {}
    for index, document in enumerate(register.documents):
        identity = (document.number, document.date)
        if identity in identities:
            problems.append(
                (("documents", index, "number"),
                 f"văn bản {document.number} ngày {document.date:%d/%m/%Y} đã có ở mục "
                 f"{identities[identity] + 1}; mỗi văn bản chỉ khai báo một lần")
            )
            continue
        identities[identity] = index
        slug = document.page_slug
        if slug in slugs:
            problems.append(
                (("documents", index, "slug" if document.slug else "number"),
                 f"đường dẫn van-ban/{slug}/ đã dùng cho mục {slugs[slug] + 1} (cùng số ký hiệu); "
                 f"thêm trường «slug» khác nhau, ví dụ {slug}-{document.date.year}")
            )
        else:
            slugs[slug] = index
    return problems


def check_register(register: LegalRegister) -> list[Problem]:
    problems = check_unique(register)
    for index, document in enumerate(register.documents):
        problems += check_kind_matches_number(index, document)
        problems += check_dates(index, document)
    return problems
