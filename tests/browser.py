"""Headless Debian Chromium driven by Playwright, against the built site on localhost."""

from __future__ import annotations

import functools
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run `make browser` (make test does)")
    return path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


# The demo's site URL is https://sgtvt.quangtri.gov.vn/cchc/: served under the same path, the
# tests also prove that every page works from a sub-folder (and 404.html, whose links start
# at the site's root path, finds its styles).
SITE_PATH = "cchc"


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` at /cchc/ on a free loopback port for the duration of the block."""
    with tempfile.TemporaryDirectory(prefix="cchc-serve-") as root:
        (Path(root) / SITE_PATH).symlink_to(folder.resolve(), target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=root)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{SITE_PATH}/"
        finally:
            server.shutdown()
            server.server_close()
