"""This section's collection in the web editor (/quan-tri/), generated from its model."""

from __future__ import annotations

from ...core.editor_fields import Collection, EditorChoices, data_folder, model_fields, options
from .model import ACTIONS, CHANNELS, LEVELS, ONLINE_LEVELS, ProcedureDocument


def editor_collection(choices: EditorChoices) -> Collection:
    fields = model_fields(ProcedureDocument, {
        "field": {"widget": "select", "options": list(choices.procedure_fields)},
        "levels": options(LEVELS),
        "online": options(ONLINE_LEVELS),
        "channels.channel": options(CHANNELS),
        "history.action": options(ACTIONS),
    })
    return data_folder("thu-tuc", "Thủ tục hành chính", "thủ tục", "name", fields)
