"""Compiled templates kept in .cache/jinja/: an edited template is never served stale, and a
damaged entry only means compiling again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from generators.core.environment import make_environment


def _render(templates: Path, cache: Path) -> str:
    return make_environment(templates, cache).get_template("t.html").render(name="Sở")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    (tmp_path / "templates" / "pages").mkdir(parents=True)
    (tmp_path / "templates" / "pages" / "t.html").write_text("Xin chào {{ name }}",
                                                             encoding="utf-8")
    return tmp_path / "templates"


def test_a_template_edited_between_builds_is_compiled_again(templates: Path,
                                                            tmp_path: Path) -> None:
    cache = tmp_path / ".cache"
    assert _render(templates, cache) == "Xin chào Sở"
    assert list((cache / "jinja").rglob("*.cache"))  # kept for the next build
    (templates / "pages" / "t.html").write_text("Chào {{ name }}!", encoding="utf-8")
    assert _render(templates, cache) == "Chào Sở!"


@pytest.mark.parametrize("keep", [0, 5, len(bc_magic) + 3, -7])
def test_a_damaged_entry_is_compiled_again(templates: Path, tmp_path: Path, keep: int) -> None:
    """Emptied, cut inside the header, cut after it, cut inside the compiled code."""
    cache = tmp_path / ".cache"
    _render(templates, cache)
    for entry in (cache / "jinja").rglob("*.cache"):
        entry.write_bytes(entry.read_bytes()[:keep])
    assert _render(templates, cache) == "Xin chào Sở"
