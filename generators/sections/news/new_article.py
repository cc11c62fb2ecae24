"""`cchc new "Tiêu đề"`: a correctly named article file with its front matter filled in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...core import placeholders
from ...core.errors import DataErrors, ErrorCollector
from ...core.frontmatter import render as render_front_matter
from ...core.loading import load_site
from ...core.profile import SiteProfile
from ...vietnamese.dates import build_now
from ...vietnamese.text import nfc, slugify


class NewArticleError(Exception):
    pass


def _choose_category(site: SiteProfile, given: str | None, ask: Callable[[str], str] | None) -> str:
    if given:
        category = site.category(given)
        if category is None:
            names = ", ".join(c.name for c in site.categories)
            raise NewArticleError(f"không có chuyên mục «{given}»; chọn một trong: {names}")
        return category.slug
    if ask is None:
        raise NewArticleError("hãy chọn chuyên mục bằng --category, ví dụ --category hoat-dong")
    lines = [f"  {n}. {c.name}" for n, c in enumerate(site.categories, start=1)]
    answer = ask("Chọn chuyên mục:\n" + "\n".join(lines) + "\nSố thứ tự: ").strip()
    if answer.isdigit() and 1 <= int(answer) <= len(site.categories):
        return site.categories[int(answer) - 1].slug
    return _choose_category(site, answer or None, None)


def create_article(
    root: Path, title: str, *, category: str | None = None,
    ask: Callable[[str], str] | None = None,
) -> Path:
    """Write `content/tin-tuc/<year>/<slug>.md` and return its path; never overwrite."""
    title = nfc(title).strip()
    slug = slugify(title)
    if not slug:
        raise NewArticleError("tiêu đề cần có chữ")
    root = root.resolve()
    errors = ErrorCollector()
    site = load_site(root / "data", root, errors)
    try:
        errors.raise_if_any()
    except DataErrors as exc:
        raise NewArticleError(exc.report()) from None
    assert site is not None  # a missing or invalid profile is an error above
    chosen = _choose_category(site, category, ask)
    now = build_now().replace(second=0, microsecond=0)
    path = root / "content" / "tin-tuc" / str(now.year) / f"{slug}.md"
    if path.exists():
        raise NewArticleError(f"đã có bài {path.relative_to(root)}; hãy đổi tiêu đề")
    meta = {
        "title": title,
        "date": now.strftime("%Y-%m-%d %H:%M"),
        "summary": placeholders.SUMMARY,
        "category": chosen,
        "tags": [],
        "author": "",
        "unit": "",
        "plan_tasks": [],
        "draft": True,
    }
    body = f"\n{placeholders.BODY}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": refuses to overwrite, even in a race
        handle.write(render_front_matter(meta) + body)
    return path


def _ask(prompt: str) -> str:
    return input(prompt)


def run_new(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        path = create_article(
            root, args.title, category=args.category, ask=_ask if sys.stdin.isatty() else None
        )
    except NewArticleError as exc:
        print(f"Không tạo được bài: {exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo {path.relative_to(root.resolve()) if path.is_absolute() else path}")
    print("Bài đang là bản nháp (draft: true): thay câu mẫu ở «summary» và phần nội dung, "
          "viết xong thì xóa dòng draft để đăng.")
    return 0


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    """`cchc new TITLE`."""
    new = commands.add_parser("new", help="tạo bài viết mới trong content/tin-tuc/<năm>/")
    new.add_argument("title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết, trong dấu nháy")
    new.add_argument("--category", metavar="CHUYÊN_MỤC",
                     help="chuyên mục (tên hoặc đường dẫn trong site.yml)")
    new.set_defaults(run=run_new)
