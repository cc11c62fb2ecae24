"""`cchc report PLAN --period 2024-H1`: a plan's evidence report as .docx, .xlsx and .csv."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ...core.guard import write_bytes
from ...core.periods import BadPeriod, ReportPeriod
from ...core.section import PortalLoader
from ...vietnamese.dates import build_now
from ..news.model import ARTICLES
from ..plans.model import PLANS, plan_by_slug
from .evidence import build_report, site_units
from .files import Signing, file_stem, render_csv, render_docx, render_xlsx


def run_report(args: argparse.Namespace, load_portal: PortalLoader) -> int:
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
    plan = plan_by_slug(portal[PLANS], slug)
    if plan is None or not plan.tasks:
        known = ", ".join(p.slug for p in portal[PLANS] if p.tasks)
        print(f"Không tạo được báo cáo: không có kế hoạch «{slug}» có bảng nhiệm vụ trong "
              f"data/ke-hoach/; chọn một trong: {known}", file=sys.stderr)
        return 2
    report = build_report(plan, portal[ARTICLES], period, now, site_units(portal.site))
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"Không tạo được báo cáo: «{out}» là một tệp, không phải thư mục; hãy chọn một "
              "thư mục cho --out", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    stem = file_stem(report)
    signing = Signing(issued=issued, name=args.signer, title=args.signer_title)
    files = {
        out / f"{stem}.docx": render_docx(report, portal.site, args.place, signing),
        out / f"{stem}.xlsx": render_xlsx(report, portal.site),
        out / f"{stem}.csv": render_csv(report, portal.site),
    }
    for path, content in files.items():
        write_bytes(path, content)
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


def add_command(commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
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
    report.set_defaults(run=lambda args: run_report(args, load))
