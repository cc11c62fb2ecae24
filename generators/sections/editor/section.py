"""The web editor (/quan-tri/): Decap CMS bundled from node_modules, its config generated from
the models of the other sections (collections.py) and its own Content-Security-Policy."""

from __future__ import annotations

import os
from collections.abc import Sequence

from ...core.outputs import OutputFile
from ...core.section import BuildContext, Section, SectionFailed
from .page import EDITOR_DIR, EditorError, editor_outputs, port_from


class EditorSection(Section):
    name = "quan-tri"
    title = "Trang soạn thảo"
    unsearchable = "the editorial board's tool, not a page for citizens"
    unmapped = "the editorial board's tool, not a page for citizens"

    def outputs(self, build: BuildContext) -> Sequence[OutputFile]:
        if build.paths is None:
            return []
        try:
            return editor_outputs(build.env, build.portal.site, build.paths.root,
                                  build.editor_collections, port=port_from(os.environ))
        except EditorError as exc:
            raise SectionFailed(f"Lỗi trang soạn thảo: {exc}") from None


SECTION = EditorSection()
__all__ = ["EDITOR_DIR", "SECTION"]
