"""Markdown → HTML for everything editors write: plan sections, intros, answers, procedure
steps (through the templates' `markdown` filter) and, via article_body.py, articles.

Every result is cleaned by the one raw-HTML policy (html_policy.py): Markdown may carry raw
HTML, which may format text but never run code.
"""

from __future__ import annotations

import functools

import markdown
from markupsafe import Markup

from .html_policy import clean_page_html

_EXTENSIONS = ["tables", "attr_list", "sane_lists", "md_in_html"]


class MarkdownRenderer:
    """One reusable Markdown instance (building one per call costs more than rendering).

    Cleaned results are remembered by their text: a catalogue repeats the same office address,
    channel and requirement in hundreds of procedures, each a Markdown conversion (half the
    cost of a procedure page). Same text, same HTML: the result cannot go stale.
    """

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
        self._cleaned = functools.lru_cache(maxsize=8192)(self._clean)

    def unsanitised(self, text: str | None) -> str:
        """The HTML before cleaning, for a caller that rewrites it and then cleans it itself
        with html_policy.clean_page_html (article bodies)."""
        return self._md.reset().convert(text) if text else ""

    def __call__(self, text: str | None) -> Markup:
        if not text:
            return Markup("")
        return self._cleaned(str(text))

    def _clean(self, text: str) -> Markup:
        return Markup(clean_page_html(self.unsanitised(text)))


render_markdown = MarkdownRenderer()
