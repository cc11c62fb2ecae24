"""Checks across the site profile that a single field cannot see."""

from __future__ import annotations

from .errors import FieldPath
from .profile import SiteProfile

Problem = tuple[FieldPath, str]


def check_english(site: SiteProfile) -> list[Problem]:
    """With an English version, every unit and leader needs its English name, or that page
    would mix languages."""
    if site.english is None:
        return []
    problems: list[Problem] = []
    for g, group in enumerate(site.organisation):
        if not group.title_en:
            problems.append((("organisation", g, "title_en"),
                             f"cần tên tiếng Anh của nhóm «{group.title}» (trang có bản "
                             "tiếng Anh)"))
        for u, unit in enumerate(group.units):
            if not unit.name_en:
                problems.append((("organisation", g, "units", u, "name_en"),
                                 f"cần tên tiếng Anh của «{unit.name}» (trang có bản tiếng Anh)"))
    for i, leader in enumerate(site.leaders):
        if not leader.title_en:
            problems.append((("leaders", i, "title_en"),
                             f"cần chức vụ tiếng Anh của {leader.name} (trang có bản tiếng Anh)"))
    return problems


def check_site(site: SiteProfile) -> list[Problem]:
    return check_english(site)
