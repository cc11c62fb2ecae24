"""Files refused outright, for every kind of file (site profile, plans, articles, procedures,
questions, legal register, hotlines, posters, indices): alias bombs, oversized files, files not
saved as UTF-8, text pasted from TCVN3 or VNI documents, nesting that would crash the YAML
library. Each gives one clear Vietnamese error naming the file and, where it has one, the line.

The single fixture files for these cases are in tests/fixtures/bad/ (plan-*, question-*) and
tests/fixtures/bad-articles/; here every kind is checked by changing its valid demo file.
"""

from __future__ import annotations

import pytest

from generators.core.errors import DataError, DataErrors

from .hostile import KINDS, Kind, Project
from .test_legacy_encoding import to_tcvn3, to_vni


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Project]:
    return {k.name: Project(tmp_path_factory.mktemp(k.name), k) for k in KINDS}


def refused(project: Project, raw: bytes) -> list[DataError]:
    outcome = project.load(raw)
    assert isinstance(outcome, DataErrors), "the file was accepted"
    assert {e.file for e in outcome.errors} == {project.kind.place}, outcome.report()
    return outcome.errors


def in_front_matter(kind: Kind, yaml_text: str) -> str:
    """`yaml_text` as the kind's file: an article carries it as its front matter."""
    return f"---\n{yaml_text}---\n\nNội dung.\n" if kind.is_article else yaml_text


BILLION_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_an_alias_bomb_is_refused_before_it_expands(projects: dict[str, Project],
                                                    kind: Kind) -> None:
    errors = refused(projects[kind.name], in_front_matter(kind, BILLION_LAUGHS).encode())
    assert all("không dùng neo và bí danh YAML" in e.message for e in errors)
    first = 2 if kind.is_article else 1  # the anchor of the first list reused
    assert min(e.line or 0 for e in errors) == first


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_an_oversized_file_is_refused(projects: dict[str, Project], kind: Kind) -> None:
    project = projects[kind.name]
    raw = (project.demo_text + "# " + "x" * (2 * 1024 * 1024) + "\n").encode()
    [error] = refused(project, raw)
    assert error.message.startswith("tệp quá lớn (2.0 MB); tối đa 2 MB một tệp")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_file_not_saved_as_utf8_is_refused_at_its_first_bad_line(
    projects: dict[str, Project], kind: Kind
) -> None:
    """Saved in Windows' Vietnamese code page (cp1258), as old editors did."""
    project = projects[kind.name]
    raw = project.demo_text.encode("cp1258", errors="replace")
    first_8bit = next(n for n, line in enumerate(raw.split(b"\n"), 1) if not line.isascii())
    [error] = refused(project, raw)
    assert "không được lưu bằng bảng mã UTF-8" in error.message
    assert error.line == first_8bit


def with_pasted_line(text: str, encode: object) -> tuple[str, int, str]:
    """`text` with the first line of Vietnamese prose (a value of six words or more) typed in
    an old font; the new text, that line's number and the prose."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        key, sep, value = line.partition(": ")
        values = [value.strip("\"'")] if sep else []
        if line.lstrip().startswith("- [") and line.rstrip().endswith("]"):
            values = line.strip()[3:-1].split(", ")  # a flow list: [phrase, phrase, …]
        for prose in values:
            if not key.lstrip().startswith("#") and len(prose.split()) >= 6 \
                    and not prose.isascii():
                lines[index] = line.replace(prose, encode(prose))  # type: ignore[operator]
                return "\n".join(lines), index + 1, prose
    raise AssertionError("no prose in the demo file")


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni], ids=["TCVN3", "VNI"])
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_text_pasted_from_an_old_font_is_refused_at_its_line(
    projects: dict[str, Project], kind: Kind, encode: object
) -> None:
    project = projects[kind.name]
    text, line, prose = with_pasted_line(project.demo_text, encode)
    [error] = refused(project, text.encode())
    assert error.line == line
    assert "hãy chuyển mã sang Unicode dựng sẵn, ví dụ bằng chức năng chuyển mã của Unikey, " \
        "rồi dán lại" in error.message
    reading = error.message.split("có lẽ là «", 1)[1].split("»", 1)[0]
    assert reading.lower().rstrip(",") in prose.lower()  # a flow list puts a comma after it


def test_text_pasted_into_an_article_body_is_refused_at_its_line(
    projects: dict[str, Project],
) -> None:
    project = projects["article"]
    text = project.demo_text.rstrip("\n").split("\n")
    text.append(to_tcvn3("Mọi thắc mắc xin liên hệ Văn phòng Sở Giao thông vận tải."))
    [error] = refused(project, "\n".join(text).encode())
    assert error.line == len(text)
    assert "có lẽ là «" in error.message


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_brackets_nested_past_what_the_yaml_library_survives_are_refused(
    projects: dict[str, Project], kind: Kind
) -> None:
    """libyaml's composer recursed in C and killed the build (no message at all) on this
    200 KB line; composed with a depth limit, it is an error like any other."""
    deep = "note: " + "[" * 100_000 + "]" * 100_000 + "\n"
    [error] = refused(projects[kind.name], in_front_matter(kind, deep).encode())
    assert error.message.startswith("dữ liệu lồng nhau quá 40 cấp")
    assert error.line == (2 if kind.is_article else 1)


@pytest.mark.parametrize(("raw", "line", "message"), [
    ("# Hướng dẫn\n\nNội dung.\n\n" + to_tcvn3("Sở Giao thông vận tải tỉnh Quảng Trị") + "\n",
     5, "phông TCVN3 (ABC) hoặc VNI"),
    ("# Huong dan\n\nThủ tục hành chính\n", 3, "không được lưu bằng bảng mã UTF-8"),
], ids=["TCVN3", "cp1258"])
def test_a_markdown_page_in_content_is_refused_like_any_file(
    projects: dict[str, Project], raw: str, line: int, message: str
) -> None:
    """Pages an editor adds to content/ (MkDocs renders them) are read by the same rules."""
    project = projects["site"]
    page = project.root / "content" / "huong-dan.md"
    page.write_bytes(raw.encode("cp1258", errors="replace") if "UTF-8" in message
                     else raw.encode())
    try:
        outcome = project.load(project.demo_text.encode())
    finally:
        page.unlink()
    assert isinstance(outcome, DataErrors)
    [error] = outcome.errors
    assert (error.file, error.line) == ("content/huong-dan.md", line)
    assert message in error.message
