"""One page of every page type of the built demo site, for the quality gates."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PAGE_TYPES: dict[str, str] = {
    "trang chủ": "",
    "tin tức": "tin-tuc/",
    "bài viết": "tin-tuc/2024/bao-cao-ket-qua-cong-tac-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/",
    "chuyên mục": "tin-tuc/chuyen-muc/hoat-dong/",
    "từ khóa": "tin-tuc/the/par-index/",
    "lưu trữ năm": "tin-tuc/2024/",
    "trang 2 của danh sách": "tin-tuc/trang/2/",
    "danh sách kế hoạch": "ke-hoach/",
    "kế hoạch có điểm": "ke-hoach/ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt/",
    "kế hoạch có chỉ tiêu": "ke-hoach/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "danh sách báo cáo": "bao-cao/",
    "báo cáo": "bao-cao/ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri/",
    "chỉ số": "chi-so/",
    "danh mục thủ tục": "thu-tuc/",
    "thủ tục theo lĩnh vực": "thu-tuc/linh-vuc/duong-bo/",
    "thủ tục": "thu-tuc/doi-giay-phep-lai-xe-do-nganh-gtvt-cap/",
    "thủ tục mới cập nhật": "thu-tuc/moi-cap-nhat/",
    "đường dây nóng": "duong-day-nong/",
    "hỏi đáp": "hoi-dap/",
    "câu hỏi": "hoi-dap/giay-phep-lai-xe-quoc-te/",
    "văn bản": "van-ban/",
    "một văn bản": "van-ban/76-nq-cp/",
    "ấn phẩm": "ap-phich/",
    "một ấn phẩm": "ap-phich/chu-de-nam-2024/",
    "ấn phẩm của cơ quan khác": "ap-phich/to-gap-chuyen-doi-so-stttt/",
    "tìm kiếm": "tim-kiem/?q=giay+phep+lai+xe",
    "sơ đồ trang": "so-do-trang/",
    "giới thiệu": "gioi-thieu/",
    "trang nội dung (hướng dẫn biên tập)": "huong-dan-bien-tap/",
    "nguồn tin": "nguon-tin/",
    "video hướng dẫn": "video-huong-dan/",
    "một video": "video-huong-dan/nop-ho-so-doi-giay-phep-lai-xe-truc-tuyen/",
    "thủ tục có mẫu đơn và video": "thu-tuc/cap-giay-phep-kinh-doanh-van-tai-bang-xe-o-to/",
    "trắc nghiệm": "trac-nghiem/",
    "bộ câu hỏi trắc nghiệm": "trac-nghiem/tim-hieu-cai-cach-hanh-chinh-2024/",
    "bản in câu hỏi và đáp án": "trac-nghiem/tim-hieu-cai-cach-hanh-chinh-2024/ban-in/",
    "trang không tồn tại": "404.html",
    "trang chuyển hướng": "lien-he/",
}

# Files in the built site the page gates do not judge, each with its reason.
OUTSIDE_GATES: dict[str, str] = {
    "quan-tri/index.html": (
        "the web editor (Decap CMS) is an application for the editorial board behind a login, "
        "not a page citizens read: it has no banner, menu, footer or Dublin Core, and needs its "
        "own Content-Security-Policy with 'unsafe-eval' and inline styles; tests/"
        "test_editor_config.py checks that policy and tests/test_editor_browser.py that it "
        "blocks nothing and that nothing is loaded from another host"
    ),
}


def judged(site: Path, pages: Iterable[Path]) -> list[Path]:
    """`pages` of the built `site` without the files in OUTSIDE_GATES."""
    return [p for p in pages if p.relative_to(site).as_posix() not in OUTSIDE_GATES]
