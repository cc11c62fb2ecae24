"""Nothing a citizen's screen reader announces is in English: Material's own labels that its
Vietnamese translation leaves in English never reach a page."""

from __future__ import annotations

import re
from pathlib import Path

import material
from lxml import html

LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"(?P<key>[^"]+)":\s*"(?P<value>[^"]*)"', re.M)


def untranslated() -> set[str]:
    """Values Material's vi.html gives exactly as en.html does (e.g. "tabs": "Tabs")."""
    english = dict(ENTRY.findall((LANGUAGES / "en.html").read_text(encoding="utf-8")))
    vietnamese = dict(ENTRY.findall((LANGUAGES / "vi.html").read_text(encoding="utf-8")))
    return {value for key, value in vietnamese.items()
            if english.get(key) == value and re.search(r"[a-z]{3}", value)}


def test_material_leaves_some_labels_in_english() -> None:
    assert "Tabs" in untranslated()  # what this test guards against is real


def test_no_english_label_from_material_on_any_page(built_site: Path) -> None:
    english = untranslated()
    found: dict[str, set[str]] = {}
    for page in built_site.rglob("*.html"):
        tree = html.fromstring(page.read_bytes())
        for attribute in ("aria-label", "title", "placeholder", "alt"):
            for value in tree.xpath(f"//@{attribute}"):
                if value in english:
                    found.setdefault(str(value), set()).add(page.relative_to(built_site).as_posix())
    assert not found, {value: sorted(pages)[:3] for value, pages in found.items()}
