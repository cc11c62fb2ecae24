"""Checks across the fields of a print that a single field cannot see.

Each check returns `(field path, message)` pairs; the loader turns them into located errors.
"""

from __future__ import annotations

from ...core.errors import FieldPath
from .model import MAX_SIDE_MM, PosterDocument, PrintFormat

Problem = tuple[FieldPath, str]

# A banner is read from a moving vehicle: one short line of huge type.
BANNER_MAX_HEADLINE = 60


def check_kind_and_format(doc: PosterDocument) -> list[Problem]:
    """The kind decides the shape: a leaflet folds, a banner is a long strip, a poster is not."""
    return check_kind_and_shape(doc.kind, doc.format)


def check_kind_and_shape(kind: str, fmt: PrintFormat) -> list[Problem]:
    """`check_kind_and_format` for any print, ours or supplied as a PDF."""
    if kind == "tờ gấp" and not fmt.leaflet:
        return [(("format",), "tờ gấp in trên khổ «tờ gấp A4» (tờ A4 ngang gấp 3, hai mặt)")]
    if kind != "tờ gấp" and fmt.leaflet:
        return [(("kind",), "khổ «tờ gấp A4» chỉ dùng cho kind: tờ gấp")]
    if kind == "băng rôn" and not fmt.is_strip:
        return [(("format",), f"băng rôn là dải dài, rộng ít nhất gấp 3 lần cao (ví dụ 5000 x "
                 f"800); khổ {fmt.label} hợp với áp phích hoặc pa nô")]
    if kind in ("áp phích", "pa nô") and fmt.is_strip:
        return [(("kind",), f"khổ {fmt.label} là một dải dài: dùng kind: băng rôn")]
    return []


def check_content_fits_kind(doc: PosterDocument) -> list[Problem]:
    problems: list[Problem] = []
    if doc.kind == "tờ gấp" and not doc.sections:
        problems.append((("sections",), "tờ gấp cần từ 1 đến 3 mục «sections» cho ba ô mặt trong"))
    if doc.kind != "tờ gấp" and doc.sections:
        problems.append((("sections",), "chỉ tờ gấp có «sections»; với "
                         f"{doc.kind} hãy viết các ý vào «points»"))
    if doc.kind == "băng rôn":
        if len(doc.headline) > BANNER_MAX_HEADLINE:
            problems.append((("headline",), f"khẩu hiệu trên băng rôn in một dòng chữ lớn nên "
                             f"tối đa {BANNER_MAX_HEADLINE} ký tự (đang có {len(doc.headline)}); "
                             "hãy rút gọn, hoặc làm áp phích, pa nô"))
        if doc.points:
            problems.append((("points",), "băng rôn chỉ in khẩu hiệu và một dòng phụ; bỏ "
                             "«points», hoặc làm áp phích, pa nô"))
    return problems


def check_print_size(doc: PosterDocument) -> list[Problem]:
    fmt = doc.format
    longest = max(fmt.width, fmt.height) + 2 * doc.bleed
    if longest > MAX_SIDE_MM:
        return [(("bleed",), f"khổ {fmt.label} cộng lề xén {doc.bleed} mm mỗi bên dài "
                 f"{longest} mm, quá giới hạn {MAX_SIDE_MM} mm của tệp PDF; giảm lề xén")]
    return []


def check_poster(doc: PosterDocument) -> list[Problem]:
    return [*check_kind_and_format(doc), *check_content_fits_kind(doc), *check_print_size(doc)]
