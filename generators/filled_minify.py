"""Publishing a filled page without minifying its shell again: the theme's part minified once.

A page filled into a shell (theme_fill.py) is two thirds the theme's header, menu and footer,
the same on every page of that shell, and minifying it (published_html.finish_html) was a fifth
of a cold build. So each shell is minified once, with stand-ins in place of its values, and
cut at them; a page is that minified shell with its values put in: its content minified alone
(inside an <article>, the element the theme gives it), its texts as they are. The result is the
page as finish_html gives it, byte for byte, because a value is put in only when minifying the
whole page would leave it so:

- a text (title, description, date, the last part of the address) is put in when it has no
  `&`, `<`, `>`, quote, tab or line break: nothing for the minifier to decode or re-encode,
  and, with no runs of spaces (theme_fill.prints_as_itself), no white space to collapse. In an
  attribute, the value is quoted (") exactly when the minifier would quote it: when it holds a
  space or is empty;
- the content is put in when it starts and ends with a block element, so the white space
  around it is dropped either way;
- otherwise the page is minified whole.

The plugin keeps the contents minified in `.cache/html-content/` (core/published_html.py), so a
change that every page shows (a featured hotline number in the header) minifies no content
again; only a page minified whole is kept whole, in `.cache/html/`.

The first page of every shell is also minified whole and the two compared: a shell whose
pages differ (a theme we do not know) is then always minified whole. So is one page in
SAMPLE_EVERY (theme_fill's sampling); `check="every"` (the tests) compares every page and
raises MinifyMismatch on a difference instead of quietly minifying whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .core.published_html import finish_html, minify
from .theme_fill import SAMPLE_EVERY, Check, Fill, Shell, where_they_differ

CONTENT = "content"
_BLOCK = ("address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|"
          "header|hr|main|nav|ol|p|section|table|ul")
_STARTS_WITH_BLOCK = re.compile(rf"\s*<(?:{_BLOCK})[\s>]")
_ENDS_WITH_BLOCK = re.compile(rf"</(?:{_BLOCK})>\Z")
_UNSAFE_TEXT = re.compile(r"[&<>\"'`\t\n\r\f]")
_NEEDS_QUOTES = re.compile(r"[\s\"'=<>`]")
# A start tag in minified HTML: its name, its attributes (each an unquoted, "quoted" or
# 'quoted' value, or none), its end.
_TAG_NAME = re.compile(r"<([^\s/>]+)")
_ATTRIBUTE = re.compile(r"""\s*([^\s"'>/=]+)(?:=("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_TAG_END = re.compile(r"\s*(/?>)")


class MinifyMismatch(Exception):
    """A composed page differs from the page minified whole (found by a compared page)."""


@dataclass(frozen=True)
class _Attribute:
    """One attribute of a tag holding slots: its name and value, as parts (literal, slot,
    literal, …); `quote` is that of a value without slots ("" when unquoted), None when the
    attribute has no value."""

    name: str
    parts: tuple[str, ...]
    quote: str | None

    def written(self, values: Mapping[str, str]) -> tuple[bool, str] | None:
        """(quoted, the attribute as the minifier writes it), or None when a value could be
        written otherwise."""
        if self.quote is None:
            return False, self.name
        if len(self.parts) == 1:
            return bool(self.quote), f"{self.name}={self.quote}{self.parts[0]}{self.quote}"
        parts = list(self.parts)
        for n in range(1, len(parts), 2):
            parts[n] = values[parts[n]]
        value = "".join(parts)
        if not value or _UNSAFE_TEXT.search(value):
            return None  # an empty value loses its "=", a quote or entity may be re-encoded
        quote = '"' if _NEEDS_QUOTES.search(value) else ""
        return bool(quote), f"{self.name}={quote}{value}{quote}"


@dataclass(frozen=True)
class _Tag:
    """A start tag with slots in its attributes. The minifier orders a tag's attributes by
    whether their value is quoted, then by name, so the order follows the values."""

    name: str
    attributes: tuple[_Attribute, ...]
    end: str  # ">" or "/>"

    def written(self, values: Mapping[str, str]) -> str | None:
        found = list(self._fixed)
        for attribute in self._with_slots:
            written = attribute.written(values)
            if written is None:
                return None
            quoted, text = written
            found.append((not quoted, attribute.name, text))
        return "".join([f"<{self.name}", *(f" {text}" for *_, text in sorted(found)), self.end])

    @functools.cached_property
    def _fixed(self) -> tuple[tuple[bool, str, str], ...]:
        """The attributes without slots, as `written` sorts them: the same on every page."""
        found = []
        for attribute in self.attributes:
            if attribute.quote is None or len(attribute.parts) == 1:
                quoted, text = attribute.written({})  # type: ignore[misc]
                found.append((not quoted, attribute.name, text))
        return tuple(found)

    @functools.cached_property
    def _with_slots(self) -> tuple[_Attribute, ...]:
        return tuple(a for a in self.attributes if a.quote is not None and len(a.parts) > 1)


@dataclass(frozen=True)
class MinifiedShell:
    """A shell, minified, cut at its values: literals, and between them slot names (text or
    content) or start tags with slots in their attributes."""

    pieces: tuple[str | _Tag, ...]  # literal, hole, literal, hole, …, literal

    def compose(
        self, values: Mapping[str, str], minify_content: Callable[[str], str] = minify
    ) -> str | None:
        """The page minified, or None when one of its values could come out differently;
        `minify_content` gives what `minify` gives (from a cache, say)."""
        out: list[str] = []
        for n, piece in enumerate(self.pieces):
            if n % 2 == 0:
                out.append(piece)  # type: ignore[arg-type]
                continue
            if isinstance(piece, _Tag):
                written = piece.written(values)
            elif piece == CONTENT:
                written = _content(values[CONTENT], minify_content)
            else:
                text = values[piece]
                written = None if not text or _UNSAFE_TEXT.search(text) else text
            if written is None:
                return None
            out.append(written)
        return "".join(out)


def _content(html: str, minify_content: Callable[[str], str]) -> str | None:
    """The page's content minified as inside the theme's <article>, or None when it does not
    start and end with a block element."""
    # The end is looked for in the last characters only (the longest closing tag fits).
    if not _STARTS_WITH_BLOCK.match(html) or not _ENDS_WITH_BLOCK.search(html.rstrip()[-16:]):
        return None
    wrapped = minify_content(f"<article>{html}</article>")
    if not wrapped.startswith("<article>") or not wrapped.endswith("</article>"):
        return None
    return wrapped[len("<article>"):-len("</article>")]


def minify_shell(shell: Shell, token: str) -> MinifiedShell | None:
    """`shell` minified once and cut at its values, or None when the cut is not clean (a
    stand-in the minifier changed or moved, the content in a tag, a tag it cannot read)."""
    names = sorted({shell.parts[n] for n in range(1, len(shell.parts), 2)})
    stand_ins = {name: f"cchc{token}s{i}x" for i, name in enumerate(names)}
    if CONTENT in stand_ins:
        stand_ins[CONTENT] = f'<div id="cchc{token}c"></div>'
    marked = "".join(part if n % 2 == 0 else stand_ins[part]
                     for n, part in enumerate(shell.parts))
    minified = finish_html(marked)
    if CONTENT in stand_ins:
        stand_ins[CONTENT] = f"<div id=cchc{token}c></div>"
    by_marker = {marker: name for name, marker in stand_ins.items()}
    pattern = re.compile("|".join(re.escape(m) for m in sorted(by_marker, key=len, reverse=True)))
    pieces: list[str | _Tag] = []
    position = found = 0
    for hit in pattern.finditer(minified):
        if hit.start() < position:
            continue  # in a tag already taken whole
        start = minified.rfind("<", 0, hit.start())
        if start > minified.rfind(">", 0, hit.start()):  # in a start tag
            tag = _read_tag(minified, start, pattern, by_marker)
            if tag is None or CONTENT in _slots(tag[0]):
                return None
            pieces += [minified[position:start], tag[0]]
            found += len(_slots(tag[0]))
            position = tag[1]
        else:
            pieces += [minified[position:hit.start()], by_marker[hit.group()]]
            found += 1
            position = hit.end()
    pieces.append(minified[position:])
    if found != len(shell.parts) // 2:  # each stand-in found once, where it was put
        return None
    return MinifiedShell(tuple(pieces))


def _slots(tag: _Tag) -> list[str]:
    return [a.parts[n] for a in tag.attributes for n in range(1, len(a.parts), 2)]


def _read_tag(html: str, start: int, pattern: re.Pattern[str],
              by_marker: Mapping[str, str]) -> tuple[_Tag, int] | None:
    """The start tag at `start`, its stand-ins as slots, and where it ends; None if unread."""
    name = _TAG_NAME.match(html, start)
    if name is None:
        return None
    attributes = []
    position = name.end()
    while (end := _TAG_END.match(html, position)) is None:
        attribute = _ATTRIBUTE.match(html, position)
        if attribute is None or attribute.end() == position:
            return None
        raw = attribute.group(2)
        if raw is None:
            if pattern.search(attribute.group(1)):
                return None  # a stand-in as an attribute's name
            attributes.append(_Attribute(attribute.group(1), (), None))
        else:
            quote = raw[0] if raw[0] in "\"'" else ""
            inner = raw[1:-1] if quote else raw
            literals = pattern.split(inner)
            slots = [by_marker[m] for m in pattern.findall(inner)]
            parts = [literals[0]]
            for slot, literal in zip(slots, literals[1:], strict=True):
                parts += [slot, literal]
            attributes.append(_Attribute(attribute.group(1), tuple(parts), quote))
        position = attribute.end()
    if pattern.search(html, name.start(), name.end()):
        return None
    return _Tag(name.group(1), tuple(attributes), end.group(1)), end.end()


@dataclass
class FilledMinifier:
    """`minify(html, fill)`: the page as finish_html gives it; through its shell minified once
    when `fill` (the page as filled, with its shell and values: ThemeFiller.last_fill)
    allows."""

    token: str
    check: Check = "first"
    whole: Callable[[str], str] = finish_html  # a page minified whole (the plugin: cached)
    # A page's content inside its <article>, as `minify` gives it (the plugin: cached, so a
    # change to every page's shell, a hotline number, say, minifies no content again).
    content: Callable[[str], str] = minify
    shells: dict[int, tuple[Shell, MinifiedShell | None]] = field(default_factory=dict)
    composed: int = 0

    def minify(self, html: str, fill: Fill | None, sampled: bool = True) -> str:
        """`sampled=False`: not among the pages compared one in SAMPLE_EVERY (a preview's page
        refilled with the values it was composed from before: theme_refill.py); the first page
        of a shell, and every page under check="every", are compared all the same."""
        if fill is None or fill.html != html:  # not filled, or changed since (another plugin)
            return self.whole(html)
        shell, values = fill.shell, fill.values
        known = self.shells.get(id(shell))
        first = known is None or known[0] is not shell
        if first:
            known = self.shells[id(shell)] = (shell, minify_shell(shell, self.token))
        minified = known[1]  # type: ignore[index]
        composed = minified.compose(values, self.content) if minified is not None else None
        if composed is None:
            return self.whole(html)
        self.composed += sampled
        if first or self.check == "every" or (sampled and self.composed % SAMPLE_EVERY == 0):
            whole = self.whole(html)
            if whole != composed:
                if self.check == "every":
                    raise MinifyMismatch(where_they_differ(whole, composed))
                self.shells[id(shell)] = (shell, None)  # this shell: minified whole from now on
            return whole
        return composed
