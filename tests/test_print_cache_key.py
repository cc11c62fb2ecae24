"""A cached print is reused only where the same libraries would make the same bytes: the key
names the system's HarfBuzz, Pango and font subsetter besides WeasyPrint, PDFium and the fonts
(generators/printing/renderer.py). A print cached before `libharfbuzz-subset0` was installed
differed from a fresh one by its font subset, and was reused."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata

import pytest

from generators.printing import renderer
from generators.sections.posters import pdf


@pytest.fixture(autouse=True)
def fresh_versions() -> Iterator[None]:
    renderer.renderer_versions.cache_clear()
    yield
    renderer.renderer_versions.cache_clear()


def test_the_versions_name_harfbuzz_pango_and_the_subsetter() -> None:
    versions = renderer.renderer_versions()
    assert versions.startswith("harfbuzz ") and "; pango " in versions and "; subset " in versions
    assert "harfbuzz absent" not in versions  # WeasyPrint cannot run without it


def test_without_harfbuzz_subset_the_versions_name_fonttools_and_its_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = renderer._open
    monkeypatch.setattr(renderer, "_open", lambda names: None
                        if names == renderer.HARFBUZZ_SUBSET else opened(names))
    assert renderer.renderer_versions().endswith(
        f"subset fonttools {metadata.version('fonttools')}")


def test_a_print_made_by_other_libraries_is_not_found_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = "<html><body><p>Tích cực sử dụng dịch vụ công trực tuyến</p></body></html>"
    monkeypatch.setattr(pdf, "renderer_versions", lambda: "harfbuzz 6.0.0; subset fonttools 4")
    before = pdf.cache_key(document)
    assert pdf.cache_key(document) == before
    monkeypatch.setattr(pdf, "renderer_versions", lambda: "harfbuzz 6.0.0; subset harfbuzz-subset")
    assert pdf.cache_key(document) != before
