"""Build the static search index from records: a manifest, term shards and result chunks.

Layout under `tim-kiem/index/` (the search page lives at `tim-kiem/`):

    manifest.json     version, result kinds, the kind of every document, the shard keys
    t/<key>.json      postings of the folded words starting with <key>, and of their exact
                      (accented) forms as "=<normal form>" (tokens.py): flat lists
                      [doc, score, doc, score, …] with doc numbers delta-encoded; a score is
                      odd when the word is in the document's title
    tu-dong-nghia.json  the synonym groups of data/tu-dong-nghia.yml, folded (synonyms.py)
    d/<n>.json        url, kind, title, date and excerpt of documents n*CHUNK … n*CHUNK+CHUNK-1

Scores are BM25 over three fields (title and keywords weigh three times the text), computed
here so the browser only adds them up. The most common words keep their best postings only
(POSTINGS_CAP): a query is decided by its rarer words anyway, and shards stay small. Such a
list starts with minus the number of documents that hold the word, so the browser knows the
list is cut ("and other pages") and how common the word is.
"""

from __future__ import annotations

import json
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.outputs import OutputFile
from ..core.preview_memory import held, table
from .records import QUESTION_WORDS, TYPE_LABELS, SearchRecord, kind_words
from .synonyms import synonym_file
from .tokens import forms, index_words

INDEX_PATH = "tim-kiem/index/"
VERSION = 2
CHUNK = 4
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
    """term → (docs, counts) for folded words and for exact accented words, the documents in
    ascending order; each term's BM25 scores are worked out when it is encoded (`scores`), so
    the index of 10,000 records holds millions of postings as two arrays of numbers per word
    rather than as a dictionary of scores (it is made beside the pages: its memory adds to
    theirs)."""

    folded: dict[str, tuple[array[int], array[int]]]
    exact: dict[str, tuple[array[int], array[int]]]
    titled: dict[str, set[int]]  # folded or "=normal" word → the docs with it in their title
    folds: dict[str, str]  # exact (normal) form → its folded word, whose shard holds both
    norms: list[float]  # per document: K1 × (1 − B + B × length / average length)
    count: int  # documents

    def scores(self, docs: array[int], counts: array[int]) -> dict[int, float]:
        """doc → BM25 score of one word."""
        n = len(docs)
        idf = math.log(1 + (self.count - n + 0.5) / (n + 0.5))
        norms, k1_plus_1 = self.norms, K1 + 1
        return {doc: idf * tf * k1_plus_1 / (tf + norms[doc])
                for doc, tf in zip(docs, counts, strict=True)}


def _postings() -> tuple[array[int], array[int]]:
    return array("I"), array("I")


@dataclass(frozen=True)
class _Document:
    """What one record gives the index, whatever the other records: read, never changed."""

    titled: tuple[str, ...]  # folded words, and "=normal" forms, of its title and names
    folded: Counter[str]  # folded word → weighted count
    exact: Counter[str]  # accented (normal) form → weighted count
    folds: tuple[tuple[str, str], ...]  # normal form → its folded word
    length: int


def _read_document(record: SearchRecord) -> _Document:
    title = index_words(record.title) + [t for n in record.names for t in index_words(n)]
    titled: list[str] = []
    for word in set(title):
        fold, exact, marked = forms(word)
        titled.append(fold)
        if marked:
            titled.append(f"={exact}")
    heavy = title + [t for k in record.keywords for t in index_words(k)]
    light = index_words(record.text)
    # Counted once per distinct word: a corpus repeats a small vocabulary.
    counts = Counter(heavy)
    for word in counts:
        counts[word] *= TITLE_WEIGHT
    counts.update(light)
    by_fold: Counter[str] = Counter()
    by_exact: Counter[str] = Counter()
    folds = []
    # dict.get rather than Counter's +=, whose missing key is a Python call per word.
    fold_count, exact_count = by_fold.get, by_exact.get
    for word, tf in counts.items():
        fold, exact, marked = forms(word)
        by_fold[fold] = fold_count(fold, 0) + tf
        if marked:
            by_exact[exact] = exact_count(exact, 0) + tf
            folds.append((exact, fold))
    return _Document(tuple(titled), by_fold, by_exact, tuple(folds),
                     len(heavy) * TITLE_WEIGHT + len(light) or 1)


def _document(record: SearchRecord) -> _Document:
    """`_read_document`, held between the preview's rebuilds (preview_memory.py)."""
    return held("search-documents", (record.title, record.names, record.keywords, record.text),
                lambda: _read_document(record))


def remember_documents(records: Iterable[SearchRecord]) -> None:
    """Read the records' documents into the preview's table (a no-op outside the preview),
    so that a worker that builds the index finds them read and the next rebuild keeps them."""
    if table("search-documents") is not None:
        for record in records:
            _document(record)


def _score(records: Sequence[SearchRecord]) -> _Postings:
    """Every word's postings: each document's counts go straight into them (the counts of
    10,000 documents are never held twice)."""
    folded: dict[str, tuple[array[int], array[int]]] = defaultdict(_postings)
    exact: dict[str, tuple[array[int], array[int]]] = defaultdict(_postings)
    lengths = []
    titled: dict[str, set[int]] = defaultdict(set)
    folds: dict[str, str] = {}
    for doc, record in enumerate(records):
        document = _document(record)
        for term in document.titled:
            titled[term].add(doc)
        folds.update(document.folds)
        for postings, tfs in ((folded, document.folded), (exact, document.exact)):
            for term, tf in tfs.items():
                docs, counts = postings[term]
                docs.append(doc)
                counts.append(tf)
        lengths.append(document.length)
    average = sum(lengths) / len(lengths) if lengths else 1.0
    # Computed once per document, not once per posting.
    norms = [K1 * (1 - B + B * length / average) for length in lengths]
    return _Postings(dict(folded), dict(exact), titled, folds, norms, len(records))


def _best(postings: dict[int, float]) -> dict[int, float]:
    """The POSTINGS_CAP highest scores, ties to the lower document: those whose score is above
    the CAP-th highest, then, at that score, the lowest documents (one sort of the scores alone,
    rather than a comparison of (score, doc) pairs per posting)."""
    threshold = sorted(postings.values(), reverse=True)[POSTINGS_CAP - 1]
    best = {doc: score for doc, score in postings.items() if score > threshold}
    tied = sorted(doc for doc, score in postings.items() if score == threshold)
    best.update((doc, threshold) for doc in tied[: POSTINGS_CAP - len(best)])
    return best


def _encode(postings: dict[int, float], title_docs: set[int], pinned: set[int]) -> list[int]:
    """The best POSTINGS_CAP postings, and those of the word in the title of a `pinned` doc
    (anything but news: a procedure must not drop out of «giấy phép lái xe» for 500 articles)."""
    best = dict(postings) if len(postings) <= POSTINGS_CAP else _best(postings)
    for doc in sorted(title_docs & pinned):
        if doc in postings and len(best) < 2 * POSTINGS_CAP:
            best.setdefault(doc, postings[doc])
    # A cut list starts with minus the number of documents holding the word.
    flat: list[int] = [-len(postings)] if len(postings) > len(best) else []
    previous = 0
    for doc, score in sorted(best.items()):
        flat += [doc - previous, max(1, round(score * 50)) * 2 + (doc in title_docs)]
        previous = doc
    return flat


def _shards(
    entries: dict[str, list[int]], folds: dict[str, str]
) -> dict[str, dict[str, list[int]]]:
    """Group term entries by key (leading letters of the folded word), splitting big groups."""

    def base(term: str) -> str:
        return folds[term[1:]] if term.startswith("=") else term

    def split(terms: list[str], length: int) -> dict[str, dict[str, list[int]]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            groups[base(term)[:length]].append(term)
        result = {}
        for key, members in groups.items():
            shard = {t: entries[t] for t in sorted(members)}
            longer = [t for t in members if len(base(t)) > length]
            if len(_compact(shard)) > SHARD_BYTES and length < MAX_KEY and longer:
                rest = [t for t in members if len(base(t)) <= length]
                result[key] = {t: entries[t] for t in sorted(rest)}
                result.update(split(longer, length + 1))
            else:
                result[key] = shard
        return result

    return split(list(entries), 3)


def build_index(
    records: Iterable[SearchRecord], synonyms: Sequence[Sequence[str]] = ()
) -> list[OutputFile]:
    """The index files for `records` and the synonym groups (lists of equivalent phrases), in
    a stable order (same records, same bytes)."""
    ordered = sorted(records, key=lambda r: (r.kind, r.url))
    postings = _score(ordered)
    titled = postings.titled
    pinned = {doc for doc, record in enumerate(ordered) if record.kind != "tin"}
    entries = {
        term: _encode(postings.scores(docs, counts), titled.get(term, set()), pinned)
        for term, (docs, counts) in postings.folded.items()
    }
    entries.update({
        f"={term}": _encode(postings.scores(docs, counts), titled.get(f"={term}", set()),
                            pinned)
        for term, (docs, counts) in postings.exact.items()
    })
    shards = _shards(entries, postings.folds)
    kinds = sorted({r.kind for r in ordered})
    manifest = {
        "v": VERSION,
        "count": len(ordered),
        "chunk": CHUNK,
        "kindWords": kind_words(kinds),
        "optional": list(QUESTION_WORDS),
        "kinds": [[k, TYPE_LABELS.get(k, k)] for k in kinds],
        "docKinds": "".join(chr(48 + kinds.index(r.kind)) for r in ordered),
        "keys": sorted(shards),
    }
    files = [
        OutputFile(f"{INDEX_PATH}manifest.json", _compact(manifest), source="tìm kiếm"),
        synonym_file(synonyms, INDEX_PATH),
    ]
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
