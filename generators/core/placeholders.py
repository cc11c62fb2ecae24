"""The texts `cchc new` writes for an editor to replace, and the check that none is published.

One constant for both: new_article.py writes these, articles.py refuses an article that still
holds one once it is no longer a draft.
"""

from __future__ import annotations

from .errors import DataError

SUMMARY = "Tóm tắt một hai câu về nội dung bài viết."
BODY = "Nội dung bài viết."
PLACEHOLDERS = {"summary": SUMMARY, "body": BODY}


def _same(text: str, placeholder: str) -> bool:
    return " ".join(text.split()) == placeholder


def placeholder_errors(
    rel: str, summary: str, summary_line: int | None, body: str, body_line: int
) -> list[DataError]:
    """Errors for an article (not a draft) whose summary or body is still `cchc new`'s text;
    `body_line` is the file line where the body starts."""
    errors = []
    if _same(summary, SUMMARY):
        errors.append(DataError(
            rel, "tóm tắt vẫn là câu mẫu do lệnh cchc new viết sẵn; hãy viết một hai câu tóm tắt "
            "bài, hoặc giữ «draft: true» khi bài chưa xong", line=summary_line, field="summary",
            given=summary,
        ))
    for offset, line in enumerate(body.split("\n")):
        if _same(line, BODY):
            errors.append(DataError(
                rel, "nội dung bài vẫn là câu mẫu do lệnh cchc new viết sẵn; hãy thay bằng nội "
                "dung bài viết, hoặc giữ «draft: true» khi bài chưa xong", line=body_line + offset,
                given=line.strip(),
            ))
    return errors
