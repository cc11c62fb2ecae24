"""Preview latency, measured in Chromium: from saving a file to the open page showing the change.

`make serve` (`cchc serve`, i.e. `mkdocs serve` with our messages) runs on a project on a free
loopback port; Chromium opens the page a change shows on, the change is written, and the clock
runs until the page shows the new text. The test never reloads the page: the preview's own
script (templates/assets/cchc-preview.js) must do it, as it does for an editor. A flag set in
the page's window before the change proves the text came with a reload, not before it.

Each change is made ROUNDS times, one after the other, and the median is reported: MkDocs
notices a change at its next poll, half a second apart, so one save alone can come out up to
half a second slower or faster than the next.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .edits import Change

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 180.0  # seconds from a change to the page showing it, beyond which we say «> timeout»
STARTUP = 900.0  # seconds `mkdocs serve` may take to build the site the first time
ROUNDS = 3  # saves of each change; their median is reported


class PreviewFailed(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_served(url: str, process: subprocess.Popen[bytes], log: Path,
                       timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PreviewFailed("cchc serve stopped:\n" + log.read_text("utf-8", "replace")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise PreviewFailed(f"cchc serve did not answer {url} in {timeout:.0f} s:\n"
                        + log.read_text("utf-8", "replace")[-3000:])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (cchc and the mkdocs it runs), SIGKILL if it
    lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


@contextmanager
def serving(project: Path, first_page: str, startup: float = STARTUP) -> Iterator[str]:
    """`cchc serve` on `project` as `make serve` runs it, on a free port, in a process group of
    its own; yields the preview's address once `first_page` answers."""
    port = free_port()
    log = project / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "generators.cli", "--root", str(project), "serve",
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_served(url + first_page, process, log, startup)
        yield url
    finally:
        _stop(process)


def measure_preview(project: Path, changes: Sequence[Change], timeout: float = TIMEOUT,
                    startup: float = STARTUP, rounds: int = ROUNDS) -> dict[str, float | None]:
    """Median seconds from writing each change to its open page showing it (None: one save
    did not show within `timeout`), by the change's kind. The changes are made one after the
    other, each once the previous one shows, `rounds` times over."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    seen: dict[str, list[float | None]] = {change.kind: [] for change in changes}
    with serving(project, changes[0].page, startup) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            for number in range(rounds * len(changes)):
                change = changes[number % len(changes)]
                page.goto(url + change.page, wait_until="load")
                page.evaluate("window.cchcNotReloaded = true")
                token = f"{os.getpid()}-{time.time_ns()}-{number}"
                start = time.perf_counter()
                text = change.apply(project / change.file, token)
                try:
                    page.get_by_text(text).first.wait_for(timeout=timeout * 1000)
                except PlaywrightError:
                    seen[change.kind].append(None)
                    continue
                seen[change.kind].append(time.perf_counter() - start)
                if not page.evaluate("window.cchcNotReloaded === undefined"):
                    raise PreviewFailed(f"{change.page} shows the change without a reload")
        finally:
            browser.close()
    return {kind: None if None in times else statistics.median(times)  # type: ignore[type-var]
            for kind, times in seen.items()}
