"""A filled page published through its shell minified once is the page minified whole, byte for
byte; a value that could come out differently sends the page to the whole minifier instead.

generators/filled_minify.py; tests/test_theme_fill.py builds pages both ways and compares them.
"""

from __future__ import annotations

import pytest

from generators.core.published_html import finish_html
from generators.filled_minify import FilledMinifier, MinifyMismatch, minify_shell
from generators.theme_fill import Fill, Shell

# The shape of Material's pages: texts in <title>, <h1> and meta attributes, the page's name in
# addresses, the content in the <article>, indentation everywhere.
SHELL = Shell((
    "<!doctype html>\n<html lang=\"vi\">\n  <head>\n    <title>", "meta-title",
    " - Sở Xây dựng</title>\n    <meta name=\"description\" content=\"", "meta-description",
    "\">\n    <meta name=\"DC.date\" content=\"", "meta-date",
    "\">\n    <link rel=\"canonical\" href=\"https://so.example/tin-tuc/2024/", "name",
    "/\">\n  </head>\n  <body>\n    <input class=\"md-toggle\" data-md-toggle=\"drawer\" "
    "type=\"checkbox\" id=\"__drawer\" autocomplete=\"off\">\n    <article "
    "class=\"md-content__inner md-typeset\">\n      <h1>", "meta-title", "</h1>\n      ", "content",
    "\n    </article>\n    <a href=\"../", "name", "/#top\" title=\"", "meta-title",
    "\">Lên đầu trang</a>\n  </body>\n</html>\n",
))
CONTENT = ("\n<p class=\"cchc-kicker\">Tin  tức</p>\n<ul>\n  <li><a href=\"../x/\">Một</a> và "
           "<em>hai</em></li>\n</ul>\n<table><tr><td> 1 </td></tr></table>\n")


def values(**changes: str) -> dict[str, str]:
    found = {"meta-title": "Hội nghị triển khai cải cách hành chính năm 2024",
             "meta-description": "Sở tổ chức hội nghị; 100% đơn vị tham dự.",
             "meta-date": "2024-07-15", "name": "hoi-nghi-cchc-2024", "content": CONTENT}
    return {**found, **changes}


def published(shell: Shell, given: dict[str, str]) -> str | None:
    minified = minify_shell(shell, "t0k3n")
    assert minified is not None
    return minified.compose(given)


@pytest.mark.parametrize("given", [
    values(),
    values(**{"meta-title": "Video"}),  # no space: an attribute left unquoted, as whole
    values(**{"meta-description": "Một=hai"}),  # "=" quotes an attribute
    values(**{"meta-date": "2024-07-15T08:00:00+07:00", "name": "a.b_c~d"}),
    values(content="<h2>Chỉ một khối</h2>"),
])
def test_a_page_through_its_minified_shell_is_the_page_minified_whole(
    given: dict[str, str],
) -> None:
    assert published(SHELL, given) == finish_html(SHELL.fill(given))


@pytest.mark.parametrize("given", [
    values(**{"meta-title": "Hỏi &amp; đáp"}),  # an entity the minifier may rewrite
    values(**{"meta-title": "Tin &#34;nóng&#34;"}),
    values(**{"meta-description": "Một 'trích dẫn'"}),  # a quote decides the attribute's quote
    values(content="Văn bản trần <p>rồi khối</p>"),  # text next to the shell's white space
    values(content="<p>Khối</p> rồi văn bản"),
    values(content="<span>nội tuyến</span>"),
])
def test_a_value_the_minifier_could_treat_otherwise_is_left_to_the_whole_minifier(
    given: dict[str, str],
) -> None:
    assert published(SHELL, given) is None


@pytest.mark.parametrize("text", ["Hỏi &amp; đáp", "&#39;một cửa&#39;", "a &lt;b&gt;"])
def test_a_text_with_an_entity_is_left_to_the_whole_minifier_which_rewrites_it(text: str) -> None:
    shell = Shell(("<main>\n  <p>", "meta-summary", "</p>\n</main>"))
    assert finish_html(shell.fill({"meta-summary": text})) != f"<main><p>{text}</p></main>"
    assert published(shell, {"meta-summary": text}) is None
    assert published(shell, {"meta-summary": "Một cửa"}) == "<main><p>Một cửa</p></main>"


def test_a_shell_with_a_value_inside_a_tag_but_not_in_an_attribute_is_not_cut() -> None:
    assert minify_shell(Shell(("<p ", "name", ">x</p>")), "t0k3n") is None


def filled(given: dict[str, str]) -> Fill:
    """The page of SHELL filled with `given`, as ThemeFiller hands it on."""
    return Fill(SHELL, given, SHELL.fill(given))


def _minifier(check: str, whole: object = finish_html) -> FilledMinifier:
    return FilledMinifier("t0k3n", check, whole)  # type: ignore[arg-type]


def test_the_first_page_of_a_shell_and_every_compared_page_are_minified_whole_too() -> None:
    calls: list[str] = []

    def whole(html: str) -> str:
        calls.append(html)
        return finish_html(html)

    minifier = _minifier("first", whole)
    pages = [values(name=f"bai-{n}") for n in range(3)]
    found = [minifier.minify(SHELL.fill(p), filled(p)) for p in pages]
    assert found == [finish_html(SHELL.fill(p)) for p in pages]
    assert minifier.composed == 3 and len(calls) == 1  # the first page only, compared


def test_a_shell_whose_page_differs_from_the_whole_minifier_is_then_always_minified_whole(
) -> None:
    def other(html: str) -> str:  # stands for a minifier that treats this shell differently
        return finish_html(html) + "<!-- khác -->"

    minifier = _minifier("first", other)
    first, second = values(name="bai-1"), values(name="bai-2")
    assert minifier.minify(SHELL.fill(first), filled(first)).endswith("<!-- khác -->")
    assert minifier.minify(SHELL.fill(second), filled(second)).endswith("<!-- khác -->")
    assert minifier.composed == 1  # the second page was not composed
    with pytest.raises(MinifyMismatch):  # the tests' mode compares every page and stops
        _minifier("every", other).minify(SHELL.fill(first), filled(first))


def test_a_page_changed_since_it_was_filled_is_minified_whole() -> None:
    page = values()
    changed = SHELL.fill(page).replace("Lên đầu trang", "Về đầu trang")
    minifier = _minifier("every")
    assert minifier.minify(changed, filled(page)) == finish_html(changed)
    assert minifier.composed == 0
