"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, data_folder, model_fields
from .model import QuestionDocument


def editor_collection(choices: EditorChoices) -> Collection:
    return data_folder("hoi-dap", "Hỏi đáp", "câu hỏi", "title", model_fields(QuestionDocument))
