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
here so the browser only adds them up; the average length is taken in whole words, so that the
preview's index, held between rebuilds, is updated for an edited article (`update_index`).
The most common words keep their best postings only (POSTINGS_CAP): a query is decided by its
rarer words anyway, and shards stay small. Such a list starts with minus the number of
documents that hold the word, so the browser knows the list is cut ("and other pages") and how
common the word is.
"""

from __future__ import annotations

import json
import math
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..core.outputs import OutputFile
from ..core.preview_memory import held, table
from .records import QUESTION_WORDS, TYPE_LABELS, SearchRecord, kind_words
from .synonyms import synonym_file
from .tokens import forms, index_words

T = TypeVar("T")

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
    lengths: list[int]  # per document, title and keywords weighted
    average: int  # the documents' average length, in whole words (`average_length`)

    def postings(self, term: str) -> tuple[array[int], array[int]] | None:
        """The (docs, counts) of an entry's term: a folded word, or "=" and a normal form."""
        return _of_term(term, self.folded, self.exact)

    def scores(self, docs: array[int], counts: array[int]) -> dict[int, float]:
        """doc → BM25 score of one word."""
        n = len(docs)
        idf = math.log(1 + (self.count - n + 0.5) / (n + 0.5))
        norms, k1_plus_1 = self.norms, K1 + 1
        return {doc: idf * tf * k1_plus_1 / (tf + norms[doc])
                for doc, tf in zip(docs, counts, strict=True)}


def _postings() -> tuple[array[int], array[int]]:
    return array("I"), array("I")


def _entry_terms(folded: Iterable[str], exact: Iterable[str]) -> set[str]:
    """The entries' terms of folded words and exact forms: an exact form's is "=" and it."""
    return {*folded, *(f"={term}" for term in exact)}


def _of_term(term: str, folded: dict[str, T], exact: dict[str, T]) -> T | None:
    """What `folded` or `exact` holds for an entry's term (see `_entry_terms`)."""
    return exact.get(term[1:]) if term.startswith("=") else folded.get(term)


def average_length(lengths: Sequence[int]) -> int:
    """The documents' average length rounded to a whole word: BM25 needs no finer, and one
    edited document then almost never changes it, so the preview's index updates only the
    words of that document (`update_index`) rather than every score of the site."""
    return max(1, round(sum(lengths) / len(lengths))) if lengths else 1


def _norm(length: int, average: int) -> float:
    return K1 * (1 - B + B * length / average)


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


def _score(documents: Iterable[_Document]) -> _Postings:
    """Every word's postings: each document's counts go straight into them (the counts of
    10,000 documents are never held twice: outside the preview `documents` reads them one at a
    time)."""
    folded: dict[str, tuple[array[int], array[int]]] = defaultdict(_postings)
    exact: dict[str, tuple[array[int], array[int]]] = defaultdict(_postings)
    lengths = []
    titled: dict[str, set[int]] = defaultdict(set)
    folds: dict[str, str] = {}
    for doc, document in enumerate(documents):
        for term in document.titled:
            titled[term].add(doc)
        folds.update(document.folds)
        for postings, tfs in ((folded, document.folded), (exact, document.exact)):
            for term, tf in tfs.items():
                docs, counts = postings[term]
                docs.append(doc)
                counts.append(tf)
        lengths.append(document.length)
    average = average_length(lengths)
    # Computed once per document, not once per posting.
    norms = [_norm(length, average) for length in lengths]
    return _Postings(dict(folded), dict(exact), titled, folds, norms, len(lengths), lengths,
                     average)


def _threshold(postings: dict[int, float]) -> float:
    """The CAP-th highest score of a word in more than POSTINGS_CAP documents."""
    return sorted(postings.values(), reverse=True)[POSTINGS_CAP - 1]


def _best(postings: dict[int, float], threshold: float | None = None) -> dict[int, float]:
    """The POSTINGS_CAP highest scores, ties to the lower document: those whose score is above
    the CAP-th highest (`threshold`), then, at that score, the lowest documents (one sort of the
    scores alone, rather than a comparison of (score, doc) pairs per posting)."""
    if threshold is None:
        threshold = _threshold(postings)
    best = {doc: score for doc, score in postings.items() if score > threshold}
    tied = sorted(doc for doc, score in postings.items() if score == threshold)
    best.update((doc, threshold) for doc in tied[: POSTINGS_CAP - len(best)])
    return best


def _encode(postings: dict[int, float], title_docs: set[int], pinned: set[int],
            threshold: float | None = None) -> list[int]:
    """The best POSTINGS_CAP postings, and those of the word in the title of a `pinned` doc
    (anything but news: a procedure must not drop out of «giấy phép lái xe» for 500 articles);
    `threshold`, when known, the CAP-th highest score."""
    best = dict(postings) if len(postings) <= POSTINGS_CAP else _best(postings, threshold)
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


def _base(term: str, folds: dict[str, str]) -> str:
    """The folded word whose shard holds an entry's term."""
    return folds[term[1:]] if term.startswith("=") else term


def _group(term: str, folds: dict[str, str]) -> str:
    """The first letters every shard key of the term's shards starts with: shards are split
    within a group, never across two, so a group is made again on its own."""
    return _base(term, folds)[:3]


def _split(
    terms: list[str], length: int, entries: dict[str, list[int]], folds: dict[str, str]
) -> dict[str, dict[str, list[int]]]:
    """Group term entries by key (leading letters of the folded word), splitting big groups."""
    groups: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        groups[_base(term, folds)[:length]].append(term)
    result = {}
    for key, members in groups.items():
        shard = {t: entries[t] for t in sorted(members)}
        longer = [t for t in members if len(_base(t, folds)) > length]
        if len(_compact(shard)) > SHARD_BYTES and length < MAX_KEY and longer:
            rest = [t for t in members if len(_base(t, folds)) <= length]
            result[key] = {t: entries[t] for t in sorted(rest)}
            result.update(_split(longer, length + 1, entries, folds))
        else:
            result[key] = shard
    return result


@dataclass
class IndexState:
    """An index as made: its documents in order, their postings, each term's entry and each
    shard's bytes. `build_index` makes one and writes it; the preview holds it and updates it
    for the documents that changed (`update_index`), to the same bytes."""

    order: tuple[tuple[str, str], ...]  # (kind, url) of each document, in index order
    documents: list[_Document]
    postings: _Postings
    pinned: set[int]
    entries: dict[str, list[int]]
    groups: dict[str, set[str]]  # group (`_group`) → its terms
    shards: dict[str, bytes]  # key → the shard's file
    # The CAP-th highest score of each word in more than POSTINGS_CAP documents.
    thresholds: dict[str, float] = field(default_factory=dict)
    # Each chunk of documents' file, by the records and kinds it was made from.
    chunks: dict[int, tuple[tuple[object, ...], bytes]] = field(default_factory=dict)

    @classmethod
    def build(cls, ordered: Sequence[SearchRecord], *, held: bool = False) -> IndexState:
        """The index of `ordered`; `held` (the preview) keeps the documents for its updates,
        which it holds anyway (`_document`): a build reads each once and lets it go."""
        documents = [_document(record) for record in ordered] if held else []
        postings = _score(documents if held else map(_document, ordered))
        pinned = {doc for doc, record in enumerate(ordered) if record.kind != "tin"}
        state = cls(tuple((r.kind, r.url) for r in ordered), documents, postings, pinned, {},
                    defaultdict(set), {})
        terms = _entry_terms(postings.folded, postings.exact)
        state.encode(terms)
        for term in terms:
            state.groups[_group(term, postings.folds)].add(term)
        state.shard(set(state.groups))
        return state

    def encode(self, terms: Iterable[str]) -> None:
        """The entries of `terms` from their postings (none for a term no document holds)."""
        postings, titled, pinned = self.postings, self.postings.titled, self.pinned
        for term in terms:
            found = postings.postings(term)
            if found is None:
                self.entries.pop(term, None)
                self.thresholds.pop(term, None)
                continue
            scores = postings.scores(*found)
            threshold = None
            if len(scores) > POSTINGS_CAP:
                threshold = self.thresholds[term] = _threshold(scores)
            else:
                self.thresholds.pop(term, None)
            self.entries[term] = _encode(scores, titled.get(term, set()), pinned, threshold)

    def shard(self, groups: set[str]) -> None:
        """The shard files of `groups`, made again from their terms' entries."""
        folds = self.postings.folds
        for key in [k for k in self.shards if k[:3] in groups]:
            del self.shards[key]
        for group in groups:
            terms = [t for t in self.groups.get(group, ()) if t in self.entries]
            for key, shard in _split(terms, 3, self.entries, folds).items():
                self.shards[key] = _compact(shard)

    def files(self, ordered: Sequence[SearchRecord],
              synonyms: Sequence[Sequence[str]]) -> list[OutputFile]:
        """The index files, in a stable order (same records, same bytes)."""
        kinds = sorted({r.kind for r in ordered})
        manifest = {
            "v": VERSION,
            "count": len(ordered),
            "chunk": CHUNK,
            "kindWords": kind_words(kinds),
            "optional": list(QUESTION_WORDS),
            "kinds": [[k, TYPE_LABELS.get(k, k)] for k in kinds],
            "docKinds": "".join(chr(48 + kinds.index(r.kind)) for r in ordered),
            "keys": sorted(self.shards),
        }
        files = [
            OutputFile(f"{INDEX_PATH}manifest.json", _compact(manifest), source="tìm kiếm"),
            synonym_file(synonyms, INDEX_PATH),
        ]
        for key in sorted(self.shards):
            files.append(OutputFile(f"{INDEX_PATH}t/{key}.json", self.shards[key],
                                    source="tìm kiếm"))
        for start in range(0, len(ordered), CHUNK):
            files.append(OutputFile(f"{INDEX_PATH}d/{start // CHUNK}.json",
                                    self.chunk(ordered, start, kinds), source="tìm kiếm"))
        return files

    def chunk(self, ordered: Sequence[SearchRecord], start: int, kinds: list[str]) -> bytes:
        """The file of the documents from `start` on: url, kind, title, date and excerpt."""
        records = ordered[start : start + CHUNK]
        made = (*records, *kinds)
        if (found := self.chunks.get(start)) is not None and found[0] == made:
            return found[1]
        content = _compact([[r.url, kinds.index(r.kind), r.title, r.date, _excerpt(r.text)]
                            for r in records])
        self.chunks[start] = (made, content)
        return content


def _entry_unchanged(
    state: IndexState, term: str, changes: Sequence[tuple[int, _Document, _Document, float]]
) -> bool:
    """Whether the entry of a word in more than POSTINGS_CAP documents stays as it was, the
    average length unchanged: no changed document gained or lost the word, or a title with it,
    and each scores below the word's CAP-th highest score before and after. The other
    documents' scores are then those of the last build (same count of documents holding the
    word, same lengths), and so are the best postings. `changes`: (doc, old document, new
    document, old norm)."""
    threshold = state.thresholds.get(term)
    found = state.postings.postings(term)
    if threshold is None or found is None:
        return False
    postings = state.postings
    n = len(found[0])
    idf = math.log(1 + (postings.count - n + 0.5) / (n + 0.5))
    k1_plus_1, titled = K1 + 1, postings.titled.get(term, set())
    for doc, old, new, old_norm in changes:
        before = _of_term(term, old.folded, old.exact)
        after = _of_term(term, new.folded, new.exact)
        if (before is None) != (after is None):
            return False
        if before is None or after is None:
            continue
        if (term in old.titled) != (term in new.titled) or (doc in titled and doc in state.pinned):
            return False
        # As _Postings.scores works them out, to the last bit.
        if not (idf * before * k1_plus_1 / (before + old_norm) < threshold
                and idf * after * k1_plus_1 / (after + postings.norms[doc]) < threshold):
            return False
    return True


def _withdraw(postings: _Postings, doc: int, document: _Document) -> None:
    for table_, counts in ((postings.folded, document.folded), (postings.exact, document.exact)):
        for term in counts:
            docs, tfs = table_[term]
            at = bisect_left(docs, doc)
            del docs[at], tfs[at]
            if not docs:
                del table_[term]
    for term in document.titled:
        titled = postings.titled[term]
        titled.discard(doc)
        if not titled:
            del postings.titled[term]


def _add(postings: _Postings, doc: int, document: _Document) -> None:
    for table_, counts in ((postings.folded, document.folded), (postings.exact, document.exact)):
        for term, tf in counts.items():
            docs, tfs = table_.setdefault(term, _postings())
            at = bisect_left(docs, doc)
            docs.insert(at, doc)
            tfs.insert(at, tf)
    for term in document.titled:
        postings.titled.setdefault(term, set()).add(doc)
    postings.folds.update(document.folds)


# Past this share of changed documents an index is made anew rather than updated.
MOST_CHANGED = 0.25


def update_index(state: IndexState, ordered: Sequence[SearchRecord]) -> bool:
    """Bring `state` to the index of `ordered`, the same documents in the same order with some
    of them changed, by making again only what their words are in: their postings, those
    words' entries and the shards that hold them. False, `state` untouched, when the documents
    are others (one added, removed or moved) or too many changed: then it is made anew.

    The result is the index `IndexState.build(ordered)` makes, to the byte. A word's scores
    read only its own postings, the number of documents and the average length (in whole
    words); when an edit moves that average, every entry is made again."""
    if len(state.documents) != len(ordered) or tuple((r.kind, r.url) for r in ordered) \
            != state.order:
        return False  # other documents, or an index made without them (not previewing)
    documents = [_document(record) for record in ordered]
    changed = [doc for doc, (new, old) in enumerate(zip(documents, state.documents, strict=True))
               if new is not old]
    if len(changed) > MOST_CHANGED * len(ordered):
        return False
    postings, affected = state.postings, set()
    # (doc, old document, new document, old norm), before the postings change.
    changes = [(doc, state.documents[doc], documents[doc], postings.norms[doc]) for doc in changed]
    for doc, old, new, _ in changes:
        _withdraw(postings, doc, old)
        _add(postings, doc, new)
        affected |= _entry_terms(old.folded, old.exact) | _entry_terms(new.folded, new.exact)
        postings.lengths[doc] = new.length
    state.documents = documents
    average = average_length(postings.lengths)
    if average != postings.average:
        postings.average = average
        postings.norms = [_norm(length, average) for length in postings.lengths]
        affected |= _entry_terms(postings.folded, postings.exact)
    else:
        for doc in changed:
            postings.norms[doc] = _norm(postings.lengths[doc], average)
        affected = {term for term in affected if not _entry_unchanged(state, term, changes)}
    state.encode(affected)
    folds = postings.folds
    for term in affected:
        members = state.groups[_group(term, folds)]
        if term in state.entries:
            members.add(term)
        else:
            members.discard(term)
    state.shard({_group(term, folds) for term in affected})
    return True


def preview_index(
    records: Iterable[SearchRecord], synonyms: Sequence[Sequence[str]] = ()
) -> list[OutputFile]:
    """`build_index` while previewing: the index is held in this process between rebuilds and
    updated for the documents that changed (`update_index`), so a saved article costs the
    shards of its own words, not a worker that scores the whole site again."""
    ordered = _ordered(records)
    kept = table("search-index")
    state = kept.get("state") if kept is not None else None
    try:
        if state is None or not update_index(state, ordered):
            state = IndexState.build(ordered, held=kept is not None)
    except BaseException:
        if kept is not None:
            kept.pop("state", None)  # half updated: made anew next time
        raise
    if kept is not None:
        kept["state"] = state
    return state.files(ordered, synonyms)


def _ordered(records: Iterable[SearchRecord]) -> list[SearchRecord]:
    return sorted(records, key=lambda r: (r.kind, r.url))


def build_index(
    records: Iterable[SearchRecord], synonyms: Sequence[Sequence[str]] = ()
) -> list[OutputFile]:
    """The index files for `records` and the synonym groups (lists of equivalent phrases), in
    a stable order (same records, same bytes)."""
    ordered = _ordered(records)
    return IndexState.build(ordered).files(ordered, synonyms)
