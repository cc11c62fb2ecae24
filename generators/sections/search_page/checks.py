"""Checks across the synonym groups that a single field cannot see."""

from __future__ import annotations

from ...core.errors import FieldPath
from ...search.tokens import folded, tokens
from .model import SynonymRegister

Problem = tuple[FieldPath, str]


def phrase_key(phrase: str) -> str:
    """How the search compares phrases: words folded ("Sổ đỏ", "so do" → "so do")."""
    return " ".join(folded(t) for t in tokens(phrase))


def check_synonyms(register: SynonymRegister) -> list[Problem]:
    """A phrase belongs to one group only: two groups sharing one are one group."""
    problems: list[Problem] = []
    seen: dict[str, tuple[int, str]] = {}
    for g_index, group in enumerate(register.groups):
        in_group: set[str] = set()
        for p_index, phrase in enumerate(group):
            key = phrase_key(phrase)
            where = ("groups", g_index, p_index)
            if key in in_group:
                problems.append((where, f"«{phrase}» đã có trong cùng nhóm (so sánh không dấu)"))
            elif key in seen:
                other, written = seen[key]
                problems.append(
                    (where, f"«{phrase}» đã có trong nhóm {other + 1} («{written}»); mỗi cụm từ "
                     "chỉ thuộc một nhóm, hãy gộp hai nhóm làm một")
                )
            in_group.add(key)
            seen.setdefault(key, (g_index, phrase))
    return problems
