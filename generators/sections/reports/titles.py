"""Titles built from a plan's kind and trích yếu, worded as a Vietnamese reader expects."""

from __future__ import annotations

_DOING = "thực hiện "


def lower_first(text: str) -> str:
    """"Thực hiện công tác …" → "thực hiện công tác …": only the first letter, names keep theirs."""
    return text[:1].lower() + text[1:]


def results_title(kind: str, title: str) -> str:
    """"Kết quả thực hiện Kế hoạch công tác …", never "… thực hiện Kế hoạch thực hiện …".

    A plan titled «Thực hiện công tác tuyên truyền …» is the plan for that work; its results
    are the results of the plan for the work, so the title's own «thực hiện» is not repeated.
    """
    name = lower_first(title)
    if name.startswith(_DOING):
        name = name[len(_DOING):]
    return f"Kết quả thực hiện {kind} {name}"
