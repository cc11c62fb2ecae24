"""Build the site without ever damaging the last good one.

MkDocs cleans its output folder before writing and, in strict mode, fails only after writing
everything. So we build into a fresh sibling folder and swap it in only when the build succeeds:
a failed build leaves `site/` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .build_log import run_translated


class BuildFailed(Exception):
    pass


def safe_build(root: Path, site_dir: Path, *, strict: bool = True) -> None:
    root = root.resolve()
    target = site_dir if site_dir.is_absolute() else root / site_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        code = run_translated(command, root, env)
        if code != 0:
            raise BuildFailed(
                f"Tạo trang web thất bại (mã lỗi {code}). Thư mục {target.name}/ cũ được giữ "
                "nguyên. Hãy sửa từng lỗi ở trên (tệp, dòng, trường) rồi chạy lại cchc build; "
                "ý nghĩa từng loại lỗi: mục «Khi có thông báo lỗi» trong Hướng dẫn cho Ban biên "
                "tập (trang huong-dan-bien-tap/ của trang web, tệp content/huong-dan-bien-tap.md)."
            )
        _swap(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with two renames, so readers never see a half-written site."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
