"""Build the static search index from records: a manifest, term shards and result chunks.

Layout under `tim-kiem/index/` (the search page lives at `tim-kiem/`):

    manifest.json     version, result kinds, the kind of every document, the shard keys
    t/<key>.json      postings of the folded words starting with <key>, and of their exact
                      (accented) forms as "=<word>": flat lists [doc, score, doc, score, …]
                      with doc numbers delta-encoded
    d/<n>.json        url, kind, title, date and excerpt of documents n*CHUNK … n*CHUNK+CHUNK-1

Scores are BM25 over three fields (title and keywords weigh three times the text), computed
here so the browser only adds them up. The most common words keep their best postings only
(POSTINGS_CAP): a query is decided by its rarer words anyway, and shards stay small.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.outputs import OutputFile
from .records import TYPE_LABELS, SearchRecord
from .tokens import folded, has_marks, tokens

INDEX_PATH = "tim-kiem/index/"
VERSION = 1
CHUNK = 8
SHARD_BYTES = 40_000
MAX_KEY = 6
POSTINGS_CAP = 400
EXCERPT_CHARS = 240
TITLE_WEIGHT = 3
K1, B = 1.2, 0.75


def _compact(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return cut + " …"


@dataclass
class _Postings:
    """term → {doc: score} for folded words and for exact accented words."""

    folded: dict[str, dict[int, float]]
    exact: dict[str, dict[int, float]]


def _score(records: Sequence[SearchRecord]) -> _Postings:
    folded_tf: list[Counter[str]] = []
    exact_tf: list[Counter[str]] = []
    lengths = []
    for record in records:
        heavy = tokens(record.title) + [t for k in record.keywords for t in tokens(k)]
        light = tokens(record.text)
        words = heavy * TITLE_WEIGHT + light
        # Each distinct word is folded once, not at each of its occurrences.
        counts = Counter(words)
        folded_counts: Counter[str] = Counter()
        for word, tf in counts.items():
            folded_counts[folded(word)] += tf
        folded_tf.append(folded_counts)
        exact_tf.append(Counter({w: tf for w, tf in counts.items() if has_marks(w)}))
        lengths.append(len(words) or 1)
    average = sum(lengths) / len(lengths) if lengths else 1.0
    count = len(records)

    def bm25(per_doc: list[Counter[str]]) -> dict[str, dict[int, float]]:
        frequency: Counter[str] = Counter()
        for counts in per_doc:
            frequency.update(counts.keys())
        result: dict[str, dict[int, float]] = defaultdict(dict)
        for doc, counts in enumerate(per_doc):
            norm = K1 * (1 - B + B * lengths[doc] / average)
            for term, tf in counts.items():
                idf = math.log(1 + (count - frequency[term] + 0.5) / (frequency[term] + 0.5))
                result[term][doc] = idf * tf * (K1 + 1) / (tf + norm)
        return result

    return _Postings(bm25(folded_tf), bm25(exact_tf))


def _encode(postings: dict[int, float]) -> list[int]:
    best = sorted(postings.items(), key=lambda item: (-item[1], item[0]))[:POSTINGS_CAP]
    flat: list[int] = []
    previous = 0
    for doc, score in sorted(best):
        flat += [doc - previous, max(1, round(score * 100))]
        previous = doc
    return flat


def _shards(entries: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Group term entries by key (leading letters of the folded word), splitting big groups."""

    def base(term: str) -> str:
        return term.lstrip("=")

    def split(terms: list[str], length: int) -> dict[str, dict[str, list[int]]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            groups[folded(base(term))[:length]].append(term)
        result = {}
        for key, members in groups.items():
            shard = {t: entries[t] for t in sorted(members)}
            longer = [t for t in members if len(folded(base(t))) > length]
            if len(_compact(shard)) > SHARD_BYTES and length < MAX_KEY and longer:
                rest = [t for t in members if len(folded(base(t))) <= length]
                result[key] = {t: entries[t] for t in sorted(rest)}
                result.update(split(longer, length + 1))
            else:
                result[key] = shard
        return result

    return split(list(entries), 3)


def build_index(records: Iterable[SearchRecord]) -> list[OutputFile]:
    """The index files for `records`, in a stable order (same records, same bytes)."""
    ordered = sorted(records, key=lambda r: (r.kind, r.url))
    postings = _score(ordered)
    entries = {term: _encode(docs) for term, docs in postings.folded.items()}
    entries.update({f"={term}": _encode(docs) for term, docs in postings.exact.items()})
    shards = _shards(entries)
    kinds = sorted({r.kind for r in ordered})
    manifest = {
        "v": VERSION,
        "count": len(ordered),
        "chunk": CHUNK,
        "kinds": [[k, TYPE_LABELS.get(k, k)] for k in kinds],
        "docKinds": "".join(chr(48 + kinds.index(r.kind)) for r in ordered),
        "keys": sorted(shards),
    }
    files = [OutputFile(f"{INDEX_PATH}manifest.json", _compact(manifest), source="tìm kiếm")]
    for key, shard in sorted(shards.items()):
        files.append(OutputFile(f"{INDEX_PATH}t/{key}.json", _compact(shard), source="tìm kiếm"))
    for start in range(0, len(ordered), CHUNK):
        chunk = [
            [r.url, kinds.index(r.kind), r.title, r.date, _excerpt(r.text)]
            for r in ordered[start : start + CHUNK]
        ]
        files.append(
            OutputFile(f"{INDEX_PATH}d/{start // CHUNK}.json", _compact(chunk), source="tìm kiếm")
        )
    return files
