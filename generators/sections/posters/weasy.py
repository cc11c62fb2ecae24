"""WeasyPrint, held apart: importing it takes a third of a second, which a build whose prints
are all cached (every warm build, every preview) need not pay."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ...printing.fonts import FONT_DIRS


class _LocalFetcher(URLFetcher):
    """Fonts from the font package only, logos inlined: a data file can never make the build
    fetch anything from the network or read files elsewhere on the machine."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        if url.startswith("file:"):
            path = Path(unquote(url.removeprefix("file://"))).resolve()
            if not any(path.is_relative_to(folder) for folder in FONT_DIRS):
                raise FatalURLFetchingError(f"tệp ngoài thư mục phông chữ: {url}")
        elif not url.startswith("data:"):
            raise FatalURLFetchingError(f"không tải tài nguyên từ mạng khi in: {url[:80]}")
        return super().fetch(url, headers)


@contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    # The shared stylesheet holds web-only properties (container queries) WeasyPrint skips
    # with a warning each time; real failures raise through the fetcher instead.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def render_pdf(document: str) -> bytes:
    fonts = FontConfiguration()
    with _quiet_weasyprint():
        html = weasyprint.HTML(string=document, url_fetcher=_LocalFetcher(), base_url="data:,")
        return html.write_pdf(font_config=fonts, pdf_variant=None, uncompressed_pdf=False)
