"""Read `data/` into typed models, collecting every error before failing.

Data layout (one scheme, documented in the README):

    data/site.yml               the site profile (SiteProfile)
    data/ke-hoach/<slug>.yml    one plan per file, published at /ke-hoach/<slug>/
    data/chi-so.yml             the reform-index results (IndexRegister), at /chi-so/
    content/tin-tuc/<year>/*.md news articles (read by articles.py)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import DataError, DataErrors, ErrorCollector, FieldPath, format_field
from .index_checks import check_register
from .models.indices import IndexRegister
from .models.plan import Plan, PlanDocument
from .models.site import SiteProfile
from .plan_checks import check_evidence_links, check_plan
from .portal import Portal
from .validation import validate
from .vietnamese.dates import build_now
from .vietnamese.text import is_slug, slugify
from .yamlsource import LineMap, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


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


def item_files(folder: Path, root: Path, errors: ErrorCollector, example: str) -> list[Path]:
    """The YAML files of a one-file-per-item folder, whose names must be URL slugs."""
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        rel = _relative(path, root)
        if not path.is_file() or path.name.startswith("."):
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
    loaded = read_model(path, root, SiteProfile, errors)
    return loaded[0] if loaded else None


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


def load_indices(
    data_dir: Path, root: Path, errors: ErrorCollector, plans: list[Plan]
) -> IndexRegister | None:
    """`data/chi-so.yml`, if the portal has one."""
    path = data_dir / "chi-so.yml"
    if not path.is_file():
        return None
    loaded = read_model(path, root, IndexRegister, errors)
    if loaded is None:
        return None
    register, lines = loaded
    report_problems(errors, _relative(path, root), lines, check_register(register, plans))
    return register


def load_portal(
    data_dir: Path,
    root: Path | None = None,
    *,
    content_dir: Path | None = None,
    now: dt.datetime | None = None,
    include_drafts: bool = False,
) -> Portal:
    """Every data file and article, validated; raises DataErrors listing all problems at once."""
    from .articles import load_articles  # articles reuse this module's helpers

    root = root or data_dir.parent
    errors = ErrorCollector()
    site = load_site(data_dir, root, errors)
    plans = load_plans(data_dir, root, errors)
    indices = load_indices(data_dir, root, errors, plans)
    articles = []
    if content_dir is not None and site is not None:
        articles = load_articles(
            content_dir, root, site, plans, errors,
            now=now or build_now(), include_drafts=include_drafts,
        )
    errors.raise_if_any()
    assert site is not None  # an absent or invalid profile is an error above
    return Portal(site=site, plans=plans, articles=articles, indices=indices)


__all__ = ["DataErrors", "load_portal"]
