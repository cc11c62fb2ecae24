"""`cchc`: the editors' command-line tool.

    cchc check     validate data/ and report every problem, in Vietnamese
    cchc new TITLE create a news article with its front matter filled in
    cchc build     build the site safely (a failed build leaves site/ untouched)
    cchc serve     preview with live reload (MkDocs' messages in Vietnamese)
    cchc schema    regenerate the JSON Schemas in schemas/
    cchc tthc import FILE    procedures from a CSV or XLSX export into data/thu-tuc/
    cchc report PLAN --period 2024-H1 [--date 2025-07-05 --signer "Họ tên"]
                   write a plan's evidence report as .docx, .xlsx and .csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core.cli_text import VietnameseParser
from .core.errors import DataErrors
from .core.guard import last_resort
from .core.notices import portal_notices
from .core.pipeline import load_portal
from .sections.registry import SECTIONS


def _check(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    portal = load_portal(root / "data", root, content_dir=root / "content", include_drafts=True)
    counts = [text for section in SECTIONS if (text := section.describe(portal))]
    print(f"Dữ liệu hợp lệ: hồ sơ trang, {', '.join(counts)}.")
    for notice in portal_notices(portal):
        print(notice)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .core.schemas import write_schemas

    changed = write_schemas(Path(args.root) / "schemas")
    for path in changed:
        print(f"Đã cập nhật {path}")
    if not changed:
        print("Lược đồ JSON đã cập nhật, không có gì thay đổi.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .core.safe_build import BuildFailed, safe_build

    try:
        safe_build(Path(args.root), Path(args.site_dir), strict=not args.no_strict)
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Đã tạo trang web trong {args.site_dir}/")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import os

    from .core.build_log import run_translated
    from .preview import SERVE_COMMAND

    command = [sys.executable, "-m", *SERVE_COMMAND, "--dev-addr", args.dev_addr]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return run_translated(command, Path(args.root).resolve(), env)




def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="cchc", description="Công cụ của ban biên tập CCHC.")
    parser.add_argument("--root", default=".", metavar="THƯ_MỤC",
                        help="thư mục dự án (mặc định: thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    check = commands.add_parser("check", help="kiểm tra dữ liệu trong data/")
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="tạo lại lược đồ JSON trong schemas/")
    schema.set_defaults(run=_schema)

    build = commands.add_parser("build", help="tạo trang web vào site/ (an toàn khi lỗi)")
    build.add_argument("--site-dir", default="site", metavar="THƯ_MỤC",
                       help="thư mục ghi trang web (mặc định: site)")
    build.add_argument("--no-strict", action="store_true", help="không dừng khi có cảnh báo")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="xem trước trang web, tự tạo lại khi sửa tệp")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ",
                       help="địa chỉ xem trước (mặc định: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    for section in SECTIONS:
        section.commands(commands, load_portal)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Every command ends in a Vietnamese message, never a traceback (guard.py)."""
    args = build_parser().parse_args(argv)
    root = Path(args.root)
    return last_resort(lambda: _run(args), root, " ".join(sys.argv[1:] if argv is None else argv))


def _run(args: argparse.Namespace) -> int:
    try:
        return args.run(args)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
