"""Read `data/` into typed models, collecting every error before failing.

Data layout (one scheme, documented in the README):

    data/site.yml               the site profile (SiteProfile)
    data/plans/<slug>.yml       one plan per file; the file name is the plan's URL slug
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataError, DataErrors, ErrorCollector, format_field
from .models.plan import Plan, PlanDocument
from .models.site import SiteProfile
from .plan_checks import check_plan
from .portal import Portal
from .validation import validate
from .vietnamese.text import is_slug, slugify
from .yamlsource import YamlProblem, read_yaml


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_site(data_dir: Path, root: Path, errors: ErrorCollector) -> SiteProfile | None:
    path = data_dir / "site.yml"
    rel = _relative(path, root)
    if not path.is_file():
        errors.add(DataError(rel, "thiếu tệp hồ sơ trang (site.yml); xem mẫu trong README"))
        return None
    try:
        data, lines = read_yaml(path, rel)
    except YamlProblem as problem:
        errors.extend(problem.errors)
        return None
    result = validate(SiteProfile, data, rel, lines)
    if isinstance(result, list):
        errors.extend(result)
        return None
    return result


def load_plan(path: Path, root: Path, errors: ErrorCollector) -> Plan | None:
    rel = _relative(path, root)
    slug = path.stem
    if not is_slug(slug):
        errors.add(
            DataError(
                rel,
                "tên tệp là đường dẫn của kế hoạch nên chỉ gồm chữ thường không dấu, số và dấu "
                f"gạch ngang, ví dụ {slugify(slug) or 'ke-hoach-tuyen-truyen-cchc-2024'}.yml",
            )
        )
        return None
    try:
        data, lines = read_yaml(path, rel)
    except YamlProblem as problem:
        errors.extend(problem.errors)
        return None
    result = validate(PlanDocument, data, rel, lines)
    if isinstance(result, list):
        errors.extend(result)
        return None
    plan = Plan(slug, result)
    for field_path, message in check_plan(plan):
        errors.add(
            DataError(rel, message, line=lines.line_of(field_path), field=format_field(field_path))
        )
    return plan


def load_plans(data_dir: Path, root: Path, errors: ErrorCollector) -> list[Plan]:
    plans_dir = data_dir / "plans"
    if not plans_dir.is_dir():
        return []
    plans = []
    for path in sorted(plans_dir.iterdir()):
        if path.suffix in (".yml", ".yaml") and path.is_file():
            plan = load_plan(path, root, errors)
            if plan is not None:
                plans.append(plan)
        elif path.is_file() and not path.name.startswith("."):
            errors.add(
                DataError(_relative(path, root), "thư mục plans chỉ chứa tệp .yml (một kế hoạch "
                          "một tệp)")
            )
    return plans


def load_portal(data_dir: Path, root: Path | None = None) -> Portal:
    """Every data file, validated; raises DataErrors listing all problems at once."""
    root = root or data_dir.parent
    errors = ErrorCollector()
    site = load_site(data_dir, root, errors)
    plans = load_plans(data_dir, root, errors)
    errors.raise_if_any()
    assert site is not None  # an absent or invalid profile is an error above
    return Portal(site=site, plans=plans)


__all__ = ["DataErrors", "load_portal"]
