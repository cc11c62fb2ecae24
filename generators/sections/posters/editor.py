"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, data_folder, image_widget, model_fields
from .model import PosterDocument


def editor_collection(choices: EditorChoices) -> Collection:
    return data_folder("ap-phich", "Ấn phẩm tuyên truyền", "ấn phẩm", "headline",
                       model_fields(PosterDocument, {"logo": image_widget()}))
