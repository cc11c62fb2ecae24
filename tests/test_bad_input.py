"""Every mistake an editor can make gets a Vietnamese message with file, line and field.

One fixture file per case in tests/fixtures/bad/; its header says what the error must say:

    # expect-line: 52                       the line the error points to
    # expect: tổng các tiêu chí con         text the message must contain
    # expect-field: tasks › tasks › mục 2 › points
    # expect-column: 7                      for syntax errors, the column too (optional)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators.core.errors import DataErrors
from generators.core.pipeline import load_portal
from generators.sections.plans.model import PLANS

from .conftest import ROOT

BAD = Path(__file__).parent / "fixtures" / "bad"
PLAN_NAME = "ke-hoach-mau.yml"
PROCEDURE_NAME = "thu-tuc-mau.yml"


def read_expectations(source: Path | list[str]) -> dict[str, str]:
    """The `# expect-line:`, `# expect:` and `# expect-field:` header of a fixture."""
    lines = source if isinstance(source, list) else source.read_text(encoding="utf-8").splitlines()
    expectations = {}
    for line in lines:
        if not line.startswith("# expect"):
            break
        key, _, value = line[2:].partition(": ")
        expectations[key] = value
    return expectations


# Where a fixture goes, by the prefix of its name.
PLACES = {
    "site-": "site.yml",
    "plan-": f"ke-hoach/{PLAN_NAME}",
    "hotlines-": "duong-day-nong.yml",
    "question-": "hoi-dap/cau-hoi-mau.yml",
    "legal-": "van-ban.yml",
    "tthc-": f"thu-tuc/{PROCEDURE_NAME}",
    "poster-": "ap-phich/ap-phich-mau.yml",
    "indices-": "chi-so.yml",
    "synonyms-": "tu-dong-nghia.yml",
    "quiz-": "trac-nghiem/bo-cau-hoi-mau.yml",
    "video-": "video-huong-dan/video-mau.yml",
}


def project_with(tmp_path: Path, fixture: Path) -> tuple[Path, str]:
    """A data folder holding the demo site profile plus the fixture in its proper place."""
    data = tmp_path / "data"
    (data / "ke-hoach").mkdir(parents=True)
    (tmp_path / "content").mkdir()  # empty: files the fixture names are missing
    place = next(p for prefix, p in PLACES.items() if fixture.name.startswith(prefix))
    if fixture.name.startswith("indices-"):
        # The index register names the demo's reform-index plan (which links to seed 000).
        for plan in ("ke-hoach-nang-cao-chi-so-cchc-2024-sgtvt.yml",
                     "ke-hoach-tuyen-truyen-cchc-2024-sgtvt-quang-tri.yml"):
            shutil.copy(ROOT / "data" / "ke-hoach" / plan, data / "ke-hoach" / plan)
    if fixture.name.startswith("quiz-"):
        # A question's source is checked against the demo's legal register.
        shutil.copy(ROOT / "data" / "van-ban.yml", data / "van-ban.yml")
    if place != "site.yml":
        shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    (data / place).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixture, data / place)
    return data, f"data/{place}"


def errors_for(data: Path) -> DataErrors:
    with pytest.raises(DataErrors) as caught:
        load_portal(data, data.parent)
    return caught.value


@pytest.mark.parametrize("fixture", sorted(BAD.glob("*.yml")), ids=lambda p: p.stem)
def test_bad_fixture_gives_a_located_vietnamese_error(tmp_path: Path, fixture: Path) -> None:
    expected = read_expectations(fixture)
    data, rel = project_with(tmp_path, fixture)
    report = errors_for(data)
    matching = [e for e in report.errors if expected["expect"] in e.message]
    assert matching, report.report()
    error = matching[0]
    assert error.file == rel
    assert error.line == int(expected["expect-line"]), report.report()
    if "expect-field" in expected:
        assert error.field == expected["expect-field"]
    if "expect-column" in expected:
        assert error.column == int(expected["expect-column"]), report.report()
    text = error.format()
    assert text.startswith(f"{rel}, dòng {expected['expect-line']}")


def test_all_errors_of_all_files_are_reported_together(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, BAD / "plan-points-sum.yml")
    shutil.copy(BAD / "plan-unknown-group.yml", data / "ke-hoach" / "ke-hoach-khac.yml")
    report = errors_for(data)
    files = {e.file for e in report.errors}
    assert files == {"data/ke-hoach/ke-hoach-mau.yml", "data/ke-hoach/ke-hoach-khac.yml"}
    assert report.report().startswith("Dữ liệu có 2 lỗi")


def test_a_misspelt_field_suggests_the_right_name(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, BAD / "plan-unknown-field.yml")
    messages = [e.message for e in errors_for(data).errors]
    assert any("có phải ý bạn là «summary»?" in m for m in messages)


def test_legacy_encoded_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, ROOT / "tests" / "fixtures" / "good" / "plan-small.yml")
    text = (data / "ke-hoach" / PLAN_NAME).read_text(encoding="utf-8")
    (data / "ke-hoach" / PLAN_NAME).write_bytes(text.encode("cp1258", errors="replace"))
    [error] = errors_for(data).errors
    assert "UTF-8" in error.message and "TCVN3" in error.message
    assert error.line is not None


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, ROOT / "tests" / "fixtures" / "good" / "plan-small.yml")
    with (data / "ke-hoach" / PLAN_NAME).open("a", encoding="utf-8") as handle:
        handle.write("# " + "x" * (2 * 1024 * 1024) + "\n")
    [error] = errors_for(data).errors
    assert "tệp quá lớn" in error.message


def test_plan_file_name_must_be_a_slug(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, ROOT / "tests" / "fixtures" / "good" / "plan-small.yml")
    (data / "ke-hoach" / PLAN_NAME).rename(data / "ke-hoach" / "Kế hoạch 2024.yml")
    [error] = errors_for(data).errors
    assert "ke-hoach-2024.yml" in error.message


def test_missing_site_profile_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    [error] = errors_for(data).errors
    assert error.file == "data/site.yml" and "thiếu tệp" in error.message


def test_empty_file_is_reported(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, ROOT / "tests" / "fixtures" / "good" / "plan-small.yml")
    (data / "ke-hoach" / PLAN_NAME).write_text("# chỉ có chú thích\n", encoding="utf-8")
    [error] = errors_for(data).errors
    assert "tệp rỗng" in error.message


def test_text_is_stored_in_nfc(tmp_path: Path) -> None:
    data, _ = project_with(tmp_path, ROOT / "tests" / "fixtures" / "good" / "plan-small.yml")
    path = data / "ke-hoach" / PLAN_NAME
    decomposed = "Thu\u0309 tu\u0323c"
    path.write_text(path.read_text(encoding="utf-8").replace("Kế hoạch mẫu", decomposed),
                    encoding="utf-8")
    [plan] = load_portal(data, tmp_path)[PLANS]
    assert plan.doc.summary.startswith("Thủ tục")


def test_a_question_naming_a_procedure_outside_the_catalogue_is_an_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    question = data / "hoi-dap" / "giay-phep-lai-xe-quoc-te.yml"
    question.write_text(
        question.read_text(encoding="utf-8").replace('"1.002820"', '"1.999999"'), encoding="utf-8"
    )
    [error] = errors_for(data).errors
    assert error.file == "data/hoi-dap/giay-phep-lai-xe-quoc-te.yml"
    assert error.field == "procedures › mục 1"
    assert "1.999999 không có trong danh mục" in error.message


def test_content_pages_not_saved_as_utf8_are_refused_outside_owned_and_hidden_folders(
    tmp_path: Path,
) -> None:
    """MkDocs renders the editor's Markdown pages: each is checked, in order; the news folder
    (read and checked by its section) and hidden folders are not walked."""
    from generators.core.errors import ErrorCollector
    from generators.core.pipeline import check_content_pages

    content = tmp_path / "content"
    for name in ("z.md", "a.md", "gioi-thieu/b.md", "tin-tuc/2024/c.md", ".git/d.md",
                 "x/.e.md", "f.txt", "gioi-thieu/tin-tuc/g.md"):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes("Giới thiệu".encode("utf-16"))
    errors = ErrorCollector()
    check_content_pages(content, tmp_path, errors, {"tin-tuc"})
    assert [e.file for e in errors.errors] == [
        "content/a.md", "content/gioi-thieu/b.md", "content/gioi-thieu/tin-tuc/g.md",
        "content/z.md",
    ]
