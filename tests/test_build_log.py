"""MkDocs' console lines as `cchc build` and `cchc serve` show them: Vietnamese, with what to do."""

from __future__ import annotations

import pytest

from generators.core.build_log import translate_line


@pytest.mark.parametrize(("line", "expected"), [
    ("Aborted with a BuildError!", None),
    ("Aborted with 2 warnings in strict mode!",
     "Dừng tạo trang vì có 2 cảnh báo (chế độ nghiêm ngặt): sửa từng cảnh báo ở trên rồi "
     "chạy lại."),
    ("INFO    -  Documentation built in 20.09 seconds",
     "THÔNG TIN -  Đã tạo xong trang web trong 20,09 giây"),
    ("WARNING -  Doc file 'gioi-thieu.md' contains a link 'lien-he.md', but the target is not "
     "found among documentation files. Did you mean 'lien-he/index.md'?",
     "CẢNH BÁO  -  Trang content/gioi-thieu.md có liên kết «lien-he.md» tới trang không tồn tại; "
     "hãy sửa đường dẫn (tính từ thư mục của trang) hoặc xóa liên kết. Có phải ý bạn là "
     "«lien-he/index.md»?"),
    ("INFO    -  [10:00:23] Serving on http://127.0.0.1:8000/cchc/",
     "THÔNG TIN -  [10:00:23] Xem trước tại http://127.0.0.1:8000/cchc/ (dừng: Ctrl+C)"),
    ('WARNING -  [10:00:57] "GET /cchc/ HTTP/1.1" code 404',
     "CẢNH BÁO  -  [10:00:57] Trình duyệt hỏi /cchc/: không có trang này (404)"),
    # Our own messages are Vietnamese already: only the level changes.
    ("ERROR   -  Dữ liệu có 1 lỗi, chưa thể tạo trang web.",
     "LỖI       -  Dữ liệu có 1 lỗi, chưa thể tạo trang web."),
    ("  1. data/site.yml, dòng 3: …", "  1. data/site.yml, dòng 3: …"),
])
def test_mkdocs_lines_in_vietnamese(line: str, expected: str | None) -> None:
    assert translate_line(line + "\n") == expected
