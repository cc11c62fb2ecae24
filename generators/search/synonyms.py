"""The synonym groups of `data/tu-dong-nghia.yml` as the browser reads them.

`tim-kiem/index/tu-dong-nghia.json`: the groups as editors wrote them, a list of lists of
phrases. The browser folds them as it folds the query (tokens.py, cchc-search.js), finds the
phrases in a query (longest first) and accepts a page holding any phrase of the group. A phrase
typed with diacritics matches only the same words («sơ đồ» is not «sổ đỏ»); typed without, it
matches every accented form.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..core.outputs import OutputFile

SYNONYMS_FILE = "tu-dong-nghia.json"


def synonym_file(groups: Sequence[Sequence[str]], folder: str) -> OutputFile:
    data = json.dumps([list(group) for group in groups], ensure_ascii=False, separators=(",", ":"))
    return OutputFile(f"{folder}{SYNONYMS_FILE}", data.encode("utf-8"), source="tìm kiếm")
