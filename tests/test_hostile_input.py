"""Every loader, given hostile or broken files, gives valid models or our located Vietnamese
errors, never a traceback (issue 9, point 3); and the trust guards of issue 13 hold for any
input (invisible characters, spreadsheet cells, vCard values, theme text, .xlsx archives,
names in data/, media in raw HTML).

Three families of generated cases for each kind of file (site profile, plans, articles,
procedures, questions, legal register, hotlines, posters, indices), `EXAMPLES` cases each,
reproducible (`derandomize`): arbitrary YAML documents, mutations of a valid demo file, and
arbitrary text or bytes. The generators and the promise they check are in tests/hostile.py.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from generators.core.data_layout import unknown_entries
from generators.core.errors import DataErrors
from generators.core.html_policy import clean_feed_html, clean_page_html
from generators.core.markup import render_markdown
from generators.core.pipeline import known_data_entries
from generators.core.section import Section
from generators.core.spreadsheet import FORMULA_STARTS, neutral_cell
from generators.core.theme_values import safe_text
from generators.sections.hotlines.vcard import escape_value
from generators.sections.plans.model import PLANS
from generators.sections.procedures.importer import ImportFailed, read_table
from generators.sections.registry import SECTIONS

from .hostile import (
    CASE_SETTINGS,
    CASES,
    KINDS,
    VIETNAMESE,
    Kind,
    Project,
    arbitrary_input,
    check_outcome,
    field_texts,
    generated_documents,
    invisible_in_demo,
    markdown_bodies,
    mutated_demo,
)

BY_NAME = {kind.name: kind for kind in KINDS}


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Project]:
    """One project per kind, set up once; each case overwrites the kind's file."""
    return {k.name: Project(tmp_path_factory.mktemp(k.name), k) for k in KINDS}


def test_every_demo_file_loads_as_it_is(projects: dict[str, Project]) -> None:
    """The valid end of the promise: each kind's demo file, unchanged, gives models."""
    for name, project in projects.items():
        outcome = check_outcome(project, project.demo_text.encode(), "demo")
        assert not isinstance(outcome, DataErrors), f"{name}: {outcome}"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_arbitrary_yaml_documents_give_models_or_located_errors(
    projects: dict[str, Project], kind: Kind
) -> None:
    @CASE_SETTINGS
    @given(raw=generated_documents(kind))
    def check(raw: bytes) -> None:
        check_outcome(projects[kind.name], raw, "yaml")

    check()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_broken_demo_files_give_models_or_located_errors(
    projects: dict[str, Project], kind: Kind
) -> None:
    @CASE_SETTINGS
    @given(raw=mutated_demo(kind))
    def check(raw: bytes) -> None:
        check_outcome(projects[kind.name], raw, "mutation")

    check()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_arbitrary_text_and_bytes_give_models_or_located_errors(
    projects: dict[str, Project], kind: Kind
) -> None:
    @CASE_SETTINGS
    @given(raw=arbitrary_input(kind))
    def check(raw: bytes) -> None:
        check_outcome(projects[kind.name], raw, "text")

    check()


def test_a_demo_file_can_also_be_broken_into_something_still_valid(
    projects: dict[str, Project],
) -> None:
    """The mutations are not all fatal: a comment line added keeps a plan valid. (Without this
    the property above could pass on a loader that refuses everything.)"""
    project = projects["plan"]
    outcome = check_outcome(project, (project.demo_text + "\n# thêm một dòng chú thích\n")
                            .encode(), "demo")
    assert not isinstance(outcome, DataErrors)
    assert [p.slug for p in outcome[PLANS]] == ["ke-hoach-mau"]


# Each section that reads editors' files, and the kind of file that exercises it (the site
# profile is read by the pipeline itself, before any section).
LOADER_KINDS = {
    "ke-hoach": "plan", "tin-tuc": "article", "thu-tuc": "procedure", "hoi-dap": "question",
    "van-ban": "legal", "duong-day-nong": "hotlines", "ap-phich": "poster", "chi-so": "indices",
    "tim-kiem": "synonyms",
    "chuyen-huong": "redirects",
    "trac-nghiem": "quiz", "video-huong-dan": "video",
}


def reads_files(section: Section) -> bool:
    kind = type(section)
    return kind.load is not Section.load or kind.check is not Section.check


def test_the_kinds_cover_every_loader() -> None:
    """A section added later that reads files, without a kind here, fails this test."""
    found = {section.name for section in SECTIONS if reads_files(section)}
    assert found == set(LOADER_KINDS)
    assert {"site", *LOADER_KINDS.values()} == set(BY_NAME)



# --- the trust guards (issue 13): the same promise, and what each guard must hold ------------

@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_an_invisible_character_anywhere_is_refused_at_its_line(
    projects: dict[str, Project], kind: Kind
) -> None:
    """Wherever in a valid file a control, zero-width or bidirectional character lands (a
    value, a key, a comment, a body), the file is refused at that character's line."""

    @CASE_SETTINGS
    @given(case=invisible_in_demo(kind))
    def check(case: tuple[bytes, int]) -> None:
        raw, line = case
        outcome = check_outcome(projects[kind.name], raw, "invisible")
        assert isinstance(outcome, DataErrors), "an invisible character was accepted"
        assert any(e.line == line and "U+" in e.message for e in outcome.errors), outcome

    check()


@CASE_SETTINGS
@given(value=field_texts)
def test_no_cell_text_is_ever_a_formula(value: str) -> None:
    """Whatever text a cell gets, the spreadsheet reads it back as text, as it was typed."""
    CASES["guards/cells/csv"] += 1
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutral_cell(value)])
    [cell] = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (value, "'" + value)


@CASE_SETTINGS
@given(value=field_texts)
def test_a_vcard_value_is_one_line_that_reads_back_as_typed(value: str) -> None:
    CASES["guards/vcard/value"] += 1
    escaped = escape_value(value)
    assert "\r" not in escaped and "\n" not in escaped
    unescaped = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), escaped)
    assert unescaped == value.replace("\r\n", "\n").replace("\r", "\n")


@CASE_SETTINGS
@given(value=field_texts)
def test_theme_text_is_text_in_an_element_and_in_an_attribute(value: str) -> None:
    """What the theme's templates get (theme_values.py) shows as typed, in text and attributes,
    and never becomes an element or an attribute."""
    CASES["guards/escaping/theme"] += 1
    text = safe_text(value)
    page = lxml_html.fromstring(f'<div><p title="{text}" class="x">{text}</p>'
                                f"<i title='{text.upper()}'>{text.upper()}</i></div>")
    expected = lxml_html.fromstring(f"<p>{html.escape(value)}</p>").text_content()
    [p], [i] = page.findall("p"), page.findall("i")
    assert len(page) == 2 and not len(p) and not len(i) and sorted(p.attrib) == ["class", "title"]
    assert p.get("title") == p.text_content() == expected
    assert i.text_content() == i.get("title") == expected.upper()


@CASE_SETTINGS
@given(raw=st.one_of(st.binary(max_size=300), st.builds(
    lambda names: _zip_of(names), st.lists(st.text(min_size=1, max_size=12), max_size=5,
                                           unique=True))))
def test_any_bytes_named_xlsx_give_an_import_message(tmp_path_factory: pytest.TempPathFactory,
                                                    raw: bytes) -> None:
    CASES["guards/archives/xlsx"] += 1
    book = tmp_path_factory.getbasetemp() / "hostile.xlsx"
    book.write_bytes(raw)
    with pytest.raises(ImportFailed) as caught:
        list(read_table(book))
    assert VIETNAMESE.search(str(caught.value))


def _zip_of(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"<x/>")
    return buffer.getvalue()


@CASE_SETTINGS
@given(names=st.lists(st.text(alphabet=st.characters(whitelist_categories=("Ll", "Nd"),
                                                     whitelist_characters="-._"),
                              min_size=1, max_size=20), max_size=5, unique=True))
def test_every_unknown_name_in_data_is_reported(tmp_path_factory: pytest.TempPathFactory,
                                                names: list[str]) -> None:
    CASES["guards/layout/data"] += 1
    data = tmp_path_factory.mktemp("data")
    names = [n for n in names if n not in (".", "..")]
    for name in names:
        (data / name).write_text("x: 1\n", encoding="utf-8")
    reported = {e.file.rsplit("/", 1)[-1] for e in unknown_entries(data, known_data_entries(),
                                                                   data)}
    assert reported == {n for n in names if n not in known_data_entries() and n[0] != "."}


@CASE_SETTINGS
@given(markup=markdown_bodies)
def test_raw_media_from_another_host_never_survive_cleaning(markup: str) -> None:
    CASES["guards/media/html"] += 1
    hostile = markup + '\n<img src="https://example.com/a.png"><video poster="//example.com/p">'
    for cleaned in (clean_page_html(render_markdown(hostile)), clean_feed_html(hostile)):
        for value in re.findall(r'\b(?:src|srcset|poster)="([^"]*)"', cleaned):
            assert not re.search(r"(?:^|,)\s*(?:[a-z][a-z0-9+.-]*:|//)", html.unescape(value),
                                 re.I), cleaned
