"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, data_file, model_fields, options
from .model import CATEGORY_LABELS, HotlineDirectory


def editor_collection(choices: EditorChoices) -> Collection:
    fields = model_fields(HotlineDirectory, {"units.category": options(CATEGORY_LABELS)})
    return data_file("duong-day-nong", "Đường dây nóng", "data/duong-day-nong.yml", fields)
