/* Search for the CCHC portal. Downloads only what a query needs: the manifest, the synonym
   list, the index shards of its words, and the result metadata it shows. Words are made one
   like the build does (generators/search/tokens.py, tested on the same table): NFC, lower
   case; the tone taken off and written as a digit, a lone y after a consonant written i (the
   "normal" form); then every mark removed and đ → d (the folded form).

   A query is cut into slots: a word, a phrase of the synonym list (any phrase of its group will
   do), or a phrase naming a type («thủ tục»: a procedure counts as holding it). Question words
   («tôi», «gì») only add to the score. The last word also matches as the beginning of a longer
   word, at half weight, so results come while typing. Shown: the pages missing the fewest
   slots (one more miss allowed every three slots), ordered by how much of the query they hold
   (slots weighted by idf), then words found as typed, then a title holding the whole query
   (the type the query names, else procedures, first), then the BM25 score. A word so common
   that the index lists only its best pages ("cut" list) is not counted as missing elsewhere.
   README «Search» explains the whole design. */
(function () {
  "use strict";
  var TONES = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  var LONE_Y = /^(b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;
  var DOTTED = /\d+(?:\.\d+)+/g;

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }
  function parts(word) {
    var tones = "", base = "";
    Array.from(word.normalize("NFD")).forEach(function (ch) {
      if (TONES[ch]) tones += TONES[ch]; else base += ch;
    });
    base = base.normalize("NFC");
    if (LONE_Y.test(base)) base = base.slice(0, -1) + "i";
    return [base, tones];
  }
  function normal(word) { var p = parts(word); return p[0] + p[1]; }
  function fold(word) {
    return parts(word)[0].replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "")
      .normalize("NFC").toLowerCase();
  }
  function joinDots(text) { return text.replace(DOTTED, function (m) { return m.replace(/\./g, ""); }); }
  function term(word) {
    var f = fold(word), n = normal(word);
    return { word: word, fold: f, normal: n, marked: f !== n };
  }
  window.cchcSearch = { words: words, normal: normal, fold: fold };

  var form = document.querySelector("[data-cchc-search]");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var input = form.querySelector("[name=q]");
  var kindSelect = form.querySelector("[name=loai]");
  var status = document.querySelector("[data-cchc-search-status]");
  var list = document.querySelector("[data-cchc-search-results]");
  var more = document.querySelector("[data-cchc-search-more]");
  var loaded = {};
  var PAGE = 10, PREFIX_WEIGHT = 0.5, PREFIX_SHARDS = 3, LONG_QUERY = 3;
  var pending = null, current = 0, typing = null;

  function get(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return loaded[path];
  }
  function say(text) { status.textContent = text; }

  /* Phrases of the synonym list and of the type names, by their first folded word. */
  function phraseBook(manifest, groups) {
    var book = new Map();
    function add(text, alts, kind, label) {
      var ts = words(text).map(term);
      if (!ts.length) return;
      var first = ts[0].fold;
      if (!book.has(first)) book.set(first, []);
      book.get(first).push({ terms: ts, alts: alts, kind: kind, label: label });
    }
    groups.forEach(function (group) {
      var alts = group.map(function (p) { return words(joinDots(p)).map(term); });
      group.forEach(function (phrase) { add(phrase, alts, -1, group); });
    });
    manifest.kindWords.forEach(function (k) { add(k[1], [], k[0], null); });
    return book;
  }
  function matches(phrase, typed, at) {
    if (at + phrase.terms.length > typed.length) return false;
    return phrase.terms.every(function (t, j) {
      var w = typed[at + j];
      return w.marked ? w.normal === t.normal : w.fold === t.fold;
    });
  }

  /* The query as slots: each holds alternatives (lists of terms), kinds, typed terms. The first
     alternative is what was typed, looked up folded; a synonym is looked up as the editors
     wrote it (with its diacritics: «cấp lại» is not «cấp lái»). */
  function slotsOf(query, book, optional) {
    var typed = words(joinDots(query)).map(term), slots = [], seen = new Set(), i = 0;
    while (i < typed.length) {
      var found = [], length = 0;
      (book.get(typed[i].fold) || []).forEach(function (p) {
        if (!matches(p, typed, i) || p.terms.length < length) return;
        if (p.terms.length > length) { found = []; length = p.terms.length; }
        found.push(p);
      });
      var slot = { typed: typed.slice(i, i + Math.max(length, 1)), alts: [], kinds: new Set(),
                   also: [] };
      slot.alts.push(slot.typed.map(function (t) { return { fold: t.fold, normal: t.fold, marked: false }; }));
      if (found.length) {
        var keys = new Set([slot.typed.map(function (t) { return t.fold; }).join(" ")]);
        found.forEach(function (p) {
          p.alts.forEach(function (a) {
            var k = a.map(function (t) { return t.fold; }).join(" ");
            if (!keys.has(k)) { keys.add(k); slot.alts.push(a); }
          });
          if (p.kind >= 0) slot.kinds.add(p.kind);
          if (p.label) p.label.forEach(function (l) { if (slot.also.indexOf(l) < 0) slot.also.push(l); });
        });
        i += length;
      } else {
        slot.optional = (optional.get(typed[i].fold) || []).some(function (t) {
          return typed[i].marked ? typed[i].normal === t.normal : true;
        });
        i += 1;
      }
      var key = slot.alts.map(function (a) {
        return a.map(function (t) { return t.normal; }).join(" ");
      }).sort().join("|");
      if (!seen.has(key)) { seen.add(key); slots.push(slot); }
    }
    /* A query of question words only («là gì») is taken word by word like any other; one of
       type names only («pa nô áp phích») too: they name a type only beside other words. */
    if (slots.every(function (s) { return s.optional; })) {
      slots.forEach(function (s) { s.optional = false; });
    }
    if (slots.every(function (s) { return s.kinds.size > 0; })) {
      slots.forEach(function (s) { s.kinds = new Set(); });
    }
    return slots;
  }
  function optionalWords(manifest) {
    var map = new Map();
    (manifest.optional || []).forEach(function (w) {
      var t = term(w);
      if (!map.has(t.fold)) map.set(t.fold, []);
      map.get(t.fold).push(t);
    });
    return map;
  }

  function keyFor(word, keys) {
    for (var n = Math.min(word.length, 6); n > 0; n--) {
      if (keys.has(word.slice(0, n))) return word.slice(0, n);
    }
    return null;
  }
  /* Postings: [doc delta, score, …], after minus the number of pages when the list is cut. */
  function decode(flat) {
    var map = new Map(), doc = 0, start = flat && flat.length % 2 ? 1 : 0;
    for (var i = start; flat && i < flat.length; i += 2) { doc += flat[i]; map.set(doc, flat[i + 1]); }
    map.pages = start ? -flat[0] : map.size;
    map.capped = start === 1;
    return map;
  }

  /* Fetch the shards the slots need; give each alternative word its postings. */
  function lookUp(slots, manifest) {
    var keys = new Set(manifest.keys), needed = new Set();
    slots.forEach(function (slot) {
      slot.alts.forEach(function (alt) {
        alt.forEach(function (t) { var k = keyFor(t.fold, keys); if (k) needed.add(k); });
      });
    });
    var last = slots[slots.length - 1], prefix = null;
    if (last.typed.length === 1 && last.alts.length === 1 && last.typed[0].fold.length >= 2) {
      prefix = last.typed[0].fold;
      var own = keyFor(prefix, keys);
      var longer = manifest.keys.filter(function (k) { return k !== own && k.indexOf(prefix) === 0; });
      last.prefixKeys = (own ? [own] : []).concat(longer.length <= PREFIX_SHARDS ? longer : []);
      last.prefixKeys.forEach(function (k) { needed.add(k); });
    }
    var shards = {};
    return Promise.all(Array.from(needed).map(function (k) {
      return get("t/" + k + ".json").then(function (s) { shards[k] = s; });
    })).then(function () {
      function postings(t) {
        var k = keyFor(t.fold, keys), flat = k && shards[k][t.marked ? "=" + t.normal : t.fold];
        var map = decode(flat);
        return { map: map, capped: map.capped };
      }
      slots.forEach(function (slot) {
        slot.lists = slot.alts.map(function (alt) { return alt.map(postings); });
        /* How telling the slot is: pages holding it, at most, as BM25's idf counts them. */
        var df = 0, exactSize = {};
        slot.typed.forEach(function (t) {
          var k = keyFor(t.fold, keys);
          if (t.marked) exactSize[t.fold] = decode(k && shards[k]["=" + t.normal]).pages;
        });
        slot.lists.forEach(function (alt, a) {
          df += Math.min.apply(null, alt.map(function (p, j) {
            var typed = a === 0 && slot.typed[j];  /* typed with diacritics: count those pages */
            return typed && typed.marked ? exactSize[typed.fold] : p.map.pages;
          }));
        });
        slot.weight = Math.log(1 + manifest.count / (Math.min(df, manifest.count) + 1));
        slot.asTyped = slot.alts.map(function (_, a) { return a === 0; });
        slot.exactByWord = slot.typed.map(function (t) {
          var k = keyFor(t.fold, keys);
          return t.marked ? decode(k && shards[k]["=" + t.normal]) : null;
        });
        slot.exact = slot.exactByWord.filter(Boolean);
        slot.prefix = [];
        (slot.prefixKeys || []).forEach(function (k) {
          Object.keys(shards[k]).forEach(function (t) {
            if (t !== prefix && t.charAt(0) !== "=" && t.indexOf(prefix) === 0) {
              slot.prefix.push(decode(shards[k][t]));
            }
          });
        });
      });
      return slots;
    });
  }

  function score(v) { return (v >> 1) / 50; }

  /* How one document answers the query, or null when it holds none of its words. */
  function judge(doc, kind, slots) {
    var r = { doc: doc, matched: 0, cover: 0, misses: 0, exact: 0, score: 0, titled: true };
    slots.forEach(function (slot) {
      var state = "miss", best = 0, titled = false, part = 0, synonym = false;
      slot.lists.forEach(function (alt, a) {
        var sum = 0, present = 0, maybe = slot.asTyped[a], inTitle = true;
        alt.forEach(function (p, j) {
          var v = p.map.get(doc);
          if (v === undefined) { inTitle = false; if (!p.capped) maybe = false; return; }
          present += 1;
          sum += score(v);
          /* A word typed with diacritics is in the title only in that spelling (the index
             keeps every title posting but those of news, so not found means not there). */
          var exact = a === 0 && slot.exactByWord[j], e = exact && exact.get(doc);
          if (exact) v = e === undefined ? 0 : e;
          inTitle = inTitle && (v & 1) === 1;
        });
        if (present === alt.length) {
          if (!slot.asTyped[a]) synonym = true;
          if (state !== "match" || sum > best) best = sum;
          if (inTitle) titled = true;
          state = "match";
        } else if (maybe && state !== "match") {
          /* Some words typed are here, the others too common for the index to list every
             page. A synonym counts only where all its words are. */
          state = "maybe";
          part = Math.max(part, present / alt.length);
          best = Math.max(best, sum);
        }
      });
      if (state !== "match") {
        slot.prefix.forEach(function (map) {
          var v = map.get(doc);
          if (v === undefined) return;
          if (state !== "prefix" || score(v) * PREFIX_WEIGHT > best) best = score(v) * PREFIX_WEIGHT;
          if (v & 1) titled = true;
          state = "prefix";
        });
      }
      var named = slot.kinds.has(kind); /* «thủ tục» names what a procedure is */
      if (named) { state = "match"; titled = true; }
      r.score += best;
      if (slot.optional) {
        slot.exact.forEach(function (map) { var v = map.get(doc); if (v !== undefined) r.score += score(v); });
        return;
      }
      var credit = state === "match" ? 1 : state === "prefix" ? PREFIX_WEIGHT : state === "maybe" ? part : 0;
      if (state === "match" && !named && !synonym && slot.exact.length) {
        /* Typed with diacritics, found only without («quân» in «cơ quan»): half a match. A
           word so common its exact list is cut is given the benefit of the doubt. */
        var loose = slot.exact.filter(function (map) { return !map.has(doc) && !map.capped; }).length;
        credit -= 0.5 * loose / slot.typed.length;
      }
      r.matched += credit;
      r.cover += credit * slot.weight;
      if (state === "miss") r.misses += 1;
      r.titled = r.titled && titled && (state === "match" || state === "prefix");
      /* A synonym or a type name holds the words as the editors wrote them: exact. */
      slot.exact.forEach(function (map) {
        var v = map.get(doc);
        if (v !== undefined) { r.exact += 1; r.score += score(v); } else if (named || synonym || (map.capped && state === "match")) { r.exact += 1; }
      });
    });
    return r.matched > 0 ? r : null;
  }

  function rank(slots, manifest, kindIndex) {
    var candidates = new Set();
    slots.forEach(function (slot) {
      slot.lists.forEach(function (alt) { alt.forEach(function (p) { p.map.forEach(function (_, d) { candidates.add(d); }); }); });
      slot.prefix.forEach(function (map) { map.forEach(function (_, d) { candidates.add(d); }); });
    });
    var named = new Set();
    slots.forEach(function (slot) { slot.kinds.forEach(function (k) { named.add(k); }); });
    var procedure = manifest.kinds.findIndex(function (k) { return k[0] === "thu-tuc"; });
    var hits = [], fewest = Infinity;
    candidates.forEach(function (doc) {
      var kind = manifest.docKinds.charCodeAt(doc) - 48;
      if (kindIndex >= 0 && kind !== kindIndex) return;
      var r = judge(doc, kind, slots);
      if (!r) return;
      r.type = !r.titled ? 0 : (named.size ? named.has(kind) : kind === procedure) ? 2 : 1;
      fewest = Math.min(fewest, r.misses);
      hits.push(r);
    });
    /* A long query may hold words no good page has: one more miss is allowed every three
       words, and pages holding the more telling words come first. */
    var counted = slots.filter(function (s) { return !s.optional; });
    var slack = Math.floor(counted.length / LONG_QUERY);
    hits = hits.filter(function (h) { return h.misses <= fewest + slack; });
    hits.sort(function (a, b) {
      return b.cover - a.cover || b.exact - a.exact || b.type - a.type ||
        b.score - a.score || a.doc - b.doc;
    });
    return { hits: hits, partial: fewest > 0 && fewest !== Infinity };
  }

  function highlight(element, text, folded, prefix) {
    var pattern = /[\p{L}\p{N}]+/gu, last = 0, match;
    while ((match = pattern.exec(text))) {
      var f = fold(match[0].toLowerCase());
      if (folded.has(f) || (prefix && f.indexOf(prefix) === 0)) {
        element.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        element.appendChild(mark);
        last = match.index + match[0].length;
      }
    }
    element.appendChild(document.createTextNode(text.slice(last)));
  }

  function shortDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? p[2] + "/" + p[1] + "/" + p[0] : "";
  }

  function render(manifest, docs, marks) {
    docs.forEach(function (d) {
      var li = document.createElement("li");
      li.className = "cchc-result";
      var kind = document.createElement("span");
      kind.className = "cchc-result__kind";
      kind.textContent = manifest.kinds[d[1]][1];
      var title = document.createElement("a");
      title.className = "cchc-result__title";
      title.href = root + d[0];
      highlight(title, d[2], marks.words, marks.prefix);
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(title);
      if (d[3]) {
        var time = document.createElement("time");
        time.dateTime = d[3];
        time.className = "cchc-result__date";
        time.textContent = shortDate(d[3]);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(time);
      }
      var excerpt = document.createElement("p");
      excerpt.className = "cchc-result__excerpt";
      highlight(excerpt, d[4], marks.words, marks.prefix);
      li.appendChild(excerpt);
      list.appendChild(li);
    });
  }

  /* Result details are fetched ten at a time: a first query downloads only what it shows. */
  function showMore() {
    var state = pending;
    var next = state.hits.slice(state.shown, state.shown + PAGE);
    var manifest = state.manifest;
    return Promise.all(next.map(function (h) {
      return get("d/" + Math.floor(h.doc / manifest.chunk) + ".json").then(function (c) {
        return c[h.doc % manifest.chunk];
      });
    })).then(function (docs) {
      if (state !== pending) return;
      render(manifest, docs, state.marks);
      state.shown += next.length;
      more.hidden = state.shown >= state.hits.length;
    });
  }

  function search(query, kind) {
    var seq = ++current;
    list.textContent = "";
    more.hidden = true;
    pending = null;
    if (!words(query).length) { say(""); return Promise.resolve(); }
    say("Đang tìm…");
    return Promise.all([get("manifest.json"), get("tu-dong-nghia.json").catch(function () { return []; })])
      .then(function (got) {
        var manifest = got[0];
        var slots = slotsOf(query, phraseBook(manifest, got[1]), optionalWords(manifest));
        var kindIndex = manifest.kinds.findIndex(function (k) { return k[0] === kind; });
        return lookUp(slots, manifest).then(function () {
          if (seq !== current) return;
          var ranked = rank(slots, manifest, kindIndex), hits = ranked.hits;
          var marks = { words: new Set(), prefix: null };
          slots.forEach(function (s) {
            s.alts.forEach(function (a) { a.forEach(function (t) { marks.words.add(t.fold); }); });
            if (s.prefixKeys && s.prefix.length) marks.prefix = s.typed[0].fold;
          });
          var also = [];
          slots.forEach(function (s) {
            s.also.forEach(function (l) {
              if (words(l).map(fold).join(" ") !== s.typed.map(function (t) { return t.fold; }).join(" ")) also.push(l);
            });
          });
          pending = { manifest: manifest, hits: hits, shown: 0, marks: marks };
          return showMore().then(function () {
            if (seq !== current) return;
            var extra = also.length ? " Tìm cả: " + also.join(", ") + "." : "";
            if (!hits.length) {
              say("Không tìm thấy kết quả nào cho «" + query + "». Hãy thử từ khóa khác, có dấu hoặc không dấu.");
            } else if (ranked.partial) {
              say("Không có trang nào chứa đủ các từ «" + query + "»; " + hits.length +
                " kết quả chứa nhiều từ nhất." + extra);
            } else {
              say("Tìm thấy " + hits.length + " kết quả cho «" + query + "»." + extra);
            }
          });
        });
      }).catch(function () { if (seq === current) say("Không tải được dữ liệu tìm kiếm. Hãy thử lại."); });
  }

  function remember() {
    var params = new URLSearchParams();
    params.set("q", input.value);
    if (kindSelect.value) params.set("loai", kindSelect.value);
    history.replaceState(null, "", "?" + params.toString());
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    remember();
    search(input.value, kindSelect.value);
  });
  /* Results while typing: a short pause after the last key. */
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { remember(); search(input.value, kindSelect.value); }, 300);
  });
  more.addEventListener("click", function () {
    var first = pending.shown;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  kindSelect.addEventListener("change", function () {
    if (input.value) form.requestSubmit ? form.requestSubmit() : search(input.value, kindSelect.value);
  });
  var params = new URLSearchParams(location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    kindSelect.value = params.get("loai") || "";
    search(input.value, kindSelect.value);
  }
})();
