"""Checks on a video guide's files: there, of the right kind, captions that are WebVTT."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ...core.errors import FieldPath
from ...core.loading import file_exists
from .model import POSTER_TYPES, VIDEO_TYPES, VideoDocument

Problem = tuple[FieldPath, str]

MAX_VIDEO_BYTES = 50 * 1000 * 1000
MAX_POSTER_BYTES = 500 * 1000


def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


def check_captions_text(data: bytes) -> str | None:
    """Why `data` is not a usable WebVTT file, or None. Browsers ignore a track that does not
    start with "WEBVTT" or is not UTF-8, silently: so the build says it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "tệp phụ đề phải lưu dạng UTF-8"
    first = text.splitlines()[0].strip() if text.strip() else ""
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        return "tệp phụ đề phải là WebVTT: dòng đầu tiên là «WEBVTT» (tệp .srt cần đổi sang .vtt)"
    if "-->" not in text:
        return "tệp phụ đề chưa có câu nào (dòng thời gian dạng 00:00:01.000 --> 00:00:04.000)"
    return None


def check_video(
    doc: VideoDocument, content: Path, known_codes: Collection[str] | None
) -> tuple[dict[str, int], list[Problem]]:
    """The sizes of the video's files, and the problems with them."""
    sizes: dict[str, int] = {}
    problems: list[Problem] = []
    if doc.captions is None:
        problems.append(
            (("file",), "video cần phụ đề tiếng Việt: thêm «captions: …vtt» (tệp WebVTT trong "
             "content/); người khiếm thính không xem được video không có phụ đề (WCAG 1.2.2)")
        )
    wanted = [
        ("file", doc.file, tuple(VIDEO_TYPES), MAX_VIDEO_BYTES, "video"),
        ("poster", doc.poster, POSTER_TYPES, MAX_POSTER_BYTES, "ảnh đại diện"),
    ]
    if doc.captions is not None:
        wanted.append(("captions", doc.captions, (".vtt",), MAX_POSTER_BYTES, "phụ đề"))
    for field, rel, suffixes, limit, what in wanted:
        if _suffix(rel) not in suffixes:
            problems.append(((field,), f"tệp {what} «{rel}» cần có đuôi {', '.join(suffixes)}"))
            continue
        path = content / rel
        if not content.is_dir():
            continue  # data checked on its own (a test, `cchc check` of data/ alone)
        if not file_exists(path):
            problems.append(((field,), f"không có tệp content/{rel}"))
            continue
        size = path.stat().st_size
        if size > limit:
            problems.append(((field,), f"tệp {what} nặng {size // 1000} KB, quá giới hạn "
                             f"{limit // 1000} KB; hãy nén lại"))
            continue
        if field == "captions" and (reason := check_captions_text(path.read_bytes())):
            problems.append(((field,), f"{reason} (content/{rel})"))
            continue
        sizes[field] = size
    if not doc.transcript.strip():
        problems.append((("transcript",), "cần lời thoại, nội dung video bằng chữ"))
    if known_codes is not None:
        problems += [
            (("procedures", index), f"mã thủ tục {code} không có trong danh mục data/thu-tuc/")
            for index, code in enumerate(doc.procedures) if code not in known_codes
        ]
    return sizes, problems
