"""Front matter of Markdown pages: the YAML block between leading `---` lines."""

from __future__ import annotations

import html
import re

import yaml

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_TAG = re.compile(r"<[^>]*>")


def split(text: str) -> tuple[str, str]:
    """(front matter YAML, body); the YAML is "" when there is none."""
    match = _FRONT.match(text)
    if not match:
        return "", text
    return match.group(1) or "", text[match.end() :]


def page_title(text: str, fallback: str) -> str:
    """Title of a Markdown page: front matter `title`, else its first "# " heading."""
    front, body = split(text)
    if front:
        try:
            data = yaml.safe_load(front)
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            return data["title"]
    heading = _HEADING.search(body)
    if not heading:
        return fallback
    # The heading's text as readers see it: raw HTML in it is not text, "&lt;" is a "<".
    return html.unescape(_TAG.sub("", heading.group(1))).strip() or fallback


def render(meta: dict[str, object]) -> str:
    """A front-matter block for a generated page."""
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n"
