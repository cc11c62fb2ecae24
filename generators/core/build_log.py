"""MkDocs' console output in Vietnamese, for `cchc build` and `cchc serve`.

MkDocs logs in English ("Aborted with a BuildError!", "Doc file … contains a link …, but the
target … is not found among documentation files."). Our own messages are already Vietnamese;
MkDocs' levels and the lines an editor meets are translated here, with what to do. A line we
do not know passes through with its level translated, never dropped.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

LEVELS = {
    "ERROR": "LỖI",
    "WARNING": "CẢNH BÁO",
    "INFO": "THÔNG TIN",
    "DEBUG": "GỠ LỖI",
}
# "INFO    -  text", or with the clock `mkdocs serve` adds: "INFO    -  [10:00:23] text".
_LEVEL = re.compile(
    r"^(?P<level>ERROR|WARNING|INFO|DEBUG)\s+-\s+(?P<clock>\[\d\d:\d\d:\d\d\] )?(?P<text>.*)$"
)
_WIDTH = max(len(v) for v in LEVELS.values())

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]
RULES: list[_Rule] = [
    # Our own Vietnamese report (printed just before) already says what failed.
    (re.compile(r"^Aborted with a BuildError!$"), lambda m: None),
    (re.compile(r"^Aborted with (?P<counts>.+) in strict mode!$"),
     lambda m: f"Dừng tạo trang vì có {_counts(m['counts'])} (chế độ nghiêm ngặt): sửa từng "
               "cảnh báo ở trên rồi chạy lại."),
    (re.compile(r"^Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the "
                r"target(?: '(?P<target>[^']+)')? is not found among documentation files\."
                r"(?P<rest>.*)$"),
     lambda m: f"Trang content/{m['file']} có liên kết «{m['link']}» tới trang không tồn tại; "
               "hãy sửa đường dẫn (tính từ thư mục của trang) hoặc xóa liên kết."
               + _did_you_mean(m["rest"])),
    (re.compile(r"^Doc file '(?P<file>[^']+)' contains an unrecognized relative link "
                r"'(?P<link>[^']+)', it was left as is\.(?P<rest>.*)$"),
     lambda m: f"Trang content/{m['file']} có liên kết «{m['link']}» không trỏ tới tệp nào; "
               "liên kết tới một trang viết tên tệp .md của trang đó." + _did_you_mean(m["rest"])),
    (re.compile(r"^Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but "
                r"(?:there is no such anchor on this page|the doc '(?P<doc>[^']+)' does not "
                r"contain an anchor '(?P<anchor>[^']+)')\.(?P<rest>.*)$"),
     lambda m: f"Trang content/{m['file']} có liên kết «{m['link']}» tới một mục (#…) không có "
               "trên trang đích; hãy sửa phần sau dấu # theo tiêu đề của mục."),
    (re.compile(r"^Doc file '(?P<file>[^']+)' contains an absolute link '(?P<link>[^']+)', "
                r"it was left as is\.(?P<rest>.*)$"),
     lambda m: f"Trang content/{m['file']} có liên kết tuyệt đối «{m['link']}»; liên kết trong "
               "trang viết tương đối (không bắt đầu bằng «/»), để trang chạy được ở mọi địa chỉ."),
    (re.compile(r"^A reference to '(?P<file>[^']+)' is included in the 'nav' configuration, "
                r"which is not found in the documentation files\.$"),
     lambda m: f"Menu có mục trỏ tới «{m['file']}» nhưng không có trang đó; hãy sửa mục menu "
               "trong data/site.yml hoặc tạo trang."),
    (re.compile(r"^The following pages exist in the docs directory, but are not included in "
                r"the \"nav\" configuration:$"),
     lambda m: "Các trang sau có trong content/ nhưng không có trong menu (vẫn được tạo và có ở "
               "Sơ đồ trang; muốn đưa vào menu, thêm vào «menu» trong data/site.yml):"),
    (re.compile(r"^Cleaning site directory$"), lambda m: "Dọn thư mục trang web"),
    (re.compile(r"^Building documentation to directory: (?P<dir>.*)$"),
     lambda m: f"Đang tạo trang web vào thư mục {m['dir']}"),
    (re.compile(r"^Building documentation\.\.\.$"), lambda m: "Đang tạo trang web…"),
    (re.compile(r"^Documentation built in (?P<seconds>[\d.]+) seconds$"),
     lambda m: f"Đã tạo xong trang web trong {m['seconds'].replace('.', ',')} giây"),
    (re.compile(r"^Serving on (?P<url>\S+)$"),
     lambda m: f"Xem trước tại {m['url']} (dừng: Ctrl+C)"),
    (re.compile(r"^Watching paths for changes: (?P<paths>.*)$"),
     lambda m: f"Theo dõi thay đổi trong: {m['paths']}"),
    (re.compile(r"^Detected file changes$"), lambda m: "Có tệp thay đổi, đang tạo lại trang"),
    (re.compile(r"^Reloading browsers$"), lambda m: "Tải lại trình duyệt"),
    (re.compile(r"^Browser connected: (?P<url>.*)$"),
     lambda m: f"Trình duyệt đã kết nối: {m['url']}"),
    (re.compile(r"^Shutting down\.\.\.$"), lambda m: "Đang dừng…"),
    (re.compile(r'^"GET (?P<path>\S+) HTTP/[\d.]+" code 404$'),
     lambda m: f"Trình duyệt hỏi {m['path']}: không có trang này (404)"),
    (re.compile(r"^An error happened during the rebuild\..*$"),
     lambda m: "Có lỗi khi tạo lại trang (xem ở trên): sửa rồi lưu tệp, trang sẽ tự tạo lại."),
]


def _counts(text: str) -> str:
    """"2 warnings, 1 errors" → "2 cảnh báo, 1 lỗi"."""
    words = {"warnings": "cảnh báo", "errors": "lỗi"}
    return re.sub(r"(\d+) (warnings|errors)", lambda m: f"{m[1]} {words[m[2]]}", text)


def _did_you_mean(rest: str) -> str:
    match = re.search(r"Did you mean '([^']+)'\?", rest or "")
    return f" Có phải ý bạn là «{match[1]}»?" if match else ""


def translate_message(text: str) -> str | None:
    """One MkDocs message in Vietnamese; None when it says nothing the editor needs."""
    for pattern, replace in RULES:
        match = pattern.match(text)
        if match:
            return replace(match)
    return text


def translate_line(line: str) -> str | None:
    """A console line ("WARNING -  …", or a bare line) in Vietnamese; None to leave it out."""
    match = _LEVEL.match(line.rstrip("\n"))
    if match is None:
        return translate_message(line.rstrip("\n"))
    text = translate_message(match["text"])
    if text is None:
        return None
    return f"{LEVELS[match['level']]:<{_WIDTH}} -  {match['clock'] or ''}{text}"


def run_translated(command: list[str], cwd: Path, env: dict[str, str]) -> int:
    """Run MkDocs (`command`), its console output translated line by line as it comes, onto
    stderr; return its exit code. Ctrl+C stops it quietly (code 130)."""
    process = subprocess.Popen(
        command, cwd=cwd, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace", bufsize=1,
    )
    assert process.stdout is not None
    previous = None
    if threading.current_thread() is threading.main_thread():
        # Stopped with SIGTERM (a service manager, `kill`), MkDocs must stop too, not linger.
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        for line in process.stdout:
            translated = translate_line(line)
            if translated is not None:
                print(translated, file=sys.stderr, flush=True)
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
