"""Read `data/` into typed models, collecting every error before failing.

Data layout (one scheme, documented in the README):

    data/site.yml               the site profile (SiteProfile)
    data/ke-hoach/<slug>.yml    one plan per file, published at /ke-hoach/<slug>/
    data/chi-so.yml             the reform-index results (IndexRegister), at /chi-so/
    content/tin-tuc/<year>/*.md news articles (read by articles.py)
    data/duong-day-nong.yml     the hotline directory, published at /duong-day-nong/
    data/hoi-dap/<slug>.yml     one question and answer per file, at /hoi-dap/<slug>/
    data/van-ban.yml            the legal documents register, at /van-ban/ and /van-ban/<slug>/
    data/thu-tuc/<slug>.yml     one administrative procedure per file, at /thu-tuc/<slug>/
    data/ap-phich/<slug>.yml    one print (poster, banner, leaflet) per file, at /ap-phich/<slug>/
    data/tu-dong-nghia.yml      synonyms and abbreviations for search (SynonymRegister)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors, ErrorCollector, FieldPath, format_field
from .hotline_checks import check_directory
from .index_checks import check_register as check_index_register
from .legal_checks import check_register
from .models.hotline import HotlineDirectory
from .models.indices import IndexRegister
from .models.legal import LegalRegister
from .models.plan import Plan, PlanDocument
from .models.poster import Poster, PosterDocument, theme_poster, theme_slug
from .models.qa import QuestionAnswer, QuestionDocument
from .models.site import SiteProfile
from .models.synonyms import SynonymRegister
from .models.tthc import Procedure, ProcedureDocument
from .plan_checks import check_evidence_links, check_plan
from .portal import Portal
from .poster_checks import check_poster
from .qa_checks import check_question, check_topics
from .site_checks import check_site
from .synonym_checks import check_synonyms
from .tthc_checks import check_procedure, check_slug
from .validation import validate
from .vietnamese.dates import build_now
from .vietnamese.text import is_slug, slugify
from .vietnamese.workdays import working_days_between
from .yamlsource import LineMap, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def file_exists(path: Path) -> bool:
    """`path.is_file()`, but False for a name no file system takes (too long, NUL) instead of
    an OSError: names come from editors' data."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def read_model(
    path: Path, root: Path, model: type[M], errors: ErrorCollector
) -> tuple[M, LineMap] | None:
    """One YAML file validated into `model`, with its line map; None after recording errors."""
    rel = _relative(path, root)
    try:
        data, lines = read_yaml(path, rel)
    except YamlProblem as problem:
        errors.extend(problem.errors)
        return None
    result = validate(model, data, rel, lines)
    if isinstance(result, list):
        errors.extend(result)
        return None
    return result, lines


def report_problems(
    errors: ErrorCollector, rel: str, lines: LineMap, problems: list[tuple[FieldPath, str]]
) -> None:
    """Record cross-field problems found after validation, located through the line map."""
    for field_path, message in problems:
        errors.add(
            DataError(rel, message, line=lines.line_of(field_path), field=format_field(field_path))
        )


def read_register(
    path: Path,
    root: Path,
    model: type[M],
    errors: ErrorCollector,
    check: Callable[[M], list[tuple[FieldPath, str]]],
) -> M | None:
    """A one-file register (site.yml, van-ban.yml …) validated and cross-checked; None if absent
    or invalid (its errors recorded)."""
    if not path.is_file():
        return None
    loaded = read_model(path, root, model, errors)
    if loaded is None:
        return None
    value, lines = loaded
    report_problems(errors, _relative(path, root), lines, check(value))
    return value


def item_files(folder: Path, root: Path, errors: ErrorCollector, example: str) -> list[Path]:
    """The YAML files of a one-file-per-item folder, whose names must be URL slugs."""
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        rel = _relative(path, root)
        # Hidden files (.gitkeep, macOS's ._copies) are not items; a name starting with ".."
        # is no tool's hidden file but an attempt at a path, and is refused below.
        hidden = path.name.startswith(".") and not path.name.startswith("..")
        if not path.is_file() or hidden:
            continue
        if path.suffix not in (".yml", ".yaml"):
            errors.add(DataError(rel, f"thư mục {folder.name}/ chỉ chứa tệp .yml, mỗi mục một tệp"))
        elif not is_slug(path.stem):
            errors.add(
                DataError(
                    rel,
                    "tên tệp là đường dẫn của trang nên chỉ gồm chữ thường không dấu, số và dấu "
                    f"gạch ngang, ví dụ {slugify(path.stem) or example}.yml",
                )
            )
        else:
            paths.append(path)
    return paths


def load_site(data_dir: Path, root: Path, errors: ErrorCollector) -> SiteProfile | None:
    path = data_dir / "site.yml"
    if not path.is_file():
        message = "thiếu tệp hồ sơ trang (site.yml); xem mẫu trong README"
        errors.add(DataError(_relative(path, root), message))
        return None
    return read_register(path, root, SiteProfile, errors, check_site)


def load_plans(data_dir: Path, root: Path, errors: ErrorCollector) -> list[Plan]:
    plans = []
    located = []
    for path in item_files(data_dir / "ke-hoach", root, errors, "ke-hoach-tuyen-truyen-cchc-2024"):
        loaded = read_model(path, root, PlanDocument, errors)
        if loaded is None:
            continue
        document, lines = loaded
        plan = Plan(path.stem, document)
        report_problems(errors, _relative(path, root), lines, check_plan(plan))
        plans.append(plan)
        located.append((plan, _relative(path, root), lines))
    slugs = {p.slug for p in plans}
    for plan, rel, lines in located:
        report_problems(errors, rel, lines, check_evidence_links(plan, slugs))
    return plans


def load_hotlines(data_dir: Path, root: Path, errors: ErrorCollector) -> HotlineDirectory | None:
    path = data_dir / "duong-day-nong.yml"
    return read_register(path, root, HotlineDirectory, errors, check_directory)


def load_questions(
    data_dir: Path, root: Path, errors: ErrorCollector, procedures: list[Procedure] | None = None
) -> list[QuestionAnswer]:
    """Every question; with a procedure catalogue, the codes a question names must be in it."""
    known = {p.doc.code: p.doc.name for p in procedures or []}
    loaded_files = []
    for path in item_files(data_dir / "hoi-dap", root, errors, "doi-giay-phep-lai-xe"):
        loaded = read_model(path, root, QuestionDocument, errors)
        if loaded is not None:
            loaded_files.append((path, *loaded))
    questions = []
    for path, document, lines in loaded_files:
        rel = _relative(path, root)
        problems = check_question(document)
        if known:
            problems += [
                (("procedures", index), f"mã thủ tục {code} không có trong danh mục data/thu-tuc/")
                for index, code in enumerate(document.procedures)
                if code not in known
            ]
        report_problems(errors, rel, lines, problems)
        days = None
        if document.is_answered and document.answered and not problems:
            days = working_days_between(document.asked, document.answered)
        questions.append(QuestionAnswer(path.stem, document, days))
    for position, field_path, message in check_topics([d.topic for _, d, _ in loaded_files]):
        path, _, lines = loaded_files[position]
        report_problems(errors, _relative(path, root), lines, [(field_path, message)])
    return questions


def load_legal(data_dir: Path, root: Path, errors: ErrorCollector) -> LegalRegister:
    path = data_dir / "van-ban.yml"
    return read_register(path, root, LegalRegister, errors, check_register) or LegalRegister()


def load_procedures(
    data_dir: Path, root: Path, errors: ErrorCollector, fields: list[str] | None
) -> list[Procedure]:
    """Every procedure; `fields` (the site's procedure fields) is None if the profile is broken."""
    procedures = []
    code_at: dict[str, str] = {}
    for path in item_files(data_dir / "thu-tuc", root, errors, "cap-doi-giay-phep-lai-xe"):
        rel = _relative(path, root)
        reserved = check_slug(path.stem)
        if reserved:
            errors.add(DataError(rel, reserved))
            continue
        loaded = read_model(path, root, ProcedureDocument, errors)
        if loaded is None:
            continue
        document, lines = loaded
        problems = check_procedure(document, fields)
        if document.code in code_at:
            problems.append(
                (("code",), f"mã thủ tục {document.code} đã dùng trong {code_at[document.code]}; "
                 "mỗi thủ tục một tệp, mã không trùng nhau")
            )
        code_at.setdefault(document.code, rel)
        report_problems(errors, rel, lines, problems)
        procedures.append(Procedure(path.stem, document))
    return procedures



def load_posters(
    data_dir: Path, root: Path, errors: ErrorCollector, site: SiteProfile | None, content: Path
) -> list[Poster]:
    """The prints in data/ap-phich/, plus the current yearly theme as a ready poster."""
    posters = []
    for path in item_files(data_dir / "ap-phich", root, errors, "ap-phich-dich-vu-cong-a3"):
        loaded = read_model(path, root, PosterDocument, errors)
        if loaded is None:
            continue
        document, lines = loaded
        rel = _relative(path, root)
        problems = check_poster(document)
        if document.logo and not file_exists(content / document.logo):
            problems.append((("logo",), f"không thấy tệp content/{document.logo}"))
        report_problems(errors, rel, lines, problems)
        posters.append(Poster(path.stem, document))
    theme = site.theme_for(build_now().year) if site else None
    if site and theme and not any(p.slug == theme_slug(theme) for p in posters):
        try:
            posters.append(theme_poster(site, theme))
        except ValidationError as exc:
            detail = "; ".join(str(e["msg"]) for e in exc.errors())
            errors.add(DataError(_relative(data_dir / "site.yml", root),
                                 f"không tạo được áp phích chủ đề năm {theme.year}: {detail}",
                                 field="themes"))
    return posters


def load_indices(
    data_dir: Path, root: Path, errors: ErrorCollector, plans: list[Plan]
) -> IndexRegister | None:
    """`data/chi-so.yml`, if the portal has one."""
    path = data_dir / "chi-so.yml"
    return read_register(
        path, root, IndexRegister, errors, lambda register: check_index_register(register, plans)
    )


def load_portal(
    data_dir: Path,
    root: Path | None = None,
    *,
    content_dir: Path | None = None,
    now: dt.datetime | None = None,
    include_drafts: bool = False,
) -> Portal:
    """Every data file and article, validated; raises DataErrors listing all problems at once."""
    from .articles import check_pages, load_articles  # articles reuse this module's helpers

    root = root or data_dir.parent
    errors = ErrorCollector()
    site = load_site(data_dir, root, errors)
    plans = load_plans(data_dir, root, errors)
    hotlines = load_hotlines(data_dir, root, errors)
    legal = load_legal(data_dir, root, errors)
    indices = load_indices(data_dir, root, errors, plans)
    articles = []
    if content_dir is not None:
        check_pages(content_dir, root, errors)
    if content_dir is not None and site is not None:
        articles = load_articles(
            content_dir, root, site, plans, errors,
            now=now or build_now(), include_drafts=include_drafts,
        )
    fields = site.procedure_fields if site else None
    procedures = load_procedures(data_dir, root, errors, fields)
    questions = load_questions(data_dir, root, errors, procedures)
    posters = load_posters(data_dir, root, errors, site, content_dir or root / "content")
    synonyms = read_register(data_dir / "tu-dong-nghia.yml", root, SynonymRegister, errors,
                             check_synonyms)
    errors.raise_if_any()
    assert site is not None  # an absent or invalid profile is an error above
    return Portal(
        site=site, plans=plans, articles=articles, hotlines=hotlines, questions=questions,
        legal=legal, procedures=procedures, posters=posters, indices=indices,
        synonyms=synonyms,
    )


__all__ = ["DataErrors", "load_portal"]
