"""Build the site without ever damaging the last good one.

MkDocs cleans its output folder before writing and, in strict mode, fails only after writing
everything. So we build into a fresh sibling folder and swap it in only when the build succeeds:
a failed build leaves `site/` exactly as it was.

Faults leave nothing behind: one build at a time per checkout (a lock in .cache/, released by
the system even if the build is killed), staging folders of earlier killed builds removed by the
next one, and the MkDocs process stopped with ours (SIGTERM, Ctrl-C, or our death on Linux). A
traceback MkDocs prints (a fault outside our plugin) goes to a log file, and the editor reads
one Vietnamese line instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from .build_log import translate_line
from .guard import unforeseen_message, write_log

LOCK_FILE = Path(".cache") / "cchc-build.lock"
_STAGING = re.compile(r"^\.site-(?:new|old)-(?:(\d+)-)?")
_TRACEBACK = "Traceback (most recent call last):"


class BuildFailed(Exception):
    pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(folder: Path) -> list[Path]:
    """Remove the staging folders killed builds left in `folder` (those whose build process is
    gone; folders from before the process id was in the name count as stale)."""
    removed = []
    for path in folder.glob(".site-*"):
        match = _STAGING.match(path.name)
        if not match or not path.is_dir() or path.is_symlink():
            continue
        if match.group(1) and _alive(int(match.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the checkout's build lock, or fail at once with a message if another build has it."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock, as before
        yield
        return
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise BuildFailed(
                f"Đang có một lần tạo trang web khác chạy trong thư mục này (tiến trình {holder}); "
                "hãy đợi nó xong rồi chạy lại."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _die_with_parent() -> None:
    """In the MkDocs process (Linux): receive SIGTERM when the `cchc build` process dies."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _run_mkdocs(command: list[str], root: Path, env: dict[str, str]) -> int:
    """Run MkDocs, its messages translated into Vietnamese (build_log.py) onto stderr; a
    traceback it prints goes to a log file."""
    process = subprocess.Popen(
        command, cwd=root, env={**env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        process.terminate()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    traceback: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if traceback or line.startswith(_TRACEBACK):
                traceback.append(line)
            elif (translated := translate_line(line)) is not None:
                sys.stderr.write(translated + "\n")
        code = process.wait()
    except BaseException:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if traceback:
        error = RuntimeError("".join(traceback))
        print(unforeseen_message(error, write_log(error, root, "mkdocs build")), file=sys.stderr)
    return code


def safe_build(root: Path, site_dir: Path, *, strict: bool = True) -> None:
    root = root.resolve()
    target = site_dir if site_dir.is_absolute() else root / site_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(root):
        remove_stale_staging(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".site-new-{os.getpid()}-", dir=target.parent))
        command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)]
        if strict:
            command.append("--strict")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        try:
            code = _run_mkdocs(command, root, env)
            if code != 0:
                raise BuildFailed(
                    f"Tạo trang web thất bại (mã lỗi {code}). Thư mục {target.name}/ cũ được "
                    "giữ nguyên. Hãy sửa từng lỗi ở trên (tệp, dòng, trường) rồi chạy lại cchc "
                    "build; ý nghĩa từng loại lỗi: mục «Khi có thông báo lỗi» trong Hướng dẫn cho "
                    "Ban biên tập (trang huong-dan-bien-tap/ của trang web, tệp "
                    "content/huong-dan-bien-tap.md)."
                )
            _swap(staging, target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with two renames, so readers never see a half-written site."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".site-old-{os.getpid()}-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
