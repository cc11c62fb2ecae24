"""Values handed to the theme's templates, escaped once, by construction.

MkDocs renders Material's templates and our overrides (templates/main.html, partials/) with a
Jinja environment that does not autoescape, and Material prints `config.site_name`, page titles
and descriptions as they stand, in text and in attributes. So nothing an editor wrote reaches
that environment as a plain string: each is `Markup`, HTML-escaped exactly once. Markup is what
Jinja's own `|e` leaves alone, so Material's few `|e` do not escape it twice.

`SafeView` wraps a model (the site profile, the hotline directory) so that every text it gives a
template, however deep, is escaped: a template cannot reach a raw string through it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


class Text(Markup):
    """Escaped text whose case changes act on the text, not on its entities
    (`|upper` on Markup would turn «&amp;» into «&AMP;»)."""

    __slots__ = ()

    def upper(self) -> Text:  # type: ignore[override]
        return Text(escape(self.unescape().upper()))

    def lower(self) -> Text:  # type: ignore[override]
        return Text(escape(self.unescape().lower()))


def safe_text(value: str) -> Text:
    """`value` as escaped HTML text, fit for text and quoted attributes alike."""
    if isinstance(value, Markup):
        return Text(value)
    return Text(escape(value))


def safe(value: Any) -> Any:
    """Strings escaped, containers and objects wrapped, numbers and None as they are."""
    if isinstance(value, str):
        return safe_text(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, dict):
        return {key: safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe(item) for item in value]
    return SafeView(value)


class SafeView:
    """Attribute access to `target` with every result passed through `safe`, methods too."""

    __slots__ = ("_target",)

    def __init__(self, target: Any) -> None:
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._target, name)
        if callable(value) and not isinstance(value, type):
            return lambda *args, **kwargs: safe(value(*args, **kwargs))
        return safe(value)

    def __bool__(self) -> bool:
        return bool(self._target)

    def __iter__(self) -> Any:
        return (safe(item) for item in self._target)

    def __str__(self) -> str:
        return str(safe_text(str(self._target)))

    __html__ = __str__
