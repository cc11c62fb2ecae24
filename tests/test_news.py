"""News articles: validation, publishing rules, pages and bodies, `cchc new`."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from generators.core import preview_memory
from generators.core.environment import make_environment
from generators.core.errors import DataErrors
from generators.core.feeds import MAX_ITEMS
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.render_memo import current_memo, next_build
from generators.sections.news.body import render_body
from generators.sections.news.images import MAX_IMAGE_BYTES
from generators.sections.news.model import ARTICLES
from generators.sections.news.new_article import NewArticleError, create_article
from generators.sections.news.pages import NewsRender, page_window, paginate, reading_minutes
from generators.sections.news.reading import read_image
from generators.vietnamese.dates import VIETNAM_TZ

from .conftest import ROOT, copy_demo_files
from .test_bad_input import read_expectations
from .test_golden import check_golden

BAD = Path(__file__).parent / "fixtures" / "bad-articles"
NOW = datetime(2024, 12, 31, 12, 0, tzinfo=VIETNAM_TZ)

ARTICLE = """---
title: {title}
date: {date}
summary: Sở tổ chức tập huấn cho Tổ hỗ trợ nộp hồ sơ trực tuyến.
category: hoat-dong
{extra}---

{body}
"""


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "content" / "tin-tuc" / "2024").mkdir(parents=True)
    copy_demo_files(tmp_path / "content")
    return tmp_path


def write(root: Path, name: str, *, title: str = "Tập huấn dịch vụ công trực tuyến",
          date: str = "2024-07-15 08:30", extra: str = "", body: str = "Nội dung.",
          year: str = "2024") -> Path:
    path = root / "content" / "tin-tuc" / year / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title, date=date, extra=extra, body=body),
                    encoding="utf-8")
    return path


def load(root: Path, **options: object) -> Portal:
    return load_portal(root / "data", root, content_dir=root / "content", now=NOW, **options)


@pytest.mark.parametrize("fixture", sorted(BAD.glob("*.md")), ids=lambda p: p.stem)
def test_bad_article_gives_a_located_vietnamese_error(tmp_path: Path, fixture: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    expected = read_expectations_md(text)
    root = project(tmp_path)
    shutil.copytree(BAD / "anh", root / "content" / "tin-tuc" / "2024" / "anh")
    target = root / "content" / "tin-tuc" / "2024" / fixture.name
    target.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load(root)
    matching = [e for e in caught.value.errors if expected["expect"] in e.message]
    assert matching, caught.value.report()
    error = matching[0]
    assert error.file == f"content/tin-tuc/2024/{fixture.name}"
    assert error.line == int(expected["expect-line"]), caught.value.report()
    if "expect-field" in expected:
        assert error.field == expected["expect-field"]
    if "expect-column" in expected:
        assert error.column == int(expected["expect-column"]), caught.value.report()


def read_expectations_md(text: str) -> dict[str, str]:
    """The `# expect…` header of an article fixture, just inside its front matter."""
    lines = text.splitlines()
    return read_expectations(lines[1:] if lines and lines[0] == "---" else lines)


def test_drafts_are_left_out_unless_previewing(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "ban-nhap", extra="draft: true\n")
    write(root, "da-dang", title="Bài đã đăng")
    assert [a.slug for a in load(root)[ARTICLES]] == ["bai-da-dang"]
    assert len(load(root, include_drafts=True)[ARTICLES]) == 2


def test_future_articles_wait_for_their_date(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "tuong-lai", title="Thông báo năm mới", date="2025-01-02", year="2025")
    write(root, "hom-nay", title="Bài hôm nay", date="2024-12-31 12:00")
    assert [a.slug for a in load(root)[ARTICLES]] == ["bai-hom-nay"]


def test_a_bad_draft_still_fails_the_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "ban-nhap", extra="draft: true\ncategory_typo: x\n")
    with pytest.raises(DataErrors):
        load(root)


def test_two_articles_with_one_url_name_both_files(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "mot")
    write(root, "hai")
    with pytest.raises(DataErrors) as caught:
        load(root)
    [error] = caught.value.errors
    assert error.file == "content/tin-tuc/2024/mot.md"
    assert "content/tin-tuc/2024/hai.md" in error.message
    assert "/tin-tuc/2024/tap-huan-dich-vu-cong-truc-tuyen/" in error.message


def test_url_comes_from_the_title_folded_to_ascii(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "x", title="Đường dây nóng tiếp nhận phản ánh, kiến nghị")
    [article] = load(root)[ARTICLES]
    assert article.path == "tin-tuc/2024/duong-day-nong-tiep-nhan-phan-anh-kien-nghi/"
    assert article.published.isoformat() == "2024-07-15T08:30:00+07:00"


def test_dates_without_a_zone_are_vietnam_time(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "x", date="2024-06-30 23:30")
    [article] = load(root)[ARTICLES]
    assert article.published.utcoffset().total_seconds() == 7 * 3600
    assert article.published.month == 6


def test_articles_are_listed_newest_first(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "a", title="Bài tháng ba", date="2024-03-01")
    write(root, "b", title="Bài tháng chín", date="2024-09-01")
    write(root, "c", title="Bài tháng sáu", date="2024-06-01")
    assert [a.meta.date.month for a in load(root)[ARTICLES]] == [9, 6, 3]


def test_pagination_splits_lists_into_pages_of_twenty() -> None:
    pages = paginate("tin-tuc/", list(range(45)))  # type: ignore[arg-type]
    assert [p.path for p in pages] == ["tin-tuc/", "tin-tuc/trang/2/", "tin-tuc/trang/3/"]
    assert [len(p.articles) for p in pages] == [20, 20, 5]
    assert paginate("tin-tuc/", [])[0].count == 1


def test_reading_time_is_at_least_a_minute(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "ngan")
    write(root, "dai", title="Bài dài", body="chữ " * 650)
    minutes = {a.slug: reading_minutes(a) for a in load(root)[ARTICLES]}
    assert minutes == {"tap-huan-dich-vu-cong-truc-tuyen": 1, "bai-dai": 4}


def test_body_links_and_images_are_fixed_for_the_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    folder = root / "content" / "tin-tuc" / "2024"
    shutil.copytree(BAD / "anh", folder / "anh")
    from PIL import Image

    Image.new("RGB", (1600, 900), (20, 60, 120)).save(folder / "anh" / "lon.jpg")
    body = (
        "Xem [bài khác](khac.md#ket-qua), [giới thiệu](../../gioi-thieu.md), "
        "[kế hoạch](/ke-hoach/) và [Cổng DVC](https://dichvucong.gov.vn/).\n\n"
        "![Hội nghị tập huấn](anh/lon.jpg)\n\n<script>alert(1)</script>"
        '<p onclick="x()">Đoạn</p>\n'
    )
    write(root, "bai", body=body)
    write(root, "khac", title="Kết quả tập huấn")
    portal = load(root)
    article = next(a for a in portal[ARTICLES] if a.source.endswith("bai.md"))
    pages = {"gioi-thieu.md": "gioi-thieu/", **{a.source: a.path for a in portal[ARTICLES]}}
    broken: list[str] = []
    html = render_body(article.body_markdown, article.source, article.path, pages,
                       article.images, broken.append)
    check_golden("article-body.html", html)
    assert 'href="../ket-qua-tap-huan/#ket-qua"' in html
    assert 'href="../../../gioi-thieu/"' in html
    assert 'href="../../../ke-hoach/"' in html
    assert "script" not in html and "onclick" not in html
    assert 'srcset="../anh/lon-480w.jpg 480w, ../anh/lon-960w.jpg 960w, ' in html
    assert 'width="1600" height="900"' in html and 'loading="lazy"' in html
    assert not broken


def test_a_link_to_a_missing_page_is_reported(tmp_path: Path) -> None:
    root = project(tmp_path)
    write(root, "bai", body="[hỏng](khong-co.md)")
    [article] = load(root)[ARTICLES]
    broken: list[str] = []
    render_body(article.body_markdown, article.source, article.path, {}, {}, broken.append)
    assert broken == ["khong-co.md"]


def test_while_previewing_a_page_found_again_still_reports_its_broken_link(
    tmp_path: Path,
) -> None:
    """A rebuild that finds an article's page again whole (the last rebuild's, or by its key:
    render_memo.py) reports its broken links all the same, also for an article no feed shows
    (a feed renders its own bodies)."""
    root = project(tmp_path)
    write(root, "bai-cu", body="[hỏng](khong-co.md)", date="2020-01-02 08:00", year="2020")
    for n in range(MAX_ITEMS):
        write(root, f"bai-{n}", title=f"Tin số {n}", date="2024-07-15 08:30")
    env = make_environment(ROOT / "templates")
    preview_memory.keep_in_memory()
    try:
        reports = []
        for _ in range(2):
            next_build()
            news = NewsRender(load(root, include_drafts=True), {})
            news.pages(env)
            reports.append(news.broken_links)
        memo = current_memo()
        assert memo is not None and memo.made == 0  # nothing rendered again
    finally:
        preview_memory.keep_in_memory(False)
    assert reports == [[("tin-tuc/2020/bai-cu.md", "khong-co.md")]] * 2


def test_new_article_is_named_dated_and_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1721007000")  # 15/07/2024 08:30 in Vietnam
    path = create_article(root, "Hướng dẫn nộp hồ sơ cấp đổi giấy phép lái xe",
                          category="Cải cách thủ tục hành chính")
    assert path == root / "content/tin-tuc/2024/huong-dan-nop-ho-so-cap-doi-giay-phep-lai-xe.md"
    text = path.read_text(encoding="utf-8")
    assert "date: 2024-07-15 08:30" in text
    assert "category: cai-cach-thu-tuc-hanh-chinh" in text
    assert "draft: true" in text
    portal = load(root, include_drafts=True)
    assert [a.slug for a in portal[ARTICLES]] == ["huong-dan-nop-ho-so-cap-doi-giay-phep-lai-xe"]
    with pytest.raises(NewArticleError, match="đã có bài"):
        create_article(root, "Hướng dẫn nộp hồ sơ cấp đổi giấy phép lái xe", category="hoat-dong")


def test_new_article_asks_for_a_category_when_none_is_given(tmp_path: Path) -> None:
    root = project(tmp_path)
    questions: list[str] = []

    def answer(question: str) -> str:
        questions.append(question)
        return "7"

    path = create_article(root, "Hội nghị sơ kết", ask=answer)
    assert "7. Hoạt động" in questions[0]
    assert "category: hoat-dong" in path.read_text(encoding="utf-8")
    with pytest.raises(NewArticleError, match="--category"):
        create_article(root, "Bài khác", ask=None)


def test_a_picture_larger_than_the_editor_uploads_is_refused(tmp_path: Path) -> None:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "lon.jpg").write_bytes(b"\xff\xd8" + b"\0" * MAX_IMAGE_BYTES)
    reason = read_image(tmp_path, "anh/lon.jpg")
    assert isinstance(reason, str) and "tối đa 5 MB" in reason and "5,0 MB" in reason


def test_the_pager_shows_the_ends_and_the_pages_near_this_one() -> None:
    assert page_window(1, 1) == [1]
    assert page_window(3, 5) == [1, 2, 3, 4, 5]
    assert page_window(1, 250) == [1, 2, 3, None, 250]
    assert page_window(7, 250) == [1, None, 5, 6, 7, 8, 9, None, 250]
    assert page_window(4, 250) == [1, 2, 3, 4, 5, 6, None, 250]  # never a gap of one page
    assert page_window(250, 250) == [1, None, 248, 249, 250]
    # However large the list, a page links to at most nine others: no page grows with the site.
    assert max(len(page_window(n, 10_000)) for n in range(1, 10_001)) <= 9


def test_the_article_files_are_those_pathlib_finds_in_its_order(tmp_path: Path) -> None:
    """reading.markdown_files lists what `sorted(news.rglob("*.md"))` lists (the loader then
    refuses what is not in a year's folder): nested and hidden folders, a folder named like an
    article, a file beside the years, names that sort differently by part than as text."""
    from generators.sections.news.reading import markdown_files

    news = tmp_path / "tin-tuc"
    for name in ("2024/b.md", "2024/a.md", "2024-cu/c.md", "2024/con/d.md", ".an/e.md",
                 "2023/ghi-chu.txt", "f.md", "2024/thu-muc.md/g.md", "2025/A.md", "2025/a.MD"):
        (news / name).parent.mkdir(parents=True, exist_ok=True)
        if not (news / name).exists():
            (news / name).write_text("x", encoding="utf-8")
    expected = [p.relative_to(news).parts for p in sorted(news.rglob("*.md"))]
    assert markdown_files(news) == expected
    assert ("2024", "thu-muc.md") in expected and ("f.md",) in expected
