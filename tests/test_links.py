"""Relative links between generated pages: the short way gives what posixpath.relpath gives."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generators.core.links import href, relative_path

segment = st.sampled_from(["tin-tuc", "2024", "bai", "ke-hoach", "trang", "2", ".", "..", ""])
site_path = st.lists(segment, min_size=1, max_size=5).map("/".join)


@given(site_path, site_path)
def test_relative_path_is_relpath(path: str, start: str) -> None:
    path, start = path or ".", start or "."
    assert relative_path(path, start) == posixpath.relpath(path, start)


def test_links_between_pages_are_relative_directory_urls() -> None:
    assert href("tin-tuc/2024/bai/", "tin-tuc/") == "../../"
    assert href("tin-tuc/2024/bai/", "tin-tuc/2024/bai/") == "./"
    assert href("tin-tuc/trang/2/", "tin-tuc/2024/bai/#muc-1") == "../../2024/bai/#muc-1"
    assert href("", "ke-hoach/") == "ke-hoach/"
    assert href("ke-hoach/", "https://dichvucong.gov.vn/") == "https://dichvucong.gov.vn/"
