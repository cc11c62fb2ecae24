"""The forms of a procedure kept as files in the repository, and its filing link.

A form (mẫu đơn, tờ khai) can be a file under content/ (`file: thu-tuc/mau/…pdf`): MkDocs
publishes it as it stands, and the document list shows its format and size, read here when the
procedures are loaded, so a missing or oversized file is an error at its line. The «Nộp hồ sơ
trực tuyến» link (`portal_url`) may only lead to the public-service portal the site profile
names: a procedure page is where citizens file, so a mistyped or foreign host would send them
(and their papers) elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ...core.errors import FieldPath
from ...core.loading import file_exists
from ...core.portal import Part
from .model import ProcedureDocument

Problem = tuple[FieldPath, str]

FORM_FORMATS: dict[str, str] = {
    ".pdf": "PDF",
    ".docx": "DOCX",
    ".doc": "DOC",
    ".odt": "ODT",
    ".xlsx": "XLSX",
}
MAX_FORM_BYTES = 5 * 1000 * 1000


@dataclass(frozen=True)
class FormFile:
    """A form's file as published: its site path, format label and size in bytes."""

    path: str
    format: str
    size: int


FORM_FILES: Part[dict[str, FormFile]] = Part("procedure-forms", dict)


def form_files(doc: ProcedureDocument, content: Path) -> tuple[list[FormFile], list[Problem]]:
    """The files the procedure's forms name, each checked: inside content/, a known format, there,
    and small enough to download on a phone."""
    found: list[FormFile] = []
    problems: list[Problem] = []
    if not any(form.file for document in doc.documents for form in document.forms):
        return found, problems  # most procedures name no file: no need to look at the disk
    if not content.is_dir():
        return found, problems  # data checked on its own (a test, `cchc check` of data/ alone)
    for d, document in enumerate(doc.documents):
        for f, form in enumerate(document.forms):
            if form.file is None:
                continue
            where: FieldPath = ("documents", d, "forms", f, "file")
            suffix = Path(form.file).suffix.lower()
            if suffix not in FORM_FORMATS:
                problems.append((where, f"tệp mẫu «{form.file}» cần có đuôi "
                                 f"{', '.join(FORM_FORMATS)}"))
                continue
            path = content / form.file
            if not file_exists(path):
                problems.append((where, f"không có tệp content/{form.file}; hãy chép tệp mẫu "
                                 "vào đó hoặc sửa đường dẫn"))
                continue
            size = path.stat().st_size
            if size > MAX_FORM_BYTES:
                problems.append((where, f"tệp mẫu nặng {size // 1000} KB, quá giới hạn "
                                 f"{MAX_FORM_BYTES // 1000} KB; hãy nén hoặc lưu lại nhỏ hơn"))
                continue
            found.append(FormFile(form.file, FORM_FORMATS[suffix], size))
    return found, problems


def check_portal_url(doc: ProcedureDocument, portal_url: str | None) -> list[Problem]:
    """`portal_url` must be on the host of the public-service portal of data/site.yml."""
    if doc.portal_url is None or portal_url is None:
        return []
    known = urlsplit(portal_url).hostname
    given = urlsplit(doc.portal_url)
    if given.scheme in ("http", "https") and given.hostname == known:
        return []
    return [(("portal_url",), f"liên kết nộp hồ sơ phải dẫn tới trang của thủ tục trên "
             f"{portal_url} (public_service_portal trong data/site.yml), ví dụ "
             f"{portal_url.rstrip('/')}/…")]


