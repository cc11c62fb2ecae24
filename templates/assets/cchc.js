/* Progressive enhancements; the site works fully without them. No inline handlers (CSP). */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("[data-cchc-print]").forEach(function (button) {
      if (button.dataset.cchcReady) return;
      button.dataset.cchcReady = "1";
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-cchc-actions]").forEach(function (box) {
      box.hidden = false;
    });
    /* Copy an article's address (to paste into Zalo, a message…); shown only with a script. */
    document.querySelectorAll("[data-cchc-copy]").forEach(function (button) {
      if (button.dataset.cchcReady) return;
      button.dataset.cchcReady = "1";
      var box = button.closest("[data-cchc-copy-box]");
      var status = box && box.querySelector("[data-cchc-copy-status]");
      function say(text) { if (status) status.textContent = text; }
      button.addEventListener("click", function () {
        var url = button.dataset.cchcCopy;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(
            function () { say("Đã sao chép liên kết."); },
            function () { say("Chưa sao chép được: hãy chọn địa chỉ bên dưới và sao chép."); });
        } else {
          say("Trình duyệt không cho sao chép tự động: hãy chọn địa chỉ bên dưới và sao chép.");
        }
      });
      if (box) box.hidden = false;
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant loading re-renders the page. */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* Filtering the legal documents register by number or words, kind and issuer (issues 5, 18).
   The form is hidden until this runs, so without scripts the whole list simply shows. The
   choice is kept in the address (?q=…&loai=…&co-quan=…) so a filtered list can be shared. */
(function () {
  "use strict";
  function setUp(form) {
    if (form.dataset.cchcReady) return;
    form.dataset.cchcReady = "1";
    var table = document.getElementById(form.dataset.cchcFilter);
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-cchc-filter-key]"));
    var status = form.querySelector("[data-cchc-filter-status]");
    var text = form.querySelector("[data-cchc-filter-text]");
    /* "Thủ tục" → "thu tuc", as the search index folds: words match with or without marks. */
    function fold(value) {
      return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    }
    var rowText = rows.map(function (row) { return fold(row.textContent.replace(/\s+/g, " ")); });
    var params = new URLSearchParams(window.location.search);
    if (text && params.get(text.name)) text.value = params.get(text.name);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + wanted.replace(/"/g, "") + '"]')) {
        select.value = wanted;
      }
    });
    function apply(updateAddress) {
      var shown = 0;
      var words = text ? fold(text.value).split(/\s+/).filter(Boolean) : [];
      rows.forEach(function (row, index) {
        var visible = selects.every(function (select) {
          return !select.value || row.dataset[select.dataset.cchcFilterKey] === select.value;
        }) && words.every(function (word) { return rowText[index].indexOf(word) !== -1; });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = "Đang hiện " + shown + " trên " + rows.length + " văn bản.";
      if (updateAddress && window.history && window.history.replaceState) {
        var query = new URLSearchParams();
        if (text && text.value.trim()) query.set(text.name, text.value.trim());
        selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      }
    }
    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(true); });
    });
    if (text) text.addEventListener("input", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  }
  function init() {
    document.querySelectorAll("form[data-cchc-filter]").forEach(setUp);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
