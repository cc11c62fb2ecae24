"""The model cache (.cache/models/): a warm load re-reads only the articles and procedures that
changed, gives the same portal and the same errors as a cold one, and never trusts an entry
that is stale, corrupt or from another version of the code."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import PlainSerializer, ValidationError

from generators.core import derived_cache, loading, preview_memory
from generators.core.derived_cache import DerivedCache
from generators.core.errors import DataErrors
from generators.core.model import DocumentDate, Model
from generators.core.model_cache import ModelCache
from generators.core.pipeline import load_portal
from generators.core.portal import Portal
from generators.core.yamlsource import LineMap
from generators.sections.legal.model import LEGAL
from generators.sections.news import reading
from generators.sections.news.model import ARTICLES, ArticleMeta
from generators.sections.plans.model import PLANS
from generators.sections.procedures.model import PROCEDURES
from generators.vietnamese.dates import VIETNAM_TZ

from .conftest import PINNED_EPOCH, copy_project, run_build

NOW = dt.datetime.fromtimestamp(int(PINNED_EPOCH), VIETNAM_TZ)
ARTICLE = "content/tin-tuc/2024/cong-khai-duong-day-nong-tiep-nhan-phan-anh-kien-nghi.md"
PROCEDURE = "data/thu-tuc/cap-giay-chung-nhan-chat-luong-xe-co-gioi-cai-tao.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def load(project: Path, **options: object) -> Portal:
    return load_portal(project / "data", project, content_dir=project / "content",
                       **{"now": NOW, **options})  # type: ignore[arg-type]


def errors_of(project: Path, **options: object) -> list[str]:
    with pytest.raises(DataErrors) as failed:
        load(project, **options)
    return [error.format() for error in failed.value.errors]


def snapshot(portal: Portal) -> tuple[object, ...]:
    """What the loaders made of articles and procedures (Procedure has no ==)."""
    return (portal[ARTICLES], [(p.slug, p.doc) for p in portal[PROCEDURES]])


def entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "models").glob("*/*.json"))


def source_files(project: Path) -> list[Path]:
    return [*(project / "content" / "tin-tuc").rglob("*.md"),
            *(project / "data" / "thu-tuc").glob("*.yml")]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose YAML is parsed during the test (articles, then data files)."""
    seen: list[str] = []

    def spy(real):  # type: ignore[no-untyped-def]
        def parse(text: str, rel: str):  # type: ignore[no-untyped-def]
            seen.append(rel)
            return real(text, rel)
        return parse

    monkeypatch.setattr(reading, "parse_yaml", spy(reading.parse_yaml))
    monkeypatch.setattr(loading, "parse_yaml", spy(loading.parse_yaml))
    return seen


def cached_kinds(seen: list[str]) -> list[str]:
    return [rel for rel in seen if rel.startswith(("content/tin-tuc/", "data/thu-tuc/"))]


def test_warm_load_reads_no_article_or_procedure_and_gives_the_same_portal(
    project: Path, parsed: list[str]
) -> None:
    first = load(project)
    cold = snapshot(first)
    assert len(cached_kinds(parsed)) == len(source_files(project))
    # Every demo file was stored: its model's JSON reads back equal (round trip exact). Not
    # only articles and procedures: the one-file registers (site.yml, van-ban.yml …) and the
    # items of the other folders (plans, questions …) too.
    assert len(entries(project)) == len(set(parsed)) > len(source_files(project))
    assert {"data/site.yml", "data/van-ban.yml"} <= set(parsed)
    parsed.clear()
    warm = load(project)
    assert snapshot(warm) == cold
    assert warm.site == first.site and warm[LEGAL] == first[LEGAL]
    assert [p.doc for p in warm[PLANS]] == [p.doc for p in first[PLANS]]
    assert parsed == []


def test_a_changed_file_is_read_again_the_others_come_from_the_cache(
    project: Path, parsed: list[str]
) -> None:
    load(project)
    article, procedure = project / ARTICLE, project / PROCEDURE
    article.write_text(article.read_text(encoding="utf-8").replace(
        "title: ", "title: Đã sửa – ", 1), encoding="utf-8")
    procedure.write_text(procedure.read_text(encoding="utf-8").replace(
        "name: ", "name: Đã sửa – ", 1), encoding="utf-8")
    parsed.clear()
    warm = load(project)
    assert sorted(cached_kinds(parsed)) == [ARTICLE, PROCEDURE]
    assert snapshot(warm) == snapshot(load(project, cache_dir=project / "cold"))
    titles = [a.meta.title for a in warm[ARTICLES] if a.source == ARTICLE[len("content/"):]]
    assert titles and titles[0].startswith("Đã sửa – ")
    slug = Path(PROCEDURE).stem
    assert next(p.doc.name for p in warm[PROCEDURES] if p.slug == slug).startswith("Đã sửa – ")


def test_a_stale_entry_is_never_used(project: Path) -> None:
    """An entry stored for the old bytes of a file, under the key the new bytes ask for (as a
    copy from another checkout would be), names its own key and is refused."""
    load(project)
    article = project / ARTICLE
    old_key = ModelCache.key(ArticleMeta, article.read_bytes(), ARTICLE, ARTICLE[len("content/"):])
    article.write_text(article.read_text(encoding="utf-8").replace(
        "title: ", "title: Bản mới – ", 1), encoding="utf-8")
    new_key = ModelCache.key(ArticleMeta, article.read_bytes(), ARTICLE, ARTICLE[len("content/"):])
    assert new_key != old_key
    cache = DerivedCache.open(project / ".cache" / "models")
    stale = cache.path(old_key)
    cache.path(new_key).parent.mkdir(parents=True, exist_ok=True)
    cache.path(new_key).write_bytes(stale.read_bytes())
    assert ModelCache(cache).get(new_key, ArticleMeta) is None
    warm = load(project)
    assert any(a.meta.title.startswith("Bản mới – ") for a in warm[ARTICLES])


def test_a_moved_file_is_read_again_and_checked_at_its_new_place(project: Path) -> None:
    """The path is part of the key, and the folder-year rule runs on cached models too."""
    load(project)
    article = project / ARTICLE
    moved = project / "content" / "tin-tuc" / "2023" / article.name
    moved.parent.mkdir()
    article.rename(moved)
    warm = errors_of(project)
    assert any("phải nằm trong thư mục tin-tuc/2024/" in e for e in warm)
    assert warm == errors_of(project, cache_dir=project / "cold")


def damage_entry(path: Path, damage: str) -> None:
    entry = json.loads(path.read_text(encoding="utf-8"))
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "not json":
        path.write_text("không phải JSON", encoding="utf-8")
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "value edited":  # the checksum no longer matches
        entry["value"] = entry["value"].replace('"title":"', '"title":"Sửa tay ', 1)
        path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    elif damage == "checksum right, no model":  # a value no model takes is not trusted either
        entry["value"] = json.dumps({"value": {"title": 1}, "lines": []})
        entry["checksum"] = derived_cache._checksum(entry["value"])
        path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    else:
        raise AssertionError(damage)


@pytest.mark.parametrize(
    "damage", ["truncated", "not json", "empty", "value edited", "checksum right, no model"]
)
def test_a_corrupt_entry_is_detected_and_rebuilt(
    project: Path, parsed: list[str], damage: str
) -> None:
    cold = snapshot(load(project))
    for path in entries(project):
        damage_entry(path, damage)
    parsed.clear()
    assert snapshot(load(project)) == cold
    assert len(cached_kinds(parsed)) == len(source_files(project))  # all read again
    parsed.clear()
    assert snapshot(load(project)) == cold
    assert cached_kinds(parsed) == []  # and the entries repaired


def test_entries_of_another_code_version_are_not_used(
    project: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = snapshot(load(project))
    for path in entries(project):  # same keys, right checksums, another version's value
        entry = json.loads(path.read_text(encoding="utf-8"))
        entry["version"] = "another version"
        entry["value"] = entry["value"].replace('"title":"', '"title":"Bản cũ ', 1)
        entry["checksum"] = derived_cache._checksum(entry["value"])
        path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    parsed.clear()
    assert snapshot(load(project)) == cold
    assert len(cached_kinds(parsed)) == len(source_files(project))
    # And another version's keys are other keys: changed code never even looks them up.
    key = ModelCache.key(ArticleMeta, b"---\ntitle: x\n---\n", "a.md")
    monkeypatch.setattr(derived_cache, "code_version", lambda: "another version")
    assert ModelCache.key(ArticleMeta, b"---\ntitle: x\n---\n", "a.md") != key


def test_errors_are_the_same_warm_and_cold(project: Path) -> None:
    """Checks that read more than the file (categories, procedure fields, files on disk) run
    on cached models and report their errors at the cached lines; files that fail their own
    validation are never stored."""
    load(project)
    site = project / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    assert "  - slug: cai-cach-the-che\n" in text and "  - Đường bộ\n" in text
    site.write_text(text.replace("  - slug: cai-cach-the-che\n", "  - slug: the-che\n")
                    .replace("  - Đường bộ\n", "", 1), encoding="utf-8")
    (project / "content" / "tin-tuc" / "2024" / "bai-loi.md").write_text(
        "---\ntitle: Bài lỗi\ndate: 2024-13-01\nsummary: Tóm tắt.\ncategory: x\n---\nThân bài.\n",
        encoding="utf-8")
    stored = len(entries(project))
    cold = errors_of(project, cache_dir=project / "cold")
    assert any("chuyên mục «cai-cach-the-che»" in e for e in cold)
    assert any(e.startswith("data/thu-tuc/") and "dòng" in e for e in cold)
    assert any("bai-loi.md" in e for e in cold)
    assert errors_of(project) == cold
    assert errors_of(project) == cold  # twice warm: the broken article was not stored
    assert len(entries(project)) == stored + 1  # the changed site.yml, valid on its own


def test_clock_and_drafts_are_applied_to_cached_articles(project: Path) -> None:
    later = NOW + dt.timedelta(days=3650)
    load(project, now=later, include_drafts=True)  # the cache warmed by a preview, years on
    for options in ({}, {"include_drafts": True}, {"now": later}):
        warm = snapshot(load(project, **options))
        assert warm == snapshot(load(project, cache_dir=project / "cold", **options))


class Dated(Model):
    day: DocumentDate


class Lossy(Model):
    """A model whose JSON does not give it back: its text is written in capitals."""

    text: Annotated[str, PlainSerializer(str.upper, return_type=str)]


class Unreadable(Model):
    """A model whose JSON its own validation refuses."""

    number: Annotated[int, PlainSerializer(lambda n: f"số {n}", return_type=str)]


def test_a_model_whose_json_does_not_read_back_is_not_stored(tmp_path: Path) -> None:
    """Such a model is read from its file every time rather than come back different."""
    value = Dated(day="2024-06")  # type: ignore[arg-type]
    exact = Dated.model_validate({"day": dt.date(2024, 6, 4)})  # its JSON: "2024-06-04"
    lossy, unreadable = Lossy(text="Tiếng Việt"), Unreadable(number=5)
    assert Lossy.model_validate_json(lossy.model_dump_json(round_trip=True)) != lossy
    with pytest.raises(ValidationError):
        Unreadable.model_validate_json(unreadable.model_dump_json(round_trip=True))
    cache = ModelCache(DerivedCache.open(tmp_path))
    lines = LineMap({(): 1, ("day",): 2})
    cache.put("a" * 40, value, lines)
    cache.put("b" * 40, exact, lines)
    cache.put("c" * 40, lossy, lines)
    cache.put("d" * 40, unreadable, lines)
    assert cache.get("a" * 40, Dated) == (value, lines)
    assert cache.get("b" * 40, Dated) == (exact, lines)
    assert cache.get("c" * 40, Lossy) is None
    assert cache.get("d" * 40, Unreadable) is None
    assert sorted(p.stem for p in tmp_path.glob("*/*.json")) == ["a" * 40, "b" * 40]


def test_a_preview_holds_the_models_it_read_and_still_reads_the_changed_ones(
    project: Path,
) -> None:
    """While previewing, an unchanged file's model is the one read at the first rebuild (not
    validated again from its JSON); a changed file is read again; a model whose JSON does not
    read back is not held either."""
    preview_memory.keep_in_memory()
    try:
        first = load(project)
        again = load(project)
        assert [id(a.meta) for a in again[ARTICLES]] == [id(a.meta) for a in first[ARTICLES]]
        assert [id(p.doc) for p in again[PROCEDURES]] == [id(p.doc) for p in first[PROCEDURES]]
        article = min((project / "content" / "tin-tuc").rglob("*.md"))
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("title: ", "title: Đã sửa ", 1), encoding="utf-8")
        changed = load(project)
        renamed = [a for a in changed[ARTICLES] if a.meta.title.startswith("Đã sửa ")]
        assert len(renamed) == 1
        assert sum(id(a.meta) not in {id(b.meta) for b in first[ARTICLES]}
                   for a in changed[ARTICLES]) == 1
        cache = ModelCache(DerivedCache.open(project / "lossy"))
        cache.put("b" * 40, Lossy(text="chữ thường"), LineMap({(): 1}))
        assert cache.get("b" * 40, Lossy) is None
    finally:
        preview_memory.keep_in_memory(False)
    # What the preview held gives what a load with nothing held or cached gives.
    assert snapshot(changed) == snapshot(load(project, cache_dir=project / "cold"))



def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_warm_build_writes_the_same_site_as_a_cold_one(project: Path, tmp_path: Path) -> None:
    """The demo built twice with the clock pinned: the second build takes its articles,
    procedures, bodies and minified pages (whole, or the contents of filled pages) from
    .cache/ and writes the same bytes to every file."""
    cold = run_build(project, tmp_path / "cold")
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert len(entries(project)) > len(source_files(project))
    published = [*(project / ".cache" / "html").glob("*/*"),
                 *(project / ".cache" / "html-content").glob("*/*")]
    assert len(published) > 150
    warm = run_build(project, tmp_path / "warm")
    assert warm.returncode == 0, warm.stdout + warm.stderr
    cold_files, warm_files = tree(tmp_path / "cold"), tree(tmp_path / "warm")
    assert sorted(warm_files) == sorted(cold_files)
    assert [name for name in cold_files if warm_files[name] != cold_files[name]] == []
