"""`cchc new` writes texts for the editor to replace; none of them is ever published."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.core import placeholders, preview_memory
from generators.core.errors import DataErrors
from generators.sections.news.model import ARTICLES
from generators.sections.news.new_article import create_article

from .test_news import load, project


def test_new_writes_the_placeholders_the_build_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1721007000")  # 15/07/2024 08:30 in Vietnam
    path = create_article(root, "Hội nghị sơ kết cải cách hành chính", category="hoat-dong")
    text = path.read_text(encoding="utf-8")
    for placeholder in placeholders.PLACEHOLDERS.values():
        assert placeholder in text
    # As a draft it builds: the editor is still writing.
    assert len(load(root, include_drafts=True)[ARTICLES]) == 1
    # Once «draft: true» is removed, both placeholders are refused, each at its line.
    published = text.replace("draft: true\n", "")
    path.write_text(published, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load(root)
    rel = path.relative_to(root).as_posix()
    lines = published.splitlines()
    found = {(e.field, e.line) for e in caught.value.errors if e.file == rel}
    assert found == {
        ("summary", lines.index(f"summary: {placeholders.SUMMARY}") + 1),
        ("", lines.index(placeholders.BODY) + 1),
    }, caught.value.report()


def test_a_summary_that_only_starts_like_the_placeholder_is_fine(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = root / "content" / "tin-tuc" / "2024" / "tom-tat.md"
    path.write_text(
        "---\ntitle: Tóm tắt kết quả\ndate: 2024-07-15\ncategory: hoat-dong\n"
        f"summary: {placeholders.SUMMARY[:-1]} sơ kết 6 tháng.\n---\n\n"
        f"{placeholders.BODY} Hội nghị diễn ra tại Hội trường Sở.\n",
        encoding="utf-8",
    )
    assert [a.slug for a in load(root)[ARTICLES]] == ["tom-tat-ket-qua"]


def test_the_preview_refuses_placeholders_at_every_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While previewing, an unchanged article is not read again (preview_memory.py), but its
    placeholders are refused at every rebuild, as the first time."""
    root = project(tmp_path)
    path = create_article(root, "Hội nghị sơ kết cải cách hành chính", category="hoat-dong")
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""),
                    encoding="utf-8")
    monkeypatch.setattr(preview_memory, "RECENT_NS", 0)  # the file counts as settled at once
    preview_memory.keep_in_memory()
    try:
        reports = []
        for _ in range(2):
            with pytest.raises(DataErrors) as caught:
                load(root)
            reports.append(caught.value.report())
        assert preview_memory.table("article-files"), "held after the first rebuild"
    finally:
        preview_memory.keep_in_memory(False)
    assert reports[0] == reports[1] and placeholders.SUMMARY in reports[0]
