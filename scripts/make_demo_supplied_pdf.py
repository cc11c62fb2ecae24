"""Make the demo's "supplied" leaflet: a two-sided A4 tờ gấp as another agency would send it
(seed 002: leaflets from Sở Thông tin và Truyền thông), clearly marked as illustrative.

    .venv/bin/python scripts/make_demo_supplied_pdf.py

Written to content/ap-phich/; the build reads its page size and draws its thumbnail.
"""

from __future__ import annotations

from pathlib import Path

import weasyprint

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "ap-phich" / "to-gap-chuyen-doi-so-stttt.pdf"

PANELS = [
    [("CHUYỂN ĐỔI SỐ", "Vì người dân, doanh nghiệp"),
     ("Dịch vụ công trực tuyến", "Nộp hồ sơ mọi lúc, mọi nơi; theo dõi tiến độ trên điện thoại.")],
    [("Tài khoản VNeID", "Một tài khoản định danh điện tử để đăng nhập Cổng Dịch vụ công.")],
    [("SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH QUẢNG TRỊ", "Tờ gấp tuyên truyền năm 2024"),
     ("BẢN MINH HỌA", "Tờ gấp do trang mẫu tạo, không phải ấn phẩm thật của cơ quan.")],
    [("Bước 1", "Đăng nhập bằng tài khoản VNeID."), ("Bước 2", "Chọn thủ tục, điền tờ khai.")],
    [("Bước 3", "Đính kèm giấy tờ; dùng lại giấy tờ đã số hóa."),
     ("Bước 4", "Thanh toán phí, lệ phí trực tuyến.")],
    [("Bước 5", "Nhận kết quả qua bưu chính hoặc bản điện tử."),
     ("Cần hỗ trợ?", "Gọi Tổng đài dịch vụ công 1022.")],
]


def page(panels: list[list[tuple[str, str]]]) -> str:
    cells = "".join(
        "<div class='p'>" + "".join(f"<h2>{h}</h2><p>{t}</p>" for h, t in panel) + "</div>"
        for panel in panels
    )
    return f"<section>{cells}</section>"


def main() -> None:
    html = (
        "<html lang='vi'><head><meta charset='utf-8'><style>"
        "@page { size: 297mm 210mm; margin: 0; }"
        "body { margin: 0; font-family: 'Noto Sans', sans-serif; }"
        "section { display: flex; width: 297mm; height: 210mm; page-break-after: always; }"
        ".p { width: 99mm; padding: 12mm 8mm; box-sizing: border-box; "
        "border-right: 0.3mm dashed #999; }"
        "h2 { color: #0b4a8b; font-size: 15pt; margin: 0 0 3mm; } "
        "p { font-size: 11pt; margin: 0 0 8mm; }"
        "</style></head><body>" + page(PANELS[:3]) + page(PANELS[3:]) + "</body></html>"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    weasyprint.HTML(string=html).write_pdf(OUT)
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
