/* Search for the CCHC portal. Downloads only what a query needs: the manifest, the index
   shards of its words, and the result metadata it shows. Words are folded like the build does
   (generators/search/tokens.py): NFC, lower case, marks removed, đ → d. */
(function () {
  "use strict";
  var form = document.querySelector("[data-cchc-search]");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var input = form.querySelector("[name=q]");
  var kindSelect = form.querySelector("[name=loai]");
  var status = document.querySelector("[data-cchc-search-status]");
  var list = document.querySelector("[data-cchc-search-results]");
  var loaded = {};
  var PAGE = 10;
  var more = document.querySelector("[data-cchc-search-more]");
  var pending = null;

  function get(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return loaded[path];
  }
  function words(text) {
    return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }
  function fold(word) {
    return word.replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }
  function keyFor(term, keys) {
    for (var n = Math.min(term.length, 6); n > 0; n--) {
      if (keys.has(term.slice(0, n))) return term.slice(0, n);
    }
    return null;
  }
  function decode(flat) {
    var map = new Map(), doc = 0;
    for (var i = 0; flat && i < flat.length; i += 2) { doc += flat[i]; map.set(doc, flat[i + 1]); }
    return map;
  }
  function say(text) { status.textContent = text; }

  function postings(word, manifest, keys) {
    var term = fold(word);
    var key = keyFor(term, keys);
    if (!key) return Promise.resolve({ all: new Map(), exact: null });
    return get("t/" + key + ".json").then(function (shard) {
      return { all: decode(shard[term]), exact: term !== word ? decode(shard["=" + word]) : null };
    });
  }

  function highlight(element, text, folded) {
    var pattern = /[\p{L}\p{N}]+/gu, last = 0, match;
    while ((match = pattern.exec(text))) {
      if (folded.has(fold(match[0].toLowerCase()))) {
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

  function render(manifest, hits, docs, folded) {
    hits.forEach(function (hit, i) {
      var d = docs[i];
      var li = document.createElement("li");
      li.className = "cchc-result";
      var kind = document.createElement("span");
      kind.className = "cchc-result__kind";
      kind.textContent = manifest.kinds[d[1]][1];
      var title = document.createElement("a");
      title.className = "cchc-result__title";
      title.href = root + d[0];
      highlight(title, d[2], folded);
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
      highlight(excerpt, d[4], folded);
      li.appendChild(excerpt);
      list.appendChild(li);
    });
  }

  /* Result details are fetched ten at a time: a first query downloads only what it shows. */
  function showMore() {
    var next = pending.hits.slice(pending.shown, pending.shown + PAGE);
    var manifest = pending.manifest;
    return Promise.all(next.map(function (h) {
      return get("d/" + Math.floor(h.doc / manifest.chunk) + ".json").then(function (c) {
        return c[h.doc % manifest.chunk];
      });
    })).then(function (docs) {
      render(manifest, next, docs, pending.folded);
      pending.shown += next.length;
      more.hidden = pending.shown >= pending.hits.length;
    });
  }

  function search(query, kind) {
    var typed = Array.from(new Set(words(query)));
    list.textContent = "";
    more.hidden = true;
    if (!typed.length) { say(""); return; }
    say("Đang tìm…");
    get("manifest.json").then(function (manifest) {
      var keys = new Set(manifest.keys);
      var kindIndex = manifest.kinds.findIndex(function (k) { return k[0] === kind; });
      return Promise.all(typed.map(function (w) { return postings(w, manifest, keys); }))
        .then(function (found) {
          var candidates = found[0].all, hits = [];
          candidates.forEach(function (_, doc) {
            if (kindIndex >= 0 && manifest.docKinds.charCodeAt(doc) - 48 !== kindIndex) return;
            var score = 0, exact = 0;
            for (var i = 0; i < found.length; i++) {
              var s = found[i].all.get(doc);
              if (s === undefined) return;
              score += s;
              var e = found[i].exact && found[i].exact.get(doc);
              if (e) { exact += 1; score += e; }
            }
            hits.push({ doc: doc, score: score, exact: exact });
          });
          hits.sort(function (a, b) { return b.exact - a.exact || b.score - a.score || a.doc - b.doc; });
          pending = { manifest: manifest, hits: hits, shown: 0, folded: new Set(typed.map(fold)) };
          return showMore().then(function () {
            say(hits.length ? "Tìm thấy " + hits.length + " kết quả cho «" + query + "»."
              : "Không tìm thấy kết quả nào cho «" + query + "». Hãy thử từ khóa khác, có dấu hoặc không dấu.");
          });
        });
    }).catch(function () { say("Không tải được dữ liệu tìm kiếm. Hãy thử lại."); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    params.set("q", input.value);
    if (kindSelect.value) params.set("loai", kindSelect.value);
    history.replaceState(null, "", "?" + params.toString());
    search(input.value, kindSelect.value);
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
