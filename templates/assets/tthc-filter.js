/* Filter of the procedures catalogue (/thu-tuc/). Without it the page lists every field, and
   every field page lists all of its procedures; with it, one box searches the whole catalogue
   by name or code, with or without diacritics, narrowed by field, level and online level.
   Data: danh-muc.json, rows [name, path, code, field number, levels, online level, abolished]. */
(function () {
  "use strict";
  var SHOWN = 100;
  var LEVELS = { tinh: "Cấp tỉnh", huyen: "Cấp huyện", xa: "Cấp xã" };
  var ONLINE = { "toan-trinh": "toàn trình", "mot-phan": "một phần", khong: "không" };

  /* "Giấy phép lái xe" → "giay phep lai xe": tones and marks off, đ → d, as the build's fold(). */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function init() {
    var form = document.querySelector("[data-cchc-tthc-filter]");
    if (!form || form.dataset.cchcReady) return;
    form.dataset.cchcReady = "1";
    var results = document.querySelector("[data-cchc-tthc-results]");
    var browse = document.querySelector("[data-cchc-tthc-browse]");
    var base = form.dataset.base;
    var data = null;
    var loading = null;
    var timer = 0;

    function load() {
      if (!loading) {
        loading = fetch(form.dataset.src, { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (json) {
            json.procedures.forEach(function (row) { row.push(fold(row[0] + " " + row[2])); });
            data = json;
          });
      }
      return loading;
    }

    function criteria() {
      return {
        words: fold(form.elements.q.value).split(/\s+/).filter(Boolean),
        field: form.elements["linh-vuc"].value,
        level: form.elements.cap.value,
        online: form.elements["truc-tuyen"].value
      };
    }

    function matches(row, c, fieldNumber) {
      if (fieldNumber !== -1 && row[3] !== fieldNumber) return false;
      if (c.level && row[4].split(" ").indexOf(c.level) === -1) return false;
      if (c.online && row[5] !== c.online) return false;
      for (var i = 0; i < c.words.length; i++) {
        if (row[7].indexOf(c.words[i]) === -1) return false;
      }
      return true;
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function item(row) {
      var li = element("li");
      var a = element("a", "", row[0]);
      a.href = base + row[1];
      li.appendChild(a);
      var levels = row[4].split(" ").map(function (l) { return LEVELS[l]; }).join(", ");
      var meta = "Mã " + row[2] + " · " + data.fields[row[3]][0] + " · " + levels +
        " · Trực tuyến: " + ONLINE[row[5]] + (row[6] ? " · ĐÃ BÃI BỎ" : "");
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element("span", "cchc-meta", meta));
      return li;
    }

    function show() {
      var c = criteria();
      var active = c.words.length || c.field || c.level || c.online;
      results.hidden = !active;
      browse.hidden = !!active;
      remember(c);
      if (!active) return;
      var fieldNumber = -1;
      data.fields.forEach(function (f, i) { if (f[1] === c.field) fieldNumber = i; });
      var phrase = c.words.join(" ");
      var found = data.procedures.filter(function (row) { return matches(row, c, fieldNumber); });
      /* Names holding the words as typed first, then the others; abolished procedures last,
         still findable and marked. Array.sort is stable, so name order holds within a rank. */
      function rank(row) { return row[6] * 2 + (row[7].indexOf(phrase) === -1 ? 1 : 0); }
      found.sort(function (a, b) { return rank(a) - rank(b); });
      results.textContent = "";
      var heading = found.length ? "Tìm thấy " + found.length + " thủ tục" :
        "Không tìm thấy thủ tục nào; hãy thử ít từ hơn hoặc bỏ bớt điều kiện lọc.";
      results.appendChild(element("h2", "", heading));
      var list = element("ul", "cchc-tthc-list");
      found.slice(0, SHOWN).forEach(function (row) { list.appendChild(item(row)); });
      results.appendChild(list);
      if (found.length > SHOWN) {
        results.appendChild(element("p", "", "Đang hiện " + SHOWN + " thủ tục đầu tiên; gõ thêm " +
          "từ hoặc chọn lĩnh vực để thu hẹp."));
      }
    }

    /* The query lives in the address, so a search can be shared and survives "back". */
    function remember(c) {
      var params = new URLSearchParams();
      ["q", "linh-vuc", "cap", "truc-tuyen"].forEach(function (name) {
        if (form.elements[name].value) params.set(name, form.elements[name].value);
      });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    function update() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        load().then(show, function () {
          results.hidden = false;
          browse.hidden = false;
          results.textContent = "Chưa tải được danh mục để tìm kiếm; hãy xem thủ tục theo lĩnh " +
            "vực bên dưới.";
        });
      }, 80);
    }

    var initial = new URLSearchParams(location.search);
    ["q", "linh-vuc", "cap", "truc-tuyen"].forEach(function (name) {
      if (initial.get(name)) form.elements[name].value = initial.get(name);
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.hidden = false;
    if (initial.toString()) update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
