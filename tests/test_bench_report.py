"""The benchmark's report (bench/report.py, bench/edits.py): the verdicts against issue 14's
targets, the table, the README block between markers, and the changes the warm runs make.

Made-up figures: these tests prove the arithmetic and the wording, not any speed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import bench.run
from bench.edits import article_change, data_change, hotline_number, procedure_change
from bench.report import (
    BEGIN,
    BLOG,
    END,
    HUGO,
    OURS,
    OURS_PLUS,
    PELICAN,
    Result,
    Timing,
    Verdict,
    load,
    replace_block,
    report,
    save,
    table,
    verdicts,
)
from bench.run import main
from generators.core.yamlsource import read_yaml
from generators.sections.hotlines.model import HotlineDirectory
from generators.sections.procedures.model import ProcedureDocument
from generators.vietnamese.phones import parse_phone

from .conftest import ROOT


def ours(size: int, user: float, peak: float = 300.0, largest: float = 120.0,
         **fields: object) -> Result:
    return Result(tool=OURS, size=size, cold=Timing(user, user * 1.2), peak_mb=peak,
                  pages=size + 400, largest_kb=largest, largest_page="van-ban/x/",
                  article_kb=16.6, **fields)  # type: ignore[arg-type]


def other(tool: str, size: int, user: float) -> Result:
    return Result(tool=tool, size=size, cold=Timing(user, user), pages=size, largest_kb=10.0)


def plus(user: float, warm_wall: float = 2.5, preview: dict[str, float | None] | None = None,
         largest: float = 150.0) -> Result:
    return Result(
        tool=OURS_PLUS, size=5000, procedures=2000, cold=Timing(user, user), peak_mb=400.0,
        warm={"article": Timing(1.0, warm_wall), "procedure": Timing(1.1, 2.0),
              "data": Timing(1.2, 2.9)},
        preview=preview if preview is not None else {"article": 1.5, "procedure": 1.9,
                                                     "data": 2.4},
        preview_timeout=180.0, pages=7400, largest_kb=largest, largest_page="van-ban/y/",
    )


def by_name(found: list[Verdict], start: str) -> Verdict:
    matching = [v for v in found if v.name.startswith(start)]
    assert len(matching) == 1, [v.name for v in found]
    return matching[0]


FULL = [
    ours(5000, 10.0), other(PELICAN, 5000, 12.0), other(HUGO, 5000, 2.0),
    ours(10000, 19.0, peak=650.0), other(PELICAN, 10000, 20.0), other(HUGO, 10000, 5.0),
    plus(13.0),
]


def test_each_ratio_of_the_issue_is_computed_and_judged_against_its_target() -> None:
    found = verdicts(FULL)
    pelican = by_name(found, "user CPU at 5,000 articles, ours / Pelican")
    assert (pelican.value, pelican.met) == ("0.83×", True)
    hugo = by_name(found, "user CPU at 5,000 articles, ours / Hugo")
    assert (hugo.value, hugo.met) == ("5.00×", False)
    assert by_name(found, "user CPU at 10,000 articles, ours / Hugo").met is True  # 3.8×
    growth = by_name(found, "growth, ours at 10,000 / at 5,000")
    assert (growth.value, growth.met) == ("1.90×", True)
    procedure = by_name(found, "per procedure page at 5,000")
    assert (procedure.value, procedure.met) == ("1.50 ms", True)  # (13 − 10) s / 2,000
    memory = by_name(found, "peak memory, ours at 10,000")
    assert (memory.value, memory.met) == ("650 MB", False)
    assert by_name(found, "warm build, one article changed").met is True
    assert by_name(found, "warm build, one data changed").value == "2.9 s"
    assert by_name(found, "preview, save → page shows it, one procedure").met is True
    data = by_name(found, "preview, save → page shows it, one data")
    assert (data.value, data.met) == ("2.4 s", False)
    largest = by_name(found, "largest page of ours")
    assert largest.met is True and largest.value.startswith("150 KB (van-ban/y/")


def test_a_target_just_missed_is_not_met_and_the_line_says_so() -> None:
    found = verdicts([ours(5000, 10.0), ours(10000, 20.5), plus(14.1, warm_wall=3.05),
                      other(PELICAN, 5000, 9.9)])
    assert by_name(found, "growth").met is False
    assert by_name(found, "per procedure page").value == "2.05 ms"
    assert by_name(found, "per procedure page").met is False
    assert by_name(found, "warm build, one article changed").met is False
    line = by_name(found, "user CPU at 5,000 articles, ours / Pelican").line()
    assert line == "user CPU at 5,000 articles, ours / Pelican: 1.01× (target ≤ 1): NOT met"


def test_a_preview_that_timed_out_is_shown_as_beyond_the_timeout_and_not_met() -> None:
    found = verdicts([ours(5000, 10.0), plus(13.0, preview={"article": None, "data": 1.0})])
    article = by_name(found, "preview, save → page shows it, one article")
    assert (article.value, article.met) == ("> 180 s", False)
    assert "> 180" in table([plus(13.0, preview={"article": None, "data": 1.0})])


def test_a_ratio_whose_figures_were_not_run_is_not_measured_rather_than_met() -> None:
    found = verdicts([ours(500, 3.0)])
    assert by_name(found, "user CPU at 500 articles, ours / Pelican").met is None
    assert by_name(found, "growth").met is None
    assert "not measured" in by_name(found, "growth").line()
    assert by_name(found, "warm build").met is None
    assert by_name(found, "preview").met is None


def test_a_run_cut_short_says_what_failed_beside_the_table() -> None:
    results = [ours(500, 3.0, note="preview not measured: cchc serve stopped"),
               Result(tool=PELICAN, size=500, skipped="the build failed: pelican failed")]
    text = report(results)
    assert "- ours at 500 articles: preview not measured: cchc serve stopped" in text
    assert "- Pelican at 500 articles: «—», the build failed: pelican failed" in text
    assert by_name(verdicts(results), "user CPU at 500 articles, ours / Pelican").met is None


def test_a_page_over_300_kb_in_any_run_of_ours_fails_the_largest_page_target() -> None:
    found = verdicts([ours(5000, 10.0, largest=320.0), plus(13.0)])
    largest = by_name(found, "largest page of ours")
    assert largest.met is False
    assert largest.value == "320 KB (van-ban/x/, ours at 5,000)"


def test_the_table_has_one_row_a_run_and_a_dash_with_the_reason_for_what_was_not_run() -> None:
    results = [*FULL, Result(tool=BLOG, size=10000, skipped="not run: takes many minutes")]
    text = table(results)
    rows = text.splitlines()
    assert len(rows) == 2 + len(results)
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header[:4] == ["tool", "articles", "cold user CPU (s)", "cold wall (s)"]
    assert "preview, article / procedure / data (s)" in header
    assert "largest page (KB)" in header and "article page (KB)" in header
    cells = [cell.strip() for cell in rows[-2].strip("|").split("|")]  # ours + 2,000
    assert len(cells) == len(header)
    assert cells[:4] == ["ours + 2,000 thủ tục", "5,000", "13.0", "13.0"]
    assert cells[header.index("warm, article (user / wall, s)")] == "1.0 / 2.5"
    assert cells[header.index("preview, article / procedure / data (s)")] == "1.5 / 1.9 / 2.4"
    blog = [cell.strip() for cell in rows[-1].strip("|").split("|")]
    assert blog[:3] == ["Material blog plugin", "10,000", "—"]
    assert "Material blog plugin at 10,000 articles: «—», not run: takes many minutes" in report(
        results)


def test_the_report_leads_with_its_header_and_ends_with_the_verdicts() -> None:
    text = report(FULL, "Figures of 01/12/2026 on a test machine; command: `x`.")
    assert text.startswith("Figures of 01/12/2026 on a test machine")
    assert "| tool | articles |" in text
    assert text.rstrip().splitlines()[-1].startswith("- largest page of ours (every run): ")
    assert "- peak memory, ours at 10,000 articles: 650 MB (target ≤ 600 MB): NOT met" in text


README = f"# Title\n\n## Benchmark\n\nProse.\n\n{BEGIN}\nold table\n{END}\n\nMore prose.\n"


def test_the_readme_block_is_replaced_between_the_markers_and_nothing_else_moves() -> None:
    new = replace_block(README, "| new | table |")
    assert new == f"# Title\n\n## Benchmark\n\nProse.\n\n{BEGIN}\n| new | table |\n{END}\n\n" \
        "More prose.\n"


def test_rewriting_the_readme_twice_gives_what_once_gives() -> None:
    once = replace_block(README, "\n| a |\n\n- b\n")
    assert replace_block(once, "\n| a |\n\n- b\n") == once


@pytest.mark.parametrize("broken", [
    README.replace(BEGIN, ""),
    README.replace(END, ""),
    README + BEGIN,
    f"{END}\n{BEGIN}\n",
])
def test_the_readme_is_refused_when_a_marker_is_missing_doubled_or_out_of_order(
    broken: str,
) -> None:
    with pytest.raises(ValueError, match=r"marker|comes before"):
        replace_block(broken, "x")


def test_our_readme_has_the_markers_in_its_benchmark_section() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Benchmark"):]
    section = section[:section.index("\n## ", 1)]
    assert section.count(BEGIN) == text.count(BEGIN) == 1
    assert section.count(END) == text.count(END) == 1
    replace_block(text, "x")  # does not raise


def test_a_saved_run_loads_back_as_the_same_results(tmp_path: Path) -> None:
    results = [*FULL, Result(tool=BLOG, size=10000, skipped="not run")]
    save(results, tmp_path / "run.json", "Figures of today.")
    assert load(tmp_path / "run.json") == (results, "Figures of today.", False)


def test_a_saved_run_is_written_into_the_readme_between_its_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README, encoding="utf-8")
    monkeypatch.setattr(bench.run, "README", readme)
    save(FULL, tmp_path / "run.json", "Figures of 01/12/2026 on a test machine.")
    assert main(["--from", str(tmp_path / "run.json"), "--readme"]) == 0
    text = readme.read_text(encoding="utf-8")
    block = text[text.index(BEGIN) + len(BEGIN):text.index(END)]
    assert block.strip() == report(FULL, "Figures of 01/12/2026 on a test machine.")
    assert text.startswith("# Title\n\n## Benchmark\n\nProse.\n\n")
    assert text.endswith(f"{END}\n\nMore prose.\n")


def test_a_saved_quick_run_is_refused_for_the_readme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README, encoding="utf-8")
    monkeypatch.setattr(bench.run, "README", readme)
    save(FULL, tmp_path / "run.json", "Figures.", quick=True)
    with pytest.raises(SystemExit):
        main(["--from", str(tmp_path / "run.json"), "--readme"])
    assert "is a --quick run" in capsys.readouterr().err
    assert readme.read_text(encoding="utf-8") == README


def test_the_readme_is_never_written_from_a_quick_run(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--quick", "--readme"])
    assert stopped.value.code == 2
    assert "--readme with --quick" in capsys.readouterr().err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    article = tmp_path / "content" / "tin-tuc" / "2020" / "bai-viet-so-1.md"
    article.parent.mkdir(parents=True)
    article.write_text("---\ntitle: Bài viết số 1\n---\n\nMột đoạn.\n", encoding="utf-8")
    return tmp_path


def test_the_hotline_change_writes_a_valid_new_number_in_place_of_the_first_one(
    project: Path,
) -> None:
    change = data_change()
    path = project / change.file
    before, _ = read_yaml(path, "duong-day-nong.yml")
    shown = change.apply(path, "token-1")
    after, _ = read_yaml(path, "duong-day-nong.yml")
    HotlineDirectory.model_validate(after)
    assert after["units"][0]["phones"][0]["number"] == shown == hotline_number("token-1")
    assert parse_phone(shown).kind == "landline"
    after["units"][0]["phones"][0]["number"] = before["units"][0]["phones"][0]["number"]
    assert after == before  # nothing else changed
    assert change.page == "duong-day-nong/"
    assert len({hotline_number(f"t{n}") for n in range(50)}) == 50


def test_the_procedure_change_adds_a_first_step_and_the_file_stays_valid(project: Path) -> None:
    change = procedure_change(project)
    path = project / change.file
    shown = change.apply(path, "token-2")
    data, _ = read_yaml(path, path.name)
    assert ProcedureDocument.model_validate(data).steps[0] == shown
    assert "token-2" in shown
    assert change.page == f"thu-tuc/{path.stem}/"


def test_the_article_change_appends_a_sentence_shown_on_the_article_page(project: Path) -> None:
    change = article_change(project)
    assert change.file == Path("content/tin-tuc/2020/bai-viet-so-1.md")
    assert change.page == "tin-tuc/2020/bai-viet-so-1/"
    shown = change.apply(project / change.file, "token-3")
    text = (project / change.file).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Bài viết số 1\n---\n\nMột đoạn.\n")
    assert text.endswith(f"\n\n{shown}\n") and "token-3" in shown
