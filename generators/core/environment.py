"""Our Jinja2 environment for page bodies, with the Vietnamese filters every template uses."""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket

from ..vietnamese.dates import format_document_date, format_short, format_with_weekday
from ..vietnamese.numbers import format_decimal_vi, format_percent_vi
from .derived_cache import code_version
from .markup import render_markdown


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, but an entry cut short (a full disk, an interrupted build) is read
    as absent instead of failing the build: Jinja checks the header, not the rest."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # any unreadable entry: compile again
            bucket.reset()


def use_template_cache(env: Environment, cache_dir: Path | None, name: str) -> Environment:
    """Keep `env`'s compiled templates between builds under `cache_dir`/jinja/ (compiling ~70
    templates is half a second of every build). Jinja checks each entry against its template's
    source; an entry does not record how it was compiled, so the folder is named after the
    environment's compile settings and the version of our code."""
    if cache_dir is None or env.bytecode_cache is not None:
        return env
    settings = repr((env.block_start_string, env.block_end_string, env.variable_start_string,
                     env.variable_end_string, env.comment_start_string, env.comment_end_string,
                     env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                     env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                     sorted(env.extensions), env.optimized, env.is_async,
                     getattr(env.autoescape, "__qualname__", env.autoescape), code_version()))
    folder = cache_dir / "jinja" / name / hashlib.sha256(settings.encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a read-only checkout only compiles again
    env.bytecode_cache = _TemplateCache(str(folder))
    return env


def make_environment(templates_dir: Path, cache_dir: Path | None = None) -> Environment:
    """Templates from `templates_dir/pages`; undefined names fail loudly instead of printing ''.
    With `cache_dir`, compiled templates are kept there (use_template_cache)."""
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
    return use_template_cache(env, cache_dir, "pages")
