"""Redirects (chuyển hướng): old addresses in data/chuyen-huong.yml, written as static pages
that send the reader to the new address. They are files, not pages: no search record, no
site-map entry (an old address is not content)."""

from __future__ import annotations

from collections.abc import Sequence

from ...core.loading import read_register
from ...core.outputs import OutputFile
from ...core.portal import Portal
from ...core.section import BuildContext, LoadContext, Section
from .model import REDIRECTS, RedirectMap
from .pages import redirect_files

DATA_FILE = "chuyen-huong.yml"


def check_map(register: RedirectMap) -> list[tuple[tuple[str | int, ...], str]]:
    problems: list[tuple[tuple[str | int, ...], str]] = []
    seen: set[str] = set()
    for index, redirect in enumerate(register.redirects):
        if redirect.old in seen:
            problems.append((("redirects", index, "old"), f"«{redirect.old}» đã có ở mục trước"))
        seen.add(redirect.old)
        target = redirect.new.split("#", 1)[0].lstrip("/")
        if target == redirect.old:
            problems.append((("redirects", index, "new"), "trang mới trùng đường dẫn cũ"))
    return problems


class RedirectsSection(Section):
    name = "chuyen-huong"
    title = "Chuyển hướng"
    data_entries = (DATA_FILE,)
    schemas = (("redirects.schema.json", RedirectMap),)

    def describe(self, portal: Portal) -> str:
        register = portal[REDIRECTS]
        return f"{len(register.redirects)} đường dẫn cũ chuyển hướng" if register else ""

    def load(self, ctx: LoadContext) -> None:
        ctx.put(REDIRECTS, read_register(ctx.data_dir / DATA_FILE, ctx.root, RedirectMap,
                                         ctx.errors, check_map, ctx.models))

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        return redirect_files(build.env, build.portal)


SECTION = RedirectsSection()
__all__ = ["SECTION"]
