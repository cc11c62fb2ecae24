"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, data_file, model_fields, options
from .model import STATUS_LABELS, LegalRegister


def editor_collection(choices: EditorChoices) -> Collection:
    fields = model_fields(LegalRegister, {"documents.status": options(STATUS_LABELS)})
    return data_file("van-ban", "Văn bản pháp luật", "data/van-ban.yml", fields)
