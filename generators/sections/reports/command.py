"""`cchc report PLAN --period 2024-H1`: a plan's evidence report as .docx and .csv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ...core.periods import BadPeriod, ReportPeriod
from ...core.section import PortalLoader
from ...vietnamese.dates import build_now
from ..news.model import ARTICLES
from ..plans.model import PLANS, plan_by_slug
from .evidence import build_report, site_units
from .files import file_stem, render_csv, render_docx


def run_report(args: argparse.Namespace, load_portal: PortalLoader) -> int:
    try:
        period = ReportPeriod.parse(args.period)
    except BadPeriod as exc:
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
    out.mkdir(parents=True, exist_ok=True)
    stem = file_stem(report)
    files = {
        out / f"{stem}.docx": render_docx(report, portal.site, args.place),
        out / f"{stem}.csv": render_csv(report, portal.site),
    }
    for path, content in files.items():
        path.write_bytes(content)
        print(f"Đã ghi {path}")
    print(f"{report.summary} ({report.period.label}, tính đến {now:%H:%M %d/%m/%Y}).")
    return 0


def add_command(commands: argparse._SubParsersAction[Any], load: PortalLoader) -> None:
    report = commands.add_parser(
        "report", help="xuất báo cáo kết quả thực hiện kế hoạch ra tệp Word (.docx) và .csv"
    )
    report.add_argument("plan", help="tên tệp kế hoạch trong data/ke-hoach/ (không cần .yml)")
    report.add_argument("--period", required=True,
                        help="kỳ báo cáo: 2024 (cả năm), 2024-H1, 2024-H2, 2024-Q1 … 2024-Q4")
    report.add_argument("--out", default=".", help="thư mục ghi tệp (mặc định: thư mục hiện tại)")
    report.add_argument("--place", help="địa danh ở dòng ngày tháng (mặc định: của kế hoạch)")
    report.set_defaults(run=lambda args: run_report(args, load))
