"""Checks on a procedure that a single field cannot see, and across the catalogue.

Each check returns `(field path, message)` pairs; the loader turns them into located errors and
the import into skipped rows, so both report the same problems in the same words.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from ...core.errors import FieldPath
from ...core.regulations import ONLINE_SERVICES
from .model import CHANNELS, LEVELS, ProcedureDocument

Problem = tuple[FieldPath, str]

# Paths under /thu-tuc/ that the catalogue itself uses.
RESERVED_SLUGS = {"linh-vuc", "moi-cap-nhat"}


def check_field(doc: ProcedureDocument, fields: Sequence[str]) -> list[Problem]:
    """The field must be one the agency declared, so a typo never opens a new group."""
    if doc.field in fields:
        return []
    if not fields:
        return [(("field",), "chưa khai báo lĩnh vực nào: thêm danh sách «procedure_fields» "
                 "vào data/site.yml")]
    close = difflib.get_close_matches(doc.field, fields, n=1, cutoff=0.6)
    hint = f"; có phải ý bạn là «{close[0]}»?" if close else ""
    return [(("field",), f"lĩnh vực «{doc.field}» chưa có trong «procedure_fields» của "
             f"data/site.yml (đang có: {', '.join(fields)}){hint}")]


def check_channels(doc: ProcedureDocument) -> list[Problem]:
    problems: list[Problem] = []
    seen_levels: set[str] = set()
    for index, level in enumerate(doc.levels):
        if level in seen_levels:
            problems.append((("levels", index), f"«{LEVELS[level]}» ghi hai lần"))
        seen_levels.add(level)
    seen: set[str] = set()
    for index, channel in enumerate(doc.channels):
        if channel.channel in seen:
            problems.append(
                (("channels", index, "channel"),
                 f"cách thức «{CHANNELS[channel.channel]}» ghi hai lần; mỗi cách thức một mục")
            )
        seen.add(channel.channel)
    online = "truc-tuyen" in seen
    if doc.online != "khong" and not online:
        problems.append(
            (("online",), "thủ tục có dịch vụ công trực tuyến nhưng «channels» không có cách "
             "thức truc-tuyen (thời hạn, phí khi nộp trực tuyến)")
        )
    if doc.online == "khong" and online:
        problems.append(
            (("online",), "«channels» có cách thức truc-tuyen nên «online» phải là toan-trinh "
             f"hoặc mot-phan ({ONLINE_SERVICES})")
        )
    return problems


def check_history(doc: ProcedureDocument) -> list[Problem]:
    """Oldest first; a new procedure is announced once, first; nothing follows its abolition."""
    problems: list[Problem] = []
    history = doc.history
    for index, change in enumerate(history):
        if index and change.date < history[index - 1].date:
            problems.append(
                (("history", index, "date"),
                 f"lịch sử ghi theo thứ tự thời gian, cũ trước mới sau; ngày {change.date:%d/%m/%Y}"
                 f" sớm hơn mục trước ({history[index - 1].date:%d/%m/%Y})")
            )
        if change.action == "moi" and index:
            problems.append(
                (("history", index, "action"),
                 "«moi» (công bố mới) chỉ là mục đầu tiên của lịch sử")
            )
        if index and history[index - 1].action == "bai-bo":
            problems.append(
                (("history", index, "action"),
                 "thủ tục đã bãi bỏ ở mục trước; một thủ tục công bố lại cần tệp và mã mới")
            )
    return problems


def check_procedure(doc: ProcedureDocument, fields: Sequence[str] | None) -> list[Problem]:
    """Every check of one procedure; `fields` is None when the site profile could not be read."""
    problems = check_channels(doc) + check_history(doc)
    if fields is not None:
        problems += check_field(doc, fields)
    return problems


def check_slug(slug: str) -> str | None:
    if slug in RESERVED_SLUGS:
        return (f"tên tệp «{slug}.yml» trùng với trang /thu-tuc/{slug}/ của danh mục; hãy đặt "
                "tên theo tên thủ tục")
    return None
