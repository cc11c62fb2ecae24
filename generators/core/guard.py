"""The last resort: no command ever answers an editor with a Python traceback.

Every known failure has its own Vietnamese message where it happens (file, line, field). What is
left is turned here into one Vietnamese line: a full disk or a refused permission names the
path; anything unforeseen names a log file holding the details (the traceback, for whoever
maintains the portal), and the command exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

LOG_DIR = Path(".cache") / "nhat-ky-loi"
EXIT_UNFORESEEN = 70  # EX_SOFTWARE (sysexits.h)


def os_error_message(exc: OSError) -> str | None:
    """A Vietnamese sentence for the file-system failures an editor can fix, else None."""
    path = exc.filename or "(không rõ tệp)"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Ổ đĩa đã đầy khi ghi «{path}»; hãy giải phóng dung lượng rồi chạy lại."
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Không có quyền đọc hoặc ghi «{path}»; hãy kiểm tra quyền của tệp, thư mục "
                "(hoặc ổ đĩa chỉ đọc) rồi chạy lại.")
    if isinstance(exc, FileNotFoundError):
        return f"Không tìm thấy «{path}»; hãy kiểm tra lại đường dẫn."
    if exc.errno == errno.ELOOP:
        return f"«{path}» là liên kết tượng trưng (symlink) trỏ vòng vào chính nó; hãy xóa nó."
    if exc.errno == errno.ENAMETOOLONG:
        return f"Tên tệp «{path}» quá dài; hãy đặt tên ngắn hơn."
    return None


def write_bytes(path: Path, content: bytes) -> None:
    """`path.write_bytes`, but a failure names the path: Python's write errors (a full disk)
    carry no file name."""
    try:
        path.write_bytes(content)
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def overwrite_bytes(path: str | Path, content: bytes) -> None:
    """`content` as the whole of `path`, written over the old bytes, then cut to length.

    Opening a file for writing truncates it first, and on ext4 (most Linux machines) truncating
    a file whose blocks are on disk, then writing it, costs a tenth to a quarter of a
    millisecond more than writing over it (the kernel allocates and flushes the file anew on
    close): a preview writing 8,000 pages again spent a second and a half on it. A failure
    names the path, as write_bytes does."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(handle, view):]
            os.ftruncate(handle, len(content))
        finally:
            os.close(handle)
    except OSError as exc:
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def write_log(exc: BaseException, root: Path, what: str) -> Path | None:
    """The details of `exc` in a new log file under root/.cache/, or the system's temporary
    folder if that cannot be written (a full disk); None if neither can."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    text = (f"cchc: {what}\n{stamp} UTC, Python {sys.version.split()[0]}, "
            f"thư mục {Path.cwd()}\n\n" + "".join(traceback.format_exception(exc)))
    for folder in (root.resolve() / LOG_DIR, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"cchc-loi-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def unforeseen_message(exc: BaseException, log: Path | None) -> str:
    kind = type(exc).__name__
    where = f"chi tiết đã ghi vào {log}" if log else "không ghi được tệp nhật ký"
    return (f"Lỗi ngoài dự kiến ({kind}); {where}. Hãy gửi tệp đó cho người quản trị kỹ thuật "
            "của cổng.")


def last_resort(run: Callable[[], int], root: Path, what: str) -> int:
    """`run()`, with anything it did not handle turned into one Vietnamese line on stderr."""
    try:
        return run()
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except SystemExit:
        raise
    except OSError as exc:
        message = os_error_message(exc)
        if message is not None:
            print(message, file=sys.stderr)
            return 1
        print(unforeseen_message(exc, write_log(exc, root, what)), file=sys.stderr)
        return EXIT_UNFORESEEN
    except Exception as exc:
        print(unforeseen_message(exc, write_log(exc, root, what)), file=sys.stderr)
        return EXIT_UNFORESEEN
