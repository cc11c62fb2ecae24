"""Our Jinja2 environment for page bodies, with the Vietnamese filters every template uses."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..vietnamese.dates import format_document_date, format_short, format_with_weekday
from ..vietnamese.numbers import format_decimal_vi, format_percent_vi
from .markup import render_markdown


def make_environment(templates_dir: Path) -> Environment:
    """Templates from `templates_dir/pages`; undefined names fail loudly instead of printing ''."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir / "pages")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        markdown=render_markdown,
        short_date=format_short,
        weekday_date=format_with_weekday,
        document_date=format_document_date,
        decimal=format_decimal_vi,
        percent=format_percent_vi,
    )
    return env
