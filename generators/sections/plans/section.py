"""Plans (kế hoạch): one plan per file in data/ke-hoach/, published at /ke-hoach/<slug>/."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.editor_fields import Collection, EditorChoices
from ...core.loading import item_files, read_model, relative, report_problems
from ...core.notices import NOTICES, notices_at
from ...core.pages import PageSpec, SiteSection
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from ...search.records import SearchRecord
from .checks import check_evidence_links, check_plan
from .consistency import (
    check_deadline_refs,
    check_table_place,
    check_targets,
    deadline_conflicts,
)
from .editor import editor_collection
from .model import PLANS, Plan, PlanDocument
from .pages import SECTION_PATH, plan_pages, plan_section
from .search import plan_records


class PlansSection(Section):
    name = "ke-hoach"
    title = "Kế hoạch"
    data_entries = ("ke-hoach",)
    schemas = (("plan.schema.json", PlanDocument),)

    def editor_collection(self, choices: EditorChoices) -> Collection:
        return editor_collection(choices)

    def describe(self, portal: Portal) -> str:
        return f"{len(portal[PLANS])} kế hoạch"

    def load(self, ctx: LoadContext) -> None:
        plans: list[Plan] = []
        located = []
        folder = ctx.data_dir / "ke-hoach"
        for path in item_files(folder, ctx.root, ctx.errors, "ke-hoach-tuyen-truyen-cchc-2024"):
            loaded = read_model(path, ctx.root, PlanDocument, ctx.errors, ctx.models)
            if loaded is None:
                continue
            document, lines = loaded
            plan = Plan(path.stem, document)
            rel = relative(path, ctx.root)
            checks = [*check_plan(plan), *check_deadline_refs(plan), *check_table_place(plan),
                      *check_targets(plan)]
            report_problems(ctx.errors, rel, lines, checks)
            conflicts = deadline_conflicts(plan, lines.line_of)
            ctx.put(NOTICES, [*ctx.get(NOTICES), *notices_at(rel, lines, conflicts)])
            plans.append(plan)
            located.append((plan, rel, lines))
        slugs = {p.slug for p in plans}
        for plan, rel, lines in located:
            report_problems(ctx.errors, rel, lines, check_evidence_links(plan, slugs))
        ctx.put(PLANS, plans)

    def pages(self, build: BuildContext) -> Sequence[PageSpec]:
        return plan_pages(build.env, build.portal)

    def search_records(self, build: BuildContext) -> Sequence[SearchRecord]:
        return plan_records(build.portal)

    def sitemap(self, build: BuildContext) -> SiteSection:
        return plan_section(build.portal)


SECTION = PlansSection()
__all__ = ["SECTION", "SECTION_PATH"]
