"""Search: Vietnamese words folded alike in Python and the browser, small chunked index."""

from __future__ import annotations

import heapq
import json
import random
from pathlib import Path

import pytest

from generators.core import preview_memory
from generators.search.index import POSTINGS_CAP, build_index, preview_index
from generators.search.index import _best as best_postings
from generators.search.records import SearchRecord, plain_text
from generators.search.tokens import folded, has_marks, joined_numbers, normal, tokens

# The table the browser test runs through cchc-search.js too: one folding, two languages.
FOLDING = json.loads((Path(__file__).parent / "search_folding.json").read_text(encoding="utf-8"))


def records() -> list[SearchRecord]:
    return [
        SearchRecord("a/", "tin", "Đường dây nóng", "Số điện thoại đường dây nóng của Sở"),
        SearchRecord("b/", "tin", "Đăng ký đất đai", "Thủ tục đăng ký đất đai lần đầu"),
        SearchRecord("c/", "tin", "Đặt lịch hẹn", "Đặt lịch hẹn trực tuyến tại một cửa"),
        SearchRecord("d/", "van-ban", "Nghị quyết 76/NQ-CP", "Chương trình tổng thể CCHC",
                     keywords=("76/NQ-CP",)),
    ]


def files_of(recs: list[SearchRecord]) -> dict[str, object]:
    return {f.path: json.loads(f.content) for f in build_index(recs)}


def test_words_are_split_on_anything_but_letters_and_digits() -> None:
    assert tokens("Thủ tục 1.004227 (76/NQ-CP)") == ["thủ", "tục", "1", "004227", "76", "nq", "cp"]
    assert tokens("THỦ TỤC") == ["thủ", "tục"]


@pytest.mark.parametrize(
    ("word", "fold"),
    [("đường", "duong"), ("đất", "dat"), ("đặt", "dat"), ("giấy", "giay"), ("ưu", "uu"),
     ("1163", "1163")],
)
def test_folding_removes_tones_marks_and_the_d_stroke(word: str, fold: str) -> None:
    assert folded(word) == fold
    assert has_marks(word) == (word != fold)


@pytest.mark.parametrize(("word", "normal_form", "fold"), FOLDING["forms"],
                         ids=[w for w, _, _ in FOLDING["forms"]])
def test_normal_and_folded_forms_follow_the_shared_table(
    word: str, normal_form: str, fold: str
) -> None:
    [token] = tokens(word)
    assert (normal(token), folded(token)) == (normal_form, fold)


@pytest.mark.parametrize(("one", "other"), FOLDING["same"], ids="/".join)
def test_spelling_variants_are_one_word(one: str, other: str) -> None:
    assert normal(one) == normal(other)
    assert folded(one) == folded(other)


@pytest.mark.parametrize(("one", "other"), FOLDING["different"], ids="/".join)
def test_different_words_stay_apart_when_typed_with_diacritics(one: str, other: str) -> None:
    assert normal(one) != normal(other)


def test_dotted_numbers_are_also_found_joined() -> None:
    assert joined_numbers("Mã 1.004227, nhiệm vụ 2.11; 80,36 điểm") == ["1004227", "211"]
    index = files_of([SearchRecord("t/", "thu-tuc", "Đổi giấy phép", "", keywords=("1.004227",))])
    assert "1004227" in index["tim-kiem/index/t/100.json"]


def test_words_in_a_title_are_flagged_by_an_odd_score() -> None:
    index = files_of([SearchRecord("a/", "tin", "Đăng ký xe", "xe máy"),
                      SearchRecord("b/", "tin", "Lịch tiếp dân", "đăng ký xe")])
    scores = index["tim-kiem/index/t/xe.json"]["xe"][1::2]
    assert [score % 2 for score in scores] == [1, 0]


def test_folded_and_exact_forms_share_a_shard() -> None:
    index = files_of(records())
    shard = index["tim-kiem/index/t/dat.json"]
    assert set(shard) == {"dat", f"={normal('đất')}", f"={normal('đặt')}"}
    manifest = index["tim-kiem/index/manifest.json"]
    assert manifest["count"] == 4 and "dat" in manifest["keys"]


def test_postings_are_delta_encoded_document_numbers_with_scores() -> None:
    index = files_of(records())
    postings = index["tim-kiem/index/t/dat.json"]["dat"]
    docs, total = [], 0
    for delta in postings[::2]:
        total += delta
        docs.append(total)
    chunk = index["tim-kiem/index/d/0.json"]
    assert {chunk[d][0] for d in docs} == {"b/", "c/"}
    assert all(score > 0 for score in postings[1::2])


def test_titles_and_keywords_outweigh_body_text() -> None:
    recs = [
        SearchRecord("x/", "tin", "Lịch tiếp dân", "Không có từ khóa trong tiêu đề: dây nóng"),
        SearchRecord("y/", "tin", "Đường dây nóng", "Nội dung khác"),
    ]
    index = files_of(recs)
    chunk = index["tim-kiem/index/d/0.json"]
    postings = index["tim-kiem/index/t/non.json"]["nong"]
    by_url = {}
    doc = 0
    for delta, score in zip(postings[::2], postings[1::2], strict=True):
        doc += delta
        by_url[chunk[doc][0]] = score
    assert by_url["y/"] > by_url["x/"]


def test_common_words_keep_only_their_best_postings() -> None:
    many = [SearchRecord(f"p{n}/", "tin", f"Bài {n}", "cải cách hành chính") for n in range(900)]
    index = files_of(many)
    postings = index["tim-kiem/index/t/cai.json"]["cai"]
    # A cut list says how many pages hold the word: the browser reads "and other pages".
    assert postings[0] == -900 and len(postings) == 1 + 2 * POSTINGS_CAP
    assert len(index["tim-kiem/index/t/5.json"]["5"]) == 2  # «Bài 5»: one page, an uncut list
    # All 900 score alike: the tie goes to the first documents, in the index's order.
    deltas = postings[1::2]  # after the count: [doc delta, score, doc delta, score, …]
    assert deltas == [0] + [1] * (POSTINGS_CAP - 1)


def test_the_best_postings_are_the_highest_scores_ties_to_the_lower_document() -> None:
    rng = random.Random(14)
    for size in (POSTINGS_CAP + 1, 2 * POSTINGS_CAP, 5 * POSTINGS_CAP):
        # Few distinct scores, so that the cut falls inside a run of equal ones.
        postings = {doc: rng.choice((0.5, 1.25, 2.0, 3.5)) for doc in rng.sample(range(9999), size)}
        rule = heapq.nsmallest(POSTINGS_CAP, postings.items(), key=lambda p: (-p[1], p[0]))
        assert best_postings(postings) == dict(rule)


def test_big_shards_are_split_by_longer_prefixes() -> None:
    words = [f"thu{chr(97 + a)}{chr(97 + b)}" for a in range(26) for b in range(26)]
    recs = [SearchRecord(f"p{n}/", "tin", w, " ".join(words[n::7])) for n, w in
            enumerate(words[:300])]
    keys = files_of(recs)["tim-kiem/index/manifest.json"]["keys"]
    assert any(len(k) > 3 and k.startswith("thu") for k in keys)


def test_same_records_give_the_same_bytes() -> None:
    first = [(f.path, f.content) for f in build_index(records())]
    second = [(f.path, f.content) for f in build_index(list(reversed(records())))]
    assert first == second


def test_the_previews_held_documents_give_the_same_bytes() -> None:
    """Between preview rebuilds each record's words are counted once (preview_memory.py)."""
    records = [SearchRecord(f"tin/{n}/", "tin", f"Tin số {n} về giấy phép lái xe",
                            "Đổi giấy phép lái xe trực tuyến. " * n, names=(f"1.00{n}",))
               for n in range(1, 30)]
    expected = [(f.path, f.content) for f in build_index(records)]
    preview_memory.keep_in_memory()
    try:
        first = [(f.path, f.content) for f in build_index(records)]
        changed = [*records[:-1], SearchRecord("tin/29/", "tin", "Tin khác", "Văn bản khác")]
        build_index(changed)
        again = [(f.path, f.content) for f in build_index(records)]
        held = preview_memory.table("search-documents")
        assert held is not None and len(held) == 30
    finally:
        preview_memory.keep_in_memory(False)
    assert first == expected and again == expected


def _synthetic(count: int, rng: random.Random) -> list[SearchRecord]:
    """Records over a small vocabulary, so that common words hold more than POSTINGS_CAP
    documents; every fifth a procedure (pinned in its title's words)."""
    words = ["thủ", "tục", "hành", "chính", "giấy", "phép", "lái", "xe", "đất", "đai", "cấp",
             "đổi", "trực", "tuyến", "một", "cửa", "hồ", "sơ", "lệ", "phí", "1.004227", "hòa",
             "hoà", "thuỷ", "lợi", "kỹ", "thuật"]
    def text() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(3, 40)))
    return [SearchRecord(f"r/{n}/", "thu-tuc" if n % 5 == 0 else "tin", text()[:40], text(),
                         names=(f"1.00{n}",) if n % 5 == 0 else ())
            for n in range(count)]


def _index_bytes(files: list) -> list[tuple[str, bytes]]:
    return [(f.path, f.content) for f in files]


def test_the_previews_updated_index_is_the_index_made_anew() -> None:
    """While previewing, the index held is updated for the records that changed (their words'
    entries, the shards holding them): after every edit it is, byte for byte, the index a
    build makes of the same records, including edits that move the average length, change a
    title, or change a word in more than POSTINGS_CAP documents."""
    rng = random.Random(2026)
    records = _synthetic(POSTINGS_CAP + 150, rng)
    preview_memory.keep_in_memory()
    try:
        assert _index_bytes(preview_index(records)) == _index_bytes(build_index(records))
        state = preview_memory.table("search-index")["state"]
        for step in range(40):
            changed = list(records)
            for _ in range(rng.choice((1, 1, 2, 5))):
                at = rng.randrange(len(changed))
                old = changed[at]
                title = old.title if rng.random() < 0.7 else old.title + " đổi giấy phép"
                text = (old.text + " lái xe" * rng.choice((1, 1, 300))) if rng.random() < 0.7 \
                    else " ".join(old.text.split()[1:])
                changed[at] = SearchRecord(old.url, old.kind, title, text, names=old.names)
            records = changed
            assert _index_bytes(preview_index(records)) == _index_bytes(build_index(records)), step
            assert preview_memory.table("search-index")["state"] is state, "updated, not made anew"
        added = [*records, SearchRecord("r/moi/", "tin", "Tin mới", "giấy phép lái xe")]
        assert _index_bytes(preview_index(added)) == _index_bytes(build_index(added))
        assert preview_memory.table("search-index")["state"] is not state, "another document"
    finally:
        preview_memory.keep_in_memory(False)


def test_outside_the_preview_no_index_is_held() -> None:
    assert _index_bytes(preview_index(records())) == _index_bytes(build_index(records()))
    assert preview_memory.table("search-index") is None


def test_markdown_is_reduced_to_words() -> None:
    text = plain_text("## Kết quả\n\n- **Đã** [xem](a.md) ![ảnh](b.jpg) <b>thẻ</b>")
    assert text == "Kết quả - Đã xem thẻ"


def test_an_accented_word_is_a_title_word_only_in_its_own_spelling() -> None:
    index = files_of([SearchRecord("a/", "thu-tuc", "Đổi giấy phép lái xe", "cấp lại khi mất")])
    shard = index["tim-kiem/index/t/lai.json"]
    assert shard[f"={normal('lái')}"][1] % 2 == 1  # «lái» is in the title
    assert shard[f"={normal('lại')}"][1] % 2 == 0  # «lại» only in the text


def test_a_procedure_keeps_its_title_words_among_many_articles() -> None:
    articles = [SearchRecord(f"t{n}/", "tin", f"Cấp đổi giấy phép lái xe {n}", "giấy phép lái xe")
                for n in range(POSTINGS_CAP + 50)]
    long_text = "Đổi giấy phép lái xe " + "hồ sơ " * 200
    procedure = SearchRecord("thu-tuc/doi/", "thu-tuc", "Đổi giấy phép lái xe", long_text)
    index = files_of([*articles, procedure])
    chunks = [v for k, v in index.items() if k.startswith("tim-kiem/index/d/")]
    procedure_doc = next(n * 4 + i for n in range(len(chunks))
                         for i, row in enumerate(index[f"tim-kiem/index/d/{n}.json"])
                         if row[0] == "thu-tuc/doi/")
    postings = index["tim-kiem/index/t/xe.json"]["xe"]
    assert postings[0] == -(POSTINGS_CAP + 51)  # cut: more pages hold «xe» than it lists
    docs, doc = [], 0
    for delta in postings[1::2]:
        doc += delta
        docs.append(doc)
    assert procedure_doc in docs
