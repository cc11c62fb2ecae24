"""Markdown → HTML for text held in data files (plan sections, intros, answers)."""

from __future__ import annotations

import markdown
from markupsafe import Markup

_EXTENSIONS = ["tables", "attr_list", "sane_lists", "md_in_html"]


class MarkdownRenderer:
    """One reusable Markdown instance (building one per call costs more than rendering)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        html = self._md.reset().convert(text)
        return Markup(html)


render_markdown = MarkdownRenderer()
