"""Every loader, given hostile or broken files, gives valid models or our located Vietnamese
errors, never a traceback (issue 9, point 3).

Three families of generated cases for each kind of file (site profile, plans, articles,
procedures, questions, legal register, hotlines, posters, indices), `EXAMPLES` cases each,
reproducible (`derandomize`): arbitrary YAML documents, mutations of a valid demo file, and
arbitrary text or bytes. The generators and the promise they check are in tests/hostile.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from generators.core.errors import DataErrors
from generators.core.section import Section
from generators.sections.plans.model import PLANS
from generators.sections.registry import SECTIONS

from .hostile import (
    CASE_SETTINGS,
    KINDS,
    Kind,
    Project,
    arbitrary_input,
    check_outcome,
    generated_documents,
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

