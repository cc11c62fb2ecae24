"""Read news articles from `content/tin-tuc/` into validated `Article`s.

Articles are Markdown with front matter. They are read here, not by MkDocs, so that all of them
are validated before anything is written, and so their pages, listings and feeds come from one
parse of each file.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import posixpath
import re
import warnings
from pathlib import Path
from typing import NamedTuple

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from ...core import frontmatter
from ...core.errors import DataError, ErrorCollector, FieldPath, under
from ...core.loading import file_exists, report_problems
from ...core.model_cache import ModelCache
from ...core.placeholders import placeholder_errors
from ...core.preview_memory import read_unchanged, same_as_before
from ...core.profile import SiteProfile
from ...core.published_files import external_media
from ...core.validation import validate
from ...core.yamlsource import LineMap, YamlProblem, decode_text, parse_yaml, plain_text
from ...vietnamese.text import slugify
from ..plans.model import Plan
from .images import MAX_IMAGE_BYTES
from .model import INLINE_IMAGE, Article, ArticleMeta, Image

# A photograph from any camera fits (a 48-megapixel phone: 8,000 × 6,000); resizing more would
# take the build's memory.
MAX_IMAGE_PIXELS = 50_000_000

NEWS_DIR = "tin-tuc"
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
VIDEO_SUFFIXES = {".mp4": "video/mp4", ".webm": "video/webm"}


def _content_path(source: str, target: str) -> str:
    """A path written in an article, resolved inside content/."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def outside_content(path: str) -> bool:
    """Whether a resolved content path leaves content/ (its files are published as they are)."""
    return path.startswith(("..", "/")) or "\0" in path


def read_image(content_dir: Path, path: str) -> Image | str:
    """The image's facts, or a Vietnamese reason why it cannot be used."""
    if outside_content(path):
        return f"ảnh «{path}» nằm ngoài thư mục content/; hãy đặt ảnh cạnh bài viết"
    if not file_exists(content_dir / path):
        return f"không tìm thấy ảnh «{path}» trong content/"
    file = content_dir / path
    if file.stat().st_size > MAX_IMAGE_BYTES:
        size = f"{file.stat().st_size / 1024 / 1024:.1f}".replace(".", ",")  # decimal comma
        return (f"ảnh «{path}» nặng {size} MB; tối đa "
                f"{MAX_IMAGE_BYTES // 1024 // 1024} MB, hãy thu nhỏ ảnh trước khi đăng")
    try:
        # Only the header is read here; a "decompression bomb" (a few KB that decode to
        # gigapixels) is refused by its declared size before anything is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as picture:
                width, height = picture.size
                kind = picture.format or ""
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return (f"ảnh «{path}» khai báo kích thước quá lớn (hơn {MAX_IMAGE_PIXELS // 1_000_000} "
                "triệu điểm ảnh); hãy thu nhỏ ảnh, ví dụ còn 1.600 điểm chiều ngang")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return f"tệp «{path}» không phải là ảnh đọc được (JPEG, PNG, WebP)"
    if width * height > MAX_IMAGE_PIXELS:
        return (f"ảnh «{path}» quá lớn ({width} × {height} điểm ảnh); hãy thu nhỏ ảnh, ví dụ "
                "còn 1.600 điểm chiều ngang")
    if kind not in IMAGE_TYPES:
        return f"ảnh «{path}» có định dạng {kind}; hãy dùng JPEG, PNG hoặc WebP"
    return Image(path, width, height, IMAGE_TYPES[kind], file.stat().st_size)


def _references(
    meta: ArticleMeta, source: str, content_dir: Path, site: SiteProfile, plans: dict[str, Plan]
) -> tuple[list[tuple[FieldPath, str]], str | None, Image | None]:
    """Cross-checks of one article: category, plan tasks, image and video files."""
    problems: list[tuple[FieldPath, str]] = []
    category = site.category(meta.category)
    if category is None:
        names = ", ".join(c.name for c in site.categories) or "(site.yml chưa khai báo chuyên mục)"
        problems.append((("category",), f"không có chuyên mục «{meta.category}»; chọn một trong: "
                         f"{names}"))
    for index, ref in enumerate(meta.plan_tasks):
        plan_slug, task_id = ref.split("#", 1)
        plan = plans.get(plan_slug)
        if plan is None:
            problems.append((("plan_tasks", index), f"không có kế hoạch «{plan_slug}» trong "
                             "data/ke-hoach/"))
        elif task_id not in plan.task_by_id:
            problems.append((("plan_tasks", index), f"kế hoạch «{plan_slug}» không có nhiệm vụ "
                             f"{task_id}"))
    image = None
    if meta.image:
        found = read_image(content_dir, _content_path(source, meta.image))
        if isinstance(found, str):
            problems.append((("image",), found))
        else:
            image = found
    if meta.video:
        for field in ("file", "poster"):
            target = _content_path(source, getattr(meta.video, field))
            if outside_content(target) or not file_exists(content_dir / target):
                problems.append((("video", field), f"không tìm thấy tệp «{target}» trong content/"))
        if posixpath.splitext(meta.video.file)[1].lower() not in VIDEO_SUFFIXES:
            problems.append((("video", "file"), "video phải là tệp .mp4 hoặc .webm"))
    return problems, category.slug if category else None, image


def _inline_images(
    body: str, first_line: int, source: str, content_dir: Path, rel: str, errors: ErrorCollector
) -> list[Image] | None:
    """Images written in the body (`![mô tả](anh/a.jpg)`): they must exist and be described."""
    found: list[Image] = []
    ok = True
    for line, url in external_media(body):  # <img src="https://…">: the raw HTML form
        errors.add(DataError(rel, "ảnh, video phải là tệp trong content/, không tải từ trang "
                             "khác (trang web không gửi yêu cầu tới máy chủ khác)",
                             line=first_line + line - 1, given=url))
        ok = False
    for match in INLINE_IMAGE.finditer(body):
        line = first_line + body[: match.start()].count("\n")
        url = match.group("url")
        if re.match(r"^[a-z]+:|^//", url, re.I):
            errors.add(DataError(rel, "ảnh phải là tệp trong content/, không tải từ trang khác "
                                 "(trang web không gửi yêu cầu tới máy chủ khác)", line=line,
                                 given=url))
            ok = False
            continue
        if not match.group("alt").strip():
            errors.add(DataError(rel, "ảnh cần mô tả cho người khiếm thị: ![mô tả ảnh](đường "
                                 "dẫn)", line=line, given=match.group(0)))
            ok = False
        image = read_image(content_dir, _content_path(source, url))
        if isinstance(image, str):
            errors.add(DataError(rel, image, line=line))
            ok = False
        else:
            found.append(image)
    return found if ok else None


def _read_meta(
    raw: bytes, rel: str, errors: ErrorCollector
) -> tuple[ArticleMeta, LineMap, str, str] | None:
    """The front matter validated, its line map, the whole text and the body; None after
    recording errors."""
    try:
        text = decode_text(raw, rel)
    except YamlProblem as problem:
        errors.extend(problem.errors)
        return None
    front, body = frontmatter.split(text)
    if not front.strip():
        errors.add(DataError(rel, "bài viết cần phần thông tin đầu bài giữa hai dòng «---» "
                             "(title, date, summary, category); tạo bài mới bằng lệnh cchc new",
                             line=1))
        return None
    try:
        data, lines = parse_yaml(front, rel)
    except YamlProblem as problem:
        errors.extend(
            DataError(e.file, e.message, line=(e.line or 0) + 1, field=e.field, given=e.given,
                      column=e.column)
            for e in problem.errors
        )
        return None
    lines = lines.shifted(1)  # the opening "---" line
    meta = validate(ArticleMeta, data, rel, lines)
    if isinstance(meta, list):
        errors.extend(meta)
        return None
    return meta, lines, text, body


class _ArticleFile(NamedTuple):
    """What an article's file alone gives: its validated front matter, the body, the line the
    body starts on and the placeholders left in it (errors reported at every build)."""

    meta: ArticleMeta
    lines: LineMap
    body: str
    body_start: int
    placeholders: tuple[DataError, ...]


def _read_file(
    path: Path, rel: str, source: str, errors: ErrorCollector, models: ModelCache | None
) -> _ArticleFile | None:
    raw = path.read_bytes()
    key = ModelCache.key(ArticleMeta, raw, rel, source) if models else ""
    kept = models.get(key, ArticleMeta) if models else None
    if kept is not None:
        # These bytes decoded, parsed and validated before: only the text is needed again.
        meta, lines = kept
        text = plain_text(raw)
        body = frontmatter.split(text)[1]
    else:
        read = _read_meta(raw, rel, errors)
        if read is None:
            return None
        meta, lines, text, body = read
        if models:
            models.put(key, meta, lines)
    body_start = text[: len(text) - len(body)].count("\n") + 1
    placeholders = () if meta.draft else tuple(placeholder_errors(
        rel, meta.summary, lines.line_of(("summary",)), body, body_start))
    return _ArticleFile(meta, lines, body, body_start, placeholders)


def read_article(
    path: Path,
    content_dir: Path,
    root: Path,
    site: SiteProfile,
    plans: dict[str, Plan],
    errors: ErrorCollector,
    models: ModelCache | None = None,
) -> Article | None:
    source = under(path, content_dir) or path.relative_to(content_dir).as_posix()
    rel = found if (found := under(path, root)) is not None else source
    read = read_unchanged("article-files", path, (rel, source),
                          lambda: _read_file(path, rel, source, errors, models))
    if read is None:
        return None
    # Everything below depends on more than the file (the site, the plans, files on disk) or is
    # cheap: it runs on every build, cached model or not, so its errors never go stale.
    meta, lines, body, body_start, placeholders = read
    errors.extend(placeholders)
    problems, category, image = _references(meta, source, content_dir, site, plans)
    folder_year = path.parent.name
    if folder_year != str(meta.date.year):
        problems.append((("date",), f"bài đăng năm {meta.date.year} phải nằm trong thư mục "
                         f"{NEWS_DIR}/{meta.date.year}/ (đang ở {NEWS_DIR}/{folder_year}/)"))
    if problems:
        report_problems(errors, rel, lines, problems)
        return None
    inline = _inline_images(body, body_start, source, content_dir, rel, errors)
    if inline is None:
        return None
    assert category is not None
    inputs = (meta, source, category, body, image, tuple(inline))
    return same_as_before("articles", source, inputs, lambda: Article(
        meta=meta,
        source=source,
        slug=meta.slug or slugify(meta.title),
        year=meta.date.year,
        category=category,
        body_markdown=body,
        image=image,
        inline_images=tuple(inline),
    ))


def markdown_files(folder: Path) -> list[tuple[str, ...]]:
    """`sorted(folder.rglob("*.md"))`, each as its parts below `folder`: the same files, in the
    same order (pathlib sorts a path by its parts), listed with os.scandir, which at 5,000
    articles took a third of the time pathlib's walk and sort took at every rebuild."""
    found: list[tuple[str, ...]] = []

    def walk(where: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(where) as listing:
                entries = list(listing)
        except PermissionError:
            return
        for entry in entries:
            if fnmatch.fnmatchcase(entry.name, "*.md"):
                found.append((*parts, entry.name))
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                walk(entry.path, (*parts, entry.name))

    walk(str(folder), ())
    return sorted(found)


def load_articles(
    content_dir: Path,
    root: Path,
    site: SiteProfile,
    plans: list[Plan],
    errors: ErrorCollector,
    *,
    now: dt.datetime,
    include_drafts: bool = False,
    models: ModelCache | None = None,
) -> list[Article]:
    """Published articles, newest first: drafts only when previewing, nothing dated after `now`.

    Drafts and future articles are validated all the same: a mistake never waits for its day.
    """
    news = content_dir / NEWS_DIR
    if not news.is_dir():
        return []
    by_slug = {p.slug: p for p in plans}
    articles: list[Article] = []
    claimed: dict[str, str] = {}
    for parts in markdown_files(news):
        path = news.joinpath(*parts)
        rel = found if (found := under(path, root)) is not None else path.name
        if len(parts) != 2 or not parts[0].isdigit():
            errors.add(DataError(rel, f"bài viết đặt trong {NEWS_DIR}/<năm>/, ví dụ "
                                 f"{NEWS_DIR}/2024/{path.name}"))
            continue
        article = read_article(path, content_dir, root, site, by_slug, errors, models)
        if article is None:
            continue
        if article.path in claimed:
            errors.add(DataError(rel, f"trùng đường dẫn /{article.path} với bài "
                                 f"{claimed[article.path]}; đổi tiêu đề hoặc đặt «slug» riêng",
                                 field="slug"))
            continue
        claimed[article.path] = rel
        if article.meta.draft and not include_drafts:
            continue
        if article.published > now:
            continue
        articles.append(article)
    articles.sort(key=lambda a: a.source)
    articles.sort(key=lambda a: a.published, reverse=True)
    return articles
