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
from datetime import date, datetime
from pathlib import Path

from .cli_text import VietnameseParser
from .errors import DataErrors


def _check(args: argparse.Namespace) -> int:
    from .loaders import load_portal

    root = Path(args.root).resolve()
    portal = load_portal(root / "data", root, content_dir=root / "content", include_drafts=True)
    hotlines = f", {len(portal.hotlines.units)} đường dây nóng" if portal.hotlines else ""
    print(
        f"Dữ liệu hợp lệ: hồ sơ trang, {len(portal.plans)} kế hoạch, "
        f"{len(portal.articles)} bài viết đã đến ngày đăng (kể cả bản nháp), "
        f"{len(portal.procedures)} thủ tục hành chính, "
        f"{len(portal.questions)} câu hỏi, {len(portal.legal.documents)} văn bản{hotlines}, "
        f"{len(portal.posters)} ấn phẩm tuyên truyền."
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    changed = write_schemas(Path(args.root) / "schemas")
    for path in changed:
        print(f"Đã cập nhật {path}")
    if not changed:
        print("Lược đồ JSON đã cập nhật, không có gì thay đổi.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .safe_build import BuildFailed, safe_build

    try:
        safe_build(Path(args.root), Path(args.site_dir), strict=not args.no_strict)
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Đã tạo trang web trong {args.site_dir}/")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import os

    from .build_log import run_translated

    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return run_translated(command, Path(args.root).resolve(), env)


def _new(args: argparse.Namespace) -> int:
    from .new_article import NewArticleError, create_article

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


def _report(args: argparse.Namespace) -> int:
    from .loaders import load_portal
    from .periods import BadPeriod, ReportPeriod
    from .render.report_files import Signing, file_stem, render_csv, render_docx, render_xlsx
    from .reports import build_report
    from .vietnamese.dates import build_now

    try:
        period = ReportPeriod.parse(args.period)
    except BadPeriod as exc:
        print(f"Không tạo được báo cáo: {exc}", file=sys.stderr)
        return 2
    try:
        issued = _issue_date(args.date)
    except ValueError as exc:
        print(f"Không tạo được báo cáo: {exc}", file=sys.stderr)
        return 2
    root = Path(args.root).resolve()
    now = build_now()
    portal = load_portal(root / "data", root, content_dir=root / "content", now=now)
    slug = Path(args.plan).stem  # a slug, or the plan's file name
    plan = portal.plan(slug)
    if plan is None or not plan.tasks:
        known = ", ".join(p.slug for p in portal.plans if p.tasks)
        print(f"Không tạo được báo cáo: không có kế hoạch «{slug}» có bảng nhiệm vụ trong "
              f"data/ke-hoach/; chọn một trong: {known}", file=sys.stderr)
        return 2
    report = build_report(plan, portal.articles, period, now)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = file_stem(report)
    signing = Signing(issued=issued, name=args.signer, title=args.signer_title)
    files = {
        out / f"{stem}.docx": render_docx(report, portal.site, args.place, signing),
        out / f"{stem}.xlsx": render_xlsx(report, portal.site),
        out / f"{stem}.csv": render_csv(report, portal.site),
    }
    for path, content in files.items():
        path.write_bytes(content)
        print(f"Đã ghi {path}")
    print(f"{report.summary} ({report.period.label}, tính đến {now:%H:%M %d/%m/%Y}).")
    if issued is None:
        print("Chưa có ngày ban hành (--date): dòng ngày tháng để trống, ghi tay khi ký.")
    return 0


def _issue_date(value: str | None) -> date | None:
    """The report's issue date as the editor types it: 2025-07-05 or 05/07/2025."""
    if value is None:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise ValueError(f"ngày ban hành «{value}» không đúng; viết 2025-07-05 hoặc 05/07/2025")


def _ask(prompt: str) -> str:
    return input(prompt)


def _tthc_import(args: argparse.Namespace) -> int:
    from .tthc_import import ImportFailed, import_procedures

    try:
        report = import_procedures(
            Path(args.file), Path(args.root).resolve(), force=args.force, dry_run=args.dry_run,
            sheet=args.sheet,
        )
    except ImportFailed as exc:
        print(f"Không nhập được: {exc}", file=sys.stderr)
        return 1
    print(report.format())
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog="cchc", description="Công cụ của ban biên tập CCHC.")
    parser.add_argument("--root", default=".", metavar="THƯ_MỤC",
                        help="thư mục dự án (mặc định: thư mục hiện tại)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    check = commands.add_parser("check", help="kiểm tra dữ liệu trong data/")
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="tạo lại lược đồ JSON trong schemas/")
    schema.set_defaults(run=_schema)

    new = commands.add_parser("new", help="tạo bài viết mới trong content/tin-tuc/<năm>/")
    new.add_argument("title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết, trong dấu nháy")
    new.add_argument("--category", metavar="CHUYÊN_MỤC",
                     help="chuyên mục (tên hoặc đường dẫn trong site.yml)")
    new.set_defaults(run=_new)

    report = commands.add_parser(
        "report",
        help="xuất báo cáo kết quả thực hiện kế hoạch ra tệp Word (.docx), Excel (.xlsx) và .csv",
    )
    report.add_argument("plan", metavar="KẾ_HOẠCH",
                        help="tên tệp kế hoạch trong data/ke-hoach/ (không cần .yml)")
    report.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2024 (cả năm), 2024-H1, 2024-H2, 2024-Q1 … 2024-Q4")
    report.add_argument("--out", default=".", metavar="THƯ_MỤC",
                        help="thư mục ghi tệp (mặc định: thư mục hiện tại)")
    report.add_argument("--place", metavar="ĐỊA_DANH",
                        help="địa danh ở dòng ngày tháng (mặc định: của kế hoạch)")
    report.add_argument("--date", metavar="NGÀY",
                        help="ngày ban hành, ví dụ 2025-07-05 hoặc 05/07/2025 "
                             "(mặc định: để trống, ghi tay khi ký)")
    report.add_argument("--signer", metavar="HỌ_TÊN",
                        help="họ tên người ký (mặc định: người ký kế hoạch)")
    report.add_argument("--signer-title", metavar="CHỨC_VỤ",
                        help="chức vụ người ký, ví dụ «PHÓ GIÁM ĐỐC» (mặc định: như kế hoạch)")
    report.set_defaults(run=_report)

    build = commands.add_parser("build", help="tạo trang web vào site/ (an toàn khi lỗi)")
    build.add_argument("--site-dir", default="site", metavar="THƯ_MỤC",
                       help="thư mục ghi trang web (mặc định: site)")
    build.add_argument("--no-strict", action="store_true", help="không dừng khi có cảnh báo")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="xem trước trang web, tự tạo lại khi sửa tệp")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ",
                       help="địa chỉ xem trước (mặc định: 127.0.0.1:8000)")
    serve.set_defaults(run=_serve)

    tthc = commands.add_parser("tthc", help="thủ tục hành chính")
    tthc_commands = tthc.add_subparsers(dest="tthc_command", required=True, metavar="LỆNH")
    importer = tthc_commands.add_parser(
        "import", help="nhập thủ tục từ tệp CSV hoặc XLSX vào data/thu-tuc/"
    )
    importer.add_argument("file", metavar="TỆP", help="tệp .csv (UTF-8) hoặc .xlsx")
    importer.add_argument("--force", action="store_true",
                          help="ghi đè tệp đã có khi nội dung khác với dữ liệu nhập")
    importer.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không ghi tệp")
    importer.add_argument("--sheet", metavar="TRANG_TÍNH",
                          help="tên trang tính (mặc định: trang đầu tiên)")
    importer.set_defaults(run=_tthc_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
