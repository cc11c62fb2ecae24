"""Turn every mention of a registered legal document in a page's HTML into a link.

How to use it (plans and Q&A do this; articles and procedures do the same)::

    from .citing import link_legal_references

    html = render_page(env, "my_page.html", path, ...)
    linked = link_legal_references(html, portal[LEGAL], path)
    return PageSpec(path=path, title=..., html=linked.html, ..., cites=linked.cited)

`cites` is how the document pages learn where each document is cited: `generate_pages` builds
the register's pages after every other page, from the `cites` of all of them.

What is recognised, in text as Vietnamese documents write it:

- a registered number with the kind before it, with or without "số", in any case:
  "Nghị định số 45/2020/NĐ-CP", "Nghị định 130/2005/NĐ-CP", "kế hoạch số 17/KH-UBND";
- the date after the number, which then belongs to the link: "Nghị quyết số 76/NQ-CP ngày
  15/7/2021", "…, ngày 09/01/2024", "ngày 15 tháng 7 năm 2021";
- a registered number on its own: "(76/NQ-CP)".

What is never linked:

- text inside links, headings, code, pre, script, style, buttons, form fields, and attribute
  values (ids, titles, hrefs): only text nodes outside those elements change;
- a number that is not exactly a registered one: "76/NQ-CPX", "176/NQ-CP", "76/NQ-CP/2",
  "999/NQ-CP", dates such as 15/7/2021;
- a number whose kind word contradicts the register ("Quyết định số 76/NQ-CP") or whose date
  names another year ("76/NQ-CP ngày 15/7/2022" is another year's resolution 76): it is not
  the registered document. A date in the right year but on another day is taken as a misprint
  in the citing text: the number is linked, the date is left outside the link;
- a number two registered documents share, unless the date says which one;
- the document the page itself is (a plan's own number on the plan's page).

The function is pure: same input, same output; HTML outside the inserted links is returned
byte for byte, entities included.
"""

from __future__ import annotations

import html as html_lib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate, compress, product

from ...core.links import href, is_external
from .model import DOCUMENT_KINDS, LegalDocument, LegalRegister

LEGAL_SECTION = "van-ban/"
LINK_CLASS = "cchc-legal-ref"


def document_path(document: LegalDocument) -> str:
    """Where a document's page is published: "van-ban/76-nq-cp/"."""
    return f"{LEGAL_SECTION}{document.page_slug}/"


@dataclass(frozen=True)
class LinkedHtml:
    html: str
    cited: tuple[str, ...]  # page slugs of the documents linked, in order of first mention


# Elements whose text is never linked (their content is code, a link, a heading or a control).
_SKIPPED = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "button", "select",
     "option", "label", "title", "svg", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})

# Possessive: its choices are exclusive (a quote opens a quoted value, nothing else does), so
# it matches what the plain form would, without trying again what cannot match.
_TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>",
    re.S,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# A reference has a digit; an entity that decodes to one is written with digits too.
_DIGIT = re.compile(r"\d")

_KIND_WORDS = sorted([*DOCUMENT_KINDS, "Văn bản"], key=len, reverse=True)
_KINDS = "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in _KIND_WORDS)
_WORD = r"[\w&]"
_REFERENCE = re.compile(
    rf"(?:(?<!\w)(?P<kind>(?i:{_KINDS}))\s+(?:(?i:số)\s+)?)?"
    rf"(?<![\w/&.-])(?P<number>\d+{_WORD}*(?:[/-]{_WORD}+)+)(?!{_WORD}|[/-]{_WORD})"
    r"(?P<date>\s*,?\s*(?i:ngày)\s+(?P<day>\d{1,2})"
    r"(?:\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})"
    r"|\s+(?i:tháng)\s+(?P<month2>\d{1,2})\s+(?i:năm)\s+(?P<year2>\d{4}))(?!\d))?"
)


def _written_date(match: re.Match[str]) -> date | bool | None:
    """The date written after the number; None when there is none, False when impossible."""
    if not match.group("date"):
        return None
    year = match.group("year") or match.group("year2")
    month = match.group("month") or match.group("month2")
    try:
        return date(int(year), int(month), int(match.group("day")))
    except ValueError:
        return False


def _choose(
    candidates: list[LegalDocument], written: date | bool | None
) -> tuple[LegalDocument | None, bool]:
    """The document meant, and whether the written date belongs in the link."""
    if written is False:
        return None, False
    if written is None:
        return (candidates[0], False) if len(candidates) == 1 else (None, False)
    exact = [d for d in candidates if d.date == written]
    if len(exact) == 1:
        return exact[0], True
    same_year = [d for d in candidates if d.date.year == written.year]  # type: ignore[union-attr]
    if len(same_year) == 1:
        return same_year[0], False
    return None, False


def _kind_agrees(written_kind: str | None, document: LegalDocument) -> bool:
    if written_kind is None:
        return True
    word = " ".join(written_kind.split()).lower()  # "Nghị&nbsp;định" reads as "nghị định"
    return word in (document.kind.lower(), "văn bản")


def _decode(raw: str) -> tuple[str, Sequence[int]]:
    """Plain text of an HTML text run, and for each of its characters the raw offset."""
    if "&" not in raw:
        return raw, range(len(raw) + 1)
    plain: list[str] = []
    starts: list[int] = []
    position = 0
    for entity in _ENTITY.finditer(raw):
        plain.append(raw[position : entity.start()])
        starts.extend(range(position, entity.start()))
        char = html_lib.unescape(entity.group())
        plain.append(char)
        starts.extend([entity.start()] * len(char))
        position = entity.end()
    plain.append(raw[position:])
    starts.extend(range(position, len(raw) + 1))
    return "".join(plain), starts


class _Linker:
    def __init__(self, register: LegalRegister, page_path: str) -> None:
        self.index = register.by_number()
        self.page_path = page_path
        self.cited: list[str] = []

    def is_this_page(self, document: LegalDocument) -> bool:
        if document_path(document) == self.page_path:
            return True
        link = document.link
        return bool(link) and not is_external(link) and link == self.page_path

    def anchor(self, document: LegalDocument, inner_raw: str) -> str:
        if document.page_slug not in self.cited:
            self.cited.append(document.page_slug)
        target = href(self.page_path, document_path(document))
        title = html_lib.escape(f"{document.title}: {document.summary}", quote=True)
        return f'<a href="{target}" class="{LINK_CLASS}" title="{title}">{inner_raw}</a>'

    def text(self, raw: str) -> str:
        if not _DIGIT.search(raw):
            return raw
        plain, starts = _decode(raw)
        out: list[str] = []
        done = 0  # raw offset copied so far
        for match in _REFERENCE.finditer(plain):
            candidates = self.index.get(match.group("number"))
            if not candidates:
                continue
            document, with_date = _choose(candidates, _written_date(match))
            if document is None or not _kind_agrees(match.group("kind"), document):
                continue
            if self.is_this_page(document):
                continue
            end = match.end() if with_date else match.end("number")
            start, stop = starts[match.start()], starts[end]
            out.append(raw[done:start])
            out.append(self.anchor(document, raw[start:stop]))
            done = stop
        if not out:
            return raw
        out.append(raw[done:])
        return "".join(out)


def _enter_or_leave(skipping: list[str], closing: str, name: str) -> None:
    """Track the skipped elements open around the text: a closing tag closes its element and
    any left open inside it; one closing nothing open is ignored."""
    if not closing:
        skipping.append(name)
    elif name in skipping:
        while skipping.pop() != name:
            pass


def _mentions_a_number(html: str, register: LegalRegister) -> bool:
    """Whether any registered number occurs in `html` with its entities decoded as text runs
    decode them: without one nothing can be linked, and the page is not walked tag by tag."""
    plain = _ENTITY.sub(lambda entity: html_lib.unescape(entity.group()), html) if "&" in html \
        else html
    return any(document.number in plain for document in register.documents)


def link_legal_references(html: str, register: LegalRegister, page_path: str) -> LinkedHtml:
    """Link every registered document mentioned in `html`, the body of the page at `page_path`.

    `register` is `portal[LEGAL]`; `page_path` is the page's site path ("ke-hoach/x/"), used to
    write relative links and to avoid linking a page to itself. Returns the new HTML and the
    slugs of the documents it cites (for `PageSpec.cites`).
    """
    if not register.documents:
        return LinkedHtml(html, ())
    finder = _raw_finder(tuple(document.number for document in register.documents))
    if finder is not None and not _UNSAFE_ENTITY.search(html):
        return _link_at_mentions(html, register, page_path, finder)
    if not _mentions_a_number(html, register):
        return LinkedHtml(html, ())
    return _link_by_walking(html, register, page_path)


def _link_by_walking(html: str, register: LegalRegister, page_path: str) -> LinkedHtml:
    """The rule itself: every text run outside skipped elements is read, tag after tag."""
    linker = _Linker(register, page_path)
    out: list[str] = []
    skipping: list[str] = []
    position = 0
    for tag in _TAG.finditer(html):
        if tag.start() < position:
            continue  # inside a raw-text element already copied
        text = html[position : tag.start()]
        out.append(text if skipping else linker.text(text))
        out.append(tag.group())
        position = tag.end()
        closing, name = tag.group(1), (tag.group(2) or "").lower()
        if not name:
            continue
        if not closing and name in _RAW_TEXT:
            end = re.compile(rf"</{name}\s*>", re.I).search(html, position)
            stop = end.start() if end else len(html)
            out.append(html[position:stop])
            position = stop
            continue
        if name in _SKIPPED and not tag.group().endswith("/>"):
            _enter_or_leave(skipping, closing, name)
    tail = html[position:]
    out.append(tail if skipping else linker.text(tail))
    return LinkedHtml("".join(out), tuple(linker.cited))


# The same tags, for re.split: each comes as four items, the tag, its "/" and its name, then
# the text after it.
_TAG_SPLIT = re.compile(f"({_TAG.pattern})", re.S)
# The skipped elements' names in every case ("A", "Code"), so the tags that open or close one
# are picked out of a page's tags without a step in Python for each tag.
_SKIPPED_ANY_CASE = frozenset(
    "".join(letters) for name in _SKIPPED for letters in product(*({c, c.upper()} for c in name))
)
# Entities that may stand for a character of a number: with one, a number may be written in a
# form the raw search below cannot see. The ones markupsafe and Markdown write cannot.
_UNSAFE_ENTITY = re.compile(
    r"&(?!(?:amp|lt|gt|quot|apos|nbsp|#34|#39|#x22|#x27|#X22|#X27);)"
    r"(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
)


@lru_cache(maxsize=8)
def _raw_finder(numbers: tuple[str, ...]) -> re.Pattern[str] | None:
    """A search for the registered numbers as they stand in HTML; None when one has a
    character HTML may write as an entity (then every text run is read)."""
    if any(ch in number for number in numbers for ch in "&<>\"'\xa0"):
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(set(numbers), key=len, reverse=True)))


def _link_at_mentions(
    html: str, register: LegalRegister, page_path: str, finder: re.Pattern[str]
) -> LinkedHtml:
    """The same result as `_link_by_walking`, reading only the text runs that hold a
    registered number and the tags that open or close a skipped element.

    A text run without a registered number in it comes back unchanged from the rule, so only
    the runs holding one are read; whether a run is skipped depends only on the skipped
    elements' tags before it. Pages with a raw-text element (script, style, textarea, title),
    whose tags the rule reads differently, are walked whole.
    """
    mentions = list(finder.finditer(html))
    if not mentions:
        return LinkedHtml(html, ())
    parts = _TAG_SPLIT.split(html)  # text, (tag, "/", name, text)*
    tokens: list[str] = [""] * (len(parts) // 2 + 1)  # text, tag, text, tag, …, text
    tokens[0::2], tokens[1::2] = parts[0::4], parts[1::4]
    ends = list(accumulate(map(len, tokens)))  # token i covers [ends[i-1], ends[i])
    events: dict[int, tuple[str, str]] = {}  # token index: ("", "") a text to read, or a tag's
    names = parts[3::4]
    for number in compress(range(len(names)), map(_SKIPPED_ANY_CASE.__contains__, names)):
        name = names[number].lower()
        if name in _RAW_TEXT:
            return _link_by_walking(html, register, page_path)
        events[2 * number + 1] = (parts[4 * number + 2], name)  # the tag's "/" and name
    for match in mentions:
        index = bisect_right(ends, match.start())
        if index % 2 == 0:
            events[index] = ("", "")
    linker = _Linker(register, page_path)
    skipping: list[str] = []
    changed = False
    for index in sorted(events):
        closing, name = events[index]
        if not name:
            if not skipping:
                linked = linker.text(tokens[index])
                changed = changed or linked is not tokens[index]
                tokens[index] = linked
        elif not tokens[index].endswith("/>"):
            _enter_or_leave(skipping, closing, name)
    return LinkedHtml("".join(tokens) if changed else html, tuple(linker.cited))
